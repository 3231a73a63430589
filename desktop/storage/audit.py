"""The audit log: who changed what, when, from what to what; append-only and hash-chained.

Each row's hash covers its content and the previous row's hash; the chain head (count and
last hash) is kept in the settings table in the same transaction, so an edited, deleted or
truncated log is detected by `verify`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message
from desktop.storage.database import Database

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def now_utc() -> str:
    """The current time as an ISO-8601 UTC timestamp with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row_hash(prev_hash: str, at: str, actor: str, action: str, subject: str, field, before, after) -> str:
    body = json.dumps([prev_hash, at, actor, action, subject, field, before, after], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change."""

    id: int
    at: str
    actor: str
    action: str
    subject: str
    field: str | None
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying the chain: ok, or the first row where it breaks and why."""

    ok: bool
    rows: int
    broken_at: int | None = None
    reason: Message | None = None


class AuditLog:
    """Appends to and checks the audit log of one database."""

    def __init__(self, database: Database):
        self.database = database

    def record(
        self,
        conn: sqlite3.Connection,
        actor: str,
        action: str,
        subject: str,
        field: str | None = None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Appends one entry inside the caller's write transaction."""
        head = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = head[0] if head else GENESIS
        at = now_utc()
        enc_before, enc_after = _encode(before), _encode(after)
        digest = _row_hash(prev_hash, at, actor, action, subject, field, enc_before, enc_after)
        cursor = conn.execute(
            "INSERT INTO audit_log (at, actor, action, subject, field, before, after, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, actor, action, subject, field, enc_before, enc_after, prev_hash, digest),
        )
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (HEAD_KEY, json.dumps({"id": cursor.lastrowid, "hash": digest})),
        )

    def entries(
        self, subject_prefix: str | None = None, field: str | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """The newest entries first, optionally only those about one subject (and field)."""
        where, params = [], []
        if subject_prefix is not None:
            where.append("subject LIKE ? ESCAPE '\\'")
            params.append(subject_prefix.replace("%", "\\%").replace("_", "\\_") + "%")
        if field is not None:
            where.append("field = ?")
            params.append(field)
        sql = "SELECT id, at, actor, action, subject, field, before, after FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        rows = self.database.conn.execute(sql, (*params, limit)).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], _decode(r[6]), _decode(r[7])) for r in rows]

    def verify(self) -> AuditCheck:
        """Recomputes the chain; reports the first edited, inserted or missing row."""
        conn = self.database.conn
        prev_hash, expected_id, count = GENESIS, None, 0
        cursor = conn.execute(
            "SELECT id, at, actor, action, subject, field, before, after, prev_hash, hash FROM audit_log ORDER BY id"
        )
        for row_id, at, actor, action, subject, field, before, after, stored_prev, stored_hash in cursor:
            if expected_id is not None and row_id != expected_id:
                return AuditCheck(False, count, expected_id, _reason(MISSING, row=expected_id))
            if stored_prev != prev_hash:
                return AuditCheck(False, count, row_id, _reason(INSERTED, row=row_id))
            if _row_hash(prev_hash, at, actor, action, subject, field, before, after) != stored_hash:
                return AuditCheck(False, count, row_id, _reason(CHANGED, row=row_id))
            prev_hash, expected_id, count = stored_hash, row_id + 1, count + 1
        head_row = conn.execute("SELECT value FROM settings WHERE key = ?", (HEAD_KEY,)).fetchone()
        head = json.loads(head_row[0]) if head_row else None
        if head is None and count:
            return AuditCheck(False, count, None, _reason(NO_HEAD))
        if head is not None and (head.get("hash") != prev_hash or head.get("id") != (expected_id or 1) - 1):
            return AuditCheck(False, count, head.get("id"), _reason(TRUNCATED, row=(expected_id or 1) - 1))
        return AuditCheck(True, count)


MISSING = QT_TRANSLATE_NOOP("Audit", "Baris log audit {row} hilang (dihapus).")
INSERTED = QT_TRANSLATE_NOOP(
    "Audit", "Baris log audit {row} tidak menyambung ke baris sebelumnya (disisipkan atau diubah)."
)
CHANGED = QT_TRANSLATE_NOOP("Audit", "Baris log audit {row} diubah setelah dicatat.")
NO_HEAD = QT_TRANSLATE_NOOP("Audit", "Penanda akhir log audit hilang.")
TRUNCATED = QT_TRANSLATE_NOOP("Audit", "Baris log audit setelah baris {row} hilang (dihapus).")


def _reason(text, **params) -> Message:
    return Message(text, params)


def _decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)
