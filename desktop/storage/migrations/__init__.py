"""Numbered schema migrations (PRAGMA user_version), each in one transaction after a backup."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.storage.database import Database
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import damaged, translate_os_error, translate_sqlite_error


def migration_scripts() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped, in order."""
    scripts = []
    for entry in resources.files(__package__).iterdir():
        if match := re.fullmatch(r"(\d{4})_\w+\.sql", entry.name):
            scripts.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    scripts.sort()
    versions = [v for v, _ in scripts]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migration numbers must run 1..n without gaps, found {versions}")
    return scripts


LATEST = len(migration_scripts())


def migrate(database: Database, backup_dir: Path) -> Path | None:
    """Brings the schema up to date; returns the backup made first, if any.

    A database made by a newer release is refused, never touched.
    """
    current = database.user_version
    if current > LATEST:
        raise newer_release_error(current)
    # The journal mode is written into the file's header: switched only once the file is known to be ours.
    database.enable_wal()
    pending = [(v, sql) for v, sql in migration_scripts() if v > current]
    if not pending:
        return None
    backup = _backup(database, backup_dir, current) if current > 0 else None
    for version, sql in pending:
        _apply(database, version, sql)
    return backup


def newer_release_error(found: int) -> UserError:
    """The database was made by a newer release than this one."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "Storage",
            "Basis data ini dibuat oleh versi SPM Luring yang lebih baru (skema {found}, versi ini {supported}). Pasang versi terbaru.",
        ),
        found=found,
        supported=LATEST,
    )


def _apply(database: Database, version: int, sql: str) -> None:
    # executescript would commit on its own; run the statements inside our one transaction instead.
    with database.write() as conn:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version:d}")


def _statements(sql: str) -> list[str]:
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise RuntimeError(f"incomplete SQL statement in migration: {buffer[:60]!r}")
    return statements


def _backup(database: Database, backup_dir: Path, version: int) -> Path:
    """A verified copy of the database, made before it is migrated; no migration runs without one."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backup_dir / f"before-migration-schema{version}-{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(partial)
        try:
            database.conn.backup(dest)
            verdict = dest.execute("PRAGMA integrity_check").fetchall()
        finally:
            dest.close()
        if verdict != [("ok",)]:
            raise damaged(database.path)
        commit_file(partial, target)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise translate_os_error(exc, backup_dir) from exc
        if isinstance(exc, sqlite3.Error) and (user := translate_sqlite_error(exc, backup_dir)):
            raise user from exc
        raise
    return target
