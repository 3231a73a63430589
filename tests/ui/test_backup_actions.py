"""Berkas › Cadangkan data… and Pulihkan dari cadangan… through the real window."""

from __future__ import annotations

import pytest

from desktop.storage.backup import create_backup
from desktop.storage.backup_manifest import MANIFEST_NAME
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.ui import app as app_module
from desktop.ui import backup_dialogs
from desktop.ui.backup_actions import BackupActions
from tests.conftest import PERIOD
from tests.exchange.helpers import snapshot

from .helpers import open_window

WAIT = 20_000


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """Answers the folder choosers and records the messages and questions."""
    record = {"info": [], "errors": [], "confirm": [], "target": str(tmp_path / "usb"), "backup": "", "answer": True}
    (tmp_path / "usb").mkdir()
    monkeypatch.setattr(backup_dialogs, "choose_target", lambda parent: record["target"])
    monkeypatch.setattr(backup_dialogs, "choose_backup", lambda parent: record["backup"])
    monkeypatch.setattr(backup_dialogs, "inform", lambda parent, title, text: record["info"].append(text))
    monkeypatch.setattr(app_module, "show_error", lambda parent, text: record["errors"].append(text))

    def confirm(parent, manifest):
        record["confirm"].append(manifest)
        return record["answer"]

    monkeypatch.setattr(backup_dialogs, "confirm_restore", confirm)
    return record


def actions_of(window) -> BackupActions:
    return window.findChild(BackupActions, "BackupActions")


def test_the_berkas_menu_offers_backup_and_restore(qtbot, store, key):
    window = open_window(qtbot, store, key)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Ca&dangkan data…" in texts and "&Pulihkan dari cadangan…" in texts
    assert texts[-1] == "&Keluar"


def test_a_backup_from_the_window_is_written_and_verified(qtbot, store, key, asked, tmp_path):
    store.reports.set_value(key, "64.11.01", "target", 120)
    window = open_window(qtbot, store, key)
    actions = actions_of(window)
    actions.backup_action.trigger()
    qtbot.waitUntil(lambda: actions.last_backup is not None or bool(asked["errors"]), timeout=WAIT)
    assert asked["errors"] == []
    result = actions.last_backup
    assert result.path.parent == tmp_path / "usb" and (result.path / MANIFEST_NAME).is_file()
    assert str(result.path) in asked["info"][0] and "sudah diperiksa" in asked["info"][0]
    assert actions.backup_action.isEnabled()


def test_a_restore_from_the_window_swaps_the_data_and_closes_the_window(qtbot, data_dir, asked, tmp_path):
    store = Store.open(data_dir)
    from conftest import set_up

    set_up(store)
    key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
    store.reports.set_value(key, "64.11.01", "target", 120)
    backed_up = create_backup(data_dir, tmp_path / "usb").path
    expected = snapshot(data_dir)["tables"]
    store.reports.set_value(key, "64.11.01", "target", 999)  # later work, replaced by the restore
    asked["backup"] = str(backed_up)
    window = open_window(qtbot, store, key)
    actions = actions_of(window)
    try:
        actions.restore_action.trigger()
        qtbot.waitUntil(lambda: actions.restored or bool(asked["errors"]), timeout=WAIT)
        assert asked["errors"] == [] and len(asked["confirm"]) == 1
        assert not window.isVisible()
        assert "Data sudah dipulihkan" in asked["info"][0]
    finally:
        store.close()
    assert snapshot(data_dir)["tables"] == expected
    with Store.open(data_dir) as again:
        assert again.reports.get(key).row("64.11.01").target == 120


def test_a_restore_declined_after_checking_changes_nothing(qtbot, store, key, asked, tmp_path):
    store.reports.set_value(key, "64.11.01", "target", 120)
    asked["backup"] = str(create_backup(store.data_dir, tmp_path / "usb").path)
    asked["answer"] = False
    window = open_window(qtbot, store, key)
    actions = actions_of(window)
    actions.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(asked["confirm"] or asked["errors"]), timeout=WAIT)
    assert asked["errors"] == [] and window.isVisible() and not actions.restored
    assert not [p for p in store.data_dir.iterdir() if p.name.startswith(".restore-")]
    store.reports.set_value(key, "64.11.01", "target", 121)  # the window goes on working
    assert store.reports.get(key).row("64.11.01").target == 121


def test_a_damaged_backup_is_refused_in_the_window_and_it_goes_on(qtbot, store, key, asked, tmp_path):
    backup = create_backup(store.data_dir, tmp_path / "usb").path
    (backup / MANIFEST_NAME).write_text("{}")
    asked["backup"] = str(backup)
    window = open_window(qtbot, store, key)
    actions = actions_of(window)
    actions.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(asked["errors"]), timeout=WAIT)
    assert "rusak atau tidak lengkap" in asked["errors"][0]
    assert asked["confirm"] == [] and window.isVisible() and actions.restore_action.isEnabled()
