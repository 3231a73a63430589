"""What the dashboard reads: every row of an office's reports over two years, the quarter's report
statuses and evidence, and the district's areas — three queries in one read snapshot, whatever the
number of services.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.domain.catalog import Catalog, load_catalog
from desktop.domain.dashboard import (
    AreaUnit,
    Bar,
    Dashboard,
    DashboardInput,
    ReportFacts,
    build_dashboard,
    compare_areas,
)
from desktop.domain.periods import Period
from desktop.domain.region_codes import RegionLevel
from desktop.domain.reports import AreaFigures, ReportStatus
from desktop.storage.database import Database
from desktop.storage.installation import Office
from desktop.storage.reports import COLUMNS


@dataclass(frozen=True)
class DashboardSource:
    """The stored facts of one quarter's dashboard; scored on demand by the domain."""

    data: DashboardInput
    units: tuple[AreaUnit, ...]  # the kecamatan, in code order

    def dashboard(self, catalog: Catalog | None = None) -> Dashboard:
        """The quarter's figures (scored with the current catalog, as the summary is)."""
        return build_dashboard(catalog or load_catalog(), self.data)

    def areas_for(self, service_code: str, catalog: Catalog | None = None) -> tuple[Bar, ...]:
        """One service's recipients achievement per kecamatan in the quarter."""
        rows = self.data.rows.get(self.data.period, {}).get(service_code, ())
        return compare_areas(catalog or load_catalog(), service_code, rows, self.units)


def read_dashboard(database: Database, office: Office, period: Period) -> DashboardSource:
    """Reads the quarter, the rest of its year and the year before, in one snapshot (read-only)."""
    conn = database.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        rows = _rows(database, office.id, period.year)
        reports = _reports(database, office.id, period)
        areas = conn.execute("SELECT code, name, level, parent_code FROM areas ORDER BY code").fetchall()
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
    level = int(RegionLevel.VILLAGE if office.area_level == "desa" else RegionLevel.DISTRICT)
    members: dict[str, set[str]] = defaultdict(set)
    names = {}
    for code, name, area_level, parent in areas:
        if area_level == int(RegionLevel.DISTRICT):
            names[code] = name
            members[code].add(code)
        elif area_level == int(RegionLevel.VILLAGE) and parent:
            members[parent].add(code)
    units = tuple(AreaUnit(code, names[code], frozenset(members[code])) for code in sorted(names))
    data = DashboardInput(
        period=period,
        services=office.services,
        areas=tuple(code for code, _, area_level, _ in areas if area_level == level),
        rows=rows,
        reports=reports,
    )
    return DashboardSource(data, units)


def _rows(database: Database, office_id: str, year: int) -> dict[Period, dict[str, list[AreaFigures]]]:
    result: dict[Period, dict[str, list[AreaFigures]]] = {}
    cursor = database.conn.execute(
        f"SELECT r.year, r.quarter, r.service_code, {', '.join('w.' + c for c in ('area_code', *COLUMNS))}"
        " FROM reports r JOIN report_rows w ON w.report_id = r.id"
        " WHERE r.office_id = ? AND r.year IN (?, ?)",
        (office_id, year, year - 1),
    )
    periods: dict[tuple[int, int], Period] = {}
    for year_, quarter, service_code, *values in cursor:
        period = periods.get((year_, quarter)) or periods.setdefault((year_, quarter), Period(year_, quarter))
        result.setdefault(period, {}).setdefault(service_code, []).append(AreaFigures(*values))
    return result


def _reports(database: Database, office_id: str, period: Period) -> dict[str, ReportFacts]:
    statuses: dict[str, ReportStatus] = {}
    evidence: dict[str, set[str | None]] = defaultdict(set)
    cursor = database.conn.execute(
        "SELECT r.service_code, r.status, e.area_code, COUNT(e.id)"
        " FROM reports r LEFT JOIN evidence e ON e.report_id = r.id AND e.removed_at IS NULL"
        " WHERE r.office_id = ? AND r.year = ? AND r.quarter = ?"
        " GROUP BY r.id, e.area_code",
        (office_id, period.year, period.quarter),
    )
    for service_code, status, area_code, files in cursor:
        statuses[service_code] = ReportStatus(status)
        if files:
            evidence[service_code].add(area_code)
    return {code: ReportFacts(status, frozenset(evidence[code])) for code, status in statuses.items()}
