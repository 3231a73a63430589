"""The install's SQLite database: pragmas, durable write transactions, user-facing failures."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from desktop.storage.errors import translate_os_error, translate_sqlite_error


class Database:
    """One connection to the install's database, in WAL mode with durable commits."""

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        conn = None
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
            else:
                conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA foreign_keys = ON")
            # FULL: a commit returns only after the WAL is on disk, so an acknowledged edit survives
            # a power cut or a killed process.
            conn.execute("PRAGMA synchronous = FULL")
            # Reads the header and schema now, so a damaged or foreign file is reported here, as a UserError.
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except (sqlite3.Error, OSError) as exc:
            # The file may open and only fail at the first statement (read-only media, a damaged file).
            if conn is not None:
                conn.close()
            if isinstance(exc, OSError):
                raise translate_os_error(exc, path) from exc
            raise (translate_sqlite_error(exc, path) or exc) from exc
        self.conn = conn
        self._owner = threading.get_ident()
        self._utils = None
        # Called inside every write transaction just before it commits, so whatever the transaction
        # wrote is settled in it too (the store keeps its report cache up to date this way).
        self.before_commit: list[Callable[[sqlite3.Connection], None]] = []

    def read_one(self, sql: str, params: tuple = ()):
        """The first column of the first row, from any thread.

        The connection belongs to the thread that opened it; another thread (a background job)
        reads through a short-lived read-only connection to the same file instead.
        """
        if threading.get_ident() == self._owner:
            return self.scalar(sql, params)
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as reader:
            row = reader.execute(sql, params).fetchone()
        return row[0] if row else None

    def enable_wal(self) -> None:
        """Switches the file to WAL mode (recorded in the file; done once it is known to be ours)."""
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise (translate_sqlite_error(exc, self.path) or exc) from exc

    @property
    def utils(self):
        """A sqlite_utils.Database on the same connection, for bulk inserts and introspection.

        Imported on first use: sqlite-utils costs ~0.1 s to import, which start-up need not pay.
        """
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); rolled back whole on any failure."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise (translate_sqlite_error(exc, self.path) or exc) from exc
        try:
            yield self.conn
            for settle in self.before_commit:
                settle(self.conn)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and (user := translate_sqlite_error(exc, self.path)):
                raise user from exc
            raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Rows of a read query, as dicts keyed by column name."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: tuple | dict = ()):
        """The first column of the first row, or None."""
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    @property
    def user_version(self) -> int:
        """The schema version stored in the file."""
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        """Closes the connection (checkpointing the WAL when it is the last one)."""
        self.conn.close()
