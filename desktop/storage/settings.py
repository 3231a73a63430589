"""Install-wide settings, stored as JSON values in the settings table."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from desktop.storage.database import Database

DEFAULT_EVIDENCE_MAX_BYTES = 50 * 1024 * 1024


class Settings:
    """Reads and writes the settings table."""

    def __init__(self, database: Database):
        self.database = database

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value, or `default`."""
        value = self.database.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else json.loads(value)

    def put(self, conn: sqlite3.Connection, key: str, value: Any) -> None:
        """Stores a value inside the caller's write transaction."""
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    @property
    def evidence_max_bytes(self) -> int:
        """The largest evidence file accepted."""
        return int(self.get("evidence_max_bytes", DEFAULT_EVIDENCE_MAX_BYTES))
