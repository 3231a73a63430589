"""Helpers shared by the storage tests: real evidence files, raw SQLite checks, child processes."""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from contextlib import closing
from pathlib import Path

from desktop.storage.data_dir import DB_NAME

SPM_LURING = str(Path(sys.executable).with_name("spm-luring"))


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def raw_connect(folder: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to a data folder's database, as an outside tool (or attacker) would open it."""
    return sqlite3.connect(Path(folder) / DB_NAME, isolation_level=None)


def integrity(folder: Path) -> list[str]:
    """PRAGMA integrity_check of a data folder's database (['ok'] when sound)."""
    with closing(raw_connect(folder)) as conn:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]


def child_env() -> dict[str, str]:
    """The environment for a child process: no data folder from the caller, no display."""
    env = dict(os.environ)
    env.pop("SPM_LURING_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(data_dir: Path | None, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """Runs the installed `spm-luring` executable and waits for it."""
    command = [SPM_LURING, *(["--data-dir", str(data_dir)] if data_dir is not None else []), *args]
    return subprocess.run(command, capture_output=True, text=True, env=child_env(), timeout=60, check=False, **kwargs)


# --- evidence files of every accepted type, built byte by byte --------------------------------


def pdf_bytes(text: str = "Laporan SPM") -> bytes:
    """A small, valid one-page PDF."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png_bytes(width: int = 2, height: int = 2, shade: int = 0) -> bytes:
    """A valid 8-bit greyscale PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([shade % 256] * width) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    """The frame of a JFIF file: SOI, an APP0 JFIF segment, EOI."""
    app0 = b"JFIF\x00" + bytes([1, 1, 0]) + struct.pack(">HH", 1, 1) + b"\x00\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0 + b"\xff\xd9"


_OOXML_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/>'
    "</Types>"
)
_OOXML_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="{part}"/></Relationships>'
)


def _zip(path: Path, entries: list[tuple[str, str]], *, first_stored: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, text) in enumerate(entries):
            kind = zipfile.ZIP_STORED if first_stored and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, text, compress_type=kind)
    return path


def write_docx(path: Path) -> Path:
    """A minimal Word document (Office Open XML)."""
    part = "word/document.xml"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Berita acara</w:t></w:r></w:p></w:body></w:document>"
    )
    return _zip(
        path,
        [
            ("[Content_Types].xml", _OOXML_TYPES.format(part=part, content_type=content_type)),
            ("_rels/.rels", _OOXML_RELS.format(part=part)),
            (part, body),
        ],
    )


def write_xlsx(path: Path) -> Path:
    """A minimal Excel workbook (Office Open XML)."""
    part = "xl/workbook.xml"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'
    )
    return _zip(
        path,
        [
            ("[Content_Types].xml", _OOXML_TYPES.format(part=part, content_type=content_type)),
            ("_rels/.rels", _OOXML_RELS.format(part=part)),
            (part, body),
        ],
    )


def _write_opendocument(path: Path, media_type: str) -> Path:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{media_type}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' office:version="1.2"><office:body/></office:document-content>'
    )
    # The mimetype entry comes first and uncompressed (ODF 1.2, part 3, 3.3).
    return _zip(
        path,
        [("mimetype", media_type), ("META-INF/manifest.xml", manifest), ("content.xml", content)],
        first_stored=True,
    )


def write_odt(path: Path) -> Path:
    """A minimal OpenDocument text."""
    return _write_opendocument(path, "application/vnd.oasis.opendocument.text")


def write_ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet."""
    return _write_opendocument(path, "application/vnd.oasis.opendocument.spreadsheet")


def write_bytes(path: Path, data: bytes) -> Path:
    """Writes bytes and returns the path."""
    path.write_bytes(data)
    return path


class Child:
    """A Python child process running `script`, talked to line by line over stdin/stdout.

    Lines are read by a thread into a queue, so a read can time out instead of hanging the test run.
    Use it as a context manager: the process is always ended and its pipes closed.
    """

    def __init__(self, script: str, *args: object):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *map(str, args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def read_line(self, timeout: float = 30) -> str | None:
        """The next line the child printed, or None once its output has ended."""
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"child {self.pid} printed nothing for {timeout} s") from None

    def expect(self, wanted: str, timeout: float = 30) -> None:
        """Waits for the child to print exactly `wanted`."""
        line = self.read_line(timeout)
        if line != wanted:
            raise AssertionError(f"child printed {line!r}, expected {wanted!r}; stderr: {self.stderr_now()}")

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def kill(self) -> int:
        """SIGKILL, as a power cut or a task manager would end it; returns the exit status."""
        self.proc.send_signal(signal.SIGKILL)
        return self.proc.wait(timeout=30)

    def stderr_now(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read()

    def wait(self, timeout: float = 30) -> int:
        return self.proc.wait(timeout=timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            with contextlib.suppress(OSError):  # stdin of a killed child: an unflushed write fails (EPIPE)
                pipe.close()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
