"""Reports: one per (office, service type, period), holding one row of figures per area."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, replace
from enum import StrEnum

from desktop.domain.periods import Period

# Whole-number figures of a row, in the order the forms show them.
FIGURES = ("target", "served", "quality_required", "quality_met", "budget", "spent")
# Free-text columns of a row.
TEXTS = ("problems", "follow_up", "note")
MONEY = frozenset({"budget", "spent"})


class ReportStatus(StrEnum):
    """Where a report stands in the review workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @property
    def editable(self) -> bool:
        """Whether an operator may change the figures."""
        return self in (ReportStatus.DRAFT, ReportStatus.RETURNED)


@dataclass(frozen=True, slots=True)
class AreaFigures:
    """The figures of one area (kecamatan, desa, or the whole kabupaten) in a report."""

    area_code: str
    target: int | None = None
    served: int | None = None
    quality_required: int | None = None
    quality_met: int | None = None
    budget: int | None = None
    spent: int | None = None
    problems: str = ""
    follow_up: str = ""
    note: str = ""

    @property
    def not_served(self) -> int | None:
        """Recipients still to be served (never below zero)."""
        if self.target is None:
            return None
        return max(self.target - (self.served or 0), 0)

    @property
    def achievement(self) -> float | None:
        """Served as a percentage of target; None when the target is missing or 0 (not applicable)."""
        return percentage(self.served, self.target)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all has been entered for the area."""
        return all(getattr(self, f) is None for f in FIGURES) and not any(getattr(self, t) for t in TEXTS)

    def value(self, name: str) -> int | str | None:
        """The value of one figure or text column."""
        if name not in FIGURES and name not in TEXTS:
            raise KeyError(name)
        return getattr(self, name)

    def with_value(self, name: str, value: int | str | None) -> AreaFigures:
        """A copy with one column changed."""
        if name not in FIGURES and name not in TEXTS:
            raise KeyError(name)
        if name in TEXTS and value is None:
            value = ""
        return replace(self, **{name: value})

    def as_dict(self) -> dict:
        """Plain values, for hashing and export."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def percentage(part: int | None, whole: int | None) -> float | None:
    """part / whole x 100, or None when the whole is missing or zero (not applicable)."""
    if not whole:
        return None
    return (part or 0) * 100.0 / whole


@dataclass(frozen=True)
class Totals:
    """Column sums over a report's rows; a column nobody filled stays None."""

    target: int | None
    served: int | None
    quality_required: int | None
    quality_met: int | None
    budget: int | None
    spent: int | None
    # Served in the areas that have a target: an area's served without its target has nothing to be
    # measured against, so it would only inflate the achievement (the row is flagged instead).
    served_with_target: int | None = None

    @classmethod
    def of(cls, rows) -> Totals:
        """Sums every figure over the rows."""
        sums: dict[str, int | None] = dict.fromkeys(FIGURES)
        counted = None
        for row in rows:
            for name in FIGURES:
                value = getattr(row, name)
                if value is not None:
                    sums[name] = (sums[name] or 0) + value
            if row.target is not None and row.served is not None:
                counted = (counted or 0) + row.served
        return cls(**sums, served_with_target=counted)

    @property
    def not_served(self) -> int | None:
        """Recipients still to be served over the areas that have a target."""
        if self.target is None:
            return None
        return max(self.target - (self.served_with_target or 0), 0)

    @property
    def recipients_pct(self) -> float | None:
        """Served / target over the areas that have a target, uncapped."""
        return percentage(self.served_with_target, self.target)

    @property
    def quality_pct(self) -> float | None:
        """Quality items met / required."""
        return percentage(self.quality_met, self.quality_required)

    @property
    def budget_pct(self) -> float | None:
        """Budget spent / allocated (reported, not weighted)."""
        return percentage(self.spent, self.budget)


@dataclass(frozen=True)
class Report:
    """A service type's figures for one office and period."""

    office_id: str
    service_code: str
    period: Period
    catalog_version: str
    status: ReportStatus = ReportStatus.DRAFT
    revision: int = 0
    rows: tuple[AreaFigures, ...] = ()

    def totals(self) -> Totals:
        """Sums over the rows."""
        return Totals.of(self.rows)

    def row(self, area_code: str) -> AreaFigures:
        """The row of an area (an empty one if the area has none yet)."""
        for row in self.rows:
            if row.area_code == area_code:
                return row
        return AreaFigures(area_code)

    def content_hash(self) -> str:
        """SHA-256 over the report's identity and figures: what a printed form and a bundle refer to."""
        body = {
            "office": self.office_id,
            "service": self.service_code,
            "period": self.period.key,
            "catalog": self.catalog_version,
            "rows": [r.as_dict() for r in sorted(self.rows, key=lambda r: r.area_code) if not r.is_empty],
        }
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
