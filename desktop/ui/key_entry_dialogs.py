"""The two small dialogs of Kunci & kepercayaan…: making the office key (a passphrase typed twice) and
trusting a partner's key (its fingerprint in large type, confirmed against what the owner read out)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import Text, UserError
from desktop.exchange.keys import PublicKeyInfo
from desktop.storage.trust_store import ROLE_LABELS, ROLES
from desktop.ui.exchange_widgets import STYLES, FingerprintLabel, MessageLabel, PassphraseFields
from desktop.ui.i18n import tr_user_error


def role_label(role: str) -> str:
    """A trust role as shown: perangkat daerah, kabupaten/kota, provinsi."""
    text: Text | None = ROLE_LABELS.get(role)
    return QCoreApplication.translate(text.context, text.text) if text else role


def busy(work: Callable[[], object]) -> object:
    """Runs short work (a scrypt, a key file) on the GUI thread under a busy cursor; its result."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QGuiApplication.restoreOverrideCursor()


class CreateKeyDialog(QDialog):
    """Buat kunci… / Ganti kunci…: a new passphrase, typed twice; `create(passphrase)` makes the key."""

    def __init__(self, create: Callable[[str], None], *, replace: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._create = create
        self.setWindowTitle(self.tr("Ganti kunci tanda tangan") if replace else self.tr("Buat kunci tanda tangan"))
        intro = QLabel(
            self.tr(
                "Kunci ini menandatangani setiap paket laporan yang dikirim, sehingga penerima dapat memastikan "
                "paket itu benar dari kantor ini dan tidak diubah. Frasa sandi melindunginya; frasa sandi yang "
                "lupa tidak dapat dipulihkan."
            ),
            self,
        )
        intro.setWordWrap(True)
        warning = QLabel(
            self.tr(
                "Kunci lama diarsipkan dan tidak dipakai lagi. Paket yang ditandatangani kunci baru ditolak "
                "penerima sampai mereka mempercayai kunci publik yang baru."
            ),
            self,
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(STYLES["warning"])
        warning.setVisible(replace)
        self.fields = PassphraseFields(self)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Ganti kunci") if replace else self.tr("Buat kunci"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addSpacing(6)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _update(self) -> None:
        self.create_button.setEnabled(self.fields.is_acceptable())

    def accept(self) -> None:
        passphrase = self.fields.passphrase()
        if not passphrase:
            return
        try:
            busy(lambda: self._create(passphrase))
        except UserError as exc:
            self.message.show_message("error", tr_user_error(exc))
            return
        self.fields.clear()
        super().accept()


class TrustKeyDialog(QDialog):
    """Shows a partner key's fingerprint in large type and asks whether it matches what its owner read
    out; with a name and a role, `add(name, role)` trusts it."""

    def __init__(self, key: PublicKeyInfo, source: str, add: Callable[[str, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._add = add
        self.setWindowTitle(self.tr("Percayai kunci publik"))
        source_label = QLabel(self.tr("Berkas: {name}").format(name=source), self)
        source_label.setWordWrap(True)
        caption = QLabel(self.tr("Sidik jari kunci di berkas ini:"), self)
        self.fingerprint = FingerprintLabel(key.fingerprint, self, point_size=22)
        key_id = QLabel(self.tr("ID kunci (minisign): {key_id}").format(key_id=key.key_id), self)
        key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_id.setAlignment(Qt.AlignmentFlag.AlignCenter)
        question = QLabel(self.tr("Apakah sidik jari ini sama dengan yang dibacakan pemiliknya?"), self)
        font = question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        question.setFont(font)
        question.setWordWrap(True)
        how = QLabel(
            self.tr(
                "Hubungi pemilik kunci (telepon atau tatap muka) dan minta ia membacakan sidik jari dari "
                "aplikasinya. Percayai kunci ini hanya bila kelima kelompok huruf dan angkanya sama persis."
            ),
            self,
        )
        how.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("misalnya Dinas Kesehatan"))
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pemilik:"), self.name)
        form.addRow(self.tr("&Peran:"), self.role)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.yes_button = self.buttons.addButton(
            self.tr("Ya, sama — percayai kunci ini"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.no_button = self.buttons.addButton(
            self.tr("Tidak sama — jangan tambahkan"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.no_button.setDefault(True)  # Enter alone never trusts a key
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source_label)
        layout.addWidget(caption)
        layout.addWidget(self.fingerprint)
        layout.addWidget(key_id)
        layout.addSpacing(8)
        layout.addWidget(question)
        layout.addWidget(how)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self._update()
        self.resize(600, self.sizeHint().height())

    def _update(self) -> None:
        self.yes_button.setEnabled(bool(self.name.text().strip()))

    def accept(self) -> None:
        if not self.name.text().strip():
            return
        try:
            self._add(self.name.text(), self.role.currentData())
        except UserError as exc:
            self.message.show_message("error", tr_user_error(exc))
            return
        super().accept()
