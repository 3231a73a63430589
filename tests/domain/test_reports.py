"""Reports and their rows: derived figures, column totals, and the content hash."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report, ReportStatus, Totals, percentage

# --- one area's figures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "served", "not_served", "achievement"),
    [
        (100, 30, 70, 30.0),  # 30 / 100
        (100, None, 100, 0.0),  # nobody recorded as served yet
        (100, 100, 0, 100.0),
        (100, 120, 0, 120.0),  # never below zero; achievement uncapped
        (3, 1, 2, 100 / 3),
        (0, 0, 0, None),  # target 0: not applicable
        (0, 5, 0, None),
        (None, 5, None, None),  # target missing
        (None, None, None, None),
    ],
)
def test_not_served_and_achievement(target, served, not_served, achievement):
    area = AreaFigures("64.11.01", target=target, served=served)
    assert area.not_served == not_served
    assert area.achievement == pytest.approx(achievement)


@pytest.mark.parametrize(("part", "whole", "pct"), [(1, 4, 25.0), (None, 4, 0.0), (4, 0, None), (4, None, None)])
def test_percentage(part, whole, pct):
    assert percentage(part, whole) == pct


def test_is_empty():
    assert AreaFigures("64.11.01").is_empty
    assert not AreaFigures("64.11.01", target=0).is_empty  # a 0 is an entry
    assert not AreaFigures("64.11.01", spent=0).is_empty
    assert not AreaFigures("64.11.01", note="belum ada data").is_empty
    assert not AreaFigures("64.11.01", problems="jalan putus").is_empty


def test_with_value_returns_a_copy():
    area = AreaFigures("64.11.01", target=100, served=30)
    changed = area.with_value("served", 45)
    assert changed.served == 45
    assert area.served == 30
    assert changed.target == 100
    assert area.with_value("target", None).target is None
    assert area.with_value("problems", "sinyal tidak ada").problems == "sinyal tidak ada"
    assert area.with_value("problems", "x").with_value("problems", None).problems == ""  # texts are never None


def test_value_and_unknown_columns():
    area = AreaFigures("64.11.01", target=100, note="n")
    assert area.value("target") == 100
    assert area.value("note") == "n"
    assert area.value("served") is None
    for bad in ("area_code", "achievement", "nonsense"):
        with pytest.raises(KeyError):
            area.value(bad)
        with pytest.raises(KeyError):
            area.with_value(bad, 1)


def test_as_dict_has_every_column():
    assert list(AreaFigures("64.11.01").as_dict()) == ["area_code", *FIGURES, *TEXTS]


# --- totals -------------------------------------------------------------------------------------


def test_totals_over_rows_with_missing_columns():
    rows = [
        AreaFigures("64.11.01", target=100, served=None, budget=None, spent=None),
        AreaFigures("64.11.02", target=None, served=20, budget=500, spent=None),
        AreaFigures("64.11.03", target=50, served=40, budget=None, spent=None),
    ]
    totals = Totals.of(rows)
    assert (totals.target, totals.served, totals.budget) == (150, 60, 500)
    assert totals.quality_required is None  # nobody filled it
    assert totals.quality_met is None
    assert totals.spent is None
    # 64.11.02 served 20 without a target: reported in the sum, not counted in the achievement.
    assert totals.served_with_target == 40
    assert totals.not_served == 110  # 150 - 40
    assert totals.recipients_pct == pytest.approx(80.0 / 3)  # 40 / 150
    assert totals.quality_pct is None
    assert totals.budget_pct == 0.0  # 500 allocated, nothing spent recorded


def test_totals_of_nothing():
    totals = Totals.of([])
    assert totals == Totals(None, None, None, None, None, None)
    assert (totals.not_served, totals.recipients_pct, totals.quality_pct, totals.budget_pct) == (None,) * 4


def test_totals_keep_zero_apart_from_missing():
    totals = Totals.of([AreaFigures("a", target=0, served=0), AreaFigures("b")])
    assert (totals.target, totals.served) == (0, 0)
    assert totals.recipients_pct is None  # 0 / 0: not applicable
    assert totals.not_served == 0


def test_totals_accept_a_generator():
    totals = Totals.of(AreaFigures(f"64.11.0{i}", target=10, served=i) for i in range(1, 6))
    assert (totals.target, totals.served) == (50, 15)


# --- the report ---------------------------------------------------------------------------------

ROWS = (
    AreaFigures("64.11.01", 80, 60, 4, 3, 10_000_000, 6_000_000, "Jalan ke puskesmas rusak", "Perbaikan jalan"),
    AreaFigures("64.11.02", 75, 55, 4, 3),
    AreaFigures("64.11.03", 30, 20, 4, 2),
)


def report(rows=ROWS, **changes) -> Report:
    base = Report("office-1", "1.02.01", Period(2024, 3), "2025.1", rows=tuple(rows))
    return dataclasses.replace(base, **changes)


def test_report_rows_and_totals():
    r = report()
    assert r.row("64.11.02") == ROWS[1]
    assert r.row("64.11.05") == AreaFigures("64.11.05")  # an area without a row yet
    assert r.totals() == Totals(185, 135, 12, 8, 10_000_000, 6_000_000, served_with_target=135)


def test_content_hash_is_a_sha256_hex():
    digest = report().content_hash()
    assert len(digest) == 64
    assert int(digest, 16) >= 0


def test_content_hash_stable_across_row_order():
    assert report().content_hash() == report(rows=reversed(ROWS)).content_hash()
    assert report().content_hash() == report(rows=(ROWS[1], ROWS[2], ROWS[0])).content_hash()


def test_content_hash_ignores_empty_rows():
    padded = (AreaFigures("64.11.04"), *ROWS, AreaFigures("64.11.05"))
    assert report(rows=padded).content_hash() == report().content_hash()


@pytest.mark.parametrize(
    "changed",
    [
        (ROWS[0].with_value("served", 61), *ROWS[1:]),
        (ROWS[0].with_value("spent", 6_000_001), *ROWS[1:]),
        (ROWS[0].with_value("quality_met", None), *ROWS[1:]),
        (ROWS[0].with_value("problems", "Jalan ke puskesmas rusak."), *ROWS[1:]),
        (ROWS[0], ROWS[1], ROWS[2].with_value("target", 0)),
        ROWS[:2],  # a row removed
        (*ROWS, AreaFigures("64.11.04", target=0)),  # a row with a 0 added
        (dataclasses.replace(ROWS[0], area_code="64.11.04"), *ROWS[1:]),  # figures moved to another area
    ],
)
def test_content_hash_changes_with_the_figures(changed):
    assert report(rows=changed).content_hash() != report().content_hash()


@pytest.mark.parametrize(
    "changes",
    [
        {"office_id": "office-2"},
        {"service_code": "1.02.02"},
        {"period": Period(2024, 4)},
        {"catalog_version": "2026.1"},
    ],
)
def test_content_hash_covers_the_identity(changes):
    assert report(**changes).content_hash() != report().content_hash()


def test_content_hash_is_about_content_not_workflow():
    assert report(status=ReportStatus.SUBMITTED, revision=3).content_hash() == report().content_hash()


@given(order=st.permutations(range(len(ROWS))))
def test_content_hash_any_order(order):
    assert report(rows=[ROWS[i] for i in order]).content_hash() == report().content_hash()


def test_status_editable():
    assert [s.value for s in ReportStatus if s.editable] == ["draft", "returned"]
    assert ReportStatus("approved") is ReportStatus.APPROVED
