"""Penandatangan…: the head of office, the place and the date the printed forms carry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.storage.installation import Installation
from desktop.storage.signatories import Signatories, default_place, default_title, get_signatories, save_signatories
from desktop.storage.store import Store
from desktop.ui.i18n import tr_user_error

ERROR_STYLE = "background: #fdecea; color: #8c1d18; border: 1px solid #f1b5ae; border-radius: 4px; padding: 6px;"


class SignatoriesDialog(QDialog):
    """Edits the stored signatories; empty fields print their defaults (shown greyed as placeholders)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        installation = store.require_installation()
        self.setWindowTitle(self.tr("Penandatangan formulir"))
        self._build_fields(get_signatories(store), installation)
        operator = QLabel(
            self.tr("{name}, NIP {nip} (diubah melalui penyiapan aplikasi)").format(
                name=installation.operator_name, nip=installation.operator_nip or "—"
            ),
            self,
        )
        operator.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        when = QWidget(self)
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.today)
        when_layout.addWidget(self.sign_date, 1)

        form = QFormLayout()
        form.addRow(self.tr("Nama kepala OPD:"), self.head_name)
        form.addRow(self.tr("NIP kepala OPD:"), self.head_nip)
        form.addRow(self.tr("Jabatan:"), self.head_title)
        form.addRow(self.tr("Pangkat/golongan:"), self.head_rank)
        form.addRow(self.tr("Tempat:"), self.place)
        form.addRow(self.tr("Tanggal:"), when)
        form.addRow(self.tr("Operator:"), operator)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Dicetak pada blok tanda tangan setiap formulir. Kolom kosong memakai nilai bawaan (abu-abu)."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _build_fields(self, current: Signatories, installation: Installation) -> None:
        self.head_name = QLineEdit(current.head_name, self)
        self.head_name.setPlaceholderText(self.tr("nama lengkap dengan gelar"))
        self.head_nip = QLineEdit(current.head_nip, self)
        self.head_nip.setPlaceholderText(self.tr("18 angka"))
        self.head_title = QLineEdit(current.head_title, self)
        self.head_title.setPlaceholderText(default_title(installation.office.name))
        self.head_rank = QLineEdit(current.head_rank, self)
        self.head_rank.setPlaceholderText(self.tr("boleh dikosongkan, mis. Pembina Utama Muda (IV/c)"))
        self.place = QLineEdit(current.place, self)
        self.place.setPlaceholderText(default_place(installation.district_name))
        self.today = QCheckBox(self.tr("Tanggal pencetakan (hari ini)"), self)
        self.today.setChecked(current.sign_date is None)
        self.sign_date = QDateEdit(self)
        self.sign_date.setCalendarPopup(True)
        self.sign_date.setDisplayFormat("d MMMM yyyy")
        day = current.sign_date or date.today()
        self.sign_date.setDate(QDate(day.year, day.month, day.day))
        self.sign_date.setEnabled(current.sign_date is not None)
        self.today.toggled.connect(lambda checked: self.sign_date.setEnabled(not checked))
        for edit in (self.head_name, self.head_nip, self.head_title, self.head_rank, self.place):
            edit.setMinimumWidth(320)

    def signatories(self) -> Signatories:
        """What the fields say now."""
        picked = self.sign_date.date()
        return Signatories(
            head_name=self.head_name.text(),
            head_nip=self.head_nip.text(),
            head_title=self.head_title.text(),
            head_rank=self.head_rank.text(),
            place=self.place.text(),
            sign_date=None if self.today.isChecked() else date(picked.year(), picked.month(), picked.day()),
        )

    def accept(self) -> None:
        """Stores the signatories; a refused value (a NIP that is not 18 digits) keeps the dialog open."""
        try:
            save_signatories(self.store, self.signatories())
        except UserError as exc:
            self.message.setText(tr_user_error(exc))
            self.message.show()
            return
        super().accept()
