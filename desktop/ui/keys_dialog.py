"""Berkas › Kunci & kepercayaan…: the office signing key, the partners' keys this install trusts, and
the age recipients bundles may be encrypted to.

Every change goes through desktop.exchange.trust on the GUI thread (a new key's ~0.3 s of scrypt
included, under a busy cursor) and is audited there. Trusting a key is two steps: its fingerprint is
shown in large type and the operator confirms it matches what the owner read out.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.exchange import trust
from desktop.storage.store import Store
from desktop.ui import exchange_dialogs
from desktop.ui.evidence_model import format_timestamp
from desktop.ui.exchange_tables import Row, RowsModel, make_table, selected_row
from desktop.ui.exchange_widgets import STYLES, FingerprintLabel, MessageLabel
from desktop.ui.i18n import tr_user_error
from desktop.ui.key_entry_dialogs import CreateKeyDialog, TrustKeyDialog, role_label

OFFICE_TAB, TRUSTED_TAB, RECIPIENTS_TAB = range(3)


class KeysDialog(QDialog):
    """Kunci & kepercayaan: three tabs over the trust store of one install."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.installation = store.require_installation()
        self.create_dialog: CreateKeyDialog | None = None  # the open Buat/Ganti kunci dialog (tests drive it)
        self.trust_dialog: TrustKeyDialog | None = None  # the open fingerprint confirmation
        self.setWindowTitle(self.tr("Kunci & kepercayaan"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._office_tab(), self.tr("Kunci &kantor"))
        self.tabs.addTab(self._trusted_tab(), self.tr("Kunci &tepercaya"))
        self.tabs.addTab(self._recipients_tab(), self.tr("Penerima &enkripsi (age)"))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(760, 520)

    # --- building ------------------------------------------------------------------------------

    def _office_tab(self) -> QWidget:
        page = QWidget(self)
        self.no_key = QLabel(
            self.tr(
                "Kantor ini belum mempunyai kunci tanda tangan. Tanpa kunci, paket laporan tidak dapat dikirim. "
                "Buat kunci, lalu ekspor kunci publiknya dan serahkan ke verifikator kabupaten."
            ),
            page,
        )
        self.no_key.setWordWrap(True)
        self.no_key.setStyleSheet(STYLES["warning"])
        self.fingerprint_caption = QLabel(self.tr("Sidik jari kunci kantor:"), page)
        self.fingerprint = FingerprintLabel("", page, point_size=24)
        self.key_id = QLabel(page)
        self.created = QLabel(page)
        for label in (self.key_id, self.created):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.details = QWidget(page)
        details = QFormLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addRow(self.tr("ID kunci (minisign):"), self.key_id)
        details.addRow(self.tr("Dibuat:"), self.created)
        self.read_aloud = QLabel(
            self.tr(
                "Serahkan berkas kunci publik (Ekspor kunci publik…) ke verifikator kabupaten dan bacakan sidik "
                "jari ini kepadanya; ia mencocokkannya sebelum menerima paket laporan dari kantor ini."
            ),
            page,
        )
        self.read_aloud.setWordWrap(True)
        self.create_button = QPushButton(page)
        self.create_button.clicked.connect(self.create_key)
        self.export_button = QPushButton(self.tr("&Ekspor kunci publik…"), page)
        self.export_button.clicked.connect(self.export_public_key)
        self.office_message = MessageLabel(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.no_key)
        layout.addWidget(self.fingerprint_caption)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.details)
        layout.addWidget(self.read_aloud)
        layout.addLayout(buttons)
        layout.addWidget(self.office_message)
        layout.addStretch(1)
        return page

    def _trusted_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Paket laporan hanya diterima bila ditandatangani salah satu kunci ini (atau kunci kantor ini "
                "sendiri). Tambahkan kunci hanya setelah sidik jarinya dicocokkan dengan pemiliknya."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.trusted_model = RowsModel(
            [self.tr("Nama"), self.tr("Peran"), self.tr("Sidik jari"), self.tr("Ditambahkan")], self, monospace=[2]
        )
        self.trusted_table = make_table(self.trusted_model, page, stretch=0)
        self.trusted_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_key_button = QPushButton(self.tr("T&ambah…"), page)
        self.add_key_button.clicked.connect(self.add_trusted_key)
        self.remove_key_button = QPushButton(self.tr("&Hapus"), page)
        self.remove_key_button.clicked.connect(self.remove_trusted_key)
        self.trusted_message = MessageLabel(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_key_button)
        buttons.addWidget(self.remove_key_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.trusted_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.trusted_message)
        return page

    def _recipients_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Paket yang memuat data pribadi (misalnya daftar NIK) dapat dienkripsi dengan age sehingga hanya "
                "penerimanya (biasanya provinsi) yang dapat membukanya. Masukkan kunci penerima yang diberikan "
                "provinsi; kunci itu diawali age1."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.recipients_model = RowsModel(
            [self.tr("Nama"), self.tr("Penerima age"), self.tr("Ditambahkan")], self, monospace=[1]
        )
        self.recipients_table = make_table(self.recipients_model, page, stretch=1)
        self.recipients_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recipients_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.recipient_name = QLineEdit(page)
        self.recipient_name.setMaxLength(200)
        self.recipient_name.setPlaceholderText(self.tr("misalnya Biro Pemerintahan Provinsi"))
        self.recipient_text = QLineEdit(page)
        self.recipient_text.setPlaceholderText("age1…")
        self.add_recipient_button = QPushButton(self.tr("Tambah&kan penerima"), page)
        self.add_recipient_button.clicked.connect(self.add_recipient)
        self.remove_recipient_button = QPushButton(self.tr("H&apus penerima"), page)
        self.remove_recipient_button.clicked.connect(self.remove_recipient)
        self.recipient_name.textChanged.connect(self._update_buttons)
        self.recipient_text.textChanged.connect(self._update_buttons)
        self.recipients_message = MessageLabel(page)
        form = QFormLayout()
        form.addRow(self.tr("Na&ma penerima:"), self.recipient_name)
        form.addRow(self.tr("&Kunci penerima:"), self.recipient_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_recipient_button)
        buttons.addWidget(self.remove_recipient_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.recipients_table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.recipients_message)
        return page

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-reads the office key, the trusted keys and the recipients."""
        record = self.store.trust.office_key()
        has_key = record is not None
        self.no_key.setVisible(not has_key)
        for widget in (self.fingerprint_caption, self.fingerprint, self.details, self.read_aloud):
            widget.setVisible(has_key)
        if record is not None:
            self.fingerprint.setText(record.fingerprint)
            self.key_id.setText(record.key_id)
            self.created.setText(
                self.tr("{when} oleh {who}").format(when=format_timestamp(record.created_at), who=record.created_by)
            )
        self.create_button.setText(self.tr("&Ganti kunci…") if has_key else self.tr("&Buat kunci…"))
        self.export_button.setEnabled(has_key)
        self.trusted_model.set_rows(
            [
                Row(
                    (key.name, role_label(key.role), key.fingerprint, format_timestamp(key.added_at)),
                    key,
                    tooltips={2: self.tr("ID kunci {key_id}").format(key_id=key.key_id)},
                )
                for key in self.store.trust.trusted_keys()
            ]
        )
        self.recipients_model.set_rows(
            [
                Row((r.name, r.recipient, format_timestamp(r.added_at)), r, tooltips={1: r.recipient})
                for r in self.store.trust.recipients()
            ]
        )
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.remove_key_button.setEnabled(selected_row(self.trusted_table) is not None)
        self.remove_recipient_button.setEnabled(selected_row(self.recipients_table) is not None)
        self.add_recipient_button.setEnabled(
            bool(self.recipient_name.text().strip()) and bool(self.recipient_text.text().strip())
        )

    # --- the office key ------------------------------------------------------------------------

    def create_key(self) -> None:
        """Buat kunci… (or Ganti kunci…, after a warning): asks a passphrase in a dialog, then makes the key."""
        replace = self.store.trust.office_key() is not None
        if replace and not exchange_dialogs.confirm(
            self,
            self.tr("Ganti kunci tanda tangan"),
            self.tr(
                "Ganti kunci tanda tangan kantor?\n\nKunci lama diarsipkan dan tidak dipakai lagi. Verifikator "
                "kabupaten dan mitra lain harus menerima dan mempercayai kunci publik yang baru (dengan "
                "mencocokkan sidik jarinya); sampai itu terjadi, paket laporan dari kantor ini ditolak."
            ),
            self.tr("Ganti kunci"),
        ):
            return
        self.office_message.clear_message()
        dialog = CreateKeyDialog(
            lambda passphrase: trust.create_office_key(self.store, passphrase, replace=replace),
            replace=replace,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._key_created(replace))
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.create_dialog = dialog
        dialog.open()

    def _key_created(self, replaced: bool) -> None:
        self.refresh()
        info = trust.office_key(self.store)
        fingerprint = info.fingerprint if info else ""
        if replaced:
            text = self.tr(
                "Kunci baru dibuat; sidik jarinya {fingerprint}. Ekspor kunci publiknya dan serahkan kembali ke "
                "verifikator kabupaten dan mitra lain."
            )
        else:
            text = self.tr(
                "Kunci dibuat; sidik jarinya {fingerprint}. Ekspor kunci publiknya dan serahkan ke verifikator "
                "kabupaten."
            )
        self.office_message.show_message("ok", text.format(fingerprint=fingerprint))

    def export_public_key(self) -> None:
        """Ekspor kunci publik…: writes the office's .pub where the operator chooses."""
        office = self.installation.office
        slug = re.sub(r"[^a-z0-9]+", "-", office.name.lower()).strip("-")[:40] or "kantor"
        folder = exchange_dialogs.start_folder(exchange_dialogs.KEY_FOLDER)
        suggested = str(Path(folder) / f"kunci-publik-{slug}-{self.installation.district_code}.pub")
        path = exchange_dialogs.save_public_key_path(self, suggested)
        if not path:
            return
        exchange_dialogs.remember_folder(exchange_dialogs.KEY_FOLDER, path)
        try:
            info = trust.export_public_key(self.store, Path(path))
        except UserError as exc:
            self.office_message.show_message("error", tr_user_error(exc))
            return
        self.office_message.show_message(
            "ok",
            self.tr(
                "Kunci publik disimpan di {path}. Serahkan berkas ini ke verifikator kabupaten dan bacakan sidik "
                "jarinya: {fingerprint}."
            ).format(path=path, fingerprint=info.fingerprint),
        )

    # --- trusted keys --------------------------------------------------------------------------

    def add_trusted_key(self) -> None:
        """Tambah…: a partner's .pub, its fingerprint confirmed in a dialog, then trusted (audited)."""
        path = exchange_dialogs.open_public_key_path(self, exchange_dialogs.start_folder(exchange_dialogs.KEY_FOLDER))
        if not path:
            return
        exchange_dialogs.remember_folder(exchange_dialogs.KEY_FOLDER, path)
        self.trusted_message.clear_message()
        try:
            key = trust.read_key_file(Path(path))
        except UserError as exc:
            self.trusted_message.show_message("error", tr_user_error(exc))
            return
        added: list[str] = []

        def add(name: str, role: str) -> None:
            added.append(trust.trust_key(self.store, key, name, role).name)

        dialog = TrustKeyDialog(key, Path(path).name, add, self)
        dialog.accepted.connect(lambda: self._key_trusted(added[-1], key.fingerprint))
        dialog.rejected.connect(lambda: self.trusted_message.show_message("info", self.tr("Kunci tidak ditambahkan.")))
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.trust_dialog = dialog
        dialog.open()

    def _key_trusted(self, name: str, fingerprint: str) -> None:
        self.refresh()
        self.trusted_message.show_message(
            "ok",
            self.tr("Kunci {name} ({fingerprint}) sekarang dipercaya.").format(name=name, fingerprint=fingerprint),
        )

    def remove_trusted_key(self) -> None:
        """Hapus: stops trusting the selected key, after a question (audited)."""
        row = selected_row(self.trusted_table)
        if row is None:
            return
        key = row.value
        if not exchange_dialogs.confirm(
            self,
            self.tr("Hapus kunci tepercaya"),
            self.tr(
                "Berhenti mempercayai kunci {name} ({fingerprint})?\n\nPaket baru yang ditandatangani kunci ini "
                "akan ditolak. Laporan yang sudah diterima tetap tersimpan. Penghapusan dicatat di log audit."
            ).format(name=key.name, fingerprint=key.fingerprint),
            self.tr("Hapus kunci"),
        ):
            return
        try:
            trust.untrust_key(self.store, key.fingerprint)
        except UserError as exc:
            self.trusted_message.show_message("error", tr_user_error(exc))
            return
        self.refresh()
        self.trusted_message.show_message("ok", self.tr("Kunci {name} tidak dipercaya lagi.").format(name=key.name))

    # --- age recipients ------------------------------------------------------------------------

    def add_recipient(self) -> None:
        """Tambahkan penerima: the typed age1… recipient under the typed name (audited)."""
        try:
            added = trust.add_recipient(self.store, self.recipient_text.text(), self.recipient_name.text())
        except UserError as exc:
            self.recipients_message.show_message("error", tr_user_error(exc))
            return
        self.recipient_name.clear()
        self.recipient_text.clear()
        self.refresh()
        self.recipients_message.show_message("ok", self.tr("Penerima {name} ditambahkan.").format(name=added.name))

    def remove_recipient(self) -> None:
        """Hapus penerima: removes the selected recipient, after a question (audited)."""
        row = selected_row(self.recipients_table)
        if row is None:
            return
        recipient = row.value
        if not exchange_dialogs.confirm(
            self,
            self.tr("Hapus penerima enkripsi"),
            self.tr("Hapus penerima {name}? Paket berikutnya tidak dapat dienkripsi untuknya lagi.").format(
                name=recipient.name
            ),
            self.tr("Hapus penerima"),
        ):
            return
        try:
            trust.remove_recipient(self.store, recipient.recipient)
        except UserError as exc:
            self.recipients_message.show_message("error", tr_user_error(exc))
            return
        self.refresh()
        self.recipients_message.show_message("ok", self.tr("Penerima {name} dihapus.").format(name=recipient.name))

    # --- helpers -------------------------------------------------------------------------------

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.create_dialog is dialog:
            self.create_dialog = None
        if self.trust_dialog is dialog:
            self.trust_dialog = None
        dialog.deleteLater()
