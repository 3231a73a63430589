"""Achievement (capaian) per service type, per field, and the district index with its band.

The rules (weights, cap, how missing components and fields combine, bands) come from the
catalog's ScoringRules, defaults from common practice that a district may change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.catalog import Band, Catalog, ScoringRules
from desktop.domain.formatting import round_half_up
from desktop.domain.reports import AreaFigures, Totals


@dataclass(frozen=True)
class ServiceScore:
    """The achievement of one service type in a period."""

    service_code: str
    totals: Totals
    recipients_pct: float | None  # uncapped; None when the target is 0 or missing
    quality_pct: float | None  # uncapped; None when nothing is required
    budget_pct: float | None  # reported, not weighted
    score: float | None  # 0-100; None when the service has no applicable data
    over_target: bool  # some area, or the total, served more than its target

    @property
    def has_data(self) -> bool:
        """Whether the service counts in the field and district averages."""
        return self.score is not None


@dataclass(frozen=True)
class FieldScore:
    """The mean of a field's service scores that have data."""

    field_code: str
    score: float | None
    services: tuple[ServiceScore, ...]


@dataclass(frozen=True)
class DistrictScore:
    """The district's index (IP SPM) and band, with the fields and services behind it."""

    index: float | None
    band: Band | None
    fields: tuple[FieldScore, ...]

    @property
    def services(self) -> tuple[ServiceScore, ...]:
        """Every service score, in catalog order."""
        return tuple(s for f in self.fields for s in f.services)


def score_service(service_code: str, rows: Iterable[AreaFigures], rules: ScoringRules) -> ServiceScore:
    """Scores one service: weighted, capped recipients and quality achievement."""
    rows = list(rows)
    return score_service_totals(service_code, Totals.of(rows), over_target(rows), rules)


def over_target(rows: Iterable[AreaFigures]) -> bool:
    """Whether some row served more than its target."""
    return any(r.served is not None and r.target is not None and r.served > r.target for r in rows)


def score_service_totals(service_code: str, totals: Totals, over_target: bool, rules: ScoringRules) -> ServiceScore:
    """Scores one service from its rows' sums and whether some row served more than its target.

    What score_service gives for those rows: a store that keeps the sums per report scores from them.
    """
    recipients, quality = totals.recipients_pct, totals.quality_pct
    return ServiceScore(
        service_code=service_code,
        totals=totals,
        recipients_pct=recipients,
        quality_pct=quality,
        budget_pct=totals.budget_pct,
        score=_combine(recipients, quality, rules),
        over_target=over_target or (recipients is not None and recipients > 100),
    )


def _combine(recipients: float | None, quality: float | None, rules: ScoringRules) -> float | None:
    parts = [
        (min(value, rules.cap_percent), weight)
        for value, weight in ((recipients, rules.recipients_weight), (quality, rules.quality_weight))
        if value is not None
    ]
    if not parts:
        return None
    if rules.missing_component == "renormalize":
        total_weight = sum(w for _, w in parts)
        if total_weight == 0:  # the only applicable component carries no weight
            return None
        score = sum(v * w for v, w in parts) / total_weight
    else:  # "zero": a missing component scores nothing
        score = sum(v * w for v, w in parts) / (rules.recipients_weight + rules.quality_weight)
    return max(0.0, min(score, 100.0))


def score_district(
    catalog: Catalog,
    rows_by_service: Mapping[str, Iterable[AreaFigures]],
    services: Iterable[str] | None = None,
) -> DistrictScore:
    """Scores every service (or the given ones), each field, and the district index and band."""
    rules = catalog.scoring
    return _district(catalog, lambda code: score_service(code, rows_by_service.get(code, ()), rules), services)


def score_district_totals(
    catalog: Catalog,
    totals_by_service: Mapping[str, tuple[Totals, bool]],
    services: Iterable[str] | None = None,
) -> DistrictScore:
    """As score_district, from each service's (sums, over target) instead of its rows."""
    rules = catalog.scoring
    return _district(
        catalog, lambda code: score_service_totals(code, *totals_by_service.get(code, _NOTHING), rules), services
    )


# What a service without any row sums to: Totals.of(()), and no row over its target.
_NOTHING = (Totals(None, None, None, None, None, None), False)


def _district(catalog: Catalog, score: Callable[[str], ServiceScore], services: Iterable[str] | None) -> DistrictScore:
    rules = catalog.scoring
    wanted = set(services) if services is not None else None
    field_scores = []
    for field in catalog.fields:
        scored = tuple(score(s.code) for s in field.services if wanted is None or s.code in wanted)
        if not scored:
            continue
        field_scores.append(FieldScore(field.code, _mean(x.score for x in scored), scored))
    if rules.aggregation == "mean_of_fields":
        index = _mean(f.score for f in field_scores)
    else:
        index = _mean(s.score for f in field_scores for s in f.services)
    # The band follows the index as shown (two decimals), so a printed 90,00 % is never "Tuntas Madya".
    band = rules.band_for(round_half_up(index, 2)) if index is not None else None
    return DistrictScore(index=index, band=band, fields=tuple(field_scores))


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return math.fsum(present) / len(present) if present else None  # statistics.fmean, without its imports
