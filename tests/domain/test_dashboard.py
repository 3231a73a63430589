"""The dashboard's figures are the domain's scoring, sorted and counted; worked out by hand beside each."""

from __future__ import annotations

import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.dashboard import (
    NO_DATA,
    NOT_APPLICABLE,
    AreaUnit,
    DashboardInput,
    ReportFacts,
    build_dashboard,
    compare_areas,
    coverage_figures,
    service_label,
)
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, ReportStatus
from desktop.domain.scoring import score_district

CATALOG = load_catalog()
HEALTH = tuple(s.code for s in CATALOG.services_for(["1.02"]))
KECAMATAN = ("64.11.01", "64.11.02", "64.11.03")
Q3 = Period(2024, 3)


def row(area, target=None, served=None, q_req=None, q_met=None, problems="") -> AreaFigures:
    return AreaFigures(area, target, served, q_req, q_met, problems=problems)


# 1.02.01: 240/300 = 80 %, quality 4/4 -> 0.8 x 80 + 0.2 x 100 = 84
# 1.02.02: 50 % recipients only -> 50
# 1.02.03: 60/50 = 120 % (capped 100), quality 1/2 -> 0.8 x 100 + 0.2 x 50 = 90
# 1.02.04: every target 0 -> not applicable (no score)
# 1.02.05: only a problem written -> no data; the other seven health services: nothing at all
# Index: (84 + 50 + 90) / 3 = 74.67 -> Tuntas Pratama
THIS_QUARTER = {
    "1.02.01": [row(k, 100, 80, 4 if k == KECAMATAN[0] else None, 4 if k == KECAMATAN[0] else None) for k in KECAMATAN],
    "1.02.02": [row(KECAMATAN[0], 60, 20), row(KECAMATAN[1], 40, 30)],
    "1.02.03": [row(KECAMATAN[2], 50, 60, 2, 1)],
    "1.02.04": [row(k, 0) for k in KECAMATAN],
    "1.02.05": [row(KECAMATAN[0], problems="Data belum masuk")],
}
ROWS = {
    Q3: THIS_QUARTER,
    Period(2024, 1): {"1.02.01": [row(KECAMATAN[0], 100, 30)]},  # 30
    Period(2023, 3): {"1.02.01": [row(KECAMATAN[0], 100, 50)], "1.02.02": [row(KECAMATAN[0], 10, 10)]},  # 75
}
REPORTS = {
    "1.02.01": ReportFacts(ReportStatus.SUBMITTED, frozenset({KECAMATAN[0], None})),
    "1.02.02": ReportFacts(ReportStatus.DRAFT, frozenset({None})),
    "1.02.03": ReportFacts(ReportStatus.APPROVED),
    "1.02.04": ReportFacts(ReportStatus.APPROVED, frozenset({KECAMATAN[1]})),
    "1.02.05": ReportFacts(ReportStatus.RETURNED),
}


@pytest.fixture(scope="module")
def figures():
    return build_dashboard(CATALOG, DashboardInput(Q3, HEALTH, KECAMATAN, ROWS, REPORTS))


def test_index_and_bars_are_the_domain_scores(figures):
    expected = score_district(CATALOG, THIS_QUARTER, HEALTH)
    assert figures.index == expected.index == pytest.approx(224 / 3)
    assert figures.band == expected.band and figures.band.label == "Tuntas Pratama"
    by_code = {b.code: b.value for b in figures.services}
    assert by_code == {s.service_code: s.score for s in expected.services}
    assert [b.code for b in figures.services[:3]] == ["1.02.02", "1.02.01", "1.02.03"]  # lowest first
    assert [round(b.value, 2) for b in figures.services[:3]] == [50.0, 84.0, 90.0]
    assert [b.band.label for b in figures.services[:3]] == ["Belum Tuntas", "Tuntas Madya", "Tuntas Utama"]
    assert [(f.code, f.value) for f in figures.fields] == [("1.02", expected.fields[0].score)]


def test_services_without_data_come_last_saying_why(figures):
    rest = figures.services[3:]
    assert all(b.value is None and b.band is None for b in rest)
    assert [b.code for b in rest] == [c for c in HEALTH if c not in ("1.02.01", "1.02.02", "1.02.03")]
    missing = {b.code: b.missing for b in rest}
    assert missing["1.02.04"] == NOT_APPLICABLE  # targets of 0: not applicable, never 0 %
    assert missing["1.02.05"] == NO_DATA
    assert missing["1.02.12"] == NO_DATA


def test_trend_and_the_same_quarter_last_year(figures):
    assert [p.period.key for p in figures.this_year] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert [p.index for p in figures.this_year] == [30.0, None, pytest.approx(224 / 3), None]
    assert figures.previous.period == Period(2023, 3)
    assert figures.previous.index == 75.0  # (50 + 100) / 2
    assert figures.change == -0.33  # 74,67 shown minus 75,00 shown
    assert [p.index for p in figures.last_year] == [None, None, 75.0, None]


def test_evidence_coverage(figures):
    # Reports with figures or evidence: 1.02.01-1.02.05 (1.02.04 has rows of 0, 1.02.05 a problem): 5.
    # With evidence: 1.02.01, 1.02.02, 1.02.04 -> 3 of 5.
    assert (figures.report_evidence.with_evidence, figures.report_evidence.total) == (3, 5)
    assert figures.report_evidence.pct == 60.0
    # Filled rows: 3 + 2 + 1 + 3 + 1 = 10; with evidence of their own: 1.02.01 @01, 1.02.04 @02 -> 2.
    assert (figures.row_evidence.with_evidence, figures.row_evidence.total) == (2, 10)


def test_completeness(figures):
    by_code = {c.service_code: c for c in figures.completeness}
    assert [c.service_code for c in figures.completeness] == list(HEALTH)
    first = by_code["1.02.01"]
    assert (first.has_figures, first.has_evidence, first.sent, first.complete) == (True, True, True, True)
    assert by_code["1.02.02"].has_figures is False  # one kecamatan missing
    assert by_code["1.02.02"].sent is False  # draft
    zero = by_code["1.02.04"]  # a target of 0 owes no served figure
    assert (zero.has_figures, zero.has_evidence, zero.sent, zero.complete) == (True, True, True, True)
    assert by_code["1.02.05"].status is ReportStatus.RETURNED and not by_code["1.02.05"].sent
    assert by_code["1.02.12"].status is None and not by_code["1.02.12"].has_figures
    assert figures.count("complete") == 2
    shares = {label.text: (c.with_evidence, c.total) for label, c in coverage_figures(figures)}
    assert shares["Layanan lengkap seluruhnya"] == (2, 12)
    assert shares["Layanan diajukan/disetujui"] == (3, 12)


def test_an_empty_quarter_has_no_index_and_nothing_counted():
    empty = build_dashboard(CATALOG, DashboardInput(Q3, HEALTH, KECAMATAN, {}, {}))
    assert empty.index is None and empty.band is None and empty.change is None
    assert all(b.value is None and b.missing == NO_DATA for b in empty.services)
    assert empty.report_evidence.pct is None and empty.row_evidence.pct is None
    assert empty.count("has_figures") == 0


def test_kecamatan_comparison_is_the_services_scoring_per_kecamatan():
    units = (
        AreaUnit("64.11.01", "Long Bagun", frozenset({"64.11.01", "64.11.01.2001", "64.11.01.2002"})),
        AreaUnit("64.11.02", "Long Hubung", frozenset({"64.11.02"})),
        AreaUnit("64.11.03", "Laham", frozenset({"64.11.03"})),
        AreaUnit("64.11.04", "Long Apari", frozenset({"64.11.04"})),
    )
    rows = [
        row("64.11.01.2001", 40, 30),  # the desa of Long Bagun add up: 50 / 80 = 62.5 %
        row("64.11.01.2002", 40, 20),
        row("64.11.02", 10, 12),  # 120 %: shown uncapped
        row("64.11.03", 0),  # not applicable
        row("64.11", 100, 100),  # the kabupaten-wide row belongs to no kecamatan
    ]
    bars = compare_areas(CATALOG, "1.02.01", rows, units)
    assert [(b.label, b.value) for b in bars] == [
        ("Long Bagun", 62.5),
        ("Long Hubung", 120.0),
        ("Laham", None),
        ("Long Apari", None),
    ]
    assert [b.missing for b in bars] == [None, None, NOT_APPLICABLE, NO_DATA]
    assert bars[1].band.label == "Tuntas Paripurna"  # banded as capped


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("1.02.01", "1.02.01 Ibu hamil"),  # "Pelayanan kesehatan" begins every health service
        ("1.05.02", "1.05.02 Informasi rawan bencana"),
        ("1.03.01", "1.03.01 Pemenuhan kebutuhan pokok air minum sehari-hari"),  # nothing in common
    ],
)
def test_service_labels_drop_the_fields_common_words(code, label):
    assert service_label(CATALOG, CATALOG.service(code)) == label
