"""Printing from the window: the Cetak actions, the preview (QtPdf), Simpan PDF…, Cetak… and Penandatangan…."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.reports.pdf_report_form import report_pdf
from desktop.storage.signatories import Signatories, get_signatories, save_signatories
from desktop.ui import app as app_module
from desktop.ui.print_preview import LAST_FOLDER_KEY, PrintPreviewDialog
from desktop.ui.printing_actions import PrintingActions, PrintJob
from desktop.ui.signatories_dialog import SignatoriesDialog
from tests.reports.helpers import fill, page_count, pdf_text, squeezed
from tests.ui.helpers import open_window


@pytest.fixture
def window(qtbot, store, key):
    fill(store, key)
    return open_window(qtbot, store, key)


@pytest.fixture
def printing(window) -> PrintingActions:
    found = window.findChild(PrintingActions, "PrintingActions")
    assert found is not None
    return found


def preview_of(qtbot, printing: PrintingActions, start) -> PrintPreviewDialog:
    """Starts an action and waits for its preview to show the PDF."""
    task = start()
    assert task is not None
    qtbot.waitUntil(lambda: printing.preview is not None and printing.preview.page_count() > 0, timeout=30000)
    preview = printing.preview
    qtbot.addWidget(preview)
    return preview


def test_the_berkas_menu_has_the_three_print_actions_above_keluar(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    for text in ("Cetak formulir laporan…", "Cetak rekap kabupaten…", "Cetak formulir kosong…"):
        assert text in texts
    assert texts[-1] == "Keluar"


def test_the_report_form_preview_shows_every_page(qtbot, window, printing, store, key, tmp_path):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    expected = report_pdf(store, key.period, tmp_path / "same.pdf", ["1.02.01"]).pages
    assert preview.page_count() == expected >= 2
    assert preview.windowTitle() == "Formulir laporan 1.02.01 — Triwulan III 2024"
    assert preview.page_total.text() == f"dari {expected}"
    assert "Long Bagun" in preview.document.getAllText(0).text()
    preview.go_to_page(expected - 1)
    qtbot.waitUntil(lambda: preview.page_box.value() == expected)
    assert not preview.next_button.isEnabled() and preview.previous_button.isEnabled()
    preview.set_zoom(1.5)
    assert preview.view.zoomFactor() == pytest.approx(1.5)


def test_the_rekap_and_the_blank_form_previews(qtbot, window, printing):
    preview = preview_of(qtbot, printing, printing.print_rekap)
    assert "REKAPITULASI" in preview.document.getAllText(0).text()
    preview.reject()
    qtbot.waitUntil(lambda: printing.preview is None)
    preview = preview_of(qtbot, printing, printing.print_blank_form)
    assert "FORMULIR ISIAN" in preview.document.getAllText(0).text()


def test_save_writes_the_pdf_and_remembers_the_folder(qtbot, window, printing, monkeypatch, tmp_path):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    target = tmp_path / "keluar" / "laporan"
    target.parent.mkdir()
    asked = []

    def ask(parent, caption, start, filters):
        asked.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    with qtbot.waitSignal(preview.saved) as saved:
        preview.save_button.click()
    written = target.with_name("laporan.pdf")  # the .pdf suffix is added
    assert saved.args == [str(written)]
    assert written.read_bytes() == preview.pdf_path.read_bytes()
    assert page_count(written) == preview.page_count()
    assert asked[0].endswith("laporan-spm-1.02.01-2024Q3.pdf")
    preview.save_button.click()
    assert asked[1] == str(tmp_path / "keluar" / "laporan-spm-1.02.01-2024Q3.pdf")
    from PySide6.QtCore import QSettings

    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path / "keluar")


def test_a_failed_save_is_explained_in_the_preview(qtbot, window, printing, monkeypatch, tmp_path):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "gone" / "x.pdf"), ""))
    preview.save_button.click()
    assert not preview.message.isHidden()
    assert "tidak dapat diakses" in preview.message.text()
    assert not (tmp_path / "gone").exists()


def test_print_renders_every_page_into_the_printer(qtbot, window, printing, monkeypatch, tmp_path):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    out = tmp_path / "printed.pdf"
    seen = {}

    def accept(dialog):
        printer: QPrinter = dialog.printer()
        seen["orientation"] = printer.pageLayout().orientation()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    with qtbot.waitSignal(preview.printed, timeout=60000) as printed:
        preview.print_button.click()
    assert printed.args == [preview.page_count()]
    assert page_count(out) == preview.page_count()
    assert seen["orientation"].name == "Landscape"
    assert preview.print_button.isEnabled()


def test_a_cancelled_print_dialog_prints_nothing(qtbot, window, printing, monkeypatch):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    preview.print_button.click()
    assert preview.print_task is None


def test_signatories_from_the_preview_remake_the_pdf(qtbot, window, printing, store, monkeypatch):
    save_signatories(store, Signatories())
    preview = preview_of(qtbot, printing, printing.print_report_form)
    last = preview.page_count() - 1
    assert "Budi Santoso" not in preview.document.getAllText(last).text()
    old = preview.pdf_path

    def fill_in(dialog):
        dialog.head_name.setText("Budi Santoso, S.K.M.")
        dialog.head_nip.setText("19700101 199503 1 002")
        dialog.place.setText("Ujoh Bilang")
        dialog.today.setChecked(False)
        dialog.sign_date.setDate(date(2024, 10, 31))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SignatoriesDialog, "exec", fill_in)
    preview.signatories_button.click()
    qtbot.waitUntil(lambda: preview.pdf_path != old, timeout=30000)
    assert not old.exists()  # the old temporary PDF is removed
    text = preview.document.getAllText(preview.page_count() - 1).text()
    assert "Budi Santoso, S.K.M." in text and "Ujoh Bilang, 31 Oktober 2024" in text
    assert get_signatories(store).head_nip == "197001011995031002"


def test_the_signatories_dialog_keeps_a_bad_nip_open(qtbot, store):
    dialog = SignatoriesDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.head_title.placeholderText() == "Kepala Dinas Kesehatan"
    assert dialog.place.placeholderText() == "Mahakam Ulu"
    dialog.head_nip.setText("1970")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.message.isHidden()
    assert dialog.message.text() == "NIP harus 18 angka (tertulis: '1970')."
    assert get_signatories(store) == Signatories()


def test_nothing_to_print_is_explained(qtbot, store, key, monkeypatch):
    window = open_window(qtbot, store, key)
    printing = window.findChild(PrintingActions, "PrintingActions")
    shown = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, text: shown.append(text))
    assert printing.print_rekap() is None
    assert shown == ["Belum ada data untuk Triwulan III 2024; rekap tidak dapat dicetak."]
    assert printing.preview is None


def test_generation_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, window, printing):
    started, release = threading.Event(), threading.Event()
    threads = []

    def write(path, data, progress):
        threads.append(threading.current_thread())
        started.set()
        release.wait(10)
        progress(0, 1)  # the layout reports progress between pages: a cancel stops it there
        raise AssertionError("the cancel was not seen")

    task = printing.generate(PrintJob("Uji", "uji.pdf", lambda: None, write))
    assert started.wait(10)
    assert threads[0] is not threading.main_thread()
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        pass
    assert printing.preview is None


def test_closing_the_preview_removes_its_temporary_pdf(qtbot, window, printing):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    path = preview.pdf_path
    assert path.exists()
    preview.reject()
    qtbot.waitUntil(lambda: printing.preview is None)
    assert not path.exists()


def test_the_printed_pdf_is_the_one_the_command_line_writes(qtbot, window, printing, store, key, tmp_path):
    preview = preview_of(qtbot, printing, printing.print_report_form)
    cli_text = squeezed(pdf_text(report_pdf(store, key.period, tmp_path / "cli.pdf", ["1.02.01"]).path))
    assert squeezed(pdf_text(preview.pdf_path)) == cli_text
