"""The module matrix of a QR code (error correction M), with the mask ISO/IEC 18004 prefers.

reportlab's encoder (qrencoder) is used for what a code says: the choice of mode, the version, the
symbol's fixed patterns and format information, where data modules go and the eight mask rules. What
it does slowly is done here with Python integers instead, to the same result module for module:

- the Reed-Solomon error correction (reportlab divides polynomial objects recursively, a few ms a
  code): the usual shift-register division over log/antilog tables;
- the choice of mask: reportlab draws the symbol eight times and scores every candidate cell by cell.
  A mask only flips data modules, so here the data is placed once, each candidate is that placement
  XOR a per-version pattern, and the four penalty rules are counted on whole rows and columns held as
  integers (one bit a module) with a few bit operations per line.

The mask chosen is the standard's: the lowest penalty, the lowest mask number on a tie.
"""

from __future__ import annotations

import itertools
import operator
from functools import cache

from reportlab.graphics.barcode import qrencoder

LEVEL = qrencoder.QRErrorCorrectLevel.M
MASKS = 8
_EXP = qrencoder.EXP_TABLE[:255] * 2  # α^i for 0 <= i < 510: a sum of two logarithms needs no modulo
_LOG = qrencoder.LOG_TABLE


@cache
def _template(version: int) -> _Template:
    return _Template(version)


class _Template:
    """What a symbol of one version looks like before its data: made once per version."""

    def __init__(self, version: int):
        self.version = version
        self.size = size = version * 4 + 17
        scratch = qrencoder.QRCode(version, LEVEL)
        scratch.moduleCount = size
        # Where the data modules go, in placement order (as QRCode.mapData walks them).
        self.positions = [(size - 1 - column, row) for column, row in scratch._dataPosIterator()]
        rules = [qrencoder.QRUtil.getMask(m) for m in range(MASKS)]
        self.mask_rows = [[0] * size for _ in range(MASKS)]  # per mask: the data modules it darkens
        self.mask_columns = [[0] * size for _ in range(MASKS)]
        for shift, row in self.positions:
            column = size - 1 - shift
            for mask, rule in enumerate(rules):
                if rule(row, column):
                    self.mask_rows[mask][row] |= 1 << shift
                    self.mask_columns[mask][column] |= 1 << (size - 1 - row)
        # The fixed patterns, with the format (and version) information left light, as candidates are
        # scored; and with each mask's format information, for the symbol as printed.
        self.fixed_rows = _rows(self._patterns(None))
        self.fixed_columns = _rows(list(zip(*self._patterns(None), strict=True)))
        self.final_rows = [_rows(self._patterns(mask)) for mask in range(MASKS)]

    def _patterns(self, mask: int | None) -> list[list[bool]]:
        """The finder, alignment and timing patterns and the format (and version) information, as
        QRCode.makeImpl draws them before the data; light format information when no mask is given."""
        code = qrencoder.QRCode(self.version, LEVEL)
        code.moduleCount = count = self.size
        code.modules = [[False] * count for _ in range(count)]
        code.setupPositionProbePattern(0, 0)
        code.setupPositionProbePattern(count - 7, 0)
        code.setupPositionProbePattern(0, count - 7)
        code.setupPositionAdjustPattern()
        code.setupTimingPattern()
        code.setupTypeInfo(mask is None, mask or 0)
        if self.version >= 7:
            code.setupTypeNumber(mask is None)
        return code.modules


def qr_rows(payload: str) -> tuple[int, list[int]]:
    """The QR matrix of a payload (level M): its size, and its rows as integers (the leftmost module is
    the highest bit, 1 for dark)."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(payload)
    code.version = code.calculate_version()
    template = _template(code.version)
    size = template.size
    rows, columns = [0] * size, [0] * size
    codewords = _codewords(code)
    bits = format(int.from_bytes(codewords, "big"), f"0{len(codewords) * 8}b")
    for (shift, row), bit in zip(template.positions, bits, strict=False):
        if bit == "1":
            rows[row] |= 1 << shift
            columns[size - 1 - shift] |= 1 << (size - 1 - row)
    scores = []
    for mask in range(MASKS):
        candidate = [f | (d ^ m) for f, d, m in zip(template.fixed_rows, rows, template.mask_rows[mask], strict=True)]
        transposed = [
            f | (d ^ m) for f, d, m in zip(template.fixed_columns, columns, template.mask_columns[mask], strict=True)
        ]
        scores.append((mask_penalty(candidate, transposed), mask))
    best = min(scores)[1]
    return size, [
        f | (d ^ m) for f, d, m in zip(template.final_rows[best], rows, template.mask_rows[best], strict=True)
    ]


def _rows(modules: list[list[bool]] | list[tuple[bool, ...]]) -> list[int]:
    """Rows of modules as integers: the leftmost module is the highest bit."""
    return [int("".join("1" if dark else "0" for dark in row), 2) for row in modules]


# --- the codewords -------------------------------------------------------------------------------


class _Bits:
    """The bit buffer QR data segments write themselves to (the part of QRBitBuffer they use)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, number: int, length: int) -> None:
        self.value = (self.value << length) | (number & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:
        return self.length


def _codewords(code: qrencoder.QRCode) -> bytes:
    """The data and error correction codewords, interleaved, as QRCode.createData makes them."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    capacity = sum(block.dataCount for block in blocks) * 8
    buffer = _Bits()
    for segment in code.dataList:
        segment.write(buffer, code.version)
    if buffer.length > capacity:
        raise ValueError(f"code length overflow. ({buffer.length} > {capacity})")
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)  # the terminator
    buffer.put(0, -buffer.length % 8)
    pad = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.length < capacity:
        buffer.put(next(pad), 8)
    data = buffer.value.to_bytes(capacity // 8, "big")
    pieces, corrections, offset = [], [], 0
    for block in blocks:
        piece = data[offset : offset + block.dataCount]
        offset += block.dataCount
        pieces.append(piece)
        corrections.append(_remainder(piece, block.totalCount - block.dataCount))
    return bytes(
        byte
        for group in (pieces, corrections)
        for column in itertools.zip_longest(*group)
        for byte in column
        if byte is not None
    )


@cache
def _generator(degree: int) -> tuple[int, ...]:
    """log α of the coefficients (after the leading 1) of the generator (x - α^0)(x - α^1)…(x - α^(degree-1))."""
    poly = [1]
    for i in range(degree):
        poly = [high ^ (_EXP[_LOG[low] + i] if low else 0) for high, low in zip([*poly, 0], [0, *poly], strict=True)]
    return tuple(_LOG[c] for c in poly[1:])


def _remainder(data: bytes, degree: int) -> list[int]:
    """The error correction codewords of a block: data x^degree modulo the generator, over GF(256)."""
    generator = _generator(degree)
    remainder = [0] * degree
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            log = _LOG[factor]
            remainder = [r ^ _EXP[g + log] for r, g in zip(remainder, generator, strict=True)]
    return remainder


# --- the mask penalty ------------------------------------------------------------------------------


def mask_penalty(rows: list[int], columns: list[int] | None = None) -> int:
    """ISO/IEC 18004 mask penalty of a square symbol given as row integers (leftmost module highest),
    with its columns likewise (topmost module highest) when already at hand.

    N1: each run of five or more same-coloured modules in a row or column scores 3 + (length - 5);
    N2: each 2x2 block of one colour scores 3; N3: each finder-like pattern 1011101 with four light
    modules on either side, in a row or column, scores 40; N4: 10 for every 5 % the dark share is
    away from 50 %.
    """
    size = len(rows)
    if columns is None:
        columns = [
            sum(((row >> (size - 1 - c)) & 1) << (size - 1 - r) for r, row in enumerate(rows)) for c in range(size)
        ]
    full = (1 << size) - 1
    score = _lines_penalty(rows, full) + _lines_penalty(columns, full)  # down the columns, then along the rows
    # N2: 2x2 blocks of one colour (two rows agree at two neighbouring columns, where the upper row's two agree).
    pairs = full >> 1
    for upper, lower in itertools.pairwise(rows):
        same = ~(upper ^ lower) & full
        score += 3 * (~(upper ^ (upper >> 1)) & same & (same >> 1) & pairs).bit_count()
    # N4: the dark share.
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * (abs(dark * 100 // (size * size) - 50) // 5)


def _lines_penalty(lines: list[int], full: int) -> int:
    """Rules N1 and N3 down every bit position of `lines` at once (line i + k plays module i + k).

    Given the rows, this scores the columns; given the columns, the rows.
    """
    # N1: windows[i] has a bit set where lines i … i + 4 agree; a run of length L >= 5 sets it in
    # L - 4 consecutive windows, and its penalty L - 2 is those plus 2 for the run's last window.
    agree = [~(a ^ b) & full for a, b in itertools.pairwise(lines)]
    windows = [a & b & c & d for a, b, c, d in zip(agree, agree[1:], agree[2:], agree[3:], strict=False)]
    ends = [w & ~following for w, following in zip(windows, [*windows[1:], 0], strict=True)]
    score = sum(map(int.bit_count, windows)) + 2 * sum(map(int.bit_count, ends))
    # N3: 1011101 (a core) with 0000 after it (at i + 7) or before it (at i - 4).
    a = lines
    b = [line ^ full for line in lines]
    count = len(lines)
    cores = [a[i] & b[i + 1] & a[i + 2] & a[i + 3] & a[i + 4] & b[i + 5] & a[i + 6] for i in range(count - 6)]
    quiet = [b[i] & b[i + 1] & b[i + 2] & b[i + 3] for i in range(count - 3)]
    found = sum(map(int.bit_count, map(operator.and_, cores[: count - 10], quiet[7:])))
    found += sum(map(int.bit_count, map(operator.and_, quiet, cores[4:])))
    return score + 40 * found
