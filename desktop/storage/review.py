"""The review workflow of reports: submit, return with notes, approve — each step audited and recorded."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import STEPS, TRANSITION_LABELS, Permission, Transition
from desktop.storage.access import Access
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.bundle_records import BundleRecord
from desktop.storage.bundles import BundleRepository
from desktop.storage.database import Database
from desktop.storage.reports import STATUS_LABELS, ReportKey

MAX_NOTE_LENGTH = 4000


@dataclass(frozen=True)
class ReviewNote:
    """A reviewer's note on a report (area_code None) or on one of its rows."""

    area_code: str | None
    note: str
    written_at: str
    written_by: str


@dataclass(frozen=True)
class IncomingDecision:
    """A reviewer's decision on one of this office's reports, as a verified bundle carried it."""

    service_code: str
    transition: Transition  # RETURN or APPROVE
    notes: tuple[tuple[str | None, str], ...]
    decided_by: str
    office_id: str | None = None  # the report's office when not the bundle's (a consolidated report's sources)

    @property
    def transition_target(self) -> ReportStatus:
        """The status the decision leads to."""
        return STEPS[self.transition].target


@dataclass(frozen=True)
class TransitionRecord:
    """One step a report took."""

    transition: Transition
    from_status: ReportStatus
    to_status: ReportStatus
    at: str
    actor: str
    source_bundle_id: str | None


class ReviewRepository:
    """Moves reports through the workflow and reads their notes and history."""

    def __init__(
        self,
        database: Database,
        audit: AuditLog,
        access: Access,
        submit_guard: Callable[[ReportKey], None] = lambda key: None,
    ):
        """`submit_guard(key)` raises UserError when the report may not be submitted from here: another
        office's report, or a period past its deadline (the same checks as an edit)."""
        self.database, self.audit, self.access = database, audit, access
        self.submit_guard = submit_guard

    def apply(
        self,
        key: ReportKey,
        transition: Transition,
        note: str = "",
        row_notes: Mapping[str, str] | None = None,
    ) -> ReportStatus:
        """Takes one step if the acting account may and the report's status allows it; the new status.

        A return needs a note (for the report or for at least one row). Refused steps change nothing.
        """
        step = STEPS[Transition(transition)]
        self.access.require(step.permission)
        if transition is Transition.SUBMIT:
            self.submit_guard(key)
        note = note.strip()
        rows = {area: text.strip() for area, text in (row_notes or {}).items() if text.strip()}
        for text in (note, *rows.values()):
            if len(text) > MAX_NOTE_LENGTH:
                raise user_error(
                    QT_TRANSLATE_NOOP("Review", "Catatan terlalu panjang (lebih dari {count} karakter)."),
                    count=MAX_NOTE_LENGTH,
                )
        if step.needs_note and not (note or rows):
            raise user_error(QT_TRANSLATE_NOOP("Review", "Tulis catatan untuk operator: apa yang perlu diperbaiki."))
        actor = self.access.actor()
        with self.database.write() as conn:
            head = conn.execute(
                "SELECT id, status FROM reports WHERE office_id = ? AND service_code = ? AND year = ? AND quarter = ?",
                (key.office_id, key.service_code, key.period.year, key.period.quarter),
            ).fetchone()
            if head is None or not conn.execute("SELECT 1 FROM report_rows WHERE report_id = ?", (head[0],)).fetchone():
                raise user_error(
                    QT_TRANSLATE_NOOP("Review", "Laporan {service} {period} belum berisi angka."),
                    service=key.service_code,
                    period=key.period.label,
                )
            report_id, status = head[0], ReportStatus(head[1])
            if status not in step.sources:
                raise user_error(
                    QT_TRANSLATE_NOOP("Review", "Laporan berstatus {status}; langkah '{act}' tidak berlaku."),
                    status=STATUS_LABELS[status],
                    act=TRANSITION_LABELS[transition],
                )
            for area in rows:
                if not conn.execute("SELECT 1 FROM areas WHERE code = ?", (area,)).fetchone():
                    raise user_error(
                        QT_TRANSLATE_NOOP("Reports", "Wilayah {code} bukan bagian dari kabupaten/kota ini."), code=area
                    )
            notes = ([(None, note)] if note else []) + list(rows.items())
            self._record(conn, key, report_id, transition, status, notes, actor)
        return step.target

    def _record(
        self,
        conn,
        key: ReportKey,
        report_id: int,
        transition: Transition,
        status: ReportStatus,
        notes: list[tuple[str | None, str]],
        actor: str,
        source_bundle_id: str | None = None,
        decided_by: str | None = None,
    ) -> None:
        """The status change, its transition row, its notes and the audit entry, in the caller's transaction."""
        target = STEPS[transition].target
        now = now_utc()
        conn.execute("UPDATE reports SET status = ?, updated_at = ? WHERE id = ?", (target.value, now, report_id))
        cursor = conn.execute(
            "INSERT INTO report_transitions (report_id, transition, from_status, to_status, at, actor, source_bundle_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report_id, transition.value, status.value, target.value, now, decided_by or actor, source_bundle_id),
        )
        conn.executemany(
            "INSERT INTO review_notes (transition_id, area_code, note) VALUES (?, ?, ?)",
            [(cursor.lastrowid, area, text) for area, text in notes],
        )
        after: dict = {"status": target.value}
        if notes:
            after["notes"] = {area or "": text for area, text in notes}
        if source_bundle_id:
            after.update(bundle=source_bundle_id, decided_by=decided_by)
        self.audit.record(conn, actor, f"report.{transition.value}", key.subject, "status", status.value, after)

    def apply_decisions(self, record: BundleRecord, decisions: Sequence[IncomingDecision]) -> int:
        """Applies a reviewer's decisions that came back in a signed bundle, in one transaction; how many
        changed a report. Each report must still be submitted (or, for a return from the level above the
        approver, approved) with exactly the content decided on."""
        self.access.require(Permission.IMPORT_BUNDLE)
        actor = self.access.actor()
        applied = 0
        with self.database.write() as conn:
            if conn.execute("SELECT 1 FROM bundles WHERE bundle_id = ?", (record.bundle_id,)).fetchone():
                return 0
            for decision in decisions:
                key = ReportKey(decision.office_id or record.office_id, decision.service_code, record.period)
                head = conn.execute(
                    "SELECT id, status FROM reports WHERE office_id = ? AND service_code = ? AND year = ?"
                    " AND quarter = ?",
                    (key.office_id, key.service_code, key.period.year, key.period.quarter),
                ).fetchone()
                status = ReportStatus(head[1]) if head else None
                if status is decision.transition_target:
                    continue  # this decision arrived before (by another route)
                # The province may return what the district approved: the approval is undone by the return.
                reopened = status is ReportStatus.APPROVED and decision.transition is Transition.RETURN
                if status is not ReportStatus.SUBMITTED and not reopened:
                    raise user_error(
                        QT_TRANSLATE_NOOP(
                            "Review",
                            "Keputusan untuk laporan {service} tidak dapat diterapkan: laporan di sini berstatus {status}, bukan Diajukan. Tidak ada yang diimpor.",
                        ),
                        service=key.service_code,
                        status=STATUS_LABELS[status] if status else "—",
                    )
                self._record(
                    conn,
                    key,
                    head[0],
                    decision.transition,
                    status,
                    list(decision.notes),
                    actor,
                    record.bundle_id,
                    decision.decided_by,
                )
                applied += 1
            BundleRepository.insert_bundle(conn, record, now_utc(), actor)
            self.audit.record(
                conn,
                actor,
                "bundle.import",
                f"bundle/{record.bundle_id}",
                after={"decisions": {d.service_code: d.transition.value for d in decisions}},
            )
        return applied

    def notes(self, key: ReportKey) -> list[ReviewNote]:
        """The notes of the report's latest return (what the operator is to fix), report-wide first."""
        rows = self.database.conn.execute(
            "SELECT n.area_code, n.note, t.at, t.actor FROM review_notes n"
            " JOIN report_transitions t ON t.id = n.transition_id"
            " WHERE t.id = (SELECT t2.id FROM report_transitions t2 JOIN reports r ON r.id = t2.report_id"
            "   WHERE r.office_id = ? AND r.service_code = ? AND r.year = ? AND r.quarter = ?"
            "   AND t2.transition = 'return' ORDER BY t2.id DESC LIMIT 1)"
            " ORDER BY n.area_code IS NOT NULL, n.area_code, n.id",
            (key.office_id, key.service_code, key.period.year, key.period.quarter),
        ).fetchall()
        return [ReviewNote(*row) for row in rows]

    def history(self, key: ReportKey) -> list[TransitionRecord]:
        """Every step the report took, oldest first."""
        rows = self.database.conn.execute(
            "SELECT t.transition, t.from_status, t.to_status, t.at, t.actor, t.source_bundle_id"
            " FROM report_transitions t JOIN reports r ON r.id = t.report_id"
            " WHERE r.office_id = ? AND r.service_code = ? AND r.year = ? AND r.quarter = ? ORDER BY t.id",
            (key.office_id, key.service_code, key.period.year, key.period.quarter),
        ).fetchall()
        return [
            TransitionRecord(Transition(t), ReportStatus(f), ReportStatus(s), at, actor, bundle)
            for t, f, s, at, actor, bundle in rows
        ]
