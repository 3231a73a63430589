"""The byte scan of one worksheet's XML, before calamine reads it.

calamine lays a sheet out as one dense block from its first to its last cell, so a sheet with a value
in A1 and one in XFD1048576 asks for half a petabyte and aborts the process; it also returns a
formula's cached value as if it were typed. So the sheet's XML is searched, chunk by chunk, with byte
patterns at C speed for:

- cells beyond the row and column limits (and the sheet's <dimension>, which refuses an honest huge
  sheet from its first kilobytes);
- cells written without the canonical `<c r="A1"` address (every spreadsheet program writes it; a
  cell without it could be placed anywhere by the reader, so such a sheet is refused);
- formulas (<f> elements), with the cell each belongs to, and merged ranges (<mergeCell>).

The first two must pass before calamine opens the sheet ("cells"); the others ("marks") may be found
meanwhile. excel_guard checks the container and inflates the XML for this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.domain.formatting import format_int
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error

# More rows than Indonesia has desa and kelurahan (83,762): no report sheet comes near it.
MAX_ROWS = 150_000
MAX_COLUMNS = 40  # AN
MAX_CARRY = 8 << 20  # a single tag or text longer than this is not a spreadsheet's


@dataclass(frozen=True)
class SheetScan:
    """What the byte scan of one worksheet found; rows and columns 1-based, as Excel numbers them."""

    name: str
    max_row: int  # a lower bound of the last row (exact only when it is large)
    formulas: frozenset[tuple[int, int]]  # (row, column) of every cell holding a formula
    merged: tuple[tuple[int, int, int, int], ...]  # (first row, first column, last row, last column)


# --- messages ---------------------------------------------------------------------------------


def too_many_rows(sheet: str, row: int) -> UserError:
    """A sheet reaches beyond MAX_ROWS."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile",
            "Lembar '{sheet}' berisi sampai baris {row}; paling banyak {limit} baris per lembar. "
            "Hapus baris yang tidak diperlukan lalu impor lagi.",
        ),
        sheet=sheet,
        row=format_int(row),
        limit=format_int(MAX_ROWS),
    )


def too_many_columns(sheet: str, column: int) -> UserError:
    """A sheet reaches beyond MAX_COLUMNS."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile",
            "Lembar '{sheet}' berisi sampai kolom {column}; paling banyak {limit} kolom. "
            "Hapus kolom yang tidak diperlukan lalu impor lagi.",
        ),
        sheet=sheet,
        column=column_letter(column),
        limit=column_letter(MAX_COLUMNS),
    )


def odd_structure(sheet: str) -> UserError:
    """A sheet written in a way no spreadsheet program writes it."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile",
            "Lembar '{sheet}' ditulis dengan struktur yang tidak biasa. "
            "Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi.",
        ),
        sheet=sheet,
    )


# --- the scan ----------------------------------------------------------------------------------

ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")  # the root element, group 1 its prefix
_REF = re.compile(rb"([A-Za-z]{1,7})([0-9]{1,9})\"")
_PREFIXED_CELL = re.compile(rb"<([A-Za-z_][\w.-]*):c(?![\w.-])")
_LOCAL_C = re.compile(rb":c(?![\w.-])")  # a quick look for _PREFIXED_CELL: ":" is rare in a sheet
# An unprefixed cell whose address has two or more letters, or six or more digits (group 1: the only
# addresses that may be beyond the limits, and rare in a report sheet, so the search stays at C speed),
# or a cell without its address first (no group).
_CELL_CHECK = re.compile(rb'<c(?:( r=")(?:[A-Za-z]{2}|[A-Za-z][0-9]{6})|(?! r=")(?![\w.:-]))')


def column_number(letters: str | bytes) -> int:
    """ "A" -> 1, "AA" -> 27."""
    number = 0
    for char in letters.upper() if isinstance(letters, str) else letters.decode("ascii").upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letter(number: int) -> str:
    """1 -> "A", 27 -> "AA"."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Scanner:
    """The state of one worksheet's byte scan across chunks."""

    def __init__(self, name: str, *, cells: bool, marks: bool):
        self.name, self.cells, self.marks = name, cells, marks
        self.max_row = 0
        self.formulas: set[tuple[int, int]] = set()
        self.merged: list[tuple[int, int, int, int]] = []
        self.last_ref: tuple[int, int] | None = None

    def start(self, prefix: bytes) -> None:
        """Sets the patterns for the root element's namespace prefix (b"" or b"x:")."""
        p = re.escape(b"<" + prefix)
        self.prefix, self.prefixed = prefix, bool(prefix)
        self.cell = b"<" + prefix + b"c"
        self.cell_ref = b"<" + prefix + b'c r="'
        self.formula_start = b"<" + prefix + b"f"  # also <formula1> of a validation: checked in _formulas
        self.formula_tokens = tuple(b"<" + prefix + t for t in (b"f>", b"f ", b"f/>"))
        # A cell address with two or more letters, or six or more digits: the only ones that may be
        # beyond the limits, and rare in a report sheet, so the search stays at C speed.
        self.big_ref = re.compile(p + rb'c r="(?:[A-Za-z]{2,}|[A-Za-z][0-9]{6})')
        self.bare_cell = re.compile(p + rb'c(?! r=")(?![\w.:-])')
        self.merge = re.compile(p + rb'mergeCell\s[^>]*?ref="([A-Za-z]+)([0-9]+)(?::([A-Za-z]+)([0-9]+))?"')
        self.dimension = re.compile(p + rb'dimension\s+ref="(?:[A-Za-z]+[0-9]+:)?([A-Za-z]+)([0-9]+)"')

    def place(self, row: int, column: int) -> None:
        if row > MAX_ROWS:
            raise too_many_rows(self.name, row)
        if column > MAX_COLUMNS:
            raise too_many_columns(self.name, column)
        self.max_row = max(self.max_row, row)

    def first(self, piece: bytes) -> None:
        if self.cells and (found := self.dimension.search(piece)):
            self.place(int(found.group(2)), column_number(found.group(1)))

    def feed(self, piece: bytes, start: int = 0, end: int | None = None) -> None:
        """Searches piece[start:end] (bounds instead of a slice: a chunk is a few MB, copying it costs)."""
        end = len(piece) if end is None else end
        if self.cells:
            if self.prefixed:
                self._cells_prefixed(piece, start, end)
            else:
                self._cells(piece, start, end)
        if self.marks:
            self._marks(piece, start, end)

    def _marks(self, piece: bytes, start: int, end: int) -> None:
        if piece.find(self.formula_start, start, end) >= 0:
            self._formulas(piece, start, end)
        if piece.find(b"mergeCell", start, end) >= 0:
            for found in self.merge.finditer(piece, start, end):
                first_col, first_row = column_number(found.group(1)), int(found.group(2))
                last_col = column_number(found.group(3)) if found.group(3) else first_col
                last_row = int(found.group(4)) if found.group(4) else first_row
                self.merged.append((first_row, first_col, last_row, last_col))
        last = piece.rfind(self.cell_ref, start, end)
        if last >= 0 and (ref := _REF.match(piece, last + len(self.cell_ref), end)):
            self.last_ref = (int(ref.group(2)), column_number(ref.group(1)))

    def _cells(self, piece: bytes, start: int, end: int) -> None:
        """The cells of a sheet without a namespace prefix (as every spreadsheet program writes it), in
        two searches: each cell whose address may be beyond the limits, or that has no address first;
        and any cell under a prefix (calamine matches local names and would read it)."""
        for found in _CELL_CHECK.finditer(piece, start, end):
            if found.group(1) is None:
                raise odd_structure(self.name)
            ref = _REF.match(piece, found.end(1), end)
            if ref is None:
                raise odd_structure(self.name)
            self.place(int(ref.group(2)), column_number(ref.group(1)))
        if _LOCAL_C.search(piece, start, end) and _PREFIXED_CELL.search(piece, start, end):
            raise odd_structure(self.name)

    def _cells_prefixed(self, piece: bytes, start: int, end: int) -> None:
        """The cells of a sheet whose elements carry a namespace prefix: counted against each other."""
        cells = piece.count(self.cell_ref, start, end)
        if piece.count(self.cell, start, end) != cells and self.bare_cell.search(piece, start, end):
            raise odd_structure(self.name)
        # A cell under another prefix, or none: calamine matches local names and would read it, the
        # patterns here would not.
        if piece.count(b'c r="', start, end) != cells or _CELL_CHECK.search(piece, start, end):
            raise odd_structure(self.name)  # a cell without the prefix: with its address, or without
        if piece.count(b":c", start, end) != cells:
            for found in _PREFIXED_CELL.finditer(piece, start, end):
                if found.group(1) + b":" != self.prefix or not piece.startswith(b' r="', found.end()):
                    raise odd_structure(self.name)
        for found in self.big_ref.finditer(piece, start, end):
            ref = _REF.match(piece, found.start() + len(self.cell_ref), end)
            if ref is None:
                raise odd_structure(self.name)
            self.place(int(ref.group(2)), column_number(ref.group(1)))

    def _formulas(self, piece: bytes, start: int, end: int) -> None:
        for token in self.formula_tokens:
            at = piece.find(token, start, end)
            while at >= 0:
                cell = piece.rfind(self.cell_ref, start, at)
                ref = _REF.match(piece, cell + len(self.cell_ref), end) if cell >= 0 else None
                if ref is not None:
                    self.formulas.add((int(ref.group(2)), column_number(ref.group(1))))
                elif self.last_ref is not None:  # the cell's tag ended the previous chunk
                    self.formulas.add(self.last_ref)
                else:
                    raise odd_structure(self.name)
                at = piece.find(token, at + 1, end)

    def result(self) -> SheetScan:
        return SheetScan(self.name, self.max_row, frozenset(self.formulas), tuple(self.merged))


def scan_sheet(name: str, chunks: Iterator[bytes], *, cells: bool = True, marks: bool = True) -> SheetScan:
    """Searches a worksheet's XML, given in chunks; UserError when it is beyond the limits or malformed.

    `cells`: the checks calamine needs passed before it reads the sheet (limits, addresses);
    `marks`: the formulas and merged cells. Each may be left out (empty in the result)."""
    scanner, started = _Scanner(name, cells=cells, marks=marks), False
    carry = b""
    for data in chunks:
        chunk = data
        # Each chunk is searched up to its last ">": no pattern contains ">", so none straddles the cut.
        # The bytes after it are carried over, joined to the head of the next chunk (up to its first ">").
        if not started:
            chunk, carry = carry + chunk, b""
            root = ROOT.search(chunk)
            if root is None:
                if len(chunk) > MAX_CARRY:
                    raise odd_structure(name)
                carry = chunk
                continue
            scanner.start((root.group(1) + b":") if root.group(1) else b"")
            scanner.first(chunk)
            started = True
            head = 0
        else:
            head = chunk.find(b">") + 1
            if head == 0:  # no tag ends in this chunk: it all joins the carry
                carry += chunk
                if len(carry) > MAX_CARRY:
                    raise odd_structure(name)
                continue
            scanner.feed(carry + chunk[:head])
        cut = chunk.rfind(b">") + 1
        scanner.feed(chunk, head, cut)
        carry = chunk[cut:]
        if len(carry) > MAX_CARRY:
            raise odd_structure(name)
    if not started or carry.strip():
        raise odd_structure(name)
    return scanner.result()
