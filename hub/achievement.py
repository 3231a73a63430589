"""Achievement per district and service, scored by the desktop's own rules (desktop.domain.scoring),
so the province sees the figures a district sees on its dashboard."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.domain.catalog import CURRENT_VERSION, available_versions, load_catalog
from desktop.domain.scoring import DistrictScore, score_district
from hub import bundles
from hub.db import Database


@dataclass(frozen=True)
class DistrictAchievement:
    """A district's scores in a period, from the current report of every office that sent one."""

    district_code: str
    district_name: str
    offices: int
    score: DistrictScore
    service_names: dict[str, str]


def achievement(db: Database, year: int, quarter: int) -> list[DistrictAchievement]:
    """Per district (by code): every service that has a report, scored; the index and its band."""
    by_district: dict[str, list] = defaultdict(list)
    names: dict[str, str] = {}
    for district_code, district_name, office_id, report in bundles.current_reports(db, year, quarter):
        by_district[district_code].append((office_id, report))
        names[district_code] = district_name
    result = []
    known = set(available_versions())
    for code in sorted(by_district):
        entries = by_district[code]
        versions = sorted({r.catalog_version for _, r in entries if r.catalog_version in known})
        catalog = load_catalog(versions[-1] if versions else CURRENT_VERSION)
        rows: dict[str, list] = defaultdict(list)
        for _office, report in entries:
            rows[report.service_code].extend(report.rows)
        services = [s for s in rows if catalog.has_service(s)]
        score = score_district(catalog, rows, services)
        result.append(
            DistrictAchievement(
                code,
                names[code] or code,
                len({office for office, _ in entries}),
                score,
                {s.code: s.name for s in catalog.services},
            )
        )
    return result
