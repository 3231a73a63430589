"""Reads, for a period, what every office's reports have (one query): the completeness view's data."""

from __future__ import annotations

from desktop.domain.completeness import Completeness
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.storage.database import Database

LEVELS = {"kecamatan": 3, "desa": 4}


def completeness(database: Database, period: Period) -> list[Completeness]:
    """One entry per office and service it reports, this install's office first, then by office name and code."""
    expected = dict(
        database.conn.execute("SELECT level, count(*) FROM areas WHERE level IN (3, 4) GROUP BY level").fetchall()
    )
    rows = database.conn.execute(
        "SELECT o.id, o.name, o.area_level, s.service_code, r.status,"
        " (SELECT count(*) FROM report_rows w WHERE w.report_id = r.id"
        "   AND w.target IS NOT NULL AND w.served IS NOT NULL AND w.area_code != o.region_code),"
        " (SELECT count(*) FROM evidence e WHERE e.report_id = r.id AND e.removed_at IS NULL AND e.kind = 'evidence'),"
        " (SELECT count(*) FROM evidence e WHERE e.report_id = r.id AND e.removed_at IS NULL AND e.kind = 'signed_form')"
        " FROM offices o JOIN office_services s ON s.office_id = o.id"
        " LEFT JOIN reports r ON r.office_id = o.id AND r.service_code = s.service_code"
        "   AND r.year = ? AND r.quarter = ?"
        " ORDER BY o.is_local DESC, o.name COLLATE NOCASE, s.service_code",
        (period.year, period.quarter),
    ).fetchall()
    return [
        Completeness(
            office_id=office_id,
            office_name=name,
            service_code=service,
            status=ReportStatus(status) if status else None,
            areas_filled=filled or 0,
            areas_expected=expected.get(LEVELS[level], 0),
            evidence=evidence or 0,
            signed_forms=signed or 0,
        )
        for office_id, name, level, service, status, filled, evidence, signed in rows
    ]
