"""Backups of a data folder: the SQLite online backup of the live database, plus the evidence and keys.

A backup is a folder (see backup_manifest) written under a temporary name in the target folder — a
USB stick is fine, any file system — each file synced, then read back from the medium and checked
(hashes, SQLite integrity, every evidence file the database names) before it is renamed into place.
A folder that carries the final name is therefore always complete. File work only: safe on a worker
thread and while the window has the database open (the backup reads through its own connection).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop import __version__
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, user_error
from desktop.storage import data_dir as paths
from desktop.storage.backup_manifest import (
    CHUNK,
    MANIFEST_NAME,
    BackupFile,
    Manifest,
    damaged_backup,
    drop_cached_pages,
    hash_file,
    read_manifest,
)
from desktop.storage.durable_files import commit_file, fsync_dir
from desktop.storage.errors import translate_os_error, translate_sqlite_error
from desktop.storage.instance_lock import LOCK_NAME

NAME_PREFIX = "spm-luring-cadangan-"
PAGES_PER_STEP = 4096
# Never carried: the live database (copied through SQLite instead), the lock, the automatic
# before-migration copies, and work folders; names starting with "." are temporaries.
SKIPPED = {
    paths.DB_NAME,
    f"{paths.DB_NAME}-wal",
    f"{paths.DB_NAME}-shm",
    f"{paths.DB_NAME}-journal",
    LOCK_NAME,
    paths.BACKUP_DIR,
    "incoming",
}

Progress = Callable[[int, int], None]  # bytes done, bytes in all
Check = Callable[[], None]  # raises to stop (a cancel)


@dataclass(frozen=True)
class BackupResult:
    """A finished, verified backup."""

    path: Path
    manifest: Manifest


def create_backup(
    data_dir: Path | str, out_dir: Path | str, progress: Progress | None = None, check: Check | None = None
) -> BackupResult:
    """Backs the data folder up into a new folder inside `out_dir`, verified; nothing is left on failure."""
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    database = data_dir / paths.DB_NAME
    if not database.is_file():
        raise user_error(
            QT_TRANSLATE_NOOP("Backup", "Belum ada data di {folder}; tidak ada yang dicadangkan."), folder=str(data_dir)
        )
    if out_dir.resolve() == data_dir.resolve() or data_dir.resolve() in out_dir.resolve().parents:
        raise user_error(
            QT_TRANSLATE_NOOP("Backup", "Simpan cadangan di luar folder data ({folder}), misalnya di flashdisk."),
            folder=str(data_dir),
        )
    stamp = datetime.now().astimezone()
    final = _free_name(out_dir, NAME_PREFIX + stamp.strftime("%Y%m%d-%H%M%S"))
    partial = out_dir / f".{final.name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        partial.mkdir()
        files = _walk(data_dir)
        total = database.stat().st_size + sum(size for _, size in files)
        counter = _Counter(total, progress)
        schema, blobs = _copy_database(database, partial / paths.DB_NAME, counter, check)
        entries = [BackupFile(paths.DB_NAME, *hash_file(partial / paths.DB_NAME))]
        for relative, _size in files:
            if found := _copy_file(data_dir / relative, partial / relative, counter, check):
                entries.append(BackupFile(relative, *found))
        copied = {e.path for e in entries}
        manifest = Manifest(
            app_version=__version__,
            schema_version=schema,
            created_at=stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            database=paths.DB_NAME,
            files=tuple(entries),
            missing_evidence=tuple(sorted(set(blobs) - copied)),
        )
        manifest_tmp = partial / f".{MANIFEST_NAME}.tmp"
        manifest_tmp.write_bytes(manifest.to_json())
        commit_file(manifest_tmp, partial / MANIFEST_NAME)
        _sync_tree(partial)
        verify_backup(partial, check=check)  # read back from the medium before it gets its name
        os.replace(partial, final)
        fsync_dir(out_dir)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)
        translated = _translated(exc, out_dir)
        if translated is exc:
            raise
        raise translated from exc
    return BackupResult(final, manifest)


def verify_backup(folder: Path | str, progress: Progress | None = None, check: Check | None = None) -> Manifest:
    """Checks a backup folder fully: manifest, every file's size and hash, the database's integrity and
    that every evidence file it names is there. Returns the manifest; a UserError says what is wrong."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    counter = _Counter(manifest.total_bytes, progress)
    try:
        for item in manifest.files:
            path = folder / item.path
            if not path.is_file():
                raise damaged_backup(folder, _file_reason(QT_TRANSLATE_NOOP("Backup", "berkas {name} tidak ada"), item))
            if path.stat().st_size != item.size or hash_file(path, check, counter.add)[0] != item.sha256:
                raise damaged_backup(
                    folder,
                    _file_reason(QT_TRANSLATE_NOOP("Backup", "isi berkas {name} tidak cocok dengan hash-nya"), item),
                )
        schema, blobs = read_database_facts(folder / manifest.database)
    except OSError as exc:
        raise translate_os_error(exc, folder) from exc
    except sqlite3.Error as exc:
        raise damaged_backup(folder, QT_TRANSLATE_NOOP("Backup", "basis data di dalamnya rusak")) from exc
    if schema != manifest.schema_version:
        raise damaged_backup(folder, QT_TRANSLATE_NOOP("Backup", "versi skema tidak cocok dengan manifest"))
    listed = {f.path for f in manifest.files} | set(manifest.missing_evidence)
    if missing := sorted(set(blobs) - listed):
        raise damaged_backup(
            folder,
            Message(QT_TRANSLATE_NOOP("Backup", "data dukung {name} tidak ada di cadangan"), {"name": missing[0]}),
        )
    return manifest


def read_database_facts(path: Path) -> tuple[int, list[str]]:
    """A database copy's schema version and the evidence files it names, after SQLite's integrity check.

    Opened read-only and immutable: nothing (no journal, no -shm) is written beside it, even on a stick.
    """
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as conn:
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise sqlite3.DatabaseError("integrity_check failed")
        schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
        has_blobs = conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'evidence_blobs'").fetchone()
        rows = conn.execute("SELECT sha256, extension FROM evidence_blobs").fetchall() if has_blobs else []
    return schema, [evidence_path(sha, ext) for sha, ext in rows]


def evidence_path(sha256: str, extension: str) -> str:
    """Where an evidence file lives inside a data folder (as EvidenceStore.blob_path), POSIX."""
    return f"{paths.EVIDENCE_DIR}/{sha256[:2]}/{sha256}.{extension}"


class _Counter:
    def __init__(self, total: int, progress: Progress | None):
        self.total, self.done, self.progress = total, 0, progress

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _free_name(out_dir: Path, name: str) -> Path:
    candidate, number = out_dir / name, 2
    while candidate.exists():
        candidate, number = out_dir / f"{name}-{number}", number + 1
    return candidate


def _walk(data_dir: Path) -> list[tuple[str, int]]:
    """(relative POSIX path, size) of every file to carry, in a stable order."""
    found = []
    for root, folders, names in os.walk(data_dir):
        here = Path(root)
        top = here == data_dir
        folders[:] = sorted(d for d in folders if not d.startswith(".") and not (top and d in SKIPPED))
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or (top and name in SKIPPED) or path.is_symlink():
                continue
            try:
                found.append((path.relative_to(data_dir).as_posix(), path.stat().st_size))
            except FileNotFoundError:
                continue  # taken away meanwhile (a temporary): nothing to carry
    return found


def _copy_database(source: Path, target: Path, counter: _Counter, check: Check | None) -> tuple[int, list[str]]:
    """SQLite's online backup of the live database (consistent while the window writes), synced."""
    start = counter.done

    def step(_status: int, remaining: int, pages: int) -> None:
        if check is not None:
            check()
        counter.done = start
        counter.add((pages - remaining) * page_size)

    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as live:
        page_size = live.execute("PRAGMA page_size").fetchone()[0]
        with closing(sqlite3.connect(target, isolation_level=None)) as copy:
            live.backup(copy, pages=PAGES_PER_STEP, progress=step)
            # A rollback journal: the copy is then one self-contained file, with no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
    counter.done = start
    counter.add(target.stat().st_size)
    commit_file_in_place(target)
    return read_database_facts(target)


def _copy_file(source: Path, target: Path, counter: _Counter, check: Check | None) -> tuple[str, int] | None:
    """Copies one file, synced; its SHA-256 and size as read, or None when it disappeared before it
    could be read (a temporary)."""
    try:
        handle = source.open("rb")
    except FileNotFoundError:
        return None
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with handle, target.open("xb") as out:
        while chunk := handle.read(CHUNK):
            if check is not None:
                check()
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            counter.add(len(chunk))
        out.flush()
        os.fsync(out.fileno())
        drop_cached_pages(out.fileno())
    return digest.hexdigest(), size


def commit_file_in_place(path: Path) -> None:
    """Syncs a file written in place and asks the OS to forget its cached pages."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        drop_cached_pages(fd)
    finally:
        os.close(fd)


def _sync_tree(root: Path) -> None:
    """Syncs every folder of a written tree, deepest first, so the file names are on the medium too."""
    for folder, _dirs, _files in sorted(os.walk(root), key=lambda entry: -len(Path(entry[0]).parts)):
        fsync_dir(Path(folder))


def _file_reason(text, item: BackupFile) -> Message:
    return Message(text, {"name": item.path})


def _translated(exc: BaseException, where: Path) -> BaseException:
    """A UserError for a failed write (full or read-only disk, a stick pulled away); others unchanged."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        return translate_os_error(exc, where)
    if isinstance(exc, sqlite3.Error):
        return translate_sqlite_error(exc, where) or exc
    return exc
