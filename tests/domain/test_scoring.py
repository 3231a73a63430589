"""Achievement (capaian) per service, per field and for the district, against hand-computed figures.

Every expectation in the tables below is a literal worked out by hand; the comment beside it shows
the arithmetic. Default rules (catalog 2025.1): score = 0.8 x recipients% + 0.2 x quality%,
recipients capped at 100 in the score, a missing component renormalizes the weights, the index is
the mean of the service scores that have data.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.catalog import Catalog, ScoringRules, load_catalog
from desktop.domain.formatting import format_percent
from desktop.domain.reports import AreaFigures, Totals
from desktop.domain.scoring import (
    over_target,
    score_district,
    score_district_totals,
    score_service,
    score_service_totals,
)

CATALOG = load_catalog()
RULES = CATALOG.scoring
ZERO = dataclasses.replace(RULES, missing_component="zero")
KECAMATAN = ("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05")  # Mahakam Ulu


def row(target=None, served=None, q_req=None, q_met=None, budget=None, spent=None, area="64.11") -> AreaFigures:
    return AreaFigures(area, target, served, q_req, q_met, budget, spent)


def per_kecamatan(targets, served, q_req=(None,) * 5, q_met=(None,) * 5) -> list[AreaFigures]:
    """One row per Mahakam Ulu kecamatan."""
    return [row(t, s, qr, qm, area=k) for k, t, s, qr, qm in zip(KECAMATAN, targets, served, q_req, q_met, strict=True)]


def with_rules(**changes) -> Catalog:
    return dataclasses.replace(CATALOG, scoring=dataclasses.replace(RULES, **changes))


# --- one service --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    rows: tuple[AreaFigures, ...]
    recipients: float | None  # uncapped
    quality: float | None
    score: float | None
    over_target: bool = False
    budget: float | None = None
    rules: ScoringRules = RULES


SERVICE_CASES = {
    "single area": Case(
        (row(200, 150, 10, 8),),
        recipients=75.0,  # 150 / 200 = 75 %
        quality=80.0,  # 8 / 10 = 80 %
        score=76.0,  # 0.8 x 75 + 0.2 x 80 = 60 + 16
    ),
    "areas summed before dividing": Case(
        (row(100, 90, 5, 5, area="64.11.01"), row(300, 150, 5, 3, area="64.11.02")),
        recipients=60.0,  # (90 + 150) / (100 + 300) = 240 / 400 = 60 %  (the mean of 90 % and 50 % would be 70 %)
        quality=80.0,  # (5 + 3) / (5 + 5) = 80 %
        score=64.0,  # 0.8 x 60 + 0.2 x 80 = 48 + 16
    ),
    "five kecamatan": Case(
        tuple(per_kecamatan((80, 75, 30, 45, 70), (60, 55, 20, 30, 45), (4,) * 5, (3, 3, 2, 3, 3))),
        recipients=70.0,  # 210 / 300 = 70 %
        quality=70.0,  # 14 / 20 = 70 %
        score=70.0,  # 0.8 x 70 + 0.2 x 70 = 56 + 14
    ),
    "served above target is capped in the score, reported uncapped": Case(
        (row(100, 120, 10, 10),),
        recipients=120.0,  # 120 / 100 = 120 %, reported as is
        quality=100.0,  # 10 / 10
        score=100.0,  # 0.8 x min(120, 100) + 0.2 x 100 = 80 + 20
        over_target=True,
    ),
    "above target with partial quality": Case(
        (row(50, 55, 5, 3),),
        recipients=110.0,  # 55 / 50
        quality=60.0,  # 3 / 5
        score=92.0,  # 0.8 x 100 + 0.2 x 60 = 80 + 12
        over_target=True,
    ),
    "one area above target, the total below": Case(
        (row(100, 120, area="64.11.01"), row(100, 50, area="64.11.02")),
        recipients=85.0,  # 170 / 200, under 100 but one area over: still flagged
        quality=None,
        score=85.0,  # only recipients: renormalized to 85
        over_target=True,
    ),
    "target 0 with quality: not applicable, scored on quality": Case(
        (row(0, 0, 5, 4),),
        recipients=None,  # 0 / 0 is not applicable, never a division by zero
        quality=80.0,  # 4 / 5
        score=80.0,  # 0.2 x 80 / 0.2
    ),
    "target 0 without quality: no data": Case(
        (row(0, 0, 0, 0),),
        recipients=None,
        quality=None,
        score=None,
    ),
    "target 0 but somebody served: flagged, not applicable": Case(
        (row(0, 7),),
        recipients=None,
        quality=None,
        score=None,
        over_target=True,  # 7 > 0: the operator must explain
    ),
    "quality not applicable: score = recipients (renormalize)": Case(
        (row(200, 150, 0, 0),),
        recipients=75.0,  # 150 / 200
        quality=None,  # 0 required
        score=75.0,  # 0.8 x 75 / 0.8
    ),
    "quality not applicable under the zero rule": Case(
        (row(200, 150, 0, 0),),
        recipients=75.0,
        quality=None,
        score=60.0,  # (0.8 x 75 + 0.2 x 0) / 1.0
        rules=ZERO,
    ),
    "recipients not applicable under the zero rule": Case(
        (row(0, 0, 5, 4),),
        recipients=None,
        quality=80.0,
        score=16.0,  # (0.8 x 0 + 0.2 x 80) / 1.0
        rules=ZERO,
    ),
    "both missing under the zero rule: still no data": Case(
        (row(None, None, None, None),),
        recipients=None,
        quality=None,
        score=None,
        rules=ZERO,
    ),
    "nothing entered at all": Case((), recipients=None, quality=None, score=None),
    "budget realisation reported but not weighted": Case(
        (row(200, 150, 10, 8, budget=1_000_000_000, spent=250_000_000),),
        recipients=75.0,
        quality=80.0,
        score=76.0,  # same as without a budget: 60 + 16
        budget=25.0,  # 250.000.000 / 1.000.000.000
    ),
    "budget overspent does not lift the score": Case(
        (row(200, 100, budget=400, spent=500),),
        recipients=50.0,
        quality=None,
        score=50.0,
        budget=125.0,  # 500 / 400, uncapped
    ),
    "quality above 100 % (bad input) is capped too": Case(
        (row(10, 10, 4, 5),),
        recipients=100.0,
        quality=125.0,  # 5 / 4 (validation refuses this edit; scoring must still stay in range)
        score=100.0,  # 0.8 x 100 + 0.2 x 100
    ),
    "nobody served yet": Case(
        (row(300, 0, 10, 0),),
        recipients=0.0,
        quality=0.0,
        score=0.0,
    ),
    "recipients-only weights": Case(
        (row(200, 150, 10, 2),),
        recipients=75.0,
        quality=20.0,
        score=75.0,  # 1.0 x 75 + 0 x 20
        rules=dataclasses.replace(RULES, recipients_weight=1.0, quality_weight=0.0),
    ),
    "a zero-weight component alone gives no score": Case(
        (row(0, 0, 10, 2),),
        recipients=None,
        quality=20.0,
        score=None,  # only quality applies, and it weighs 0
        rules=dataclasses.replace(RULES, recipients_weight=1.0, quality_weight=0.0),
    ),
}


@pytest.mark.parametrize("name", SERVICE_CASES, ids=list(SERVICE_CASES))
def test_score_service(name):
    case = SERVICE_CASES[name]
    result = score_service("1.02.01", case.rows, case.rules)
    assert result.service_code == "1.02.01"
    assert result.recipients_pct == pytest.approx(case.recipients)
    assert result.quality_pct == pytest.approx(case.quality)
    assert result.budget_pct == pytest.approx(case.budget)
    assert result.score == pytest.approx(case.score)
    assert result.over_target is case.over_target
    assert result.has_data is (case.score is not None)


def test_score_service_reports_the_totals():
    result = score_service("1.02.01", [row(100, 90, 5, 5, 10, 4), row(300, 150, 5, 3, None, 6)], RULES)
    totals = result.totals
    assert (totals.target, totals.served, totals.quality_required, totals.quality_met) == (400, 240, 10, 8)
    assert (totals.budget, totals.spent) == (10, 10)
    assert totals.not_served == 160  # 400 - 240


# --- fields and the district --------------------------------------------------------------------

# Three services, each scored by hand:
#   1.02.01: 150/200 = 75 %, 8/10 = 80 %  -> 0.8 x 75 + 0.2 x 80 = 76
#   1.02.02: 240/400 = 60 %, 8/10 = 80 %  -> 48 + 16 = 64
#   1.06.01: 20/100  = 20 %, 1/5  = 20 %  -> 16 + 4  = 20
THREE = {
    "1.02.01": [row(200, 150, 10, 8)],
    "1.02.02": [row(100, 90, 5, 5, area="64.11.01"), row(300, 150, 5, 3, area="64.11.02")],
    "1.06.01": [row(100, 20, 5, 1)],
    "1.04.01": [row(0, 0, 0, 0)],  # not applicable: no data, in no mean
}

DISTRICT_CASES = {
    # (aggregation, expected index, band)
    "mean_of_services": ("mean_of_services", 160 / 3, "Belum Tuntas"),  # (76 + 64 + 20) / 3 = 53,33
    "mean_of_fields": ("mean_of_fields", 45.0, "Belum Tuntas"),  # Kesehatan (76 + 64)/2 = 70, Sosial 20 -> (70 + 20)/2
}


@pytest.mark.parametrize("name", DISTRICT_CASES, ids=list(DISTRICT_CASES))
def test_district_index_by_aggregation(name):
    aggregation, index, band = DISTRICT_CASES[name]
    result = score_district(with_rules(aggregation=aggregation), THREE)
    assert result.index == pytest.approx(index)
    assert result.band.label == band
    assert len(result.fields) == 6
    assert len(result.services) == 29


def test_field_score_is_the_mean_of_its_services_with_data():
    fields = {f.field_code: f for f in score_district(CATALOG, THREE).fields}
    assert fields["1.02"].score == pytest.approx(70.0)  # (76 + 64) / 2; the other 10 health services have no data
    assert fields["1.06"].score == pytest.approx(20.0)
    assert fields["1.04"].score is None  # its only filled service is not applicable
    assert fields["1.01"].score is None
    assert [s.service_code for s in fields["1.02"].services] == [f"1.02.{n:02d}" for n in range(1, 13)]
    assert sum(s.has_data for s in fields["1.02"].services) == 2


def test_the_two_aggregations_differ_on_the_same_figures():
    by_services = score_district(CATALOG, THREE).index
    by_fields = score_district(with_rules(aggregation="mean_of_fields"), THREE).index
    assert by_services == pytest.approx(53.333333333)  # 160 / 3
    assert by_fields == pytest.approx(45.0)
    assert format_percent(by_services) == "53,33 %"
    assert format_percent(by_fields) == "45,00 %"


def test_services_without_data_are_excluded_not_counted_as_zero():
    figures = {"1.02.01": [row(100, 80, 0, 0)], "1.02.02": [row(0, 0)], "1.02.03": []}
    result = score_district(CATALOG, figures)
    assert result.index == pytest.approx(80.0)  # only 1.02.01 (80 / 100) has data; not (80 + 0 + 0) / 3
    assert [s.service_code for s in result.services if s.has_data] == ["1.02.01"]


def test_no_data_anywhere_gives_no_index():
    result = score_district(CATALOG, {})
    assert result.index is None
    assert result.band is None
    assert all(f.score is None for f in result.fields)


def test_only_the_office_services_are_scored():
    result = score_district(CATALOG, THREE, services=["1.02.01", "1.02.02"])
    assert [f.field_code for f in result.fields] == ["1.02"]
    assert [s.service_code for s in result.services] == ["1.02.01", "1.02.02"]
    assert result.index == pytest.approx(70.0)  # (76 + 64) / 2; 1.06.01 is another office's


BAND_CASES = [
    # (target, served, index, band): one service scored on recipients alone
    (10_000, 10_000, 100.0, "Tuntas Paripurna"),
    (100, 120, 100.0, "Tuntas Paripurna"),  # 120 % capped at 100
    (10_000, 9_999, 99.99, "Tuntas Utama"),
    (10_000, 9_000, 90.0, "Tuntas Utama"),
    (100_000, 89_996, 89.996, "Tuntas Utama"),  # shown as "90,00 %": the band follows the figure as shown
    (10_000, 8_999, 89.99, "Tuntas Madya"),
    (10_000, 8_000, 80.0, "Tuntas Madya"),
    (10_000, 7_999, 79.99, "Tuntas Pratama"),
    (10_000, 7_000, 70.0, "Tuntas Pratama"),
    (10_000, 6_999, 69.99, "Tuntas Muda"),
    (10_000, 6_000, 60.0, "Tuntas Muda"),
    (10_000, 5_999, 59.99, "Belum Tuntas"),
    (10_000, 0, 0.0, "Belum Tuntas"),
]


@pytest.mark.parametrize(("target", "served", "index", "band"), BAND_CASES)
def test_band_from_index(target, served, index, band):
    result = score_district(CATALOG, {"1.03.01": [row(target, served)]})
    assert result.index == pytest.approx(index)
    assert result.band.label == band


# --- a realistic quarter: Mahakam Ulu, Triwulan III 2024, e-SPM capaian 62,28 % (S15) -------------

MAHAKAM_ULU_2024_Q3 = {
    # PAUD: 280/400 = 70 %; mutu 6/10 = 60 %             -> 0.8 x 70 + 0.2 x 60 = 56 + 12 = 68
    "1.01.01": per_kecamatan((120, 95, 40, 60, 85), (90, 70, 25, 40, 55), (2,) * 5, (2, 1, 1, 1, 1)),
    # Pendidikan dasar: 3400/4000 = 85 %; 8/10 = 80 %   -> 68 + 16 = 84
    "1.01.02": [row(4000, 3400, 10, 8, 2_500_000_000, 1_400_000_000)],
    # Ibu hamil: 210/300 = 70 %; 14/20 = 70 %            -> 56 + 14 = 70
    "1.02.01": per_kecamatan((80, 75, 30, 45, 70), (60, 55, 20, 30, 45), (4,) * 5, (3, 3, 2, 3, 3)),
    # Balita: 1500/3000 = 50 %; 10/20 = 50 %             -> 40 + 10 = 50
    "1.02.04": [row(3000, 1500, 20, 10)],
    # Usia lanjut: 400/2000 = 20 %; 6/25 = 24 %          -> 16 + 4,8 = 20,8
    "1.02.07": [row(2000, 400, 25, 6)],
    # Hipertensi: 2601/5000 = 52,02 %; 12/20 = 60 %      -> 41,616 + 12 = 53,616
    "1.02.08": [row(5000, 2601, 20, 12)],
    # Air minum: 4800/10000 = 48 %; no mutu required     -> 48 (renormalized)
    "1.03.01": [row(10_000, 4800, 0, 0, 3_000_000_000, 2_900_000_000)],
    # Rumah korban bencana: no disaster this year        -> no data, not in the mean
    "1.04.01": [row(0, 0, 0, 0)],
    # Trantibum: 15120/25000 = 60,48 %; 2/5 = 40 %       -> 48,384 + 8 = 56,384
    "1.05.01": [row(25_000, 15_120, 5, 2)],
    # Disabilitas terlantar: 32/40 = 80 %; 4/5 = 80 %    -> 64 + 16 = 80
    "1.06.01": [row(40, 32, 5, 4)],
    # Anak terlantar: 55/50 = 110 % (capped); 3/5 = 60 % -> 80 + 12 = 92, flagged
    "1.06.02": [row(50, 55, 5, 3)],
}
# Index = (68 + 84 + 70 + 50 + 20,8 + 53,616 + 48 + 56,384 + 80 + 92) / 10 = 622,8 / 10 = 62,28


def test_mahakam_ulu_quarter_reproduces_62_28():
    result = score_district(CATALOG, MAHAKAM_ULU_2024_Q3)
    scores = {s.service_code: s.score for s in result.services if s.has_data}
    assert scores == pytest.approx(
        {
            "1.01.01": 68.0,
            "1.01.02": 84.0,
            "1.02.01": 70.0,
            "1.02.04": 50.0,
            "1.02.07": 20.8,
            "1.02.08": 53.616,
            "1.03.01": 48.0,
            "1.05.01": 56.384,
            "1.06.01": 80.0,
            "1.06.02": 92.0,
        }
    )
    assert result.index == pytest.approx(62.28, abs=1e-9)
    assert format_percent(result.index) == "62,28 %"
    assert result.band.label == "Tuntas Muda"
    assert [s.service_code for s in result.services if s.over_target] == ["1.06.02"]
    by_code = {s.service_code: s for s in result.services}
    assert by_code["1.06.02"].recipients_pct == pytest.approx(110.0)
    assert by_code["1.01.02"].budget_pct == pytest.approx(56.0)  # 1,4 / 2,5 milyar
    fields = {f.field_code: f.score for f in result.fields}
    assert fields == pytest.approx(
        {
            "1.01": 76.0,  # (68 + 84) / 2
            "1.02": 48.604,  # (70 + 50 + 20,8 + 53,616) / 4 = 194,416 / 4
            "1.03": 48.0,
            "1.04": None,
            "1.05": 56.384,
            "1.06": 86.0,  # (80 + 92) / 2
        }
    )


def test_mahakam_ulu_quarter_by_fields_gives_another_figure():
    # (76 + 48,604 + 48 + 56,384 + 86) / 5 = 314,988 / 5 = 62,9976
    result = score_district(with_rules(aggregation="mean_of_fields"), MAHAKAM_ULU_2024_Q3)
    assert result.index == pytest.approx(62.9976)
    assert format_percent(result.index) == "63,00 %"
    assert result.band.label == "Tuntas Muda"


# --- properties ---------------------------------------------------------------------------------

FIGURE = st.one_of(st.none(), st.integers(0, 20), st.integers(0, 10**18))
ROW = st.builds(
    AreaFigures,
    area_code=st.sampled_from(KECAMATAN),
    target=FIGURE,
    served=FIGURE,
    quality_required=FIGURE,
    quality_met=FIGURE,
    budget=FIGURE,
    spent=FIGURE,
)
ROWS = st.lists(ROW, max_size=6)
WEIGHT = st.one_of(st.sampled_from([0.0, 0.2, 0.8, 1.0]), st.floats(0, 1))
RULES_ST = st.builds(
    ScoringRules,
    recipients_weight=WEIGHT,
    quality_weight=WEIGHT,
    cap_percent=st.sampled_from([100.0, 80.0, 150.0]),
    missing_component=st.sampled_from(["renormalize", "zero"]),
    aggregation=st.sampled_from(["mean_of_services", "mean_of_fields"]),
    bands=st.just(RULES.bands),
).filter(lambda r: r.recipients_weight + r.quality_weight > 0)
SERVICE_CODES = [s.code for s in CATALOG.services]
ROWS_BY_SERVICE = st.dictionaries(st.sampled_from(SERVICE_CODES), ROWS, max_size=10)


def in_range(value: float | None) -> bool:
    return value is None or (not math.isnan(value) and 0.0 <= value <= 100.0)


@settings(deadline=None)
@given(rows_by_service=ROWS_BY_SERVICE, rules=RULES_ST)
def test_every_score_is_a_percentage_or_none(rows_by_service, rules):
    result = score_district(dataclasses.replace(CATALOG, scoring=rules), rows_by_service)
    assert all(in_range(s.score) for s in result.services)
    assert all(in_range(f.score) for f in result.fields)
    assert in_range(result.index)
    assert (result.band is None) is (result.index is None)
    for s in result.services:
        assert s.score is None or s.recipients_pct is not None or s.quality_pct is not None


@settings(deadline=None)
@given(rows_by_service=ROWS_BY_SERVICE, rules=RULES_ST)
def test_index_lies_between_the_lowest_and_highest_service_score(rows_by_service, rules):
    result = score_district(dataclasses.replace(CATALOG, scoring=rules), rows_by_service)
    scores = [s.score for s in result.services if s.score is not None]
    if not scores:
        assert result.index is None
        return
    assert min(scores) - 1e-9 <= result.index <= max(scores) + 1e-9


@settings(deadline=None)
@given(rows_by_service=ROWS_BY_SERVICE)
def test_band_agrees_with_the_index_as_shown(rows_by_service):
    result = score_district(CATALOG, rows_by_service)
    if result.index is not None:
        shown = float(format_percent(result.index).removesuffix(" %").replace(".", "").replace(",", "."))
        assert result.band == RULES.band_for(shown)


@given(rows=ROWS, rules=RULES_ST, data=st.data())
def test_score_never_falls_when_more_are_served(rows, rules, data):
    if not rows:
        rows = [AreaFigures("64.11")]
    i = data.draw(st.integers(0, len(rows) - 1), label="area")
    extra = data.draw(st.integers(0, 10**12), label="extra served")
    bumped = list(rows)
    bumped[i] = dataclasses.replace(rows[i], served=(rows[i].served or 0) + extra)
    before = score_service("1.02.01", rows, rules).score
    after = score_service("1.02.01", bumped, rules).score
    assert (before is None) is (after is None)
    if before is not None:
        assert after >= before


@st.composite
def quality_rows(draw):
    """Rows whose quality met never exceeds what is required (what validation lets through)."""
    rows = []
    for _ in range(draw(st.integers(1, 5))):
        required = draw(st.one_of(st.none(), st.integers(0, 30), st.integers(0, 10**15)))
        met = None if required is None else draw(st.one_of(st.none(), st.integers(0, required)))
        rows.append(
            AreaFigures(draw(st.sampled_from(KECAMATAN)), draw(FIGURE), draw(FIGURE), required, met, None, None)
        )
    return rows


@given(rows=quality_rows(), rules=RULES_ST, data=st.data())
def test_score_never_falls_when_more_quality_is_met(rows, rules, data):
    i = data.draw(st.integers(0, len(rows) - 1), label="area")
    required = rows[i].quality_required or 0
    met = data.draw(st.integers(rows[i].quality_met or 0, required), label="met") if required else rows[i].quality_met
    bumped = list(rows)
    bumped[i] = dataclasses.replace(rows[i], quality_met=met)
    before = score_service("1.02.01", rows, rules).score
    after = score_service("1.02.01", bumped, rules).score
    assert (before is None) is (after is None)
    if before is not None:
        assert after >= before


@given(rows=ROWS, rules=RULES_ST, data=st.data())
def test_order_of_areas_does_not_matter(rows, rules, data):
    shuffled = data.draw(st.permutations(rows), label="order")
    a = score_service("1.02.01", rows, rules)
    b = score_service("1.02.01", shuffled, rules)
    assert (a.score, a.recipients_pct, a.quality_pct, a.budget_pct, a.over_target, a.totals) == (
        b.score,
        b.recipients_pct,
        b.quality_pct,
        b.budget_pct,
        b.over_target,
        b.totals,
    )


@settings(deadline=None)
@given(
    rows_by_service=ROWS_BY_SERVICE,
    rules=RULES_ST,
    services=st.none() | st.sets(st.sampled_from(SERVICE_CODES), max_size=12),
)
def test_scoring_the_sums_is_scoring_the_rows(rows_by_service, rules, services):
    """What a store that keeps each report's sums (and whether a row is over its target) scores from them
    is, to the bit, what scoring the rows gives; a service without a report scores as one without rows."""
    catalog = dataclasses.replace(CATALOG, scoring=rules)
    sums = {code: (Totals.of(rows), over_target(rows)) for code, rows in rows_by_service.items()}
    from_rows = score_district(catalog, rows_by_service, services)
    from_sums = score_district_totals(catalog, sums, services)
    assert from_sums == from_rows
    assert repr(from_sums) == repr(from_rows)  # floats to the last bit
    for code, rows in rows_by_service.items():
        assert repr(score_service_totals(code, *sums[code], rules)) == repr(score_service(code, rows, rules))
