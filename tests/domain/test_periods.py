"""Reporting periods: year + triwulan, cumulative within the year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.messages import UserError
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR, Period


@pytest.mark.parametrize(
    ("text", "year", "quarter"),
    [
        ("2024Q3", 2024, 3),
        ("2024q3", 2024, 3),
        ("2024-3", 2024, 3),
        ("2024 TW III", 2024, 3),
        ("2024 tw iii", 2024, 3),
        ("2024TWIV", 2024, 4),
        ("2024 TW I", 2024, 1),
        ("2024 TW II", 2024, 2),
        ("2025/1", 2025, 1),
        ("  2026 Q 2  ", 2026, 2),
        ("2024 4", 2024, 4),
    ],
)
def test_parse(text, year, quarter):
    assert Period.parse(text) == Period(year, quarter)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024",
        "Q3",
        "2024Q5",
        "2024Q0",
        "2024-13",
        "Q3 2024",
        "24Q3",
        "2024 TW V",
        "2024 TW IIII",
        "2024Q3x",
        "tiga",
    ],
)
def test_parse_refuses_bad_text(text):
    with pytest.raises(UserError) as caught:
        Period.parse(text)
    assert "tidak dikenali" in caught.value.message.format()
    assert "2024Q3" in caught.value.message.format()  # shows how to write it


@pytest.mark.parametrize(("year", "quarter"), [(FIRST_YEAR - 1, 1), (LAST_YEAR + 1, 4), (0, 1)])
def test_year_out_of_range_is_refused(year, quarter):
    with pytest.raises(UserError) as caught:
        Period(year, quarter)
    assert f"Tahun {year} di luar rentang" in caught.value.message.format()


def test_parse_refuses_a_year_out_of_range():
    with pytest.raises(UserError, match="di luar rentang"):
        Period.parse(f"{LAST_YEAR + 1}Q1")


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_out_of_range_is_refused(quarter):
    with pytest.raises(UserError) as caught:
        Period(2024, quarter)
    assert "Triwulan harus 1, 2, 3 atau 4" in caught.value.message.format()


def test_range_edges_are_allowed():
    assert Period(FIRST_YEAR, 1).key == f"{FIRST_YEAR}Q1"
    assert Period(LAST_YEAR, 4).key == f"{LAST_YEAR}Q4"


def test_names():
    period = Period(2024, 3)
    assert period.key == "2024Q3"
    assert period.roman == "III"
    assert [Period(2024, q).roman for q in (1, 2, 3, 4)] == ["I", "II", "III", "IV"]


def test_ordering():
    periods = [Period(2025, 1), Period(2024, 4), Period(2024, 1), Period(2024, 3)]
    assert sorted(periods) == [Period(2024, 1), Period(2024, 3), Period(2024, 4), Period(2025, 1)]
    assert Period(2024, 4) < Period(2025, 1)
    assert Period(2024, 2) > Period(2024, 1)
    assert max(periods) == Period(2025, 1)
    assert len({Period(2024, 3), Period.parse("2024 TW III")}) == 1


def test_previous_in_year_and_related():
    assert Period(2024, 3).previous_in_year() == Period(2024, 2)
    assert Period(2024, 2).previous_in_year() == Period(2024, 1)
    assert Period(2024, 1).previous_in_year() is None  # figures restart each year
    assert Period(2024, 3).same_quarter_last_year() == Period(2023, 3)
    assert Period(2024, 3).quarters_so_far() == [Period(2024, 1), Period(2024, 2), Period(2024, 3)]
    assert Period(2024, 1).quarters_so_far() == [Period(2024, 1)]


@pytest.mark.parametrize(
    ("quarter", "end"),
    [(1, date(2024, 3, 31)), (2, date(2024, 6, 30)), (3, date(2024, 9, 30)), (4, date(2024, 12, 31))],
)
def test_end_date(quarter, end):
    assert Period(2024, quarter).end_date() == end


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 23), Period(2026, 3)),
        (date(2026, 2, 1), Period(2025, 4)),
        (date(2026, 1, 1), Period(2025, 4)),
        (date(2026, 3, 31), Period(2025, 4)),
        (date(2026, 4, 1), Period(2026, 1)),
        (date(2026, 12, 31), Period(2026, 3)),
        (date(2024, 10, 20), Period(2024, 3)),  # the 2024 Q3 deadline day
    ],
)
def test_last_closed(today, expected):
    assert Period.last_closed(today) == expected


@given(year=st.integers(FIRST_YEAR, LAST_YEAR), quarter=st.integers(1, 4))
def test_written_forms_round_trip(year, quarter):
    period = Period(year, quarter)
    assert Period.parse(period.key) == period
    assert Period.parse(f"{year} TW {period.roman}") == period
    assert Period.parse(f"{year}-{quarter}") == period


@given(day=st.dates(date(FIRST_YEAR + 1, 1, 1), date(LAST_YEAR, 12, 31)))
def test_a_day_lies_in_its_quarter_and_after_the_last_closed_one(day):
    current = Period.containing(day)
    assert current.end_date() >= day > current.end_date() - timedelta(days=92)
    closed = Period.last_closed(day)
    assert closed < current
    assert closed.end_date() < day
    assert (closed.end_date() + timedelta(days=1)) == date(current.year, current.quarter * 3 - 2, 1)
