"""Reports and their rows: read a report, and change its figures one audited, durable edit at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.domain.catalog import CURRENT_VERSION, Catalog, load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, FigureRow, Report, ReportStatus
from desktop.domain.validation import COLUMN_LABELS, Finding, errors, row_findings, set_column
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database

if TYPE_CHECKING:
    from desktop.storage.report_cache import ReportFigures

COLUMNS = FIGURES + TEXTS
STALE_CACHE = "SELECT 1 FROM report_cache WHERE content_hash IS NULL LIMIT 1"  # see report_cache.py


@dataclass(frozen=True)
class ReportKey:
    """Which report: an office's service type in a period."""

    office_id: str
    service_code: str
    period: Period

    @property
    def subject(self) -> str:
        """How the audit log names the report."""
        return f"report/{self.service_code}/{self.period.key}"


@dataclass(frozen=True)
class CellEdit:
    """One value typed or pasted into a row (raw, as typed; checked when applied)."""

    area_code: str
    column: str
    value: object


@dataclass(frozen=True)
class StoredReport:
    """A stored report's head with its rows as read (in no particular order)."""

    service_code: str
    status: str
    revision: int
    catalog_version: str
    rows: list[FigureRow]


@dataclass(frozen=True)
class RowChange:
    """A row after an edit, with what is worth flagging about it."""

    area_code: str
    row: AreaFigures
    findings: tuple[Finding, ...]


class ReportRepository:
    """Reads reports and applies edits to their rows."""

    def __init__(
        self,
        database: Database,
        audit: AuditLog,
        actor: Callable[[], str],
        guard: Callable[[ReportKey], None] = lambda key: None,
    ):
        """`guard(key)` raises UserError when the acting account may not change that report now."""
        self.database, self.audit, self.actor, self.guard = database, audit, actor, guard

    # --- reading -------------------------------------------------------------------------

    def get(self, key: ReportKey) -> Report:
        """The stored report, or an empty draft when nothing has been entered yet."""
        head = self._head(self.database.conn, key)
        if head is None:
            return Report(key.office_id, key.service_code, key.period, CURRENT_VERSION)
        report_id, status, revision, catalog_version = head
        return Report(
            key.office_id,
            key.service_code,
            key.period,
            catalog_version,
            ReportStatus(status),
            revision,
            tuple(self._rows(report_id)),
        )

    def status(self, key: ReportKey) -> ReportStatus:
        """The report's status (draft when nothing is stored yet)."""
        head = self._head(self.database.conn, key)
        return ReportStatus(head[1]) if head else ReportStatus.DRAFT

    def catalog_of(self, report: Report) -> Catalog:
        """The catalog the report was made under."""
        return load_catalog(report.catalog_version)

    def report_id(self, key: ReportKey) -> int | None:
        """The stored report's id, or None."""
        head = self._head(self.database.conn, key)
        return head[0] if head else None

    def previous_rows(self, key: ReportKey) -> dict[str, AreaFigures]:
        """The rows of the quarter before in the same year (figures are cumulative)."""
        before = key.period.previous_in_year()
        if before is None:
            return {}
        report = self.get(ReportKey(key.office_id, key.service_code, before))
        return {r.area_code: r for r in report.rows}

    def rows_by_service(self, office_id: str, period: Period) -> dict[str, list[AreaFigures]]:
        """Every row of an office's reports in a period, by service code: what the summary scores."""
        result: dict[str, list[AreaFigures]] = {}
        cursor = self.database.conn.execute(
            f"SELECT r.service_code, {', '.join('w.' + c for c in ('area_code', *COLUMNS))}"
            " FROM reports r JOIN report_rows w ON w.report_id = r.id"
            " WHERE r.office_id = ? AND r.year = ? AND r.quarter = ?",
            (office_id, period.year, period.quarter),
        )
        for service_code, *values in cursor:
            result.setdefault(service_code, []).append(AreaFigures(*values))
        return result

    def period_figures(self, office_id: str, period: Period) -> dict[str, ReportFigures]:
        """Every stored report of an office in a period with its content hash and sums, by service code.

        From the report cache where it holds them, else from the rows (see report_cache.py).
        """
        from desktop.storage.report_cache import period_figures  # what a rekap needs; not at start-up

        return period_figures(self.database.conn, office_id, period)

    def periods_with_data(self, office_id: str) -> list[Period]:
        """Periods in which the office has any report, newest first."""
        rows = self.database.conn.execute(
            "SELECT DISTINCT year, quarter FROM reports WHERE office_id = ? ORDER BY year DESC, quarter DESC",
            (office_id,),
        )
        return [Period(y, q) for y, q in rows]

    def _head(self, conn: sqlite3.Connection, key: ReportKey):
        return conn.execute(
            "SELECT id, status, revision, catalog_version FROM reports"
            " WHERE office_id = ? AND service_code = ? AND year = ? AND quarter = ?",
            (key.office_id, key.service_code, key.period.year, key.period.quarter),
        ).fetchone()

    def _rows(self, report_id: int) -> list[AreaFigures]:
        cursor = self.database.conn.execute(
            f"SELECT area_code, {', '.join(COLUMNS)} FROM report_rows WHERE report_id = ? ORDER BY area_code",
            (report_id,),
        )
        return [AreaFigures(*values) for values in cursor]

    # --- writing -------------------------------------------------------------------------

    def set_value(self, key: ReportKey, area_code: str, column: str, value: object) -> RowChange:
        """Checks and stores one value; durable when this returns."""
        return self.set_values(key, [CellEdit(area_code, column, value)])[0]

    def set_values(self, key: ReportKey, edits: Sequence[CellEdit]) -> list[RowChange]:
        """Checks every edit, then stores them all in one transaction, or none and raises UserError.

        Returns the changed rows (in the order first edited) with their warnings.
        """
        return self.set_many({key: edits}).get(key, [])

    def set_many(
        self,
        edits: Mapping[ReportKey, Sequence[CellEdit]],
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[ReportKey, list[RowChange]]:
        """Like set_values for several reports at once (an Excel import): ONE transaction for all of them.

        Any refused edit, in any report, rolls everything back and raises UserError; reports without
        edits are left alone (not even created). `progress(reports done, reports)` is called between
        reports and may raise to stop: everything is rolled back then.
        """
        wanted = {key: list(items) for key, items in edits.items() if items}
        if not wanted:
            return {}
        for key, items in wanted.items():
            self.guard(key)
            for edit in items:
                if edit.column not in COLUMNS:
                    raise KeyError(edit.column)
        actor = self.actor()
        after = {}
        with self.database.write() as conn:
            now = now_utc()
            for done, (key, items) in enumerate(wanted.items()):
                if progress is not None:
                    progress(done, len(wanted))
                after[key] = self._apply(conn, key, items, actor, now)
        return {key: self._row_changes(key, rows) for key, rows in after.items()}

    def _apply(
        self, conn: sqlite3.Connection, key: ReportKey, edits: list[CellEdit], actor: str, now: str
    ) -> dict[str, AreaFigures]:
        """Checks and stores one report's edits inside the caller's transaction; the rows after them."""
        report_id, status = self.ensure_report(conn, key, actor)
        require_editable(status)
        before = {code: self._stored_row(conn, report_id, code) for code in dict.fromkeys(e.area_code for e in edits)}
        names = {code: self._area_name(conn, code) for code in before}
        after = dict(before)
        for edit in edits:
            try:
                after[edit.area_code] = set_column(after[edit.area_code], edit.column, edit.value)
            except UserError as exc:
                raise user_error(
                    QT_TRANSLATE_NOOP("Reports", "{area}: {reason}"), area=names[edit.area_code], reason=exc.message
                ) from exc
        for code, row in after.items():
            if refused := errors(row_findings(row)):
                raise _row_error(names[code], refused[0])
        changes = []
        for code, row in after.items():
            old = before[code]
            changed = [c for c in COLUMNS if getattr(old, c) != getattr(row, c)]
            if not changed:
                continue
            self._upsert(conn, report_id, row, now, actor)
            for column in changed:
                self.audit.record(
                    conn, actor, "row.set", f"{key.subject}/{code}", column, getattr(old, column), getattr(row, column)
                )
            changes.append(code)
        if changes:
            conn.execute("UPDATE reports SET updated_at = ? WHERE id = ?", (now, report_id))
        return after

    def _row_changes(self, key: ReportKey, after: dict[str, AreaFigures]) -> list[RowChange]:
        previous = self.previous_rows(key) if key.period.quarter > 1 else {}
        return [RowChange(code, row, tuple(row_findings(row, previous.get(code)))) for code, row in after.items()]

    def ensure_report(self, conn: sqlite3.Connection, key: ReportKey, actor: str) -> tuple[int, str]:
        """The report's id and status, creating the draft inside the caller's transaction if needed."""
        head = self._head(conn, key)
        if head is not None:
            return head[0], head[1]
        now = now_utc()
        cursor = conn.execute(
            "INSERT INTO reports (office_id, service_code, year, quarter, catalog_version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key.office_id, key.service_code, key.period.year, key.period.quarter, CURRENT_VERSION, now, now),
        )
        self.audit.record(conn, actor, "report.create", key.subject, after={"catalog": CURRENT_VERSION})
        return cursor.lastrowid, ReportStatus.DRAFT.value

    @staticmethod
    def _stored_row(conn: sqlite3.Connection, report_id: int, area_code: str) -> AreaFigures:
        values = conn.execute(
            f"SELECT area_code, {', '.join(COLUMNS)} FROM report_rows WHERE report_id = ? AND area_code = ?",
            (report_id, area_code),
        ).fetchone()
        return AreaFigures(*values) if values else AreaFigures(area_code)

    @staticmethod
    def _area_name(conn: sqlite3.Connection, area_code: str) -> str:
        found = conn.execute("SELECT name FROM areas WHERE code = ?", (area_code,)).fetchone()
        if found is None:
            raise user_error(
                QT_TRANSLATE_NOOP("Reports", "Wilayah {code} bukan bagian dari kabupaten/kota ini."), code=area_code
            )
        return found[0]

    @staticmethod
    def _upsert(conn: sqlite3.Connection, report_id: int, row: AreaFigures, now: str, actor: str) -> None:
        values = [getattr(row, c) for c in COLUMNS]
        conn.execute(
            f"INSERT INTO report_rows (report_id, area_code, {', '.join(COLUMNS)}, updated_at, updated_by)"
            f" VALUES (?, ?, {', '.join('?' * len(COLUMNS))}, ?, ?)"
            f" ON CONFLICT (report_id, area_code) DO UPDATE SET"
            f" {', '.join(f'{c} = excluded.{c}' for c in COLUMNS)},"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (report_id, row.area_code, *values, now, actor),
        )


_FIGURE_TYPES = frozenset({int, type(None)})
_TEXT_TYPES = frozenset({str})


def canonical_rows(rows: list[FigureRow]) -> bool:
    """Whether every figure is an int or None and every code and text a str (column by column, in C):
    what a program that only ever stores through this repository leaves. A value SQLite kept in another
    type (a hand-edited database) is read all the same, but hashed the slow way and never cached."""
    if not rows:
        return True
    area_code, *figures_and_texts = zip(*rows, strict=True)
    figures, texts = figures_and_texts[: len(FIGURES)], figures_and_texts[len(FIGURES) :]
    return all(set(map(type, column)) <= _TEXT_TYPES for column in (area_code, *texts)) and all(
        set(map(type, column)) <= _FIGURE_TYPES for column in figures
    )


def settle_report_cache(conn: sqlite3.Connection) -> None:
    """Recomputes the report cache's stale rows (see report_cache.py) inside a write transaction."""
    if conn.execute(STALE_CACHE).fetchone() is not None:
        from desktop.storage.report_cache import refresh_stale  # on the first write, not at start-up

        refresh_stale(conn)


def require_editable(status: str) -> None:
    """Refuses any change to a report that is submitted or approved (frozen)."""
    if not ReportStatus(status).editable:
        raise user_error(
            QT_TRANSLATE_NOOP("Reports", "Laporan ini berstatus {status} dan tidak dapat diubah."),
            status=STATUS_LABELS[ReportStatus(status)],
        )


def _row_error(area_name: str, finding: Finding) -> UserError:
    return user_error(
        QT_TRANSLATE_NOOP("Reports", "{area}, kolom {column}: {reason}"),
        area=area_name,
        column=COLUMN_LABELS[finding.column],
        reason=finding.message,
    )


STATUS_LABELS = {
    ReportStatus.DRAFT: QT_TRANSLATE_NOOP("Status", "Draf"),
    ReportStatus.SUBMITTED: QT_TRANSLATE_NOOP("Status", "Diajukan"),
    ReportStatus.RETURNED: QT_TRANSLATE_NOOP("Status", "Dikembalikan"),
    ReportStatus.APPROVED: QT_TRANSLATE_NOOP("Status", "Disetujui"),
}
