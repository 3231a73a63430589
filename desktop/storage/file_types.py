"""What a file is, judged by its content (magic bytes and ZIP structure), never by its name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileType:
    """A kind of evidence file the store accepts."""

    media_type: str
    extension: str
    label: str


PDF = FileType("application/pdf", "pdf", "PDF")
JPEG = FileType("image/jpeg", "jpg", "JPEG")
PNG = FileType("image/png", "png", "PNG")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX")
ODT = FileType("application/vnd.oasis.opendocument.text", "odt", "ODT")
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "ODS")

ACCEPTED = (PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS)
BY_MEDIA_TYPE = {t.media_type: t for t in ACCEPTED}


def sniff(path: Path) -> FileType | None:
    """The accepted type the file's content shows, or None when it is none of them."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    # PDF readers accept the header anywhere in the first kilobyte (ISO 32000-1, 7.5.2 note).
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    return None


def _sniff_zip(path: Path) -> FileType | None:
    import zipfile  # only when a file is checked: zipfile costs start-up time the window need not pay

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return {ODT.media_type: ODT, ODS.media_type: ODS}.get(mimetype)
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return None
    return None
