"""The module matrix of a QR code (error correction M), with the mask ISO/IEC 18004 prefers.

reportlab's encoder (qrencoder) is used for what a code says: the choice of mode, the version, the
symbol's fixed patterns and format information, where data modules go and the eight mask rules. What
it does slowly is done here with Python integers instead, to the same result module for module:

- the Reed-Solomon error correction (reportlab divides polynomial objects recursively, a few ms a
  code): a shift-register division, the register one integer, over a per-generator table of products;
- the choice of mask: reportlab draws the symbol eight times and scores every candidate cell by cell.
  A mask only flips data modules, so here the data is placed once, each candidate is that placement
  XOR a per-version pattern, and the four penalty rules are counted on the whole symbol held as one
  integer (one bit a module, row after row; and once more column after column), where "the next row"
  is a shift by a row's length: a few dozen operations on big integers per candidate.

The mask chosen is the standard's: the lowest penalty, the lowest mask number on a tie. reportlab's
own count of finder-like patterns (N3) differs from the standard's, so for some payloads its encoder
picks another mask than this; both symbols read the same. tests/reports/test_qr_matrix.py checks the
symbol against the penalty counted cell by cell.
"""

from __future__ import annotations

import itertools
from functools import cache
from operator import itemgetter

from reportlab.graphics.barcode import qrencoder

LEVEL = qrencoder.QRErrorCorrectLevel.M
MASKS = 8
_EXP = qrencoder.EXP_TABLE[:255] * 2  # α^i for 0 <= i < 510: a sum of two logarithms needs no modulo
_LOG = qrencoder.LOG_TABLE


@cache
def _template(version: int) -> _Template:
    return _Template(version)


class _Template:
    """What a symbol of one version looks like before its data: made once per version.

    A symbol "packed" is one integer of size x size bits: row 0 in the highest `size` bits, then row 1,
    and so on, the leftmost module of a row its highest bit; "packed by columns" likewise with the
    columns (the topmost module highest).
    """

    def __init__(self, version: int):
        self.version = version
        self.size = size = version * 4 + 17
        scratch = qrencoder.QRCode(version, LEVEL)
        scratch.moduleCount = size
        # Where the data modules go, in placement order (as QRCode.mapData walks them).
        positions = [(row, column) for column, row in scratch._dataPosIterator()]
        blocks = qrencoder.QRRSBlock.getRSBlocks(version, LEVEL)
        self.data_bits = data_bits = sum(block.totalCount for block in blocks) * 8
        # The data bits read in symbol order: by index into the codewords' bit string, which has one
        # "0" appended for the modules no data reaches (the fixed patterns, the remainder bits).
        by_row = [data_bits] * (size * size)
        by_column = [data_bits] * (size * size)
        for index, (row, column) in enumerate(positions[:data_bits]):
            by_row[row * size + column] = index
            by_column[column * size + row] = index
        self.data_by_row = itemgetter(*by_row)
        self.data_by_column = itemgetter(*by_column)
        rules = [qrencoder.QRUtil.getMask(m) for m in range(MASKS)]
        self.masks = [  # per mask: the data modules it darkens, packed, and packed by columns
            (_pack(_matrix(size, positions, rule)), _pack(_transposed(_matrix(size, positions, rule))))
            for rule in rules
        ]
        # The fixed patterns, with the format (and version) information left light, as candidates are
        # scored; and with each mask's format information, for the symbol as printed.
        fixed = self._patterns(None)
        self.fixed = _pack(fixed)
        self.fixed_by_column = _pack(_transposed(fixed))
        self.final = [_pack(self._patterns(mask)) for mask in range(MASKS)]
        self.lines = _Lines(size)

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


def _matrix(size: int, positions: list[tuple[int, int]], rule) -> list[list[bool]]:
    modules = [[False] * size for _ in range(size)]
    for row, column in positions:
        modules[row][column] = bool(rule(row, column))
    return modules


def _transposed(modules: list[list[bool]]) -> list[list[bool]]:
    return [list(column) for column in zip(*modules, strict=True)]


def _pack(modules: list[list[bool]]) -> int:
    """A matrix of modules as one integer, row after row (see _Template)."""
    return int("".join("1" if dark else "0" for row in modules for dark in row), 2)


class _Lines:
    """Masks over a packed symbol of `size` lines of `size` bits (line 0 highest)."""

    def __init__(self, size: int):
        self.size = size
        self.line = (1 << size) - 1
        # first[k]: every bit of lines 0 … k-1 (the lines that have k - 1 … 0 lines after them).
        self.first = [((1 << (k * size)) - 1) << ((size - k) * size) if k > 0 else 0 for k in range(size + 1)]
        self.all = self.first[size]
        # Lines 0 … size-2 without their leftmost module: where a 2x2 block can have its top-right corner.
        self.pairs = sum((self.line >> 1) << ((size - 1 - i) * size) for i in range(size - 1))


def qr_rows(payload: str) -> tuple[int, list[int]]:
    """The QR matrix of a payload (level M): its size, and its rows as integers (the leftmost module is
    the highest bit, 1 for dark)."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(payload)
    code.version = code.calculate_version()
    template = _template(code.version)
    size = template.size
    codewords = _codewords(code)
    bits = format(int.from_bytes(codewords, "big"), f"0{template.data_bits}b") + "0"
    data = int("".join(template.data_by_row(bits)), 2)
    data_by_column = int("".join(template.data_by_column(bits)), 2)
    scores = []
    for mask, (darkened, darkened_by_column) in enumerate(template.masks):
        candidate = template.fixed | (data ^ darkened)
        transposed = template.fixed_by_column | (data_by_column ^ darkened_by_column)
        scores.append((_packed_penalty(candidate, transposed, template.lines), mask))
    best = min(scores)[1]
    symbol = template.final[best] | (data ^ template.masks[best][0])
    line = template.lines.line
    return size, [(symbol >> ((size - 1 - row) * size)) & line for row in range(size)]


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


@cache
def _products(degree: int) -> list[int]:
    """Each byte value times the generator of this degree (its leading 1 left out), as an integer of
    `degree` bytes: one row of the shift register's feedback per value."""
    generator = _generator(degree)
    return [0] + [int.from_bytes(bytes(_EXP[g + _LOG[factor]] for g in generator), "big") for factor in range(1, 256)]


def _remainder(data: bytes, degree: int) -> list[int]:
    """The error correction codewords of a block: data x^degree modulo the generator, over GF(256).

    The register is one integer of `degree` bytes: each data byte shifts it by a byte and adds (XOR)
    the generator times the byte that left it plus the data byte.
    """
    products = _products(degree)
    top, register_bits = 8 * (degree - 1), (1 << (8 * degree)) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & register_bits) ^ products[byte ^ (remainder >> top)]
    return list(remainder.to_bytes(degree, "big"))


# --- the mask penalty ------------------------------------------------------------------------------


def mask_penalty(rows: list[int]) -> int:
    """ISO/IEC 18004 mask penalty of a square symbol given as row integers (leftmost module highest).

    N1: each run of five or more same-coloured modules in a row or column scores 3 + (length - 5);
    N2: each 2x2 block of one colour scores 3; N3: each finder-like pattern 1011101 with four light
    modules on either side, in a row or column, scores 40; N4: 10 for every 5 % the dark share is
    away from 50 %.
    """
    size = len(rows)
    columns = [sum(((row >> (size - 1 - c)) & 1) << (size - 1 - r) for r, row in enumerate(rows)) for c in range(size)]
    packed = sum(row << ((size - 1 - r) * size) for r, row in enumerate(rows))
    packed_columns = sum(column << ((size - 1 - c) * size) for c, column in enumerate(columns))
    return _packed_penalty(packed, packed_columns, _Lines(size))


def _packed_penalty(symbol: int, by_column: int, lines: _Lines) -> int:
    """mask_penalty of a symbol packed, and packed by columns (see _Template)."""
    size = lines.size
    # Down the columns (the lines of the symbol packed by rows), then along the rows.
    score = _lines_penalty(symbol, lines) + _lines_penalty(by_column, lines)
    # N2: 2x2 blocks of one colour (two rows agree at two neighbouring columns, where the upper row's two
    # agree); a row's leftmost module takes the bit of the row above on the shift, and is left out.
    same = ~(symbol ^ (symbol << size)) & lines.first[size - 1]
    score += 3 * (~(symbol ^ (symbol >> 1)) & same & (same >> 1) & lines.pairs).bit_count()
    # N4: the dark share.
    return score + 10 * (abs(symbol.bit_count() * 100 // (size * size) - 50) // 5)


def _lines_penalty(packed: int, lines: _Lines) -> int:
    """Rules N1 and N3 across the lines of a packed symbol: at every bit position of a line at once, and
    at every line at once (line i + k comes to line i by a shift of k lines).

    Given the rows, this scores the columns; given the columns, the rows.
    """
    size, first = lines.size, lines.first
    # N1: agree has a bit where line i and i + 1 agree; windows where lines i … i + 4 agree. A run of
    # length L >= 5 sets L - 4 consecutive windows, and its penalty L - 2 is those plus 2 for its last.
    agree = ~(packed ^ (packed << size)) & first[size - 1]
    windows = agree & (agree << size) & (agree << 2 * size) & (agree << 3 * size) & first[size - 4]
    ends = windows & ~(windows << size)
    score = windows.bit_count() + 2 * ends.bit_count()
    # N3: 1011101 (a core) with 0000 after it (at i + 7) or before it (at i - 4).
    a, b = packed, packed ^ lines.all
    cores = (
        a
        & (b << size)
        & (a << 2 * size)
        & (a << 3 * size)
        & (a << 4 * size)
        & (b << 5 * size)
        & (a << 6 * size)
        & first[size - 6]
    )
    quiet = b & (b << size) & (b << 2 * size) & (b << 3 * size) & first[size - 3]
    found = (cores & (quiet << 7 * size) & first[size - 10]).bit_count()
    found += (quiet & (cores << 4 * size) & first[size - 10]).bit_count()
    return score + 40 * found
