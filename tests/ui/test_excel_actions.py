"""Berkas → Buat templat Excel…, Impor dari Excel…, Ekspor rekap e-SPM…, driven as an operator does,
with the file dialogs and questions answered by the test."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.reports.excel_common import HEADER_ROW
from desktop.reports.excel_problems import Problem
from desktop.ui import app as app_module
from desktop.ui import excel_dialogs, import_errors_dialog
from desktop.ui.excel_actions import ExcelActions
from desktop.ui.import_errors_dialog import ImportErrorsDialog
from tests.conftest import PERIOD
from tests.reports.excel_helpers import snapshot
from tests.ui.helpers import cell, open_window

R = HEADER_ROW + 1
WAIT = 30_000


@pytest.fixture
def window(qtbot, store, key):
    return open_window(qtbot, store, key)


@pytest.fixture
def actions(window):
    found = window.findChild(ExcelActions)
    assert found is not None
    return found


@pytest.fixture
def answers(monkeypatch):
    """Records the questions asked; the test sets the answers."""
    asked: dict[str, list] = {"confirm": [], "errors": [], "failed": [], "info": []}
    monkeypatch.setattr(excel_dialogs, "confirm_import", lambda parent, text: asked["confirm"].append(text) or True)
    monkeypatch.setattr(
        excel_dialogs, "show_errors", lambda parent, problems, source, truncated: asked["errors"].append(problems)
    )
    monkeypatch.setattr(excel_dialogs, "inform", lambda parent, text: asked["info"].append(text))
    monkeypatch.setattr(app_module, "show_error", lambda parent, text: asked["failed"].append(text))
    return asked


def idle(actions) -> bool:
    return all(a.isEnabled() for a in actions.actions())


def make_template(qtbot, window, actions, path, monkeypatch):
    monkeypatch.setattr(excel_dialogs, "save_path", lambda parent, title, suggested: str(path))
    actions.template_action.trigger()
    qtbot.waitUntil(lambda: idle(actions) and path.exists(), timeout=WAIT)


def import_file(qtbot, actions, path, monkeypatch, answers, until):
    monkeypatch.setattr(excel_dialogs, "open_path", lambda parent, folder: str(path))
    actions.import_action.trigger()
    qtbot.waitUntil(lambda: idle(actions) and bool(until()), timeout=WAIT)


def test_the_actions_are_in_the_berkas_menu(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert {"Buat templat Excel…", "Impor dari Excel…", "Ekspor rekap e-SPM…"} <= set(texts)
    assert texts[-1] == "Keluar"


def test_template_filled_and_imported_shows_in_the_grid(
    qtbot, window, actions, store, key, tmp_path, monkeypatch, answers
):
    window.select(key.service_code, PERIOD)
    template = tmp_path / "templat.xlsx"
    make_template(qtbot, window, actions, template, monkeypatch)
    workbook = openpyxl.load_workbook(template)
    assert workbook["1.02.01"]["A1"].value.startswith("1.02.01")
    sheet = workbook["1.02.01"]
    sheet[f"C{R}"], sheet[f"D{R}"] = 212, 131
    sheet[f"C{R + 1}"], sheet[f"D{R + 1}"] = 360, 212
    workbook["1.02.03"][f"C{R}"] = 90
    filled = tmp_path / "terisi.xlsx"
    workbook.save(filled)

    import_file(qtbot, actions, filled, monkeypatch, answers, lambda: answers["confirm"])
    assert not answers["failed"] and not answers["errors"]
    text = answers["confirm"][0]
    assert "5 sel di 2 laporan, Triwulan III 2024" in text and "1.02.01 Pelayanan kesehatan ibu hamil: 4 sel" in text
    model = window.model
    assert model.data(cell(window, "64.11.01", "target")) == "212"
    assert model.data(cell(window, "64.11.02", "served")) == "212"
    assert store.reports.get(key).totals().served == 343
    assert "Diimpor dari terisi.xlsx: 5 sel di 2 laporan." in window.statusBar().currentMessage()


def test_a_refused_workbook_shows_the_list_and_applies_nothing(
    qtbot, window, actions, store, tmp_path, monkeypatch, answers
):
    template = tmp_path / "templat.xlsx"
    make_template(qtbot, window, actions, template, monkeypatch)
    workbook = openpyxl.load_workbook(template)
    workbook["1.02.01"][f"C{R}"] = "dua ratus"
    workbook["1.02.02"][f"C{R}"] = 50  # a good cell is not applied either
    workbook.save(tmp_path / "salah.xlsx")
    before = snapshot(store)
    import_file(qtbot, actions, tmp_path / "salah.xlsx", monkeypatch, answers, lambda: answers["errors"])
    (problems,) = answers["errors"]
    assert [(p.sheet, p.row, p.column) for p in problems] == [("1.02.01", R, "C")]
    assert not answers["confirm"] and snapshot(store) == before


def test_a_plain_sheet_asks_its_service_and_period(qtbot, window, actions, store, key, tmp_path, monkeypatch, answers):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Kecamatan", "Sasaran", "Terlayani"])
    workbook.active.append(["Long Bagun", 40, 20])
    workbook.save(tmp_path / "biasa.xlsx")
    asked = []

    def ask(parent, name, services, service, period):
        asked.append((name, [s.code for s in services], service, period))
        return "1.02.01", PERIOD

    monkeypatch.setattr(excel_dialogs, "ask_target", ask)
    import_file(qtbot, actions, tmp_path / "biasa.xlsx", monkeypatch, answers, lambda: answers["confirm"])
    assert asked[0][0] == "biasa.xlsx" and len(asked[0][1]) == 12
    assert store.reports.get(key).row("64.11.01").served == 20
    assert window.period() == PERIOD and window.model.data(cell(window, "64.11.01", "served")) == "20"


def test_a_file_that_is_no_workbook_says_why(qtbot, actions, tmp_path, monkeypatch, answers):
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("bukan excel")
    import_file(qtbot, actions, bad, monkeypatch, answers, lambda: answers["failed"])
    assert answers["failed"] == ["bukan.xlsx bukan buku kerja Excel (.xlsx)."]


def test_export_rekap_writes_the_workbook(qtbot, window, actions, tmp_path, monkeypatch):
    path = tmp_path / "rekap.xlsx"
    monkeypatch.setattr(excel_dialogs, "save_path", lambda parent, title, suggested: str(path))
    actions.rekap_action.trigger()
    qtbot.waitUntil(lambda: idle(actions) and path.exists(), timeout=WAIT)
    assert openpyxl.load_workbook(path).sheetnames == ["Rekap"]
    assert actions.last_path == path


def test_the_errors_dialog_lists_and_saves(qtbot, qtmodeltester, tmp_path, monkeypatch):
    from desktop.domain.messages import Message
    from desktop.reports.excel_sheets import FORMULA

    problems = [
        Problem("1.02.01", 7, "C", Message(FORMULA, {}), "Sasaran"),
        Problem("1.02.02", None, None, Message(FORMULA, {})),
    ]
    dialog = ImportErrorsDialog(problems, tmp_path / "salah.xlsx")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Lembar",
        "Baris",
        "Kolom",
        "Alasan",
    ]
    assert dialog.model.data(dialog.model.index(0, 2)) == "C (Sasaran)"
    assert "2 masalah ditemukan di salah.xlsx" in dialog.summary.text()
    target = tmp_path / "daftar.csv"
    monkeypatch.setattr(import_errors_dialog, "choose_list_path", lambda parent, suggested: str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_to == target and target.read_text(encoding="utf-8-sig").startswith("Lembar,Baris,Kolom,Alasan")
    assert str(target) in dialog.status.text()


def _answer_dialog(qtbot, button_text: str):
    """Presses a button of the next modal dialog once it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication

    def press():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, press)
            return
        button = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == button_text)
        button.click()

    QTimer.singleShot(0, press)


def test_the_plain_sheet_question_returns_the_choice(qtbot, window):
    from desktop.domain.catalog import load_catalog

    services = load_catalog().services_for(["1.02"])
    _answer_dialog(qtbot, "Lanjut")
    assert excel_dialogs.ask_target(window, "biasa.xlsx", services, "1.02.03", PERIOD) == ("1.02.03", PERIOD)
    _answer_dialog(qtbot, "Batal")
    assert excel_dialogs.ask_target(window, "biasa.xlsx", services, None, PERIOD) is None


def test_the_confirmation_applies_only_when_asked(qtbot, window):
    _answer_dialog(qtbot, "Simpan angkanya")
    assert excel_dialogs.confirm_import(window, "Impor?") is True
    _answer_dialog(qtbot, "Batal")
    assert excel_dialogs.confirm_import(window, "Impor?") is False
