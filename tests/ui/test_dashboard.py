"""The Dasbor tab shows the domain's scoring as charts, opens a service's grid from its bar, and exports."""

from __future__ import annotations

from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_percent
from desktop.domain.periods import Period
from desktop.domain.scoring import score_district
from desktop.storage.reports import CellEdit, ReportKey
from desktop.ui.dashboard_view import DashboardView
from desktop.ui.main_window import DASHBOARD_TAB, ENTRY_TAB
from tests.reports.helpers import fonts, page_count, pdf_text, squeezed
from tests.storage.helpers import raw_connect
from tests.ui.helpers import AREAS, go_to, open_window, type_value


def prepare(store, key):
    """84 (1.02.01), 50 (1.02.02), 90 (1.02.03, 120 % capped), targets of 0 (1.02.04); index 74,67; last year 40."""
    office = key.office_id

    def edits(service, rows, period=key.period):
        store.reports.set_values(
            ReportKey(office, service, period),
            [CellEdit(area, column, value) for area, values in rows.items() for column, value in values.items()],
        )

    edits("1.02.01", {AREAS[0]: {"target": 100, "served": 80, "quality_required": 4, "quality_met": 4}})
    edits("1.02.02", {AREAS[0]: {"target": 60, "served": 20}, AREAS[1]: {"target": 40, "served": 30}})
    edits("1.02.03", {AREAS[2]: {"target": 50, "served": 60, "quality_required": 2, "quality_met": 1}})
    edits("1.02.04", {area: {"target": 0} for area in AREAS})
    edits("1.02.01", {AREAS[0]: {"target": 100, "served": 40}}, Period(key.period.year - 1, key.period.quarter))


@pytest.fixture
def view(qtbot, store, key):
    prepare(store, key)
    widget = DashboardView(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    widget.show_period(key.period)
    return widget


def expected_scores(store, key):
    office = store.require_installation().office
    return score_district(load_catalog(), store.reports.rows_by_service(key.office_id, key.period), office.services)


def test_the_figures_shown_are_the_domains_scores(view, store, key):
    expected = expected_scores(store, key)
    assert view.index_label.text() == format_percent(expected.index) == "74,67 %"
    assert view.band_label.text() == expected.band.label == "Tuntas Pratama"
    shown = view.services_chart.values()
    catalog = load_catalog()
    from desktop.domain.dashboard import service_label

    for service in expected.services:
        label = service_label(catalog, catalog.service(service.service_code))
        assert shown[label] == (pytest.approx(service.score) if service.has_data else None), label
    # Sorted from the lowest; the texts beside the bars in Indonesian format; no data and targets of 0 say so.
    texts = view.services_chart.value_texts()
    assert texts[:3] == ["50,00 %", "84,00 %", "90,00 %"]
    assert view.services_chart.name_texts()[:3] == [
        "1.02.02 Ibu bersalin",
        "1.02.01 Ibu hamil",
        "1.02.03 Bayi baru lahir",
    ]
    names = view.services_chart.name_texts()
    assert texts[names.index("1.02.04 Balita")] == "tidak berlaku (sasaran 0)"
    assert texts[names.index("1.02.05 Pada usia pendidikan dasar")] == "belum ada data"
    assert list(view.fields_chart.values().values()) == [pytest.approx(expected.fields[0].score)]
    # The 100 % target line.
    assert {p.x() for p in view.services_chart.target_line.points()} == {100.0}


def test_trend_and_last_year(view):
    assert view.trend_chart.points(2024) == [(2.0, pytest.approx(224 / 3))]
    assert view.trend_chart.points(2023) == [(2.0, 40.0)]
    assert view.compare_label.text() == "Triwulan III 2023: 40,00 % — naik 34,67 poin"
    assert "74,67 %" in view.trend_chart.labels.texts()


def test_kecamatan_for_a_chosen_service(view, store):
    view.show_area_service("1.02.02")
    names = {a.code: a.name for a in store.areas.list(3)}
    assert view.areas_chart.values() == {
        names[AREAS[0]]: pytest.approx(100 * 20 / 60),
        names[AREAS[1]]: 75.0,
        names[AREAS[2]]: None,
        names[AREAS[3]]: None,
        names[AREAS[4]]: None,
    }
    view.show_area_service("1.02.04")
    assert set(view.areas_chart.value_texts()) == {"tidak berlaku (sasaran 0)"}


def test_completeness_reads_the_status_column(qtbot, store, key, data_dir):
    prepare(store, key)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute("UPDATE reports SET status = 'approved' WHERE service_code = '1.02.04'")
    view = DashboardView(store)
    qtbot.addWidget(view)
    view.show_period(key.period)
    rows = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in (1, 2, 3)] for r in range(12)}
    assert rows["1.02.04 Balita"] == ["✓", "✗", "Disetujui"]
    assert rows["1.02.02 Ibu bersalin"] == ["✗", "✗", "Draf"]
    assert rows["1.02.06 Pada usia produktif"] == ["✗", "✗", "Belum ada"]
    assert "Laporan berdata dukung" in view.coverage_chart.name_texts()
    assert view.coverage_chart.value_texts()[4] == "1/12 (8,33 %)"  # sent on: 1.02.04


def test_clicking_a_bar_opens_that_services_grid(qtbot, store, key):
    prepare(store, key)
    window = open_window(qtbot, store, key)
    assert window.dashboard.view is None  # QtCharts waits until the tab is first shown
    window.tabs.setCurrentIndex(DASHBOARD_TAB)
    chart = window.dashboard.view.services_chart
    window.dashboard.view.scroll.ensureWidgetVisible(chart)
    qtbot.waitUntil(chart.isVisible)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre("1.02.03"))
    assert window.tabs.currentIndex() == ENTRY_TAB
    assert window.model.key == ReportKey(key.office_id, "1.02.03", key.period)
    assert window.tree.current_service() == "1.02.03"


def test_follows_edits_and_the_period(qtbot, store, key):
    prepare(store, key)
    window = open_window(qtbot, store, key)
    window.tabs.setCurrentIndex(DASHBOARD_TAB)
    assert window.dashboard.view.index_label.text() == "74,67 %"
    window.tabs.setCurrentIndex(ENTRY_TAB)
    go_to(window, AREAS[0], "served")
    type_value(qtbot, window, "100")  # 1.02.01 scores 100: (100 + 50 + 90) / 3 = 80
    qtbot.waitUntil(lambda: window.model.service_score().score == 100)
    window.tabs.setCurrentIndex(DASHBOARD_TAB)
    assert window.dashboard.view.index_label.text() == "80,00 %"
    window.period_bar.set_period(Period(2023, 3))
    assert window.dashboard.view.index_label.text() == "40,00 %"
    assert window.dashboard.view.compare_label.text() == "Triwulan III 2022: belum ada data untuk dibandingkan"


def test_png_of_a_chart(view, tmp_path, monkeypatch):
    from desktop.ui import dashboard_view

    target = tmp_path / "grafik"
    monkeypatch.setattr(dashboard_view, "ask_save_path", lambda *args: str(target))
    written = view.export_png("services")
    assert written == tmp_path / "grafik.png"
    image = QImage(str(written))
    assert image.width() == 2 * view.services_chart.width()
    assert not list(tmp_path.glob(".*.tmp"))


def test_one_page_pdf_with_embedded_fonts(view, tmp_path):
    written = view.export_pdf(path=tmp_path / "dasbor.pdf")
    assert page_count(written) == 1
    text = squeezed(pdf_text(written))
    assert "74,67 %" in text and "Tuntas Pratama" in text
    assert "Triwulan III 2024" in text and "naik 34,67 poin" in text
    assert "50,00 %" in text and "tidak berlaku (sasaran 0)" in text
    used = fonts(written)
    assert used and all(embedded for _, embedded in used)
    assert {name.split("+")[-1] for name, _ in used} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_a_folder_that_cannot_be_written_is_said_plainly(view, tmp_path, monkeypatch):
    from desktop.ui import app as app_module

    shown = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, text: shown.append(text))
    assert view.export_pdf(path=tmp_path / "missing" / "dasbor.pdf") is None
    assert shown and "missing" in shown[0]
    assert not (tmp_path / "missing").exists()
