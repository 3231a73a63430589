"""Dialogs of the Akun menu: a new account, a new password, and the admin's account list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.domain.workflow import ROLE_LABELS, Role
from desktop.storage.accounts import MIN_PASSWORD_LENGTH
from desktop.storage.store import Store
from desktop.ui.i18n import tr_user_error
from desktop.ui.idle_lock import idle_minutes

ERROR_STYLE = "color: #b71c1c;"


def role_label(role: Role) -> str:
    """The role's name in the interface language."""
    return QCoreApplication.translate(*ROLE_LABELS[role])


def save_cancel_buttons(dialog: QDialog, save) -> QDialogButtonBox:
    """Simpan and Batal (Qt ships no Indonesian for its own buttons); Simpan calls `save`."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("AccountDialogs", "&Simpan"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("AccountDialogs", "Batal")
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewPasswordFields(QWidget):
    """A new password typed twice, masked, with what is still wrong shown as it is typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setObjectName("new_password")
        self.second.setObjectName("repeat_password")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Kata &sandi:"), self.first)
        form.addRow(self.tr("&Ulangi kata sandi:"), self.second)
        form.addRow("", self.hint)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str | None:
        """Why the password cannot be used yet, or None."""
        if len(self.first.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("Minimal {count} karakter.").format(count=MIN_PASSWORD_LENGTH)
        if self.first.text() != self.second.text():
            return self.tr("Kedua isian belum sama.")
        return None

    def password(self) -> str:
        """The password as typed."""
        return self.first.text()

    def _update(self, *_args) -> None:
        self.hint.setText(self.problem() or "")


class AccountDialog(QDialog):
    """Tambah akun: user name, full name, NIP, role, password."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, first_admin: bool = False):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Akun admin pertama") if first_admin else self.tr("Tambah akun"))
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("full_name")
        self.nip = QLineEdit(self)
        self.nip.setPlaceholderText(self.tr("18 angka, boleh dikosongkan"))
        self.role = QComboBox(self)
        for role in Role if not first_admin else [Role.ADMIN]:
            self.role.addItem(role_label(role), role)
        self.passwords = NewPasswordFields(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username)
        form.addRow(self.tr("Nama &lengkap:"), self.full_name)
        form.addRow(self.tr("N&IP:"), self.nip)
        form.addRow(self.tr("&Peran:"), self.role)
        buttons = save_cancel_buttons(self, self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _save(self) -> None:
        if problem := self.passwords.problem():
            self.problem.setText(problem)
            return
        try:
            self.store.users.add(
                self.username.text(),
                self.full_name.text(),
                self.nip.text(),
                self.role.currentData(),
                self.passwords.password(),
            )
        except UserError as exc:
            self.problem.setText(tr_user_error(exc))
            return
        self.accept()


class PasswordDialog(QDialog):
    """Ubah kata sandi: one's own, or (for an admin) another account's."""

    def __init__(self, store: Store, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.username = store, username
        self.setWindowTitle(self.tr("Kata sandi baru untuk {name}").format(name=username))
        self.passwords = NewPasswordFields(self)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = save_cancel_buttons(self, self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passwords)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _save(self) -> None:
        if problem := self.passwords.problem():
            self.problem.setText(problem)
            return
        try:
            self.store.users.set_password(self.username, self.passwords.password())
        except UserError as exc:
            self.problem.setText(tr_user_error(exc))
            return
        self.accept()


class UsersDialog(QDialog):
    """Kelola akun (admin): the accounts, their roles and state, and the idle-lock minutes."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Kelola akun pengguna"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nama pengguna"), self.tr("Nama lengkap"), self.tr("Peran"), self.tr("Keadaan")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("&Tambah…"), self)
        role = QPushButton(self.tr("Ubah &peran…"), self)
        reset = QPushButton(self.tr("Atur &ulang kata sandi…"), self)
        self.toggle = QPushButton(self.tr("&Nonaktifkan"), self)
        add.clicked.connect(self._add)
        role.clicked.connect(self._role)
        reset.clicked.connect(self._reset)
        self.toggle.clicked.connect(self._toggle)
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" menit"))
        self.idle.setSpecialValueText(self.tr("tidak pernah"))
        self.idle.setValue(idle_minutes(store))
        self.idle.editingFinished.connect(self._save_idle)
        buttons = QHBoxLayout()
        for button in (add, role, reset, self.toggle):
            buttons.addWidget(button)
        buttons.addStretch(1)
        idle_row = QFormLayout()
        idle_row.addRow(self.tr("Kunci jendela bila tidak digunakan selama:"), self.idle)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(idle_row)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selected)
        self.reload()
        self.resize(640, 400)

    def reload(self) -> None:
        """Re-reads the accounts."""
        users = self.store.accounts.list()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("nonaktif") if user.disabled else self.tr("aktif")
            for column, text in enumerate((user.username, user.full_name, role_label(user.role), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._selected()

    def _user(self):
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selected(self) -> None:
        user = self._user()
        self.toggle.setText(self.tr("&Aktifkan") if user is not None and user.disabled else self.tr("&Nonaktifkan"))

    def _act(self, act) -> None:
        try:
            act()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Tidak dapat dilakukan"), tr_user_error(exc))
        self.reload()

    def _add(self) -> None:
        if AccountDialog(self.store, self).exec():
            self.reload()

    def _role(self) -> None:
        user = self._user()
        if user is None:
            return
        labels = [role_label(r) for r in Role]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Ubah peran"),
            self.tr("Peran {name}:").format(name=user.username),
            labels,
            list(Role).index(user.role),
            False,
        )
        if ok:
            self._act(lambda: self.store.users.set_role(user.username, list(Role)[labels.index(chosen)]))

    def _reset(self) -> None:
        user = self._user()
        if user is not None:
            PasswordDialog(self.store, user.username, self).exec()

    def _toggle(self) -> None:
        user = self._user()
        if user is not None:
            self._act(lambda: self.store.users.set_disabled(user.username, not user.disabled))

    def _save_idle(self) -> None:
        self._act(lambda: self.store.users.set_idle_lock_minutes(self.idle.value()))
