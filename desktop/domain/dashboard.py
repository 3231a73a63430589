"""The dashboard's figures, all from the domain's scoring: the index and its band, bars per field and
per service sorted from the lowest, the trend over the quarters (this year and last), the comparison
per kecamatan for one service, evidence coverage, and how complete each service's report is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.catalog import Band, Catalog, ScoringRules, ServiceType
from desktop.domain.formatting import round_half_up
from desktop.domain.messages import QT_TRANSLATE_NOOP, Text
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, ReportStatus, percentage
from desktop.domain.scoring import DistrictScore, ServiceScore, score_district, score_service

NO_DATA = QT_TRANSLATE_NOOP("Dashboard", "belum ada data")
NOT_APPLICABLE = QT_TRANSLATE_NOOP("Dashboard", "tidak berlaku (sasaran 0)")
SENT = frozenset({ReportStatus.SUBMITTED, ReportStatus.APPROVED})


@dataclass(frozen=True)
class Bar:
    """One bar: a field, service or kecamatan with its value (0-100+), band, and why it may have none."""

    code: str
    label: str
    value: float | None
    band: Band | None
    missing: Text | None = None  # NO_DATA or NOT_APPLICABLE when value is None


@dataclass(frozen=True)
class TrendPoint:
    """The index of one quarter."""

    period: Period
    index: float | None
    band: Band | None


@dataclass(frozen=True)
class ReportFacts:
    """What the dashboard needs of a stored report besides its rows: its status and where its evidence is."""

    status: ReportStatus
    evidence_areas: frozenset[str | None] = frozenset()  # areas with evidence; None = the whole report

    @property
    def has_evidence(self) -> bool:
        """Whether any evidence file is attached (to the report or one of its rows)."""
        return bool(self.evidence_areas)


@dataclass(frozen=True)
class Coverage:
    """How many of `total` have evidence."""

    with_evidence: int
    total: int

    @property
    def pct(self) -> float | None:
        """The share in percent; None when there is nothing to count."""
        return percentage(self.with_evidence, self.total)


@dataclass(frozen=True)
class ServiceCompleteness:
    """Whether a service's report of the quarter is complete: figures, evidence, sent on."""

    service_code: str
    label: str
    status: ReportStatus | None  # None: no report yet
    has_figures: bool  # target (and served, unless the target is 0) for every area
    has_evidence: bool
    sent: bool  # submitted or approved

    @property
    def complete(self) -> bool:
        """All three."""
        return self.has_figures and self.has_evidence and self.sent


@dataclass(frozen=True)
class AreaUnit:
    """A kecamatan in the comparison, with the area codes whose rows count for it (itself, its desa)."""

    code: str
    name: str
    members: frozenset[str]


@dataclass(frozen=True)
class DashboardInput:
    """What storage reads for a dashboard: every row of the year and the year before, the quarter's reports."""

    period: Period
    services: tuple[str, ...]  # the office's services
    areas: tuple[str, ...]  # the reporting areas (kecamatan or desa) every report should fill
    rows: Mapping[Period, Mapping[str, Sequence[AreaFigures]]]
    reports: Mapping[str, ReportFacts]  # the chosen quarter's stored reports, by service code


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for one quarter."""

    period: Period
    score: DistrictScore
    fields: tuple[Bar, ...]  # sorted from the lowest; fields without data last
    services: tuple[Bar, ...]  # likewise
    this_year: tuple[TrendPoint, ...]  # Triwulan I-IV of the year
    last_year: tuple[TrendPoint, ...]  # Triwulan I-IV of the year before
    report_evidence: Coverage  # reports with figures or evidence that have evidence
    row_evidence: Coverage  # filled rows that have evidence of their own
    completeness: tuple[ServiceCompleteness, ...]  # catalog order

    @property
    def index(self) -> float | None:
        """The quarter's index (IP SPM)."""
        return self.score.index

    @property
    def band(self) -> Band | None:
        """The quarter's band."""
        return self.score.band

    @property
    def previous(self) -> TrendPoint:
        """The same quarter last year."""
        return self.last_year[self.period.quarter - 1]

    @property
    def change(self) -> float | None:
        """Points gained since the same quarter last year, between the figures as shown (two decimals)."""
        if self.index is None or self.previous.index is None:
            return None
        return round_half_up(round_half_up(self.index, 2) - round_half_up(self.previous.index, 2), 2)

    def count(self, attribute: str) -> int:
        """How many services are `has_figures`, `has_evidence`, `sent` or `complete`."""
        return sum(1 for c in self.completeness if getattr(c, attribute))


def coverage_figures(dashboard: Dashboard) -> tuple[tuple[Text, Coverage], ...]:
    """The evidence and completeness shares the dashboard charts, each with what it counts."""
    services = len(dashboard.completeness)

    def share(attribute: str) -> Coverage:
        return Coverage(dashboard.count(attribute), services)

    return (
        (QT_TRANSLATE_NOOP("Dashboard", "Laporan berdata dukung"), dashboard.report_evidence),
        (QT_TRANSLATE_NOOP("Dashboard", "Baris berdata dukung"), dashboard.row_evidence),
        (QT_TRANSLATE_NOOP("Dashboard", "Layanan berangka lengkap"), share("has_figures")),
        (QT_TRANSLATE_NOOP("Dashboard", "Layanan berdata dukung"), share("has_evidence")),
        (QT_TRANSLATE_NOOP("Dashboard", "Layanan diajukan/disetujui"), share("sent")),
        (QT_TRANSLATE_NOOP("Dashboard", "Layanan lengkap seluruhnya"), share("complete")),
    )


def build_dashboard(catalog: Catalog, data: DashboardInput) -> Dashboard:
    """Scores the quarter, every quarter of its year and the year before, and counts evidence and completeness."""
    period = data.period
    score = score_district(catalog, data.rows.get(period, {}), data.services)
    rules = catalog.scoring
    fields = _sorted(
        Bar(
            f.field_code,
            catalog.field(f.field_code).name,
            f.score,
            _band(rules, f.score),
            None if f.score is not None else NO_DATA,
        )
        for f in score.fields
    )
    services = _sorted(_service_bar(catalog, s) for s in score.services)
    trend = {year: tuple(_point(catalog, data, Period(year, q)) for q in range(1, 5)) for year in _years(period)}
    current = data.rows.get(period, {})
    facts = data.reports
    return Dashboard(
        period=period,
        score=score,
        fields=fields,
        services=services,
        this_year=trend[period.year],
        last_year=trend[period.year - 1],
        report_evidence=_report_coverage(current, facts),
        row_evidence=_row_coverage(current, facts),
        completeness=tuple(
            _completeness(catalog, s.service_code, current.get(s.service_code, ()), facts.get(s.service_code), data)
            for s in score.services
        ),
    )


def compare_areas(
    catalog: Catalog, service_code: str, rows: Sequence[AreaFigures], units: Sequence[AreaUnit]
) -> tuple[Bar, ...]:
    """Recipients achievement (served / target, uncapped) of one service per kecamatan, in the given order.

    Each kecamatan is scored as the service is, over its own rows (its desa when the office reports per desa).
    """
    rules = catalog.scoring
    bars = []
    for unit in units:
        own = [r for r in rows if r.area_code in unit.members]
        scored = score_service(service_code, own, rules)
        value = scored.recipients_pct
        missing = None if value is not None else (NOT_APPLICABLE if scored.totals.target == 0 else NO_DATA)
        bars.append(Bar(unit.code, unit.name, value, _band(rules, value), missing))
    return tuple(bars)


def service_label(catalog: Catalog, service: ServiceType) -> str:
    """A short label for a chart: the code and the name without the words every service of its field begins with.

    "1.02.01 Ibu hamil" for "Pelayanan kesehatan ibu hamil"; the full name goes in the tooltip.
    """
    siblings = [s.name.split() for s in catalog.field(service.field_code).services]
    common = 0
    if len(siblings) > 1:
        while all(len(w) > common + 1 and w[common].lower() == siblings[0][common].lower() for w in siblings):
            common += 1
    rest = " ".join(service.name.split()[common:])
    return f"{service.code} {rest[:1].upper()}{rest[1:]}"


# --- pieces ------------------------------------------------------------------------------------------


def _years(period: Period) -> tuple[int, int]:
    return period.year, period.year - 1


def _band(rules: ScoringRules, value: float | None) -> Band | None:
    # As shown: two decimals, capped (an achievement of 120 % is in the top band, as its score would be).
    if value is None:
        return None
    return rules.band_for(round_half_up(min(value, rules.cap_percent), 2))


def _sorted(bars) -> tuple[Bar, ...]:
    bars = list(bars)
    with_value = sorted((b for b in bars if b.value is not None), key=lambda b: b.value)
    return tuple(with_value + [b for b in bars if b.value is None])


def _service_bar(catalog: Catalog, scored: ServiceScore) -> Bar:
    missing = None
    if scored.score is None:
        # Nothing to score because every target is 0 (and no quality items): not applicable, not missing.
        missing = NOT_APPLICABLE if scored.totals.target == 0 else NO_DATA
    service = catalog.service(scored.service_code)
    return Bar(
        scored.service_code,
        service_label(catalog, service),
        scored.score,
        _band(catalog.scoring, scored.score),
        missing,
    )


def _point(catalog: Catalog, data: DashboardInput, period: Period) -> TrendPoint:
    rows = data.rows.get(period)
    if not rows:
        return TrendPoint(period, None, None)
    scored = score_district(catalog, rows, data.services)
    return TrendPoint(period, scored.index, scored.band)


def _counted(rows: Sequence[AreaFigures], facts: ReportFacts | None) -> bool:
    return any(not r.is_empty for r in rows) or (facts is not None and facts.has_evidence)


def _report_coverage(current: Mapping[str, Sequence[AreaFigures]], facts: Mapping[str, ReportFacts]) -> Coverage:
    codes = [c for c in set(current) | set(facts) if _counted(current.get(c, ()), facts.get(c))]
    with_evidence = sum(1 for c in codes if c in facts and facts[c].has_evidence)
    return Coverage(with_evidence, len(codes))


def _row_coverage(current: Mapping[str, Sequence[AreaFigures]], facts: Mapping[str, ReportFacts]) -> Coverage:
    total = with_evidence = 0
    for code, rows in current.items():
        areas = facts[code].evidence_areas if code in facts else frozenset()
        for row in rows:
            if row.is_empty:
                continue
            total += 1
            with_evidence += row.area_code in areas
    return Coverage(with_evidence, total)


def _filled(row: AreaFigures | None) -> bool:
    # A target of 0 means "not applicable": nobody is to be served, so no served figure is owed.
    return row is not None and row.target is not None and (row.served is not None or row.target == 0)


def _completeness(
    catalog: Catalog, code: str, rows: Sequence[AreaFigures], facts: ReportFacts | None, data: DashboardInput
) -> ServiceCompleteness:
    by_area = {r.area_code: r for r in rows}
    return ServiceCompleteness(
        service_code=code,
        label=service_label(catalog, catalog.service(code)),
        status=facts.status if facts else None,
        has_figures=bool(data.areas) and all(_filled(by_area.get(a)) for a in data.areas),
        has_evidence=facts is not None and facts.has_evidence,
        sent=facts is not None and facts.status in SENT,
    )
