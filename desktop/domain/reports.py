"""Reports: one per (office, service type, period), holding one row of figures per area."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple

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
        """True when nothing at all has been entered for the area (every figure None, every text empty)."""
        return nothing_entered(self)

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
        """Plain values, for hashing and export: every field, in declaration order."""
        return dict(zip(_FIELD_NAMES, _field_values(self), strict=True))


# The field names of AreaFigures in declaration order, found once (dataclasses.fields() per row costs
# more than the row's hashing), and one C-level getter for all of their values.
_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(AreaFigures))
_field_values = attrgetter(*_FIELD_NAMES)


_area_code = attrgetter("area_code")
_figure_values = attrgetter(*FIGURES)


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
        values = [_figure_values(row) for row in rows]  # (target, served, …) per row, in the order of FIGURES
        columns = list(zip(*values, strict=True)) or [()] * len(FIGURES)
        sums = {}
        for name, column in zip(FIGURES, columns, strict=True):
            present = [value for value in column if value is not None]
            sums[name] = sum(present) if present else None
        served = [row[1] for row in values if row[0] is not None and row[1] is not None]
        return cls(**sums, served_with_target=sum(served) if served else None)

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
        """SHA-256 over the report's identity and figures: what a printed form and a bundle refer to.

        The hashed text is the canonical JSON of {"office", "service", "period", "catalog", "rows": every
        non-empty row's as_dict() in area-code order}: keys sorted, no spaces, non-ASCII kept, UTF-8.
        """
        # Every dict is built with its keys already in sorted order, so the encoder need not sort them.
        body = {
            "catalog": self.catalog_version,
            "office": self.office_id,
            "period": self.period.key,
            "rows": [
                dict(zip(_SORTED_NAMES, _sorted_values(r), strict=True))
                for r in sorted(self.rows, key=_area_code)
                if not r.is_empty
            ],
            "service": self.service_code,
        }
        return hashlib.sha256(_CANONICAL_JSON.encode(body).encode("utf-8")).hexdigest()


_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_SORTED_NAMES = tuple(sorted(_FIELD_NAMES))
_sorted_values = attrgetter(*_SORTED_NAMES)


class FigureRow(NamedTuple):
    """A row's values under AreaFigures' names, light enough to make by the hundred thousand (a year's
    rekap read back, an Excel import checked): a tenth of the cost of the frozen AreaFigures."""

    area_code: str
    target: int | None
    served: int | None
    quality_required: int | None
    quality_met: int | None
    budget: int | None
    spent: int | None
    problems: str
    follow_up: str
    note: str

    @property
    def is_empty(self) -> bool:
        """As AreaFigures.is_empty."""
        return nothing_entered(self)


def nothing_entered(row: AreaFigures | FigureRow) -> bool:
    """Every figure None and every text empty: nothing at all was entered for the area."""
    # Spelled out rather than looped over FIGURES and TEXTS: a rekap asks this of thousands of rows.
    return (
        row.target is None
        and row.served is None
        and row.quality_required is None
        and row.quality_met is None
        and row.budget is None
        and row.spent is None
        and not row.problems
        and not row.follow_up
        and not row.note
    )
