"""The evidence panel: attach (button and drop), refusals, the list, open a read-only copy, remove."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.storage.evidence import ALL_AREAS
from desktop.ui import evidence_dialogs
from desktop.ui.evidence_files import VIEW_PREFIX, viewer_name
from desktop.ui.evidence_model import EvidenceModel, format_size, format_timestamp
from desktop.ui.evidence_panel import EvidencePanel
from tests.storage.helpers import pdf_bytes, png_bytes, write_bytes

REAL_ASK_REMOVE_REASON = evidence_dialogs.ask_remove_reason
AREA, AREA_NAME = "64.11.01", "Long Bagun"


def make_pdf(path: Path, padding: int = 0) -> Path:
    """A minimal valid one-page PDF (optionally made larger with a padded text)."""
    return write_bytes(path, pdf_bytes("Laporan SPM" + " " * padding))


def make_png(path: Path) -> Path:
    """A valid 2x2 PNG."""
    return write_bytes(path, png_bytes())


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path, monkeypatch):
    """Viewer copies go to the test's folder, not the system's temporary folder."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def described(monkeypatch):
    """Answers the Keterangan question; records which files it was asked about."""
    asked = []

    def answer(parent, names):
        asked.append(names)
        return "Register kohort ibu"

    monkeypatch.setattr(evidence_dialogs, "ask_description", answer)
    return asked


@pytest.fixture
def panel(qtbot, store, key):
    shown = EvidencePanel(store)
    qtbot.addWidget(shown)
    shown.resize(640, 420)
    shown.set_context(key, AREA, AREA_NAME)
    shown.show()
    return shown


def attach(qtbot, panel: EvidencePanel, *paths: Path) -> None:
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.attach_files(list(paths))


def shown_rows(panel: EvidencePanel) -> list[list[str]]:
    model = panel.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def drop_event(*paths: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 60), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    drop = QDropEvent(
        QPointF(20, 60), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    enter.mime, drop.mime = mime, mime  # keep the data alive as long as the events
    return enter, drop


def test_without_a_report_the_panel_is_idle(qtbot, store):
    panel = EvidencePanel(store)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.placeholder.isVisible()
    assert not panel.table.isVisible()
    assert not panel.add_button.isEnabled()
    assert not panel.open_button.isEnabled()
    assert not panel.remove_button.isEnabled()
    enter, _drop = drop_event(Path(__file__))
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_tambah_attaches_a_pdf_and_a_png_to_the_area(qtbot, panel, store, key, tmp_path, monkeypatch, described):
    pdf, png = make_pdf(tmp_path / "Register Kohort Ibu.pdf"), make_png(tmp_path / "foto posyandu.png")
    monkeypatch.setattr(evidence_dialogs, "choose_files", lambda parent, folder: [str(pdf), str(png)])
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.add_button.click()
    assert described == [["Register Kohort Ibu.pdf", "foto posyandu.png"]]
    stored = sorted(store.evidence.list(key, AREA), key=lambda i: i.original_name)
    assert [(i.original_name, i.type_label, i.description) for i in stored] == [
        ("Register Kohort Ibu.pdf", "PDF", "Register kohort ibu"),
        ("foto posyandu.png", "PNG", "Register kohort ibu"),
    ]
    assert [e.actor for e in store.audit.entries() if e.action == "evidence.add"] == [store.actor()] * 2
    rows = sorted(shown_rows(panel))
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    assert headers == ["Nama berkas", "Jenis", "Ukuran", "Tanggal", "Keterangan"]
    assert rows[0][:3] == ["Register Kohort Ibu.pdf", "PDF", "1 KB"]
    assert rows[1][:3] == ["foto posyandu.png", "PNG", "1 KB"]
    assert rows[0][3] == format_timestamp(stored[0].added_at)
    assert rows[0][4] == "Register kohort ibu"
    assert panel.title.text() == "2 berkas"
    assert panel.message.isVisible()
    assert panel.message.text() == "2 berkas dilampirkan ke wilayah Long Bagun."
    assert not panel.progress.isVisible()


def test_dropping_files_attaches_them(qtbot, panel, store, key, tmp_path, described):
    png = make_png(tmp_path / "daftar hadir.png")
    enter, drop = drop_event(png)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    assert [i.original_name for i in store.evidence.list(key, AREA)] == ["daftar hadir.png"]
    assert shown_rows(panel)[0][:2] == ["daftar hadir.png", "PNG"]


def test_a_dropped_web_link_is_not_taken(panel):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/laporan.pdf")])
    enter = QDragEnterEvent(
        QPoint(20, 60), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_a_non_pdf_named_pdf_is_refused_and_nothing_is_attached(qtbot, panel, store, key, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence_dialogs, "ask_description", lambda *a: pytest.fail("refused files: no question"))
    good = make_pdf(tmp_path / "SK Tim SPM.pdf")
    fake = tmp_path / "laporan puskesmas.pdf"
    fake.write_bytes(b"Ini sebenarnya berkas teks biasa, bukan PDF.\n" * 10)
    panel.attach_files([good, fake])
    assert panel.message.isVisible()
    assert panel.message.property("kind") == "error"
    text = panel.message.text()
    assert "'laporan puskesmas.pdf'" in text
    assert "tidak dikenali sebagai PDF" in text
    assert "SK Tim SPM.pdf" not in text
    assert text.endswith("Tidak ada berkas yang dilampirkan.")
    assert store.evidence.list(key, ALL_AREAS) == []
    assert panel.model.rowCount() == 0


def test_a_file_over_the_size_limit_is_refused(qtbot, panel, store, key, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence_dialogs, "ask_description", lambda *a: pytest.fail("refused files: no question"))
    with store.database.write() as conn:
        store.settings.put(conn, "evidence_max_bytes", 1000)
    big = make_pdf(tmp_path / "scan besar.pdf", padding=2000)
    panel.attach_files([big])
    assert "'scan besar.pdf'" in panel.message.text()
    assert "melebihi batas" in panel.message.text()
    assert store.evidence.list(key, ALL_AREAS) == []


def test_cancelling_the_description_attaches_nothing(panel, store, key, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence_dialogs, "ask_description", lambda parent, names: None)
    panel.attach_files([make_pdf(tmp_path / "a.pdf")])
    assert store.evidence.list(key, ALL_AREAS) == []
    assert not panel.message.isVisible()


def test_whole_report_scope_lists_every_area_and_attaches_to_the_report(qtbot, panel, store, key, tmp_path, described):
    attach(qtbot, panel, make_pdf(tmp_path / "kecamatan.pdf"))
    panel.report_scope.click()
    assert panel.target_area is None
    assert panel.target_hint.text() == "Berkas baru dilampirkan ke laporan secara keseluruhan."
    attach(qtbot, panel, make_png(tmp_path / "kabupaten.png"))
    assert [i.area_code for i in store.evidence.list(key, ALL_AREAS)] == [AREA, None]
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    assert headers == ["Nama berkas", "Wilayah", "Jenis", "Ukuran", "Tanggal", "Keterangan"]
    assert [row[:2] for row in shown_rows(panel)] == [
        ["kecamatan.pdf", "Long Bagun"],
        ["kabupaten.png", "Seluruh laporan"],
    ]
    assert panel.message.text() == "1 berkas dilampirkan ke laporan."
    panel.set_context(key, AREA, AREA_NAME)  # the same context again (the grid re-announces it)
    assert panel.message.isVisible()
    panel.area_scope.click()
    assert [row[0] for row in shown_rows(panel)] == ["kecamatan.pdf"]
    # Another row of the grid: its own files only.
    panel.set_context(key, "64.11.02", "Long Hubung")
    assert panel.area_scope.text() == "Wilayah terpilih: Long Hubung"
    assert panel.model.rowCount() == 0
    assert panel.title.text() == "Belum ada berkas"
    # No row: the whole report, and the area choice is off.
    panel.set_context(key, None, "")
    assert panel.report_scope.isChecked() and not panel.area_scope.isEnabled()
    assert panel.model.rowCount() == 2


def test_buka_opens_a_read_only_copy_never_the_stored_file(qtbot, panel, store, key, tmp_path, monkeypatch, described):
    attach(qtbot, panel, make_pdf(tmp_path / "Register Kohort.pdf"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not panel.open_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.open_button.isEnabled()
    panel.open_button.click()
    assert len(opened) == 1
    copy = Path(opened[0].toLocalFile())
    item = store.evidence.list(key, AREA)[0]
    stored = store.evidence.path_of(item)
    assert copy.name == "Register Kohort.pdf"
    assert copy != stored and store.evidence.root not in copy.parents
    assert copy.parent.parent == Path(tempfile.gettempdir())
    assert copy.read_bytes() == stored.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) & 0o222 == 0  # read-only
    # Double-click does the same, into a fresh folder (the first copy may still be open).
    where = panel.table.visualRect(panel.model.index(0, 0)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 2
    assert Path(opened[1].toLocalFile()).parent != copy.parent
    assert store.evidence.verify_file(item)


def test_old_viewer_copies_are_cleared(qtbot, panel, tmp_path, own_temp_folder, monkeypatch, described):
    old = own_temp_folder / f"{VIEW_PREFIX}lama"
    old.mkdir()
    (old / "lama.pdf").write_bytes(b"%PDF-1.4")
    (old / "lama.pdf").chmod(stat.S_IREAD)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    recent = own_temp_folder / f"{VIEW_PREFIX}baru"
    recent.mkdir()
    attach(qtbot, panel, make_pdf(tmp_path / "a.pdf"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    panel.table.selectRow(0)
    panel.open_button.click()
    assert not old.exists()
    assert recent.exists()
    assert len(list(own_temp_folder.glob(VIEW_PREFIX + "*"))) == 2


def test_buka_without_a_viewer_says_so(qtbot, panel, tmp_path, monkeypatch, described):
    attach(qtbot, panel, make_png(tmp_path / "foto.png"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    panel.table.selectRow(0)
    panel.open_button.click()
    assert panel.message.text() == "Tidak ada aplikasi di komputer ini untuk membuka berkas PNG 'foto.png'."


def test_the_viewer_copy_is_named_after_its_real_type():
    def item(name, extension):
        return type("Item", (), {"original_name": name, "extension": extension})()

    assert viewer_name(item("Register.pdf", "pdf")) == "Register.pdf"
    assert viewer_name(item("foto.JPEG", "jpg")) == "foto.JPEG"
    assert viewer_name(item("bukan.exe", "pdf")) == "bukan.exe.pdf"  # the viewer is chosen by extension
    assert viewer_name(item("scan", "png")) == "scan.png"
    assert viewer_name(item("..\\..\\Windows\\win.ini", "pdf")) == "win.ini.pdf"
    assert viewer_name(item("CON.pdf", "pdf")) == "_CON.pdf"
    assert viewer_name(item('a<b>:"c".pdf', "pdf")) == "a_b___c_.pdf"


def test_lepas_asks_then_removes_and_audits(qtbot, panel, store, key, tmp_path, monkeypatch, described):
    attach(qtbot, panel, make_pdf(tmp_path / "salah unggah.pdf"))
    item = store.evidence.list(key, AREA)[0]
    asked = []
    answers = [None, "Berkas keliru, diganti"]
    monkeypatch.setattr(
        evidence_dialogs, "ask_remove_reason", lambda parent, name: asked.append(name) or answers.pop(0)
    )
    panel.table.selectRow(0)
    panel.remove_button.click()  # Batal
    assert [i.id for i in store.evidence.list(key, AREA)] == [item.id]
    with qtbot.waitSignal(panel.changed):
        panel.remove_button.click()
    assert asked == ["salah unggah.pdf", "salah unggah.pdf"]
    assert store.evidence.list(key, ALL_AREAS) == []
    assert panel.model.rowCount() == 0
    assert not panel.remove_button.isEnabled()
    assert panel.message.text() == "'salah unggah.pdf' dilepas dari laporan."
    removals = [e for e in store.audit.entries() if e.action == "evidence.remove"]
    assert len(removals) == 1
    assert removals[0].subject == f"evidence/{item.id}"
    assert removals[0].after == {"reason": "Berkas keliru, diganti"}
    assert store.evidence.path_of(item).exists()  # the bytes stay


def test_remove_question_is_in_indonesian(qtbot, panel):
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        buttons = dialog.findChild(QDialogButtonBox)
        seen["buttons"] = sorted(b.text() for b in buttons.buttons())
        seen["label"] = dialog.labelText()
        dialog.setTextValue("  dobel  ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert REAL_ASK_REMOVE_REASON(panel, "a.pdf") == "dobel"
    assert seen["buttons"] == ["Batal", "Lepas"]
    assert seen["label"].startswith("Lepaskan 'a.pdf' dari laporan ini?")


def test_model(qtmodeltester, store, key, tmp_path):
    make_pdf(tmp_path / "a.pdf")
    store.evidence.add(key, AREA, [tmp_path / "a.pdf"], "keterangan")
    model = EvidenceModel()
    model.set_items(store.evidence.list(key), {AREA: AREA_NAME})
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == AREA_NAME


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 KB"),
        (300, "1 KB"),
        (12_345, "13 KB"),
        (1_258_291, "1,2 MB"),
        (52_428_800, "50,0 MB"),
        (3 * 1024**3, "3,0 GB"),
    ],
)
def test_sizes_are_shown_the_indonesian_way(size, text):
    assert format_size(size) == text


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the time zone can be switched only where time.tzset exists")
def test_timestamps_are_local_indonesian_dates(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Makassar")  # WITA, Kalimantan Timur: UTC+8
    time.tzset()
    try:
        assert format_timestamp("2024-10-31T06:05:00.000Z") == "31 Oktober 2024 14.05"
        assert format_timestamp("2024-12-31T17:30:00.000Z") == "1 Januari 2025 01.30"
    finally:
        monkeypatch.undo()
        time.tzset()
