"""A backup folder's manifest (manifest.json): what it holds, each file with its SHA-256 and size.

    spm-luring-cadangan-20241031-101500/
      manifest.json           format, app and schema version, when, and every file below
      spm-luring.sqlite       the database (SQLite online backup; rollback journal, no -wal beside it)
      evidence/ab/<sha256>.pdf
      keys/office.key, keys/office.pub

The manifest is the last file written, so a folder without one was never finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Text, UserError, user_error

FORMAT = "spm-luring-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MAX_MANIFEST = 64 * 1024 * 1024  # a manifest lists files, one short line each; more is not one of ours
CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class BackupFile:
    """One file of a backup: its path inside the folder (POSIX), SHA-256 and size."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a backup holds."""

    app_version: str
    schema_version: int
    created_at: str
    database: str  # the database file's path among `files`
    files: tuple[BackupFile, ...]
    missing_evidence: tuple[str, ...] = ()  # evidence the database names that was not on disk when backed up

    @property
    def total_bytes(self) -> int:
        """The size of every file together."""
        return sum(f.size for f in self.files)

    def to_json(self) -> bytes:
        """The manifest as written to disk."""
        document = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "database": self.database,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
            "missing_evidence": list(self.missing_evidence),
        }
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def damaged_backup(folder: Path, reason: Text | Message) -> UserError:
    """The backup folder cannot be used; `reason` says why."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "Backup",
            "Cadangan {folder} rusak atau tidak lengkap: {reason}. Cadangan ini tidak dipakai; data tidak diubah.",
        ),
        folder=str(folder),
        reason=reason,
    )


def read_manifest(folder: Path) -> Manifest:
    """Reads and checks the manifest of a backup folder; a UserError when it is missing or malformed."""
    path = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise user_error(QT_TRANSLATE_NOOP("Backup", "Folder cadangan {folder} tidak ditemukan."), folder=str(folder))
    if not path.is_file():
        raise damaged_backup(folder, QT_TRANSLATE_NOOP("Backup", "manifest.json tidak ada"))
    with path.open("rb") as handle:
        data = handle.read(MAX_MANIFEST + 1)
    try:
        document = json.loads(data.decode("utf-8")) if len(data) <= MAX_MANIFEST else None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ValueError("not a backup manifest")
        if not isinstance(document.get("format_version"), int) or document["format_version"] > FORMAT_VERSION:
            raise ValueError("unknown format version")
        files = tuple(_file_entry(entry) for entry in document["files"])
        manifest = Manifest(
            app_version=str(document["app_version"]),
            schema_version=_int(document["schema_version"]),
            created_at=str(document["created_at"]),
            database=_relative(document["database"]),
            files=files,
            missing_evidence=tuple(_relative(p) for p in document.get("missing_evidence", [])),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise damaged_backup(folder, QT_TRANSLATE_NOOP("Backup", "manifest.json tidak dapat dibaca")) from exc
    paths = [f.path for f in manifest.files]
    if len(set(paths)) != len(paths) or manifest.database not in paths:
        raise damaged_backup(folder, QT_TRANSLATE_NOOP("Backup", "manifest.json tidak dapat dibaca"))
    return manifest


def _int(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(value)
    return value


def _relative(value) -> str:
    """A safe relative POSIX path: no absolute path, drive, '..' or empty part."""
    if not isinstance(value, str) or not value or "\\" in value or ":" in value:
        raise ValueError(value)
    parts = PurePosixPath(value).parts
    if PurePosixPath(value).is_absolute() or any(p in ("", ".", "..") for p in parts):
        raise ValueError(value)
    return value


def _file_entry(entry) -> BackupFile:
    if not isinstance(entry, dict) or not _SHA256.fullmatch(str(entry.get("sha256", ""))):
        raise ValueError(entry)
    return BackupFile(_relative(entry["path"]), entry["sha256"], _int(entry["size"]))


def hash_file(path: Path, check=None, progress=None) -> tuple[str, int]:
    """SHA-256 and size of a file, read from the medium rather than the page cache where the OS allows."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        drop_cached_pages(handle.fileno())
        while chunk := handle.read(CHUNK):
            if check is not None:
                check()
            digest.update(chunk)
            size += len(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest(), size


def drop_cached_pages(fd: int) -> None:
    """Asks the OS to forget its cached copy of a (synced) file, so a re-read comes from the disk or stick."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):  # only a hint; some file systems refuse it
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
