"""The import's shortcut for rows with nothing to flag agrees with row_findings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, FigureRow
from desktop.domain.validation import row_findings
from desktop.reports.excel_bulk import quiet
from desktop.reports.excel_plan import COLUMNS

FIGURE = st.one_of(st.none(), st.integers(min_value=0, max_value=20))
VALUES = st.tuples(*[FIGURE] * len(FIGURES), *[st.sampled_from(["", "banjir"])] * len(TEXTS))
BEFORE = st.one_of(st.none(), st.builds(lambda f: AreaFigures("64.11.01", *f), st.tuples(*[FIGURE] * len(FIGURES))))


@settings(max_examples=2000, deadline=None)
@given(values=VALUES, before=BEFORE)
def test_a_quiet_row_is_one_row_findings_has_nothing_to_say_of(values, before):
    assert COLUMNS[: len(FIGURES)] == FIGURES  # quiet() reads the figures from the front, in this order
    findings = row_findings(FigureRow("64.11.01", *values), before)
    assert quiet(values, before) == (not findings)
