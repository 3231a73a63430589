"""The hub's database: SQLite in the data folder by default, PostgreSQL with a postgresql:// URL.

One small dialect adapter instead of an ORM: every query is written once with `?` placeholders in
the SQL both dialects speak (INSERT … ON CONFLICT … RETURNING included); the adapter turns the
placeholders into psycopg's and fills the few type names of the migrations. Connections come from a
small pool and are used by one thread at a time (the app calls the database from worker threads,
never on the event loop).
"""

from __future__ import annotations

import queue
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

SQLITE_NAME = "hub.sqlite3"
BUSY_TIMEOUT_MS = 15_000
POOL_IDLE = 8
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseError(Exception):
    """The database cannot be used (unreachable, made by a newer hub); the message is Indonesian."""


@dataclass(frozen=True)
class Dialect:
    """What differs between SQLite and PostgreSQL in our SQL."""

    name: str
    identity: str  # an auto-numbered primary key
    bigint: str

    def sql(self, text: str) -> str:
        """`?` placeholders as this dialect's driver wants them."""
        if self.name == "postgresql":
            return text.replace("%", "%%").replace("?", "%s")
        return text


SQLITE = Dialect("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER")
POSTGRESQL = Dialect("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT")


class Transaction:
    """One connection inside one transaction."""

    def __init__(self, conn, dialect: Dialect):
        self._conn, self.dialect = conn, dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Runs one statement; the rows it returns (empty for most writes)."""
        cursor = self._conn.execute(self.dialect.sql(sql), tuple(params))
        return cursor.fetchall() if cursor.description else []

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        """The first row, or None."""
        rows = self.execute(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.one(sql, params)
        return row[0] if row else None


class Database:
    """A pool of connections to one SQLite file or one PostgreSQL database (schema from the URL)."""

    def __init__(self, url: str, dialect: Dialect):
        self.url, self.dialect = url, dialect
        self._idle: queue.LifoQueue = queue.LifoQueue()

    @classmethod
    def open(cls, url: str | None, data_dir: Path) -> Database:
        """The database of a URL (postgresql://…), or the SQLite file in the data folder when None."""
        if url and url.startswith(("postgresql://", "postgres://")):
            database = cls(url, POSTGRESQL)
        elif not url or url.startswith("sqlite:"):
            path = url.removeprefix("sqlite:///").removeprefix("sqlite:") if url else str(Path(data_dir) / SQLITE_NAME)
            database = cls(path, SQLITE)
        else:
            raise DatabaseError(
                f"Alamat basis data '{url}' tidak dikenal: pakai postgresql://… atau kosongkan (SQLite)."
            )
        database._release(database._connect())  # fail now, with a message, rather than on the first request
        return database

    def _connect(self):
        if self.dialect is SQLITE:
            conn = sqlite3.connect(
                self.url, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # a bundle acknowledged is a bundle kept
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            return conn
        import psycopg

        try:
            return psycopg.connect(self.url, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise DatabaseError(f"Tidak dapat tersambung ke PostgreSQL: {str(exc).strip()}") from None

    def _release(self, conn) -> None:
        if self._idle.qsize() < POOL_IDLE:
            self._idle.put(conn)
        else:
            conn.close()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Transaction]:
        """One transaction, committed when the block ends, rolled back when it raises.

        SQLite takes the write lock at the start of a writing transaction (BEGIN IMMEDIATE), so two
        writers queue instead of failing half-way; PostgreSQL's row locks do the same per row.
        """
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        healthy = True
        try:
            if self.dialect is SQLITE:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield Transaction(conn, self.dialect)
            conn.commit()
        except BaseException:
            try:
                conn.rollback()
            except Exception:
                healthy = False  # the connection itself is gone (server restarted): do not pool it
            raise
        finally:
            if healthy and not getattr(conn, "closed", False):
                self._release(conn)
            else:
                conn.close()

    def close(self) -> None:
        """Closes the idle connections."""
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    # --- migrations ---------------------------------------------------------------------------

    def migrate(self) -> int:
        """Applies the numbered migrations not applied yet, each in its own transaction; the version reached.

        Refuses a database made by a newer hub. Two hubs starting at once on one PostgreSQL database
        queue on an advisory lock; on SQLite, on the write lock.
        """
        steps = migrations()
        newest = max(steps) if steps else 0
        with self.transaction() as tx:
            if self.dialect is POSTGRESQL:
                tx.execute("SELECT pg_advisory_xact_lock(7207001)")
            tx.execute("CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)")
            if tx.scalar("SELECT COUNT(*) FROM hub_schema") == 0:
                tx.execute("INSERT INTO hub_schema (version) VALUES (0)")
        version = self.version()
        if version > newest:
            raise DatabaseError(
                f"Basis data dibuat oleh hub yang lebih baru (skema {version}, hub ini {newest}). Perbarui spm-hub."
            )
        for number in sorted(steps):
            if number <= version:
                continue
            with self.transaction() as tx:
                if self.dialect is POSTGRESQL:
                    tx.execute("SELECT pg_advisory_xact_lock(7207001)")
                if tx.scalar("SELECT version FROM hub_schema") >= number:
                    continue  # another process applied it while we waited
                for statement in split_statements(steps[number]):
                    tx.execute(statement.format(id=self.dialect.identity, bigint=self.dialect.bigint))
                tx.execute("UPDATE hub_schema SET version = ?", (number,))
        return max(version, newest)

    def version(self) -> int:
        """The schema version of the database (0 before any migration)."""
        with self.transaction(write=False) as tx:
            return int(tx.scalar("SELECT version FROM hub_schema") or 0)


def migrations() -> dict[int, str]:
    """The migration files shipped with the hub, by number."""
    found = {}
    for entry in resources.files("hub.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found[int(match.group(1))] = entry.read_text(encoding="utf-8")
    return found


def split_statements(text: str) -> list[str]:
    """The statements of a migration file (comments dropped; a statement ends with ';' at a line's end)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE) if s.strip()]
