"""Restoring a data folder from a backup: verified first, then swapped in whole, the old data kept.

1. The backup is verified fully (backup.verify_backup); a damaged one is refused before anything changes.
2. Its files are copied into a staging folder inside the data folder (the same file system, so the
   swap is a few renames), hashed as they are copied, and the copy's database checked again.
3. Under the data folder's lock, everything that was there moves to backups/before-restore-<time>/
   and the staged files move in. If a rename fails, what moved is put back.

Opening the restored folder afterwards runs any pending migrations as usual (after their own backup).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.storage import data_dir as paths
from desktop.storage.backup import Check, Progress, read_database_facts, verify_backup
from desktop.storage.backup_manifest import CHUNK, Manifest, damaged_backup
from desktop.storage.durable_files import fsync_dir
from desktop.storage.errors import translate_os_error
from desktop.storage.instance_lock import LOCK_NAME, InstanceLock
from desktop.storage.migrations import LATEST, newer_release_error

STAGING_PREFIX = ".restore-"


@dataclass(frozen=True)
class StagedRestore:
    """A verified copy of a backup inside the data folder, ready to be swapped in."""

    data_dir: Path
    folder: Path
    manifest: Manifest


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what came in, and where the data that was there before was kept."""

    manifest: Manifest
    previous: Path | None  # None when the data folder was empty


def restore_backup(
    source: Path | str,
    data_dir: Path | str,
    lock: InstanceLock | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> RestoreResult:
    """Verifies the backup, then replaces the data folder's contents with it.

    Takes the folder's lock unless `lock` (held by the caller: the window) is given; a second copy of
    the app on the folder makes this fail with the lock's message before anything is read.
    """
    data_dir = Path(data_dir)
    own_lock = None
    if lock is None:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate_os_error(exc, data_dir) from exc
        own_lock = lock = InstanceLock(data_dir).acquire()
    try:
        staged = stage_restore(source, data_dir, progress, check)
        return install_staged(staged, lock)
    finally:
        if own_lock is not None:
            own_lock.release()


def stage_restore(
    source: Path | str, data_dir: Path | str, progress: Progress | None = None, check: Check | None = None
) -> StagedRestore:
    """Steps 1 and 2: verify the backup and copy it into a staging folder; the data is not touched.

    File work only (safe on a worker thread). Pass the result to install_staged, or to discard_staged.
    """
    source, data_dir = Path(source), Path(data_dir)
    half = _Halves(progress)
    manifest = verify_backup(source, half.first, check)
    if manifest.schema_version > LATEST:
        raise newer_release_error(manifest.schema_version)
    folder = data_dir / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
    done = 0
    try:
        folder.mkdir(parents=True)
        for item in manifest.files:
            target = folder / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with (source / item.path).open("rb") as src, target.open("xb") as dst:
                while chunk := src.read(CHUNK):
                    if check is not None:
                        check()
                    digest.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    half.second(done, manifest.total_bytes)
                dst.flush()
                os.fsync(dst.fileno())
            if digest.hexdigest() != item.sha256:  # the stick changed since it was verified
                raise damaged_backup(
                    source,
                    Message(
                        QT_TRANSLATE_NOOP("Backup", "isi berkas {name} tidak cocok dengan hash-nya"),
                        {"name": item.path},
                    ),
                )
        try:
            read_database_facts(folder / manifest.database)
        except sqlite3.Error as exc:
            raise damaged_backup(source, QT_TRANSLATE_NOOP("Backup", "basis data di dalamnya rusak")) from exc
        for sub, _dirs, _files in os.walk(folder):
            fsync_dir(Path(sub))
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise translate_os_error(exc, data_dir) from exc
        raise
    return StagedRestore(data_dir, folder, manifest)


def install_staged(staged: StagedRestore, lock: InstanceLock) -> RestoreResult:
    """Step 3: swaps the staged copy in, keeping what was there; call with the folder's lock held and
    the database closed."""
    if not lock.held or lock.path.parent.resolve() != staged.data_dir.resolve():
        raise RuntimeError("install_staged needs the data folder's lock")
    data_dir = staged.data_dir
    keep = {LOCK_NAME, paths.BACKUP_DIR, staged.folder.name}
    current = sorted(p.name for p in data_dir.iterdir() if p.name not in keep and not p.name.startswith(STAGING_PREFIX))
    previous = data_dir / paths.BACKUP_DIR / f"before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
    moved_out: list[str] = []
    moved_in: list[str] = []
    try:
        if current:
            previous.mkdir(parents=True)
        for name in current:
            os.replace(data_dir / name, previous / name)
            moved_out.append(name)
        for entry in sorted(staged.folder.iterdir()):
            os.replace(entry, data_dir / entry.name)
            moved_in.append(entry.name)
        fsync_dir(data_dir)
        if current:
            fsync_dir(previous)
    except BaseException as exc:
        # Put everything back as it was: the new files to staging, the old ones home.
        for name in reversed(moved_in):
            _quietly(os.replace, data_dir / name, staged.folder / name)
        for name in reversed(moved_out):
            _quietly(os.replace, previous / name, data_dir / name)
        _quietly(os.rmdir, previous)
        discard_staged(staged)
        if isinstance(exc, OSError):
            raise translate_os_error(exc, data_dir) from exc
        raise
    shutil.rmtree(staged.folder, ignore_errors=True)
    return RestoreResult(staged.manifest, previous if current else None)


def discard_staged(staged: StagedRestore) -> None:
    """Removes a staged copy that will not be installed (a cancelled or refused restore)."""
    shutil.rmtree(staged.folder, ignore_errors=True)


class _Halves:
    """Verification is the first half of the progress bar, the copy the second."""

    def __init__(self, progress: Progress | None):
        self.progress = progress

    def first(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress(done, 2 * total)

    def second(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress(total + done, 2 * total)


def _quietly(action: Callable, *args) -> None:
    with contextlib.suppress(OSError):  # best effort while undoing; the original failure is what the user sees
        action(*args)
