"""Reading what the hub holds of its bundles: status for an office, lists and reports for the page."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.domain.reports import AreaFigures
from hub.db import Database

STATUS_LABELS = {"received": "Diterima, belum diperiksa", "verified": "Terverifikasi", "rejected": "Ditolak"}


@dataclass(frozen=True)
class BundleRow:
    """One bundle as the hub recorded it."""

    bundle_id: str
    office_id: str
    status: str
    reason_code: str | None
    reason_message: str | None
    size: int
    sha256: str
    file_name: str
    received_at: str
    checked_at: str | None
    office_name: str | None
    district_code: str | None
    district_name: str | None
    year: int | None
    quarter: int | None

    @property
    def period_key(self) -> str | None:
        return f"{self.year}Q{self.quarter}" if self.year else None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def status_document(self) -> dict:
        """`GET /bundles/{id}`'s answer."""
        return {
            "bundle_id": self.bundle_id,
            "status": self.status,
            "reason": {"code": self.reason_code, "message": self.reason_message} if self.status == "rejected" else None,
            "size": self.size,
            "sha256": self.sha256,
            "received_at": self.received_at,
            "checked_at": self.checked_at,
        }


@dataclass(frozen=True)
class ReportRow:
    """One report of a verified bundle."""

    bundle_id: str
    service_code: str
    catalog_version: str
    status: str
    revision: int
    content_hash: str
    rows: tuple[AreaFigures, ...]


_BUNDLE = (
    "bundle_id, office_id, status, reason_code, reason_message, size, sha256, file_name, received_at, checked_at,"
    " office_name, district_code, district_name, year, quarter"
)


def bundle(db: Database, bundle_id: str, office_id: str | None = None) -> BundleRow | None:
    """A bundle by id (only when it is `office_id`'s, if given), or None."""
    sql = f"SELECT {_BUNDLE} FROM bundles WHERE bundle_id = ?"
    params: tuple = (bundle_id,)
    if office_id is not None:
        sql += " AND office_id = ?"
        params += (office_id,)
    with db.transaction(write=False) as tx:
        row = tx.one(sql, params)
    return BundleRow(*row) if row else None


def bundles(db: Database, *, year: int | None = None, quarter: int | None = None, limit: int = 500) -> list[BundleRow]:
    """The newest bundles first (of one period, if given)."""
    sql, params = f"SELECT {_BUNDLE} FROM bundles", []
    if year is not None:
        sql += " WHERE year = ? AND quarter = ?"
        params += [year, quarter]
    sql += " ORDER BY received_at DESC, bundle_id LIMIT ?"
    with db.transaction(write=False) as tx:
        return [BundleRow(*r) for r in tx.execute(sql, [*params, limit])]


def counts_by_district_period(db: Database) -> list[tuple]:
    """(district code, district name, year, quarter, offices, verified, rejected, received), newest period first.

    Rejected and received bundles have no district yet (nothing in them was trusted): they count under
    the office's district as seen in its verified bundles, else under no district.
    """
    with db.transaction(write=False) as tx:
        return tx.execute(
            "SELECT b.district_code, MAX(b.district_name), b.year, b.quarter, COUNT(DISTINCT b.office_id),"
            " SUM(CASE WHEN b.status = 'verified' THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN b.status = 'rejected' THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN b.status = 'received' THEN 1 ELSE 0 END)"
            " FROM bundles b GROUP BY b.district_code, b.year, b.quarter"
            " ORDER BY b.year DESC, b.quarter DESC, b.district_code"
        )


def status_counts(db: Database) -> dict[str, int]:
    """How many bundles are in each status."""
    with db.transaction(write=False) as tx:
        return {status: count for status, count in tx.execute("SELECT status, COUNT(*) FROM bundles GROUP BY status")}


def reports_of(db: Database, bundle_id: str) -> list[ReportRow]:
    """The reports a verified bundle carries, by service code."""
    with db.transaction(write=False) as tx:
        rows = tx.execute(
            "SELECT bundle_id, service_code, catalog_version, status, revision, content_hash, rows_json"
            " FROM reports WHERE bundle_id = ? ORDER BY service_code",
            (bundle_id,),
        )
    return [_report(r) for r in rows]


def _report(row) -> ReportRow:
    return ReportRow(
        row[0], row[1], row[2], row[3], row[4], row[5], tuple(AreaFigures(**d) for d in json.loads(row[6]))
    )


def current_reports(db: Database, year: int, quarter: int) -> list[tuple[str, str, str, ReportRow]]:
    """Per office and service, the report of the period with the highest revision among verified bundles:
    (district code, district name, office id, report)."""
    with db.transaction(write=False) as tx:
        rows = tx.execute(
            "SELECT b.district_code, b.district_name, b.office_id, r.bundle_id, r.service_code, r.catalog_version,"
            " r.status, r.revision, r.content_hash, r.rows_json, b.received_at"
            " FROM reports r JOIN bundles b ON b.bundle_id = r.bundle_id"
            " WHERE b.status = 'verified' AND b.year = ? AND b.quarter = ?"
            " ORDER BY r.revision, b.received_at",
            (year, quarter),
        )
    latest: dict[tuple[str, str], tuple] = {}
    for row in rows:  # ordered by revision then arrival: the last one per (office, service) wins
        latest[(row[2], row[4])] = row
    return [(r[0], r[1], r[2], _report(r[3:10])) for r in latest.values()]


def superseded(db: Database, bundle: BundleRow, service_code: str) -> bool:
    """Whether a later verified bundle of the same office carries this service's report of the same period."""
    with db.transaction(write=False) as tx:
        mine = tx.scalar(
            "SELECT revision FROM reports WHERE bundle_id = ? AND service_code = ?", (bundle.bundle_id, service_code)
        )
        newer = tx.scalar(
            "SELECT MAX(r.revision) FROM reports r JOIN bundles b ON b.bundle_id = r.bundle_id"
            " WHERE b.office_id = ? AND b.year = ? AND b.quarter = ? AND b.status = 'verified' AND r.service_code = ?",
            (bundle.office_id, bundle.year, bundle.quarter, service_code),
        )
    return mine is not None and newer is not None and newer > mine
