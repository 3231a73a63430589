"""Checks an .xlsx file before any spreadsheet reader touches it, so a hostile file is refused with a
reason instead of exhausting memory or crashing the program.

Before calamine (the fast reader) opens a sheet, its XML is streamed through zlib-ng (a few MB in
memory at a time) and searched by excel_sheet_scan for cells beyond the limits, formulas and merged
cells: calamine would abort the process on a far cell, and return a formula's cached value as typed.
What the scan has searched may be handed on (to excel_segments, which has calamine read it).

The ZIP container is checked first: size, entry count, encryption, and every XML part calamine reads
is inflated to its end with its declared size and CRC verified, so a part cannot hide more than it
declares (a "zip bomb"). A password-protected workbook is not a ZIP at all: Excel encrypts it into an
OLE2/CFB container (signature D0 CF 11 E0 A1 B1 1A E1) holding EncryptionInfo and EncryptedPackage
streams; the old .xls format is the same container with a Workbook stream. Both are recognised by
reading the container's directory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from xml.etree import ElementTree

from zlib_ng import zlib_ng  # zlib's inflate, twice as fast: the scan of a big sheet is mostly inflating

from desktop.domain.formatting import format_int
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.reports.excel_sheet_scan import SheetScan, scan_sheet

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_PART_BYTES = 100 * 1024 * 1024  # any XML part but a worksheet, inflated
MAX_SHEET_BYTES = 1024 * 1024 * 1024  # a worksheet's XML, inflated (its cells are limited separately)
IN_CHUNK = 1 << 20
OUT_CHUNK = 4 << 20

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
    size: int  # of its XML, as the part declares it (and the scan holds it to)


@dataclass(frozen=True)
class CheckedWorkbook:
    """An .xlsx file whose container passed the checks; its worksheets are scanned on demand."""

    path: Path
    sheets: tuple[SheetEntry, ...]

    def sheet(self, name: str) -> SheetEntry | None:
        """The worksheet of this name, if any."""
        return next((s for s in self.sheets if s.name == name), None)

    def scan(
        self, name: str, *, cells: bool = True, marks: bool = True, taken: Callable[[bytes], None] | None = None
    ) -> SheetScan:
        """Streams one worksheet's XML; raises UserError when it is beyond the limits or malformed.

        `cells`: the checks calamine needs passed before it reads the sheet (limits, addresses);
        `marks`: the formulas and merged cells. Each may be left out (empty in the result).
        `taken(chunk)` is given each chunk of the XML, in order, once the scan has searched it."""
        entry = self.sheet(name)
        if entry is None:
            raise KeyError(name)
        try:
            with zipfile.ZipFile(self.path) as archive, self.path.open("rb") as raw:
                info = archive.getinfo(entry.part)
                chunks = _inflate(raw, info, MAX_SHEET_BYTES, self.path)
                if taken is not None:
                    chunks = _handed_on(chunks, taken)
                return scan_sheet(name, chunks, cells=cells, marks=marks)
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise damaged(self.path, exc) from exc

    def other_parts(self) -> dict[str, bytes]:
        """Every XML part but the worksheets, inflated: what calamine reads beside a sheet."""
        sheet_parts = {s.part for s in self.sheets}
        try:
            with zipfile.ZipFile(self.path) as archive, self.path.open("rb") as raw:
                return {
                    info.filename: b"".join(_inflate(raw, info, MAX_PART_BYTES, self.path))
                    for info in archive.infolist()
                    if info.filename not in sheet_parts and info.filename.endswith((".xml", ".rels"))
                }
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise damaged(self.path, exc) from exc


def _handed_on(chunks: Iterator[bytes], taken: Callable[[bytes], None]) -> Iterator[bytes]:
    """The chunks, each also given to `taken` when the next is asked for (the scan is done with it)."""
    previous = None
    for chunk in chunks:
        if previous is not None:
            taken(previous)
        yield chunk
        previous = chunk
    if previous is not None:
        taken(previous)


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
            sheets.append(SheetEntry(name, part, state, names[part].file_size))
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
