"""Checks an .xlsx file before any spreadsheet reader touches it, so a hostile file is refused with a
reason instead of exhausting memory or crashing the program.

Why this exists: calamine (the fast reader) lays a sheet out as one dense block from its first to its
last cell, so a sheet with a value in A1 and one in XFD1048576 asks for half a petabyte and aborts the
process; it also returns a formula's cached value as if it were typed. So, before calamine opens a
sheet, its XML is streamed once through zlib-ng (a few MB in memory at a time) and searched with byte
patterns at C speed for:

- cells beyond the row and column limits (and the sheet's <dimension>, which refuses an honest huge
  sheet from its first kilobytes);
- formulas (<f> elements), with the cell each belongs to;
- merged ranges (<mergeCell>);
- cells written without the canonical `<c r="A1"` address (every spreadsheet program writes it; a
  cell without it could be placed anywhere by the reader, so such a sheet is refused).

The ZIP container is checked first: size, entry count, encryption, and every XML part calamine reads
is inflated to its end with its declared size and CRC verified, so a part cannot hide more than it
declares (a "zip bomb"). A password-protected workbook is not a ZIP at all: Excel encrypts it into an
OLE2/CFB container (signature D0 CF 11 E0 A1 B1 1A E1) holding EncryptionInfo and EncryptedPackage
streams; the old .xls format is the same container with a Workbook stream. Both are recognised by
reading the container's directory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from xml.etree import ElementTree

from zlib_ng import zlib_ng  # zlib's inflate, twice as fast: the scan of a big sheet is mostly inflating

from desktop.domain.formatting import format_int
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_PART_BYTES = 100 * 1024 * 1024  # any XML part but a worksheet, inflated
MAX_SHEET_BYTES = 1024 * 1024 * 1024  # a worksheet's XML, inflated (its cells are limited separately)
# More rows than Indonesia has desa and kelurahan (83,762): no report sheet comes near it.
MAX_ROWS = 150_000
MAX_COLUMNS = 40  # AN
IN_CHUNK = 1 << 20
OUT_CHUNK = 4 << 20
MAX_CARRY = 8 << 20  # a single tag or text longer than this is not a spreadsheet's

CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURE = b"PK\x03\x04"
MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
WORKSHEET_TYPE = "/worksheet"
OFFICE_DOCUMENT_TYPE = "/officeDocument"


@dataclass(frozen=True)
class SheetEntry:
    """A worksheet of the workbook: its name, the XML part holding it, and whether it is shown."""

    name: str
    part: str
    state: str  # visible | hidden | veryHidden


@dataclass(frozen=True)
class SheetScan:
    """What the byte scan of one worksheet found; rows and columns 1-based, as Excel numbers them."""

    name: str
    max_row: int  # a lower bound of the last row (exact only when it is large)
    formulas: frozenset[tuple[int, int]]  # (row, column) of every cell holding a formula
    merged: tuple[tuple[int, int, int, int], ...]  # (first row, first column, last row, last column)


@dataclass(frozen=True)
class CheckedWorkbook:
    """An .xlsx file whose container passed the checks; its worksheets are scanned on demand."""

    path: Path
    sheets: tuple[SheetEntry, ...]

    def sheet(self, name: str) -> SheetEntry | None:
        """The worksheet of this name, if any."""
        return next((s for s in self.sheets if s.name == name), None)

    def scan(self, name: str, *, cells: bool = True, marks: bool = True) -> SheetScan:
        """Streams one worksheet's XML; raises UserError when it is beyond the limits or malformed.

        `cells`: the checks calamine needs passed before it reads the sheet (limits, addresses);
        `marks`: the formulas and merged cells. Each may be left out (empty in the result)."""
        entry = self.sheet(name)
        if entry is None:
            raise KeyError(name)
        try:
            with zipfile.ZipFile(self.path) as archive, self.path.open("rb") as raw:
                info = archive.getinfo(entry.part)
                scanner = _Scanner(name, cells=cells, marks=marks)
                return _scan_sheet(scanner, _inflate(raw, info, MAX_SHEET_BYTES, self.path))
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise damaged(self.path, exc) from exc


# --- messages ----------------------------------------------------------------------------------


def damaged(path: Path, reason: object) -> UserError:
    """The file is not a readable workbook."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile", "{name} rusak atau tidak lengkap ({reason}). Buka di Excel, simpan ulang, lalu coba lagi."
        ),
        name=path.name,
        reason=str(reason),
    )


def not_xlsx(path: Path) -> UserError:
    """Some other file than an .xlsx workbook."""
    return user_error(
        QT_TRANSLATE_NOOP("ExcelFile", "{name} bukan buku kerja Excel (.xlsx)."),
        name=path.name,
    )


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


# --- the container -----------------------------------------------------------------------------


def check_workbook(path: Path | str) -> CheckedWorkbook:
    """Checks the file is an .xlsx workbook within the limits; its worksheets in workbook order."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise user_error(QT_TRANSLATE_NOOP("ExcelFile", "Berkas {path} tidak ditemukan."), path=str(path)) from exc
    except IsADirectoryError as exc:
        raise not_xlsx(path) from exc
    except OSError as exc:
        raise damaged(path, exc.strerror or exc) from exc
    if head == CFB_SIGNATURE:
        raise _compound_file_error(path)
    if head[:4] != ZIP_SIGNATURE:
        raise not_xlsx(path)
    if size > MAX_FILE_BYTES:
        raise user_error(
            QT_TRANSLATE_NOOP("ExcelFile", "{name} terlalu besar ({size} MB); paling besar {limit} MB."),
            name=path.name,
            size=format_int(size // (1024 * 1024)),
            limit=format_int(MAX_FILE_BYTES // (1024 * 1024)),
        )
    try:
        with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
            return CheckedWorkbook(path, _check_archive(path, archive, raw))
    except zipfile.BadZipFile as exc:
        raise damaged(path, exc) from exc
    except (OSError, EOFError) as exc:
        raise damaged(path, getattr(exc, "strerror", None) or exc) from exc


def _check_archive(path: Path, archive: zipfile.ZipFile, raw: BinaryIO) -> tuple[SheetEntry, ...]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise damaged(path, f"{len(infos)} entries")
    if any(info.flag_bits & 0x1 for info in infos):
        raise _password_error(path)
    names = {info.filename: info for info in infos}
    if "mimetype" in names and "content.xml" in names:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelFile", "{name} berformat OpenDocument (.ods). Simpan sebagai .xlsx lalu impor lagi."
            ),
            name=path.name,
        )
    if "xl/workbook.bin" in names:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelFile", "{name} berformat Excel biner (.xlsb). Simpan sebagai .xlsx lalu impor lagi."
            ),
            name=path.name,
        )

    def read_part(name: str) -> bytes:
        return b"".join(_inflate(raw, names[name], MAX_PART_BYTES, path))

    workbook_part = "xl/workbook.xml"
    if "_rels/.rels" in names:
        for rel_type, target in _relationships(read_part("_rels/.rels"), path):
            if rel_type.endswith(OFFICE_DOCUMENT_TYPE):
                workbook_part = _resolve("", target)
    if workbook_part not in names:
        raise not_xlsx(path)
    rels_part = str(PurePosixPath(workbook_part).parent / "_rels" / (PurePosixPath(workbook_part).name + ".rels"))
    targets = {}
    if rels_part in names:
        for rel_id, rel_type, target in _relationships(read_part(rels_part), path, with_ids=True):
            if rel_type.endswith(WORKSHEET_TYPE):
                targets[rel_id] = _resolve(str(PurePosixPath(workbook_part).parent), target)
    sheets = []
    for name, state, rel_id in _sheet_list(read_part(workbook_part), path):
        part = targets.get(rel_id)
        if part is not None and part in names:  # chart and dialog sheets have no worksheet part
            sheets.append(SheetEntry(name, part, state))
    if not sheets:
        raise not_xlsx(path)
    # Every other XML part is inflated to its end once: what calamine reads at open (shared strings,
    # styles) cannot then be bigger than declared, and damage is found before anything is read.
    sheet_parts = {s.part for s in sheets} | {workbook_part, rels_part, "_rels/.rels"}
    for info in infos:
        if info.filename not in sheet_parts and info.filename.endswith((".xml", ".rels")):
            for _ in _inflate(raw, info, MAX_PART_BYTES, path):
                pass
    return tuple(sheets)


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = [p for p in base.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _parse_xml(data: bytes, path: Path) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise damaged(path, exc) from exc


def _relationships(data: bytes, path: Path, *, with_ids: bool = False) -> list[tuple]:
    found = []
    for element in _parse_xml(data, path).iter():
        if element.tag.rsplit("}", 1)[-1] == "Relationship":
            item = (element.get("Type", ""), element.get("Target", ""))
            found.append((element.get("Id", ""), *item) if with_ids else item)
    return found


def _sheet_list(data: bytes, path: Path) -> list[tuple[str, str, str]]:
    sheets = []
    for element in _parse_xml(data, path).iter():
        if element.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
        sheets.append((element.get("name", ""), element.get("state", "visible"), rel_id))
    return sheets


def _inflate(raw: BinaryIO, info: zipfile.ZipInfo, limit: int, path: Path) -> Iterator[bytes]:
    """The entry's bytes in chunks of at most OUT_CHUNK, checked against its declared size and CRC.

    Reads the compressed bytes itself (not zipfile's reader) so that a deflate stream that ends before
    or after the declared compressed size, or inflates to more than declared, is refused.
    """
    if info.file_size > limit:
        raise _part_too_big(path, info.filename, info.file_size)
    raw.seek(info.header_offset)
    local = raw.read(30)
    if len(local) != 30 or local[:4] != ZIP_SIGNATURE:
        raise damaged(path, info.filename)
    raw.seek(info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little"))
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib_ng.decompressobj(-15)
    else:
        raise damaged(path, f"{info.filename}: compression {info.compress_type}")
    left, total, crc = info.compress_size, 0, 0
    while left:
        chunk = raw.read(min(IN_CHUNK, left))
        if not chunk:
            raise damaged(path, f"{info.filename}: truncated")
        left -= len(chunk)
        while chunk:
            if inflater is None:
                out, chunk = chunk, b""
            else:
                try:
                    out = inflater.decompress(chunk, OUT_CHUNK)
                except zlib_ng.error as exc:  # spoilt bytes: not a deflate stream any more
                    raise damaged(path, f"{info.filename}: {exc}") from exc
                chunk = inflater.unconsumed_tail
            total += len(out)
            if total > info.file_size:
                raise damaged(path, f"{info.filename}: larger than declared")
            crc = zlib_ng.crc32(out, crc)
            if out:
                yield out
    if inflater is not None and (not inflater.eof or inflater.unused_data):
        raise damaged(path, f"{info.filename}: deflate stream does not match its size")
    if total != info.file_size or crc != info.CRC:
        raise damaged(path, f"{info.filename}: size or CRC mismatch")


def _part_too_big(path: Path, part: str, size: int) -> UserError:
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile", "Bagian {part} di dalam {name} terlalu besar setelah diurai ({size} MB); tidak dapat diimpor."
        ),
        part=part,
        name=path.name,
        size=format_int(size // (1024 * 1024)),
    )


# --- the worksheet scan ------------------------------------------------------------------------

_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
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


def _scan_sheet(scanner: _Scanner, chunks: Iterator[bytes]) -> SheetScan:
    name, started = scanner.name, False
    carry = b""
    for data in chunks:
        chunk = data
        # Each chunk is searched up to its last ">": no pattern contains ">", so none straddles the cut.
        # The bytes after it are carried over, joined to the head of the next chunk (up to its first ">").
        if not started:
            chunk, carry = carry + chunk, b""
            root = _ROOT.search(chunk)
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


# --- the compound (OLE2/CFB) container of encrypted and old workbooks ---------------------------


def _compound_file_error(path: Path) -> UserError:
    names = {n.casefold() for n in _compound_file_streams(path)}
    if {"encryptedpackage", "encryptioninfo"} & names:
        return _password_error(path)
    if {"workbook", "book"} & names:
        return user_error(
            QT_TRANSLATE_NOOP(
                "ExcelFile",
                "{name} berformat Excel lama (.xls). Buka di Excel, simpan sebagai Buku Kerja Excel (.xlsx), "
                "lalu impor lagi.",
            ),
            name=path.name,
        )
    return not_xlsx(path)


def _password_error(path: Path) -> UserError:
    return user_error(
        QT_TRANSLATE_NOOP(
            "ExcelFile",
            "{name} dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca. Buka di Excel, "
            "hapus kata sandi pembukanya, simpan, lalu impor lagi.",
        ),
        name=path.name,
    )


_FREE = 0xFFFFFFFA  # sector numbers from here up are markers (end of chain, free, FAT, DIFAT)


def _compound_file_streams(path: Path) -> list[str]:
    """The names in a CFB container's directory ([MS-CFB]); empty when the directory cannot be read."""
    try:
        with path.open("rb") as handle:
            return _directory_names(handle, path.stat().st_size)
    except OSError:
        return []


def _directory_names(handle: BinaryIO, file_size: int) -> list[str]:
    header = handle.read(512)
    if len(header) < 512:
        return []

    def u32(block: bytes, offset: int) -> int:
        return int.from_bytes(block[offset : offset + 4], "little")

    shift = int.from_bytes(header[0x1E:0x20], "little")
    if shift not in (9, 12):
        return []
    size = 1 << shift
    budget = file_size // size + 1  # no chain is longer than the file has sectors: a loop ends

    def sector(number: int) -> bytes:
        handle.seek((number + 1) * size)
        block = handle.read(size)
        return block if len(block) == size else b""

    fat_sectors = [u32(header, 0x4C + 4 * i) for i in range(109)]
    next_difat, steps = u32(header, 0x44), budget
    while next_difat < _FREE and steps > 0:  # more FAT sectors, listed in a chain of DIFAT sectors
        block = sector(next_difat)
        if not block:
            return []
        fat_sectors += [u32(block, i) for i in range(0, size - 4, 4)]
        next_difat, steps = u32(block, size - 4), steps - 1
    fat: list[int] = []
    for number in fat_sectors:
        if number < _FREE and len(fat) < budget:
            block = sector(number)
            fat += [u32(block, i) for i in range(0, len(block), 4)]
    names, current, steps = [], u32(header, 0x30), budget
    while current < _FREE and steps > 0:
        block = sector(current)
        if not block:
            break
        for entry in range(0, size, 128):
            length = int.from_bytes(block[entry + 64 : entry + 66], "little")
            if 2 <= length <= 64:
                names.append(block[entry : entry + length - 2].decode("utf-16-le", "replace"))
        current = fat[current] if current < len(fat) else _FREE
        steps -= 1
    return names
