"""Bundles sent and received, and the revision chain of every report they carried.

Each report a bundle carries gets a revision row: revision n revises the bundle that carried
revision n-1. Exactly one revision per report is 'current'; an older one is 'superseded'; a second
bundle that revises the same revision as the current one is kept beside it as a 'conflict', for the
verifier to resolve. Recording an export and applying an import each happen in one transaction.
The rules that decide what an incoming bundle does (desktop.exchange.import_bundle) only read here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.bundle_records import (
    CONFLICT,
    CURRENT,
    BundleRecord,
    CarriedReport,
    EvidenceSnapshot,
    RemoteOffice,
    Revision,
    revision_of,
    snapshot_of,
)
from desktop.storage.database import Database
from desktop.storage.reports import COLUMNS, ReportKey, ReportRepository


def _upsert_row(conn: sqlite3.Connection, report_id: int, row: AreaFigures, now: str, actor: str) -> None:
    conn.execute(
        f"INSERT INTO report_rows (report_id, area_code, {', '.join(COLUMNS)}, updated_at, updated_by)"
        f" VALUES (?, ?, {', '.join('?' * len(COLUMNS))}, ?, ?)"
        f" ON CONFLICT (report_id, area_code) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in COLUMNS)},"
        " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (report_id, row.area_code, *(getattr(row, c) for c in COLUMNS), now, actor),
    )


class BundleRepository:
    """Reads the bundle and revision records, records exports and applies imports."""

    def __init__(self, database: Database, audit: AuditLog, reports: ReportRepository, actor: Callable[[], str]):
        self.database, self.audit, self.reports, self.actor = database, audit, reports, actor

    # --- reading -------------------------------------------------------------------------------

    def get(self, bundle_id: str) -> BundleRecord | None:
        """A bundle recorded here, or None."""
        rows = self.database.query("SELECT * FROM bundles WHERE bundle_id = ?", (bundle_id,))
        if not rows:
            return None
        row = rows[0]
        row["encrypted"] = bool(row["encrypted"])
        return BundleRecord(**row)

    def list(self, direction: str | None = None) -> list[BundleRecord]:
        """Every bundle recorded, newest first."""
        sql, params = "SELECT * FROM bundles", ()
        if direction:
            sql, params = sql + " WHERE direction = ?", (direction,)
        found = []
        for row in self.database.query(sql + " ORDER BY recorded_at DESC, rowid DESC", params):
            row["encrypted"] = bool(row["encrypted"])
            found.append(BundleRecord(**row))
        return found

    _SELECT = (
        "SELECT office_id, service_code, year, quarter, bundle_id, revision, revises_bundle_id, content_hash, state,"
        " snapshot, recorded_at FROM report_revisions"
    )

    def revisions(self, office_id: str, service_code: str, period: Period, conn=None) -> list[Revision]:
        """Every revision of a report, oldest first."""
        rows = (conn or self.database.conn).execute(
            self._SELECT + " WHERE office_id = ? AND service_code = ? AND year = ? AND quarter = ?"
            " ORDER BY revision, recorded_at",
            (office_id, service_code, period.year, period.quarter),
        )
        names = [d[0] for d in rows.description]
        return [revision_of(dict(zip(names, r, strict=True))) for r in rows.fetchall()]

    def current(self, office_id: str, service_code: str, period: Period, conn=None) -> Revision | None:
        """The current revision of a report, or None when no bundle carried it."""
        found = [r for r in self.revisions(office_id, service_code, period, conn) if r.state == CURRENT]
        return found[0] if found else None

    def conflicts(self, office_id: str | None = None) -> list[Revision]:
        """Revisions kept as conflicts, waiting for the verifier."""
        sql, params = self._SELECT + " WHERE state = 'conflict'", ()
        if office_id:
            sql, params = sql + " AND office_id = ?", (office_id,)
        return [revision_of(r) for r in self.database.query(sql + " ORDER BY recorded_at", params)]

    # --- export --------------------------------------------------------------------------------

    def record_export(self, record: BundleRecord, reports: Sequence[CarriedReport]) -> None:
        """Records a bundle that was written and verified, and the new revision of each report in it."""
        actor = self.actor()
        period = record.period
        with self.database.write() as conn:
            now = now_utc()
            self.insert_bundle(conn, record, now, actor)
            for report in reports:
                self._require_current(conn, record.office_id, report, period)
                self._make_current(conn, record, report, period, now)
                conn.execute(
                    "UPDATE reports SET revision = ? WHERE office_id = ? AND service_code = ? AND year = ? AND quarter = ?",
                    (report.revision, record.office_id, report.service_code, period.year, period.quarter),
                )
                self.audit.record(
                    conn,
                    actor,
                    "report.export",
                    ReportKey(record.office_id, report.service_code, period).subject,
                    "revision",
                    report.revision - 1,
                    report.revision,
                )
            self.audit.record(
                conn,
                actor,
                "bundle.export",
                f"bundle/{record.bundle_id}",
                after={
                    "file": record.file_name,
                    "sha256": record.file_sha256,
                    "reports": [r.service_code for r in reports],
                    "encrypted": record.encrypted,
                },
            )

    def record_sent_decisions(self, record: BundleRecord) -> None:
        """Records a decision bundle written for an office (its reports' revisions do not change)."""
        actor = self.actor()
        with self.database.write() as conn:
            self.insert_bundle(conn, record, now_utc(), actor)
            self.audit.record(
                conn,
                actor,
                "bundle.decisions",
                f"bundle/{record.bundle_id}",
                after={"office": record.office_id, "period": record.period.key, "file": record.file_name},
            )

    # --- import --------------------------------------------------------------------------------

    def apply_import(
        self,
        record: BundleRecord,
        office: RemoteOffice,
        reports: Sequence[CarriedReport],
        bind: Callable[[sqlite3.Connection, str], None] | None = None,
    ) -> None:
        """Applies an import in one transaction: the sender's office, each new or updated report's
        head, rows and evidence, each conflict kept aside, the revision records and the audit log."""
        actor = self.actor()
        period = record.period
        with self.database.write() as conn:
            now = now_utc()
            if conn.execute("SELECT 1 FROM bundles WHERE bundle_id = ?", (record.bundle_id,)).fetchone():
                raise user_error(
                    QT_TRANSLATE_NOOP("Import", "Paket {bundle} sudah pernah diimpor."), bundle=record.bundle_id
                )
            self._upsert_office(conn, office, now, actor)
            self.insert_bundle(conn, record, now, actor)
            for report in reports:
                self._require_current(conn, office.id, report, period)
                if report.verdict == CONFLICT:
                    self._insertrevision_of(conn, record, report, period, CONFLICT, now)
                    self._store_blobs(conn, report.evidence, now)
                    self.audit.record(
                        conn,
                        actor,
                        "report.conflict",
                        f"office/{office.id}/report/{report.service_code}/{period.key}",
                        after={"bundle": record.bundle_id, "revision": report.revision},
                    )
                    continue
                self._write_report(conn, office.id, report, period, now, actor, record.bundle_id)
                self._make_current(conn, record, report, period, now)
            if bind is not None:
                bind(conn, actor)
            self.audit.record(
                conn,
                actor,
                "bundle.import",
                f"bundle/{record.bundle_id}",
                after={
                    "office": office.id,
                    "period": period.key,
                    "sha256": record.file_sha256,
                    "reports": {r.service_code: r.verdict for r in reports},
                },
            )

    def resolve_conflict(self, office_id: str, service_code: str, period: Period, bundle_id: str) -> None:
        """Makes a conflict revision the current one (its rows and evidence replace the report's)."""
        actor = self.actor()
        with self.database.write() as conn:
            chosen = [r for r in self.revisions(office_id, service_code, period, conn) if r.bundle_id == bundle_id]
            if not chosen or chosen[0].state != CONFLICT:
                raise user_error(
                    QT_TRANSLATE_NOOP("Import", "Tidak ada revisi yang bertentangan dari paket {bundle}."),
                    bundle=bundle_id,
                )
            revision = chosen[0]
            report = CarriedReport(
                service_code,
                revision.catalog_version,
                revision.status,
                revision.revision,
                revision.revises_bundle_id,
                revision.content_hash,
                revision.rows,
                revision.evidence,
            )
            now = now_utc()
            self._write_report(conn, office_id, report, period, now, actor, bundle_id)
            conn.execute(
                "UPDATE report_revisions SET state = 'superseded' WHERE office_id = ? AND service_code = ?"
                " AND year = ? AND quarter = ? AND state = 'current'",
                (office_id, service_code, period.year, period.quarter),
            )
            conn.execute(
                "UPDATE report_revisions SET state = 'current' WHERE office_id = ? AND service_code = ?"
                " AND year = ? AND quarter = ? AND bundle_id = ?",
                (office_id, service_code, period.year, period.quarter, bundle_id),
            )
            self.audit.record(
                conn,
                actor,
                "report.resolve",
                f"office/{office_id}/report/{service_code}/{period.key}",
                after={"bundle": bundle_id, "revision": revision.revision},
            )

    # --- pieces ----------------------------------------------------------------------------------

    @staticmethod
    def insert_bundle(conn: sqlite3.Connection, record: BundleRecord, now: str, actor: str) -> None:
        """Records a bundle row inside the caller's transaction."""
        conn.execute(
            "INSERT INTO bundles (bundle_id, direction, office_id, year, quarter, catalog_version, signer_key_id,"
            " signer_fingerprint, file_name, file_sha256, file_size, tagmanifest_sha256, encrypted, bagged_at,"
            " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.bundle_id,
                record.direction,
                record.office_id,
                record.year,
                record.quarter,
                record.catalog_version,
                record.signer_key_id,
                record.signer_fingerprint,
                record.file_name,
                record.file_sha256,
                record.file_size,
                record.tagmanifest_sha256,
                int(record.encrypted),
                record.bagged_at,
                now,
                actor,
            ),
        )

    def _require_current(self, conn: sqlite3.Connection, office_id: str, report: CarriedReport, period: Period) -> None:
        current = self.current(office_id, report.service_code, period, conn)
        if (current.bundle_id if current else None) != report.expected_current:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Revisi laporan {service} berubah sejak rencana ini dibuat (paket lain dicatat lebih dahulu). Ulangi.",
                ),
                service=report.service_code,
            )

    @staticmethod
    def _insertrevision_of(
        conn: sqlite3.Connection, record: BundleRecord, report: CarriedReport, period: Period, state: str, now: str
    ) -> None:
        conn.execute(
            "INSERT INTO report_revisions (office_id, service_code, year, quarter, bundle_id, revision,"
            " revises_bundle_id, content_hash, state, snapshot, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.office_id,
                report.service_code,
                period.year,
                period.quarter,
                record.bundle_id,
                report.revision,
                report.revises_bundle_id,
                report.content_hash,
                state,
                snapshot_of(report),
                now,
            ),
        )

    def _make_current(
        self, conn: sqlite3.Connection, record: BundleRecord, report: CarriedReport, period: Period, now: str
    ) -> None:
        conn.execute(
            "UPDATE report_revisions SET state = 'superseded' WHERE office_id = ? AND service_code = ?"
            " AND year = ? AND quarter = ? AND state = 'current'",
            (record.office_id, report.service_code, period.year, period.quarter),
        )
        self._insertrevision_of(conn, record, report, period, CURRENT, now)

    def _upsert_office(self, conn: sqlite3.Connection, office: RemoteOffice, now: str, actor: str) -> None:
        row = conn.execute("SELECT name, is_local FROM offices WHERE id = ?", (office.id,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO offices (id, name, region_code, area_level, is_local, created_at) VALUES (?, ?, ?, ?, 0, ?)",
                (office.id, office.name, office.region_code, office.area_level, now),
            )
            self.audit.record(
                conn,
                actor,
                "office.add",
                f"office/{office.id}",
                after={"name": office.name, "district": office.region_code, "area_level": office.area_level},
            )
        elif row[1]:
            raise user_error(QT_TRANSLATE_NOOP("Import", "Paket ini berasal dari kantor ini sendiri; tidak diimpor."))
        elif row[0] != office.name:
            conn.execute("UPDATE offices SET name = ? WHERE id = ?", (office.name, office.id))
            self.audit.record(conn, actor, "office.rename", f"office/{office.id}", "name", row[0], office.name)
        conn.executemany(
            "INSERT OR IGNORE INTO office_services (office_id, service_code) VALUES (?, ?)",
            [(office.id, code) for code in office.services],
        )

    @staticmethod
    def _store_blobs(conn: sqlite3.Connection, evidence: Sequence[EvidenceSnapshot], now: str) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO evidence_blobs (sha256, size, media_type, extension, stored_at) VALUES (?, ?, ?, ?, ?)",
            [(e.sha256, e.size, e.media_type, e.extension, now) for e in evidence],
        )

    def _write_report(
        self,
        conn: sqlite3.Connection,
        office_id: str,
        report: CarriedReport,
        period: Period,
        now: str,
        actor: str,
        bundle_id: str,
    ) -> None:
        """The report's head, rows and evidence become what the bundle carried; every change audited."""
        key = ReportKey(office_id, report.service_code, period)
        subject = f"office/{office_id}/report/{report.service_code}/{period.key}"
        head = conn.execute(
            "SELECT id, status, revision, catalog_version FROM reports"
            " WHERE office_id = ? AND service_code = ? AND year = ? AND quarter = ?",
            (office_id, report.service_code, period.year, period.quarter),
        ).fetchone()
        if head is None:
            report_id = conn.execute(
                "INSERT INTO reports (office_id, service_code, year, quarter, catalog_version, status, revision,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    office_id,
                    report.service_code,
                    period.year,
                    period.quarter,
                    report.catalog_version,
                    report.status,
                    report.revision,
                    now,
                    now,
                ),
            ).lastrowid
            self.audit.record(
                conn, actor, "report.import", subject, after={"bundle": bundle_id, "revision": report.revision}
            )
        else:
            report_id = head[0]
            conn.execute(
                "UPDATE reports SET status = ?, revision = ?, catalog_version = ?, updated_at = ? WHERE id = ?",
                (report.status, report.revision, report.catalog_version, now, report_id),
            )
            self.audit.record(
                conn,
                actor,
                "report.import",
                subject,
                before={"status": head[1], "revision": head[2]},
                after={"bundle": bundle_id, "status": report.status, "revision": report.revision},
            )
        stored = {r.area_code: r for r in self.reports.get(key).rows} if head is not None else {}
        incoming = {r.area_code: r for r in report.rows}
        for area in sorted(set(stored) | set(incoming)):
            old, new = stored.get(area, AreaFigures(area)), incoming.get(area, AreaFigures(area))
            changed = [c for c in COLUMNS if getattr(old, c) != getattr(new, c)]
            if not changed:
                continue
            if area in incoming:
                _upsert_row(conn, report_id, new, now, actor)
            else:
                conn.execute("DELETE FROM report_rows WHERE report_id = ? AND area_code = ?", (report_id, area))
            for column in changed:
                self.audit.record(
                    conn, actor, "row.import", f"{subject}/{area}", column, getattr(old, column), getattr(new, column)
                )
        self._store_blobs(conn, report.evidence, now)
        present = {
            row[0]: row[1]
            for row in conn.execute("SELECT id, removed_at FROM evidence WHERE report_id = ?", (report_id,)).fetchall()
        }
        for item in report.evidence:
            owner = conn.execute("SELECT report_id FROM evidence WHERE id = ?", (item.id,)).fetchone()
            if owner is not None and owner[0] != report_id:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Import", "Data dukung {id} di paket sudah tercatat untuk laporan lain; paket tidak diimpor."
                    ),
                    id=item.id,
                )
            if owner is None:
                conn.execute(
                    "INSERT INTO evidence (id, report_id, area_code, sha256, original_name, description, added_at,"
                    " added_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item.id,
                        report_id,
                        item.area_code,
                        item.sha256,
                        item.name,
                        item.description,
                        item.added_at,
                        item.added_by,
                        item.kind,
                    ),
                )
                self.audit.record(
                    conn,
                    actor,
                    "evidence.import",
                    f"{subject}/{item.area_code or '*'}",
                    "evidence",
                    after={"id": item.id, "name": item.name, "sha256": item.sha256, "size": item.size},
                )
            elif present.get(item.id) is not None:
                conn.execute("UPDATE evidence SET removed_at = NULL, removed_by = NULL WHERE id = ?", (item.id,))
                self.audit.record(conn, actor, "evidence.restore", f"evidence/{item.id}", "evidence")
        carried = {e.id for e in report.evidence}
        for evidence_id, removed_at in present.items():
            if evidence_id not in carried and removed_at is None:
                conn.execute(
                    "UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?", (now, actor, evidence_id)
                )
                self.audit.record(
                    conn,
                    actor,
                    "evidence.remove",
                    f"evidence/{evidence_id}",
                    "evidence",
                    after={"reason": f"bundle {bundle_id}"},
                )
