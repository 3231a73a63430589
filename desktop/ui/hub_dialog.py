"""Hub provinsi…: the hub's address and this office's token (given by the province once), checked with
the hub before they are kept; the province key's fingerprint is shown to be compared by phone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.ui.i18n import tr_user_error
from desktop.ui.workers import run_in_background


def check_hub(url: str, token: str) -> dict:
    """Asks the hub who this token belongs to and which province key it signs with (network only)."""
    from desktop.sync.hub_client import HubClient

    with HubClient(url, token) as client:
        office = client.me()
        province = client.hello().get("province", {})
    return {"office": office, "province": province}


class HubDialog(QDialog):
    """Address, token, a check, and Simpan / Lupakan hub."""

    saved = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HubDialog")
        self.store = store
        self.task = None
        self.setWindowTitle(self.tr("Hub provinsi"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Saat ada sambungan internet, paket laporan dikirim sendiri ke hub provinsi dan keputusan provinsi "
                "diambil kembali. Alamat dan token kantor diberikan oleh Biro Pemerintahan provinsi."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        link = store.hub.get()
        self.url_edit = QLineEdit(link.url if link else "", self)
        self.url_edit.setPlaceholderText("https://spm.kaltimprov.go.id")
        self.token_edit = QLineEdit(link.token if link else "", self)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Alamat hub:"), self.url_edit)
        form.addRow(self.tr("Token kantor:"), self.token_edit)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.check_button = QPushButton(self.tr("Periksa sambungan"), self)
        self.forget_button = QPushButton(self.tr("Lupakan hub"), self)
        self.forget_button.setEnabled(link is not None)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self.check)
        self.forget_button.clicked.connect(self.forget)
        layout.addWidget(buttons)

    def _values(self) -> tuple[str, str] | None:
        url = self.url_edit.text().strip().rstrip("/")
        token = self.token_edit.text().strip()
        if not url.startswith(("http://", "https://")):
            self.result_label.setText(self.tr("Alamat hub harus diawali http:// atau https://."))
            return None
        if not token:
            self.result_label.setText(self.tr("Isi token kantor dari provinsi."))
            return None
        return url, token

    def check(self):
        """Periksa sambungan: asks the hub in the background; the answer shows below the fields."""
        values = self._values()
        if values is None:
            return None
        self.check_button.setEnabled(False)
        self.result_label.setText(self.tr("Menghubungi hub…"))
        self.task = run_in_background(
            self,
            lambda _job: check_hub(*values),
            on_success=self._checked,
            on_failure=self._check_failed,
        )
        return self.task

    def _checked(self, answer: dict) -> None:
        self.check_button.setEnabled(True)
        office, province = answer["office"], answer["province"]
        fingerprint = province.get("fingerprint", "")
        trusted = any(k.fingerprint == fingerprint and k.role == "province" for k in self.store.trust.trusted_keys())
        text = self.tr("Tersambung. Terdaftar sebagai {office}. Sidik jari kunci provinsi: {fingerprint}.").format(
            office=office.get("name", ""), fingerprint=fingerprint
        )
        if not trusted:
            text += "\n" + self.tr(
                "Kunci provinsi ini belum dipercaya di sini: cocokkan sidik jarinya dengan provinsi lewat telepon, "
                "lalu tambahkan di Kunci & kepercayaan (peran provinsi). Sebelum itu keputusan provinsi belum diterapkan."
            )
        self.result_label.setText(text)

    def _check_failed(self, reason: str) -> None:
        self.check_button.setEnabled(True)
        self.result_label.setText(reason)

    def save(self) -> None:
        """Simpan: keeps the address and token (checked or not: the office may be offline now)."""
        values = self._values()
        if values is None:
            return
        try:
            self.store.hub.set(*values)
        except UserError as exc:
            self.result_label.setText(tr_user_error(exc))
            return
        self.saved.emit()
        self.accept()

    def forget(self) -> None:
        """Lupakan hub: nothing is sent any more; the outbox stays."""
        try:
            self.store.hub.clear()
        except UserError as exc:
            self.result_label.setText(tr_user_error(exc))
            return
        self.saved.emit()
        self.accept()
