"""Period deadlines set by the district admin, and reopenings; each change audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.domain.deadlines import Deadline
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.storage.audit import AuditLog
from desktop.storage.database import Database


class DeadlineRepository:
    """Reads and sets the period_deadlines table."""

    def __init__(self, database: Database, audit: AuditLog, authorize: Callable[[], None] = lambda: None):
        """`authorize()` raises UserError when the acting account may not set deadlines."""
        self.database, self.audit, self.authorize = database, audit, authorize

    def get(self, period: Period) -> Deadline | None:
        """The period's deadline, or None when none is set (the period never closes)."""
        row = self.database.conn.execute(
            "SELECT closes_on, opened_until FROM period_deadlines WHERE year = ? AND quarter = ?",
            (period.year, period.quarter),
        ).fetchone()
        if row is None:
            return None
        return Deadline(period, date.fromisoformat(row[0]), date.fromisoformat(row[1]) if row[1] else None)

    def all(self) -> list[Deadline]:
        """Every deadline set, newest period first."""
        rows = self.database.conn.execute(
            "SELECT year, quarter, closes_on, opened_until FROM period_deadlines ORDER BY year DESC, quarter DESC"
        ).fetchall()
        return [
            Deadline(Period(y, q), date.fromisoformat(c), date.fromisoformat(o) if o else None) for y, q, c, o in rows
        ]

    def set(self, period: Period, closes_on: date, actor: str) -> Deadline:
        """Sets (or moves) the period's closing day; a reopening is cleared with it."""
        self.authorize()
        if closes_on.year < period.year:
            raise user_error(
                QT_TRANSLATE_NOOP("Deadlines", "Batas waktu tidak boleh sebelum tahun periodenya ({year})."),
                year=period.year,
            )
        before = self.get(period)
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO period_deadlines (year, quarter, closes_on) VALUES (?, ?, ?)"
                " ON CONFLICT (year, quarter) DO UPDATE SET closes_on = excluded.closes_on, opened_until = NULL",
                (period.year, period.quarter, closes_on.isoformat()),
            )
            self.audit.record(
                conn,
                actor,
                "period.deadline",
                f"period/{period.key}",
                "closes_on",
                before.closes_on.isoformat() if before else None,
                closes_on.isoformat(),
            )
        return Deadline(period, closes_on)

    def reopen(self, period: Period, until: date, actor: str, reason: str = "") -> Deadline:
        """Opens a closed period for operators through `until` (audited, with the reason)."""
        self.authorize()
        current = self.get(period)
        if current is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Deadlines", "Periode {period} belum punya batas waktu; tidak ada yang perlu dibuka."
                ),
                period=period.label,
            )
        with self.database.write() as conn:
            conn.execute(
                "UPDATE period_deadlines SET opened_until = ? WHERE year = ? AND quarter = ?",
                (until.isoformat(), period.year, period.quarter),
            )
            self.audit.record(
                conn,
                actor,
                "period.reopen",
                f"period/{period.key}",
                "opened_until",
                current.opened_until.isoformat() if current.opened_until else None,
                {"until": until.isoformat(), "reason": reason.strip()},
            )
        return Deadline(period, current.closes_on, until)
