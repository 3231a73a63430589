"""Berkas › Terima paket laporan…: a district verifier receives a real bundle from an office through the
dialog — preview, apply, the same summary as the office's; again (nothing changes); tampered (refused,
nothing changes). Two real data folders, as in tests/exchange; only file and message dialogs are
answered by the test."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop.exchange.errors import UserCancelledError
from desktop.exchange.export import export_bundle
from desktop.exchange.import_bundle import apply_import, plan_import, stage_evidence
from desktop.exchange.trust import (
    add_recipient,
    create_office_key,
    export_public_key,
    read_key_file,
    trust_key,
    untrust_key,
)
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.installation import Office
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from desktop.ui import exchange_dialogs
from desktop.ui.exchange_actions import ExchangeActions
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.workers import run_in_background
from tests.conftest import PERIOD, set_up
from tests.exchange.helpers import PASSPHRASE, copy_folder, fill, snapshot
from tests.storage.helpers import pdf_bytes, png_bytes
from tests.ui.helpers import open_window

WAIT = 30_000
DISTRICT_OFFICE = "Sekretariat Daerah - Bagian Pemerintahan"


@dataclass(frozen=True)
class Folders:
    """Closed data folders to copy, and the office's bundles."""

    office: Path  # Dinas Kesehatan: figures, evidence, its key; bundle exported
    district: Path  # the district verifier, trusting the office's key
    bundle: Path
    encrypted: Path  # the same reports, encrypted to the district's age key
    identity: Path  # the district's age key file
    office_id: str


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> Folders:
    root = tmp_path_factory.mktemp("exchange")
    files = {"pdf": root / "berita-acara.pdf", "png": root / "foto.png"}
    files["pdf"].write_bytes(pdf_bytes("Berita acara pelayanan ibu hamil"))
    files["png"].write_bytes(png_bytes(8, 8, 200))
    identity = pyrage.x25519.Identity.generate()
    (root / "kabupaten-age.txt").write_text(f"# kunci age kabupaten\n{identity}\n")
    usb = root / "usb"
    usb.mkdir()
    with Store.open(root / "office") as office:
        set_up(office)
        fill(office, PERIOD, files)
        create_office_key(office, PASSPHRASE)
        export_public_key(office, root / "dinkes.pub")
        bundle = export_bundle(office, PERIOD, usb / "spm-64.11-dinas-kesehatan-2024Q3.spmb", PASSPHRASE).path
        office_id = office.require_installation().office.id
    # The encrypted bundle comes from a copy, so the plain one stays the office's only export.
    with Store.open(copy_folder(root / "office", root / "office-copy")) as copy:
        add_recipient(copy, str(identity.to_public()), "Bagian Pemerintahan")
        encrypted = export_bundle(
            copy, PERIOD, usb / "rahasia.spmb", PASSPHRASE, encrypt_to=[str(identity.to_public())]
        ).path
    with Store.open(root / "district") as district:
        set_up(district, office=DISTRICT_OFFICE)
        trust_key(district, read_key_file(root / "dinkes.pub"), "Dinas Kesehatan", "office")
    return Folders(root / "office", root / "district", bundle, encrypted, root / "kabupaten-age.txt", office_id)


@pytest.fixture
def district(folders, tmp_path):
    with Store.open(copy_folder(folders.district, tmp_path / "district")) as store:
        yield store


@pytest.fixture
def office(folders, tmp_path):
    with Store.open(copy_folder(folders.office, tmp_path / "office")) as store:
        yield store


@pytest.fixture
def informed(monkeypatch):
    """The result messages shown."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(exchange_dialogs, "inform", lambda parent, title, text: shown.append((title, text)))
    return shown


def open_dialog(qtbot, store, path, identity=None) -> ImportDialog:
    dialog = ImportDialog(store, path, identity)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)
    return dialog


def apply(qtbot, dialog: ImportDialog) -> None:
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None or not dialog.task.running, timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)


def remote_office(folders: Folders, office_store) -> Office:
    own = office_store.require_installation().office
    return Office(folders.office_id, own.name, "64.11", own.area_level, tuple(own.services))


def test_receive_preview_and_apply_through_the_window(qtbot, folders, district, office, informed, monkeypatch):
    window = open_window(qtbot, district, ReportKey(district.require_installation().office.id, "1.01.01", PERIOD))
    refreshed = []
    monkeypatch.setattr(window, "refresh_report", lambda: refreshed.append(True))
    monkeypatch.setattr(exchange_dialogs, "open_bundle_path", lambda parent, folder: str(folders.bundle))
    monkeypatch.setattr(exchange_dialogs, "open_identity_path", lambda parent, folder: pytest.fail("not encrypted"))
    actions = window.findChild(ExchangeActions)
    dialog = actions.receive_bundle()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)

    assert dialog.status.kind == "ok"
    assert dialog.sender.text().startswith("Dinas Kesehatan, Kabupaten Mahakam Ulu")
    assert "belum pernah mengirim" in dialog.sender.text()  # a new office here
    fingerprint = read_key_file(folders.office.parent / "dinkes.pub").fingerprint
    assert fingerprint in dialog.signer.text() and dialog.signer.text().startswith("Dinas Kesehatan")
    assert dialog.period.text() == "Triwulan III 2024"
    reports = [row.cells[:2] for row in dialog.preview.reports_model.rows()]
    assert reports == [
        ("1.02.01 Pelayanan kesehatan ibu hamil", "baru"),
        ("1.02.02 Pelayanan kesehatan ibu bersalin", "baru"),
    ]
    assert dialog.preview.reports_model.rows()[0].cells[4] == "+2 baru"  # two evidence files
    changes = [row.cells for row in dialog.preview.changes_model.rows()]  # the first report is selected
    assert ("Long Bagun", "Sasaran", "—", "212") in changes
    assert ("Long Hubung", "Anggaran (Rp)", "—", "247.000.000") in changes
    assert "berita-acara.pdf" in dialog.preview.evidence.text() and "foto.png" in dialog.preview.evidence.text()
    dialog.preview.reports_table.selectRow(1)
    assert ("Laham", "Permasalahan", "—", 'Akses sungai terbatas; "kemarau", 3 kampung') in [
        row.cells for row in dialog.preview.changes_model.rows()
    ]

    apply(qtbot, dialog)
    ((title, text),) = informed
    assert title == "Paket laporan diterima"
    assert text.startswith("Diimpor: 2 laporan baru, 0 diperbarui, 0 bertentangan")
    assert refreshed == [True]
    assert actions.import_dialog is None  # closed (and deleted) after applying
    own = office.require_installation().office
    assert period_summary(district.reports, remote_office(folders, office), PERIOD) == period_summary(
        office.reports, own, PERIOD
    )
    assert len(district.evidence.list(ReportKey(folders.office_id, "1.02.01", PERIOD))) == 2


def test_importing_again_changes_nothing(qtbot, folders, district, informed):
    apply(qtbot, open_dialog(qtbot, district, folders.bundle))
    before = snapshot(district.data_dir)
    dialog = open_dialog(qtbot, district, folders.bundle)
    assert dialog.status.kind == "info"
    assert dialog.status.text() == "Paket ini sudah pernah diterima; tidak ada yang berubah."
    assert [row.cells[1] for row in dialog.preview.reports_model.rows()] == ["tidak berubah", "tidak berubah"]
    assert not dialog.apply_button.isEnabled()
    assert dialog.apply() is None
    dialog.reject()
    assert snapshot(district.data_dir) == before
    assert len(informed) == 1  # only the first import reported a result


def test_a_tampered_bundle_is_refused_and_changes_nothing(qtbot, folders, district, tmp_path):
    data = bytearray(folders.bundle.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the middle of the file
    tampered = tmp_path / "rusak.spmb"
    tampered.write_bytes(bytes(data))
    before = snapshot(district.data_dir)
    dialog = open_dialog(qtbot, district, tampered)
    assert dialog.status.kind == "error"
    text = dialog.status.plain_text()
    assert text.startswith("Paket ditolak pada pemeriksaan")
    assert str(dialog.refusal) in text  # the stage's own message
    assert "Tidak ada yang diubah." in text
    assert dialog.plan is None and not dialog.preview.isVisible()
    assert not dialog.apply_button.isEnabled()
    dialog.reject()
    assert snapshot(district.data_dir) == before


def test_an_untrusted_signer_is_refused_with_what_to_do(qtbot, folders, district):
    untrust_key(district, read_key_file(folders.office.parent / "dinkes.pub").fingerprint)
    dialog = open_dialog(qtbot, district, folders.bundle)
    text = dialog.status.plain_text()
    assert text.startswith("Paket ditolak pada pemeriksaan tanda tangan.")
    assert "Berkas › Kunci & kepercayaan…" in text
    assert dialog.refusal.code == "signature.unknown_key"
    assert not dialog.apply_button.isEnabled()


def test_an_own_bundle_is_refused_with_its_reason(qtbot, folders, office):
    dialog = open_dialog(qtbot, office, folders.bundle)
    assert dialog.facts.isVisible()  # sound, so who sent it is shown
    text = dialog.status.plain_text()
    assert text.startswith("Paket ini sah, tetapi tidak dapat diterima di sini.")
    assert "dibuat oleh kantor ini sendiri" in text
    assert not dialog.apply_button.isEnabled()


def test_an_encrypted_bundle_asks_for_the_age_key_and_leaves_no_plaintext(
    qtbot, folders, district, informed, monkeypatch
):
    window = open_window(qtbot, district, ReportKey(district.require_installation().office.id, "1.01.01", PERIOD))
    monkeypatch.setattr(exchange_dialogs, "open_bundle_path", lambda parent, folder: str(folders.encrypted))
    monkeypatch.setattr(exchange_dialogs, "open_identity_path", lambda parent, folder: str(folders.identity))
    dialog = window.findChild(ExchangeActions).receive_bundle()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    assert "terenkripsi" in dialog.file.text()
    incoming = district.data_dir / "incoming"
    assert len(list(incoming.iterdir())) == 1  # the decrypted copy, while the dialog is open
    apply(qtbot, dialog)
    assert informed and list(incoming.iterdir()) == []  # removed when the dialog ended


def test_cancel_while_checking_changes_nothing(qtbot, folders, district):
    dialog = ImportDialog(district, folders.bundle)
    qtbot.addWidget(dialog)
    dialog.show()
    gate = threading.Event()
    run_in_background(None, lambda job: gate.wait(WAIT / 1000))  # holds the one worker thread
    dialog.start()
    progress = dialog.findChildren(QProgressDialog)[-1]  # the newest: an earlier one may await deletion
    progress.findChild(QPushButton).click()  # Batal
    gate.set()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)
    assert dialog.status.text() == "Pemeriksaan dibatalkan; tidak ada yang diubah."
    assert dialog.plan is None and not dialog.apply_button.isEnabled()


def test_cancel_while_applying_changes_nothing(qtbot, folders, district, informed):
    dialog = open_dialog(qtbot, district, folders.bundle)
    before = snapshot(district.data_dir)
    gate = threading.Event()
    run_in_background(None, lambda job: gate.wait(WAIT / 1000))
    dialog.apply_button.click()
    progress = dialog.findChildren(QProgressDialog)[-1]  # the newest: an earlier one may await deletion
    progress.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=WAIT)
    assert dialog.status.text().startswith("Dibatalkan")
    assert dialog.imported is None and informed == []
    assert dialog.apply_button.isEnabled()  # it can still be applied
    assert snapshot(district.data_dir) == before


def test_closing_while_checking_waits_for_the_worker(qtbot, folders, district):
    dialog = ImportDialog(district, folders.bundle)
    qtbot.addWidget(dialog)
    dialog.show()
    gate = threading.Event()
    run_in_background(None, lambda job: gate.wait(WAIT / 1000))
    dialog.start()
    dialog.close_button.click()  # Tutup while the check is queued
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


def test_the_preview_tables_are_sound_models(qtmodeltester, qtbot, folders, district):
    dialog = open_dialog(qtbot, district, folders.bundle)
    qtmodeltester.check(dialog.preview.reports_model)
    qtmodeltester.check(dialog.preview.changes_model)


def test_the_preview_names_the_file_and_the_bundles_own_period(qtbot, folders, district, tmp_path):
    dialog = open_dialog(qtbot, district, shutil.copy(folders.bundle, tmp_path / "salinan.spmb"))
    assert dialog.period.text() == "Triwulan III 2024"
    assert dialog.windowTitle() == "Terima paket laporan — salinan.spmb"


def test_staging_stopped_midway_on_a_worker_takes_its_bytes_out_again(folders, district):
    """stage_evidence runs on a worker thread; stopped after one file, it takes that file out again
    (the check that no row uses the bytes reads the database through its own connection)."""
    with verify_bundle(folders.bundle, trust_of_store(district)) as verified:
        plan = plan_import(district, verified)
        checks: list[int] = []

        def cancelled() -> bool:  # the first file copies; the second is stopped
            checks.append(1)
            return len(checks) > 1

        outcome: dict[str, BaseException] = {}

        def run() -> None:
            try:
                stage_evidence(district, plan, cancelled=cancelled)
            except BaseException as exc:
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join(WAIT / 1000)
    assert isinstance(outcome["error"], UserCancelledError)
    assert len(checks) > 1  # one file was copied before the stop
    blobs = [p for p in (district.data_dir / "evidence").rglob("*") if p.is_file() and ".incoming" not in p.parts]
    assert blobs == []


def second_revision(folders: Folders, tmp_path: Path, name: str, served: int) -> Path:
    """Revision 2 of the office's reports (one figure corrected), from a copy of its data folder."""
    with Store.open(copy_folder(folders.office, tmp_path / f"office-{name}")) as copy:
        key = ReportKey(folders.office_id, "1.02.01", PERIOD)
        copy.reports.set_values(key, [CellEdit("64.11.01", "served", served)])
        return export_bundle(copy, PERIOD, tmp_path / f"{name}.spmb", PASSPHRASE).path


def import_now(store, path: Path) -> None:
    """An import done earlier (through the exchange API, as the command line does)."""
    with verify_bundle(path, trust_of_store(store), work_dir=store.data_dir / "incoming") as verified:
        apply_import(store, plan_import(store, verified))


def test_an_update_shows_before_and_after(qtbot, folders, district, tmp_path, informed):
    import_now(district, folders.bundle)
    dialog = open_dialog(qtbot, district, second_revision(folders, tmp_path, "b2", 150))
    rows = [row.cells[:4] for row in dialog.preview.reports_model.rows()]
    assert rows[0] == ("1.02.01 Pelayanan kesehatan ibu hamil", "diperbarui", "2 (sebelumnya 1)", "1 sel")
    assert [row.cells for row in dialog.preview.changes_model.rows()] == [("Long Bagun", "Terlayani", "131", "150")]
    apply(qtbot, dialog)
    assert informed[0][1].startswith("Diimpor: 0 laporan baru, 2 diperbarui, 0 bertentangan; 1 angka berubah")
    stored = district.reports.get(ReportKey(folders.office_id, "1.02.01", PERIOD)).row("64.11.01").served
    assert stored == 150


def test_an_out_of_date_bundle_is_explained_and_refused(qtbot, folders, district, tmp_path):
    import_now(district, second_revision(folders, tmp_path, "b2", 150))  # revision 2 arrived first
    before = snapshot(district.data_dir)
    dialog = open_dialog(qtbot, district, folders.bundle)  # then the older revision 1
    assert dialog.preview.reports_model.rows()[0].cells[1] == "usang (ditolak)"
    assert dialog.status.kind == "error" and dialog.status.plain_text().startswith("Paket ditolak.")
    assert "usang" in dialog.status.plain_text()
    explained = dialog.preview.explanations.text()
    assert dialog.preview.explanations.isVisible() and "seluruh paket ditolak" in explained
    assert not dialog.apply_button.isEnabled()
    dialog.reject()
    assert snapshot(district.data_dir) == before


def test_a_conflict_is_explained_and_kept_apart(qtbot, folders, district, tmp_path, informed):
    first, second = second_revision(folders, tmp_path, "b2a", 150), second_revision(folders, tmp_path, "b2b", 160)
    import_now(district, folders.bundle)
    import_now(district, first)
    dialog = open_dialog(qtbot, district, second)  # revises revision 1 too, as `first` did
    assert dialog.preview.reports_model.rows()[0].cells[1] == "bertentangan (disimpan terpisah)"
    assert "tidak ditimpa sampai verifikator memilih" in dialog.preview.explanations.text()
    assert dialog.apply_button.isEnabled()
    apply(qtbot, dialog)
    assert "bertentangan" in informed[0][1]
    stored = district.reports.get(ReportKey(folders.office_id, "1.02.01", PERIOD)).row("64.11.01").served
    assert stored == 150  # the current revision's figure is kept
    assert district.bundles.conflicts(folders.office_id)
