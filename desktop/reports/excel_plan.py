"""What an Excel import would change, or why it cannot: the plan the checks build and the window shows.

Built on a worker thread from a snapshot of the database (ImportContext), applied on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, ReportStatus
from desktop.reports.excel_problems import Problem
from desktop.storage.areas import Area
from desktop.storage.installation import Office
from desktop.storage.reports import CellEdit, ReportKey

COLUMNS = FIGURES + TEXTS
POSITION = {name: i for i, name in enumerate(COLUMNS)}
MAX_PROBLEMS = 1000  # a list longer than this is not read by anyone; the import is refused all the same


@dataclass(frozen=True)
class ImportContext:
    """What the checks need from the database, read on the GUI thread before the worker starts."""

    office: Office
    district_name: str
    period: Period
    areas: tuple[Area, ...]  # the rows of a report form: kecamatan (or desa), then the kabupaten
    district_areas: dict[str, Area]  # every area of the district, by code
    rows: dict[str, dict[str, AreaFigures]]  # service -> area -> stored row
    previous: dict[str, dict[str, AreaFigures]]  # the quarter before in the same year
    statuses: dict[str, ReportStatus]


class RowPlan(NamedTuple):
    """One area's row: as stored (None: nothing yet) and as the workbook has it."""

    area_code: str
    old: AreaFigures | None
    values: tuple  # the new values, in the order of COLUMNS

    @property
    def new(self) -> AreaFigures:
        """The row as it will be stored."""
        return AreaFigures(self.area_code, *self.values)

    @property
    def changed(self) -> tuple[str, ...]:
        """The columns that differ."""
        before = self.old or AreaFigures(self.area_code)
        return tuple(c for c, value in zip(COLUMNS, self.values, strict=True) if getattr(before, c) != value)


@dataclass
class ReportPlan:
    """The changes to one report."""

    key: ReportKey
    sheet: str
    rows: list[RowPlan] = field(default_factory=list)

    @cached_property
    def cells(self) -> int:
        """How many cells change (counted once the plan is complete)."""
        return sum(len(r.changed) for r in self.rows)

    def edits(self) -> list[CellEdit]:
        """The changed cells, as the repository applies them."""
        return [CellEdit(r.area_code, c, r.values[POSITION[c]]) for r in self.rows for c in r.changed]


@dataclass
class ImportPlan:
    """What importing a workbook would change, or why it cannot."""

    path: Path
    is_template: bool
    period: Period
    reports: list[ReportPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    truncated: bool = False  # more problems than MAX_PROBLEMS: the list stops there

    def mark(self) -> tuple:
        """Where the plan stands, for rewind()."""
        return len(self.reports), len(self.problems), len(self.warnings), self.rows_read, self.truncated

    def rewind(self, mark: tuple) -> None:
        """Drops what was added to the plan since mark()."""
        reports, problems, warnings, self.rows_read, self.truncated = mark
        del self.reports[reports:], self.problems[problems:], self.warnings[warnings:]

    @property
    def ok(self) -> bool:
        """Whether the workbook can be applied."""
        return not self.problems

    @property
    def cells_changed(self) -> int:
        """How many cells would change over all reports."""
        return sum(r.cells for r in self.reports)

    def edits(self) -> dict[ReportKey, list[CellEdit]]:
        """The edits of every report that changes, for ReportRepository.set_many."""
        return {r.key: r.edits() for r in self.reports if r.rows}
