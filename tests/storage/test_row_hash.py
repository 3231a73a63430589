"""row_hash.content_hash gives Report.content_hash() of the same rows, whatever they hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report, ReportStatus
from desktop.storage.reports import FigureRow, StoredReport
from desktop.storage.row_hash import content_hash

# Texts with the characters JSON escapes or keeps as they are, and ones that look like our own keys.
TEXT = st.one_of(
    st.just(""),
    st.sampled_from(['"budget":None', '\\":None,', "Akses jalan\nterputus", "≥ 100 — ü", "\x00\x1f\x7f\u2028"]),
    st.text(max_size=30),
)
FIGURE = st.one_of(st.none(), st.integers(min_value=0, max_value=10**18))
ROW = st.builds(
    lambda code, figures, texts: FigureRow(code, *figures, *texts),
    st.text(min_size=1, max_size=14),
    st.tuples(*[FIGURE] * len(FIGURES)),
    st.tuples(*[TEXT] * len(TEXTS)),
)


def report_of(stored: StoredReport, office: str, period: Period) -> Report:
    rows = tuple(AreaFigures(*row) for row in stored.rows)
    return Report(
        office, stored.service_code, period, stored.catalog_version, ReportStatus(stored.status), stored.revision, rows
    )


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(ROW, max_size=8, unique_by=lambda r: r.area_code),
    office=st.text(max_size=40),
    service=st.text(min_size=1, max_size=10),
    catalog=st.text(max_size=10),
)
def test_the_fast_hash_is_the_reports_content_hash(rows, office, service, catalog):
    period = Period(2024, 3)
    stored = StoredReport(service, "draft", 2, catalog, rows)
    expected = report_of(stored, office, period).content_hash()
    assert content_hash(office, period, stored, canonical=True) == expected
    assert content_hash(office, period, stored, canonical=False) == expected


def test_values_of_other_types_are_hashed_by_the_report_itself():
    period = Period(2024, 1)
    rows = [FigureRow("64.11.01", 5.5, "7", None, None, None, None, "", "", "")]
    stored = StoredReport("1.02.01", "draft", 0, "2024.1", rows)
    assert content_hash("office", period, stored, canonical=False) == report_of(stored, "office", period).content_hash()


def test_a_rekap_of_a_hand_edited_database_carries_the_same_hash(store, key):
    from desktop.reports.pdf_rekap import collect_rekap
    from desktop.reports.qr_payload import rekap_hash
    from desktop.storage.reports import CellEdit

    store.reports.set_values(key, [CellEdit("64.11.01", "target", 10), CellEdit("64.11.02", "problems", "banjir")])
    assert store.database.scalar("SELECT count(content_hash) FROM report_cache") == 1  # hashed as written
    canonical = collect_rekap(store, key.period).reports_hash
    assert canonical == rekap_hash([store.reports.get(key)])
    with store.database.write() as conn:  # as a hand edit might leave it: SQLite keeps 12.5 as a real
        conn.execute("UPDATE report_rows SET target = 12.5 WHERE area_code = '64.11.01'")
    assert store.database.scalar("SELECT count(*) FROM report_cache") == 0  # read and hashed from the rows
    assert collect_rekap(store, key.period).reports_hash == rekap_hash([store.reports.get(key)]) != canonical
