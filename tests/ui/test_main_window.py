"""The main window: services, period, save state, evidence area, settings, start-up."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox

from desktop.domain.periods import Period
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from desktop.ui import app as app_module
from desktop.ui import i18n
from desktop.ui.app import create_main_window, run_app
from desktop.ui.report_columns import COLUMN_INDEX
from tests.ui.helpers import AREAS, cell, go_to, open_window, stored, type_value


@pytest.fixture
def window(qtbot, store, key):
    return open_window(qtbot, store, key)


def test_window_shows_the_office_its_services_and_the_last_closed_quarter(qtbot, store):
    window = create_main_window(store)
    qtbot.addWidget(window)
    assert window.period() == Period.last_closed(date.today())
    assert len(window.tree.services()) == 12
    assert window.tree.current_service() == "1.02.01"
    status = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "Dinas Kesehatan" in status and "Mahakam Ulu" in status
    assert "Pelayanan kesehatan ibu hamil" in window.header.title.text()
    assert "Ibu hamil di wilayah kerja" in window.header.recipient.text()
    assert "Draf" in window.header.status.text()
    assert [window.tabs.tabText(i).replace("&", "") for i in range(2)] == ["Isian", "Ringkasan"]
    # Five kecamatan, the kabupaten-wide row, the totals row.
    assert window.model.rowCount() == 7
    last = window.model.headerData(5, Qt.Orientation.Vertical)
    assert last.startswith("Tingkat kabupaten")
    assert window.model.headerData(6, Qt.Orientation.Vertical) == "Jumlah"


def test_context_follows_service_period_and_row(qtbot, window, store, key):
    with qtbot.waitSignal(window.contextChanged) as signal:
        go_to(window, AREAS[2], "target")
    assert signal.args[0] == key and signal.args[1] == AREAS[2] and signal.args[2] == "Laham"
    with qtbot.waitSignal(window.contextChanged) as signal:
        window.tree.select_service("1.02.04")
    assert signal.args[0] == ReportKey(key.office_id, "1.02.04", key.period)
    with qtbot.waitSignal(window.contextChanged) as signal:
        window.period_bar.quarter.setCurrentIndex(1)
    assert signal.args[0] == ReportKey(key.office_id, "1.02.04", Period(key.period.year, 2))
    with qtbot.waitSignal(window.contextChanged) as signal:
        window.grid.setCurrentIndex(window.model.index(window.model.totals_row(), COLUMN_INDEX["target"]))
    assert signal.args[1] is None  # the Jumlah row: the report as a whole


def test_evidence_panel_goes_into_the_data_dukung_area(qtbot, window, store, key, tmp_path):
    panel = QLabel("panel")
    window.set_evidence_panel(panel)
    assert window.evidence_dock.widget() is panel
    assert window.evidence_dock.windowTitle() == "Data dukung"
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%test\n")
    store.evidence.add(key, AREAS[1], [pdf])
    window.refresh_evidence_counts()
    assert cell(window, AREAS[1], "evidence").data() == "1"
    assert window.model.index(window.model.totals_row(), COLUMN_INDEX["evidence"]).data() == "1"


def test_everything_typed_is_there_after_reopening(qtbot, store, key, data_dir):
    window = open_window(qtbot, store, key)
    go_to(window, AREAS[0], "target")
    type_value(qtbot, window, "500", end=Qt.Key.Key_Tab)
    type_value(qtbot, window, "450")
    go_to(window, AREAS[0], "problems")
    type_value(qtbot, window, "Jalan putus saat banjir")
    qtbot.waitUntil(lambda: stored(store, key, AREAS[0], "problems") == "Jalan putus saat banjir")
    window.resize(760, 560)  # within the offscreen screen, which restoreGeometry keeps to
    window.close()
    store.close()

    with Store.open(data_dir) as reopened:
        again = create_main_window(reopened)
        qtbot.addWidget(again)
        again.select(key.service_code, key.period)
        assert cell(again, AREAS[0], "target").data() == "500"
        assert cell(again, AREAS[0], "served").data() == "450"
        assert cell(again, AREAS[0], "problems").data() == "Jalan putus saat banjir"
        assert reopened.reports.get(key).row(AREAS[0]).served == 450
        assert (again.width(), again.height()) == (760, 560)  # geometry came back from QSettings
        assert reopened.audit.verify().ok
    # The fixture closes the first store again; closing twice must be harmless.


def test_save_state_and_tree_score_follow_edits(qtbot, window, store, key):
    assert window.save_state.text() == ""
    go_to(window, AREAS[0], "target")
    type_value(qtbot, window, "200", end=Qt.Key.Key_Tab)
    type_value(qtbot, window, "150")
    qtbot.waitUntil(lambda: window.tree._items["1.02.01"].text(1) == "75,00")
    assert window.save_state.text().startswith("Tersimpan pukul ")
    assert "Tuntas Pratama" in window.tree._items["1.02.01"].toolTip(1)


def test_period_change_shows_that_periods_figures(qtbot, window, store, key):
    earlier = ReportKey(key.office_id, key.service_code, Period(key.period.year, 2))
    store.reports.set_values(earlier, [CellEdit(AREAS[0], "target", 77)])
    window.period_bar.set_period(earlier.period)
    assert window.model.key == earlier
    assert cell(window, AREAS[0], "target").data() == "77"


def test_language_choice_is_remembered_for_the_next_start(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    menu = next(m for m in window.findChildren(QMenu) if m.title() == "&Bahasa")
    english = next(a for a in menu.actions() if a.text() == "English")
    english.trigger()
    assert QSettings().value(i18n.LANGUAGE_KEY) == "en"
    assert i18n.current_language() == "en"
    assert "setelah" in shown[0]


def test_indonesian_needs_no_translation_file(qapp):
    assert i18n.install_translator(qapp, "id") is False


def test_missing_english_file_keeps_indonesian(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "resource", tmp_path.joinpath)
    assert i18n.install_translator(qapp, "en") is False


def test_second_instance_is_refused_in_indonesian(store, data_dir, monkeypatch):
    shown = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, text: shown.append(text))
    assert run_app(str(data_dir)) == 1
    assert "sudah terbuka" in shown[0]


def test_cancelled_setup_exits_quietly(data_dir, monkeypatch):
    import desktop.ui.setup_wizard as wizard

    calls = []
    monkeypatch.setattr(wizard, "run_setup", lambda store, parent=None: calls.append(store) or False)
    assert run_app(str(data_dir)) == 0
    assert len(calls) == 1
    with Store.open(data_dir) as again:  # the folder's lock was let go
        assert again.installation is None


def test_run_app_opens_the_window_of_a_set_up_folder(store, data_dir, monkeypatch):
    store.close()
    windows = []

    def create(opened):
        window = create_main_window(opened)
        windows.append(window)
        QTimer.singleShot(0, window.close)
        return window

    monkeypatch.setattr(app_module, "create_main_window", create)
    assert run_app(str(data_dir)) == 0
    assert len(windows) == 1 and "Dinas Kesehatan" in windows[0].windowTitle()
    assert QApplication.instance().applicationName() == "SPM Luring"


def test_the_evidence_panel_follows_the_grid(qtbot, window, store, key, tmp_path, monkeypatch):
    from desktop.ui import evidence_dialogs
    from desktop.ui.evidence_panel import EvidencePanel

    panel = window.evidence_dock.widget()
    assert isinstance(panel, EvidencePanel)
    go_to(window, AREAS[3], "served")
    assert panel.target_area == AREAS[3]
    pdf = tmp_path / "daftar-hadir.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%test\n")
    monkeypatch.setattr(evidence_dialogs, "ask_description", lambda parent, names: "Daftar hadir posyandu")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.attach_files([pdf])  # copied off the GUI thread by the workers helper
    assert cell(window, AREAS[3], "evidence").data() == "1"
    assert [i.original_name for i in store.evidence.list(key, AREAS[3])] == ["daftar-hadir.pdf"]


def test_the_english_window_speaks_english(qtbot, qapp, store, key):
    assert i18n.install_translator(qapp, "en") is True
    try:
        window = create_main_window(store)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "Acc&ount", "&Help"]
        headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert "Target" in headers
        refused = []
        window.model.refused.connect(lambda _index, reason: refused.append(reason))
        window.model.setData(window.model.index(0, headers.index("Target")), "-5", Qt.ItemDataRole.EditRole)
        assert refused == ["Long Bagun: Target cannot be negative (-5)."]  # storage's message, translated
    finally:
        for translator in qapp.findChildren(QTranslator):
            QApplication.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale("id_ID"))
