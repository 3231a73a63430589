"""The column-wise checks of plain rows (excel_bulk) plan a sheet exactly as the per-row path does.

Sheets are drawn as calamine hands them over (texts, floats, blanks "", booleans, dates), with stored
rows, a quarter before, formulas and a short problem list, and read twice: in blocks of a few rows
with the column-wise checks, and row by row. The plans must be the same, problem for problem.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, ReportStatus
from desktop.reports import excel_sheets
from desktop.reports.excel_common import TEMPLATE_COLUMNS
from desktop.reports.excel_plan import ImportContext, ImportPlan
from desktop.reports.excel_segments import SheetGrid
from desktop.reports.excel_sheet_scan import SheetScan
from desktop.reports.excel_sheets import AreaIndex, SheetReader
from desktop.storage.areas import Area
from desktop.storage.installation import Office

SERVICE = "1.02.01"
KECAMATAN = [
    Area("64.11.01", "Long Apari", 3, "64.11"),
    Area("64.11.02", "Long Pahangai", 3, "64.11"),
    Area("64.11.03", "Long Bagun", 3, "64.11"),
    Area("64.11.04", "Laham", 3, "64.11"),
    Area("64.11.05", "Long Hubung", 3, "64.11"),
]
DISTRICT = Area("64.11", "Mahakam Ulu", 2, "64")
# The template's headers without its computed columns: code, name, six figures, two texts.
HEADER = [c.header for c in TEMPLATE_COLUMNS if c.key not in ("not_served", "achievement")]

# Odd cells, by column (code, name, six figures, two texts): each is planted into otherwise plain rows.
ODD = [
    ["64.11", "64.11.99", "", 641101.0, " 64.11.02", True],
    ["kecamatan long apari", "Long  Bagun", "Jumlah", "Desa X", "Laham", 3.0],
    *[[-1.0, 2.5, 1e16, 1e9 + 1, "12", "1.234", True, date(2024, 1, 1), float("nan"), float("inf")]] * 6,
    *[["x" * 4001, 12.0, False, "   "]] * 2,
]
plain_figure = st.one_of(st.integers(0, 30).map(float), st.integers(0, 30).map(float), st.just(""))
plain_text = st.sampled_from(["", "banjir", "  jalan putus  "])


def stored_values(row: list) -> tuple:
    """A plain row's values as the store would hold them after importing it."""
    figures = tuple(None if v == "" else int(v) for v in row[2:8])
    return (*figures, *(v.strip() for v in row[8:10]), "")


@st.composite
def cases(draw):
    """Sheet rows (mostly plain, some with an odd cell or two), stored rows (some equal to the sheet's) and
    the quarter before."""
    rows, plain = [], []
    for _ in range(draw(st.integers(0, 14))):
        area = draw(st.sampled_from(KECAMATAN))
        row = [area.code, area.name if draw(st.booleans()) else "", *draw(st.tuples(*[plain_figure] * 6))]
        row += [draw(plain_text), draw(plain_text)]
        if draw(st.integers(0, 3)) == 0:
            for column in draw(st.lists(st.integers(0, 9), min_size=1, max_size=2)):
                row[column] = draw(st.sampled_from(ODD[column]))
        else:
            plain.append(row)
        rows.append(row)
    stored_figures = st.tuples(*[st.one_of(st.none(), st.integers(0, 30))] * len(FIGURES))
    stored_texts = st.tuples(*[st.sampled_from(["", "banjir"])] * len(TEXTS))
    any_row = st.builds(lambda f, t: (*f, *t), stored_figures, stored_texts)
    stored, previous = {}, {}
    for area in KECAMATAN:
        same = [r for r in plain if r[0] == area.code]
        choice = draw(st.integers(0, 3))
        if choice == 1:
            stored[area.code] = draw(any_row)
        elif choice == 2 and same:
            stored[area.code] = stored_values(same[0])
        if draw(st.booleans()):
            previous[area.code] = draw(any_row)
    return rows, stored, previous


def context_of(stored: dict, previous: dict, status=ReportStatus.DRAFT) -> ImportContext:
    return ImportContext(
        office=Office("kantor", "Dinas Kesehatan", "64.11", "kecamatan", (SERVICE,)),
        district_name="Kabupaten Mahakam Ulu",
        period=Period(2024, 3),
        areas=(*KECAMATAN, DISTRICT),
        district_areas={a.code: a for a in (*KECAMATAN, DISTRICT)},
        rows={SERVICE: {code: AreaFigures(code, *values) for code, values in stored.items()}},
        previous={SERVICE: {code: AreaFigures(code, *values) for code, values in previous.items()}},
        statuses={SERVICE: status},
    )


def read(rows, context, formulas, *, bulk: bool) -> ImportPlan:
    plan = ImportPlan(Path("uji.xlsx"), False, context.period)
    scan = SheetScan("Data", len(rows), frozenset(formulas), ())
    reader = SheetReader(plan, context, AreaIndex(context), SERVICE, "Data", scan, bulk=bulk)
    reader.read(SheetGrid((0, 0), len(rows), iter([list(r) for r in rows])), None, None)
    return plan


def assert_same_plans(body, context, formulas=(), block_rows=4096, max_problems=1000) -> ImportPlan:
    """Reads the sheet both ways and compares the plans; returns the one read by blocks."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(excel_sheets, "BLOCK_ROWS", block_rows)
        patch.setattr(excel_sheets, "MAX_PROBLEMS", max_problems)
        by_blocks = read([HEADER, *body], context, formulas, bulk=True)
        by_rows = read([HEADER, *body], context, formulas, bulk=False)
    assert [r.rows for r in by_blocks.reports] == [r.rows for r in by_rows.reports]
    assert by_blocks.problems == by_rows.problems
    assert by_blocks.warnings == by_rows.warnings
    assert (by_blocks.rows_read, by_blocks.truncated) == (by_rows.rows_read, by_rows.truncated)
    return by_blocks


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=cases(),
    formulas=st.sets(st.tuples(st.integers(2, 16), st.integers(3, 10)), max_size=2),
    status=st.sampled_from([ReportStatus.DRAFT, ReportStatus.SUBMITTED]),
    block_rows=st.sampled_from([1, 3, 4096]),
    max_problems=st.sampled_from([3, 1000]),
)
def test_the_column_wise_checks_plan_as_the_per_row_path(case, formulas, status, block_rows, max_problems):
    body, stored, previous = case
    assert_same_plans(body, context_of(stored, previous, status), formulas, block_rows, max_problems)


def full(code_index: int, **cells) -> list:
    """A plain row of a kecamatan with every figure filled, the given cells changed (by header position)."""
    area = KECAMATAN[code_index]
    row = [area.code, area.name, 20.0, 10.0, 6.0, 5.0, 9e6, 4e6, "banjir", ""]
    for position, value in cells.items():
        row[int(position[1:])] = value
    return row


EVERY_PREVIOUS = {a.code: (20, 8, 6, 4, 9_000_000, 3_000_000, "", "", "") for a in KECAMATAN}


@pytest.mark.parametrize(
    ("body", "previous"),
    [
        ([full(0), full(1, c2=1e9 + 1), full(2)], {}),  # a count over its limit in a column of whole numbers
        ([full(0), full(1, c6=1e16), full(2)], {}),  # money over its limit
        ([full(0), full(1, c8="x" * 4001), full(2)], {}),  # a text over its length, among texts
        ([full(0), full(1, c3=25.0), full(2)], {}),  # served above target, every column full
        ([full(0), full(1, c5=7.0), full(2)], {}),  # quality met above required
        ([full(0), full(1, c7=1e7), full(2)], {}),  # spent above budget
        ([full(0), full(1, c3=7.0), full(2)], EVERY_PREVIOUS),  # served below the quarter before
        ([full(0), full(1, c7=2e6), full(2)], EVERY_PREVIOUS),  # spent below the quarter before
        ([full(0), full(1), full(2)], {**EVERY_PREVIOUS, "64.11.02": (20, None, 6, 4, 9e6, None, "", "", "")}),
        ([full(0), full(1), full(2)], EVERY_PREVIOUS),  # all quiet against the quarter before
    ],
)
def test_a_block_of_full_columns_leaves_each_row_with_a_finding_to_the_per_row_path(body, previous):
    assert_same_plans(body, context_of({}, previous))


def test_a_plain_sheet_is_planned_by_blocks_without_the_per_row_path(monkeypatch):
    """The bench's case, so the shortcut is known to be taken: every row plain, none read one by one."""
    context = context_of({}, {"64.11.01": (10, 2, None, None, None, None, "", "", "")})
    body = [[a.code, a.name, 10.0, 3.0, 2.0, 1.0, 5e6, 1e6, "banjir", ""] for a in KECAMATAN]

    def refuse(*_args):
        raise AssertionError("a plain row went the per-row path")

    monkeypatch.setattr(SheetReader, "row", refuse)
    plan = read([HEADER, *body], context, set(), bulk=True)
    assert plan.ok and plan.rows_read == len(KECAMATAN)
    assert [r.values[:6] for r in plan.reports[0].rows] == [(10, 3, 2, 1, 5_000_000, 1_000_000)] * len(KECAMATAN)
    assert all(type(v) is int for r in plan.reports[0].rows for v in r.values[:6])
