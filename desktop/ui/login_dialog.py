"""Masuk: the login at start, and the unlock after the window locked itself when nobody used it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.messages import UserError
from desktop.storage.store import Store
from desktop.ui.i18n import tr_user_error

ERROR_STYLE = "color: #b71c1c;"


class LoginDialog(QDialog):
    """User name and password; accepted once the store has logged the account in."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, locked_user: str | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Masuk — SPM Luring"))
        installation = store.installation
        title = QLabel(installation.office.name if installation else "SPM Luring", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        place = QLabel(installation.district_name if installation else "", self)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        if locked_user:
            self.reason.setText(
                self.tr("Jendela dikunci karena tidak digunakan. Masukkan kata sandi untuk melanjutkan.")
            )
        else:
            self.reason.hide()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username)
        form.addRow(self.tr("&Kata sandi:"), self.password)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("&Masuk"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(
            self.tr("&Keluar") if not locked_user else self.tr("Ganti &pengguna"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(place)
        layout.addWidget(self.reason)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if locked_user:
            self.username.setText(locked_user)
            self.username.setReadOnly(True)
            self.password.setFocus()
        self.setMinimumWidth(380)

    def _log_in(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # one scrypt check, a tenth of a second: on the GUI thread with a busy cursor
            self.store.access.login(self.username.text(), self.password.text())
        except UserError as exc:
            self.problem.setText(tr_user_error(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.password.clear()
        self.accept()


def log_in(store: Store, parent: QWidget | None = None) -> bool:
    """Asks for a login until one succeeds; False when the user chose to leave."""
    return LoginDialog(store, parent).exec() == QDialog.DialogCode.Accepted
