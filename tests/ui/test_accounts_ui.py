"""Accounts in the window: login at start, the idle lock, the Akun menu by role, account management,
deadlines, the history of a cell, the audit check, completeness, and the signed form as evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.workflow import Role
from desktop.storage.evidence import SIGNED_FORM
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.ui import app as app_module
from desktop.ui.account_actions import AccountActions
from desktop.ui.account_dialogs import AccountDialog, UsersDialog
from desktop.ui.completeness_view import CompletenessActions
from desktop.ui.deadline_dialog import DeadlineDialog
from desktop.ui.history_dialogs import CellHistoryDialog, cell_history
from desktop.ui.login_dialog import LoginDialog
from desktop.ui.report_columns import COLUMN_INDEX
from tests.conftest import PERIOD, set_up
from tests.storage.accounts_helpers import PASSWORDS, act_as, add_accounts, cheap_hashes  # noqa: F401
from tests.storage.helpers import pdf_bytes
from tests.ui.helpers import open_window

pytestmark = pytest.mark.usefixtures("cheap_hashes")


def _menu_entries(window) -> dict[str, bool]:
    actions = window.findChild(AccountActions)
    return {
        "users": actions.users_action.isVisible(),
        "deadline": actions.deadline_action.isVisible(),
        "first_admin": actions.first_admin_action.isVisible(),
        "lock": actions.lock_action.isEnabled(),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("operator", {"users": False, "deadline": False, "first_admin": False, "lock": True}),
        ("verifier", {"users": False, "deadline": False, "first_admin": False, "lock": True}),
        ("admin", {"users": True, "deadline": True, "first_admin": False, "lock": True}),
    ],
)
def test_the_akun_menu_follows_the_role(qtbot, store, key, role, expected):
    add_accounts(store)
    act_as(store, role)
    window = open_window(qtbot, store, key)
    assert _menu_entries(window) == expected
    assert f"({ {'operator': 'Operator', 'verifier': 'Verifikator', 'admin': 'Admin'}[role] })" in (
        window.findChild(AccountActions).user_label.text()
    )
    grid_editable = window.model.editable
    assert grid_editable is (role != "verifier")  # a verifier reviews; the grid is not theirs to type in


def test_an_install_without_accounts_offers_the_first_admin(qtbot, store, key, monkeypatch):
    window = open_window(qtbot, store, key)
    assert _menu_entries(window) == {"users": False, "deadline": True, "first_admin": True, "lock": False}

    def fill(dialog: AccountDialog) -> int:
        dialog.username.setText("admin")
        dialog.full_name.setText("Admin Dinas")
        dialog.passwords.first.setText("admin-rahasia")
        dialog.passwords.second.setText("admin-rahasia")
        dialog._save()
        return dialog.result()

    monkeypatch.setattr(AccountDialog, "exec", fill)
    window.findChild(AccountActions).first_admin_action.trigger()
    assert store.access.user.username == "admin" and store.access.user.role is Role.ADMIN
    assert _menu_entries(window)["users"] is True


def test_login_at_start_and_leaving_from_it(qtbot, data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        set_up(store)
        add_accounts(store)
    shown = []
    monkeypatch.setenv(app_module.QUIT_WHEN_READY, "1")

    def log_in_then_go():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        dialog.username.setText("operator")
        dialog.password.setText("salah-sekali")
        dialog.ok.click()
        shown.append(dialog.problem.text())
        dialog.password.setText(PASSWORDS["operator"])
        dialog.ok.click()

    QTimer.singleShot(0, log_in_then_go)
    assert app_module.run_app(str(data_dir)) == 0
    assert shown == ["Nama pengguna atau kata sandi salah."]
    with Store.open(data_dir) as store:
        assert [e.action for e in store.audit.entries("user/operator")][:2] == ["login", "login.failed"]

    def leave():
        QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, leave)
    assert app_module.run_app(str(data_dir)) == 0  # Keluar: the window never opens


def test_the_idle_lock_hides_the_window_until_the_password(qtbot, store, key, monkeypatch):
    add_accounts(store)
    act_as(store, "operator")
    window = open_window(qtbot, store, key)
    lock = window.findChild(AccountActions).idle_lock
    qtbot.waitUntil(lock.timer.isActive, timeout=5_000)  # watching starts once the window is up
    assert lock.timer.interval() == 10 * 60_000  # the default 10 minutes
    seen = {}

    def unlock(dialog: LoginDialog) -> int:
        seen["central_hidden"] = not window.centralWidget().isVisible()
        seen["user"] = dialog.username.text()
        dialog.password.setText(PASSWORDS["operator"])
        dialog._log_in()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", unlock)
    lock.timer.timeout.emit()
    assert seen == {"central_hidden": True, "user": "operator"}
    assert window.centralWidget().isVisible() and lock.timer.isActive()


def test_the_admin_manages_accounts_and_the_idle_time(qtbot, store, key, monkeypatch):
    add_accounts(store)
    act_as(store, "admin")
    dialog = UsersDialog(store)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["admin", "operator", "verifier"]
    dialog.table.selectRow(1)
    dialog.toggle.click()
    assert store.accounts.get("operator").disabled
    assert dialog.table.item(1, 3).text() == "nonaktif"
    dialog.idle.setValue(3)
    dialog._save_idle()
    assert store.settings.get("idle_lock_minutes") == 3
    act_as(store, "verifier")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog.table.selectRow(1)
    dialog.toggle.click()
    assert warnings and "tidak berhak mengelola akun" in warnings[0]
    assert store.accounts.get("operator").disabled


def test_deadline_set_and_reopened_in_the_dialog_shows_in_the_review_bar(qtbot, store, key):
    add_accounts(store)
    act_as(store, "admin")
    window = open_window(qtbot, store, key)
    dialog = DeadlineDialog(store, PERIOD, window)
    qtbot.addWidget(dialog)
    yesterday = date.today() - timedelta(days=1)
    dialog.closes.setDate(yesterday)
    dialog._save()
    assert "Ditutup sejak" in dialog.state.text()
    window.refresh_report()
    assert window.review_bar.deadline.text().startswith("Periode ditutup sejak")
    act_as(store, "operator")
    window.refresh_report()
    assert not window.model.editable and "sudah ditutup" in window.review_bar.lock.text()
    act_as(store, "admin")
    dialog.until.setDate(date.today())
    dialog.reason.setText("susulan data")
    dialog._reopen()
    act_as(store, "operator")
    window.refresh_report()
    assert window.model.editable and "dibuka kembali" in window.review_bar.deadline.text()


def test_cell_history_and_the_audit_check(qtbot, store, key, monkeypatch):
    window = open_window(qtbot, store, key)
    model = window.model
    index = model.index(model.row_of("64.11.01"), COLUMN_INDEX["target"])
    for value in ("100", "120"):
        assert model.setData(index, value)
    window.grid.setCurrentIndex(index)
    shown = []
    monkeypatch.setattr(CellHistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.findChild(AccountActions).history_action.trigger()
    (dialog,) = shown
    rows = [[dialog.table.item(r, c).text() for c in (2, 3)] for r in range(dialog.table.rowCount())]
    assert rows == [["100", "120"], ["—", "100"]]
    assert len(cell_history(store, f"{key.subject}/64.11.01", "target")) == 2
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window.findChild(AccountActions).check_audit()
    assert told and told[0].startswith("Log audit utuh")


def test_completeness_view_and_the_signed_form(qtbot, store, key, tmp_path):
    window = open_window(qtbot, store, key)
    dialog = window.findChild(CompletenessActions).show_dialog()
    qtbot.addWidget(dialog)
    first = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert first[1].startswith("1.02.01") and first[5] == "belum ada"
    assert first[6] == "angka, data dukung, formulir bertanda tangan, pengajuan"
    for area in ("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05"):
        store.reports.set_value(key, area, "target", 10)
        store.reports.set_value(key, area, "served", 5)
    scan = tmp_path / "formulir-ttd.pdf"
    scan.write_bytes(pdf_bytes("formulir bertanda tangan"))
    store.evidence.add(key, None, [scan], "Formulir laporan bertanda tangan", SIGNED_FORM)
    dialog = window.findChild(CompletenessActions).show_dialog()
    qtbot.addWidget(dialog)
    first = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert first[2] == "5/5" and first[4] == "✓" and first[6] == "data dukung, pengajuan"
    dialog._open(1, 0)  # double-click on the second service opens it
    assert window.model.key == ReportKey(key.office_id, "1.02.02", PERIOD)
