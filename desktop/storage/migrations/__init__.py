"""Numbered schema migrations (PRAGMA user_version), each in one transaction after a backup."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.database import Database
from desktop.storage.durable_files import commit_file


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
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Basis data ini dibuat oleh versi SPM Luring yang lebih baru (skema {found}, versi ini {supported}). Pasang versi terbaru.",
            ),
            found=current,
            supported=LATEST,
        )
    pending = [(v, sql) for v, sql in migration_scripts() if v > current]
    if not pending:
        return None
    backup = _backup(database, backup_dir, current) if current > 0 else None
    for version, sql in pending:
        _apply(database, version, sql)
    return backup


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
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backup_dir / f"before-migration-schema{version}-{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        database.conn.backup(dest)
        dest.execute("PRAGMA integrity_check")
    finally:
        dest.close()
    commit_file(partial, target)
    return target
