"""The Ringkasan tab shows the domain's scoring of the stored figures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_decimal, format_percent
from desktop.domain.scoring import score_district
from desktop.storage.reports import CellEdit, ReportKey
from desktop.ui.main_window import SUMMARY_TAB
from desktop.ui.summary_view import SummaryView
from tests.ui.helpers import AREAS, go_to, open_window, type_value


def prepare(store, key):
    """Three services with data: 80 % + full quality, 50 % without quality items, and 120 % (capped)."""
    office = key.office_id

    def edits(service, rows):
        store.reports.set_values(
            ReportKey(office, service, key.period),
            [CellEdit(area, column, value) for area, values in rows.items() for column, value in values.items()],
        )

    edits("1.02.01", {AREAS[0]: {"target": 100, "served": 80, "quality_required": 4, "quality_met": 4}})
    edits("1.02.02", {AREAS[0]: {"target": 60, "served": 20}, AREAS[1]: {"target": 40, "served": 30}})
    edits("1.02.03", {AREAS[2]: {"target": 50, "served": 60, "quality_required": 2, "quality_met": 1}})
    edits("1.02.04", {AREAS[2]: {"budget": 1_000_000, "spent": 250_000}})  # money only: not scored


def row_texts(view: SummaryView, code_or_name: str) -> list[str]:
    table = view.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text().startswith(code_or_name):
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"no row for {code_or_name}")


@pytest.fixture
def view(qtbot, store, key):
    prepare(store, key)
    widget = SummaryView(store)
    qtbot.addWidget(widget)
    widget.set_period(key.period)
    widget.show()
    return widget


def test_summary_shows_the_domain_scores(view, store, key):
    catalog = load_catalog()
    rows = store.reports.rows_by_service(key.office_id, key.period)
    expected = score_district(catalog, rows, store.installation.office.services)
    # 1.02.01: 0.8 x 80 + 0.2 x 100 = 84; 1.02.02: 50 (recipients only); 1.02.03: 0.8 x 100 + 0.2 x 50 = 90.
    assert [round(s.score, 2) for s in expected.services if s.has_data] == [84.0, 50.0, 90.0]
    assert view.index_label.text() == format_percent(expected.index) == "74,67 %"
    assert view.band_label.text() == expected.band.label == "Tuntas Pratama"
    assert row_texts(view, "1.02.01")[1:] == ["100", "80", "80,00 %", "100,00 %", "—", "84,00"]
    assert row_texts(view, "1.02.02")[1:] == ["100", "50", "50,00 %", "—", "—", "50,00"]
    assert row_texts(view, "1.02.03")[3] == "120,00 %"  # shown uncapped, scored capped
    assert row_texts(view, "1.02.03")[6] == "90,00"
    assert row_texts(view, "1.02.04")[5:] == ["25,00 %", "—"]
    assert row_texts(view, "1.02.05")[1:] == ["—"] * 6
    field = row_texts(view, "Kesehatan")
    assert field[6] == format_decimal(expected.fields[0].score)
    assert view.table.item(0, 0).font().bold()


def test_summary_follows_edits_in_the_grid(qtbot, store, key):
    prepare(store, key)
    window = open_window(qtbot, store, key)
    window.tabs.setCurrentIndex(SUMMARY_TAB)
    assert window.summary.index_label.text() == "74,67 %"
    window.tabs.setCurrentIndex(0)
    go_to(window, AREAS[0], "served")
    type_value(qtbot, window, "100")  # 1.02.01 now scores 100: (100 + 50 + 90) / 3 = 80
    qtbot.waitUntil(lambda: window.model.service_score().score == 100)
    window.tabs.setCurrentIndex(SUMMARY_TAB)
    assert window.summary.index_label.text() == "80,00 %"
    assert window.summary.band_label.text() == "Tuntas Madya"
    assert window.tree._items["1.02.01"].text(1) == "100,00"


def test_empty_period_says_there_is_no_data(qtbot, store, key):
    view = SummaryView(store)
    qtbot.addWidget(view)
    view.set_period(key.period)
    view.show()
    assert view.index_label.text() == "—"
    assert view.band_label.text() == "Belum ada data"
    assert view.table.item(1, 6).text() == "—"
    assert view.table.item(1, 6).textAlignment() & Qt.AlignmentFlag.AlignRight
