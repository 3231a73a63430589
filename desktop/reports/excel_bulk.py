"""The plain rows of a sheet, checked and planned a block at a time, column by column.

Nearly every row of an import is plain: its area found at once by its code, its name the stored one
or blank, its figures whole numbers within the limits or blank, its texts within their length, and,
when it changes anything, nothing for row_findings to say. A plain row has no message; its plan is
exactly what the per-row path (SheetReader.row) makes of it. Here a block of rows is checked one
column at a time, so that the loops over rows run in C (zip, map, set, min, max) instead of some five
microseconds of Python per row; every row that is not plain, or might not be, is left to the per-row
path, which says what is wrong with it. tests/reports/test_excel_bulk.py holds the two paths together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, eq, gt, lt, ne

from desktop.domain.messages import UserError
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures
from desktop.domain.validation import check_text
from desktop.reports.excel_plan import COLUMNS, RowPlan

EMPTY_ROW = (None,) * len(FIGURES) + ("",) * len(TEXTS)  # a row with nothing in it, in the order of COLUMNS
stored_values = attrgetter(*COLUMNS)  # a stored row's values as a tuple, in the order of COLUMNS
_new_tuple = tuple.__new__


@dataclass(frozen=True)
class BulkLayout:
    """Where a sheet's inputs are: 0-based positions in calamine's rows, positions in COLUMNS."""

    code: int
    name: int | None
    figures: tuple[tuple[int, int, int], ...]  # (index, position, limit)
    texts: tuple[tuple[int, int], ...]  # (index, position)


class SeenAreas:
    """The areas of the rows read so far, with the row each was on (for the message of a repeat)."""

    def __init__(self) -> None:
        self.codes: set[str] = set()
        self._rows: dict[str, int] = {}
        self._blocks: list[tuple[int, tuple]] = []  # (first row, codes) of blocks taken whole

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def add(self, code: str, row: int) -> None:
        """An area read on this row."""
        self.codes.add(code)
        self._rows[code] = row

    def add_block(self, codes: tuple, first_row: int) -> None:
        """A block's areas, one per row from `first_row`: their rows are indexed when first asked for."""
        self.codes.update(codes)
        self._blocks.append((first_row, codes))

    def row(self, code: str) -> int:
        """The row an area was read on."""
        while code not in self._rows:
            first, codes = self._blocks.pop()
            self._rows.update(zip(codes, range(first, first + len(codes)), strict=True))
        return self._rows[code]


@dataclass(frozen=True)
class Block:
    """What the column-wise checks made of a block of rows."""

    codes: tuple  # each row's area code as the sheet has it (the area's code for a plain row)
    plans: list[RowPlan | None]  # a plain row's plan; None when it changes nothing (or is not plain)
    slow: list[int]  # the rows (positions in the block) for the per-row path, in order


def plan_block(
    block: Sequence[Sequence],
    first_row: int,
    layout: BulkLayout,
    names: Mapping[str, str],
    stored: Mapping[str, AreaFigures],
    previous: Mapping[str, AreaFigures],
    seen: SeenAreas,
    formula_rows: frozenset[int] | set[int],
) -> Block:
    """Checks a block of rows (the first is sheet row `first_row`) column by column.

    `names` holds the reporting areas' names by code, `seen` the areas of the rows before the block.
    """
    size = len(block)
    columns = list(zip(*block, strict=True))
    codes = columns[layout.code]
    slow: set[int] = set()
    # Areas: found by their code, and once only (in the block and before it).
    expected = list(map(names.get, codes))
    if None in expected:  # a code that is not a reporting area's
        slow.update(i for i, name in enumerate(expected) if name is None)
    distinct = set(codes)
    repeated = set() if seen.codes.isdisjoint(distinct) else seen.codes & distinct
    if len(distinct) < size:
        repeated.update(code for code, count in Counter(codes).items() if count > 1)
    if repeated:
        slow.update(i for i, code in enumerate(codes) if code in repeated)
    if formula_rows:
        slow.update(row - first_row for row in formula_rows if first_row <= row < first_row + size)
    if layout.name is not None:
        given = columns[layout.name]
        if list(given) != expected:  # a name that is not the stored one (or blank) has a warning, or a reason
            slow.update(i for i, same in enumerate(map(eq, given, expected)) if not same and given[i] != "")
    olds = list(map(stored.get, codes)) if stored else [None] * size
    if stored:
        old_rows = [EMPTY_ROW if old is None else stored_values(old) for old in olds]
        new_columns: list[Sequence] = list(zip(*old_rows, strict=True))
        complete = [None not in column for column in new_columns[: len(FIGURES)]]
    else:
        old_rows = [EMPTY_ROW] * size
        new_columns = [[value] * size for value in EMPTY_ROW]
        complete = [False] * len(FIGURES)
    for index, position, limit in layout.figures:
        new_columns[position], complete[position] = _figures(columns[index], limit, slow)
    for index, position in layout.texts:
        new_columns[position] = _texts(columns[index], COLUMNS[position], slow)
    new_rows = list(zip(*new_columns, strict=True))
    plans: list[RowPlan | None] = list(map(_new_tuple, repeat(RowPlan), zip(codes, olds, new_rows, strict=True)))
    changed = list(map(ne, new_rows, old_rows))
    befores = list(map(previous.get, codes)) if previous else [None] * size
    if not (all(complete) and _all_quiet(new_columns, befores)):
        # a finding: the per-row path lists it
        slow.update(i for i in range(size) if changed[i] and not quiet(new_rows[i], befores[i]))
    if not all(changed):
        plans = [plan if change else None for plan, change in zip(plans, changed, strict=True)]
    return Block(codes, plans, sorted(slow))


def _figures(column: tuple, limit: int, slow: set[int]) -> tuple[Sequence[int | None], bool]:
    """A figure column's values as stored: whole numbers within [0, limit], blanks None; and whether
    every cell has a number. A cell that is anything else (text, a decimal, a date, out of range) marks
    its row slow: parse_figure says why."""
    try:
        # float.is_integer refuses any other type (a text, a blank "", a bool) with a TypeError
        whole = all(map(float.is_integer, column))
    except TypeError:
        whole = False
    if whole and min(column) >= 0.0 and max(column) <= limit:
        return list(map(float.__trunc__, column)), True  # int(value), without the call through the type
    values: list[int | None] = []
    for i, value in enumerate(column):
        if type(value) is float and 0.0 <= value <= limit and value.is_integer():
            values.append(int(value))
        else:
            if value != "":
                slow.add(i)
            values.append(None)
    return values, False


def _texts(column: tuple, key: str, slow: set[int]) -> Sequence[str]:
    """A text column's values as stored (stripped). A cell that is not text, or too long, marks its row
    slow: the per-row path writes a number as text, or says why it is refused."""
    try:
        values = list(map(str.strip, column))  # a TypeError when a cell is not text
        check_text(key, max(values, key=len))  # the longest is within the limit: all are
        return values
    except (TypeError, UserError):
        pass
    values = []
    for i, value in enumerate(column):
        text = value.strip() if type(value) is str else ""
        if type(value) is not str:
            slow.add(i)
        elif text:
            try:
                check_text(key, text)
            except UserError:
                slow.add(i)
        values.append(text)
    return values


def _all_quiet(columns: Sequence[Sequence], befores: Sequence[AreaFigures | None]) -> bool:
    """True when every row is quiet (see quiet), found column by column on figure columns without
    blanks; False when some row may not be: then quiet is asked row by row."""
    target, served, required, met, budget, spent = columns[: len(FIGURES)]
    if any(map(gt, served, target)) or any(map(gt, met, required)) or any(map(gt, spent, budget)):
        return False
    if befores.count(None) == len(befores):
        return True
    try:
        served_before, spent_before = zip(*map(_served_spent, befores), strict=True)
    except AttributeError:  # an area without a row in the quarter before
        return False
    if None in served_before or None in spent_before:
        return False
    return not (any(map(lt, served, served_before)) or any(map(lt, spent, spent_before)))


_served_spent = attrgetter("served", "spent")


def quiet(values: tuple, before: AreaFigures | None) -> bool:
    """True when row_findings has nothing to say of a row with these values (in the order of COLUMNS)
    after `before` (the quarter before): the rule-by-rule conditions of row_findings, read straight off
    the tuple. Nearly every row of an import is quiet, and this costs a tenth of asking row_findings;
    a row that is not quiet is given to row_findings itself. tests/reports/test_excel_quiet.py holds the
    two together.
    """
    target, served, required, met, budget, spent = values[:6]
    if served is not None and (target is None or served > target):
        return False
    if met is not None and required is not None and met > required:
        return False
    if spent is not None and budget is not None and spent > budget:
        return False
    if before is not None:
        if served is not None and before.served is not None and served < before.served:
            return False
        if spent is not None and before.spent is not None and spent < before.spent:
            return False
    return True
