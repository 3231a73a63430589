"""Builders for the Excel tests: workbooks filled as an operator fills them, and hostile files made by hand."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import openpyxl

from desktop.storage.store import Store

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def fill(template: Path, out: Path, cells: dict[tuple[str, str], object]) -> Path:
    """Opens a workbook with openpyxl, writes values into cells ({(sheet, "C7"): 120}) and saves it as `out`."""
    workbook = openpyxl.load_workbook(template)
    for (sheet, ref), value in cells.items():
        workbook[sheet][ref] = value
    workbook.save(out)
    return out


def plain_sheet(path: Path, rows: Iterable[Iterable[object]], title: str = "Data") -> Path:
    """A workbook a user made: one sheet with the given rows from A1."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def raw_xlsx(path: Path, sheet_xml: bytes | Iterable[bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A minimal .xlsx with one sheet whose XML is given as is (or streamed from chunks)."""
    with zipfile.ZipFile(path, "w", compression, compresslevel=1) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        if isinstance(sheet_xml, bytes):
            archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        else:
            with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
                for chunk in sheet_xml:
                    handle.write(chunk)
    return path


def sheet_xml(rows: str, root: str = f'<worksheet xmlns="{MAIN}">', tail: str = "") -> bytes:
    """A worksheet's XML around the given <row> elements."""
    return f'<?xml version="1.0" encoding="UTF-8"?>{root}<sheetData>{rows}</sheetData>{tail}</worksheet>'.encode()


def header_row(number: int = 1) -> str:
    """A header row (Kode wilayah, Sasaran, Terlayani) as inline strings."""
    cells = "".join(
        f'<c r="{col}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
        for col, text in (("A", "Kode wilayah"), ("B", "Sasaran"), ("C", "Terlayani"))
    )
    return f'<row r="{number}">{cells}</row>'


def million_rows() -> Iterable[bytes]:
    """A header and a million rows of figures, streamed (written without a <dimension>, as some programs do)."""
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{header_row()}'.encode()
    batch = []
    for number in range(2, 1_000_002):
        batch.append(f'<row r="{number}"><c r="A{number}"><v>1</v></c><c r="B{number}"><v>2</v></c></row>')
        if len(batch) == 10_000:
            yield "".join(batch).encode()
            batch = []
    yield ("".join(batch) + "</sheetData></worksheet>").encode()


def compound_file(path: Path, streams: Iterable[str]) -> Path:
    """A minimal OLE2/CFB container ([MS-CFB], version 3) holding empty streams of these names.

    What Excel writes for a password-protected workbook is such a container with EncryptionInfo and
    EncryptedPackage streams; an old .xls has a Workbook stream.
    """
    names = ["Root Entry", *streams]
    entries = b""
    for index, name in enumerate(names):
        encoded = (name + "\0").encode("utf-16-le")
        kind = 5 if index == 0 else 2  # root storage, stream
        right = index + 1 if index + 1 < len(names) and index > 0 else 0xFFFFFFFF
        child = 1 if index == 0 and len(names) > 1 else 0xFFFFFFFF
        entry = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
        entry += struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        entry += struct.pack("<IQ", 0xFFFFFFFE, 0)
        entries += entry.ljust(128, b"\0")
    directory = entries.ljust(512 * ((len(entries) + 511) // 512), b"\0")
    directory_sectors = len(directory) // 512
    fat = [0xFFFFFFFD] + [i + 2 for i in range(directory_sectors - 1)] + [0xFFFFFFFE]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE) + struct.pack("<I", 0)
    header += struct.pack("<I", 0) + b"\xff" * 4 * 108
    path.write_bytes(header.ljust(512, b"\0") + fat_sector + directory)
    return path


def snapshot(store: Store) -> tuple:
    """Everything an import could change: report rows, reports, and the audit log."""
    conn = store.database.conn
    with closing(conn.cursor()) as cursor:
        rows = cursor.execute("SELECT * FROM report_rows ORDER BY report_id, area_code").fetchall()
        reports = cursor.execute("SELECT * FROM reports ORDER BY id").fetchall()
        audit = cursor.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    return rows, reports, audit
