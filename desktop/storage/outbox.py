"""The outbox: bundles waiting to be sent to the province hub, and how far each has gone.

An entry moves pending -> uploading (the tus URL and the hub's last acknowledged offset kept, so a
cut upload resumes there) -> sent -> verified | rejected (the hub's reason kept). The file itself
lives in the data folder's outbox/ under `file_name`; only short transactions happen here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.periods import Period
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database


class OutboxState(StrEnum):
    """How far a bundle in the outbox has gone."""

    PENDING = "pending"
    UPLOADING = "uploading"
    SENT = "sent"  # all bytes acknowledged; the hub's check not yet known here
    VERIFIED = "verified"
    REJECTED = "rejected"


UNSENT = (OutboxState.PENDING, OutboxState.UPLOADING)


@dataclass(frozen=True)
class OutboxEntry:
    """One bundle in the outbox."""

    bundle_id: str
    file_name: str
    size: int
    sha256: str
    office_id: str
    year: int
    quarter: int
    reports: int
    state: OutboxState
    upload_url: str | None
    sent_bytes: int
    reason_code: str | None
    reason: str | None
    attempts: int
    queued_at: str
    queued_by: str
    updated_at: str

    @property
    def period(self) -> Period:
        return Period(self.year, self.quarter)


class OutboxRepository:
    """Reads and updates the outbox table."""

    def __init__(self, database: Database, audit: AuditLog, actor: Callable[[], str]):
        self.database, self.audit, self.actor = database, audit, actor

    def add(
        self, bundle_id: str, file_name: str, size: int, sha256: str, office_id: str, period: Period, reports: int
    ) -> bool:
        """Queues a bundle; False when it is queued already (a bundle is sent once, by its UUID)."""
        with self.database.write() as conn:
            if conn.execute("SELECT 1 FROM outbox WHERE bundle_id = ?", (bundle_id,)).fetchone():
                return False
            now, actor = now_utc(), self.actor()
            conn.execute(
                "INSERT INTO outbox (bundle_id, file_name, size, sha256, office_id, year, quarter, reports, state,"
                " queued_at, queued_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bundle_id,
                    file_name,
                    size,
                    sha256,
                    office_id,
                    period.year,
                    period.quarter,
                    reports,
                    OutboxState.PENDING.value,
                    now,
                    actor,
                    now,
                ),
            )
            self.audit.record(conn, actor, "outbox.queue", f"bundle:{bundle_id}", after={"file": file_name})
        return True

    def get(self, bundle_id: str) -> OutboxEntry | None:
        """One entry, or None."""
        rows = self.database.query("SELECT * FROM outbox WHERE bundle_id = ?", (bundle_id,))
        return _entry(rows[0]) if rows else None

    def entries(self, states: tuple[OutboxState, ...] = ()) -> list[OutboxEntry]:
        """Entries (in the given states, or all), oldest first."""
        sql, params = "SELECT * FROM outbox", ()
        if states:
            sql += f" WHERE state IN ({', '.join('?' * len(states))})"
            params = tuple(s.value for s in states)
        return [_entry(row) for row in self.database.query(sql + " ORDER BY queued_at, rowid", params)]

    def counts(self) -> dict[OutboxState, int]:
        """How many entries are in each state."""
        found = dict.fromkeys(OutboxState, 0)
        for row in self.database.query("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state"):
            found[OutboxState(row["state"])] = row["n"]
        return found

    def record_attempt(self, bundle_id: str) -> None:
        """Counts one more try at sending the bundle."""
        self._update(bundle_id, "attempts = attempts + 1")

    def record_progress(self, bundle_id: str, upload_url: str, sent_bytes: int) -> None:
        """Keeps the upload's URL and the hub's last acknowledged offset."""
        self._update(
            bundle_id,
            "state = ?, upload_url = ?, sent_bytes = ?",
            (OutboxState.UPLOADING.value, upload_url, sent_bytes),
        )

    def restart_upload(self, bundle_id: str) -> None:
        """Forgets an upload the hub no longer knows (expired, or cleaned after a crash): it starts over."""
        self._update(bundle_id, "state = ?, upload_url = NULL, sent_bytes = 0", (OutboxState.PENDING.value,))

    def mark_sent(self, bundle_id: str) -> None:
        """Every byte is on the hub (or the hub had the bundle already)."""
        entry = self.get(bundle_id)
        size = entry.size if entry else 0
        with self.database.write() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, sent_bytes = ?, updated_at = ? WHERE bundle_id = ?",
                (OutboxState.SENT.value, size, now_utc(), bundle_id),
            )
            self.audit.record(conn, self.actor(), "outbox.sent", f"bundle:{bundle_id}")

    def mark_checked(self, bundle_id: str, verified: bool, reason_code: str | None, reason: str | None) -> None:
        """Records the hub's verdict on a sent bundle."""
        state = OutboxState.VERIFIED if verified else OutboxState.REJECTED
        with self.database.write() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, reason_code = ?, reason = ?, updated_at = ? WHERE bundle_id = ?",
                (state.value, reason_code, reason, now_utc(), bundle_id),
            )
            self.audit.record(
                conn, self.actor(), f"outbox.{state.value}", f"bundle:{bundle_id}", after={"reason": reason_code}
            )

    def requeue(self, bundle_id: str) -> None:
        """Sends a rejected bundle again (say, once the province registered this office's key)."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, upload_url = NULL, sent_bytes = 0, reason_code = NULL, reason = NULL,"
                " updated_at = ? WHERE bundle_id = ?",
                (OutboxState.PENDING.value, now_utc(), bundle_id),
            )
            self.audit.record(conn, self.actor(), "outbox.requeue", f"bundle:{bundle_id}")

    def _update(self, bundle_id: str, assignments: str, params: tuple = ()) -> None:
        with self.database.write() as conn:
            conn.execute(
                f"UPDATE outbox SET {assignments}, updated_at = ? WHERE bundle_id = ?",
                (*params, now_utc(), bundle_id),
            )


def _entry(row: dict) -> OutboxEntry:
    row["state"] = OutboxState(row["state"])
    return OutboxEntry(**row)
