"""The Akun menu: who is logged in, lock now, change password, manage accounts and deadlines,
the history of the current cell, and the audit log check; plus the idle lock of the window.

The dialogs are imported when first opened: the window's start-up builds none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.domain.workflow import ROLE_LABELS, Permission
from desktop.ui.idle_lock import IdleLock
from desktop.ui.report_columns import COLUMNS, INPUT

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class AccountActions(QObject):
    """The account-related actions of the main window, shown as the logged-in role allows."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("AccountActions")
        self.window, self.store = window, window.store
        self.idle_lock = IdleLock(window, self.store)
        self.idle_lock.unlocked.connect(self.refresh)
        self.user_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.user_label)

        menu = window.menuBar().addMenu(self.tr("A&kun"))
        help_menu = window.menuBar().actions()[-2]  # Bantuan stays the last menu
        window.menuBar().insertMenu(help_menu, menu)
        self.lock_action = menu.addAction(self.tr("&Kunci sekarang"), self.idle_lock.lock)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.password_action = menu.addAction(self.tr("Ubah &kata sandi…"), self._password)
        menu.addSeparator()
        self.users_action = menu.addAction(self.tr("Kelola &akun…"), self._users)
        self.first_admin_action = menu.addAction(self.tr("Buat akun &admin pertama…"), self._first_admin)
        self.deadline_action = menu.addAction(self.tr("&Batas waktu periode…"), self._deadline)
        menu.addSeparator()
        self.history_action = QAction(self.tr("&Riwayat sel…"), window)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.history_action.triggered.connect(self.show_cell_history)
        window.grid.addAction(self.history_action)
        window.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        menu.addAction(self.history_action)
        self.audit_action = menu.addAction(self.tr("&Periksa log audit"), self.check_audit)
        self._show_user()

    def refresh(self) -> None:
        """After another account logged in: its name, the actions its role allows, the report as it may see it."""
        self._show_user()
        self.window.refresh_report()

    def _show_user(self) -> None:
        access = self.store.access
        user = access.user
        if user is not None:
            self.user_label.setText(
                self.tr("Pengguna: {name} ({role})").format(
                    name=user.full_name, role=QCoreApplication.translate(*ROLE_LABELS[user.role])
                )
            )
        self.user_label.setVisible(user is not None)  # an install without accounts has nobody to name
        self.lock_action.setEnabled(user is not None)
        self.password_action.setEnabled(user is not None)
        self.users_action.setVisible(access.accounts_exist and access.allows(Permission.MANAGE_USERS))
        self.first_admin_action.setVisible(not access.accounts_exist)
        self.deadline_action.setVisible(access.allows(Permission.MANAGE_PERIODS))

    def show_cell_history(self) -> None:
        """Opens the history of the grid's current cell (a figure or text of an area)."""
        window = self.window
        index = window.grid.currentIndex()
        area = window.model.area_at(index.row()) if index.isValid() else None
        spec = COLUMNS[index.column()] if index.isValid() else None
        if window.key is None or area is None or spec is None or spec.kind != INPUT:
            window.statusBar().showMessage(self.tr("Pilih sel isian sebuah wilayah untuk melihat riwayatnya."), 5000)
            return
        from desktop.ui.history_dialogs import CellHistoryDialog

        subject = f"{window.key.subject}/{area.code}"
        title = (
            f"{window.model.area_label(area)} — {window.model.headerData(index.column(), Qt.Orientation.Horizontal)}"
        )
        CellHistoryDialog(self.store, subject, spec.name, title, window).exec()

    def check_audit(self) -> None:
        """Verifies the audit log's hash chain and says what it found."""
        from desktop.ui.history_dialogs import audit_check_text

        ok, text = audit_check_text(self.store)
        if ok:
            QMessageBox.information(self.window, self.tr("Log audit"), text)
        else:
            QMessageBox.critical(self.window, self.tr("Log audit"), text)

    def _password(self) -> None:
        from desktop.ui.account_dialogs import PasswordDialog

        if self.store.access.user is not None:
            PasswordDialog(self.store, self.store.access.user.username, self.window).exec()

    def _users(self) -> None:
        from desktop.ui.account_dialogs import UsersDialog

        UsersDialog(self.store, self.window).exec()
        self.idle_lock.restart()
        self.refresh()

    def _first_admin(self) -> None:
        from desktop.ui.account_dialogs import AccountDialog

        dialog = AccountDialog(self.store, self.window, first_admin=True)
        if dialog.exec():
            self.store.access.login(dialog.username.text(), dialog.passwords.password())
            self.idle_lock.restart()
            self.refresh()

    def _deadline(self) -> None:
        from desktop.ui.deadline_dialog import DeadlineDialog

        DeadlineDialog(self.store, self.window.period(), self.window).exec()
        self.window.refresh_report()


def install_account_actions(window: MainWindow) -> AccountActions:
    """Adds the Akun menu, the user's name in the status bar, and the idle lock to the window."""
    return AccountActions(window)
