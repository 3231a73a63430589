"""What the dashboard reads: the stored figures of two years, statuses and evidence, in a few queries."""

from __future__ import annotations

from contextlib import closing

import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.domain.scoring import score_district
from desktop.storage.dashboard import read_dashboard
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import KECAMATAN, PERIOD

from .helpers import pdf_bytes, raw_connect, write_bytes

LAST_YEAR = Period(2023, 3)


def put(store, service, period, rows):
    office = store.require_installation().office.id
    store.reports.set_values(
        ReportKey(office, service, period),
        [CellEdit(area, column, value) for area, values in rows.items() for column, value in values.items()],
    )
    return ReportKey(office, service, period)


def set_status(folder, service, period, status):
    # The review workflow is another module's; the dashboard only reads the column.
    with closing(raw_connect(folder)) as conn:
        conn.execute(
            "UPDATE reports SET status = ? WHERE service_code = ? AND year = ? AND quarter = ?",
            (status, service, period.year, period.quarter),
        )


@pytest.fixture
def prepared(store, data_dir, tmp_path):
    full = {k: {"target": 10, "served": 5} for k in KECAMATAN}
    first = put(store, "1.02.01", PERIOD, full)
    put(store, "1.02.02", PERIOD, {KECAMATAN[0]: {"target": 0}})  # not applicable
    third = put(store, "1.02.03", PERIOD, {KECAMATAN[1]: {"target": 20, "served": 20, "quality_required": 2}})
    put(store, "1.02.01", Period(2024, 1), {KECAMATAN[0]: {"target": 10, "served": 1}})
    put(store, "1.02.01", LAST_YEAR, {KECAMATAN[0]: {"target": 10, "served": 2}})
    put(store, "1.02.01", Period(2022, 3), {KECAMATAN[0]: {"target": 10, "served": 10}})  # too old to read
    evidence = write_bytes(tmp_path / "ba.pdf", pdf_bytes())
    store.evidence.add(first, KECAMATAN[0], [evidence])
    store.evidence.add(first, None, [evidence])
    removed = store.evidence.add(third, KECAMATAN[1], [evidence])[0]
    store.evidence.remove(removed.id, "salah lampir")
    set_status(data_dir, "1.02.01", PERIOD, "submitted")
    return store


def test_reads_what_the_domain_scores(prepared):
    office = prepared.require_installation().office
    source = read_dashboard(prepared.database, office, PERIOD)
    figures = source.dashboard()
    expected = score_district(load_catalog(), prepared.reports.rows_by_service(office.id, PERIOD), office.services)
    assert figures.index == expected.index
    assert {b.code: b.value for b in figures.services} == {s.service_code: s.score for s in expected.services}
    assert source.data.areas == KECAMATAN
    assert set(source.data.rows) == {PERIOD, Period(2024, 1), LAST_YEAR}  # two years, nothing older
    assert figures.previous.index == 20.0
    assert figures.this_year[0].index == 10.0


def test_statuses_and_evidence(prepared):
    office = prepared.require_installation().office
    source = read_dashboard(prepared.database, office, PERIOD)
    reports = source.data.reports
    assert reports["1.02.01"].status is ReportStatus.SUBMITTED
    assert reports["1.02.01"].evidence_areas == {KECAMATAN[0], None}
    assert reports["1.02.03"].evidence_areas == frozenset()  # its only file was taken off
    assert "1.02.04" not in reports
    figures = source.dashboard()
    complete = {c.service_code: c for c in figures.completeness}
    assert complete["1.02.01"].complete
    assert not complete["1.02.03"].has_figures and not complete["1.02.03"].has_evidence
    assert (figures.report_evidence.with_evidence, figures.report_evidence.total) == (1, 3)
    assert (figures.row_evidence.with_evidence, figures.row_evidence.total) == (1, 7)


def test_kecamatan_of_a_service(prepared):
    source = read_dashboard(prepared.database, prepared.require_installation().office, PERIOD)
    bars = source.areas_for("1.02.03")
    assert [b.code for b in bars] == list(KECAMATAN)
    assert [b.value for b in bars] == [None, 100.0, None, None, None]
    assert bars[1].label == prepared.areas.get(KECAMATAN[1]).name


def test_a_few_queries_for_the_whole_year_and_read_only(prepared, data_dir):
    office = prepared.require_installation().office
    prepared.close()
    with Store.open(data_dir, readonly=True) as reader:
        statements = []
        reader.database.conn.set_trace_callback(statements.append)
        before = reader.database.conn.total_changes
        source = read_dashboard(reader.database, office, PERIOD)
        reader.database.conn.set_trace_callback(None)
        assert reader.database.conn.total_changes == before
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3  # rows of two years, the quarter's reports with evidence, the areas
    assert source.dashboard().index is not None
