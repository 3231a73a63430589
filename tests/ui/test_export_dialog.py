"""Berkas › Kirim paket laporan (USB)…: a real bundle written to a folder standing in for the stick and
checked with the verifier; a wrong passphrase and a cancel leave no file and record nothing. Only the
file and message dialogs are answered by the test."""

from __future__ import annotations

import threading

import pyrage
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop.domain.periods import Period
from desktop.exchange.trust import add_recipient, create_office_key
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.reports import CellEdit, ReportKey
from desktop.ui import exchange_dialogs
from desktop.ui.exchange_actions import ExchangeActions
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.workers import run_in_background
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE, fill
from tests.storage.helpers import pdf_bytes, png_bytes
from tests.ui.helpers import open_window

WAIT = 30_000


@pytest.fixture
def office(store, tmp_path):
    """Dinas Kesehatan with figures for two services, two evidence files and its signing key."""
    files = {"pdf": tmp_path / "berita-acara.pdf", "png": tmp_path / "foto.png"}
    files["pdf"].write_bytes(pdf_bytes("Berita acara"))
    files["png"].write_bytes(png_bytes(8, 8, 200))
    fill(store, PERIOD, files)
    create_office_key(store, PASSPHRASE)
    return store


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def answers(monkeypatch, usb):
    """The file dialog answers a file on the stick; messages are recorded."""
    seen: dict[str, list] = {"inform": [], "confirm": [], "suggested": []}

    def save(parent, suggested):
        seen["suggested"].append(suggested)
        return str(usb / "paket.spmb")

    monkeypatch.setattr(exchange_dialogs, "save_bundle_path", save)
    monkeypatch.setattr(exchange_dialogs, "inform", lambda parent, title, text: seen["inform"].append((title, text)))
    monkeypatch.setattr(
        exchange_dialogs, "confirm", lambda parent, title, text, yes, no=None: seen["confirm"].append(text) or True
    )
    return seen


def open_dialog(qtbot, store, period=PERIOD) -> ExportDialog:
    dialog = ExportDialog(store, period)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def checked(dialog: ExportDialog) -> list[str]:
    return dialog.chosen_services()


def send(qtbot, dialog: ExportDialog, passphrase: str = PASSPHRASE) -> None:
    dialog.choose_button.click()
    dialog.passphrase.setText(passphrase)
    assert dialog.send_button.isEnabled()
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=WAIT)


def test_the_dialog_offers_the_services_with_data(qtbot, office, answers):
    dialog = open_dialog(qtbot, office)
    assert dialog.period() == PERIOD
    assert checked(dialog) == ["1.02.01", "1.02.02"]  # the two services with figures; the other ten are empty
    first = dialog.services.item(0).text()
    assert first.startswith("1.02.01 Pelayanan kesehatan ibu hamil") and "2 data dukung" in first
    assert "belum ada isian" in dialog.services.item(2).text()
    assert dialog.summary.text() == "Akan dikirim: 2 laporan, 2 berkas data dukung (1 KB)."
    assert not dialog.encryption.isVisible()  # no age recipient configured
    assert not dialog.send_button.isEnabled()  # no target, no passphrase yet
    dialog.services.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.summary.text() == "Akan dikirim: 1 laporan, 0 berkas data dukung (0 KB)."
    dialog.services.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert "Centang paling sedikit satu" in dialog.summary.text()


def test_export_writes_a_bundle_the_office_key_verifies(qtbot, office, usb, answers):
    dialog = open_dialog(qtbot, office)
    send(qtbot, dialog)
    assert answers["suggested"][0].endswith("spm-64.11-dinas-kesehatan-2024Q3.spmb")
    result = dialog.written
    assert result is not None and result.path == usb / "paket.spmb"
    assert [p.name for p in usb.iterdir()] == ["paket.spmb"]  # no partial file left beside it
    with verify_bundle(result.path, trust_of_store(office)) as verified:  # the office's own key
        assert verified.signer.own
        assert [r.service_code for r in verified.submission.reports] == ["1.02.01", "1.02.02"]
        assert verified.bundle_id == result.bundle_id
    (record,) = office.bundles.list("export")
    assert record.bundle_id == result.bundle_id and record.file_name == "paket.spmb"
    ((title, text),) = answers["inform"]
    assert title == "Paket laporan tersimpan"
    assert str(result.path) in text and "2 laporan" in text and "2 berkas data dukung" in text
    assert "Berkas sudah dibaca ulang dan diperiksa di media tujuan." in text
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert QSettings().value(exchange_dialogs.EXPORT_FOLDER) == str(usb)  # the stick is remembered


def test_the_remembered_folder_is_offered_next_time(qtbot, office, usb, key):
    second_quarter = Period(2024, 2)
    office.reports.set_values(ReportKey(key.office_id, "1.02.01", second_quarter), [CellEdit("64.11.01", "target", 9)])
    QSettings().setValue(exchange_dialogs.EXPORT_FOLDER, str(usb))
    dialog = open_dialog(qtbot, office)
    assert dialog.target.text() == str(usb / "spm-64.11-dinas-kesehatan-2024Q3.spmb")
    assert dialog.target_hint.text().startswith("Ruang kosong di tujuan:")
    dialog.period_bar.set_period(second_quarter)  # the suggested name follows the period
    assert dialog.target.text() == str(usb / "spm-64.11-dinas-kesehatan-2024Q2.spmb")


def test_a_wrong_passphrase_writes_and_records_nothing(qtbot, office, usb, answers):
    dialog = open_dialog(qtbot, office)
    send(qtbot, dialog, "bukan frasa sandinya")
    assert dialog.message.kind == "error"
    assert dialog.message.text() == "Frasa sandi kunci kantor salah."
    assert dialog.passphrase.selectedText() == "bukan frasa sandinya"  # ready to be typed again
    assert list(usb.iterdir()) == []
    assert office.bundles.list() == []
    assert answers["inform"] == []
    assert dialog.isVisible()


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, office, usb, answers):
    dialog = open_dialog(qtbot, office)
    gate = threading.Event()
    # The one worker thread is busy until the test opens the gate, so Batal lands before the export starts.
    run_in_background(None, lambda job: gate.wait(WAIT / 1000))
    dialog.choose_button.click()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.send_button.click()
    progress = dialog.findChildren(QProgressDialog)[-1]  # the newest: an earlier one may await deletion
    (batal,) = progress.findChildren(QPushButton)
    assert batal.text() == "Batal"
    batal.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)
    assert dialog.message.kind == "info" and dialog.message.text().startswith("Dibatalkan")
    assert list(usb.iterdir()) == []
    assert office.bundles.list() == []


def test_an_existing_file_is_replaced_only_when_confirmed(qtbot, office, usb, answers, monkeypatch):
    (usb / "paket.spmb").write_bytes(b"paket lama")
    monkeypatch.setattr(exchange_dialogs, "confirm", lambda parent, title, text, yes, no=None: False)
    dialog = open_dialog(qtbot, office)
    dialog.choose_button.click()
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.send() is None
    assert (usb / "paket.spmb").read_bytes() == b"paket lama"
    assert office.bundles.list() == []


def test_encrypted_for_a_recipient(qtbot, office, usb, answers, tmp_path):
    identity = pyrage.x25519.Identity.generate()
    (tmp_path / "provinsi.txt").write_text(f"{identity}\n")
    add_recipient(office, str(identity.to_public()), "Biro Pemerintahan Provinsi")
    dialog = open_dialog(qtbot, office)
    assert dialog.encryption.isVisible()
    ((box, _recipient),) = dialog.recipient_boxes
    box.setChecked(True)
    dialog.choose_button.click()
    assert "paket.spmb.age" in dialog.target_hint.text()
    send(qtbot, dialog)
    assert [p.name for p in usb.iterdir()] == ["paket.spmb.age"]
    assert "terenkripsi untuk Biro Pemerintahan Provinsi" in answers["inform"][0][1]
    with verify_bundle(
        usb / "paket.spmb.age", trust_of_store(office), identity=tmp_path / "provinsi.txt", work_dir=tmp_path / "in"
    ) as verified:
        assert verified.encrypted


def test_without_a_key_the_dialog_says_how_to_make_one(qtbot, store):
    dialog = open_dialog(qtbot, store)
    assert dialog.message.kind == "error"
    assert "belum mempunyai kunci tanda tangan" in dialog.message.text()
    assert dialog.make_key_button.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    assert not dialog.send_button.isEnabled()


def test_a_period_without_data_has_nothing_to_send(qtbot, office):
    dialog = open_dialog(qtbot, office, Period(2023, 1))
    assert dialog.message.text() == "Belum ada laporan triwulan I 2023 yang dapat dikirim."
    assert checked(dialog) == []
    dialog.passphrase.setText(PASSPHRASE)
    assert not dialog.send_button.isEnabled()


def test_the_actions_are_in_the_berkas_menu(qtbot, office, key):
    window = open_window(qtbot, office, key)
    texts = [a.text().replace("&&", "+").replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert {"Kirim paket laporan (USB)…", "Terima paket laporan…", "Kunci + kepercayaan…"} <= set(texts)
    assert texts[-1] == "Keluar"
    actions = window.findChild(ExchangeActions)
    dialog = actions.send_bundle()
    assert dialog.period() == window.period()
    assert dialog.parent() is window and dialog.isVisible()
    dialog.reject()
    keys = actions.manage_keys()
    assert keys.isVisible()
    keys.reject()


def test_a_stick_pulled_out_before_writing_records_nothing(qtbot, office, usb, answers):
    dialog = open_dialog(qtbot, office)
    dialog.choose_button.click()
    usb.rmdir()  # the stick is gone
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.target_hint.text().startswith(f"Folder {usb} tidak ada.")  # said before Kirim…
    dialog.send_button.click()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)
    assert dialog.message.kind == "error"  # …and after, with the reason from below
    assert dialog.message.text() == f"Folder tujuan {usb} tidak ada atau tidak terpasang."
    assert office.bundles.list() == [] and answers["inform"] == []


def test_make_the_key_from_the_export_dialog(qtbot, store, tmp_path):
    files = {"pdf": tmp_path / "ba.pdf", "png": tmp_path / "foto.png"}
    files["pdf"].write_bytes(pdf_bytes("Berita acara"))
    files["png"].write_bytes(png_bytes(4, 4, 10))
    fill(store, PERIOD, files)
    dialog = open_dialog(qtbot, store)
    assert checked(dialog) == ["1.02.01", "1.02.02"]  # known from the figures even without a key
    dialog.make_key_button.click()
    created = dialog.keys_dialog.create_dialog
    qtbot.keyClicks(created.fields.first, PASSPHRASE)
    qtbot.keyClicks(created.fields.second, PASSPHRASE)
    created.create_button.click()
    dialog.keys_dialog.reject()
    assert not dialog.make_key_button.isVisible()
    assert dialog.message.text() == ""
    assert dialog.summary.text().startswith("Akan dikirim: 2 laporan")
