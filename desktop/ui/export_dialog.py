"""Berkas › Kirim paket laporan (USB)…: a period's reports and evidence as one signed bundle file.

The steps follow desktop.exchange's thread rules: `prepare_export` reads the store on the GUI thread
(its refusals — no key, nothing to send — are shown in the dialog), the key is unlocked and the file
written, synced, read back and verified on a worker with a progress dialog and Batal, and only then
`record_export` records it, back on the GUI thread (the file is removed again if that fails). A full or
pulled-out stick, a wrong passphrase or a cancel leaves no file under the name and records nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import load_catalog
from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.exchange.bundle_writer import ExportPlan, ExportResult, discard_export, write_bundle
from desktop.exchange.errors import UserCancelledError
from desktop.exchange.export import prepare_export, record_export
from desktop.exchange.keys import unlock_office_key
from desktop.storage.store import Store
from desktop.storage.trust_store import AgeRecipient
from desktop.ui import exchange_dialogs
from desktop.ui.evidence_model import format_size
from desktop.ui.exchange_widgets import MessageLabel
from desktop.ui.i18n import tr_user_error
from desktop.ui.period_bar import PeriodBar
from desktop.ui.workers import Job, Task, run_in_background

ESTIMATED_OVERHEAD = 256 * 1024  # submission.json/.csv and the tag files, generously
SCALE = 1000  # progress is shown in per mille: byte counts of big bundles do not fit Qt's int


def scaled_progress(job: Job, text: str = ""):
    """An exchange progress callback (done_bytes, total_bytes) feeding the job's progress dialog."""

    def report(done: int, total: int) -> None:
        if total > 0:
            job.progress(min(done, total) * SCALE // total, SCALE, text)

    return report


class ExportDialog(QDialog):
    """Chooses the period, the services, the target file and the recipients; then writes the bundle."""

    exported = Signal(object)  # ExportResult, after it was recorded

    def __init__(self, store: Store, period: Period, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.installation = store.require_installation()
        self.office = self.installation.office
        self.catalog = load_catalog()
        self.overview: ExportPlan | None = None  # every service's report of the period, for the counts
        self.task: Task | None = None
        self.written: ExportResult | None = None
        self.keys_dialog: QDialog | None = None
        self._auto_name = ""  # the file name last suggested (replaced when the period changes)
        self._problem: str | None = None  # why the period cannot be sent (no key, nothing to send)
        self._close_when_done = False  # Tutup was pressed while writing: close once the job has stopped
        self.setWindowTitle(self.tr("Kirim paket laporan (USB)"))
        self._build(period)
        self._refresh()
        self.resize(820, 640)

    # --- building ------------------------------------------------------------------------------

    def _build(self, period: Period) -> None:
        intro = QLabel(
            self.tr(
                "Laporan triwulan yang dipilih beserta data dukungnya disimpan sebagai satu berkas paket yang "
                "ditandatangani dengan kunci kantor. Simpan ke flashdisk, lalu serahkan ke verifikator kabupaten."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.period_bar = PeriodBar(period, self)
        self.period_bar.periodChanged.connect(self._refresh)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_bar)
        period_row.addStretch(1)

        self.services = self._services_list()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        target_row = self._target_row()
        target_label = QLabel(self.tr("Simpan &ke:"), self)
        target_label.setBuddy(self.target)
        self.encryption = self._encryption_box()

        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(1024)
        self.passphrase.textChanged.connect(self._update)
        self.passphrase.setAccessibleName(self.tr("Frasa sandi kunci kantor"))

        self.message = MessageLabel(self)
        self.make_key_button = QPushButton(self.tr("&Buat kunci…"), self)
        self.make_key_button.clicked.connect(self.open_keys)
        self.make_key_button.hide()

        form = QFormLayout()
        form.addRow(self.tr("Periode:"), period_row)
        form.addRow(self.tr("&Jenis pelayanan:"), self.services)
        form.addRow("", self.summary)
        form.addRow(target_label, target_row)
        form.addRow("", self.target_hint)
        key_form = QFormLayout()
        key_form.addRow(self.tr("&Frasa sandi kunci kantor:"), self.passphrase)

        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(self.tr("&Kirim ke berkas"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)

        key_row = QHBoxLayout()
        key_row.addWidget(self.make_key_button)
        key_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.encryption)
        layout.addLayout(key_form)
        layout.addWidget(self.message)
        layout.addLayout(key_row)
        layout.addWidget(self.buttons)

    def _services_list(self) -> QListWidget:
        """Jenis pelayanan: one checkable line per service of the office (filled by _refresh)."""
        services = QListWidget(self)
        services.setMinimumHeight(160)
        services.setWordWrap(True)  # a long service name wraps instead of scrolling sideways
        services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        services.itemChanged.connect(self._update)
        return services

    def _target_row(self) -> QHBoxLayout:
        """Simpan ke: the file, typed or chosen with Pilih…; a hint below says where it goes."""
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("Colokkan flashdisk, lalu tekan Pilih… untuk memilih tempatnya"))
        self.target.textChanged.connect(self._update)
        self.choose_button = QPushButton(self.tr("&Pilih…"), self)
        self.choose_button.clicked.connect(self.choose_target)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(self.choose_button)
        self.target_hint = QLabel(self)
        self.target_hint.setWordWrap(True)
        self.target_hint.setStyleSheet("color: #5f6368;")
        return row

    def _encryption_box(self) -> QGroupBox:
        """Enkripsi untuk: one box per configured age recipient; hidden when there is none."""
        box = QGroupBox(self.tr("Enkripsi untuk:"), self)
        encryption_layout = QVBoxLayout(box)
        note = QLabel(
            self.tr(
                "Centang bila paket memuat data pribadi (misalnya daftar NIK). Hanya penerima yang dicentang "
                "yang dapat membuka paketnya."
            ),
            box,
        )
        note.setWordWrap(True)
        encryption_layout.addWidget(note)
        self.recipient_boxes: list[tuple[QCheckBox, AgeRecipient]] = []
        for recipient in self.store.trust.recipients():
            check = QCheckBox(f"{recipient.name}  ({recipient.recipient[:16]}…)", box)
            check.setToolTip(recipient.recipient)
            check.toggled.connect(self._update)
            encryption_layout.addWidget(check)
            self.recipient_boxes.append((check, recipient))
        box.setVisible(bool(self.recipient_boxes))
        return box

    # --- what would be sent --------------------------------------------------------------------

    def period(self) -> Period:
        """The chosen period."""
        return self.period_bar.period()

    def chosen_services(self) -> list[str]:
        """The ticked service codes, in catalog order."""
        return [
            self.services.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_recipients(self) -> list[AgeRecipient]:
        """The recipients ticked under Enkripsi untuk."""
        return [recipient for box, recipient in self.recipient_boxes if box.isChecked()]

    def _refresh(self, *_args) -> None:
        """Re-reads what the period holds: which services have data, and the overview's counts."""
        self.message.clear_message()
        self._problem = None
        has_key = self.store.trust.office_key() is not None
        self.make_key_button.setVisible(not has_key)
        try:
            self.overview = prepare_export(self.store, self.period())
        except UserError as exc:
            self.overview = None
            self._problem = tr_user_error(exc)
        if not has_key:
            self._problem = self.tr(
                "Kantor ini belum mempunyai kunci tanda tangan, jadi paket belum dapat ditandatangani. Tekan "
                "Buat kunci… (atau buka Berkas › Kunci & kepercayaan…), lalu serahkan kunci publiknya ke "
                "verifikator kabupaten."
            )
        if self._problem:
            self.message.show_message("error", self._problem)
        if self.overview is not None:
            carried = {r.service_code: r for r in self.overview.submission.reports}
        else:
            rows = self.store.reports.rows_by_service(self.office.id, self.period())
            carried = {code: None for code, found in rows.items() if any(not r.is_empty for r in found)}
        self.services.blockSignals(True)
        self.services.clear()
        for code in self.office.services:
            name = self.catalog.service(code).name if self.catalog.has_service(code) else ""
            report = carried.get(code)
            if code not in carried:
                detail = self.tr("belum ada isian")
            elif report is None:
                detail = ""
            else:
                filled = sum(1 for r in report.rows if not r.is_empty)
                detail = self.tr("{rows} wilayah").format(rows=filled)
                if report.evidence:
                    detail += self.tr(", {evidence} data dukung").format(evidence=len(report.evidence))
                if report.revision > 1:
                    detail += self.tr("; kiriman ke-{revision}").format(revision=report.revision)
            item = QListWidgetItem(f"{code} {name}" + (f"  —  {detail}" if detail else ""))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in carried else Qt.CheckState.Unchecked)
            if code not in carried:
                item.setForeground(self.palette().placeholderText())
            self.services.addItem(item)
        self.services.blockSignals(False)
        self._suggest_target()
        self._update()

    def _suggest_target(self) -> None:
        name = self.overview.suggested_name if self.overview else ""
        current = self.target.text().strip()
        if not name:
            return
        if current and Path(current).name == self._auto_name:  # the name we suggested: follow the period
            self.target.setText(str(Path(current).with_name(name)))
        elif not current and (folder := exchange_dialogs.remembered_folder(exchange_dialogs.EXPORT_FOLDER)):
            self.target.setText(str(folder / name))
        self._auto_name = name

    def final_path(self) -> Path | None:
        """The file the bundle will be written to (with ".age" when it is encrypted)."""
        text = self.target.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if self.chosen_recipients() and not path.name.endswith(".age"):
            path = path.with_name(path.name + ".age")
        return path

    def _update(self, *_args) -> None:
        busy = self.task is not None and self.task.running
        chosen = set(self.chosen_services())
        reports = [r for r in self.overview.submission.reports if r.service_code in chosen] if self.overview else []
        files = {e.sha256: e.size for r in reports for e in r.evidence}  # each file goes once
        if self.overview is None:
            self.summary.setText("")
        elif not reports:
            self.summary.setStyleSheet("color: #b3261e;")
            self.summary.setText(self.tr("Centang paling sedikit satu jenis pelayanan yang sudah berisi data."))
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr("Akan dikirim: {reports} laporan, {evidence} berkas data dukung ({size}).").format(
                    reports=len(reports), evidence=len(files), size=format_size(sum(files.values()))
                )
            )
        self._show_target_hint(sum(files.values()))
        final = self.final_path()
        for widget in (self.period_bar, self.services, self.target, self.choose_button, self.passphrase):
            widget.setEnabled(not busy)
        self.encryption.setEnabled(not busy)
        self.send_button.setEnabled(not busy and bool(reports) and final is not None and bool(self.passphrase.text()))

    def _show_target_hint(self, evidence_bytes: int) -> None:
        final = self.final_path()
        colour = "#5f6368"
        if final is None:
            text = self.tr("Paket ditulis langsung ke tempat ini, lalu dibaca ulang dan diperiksa di sana.")
        elif not final.parent.is_dir():
            colour = "#b3261e"
            text = self.tr("Folder {folder} tidak ada. Colokkan flashdisk, lalu tekan Pilih….").format(
                folder=str(final.parent)
            )
        else:
            free = QStorageInfo(str(final.parent)).bytesAvailable()
            needed = evidence_bytes + ESTIMATED_OVERHEAD
            if 0 <= free < needed:
                colour = "#b3261e"
                text = self.tr(
                    "Ruang kosong di tujuan hanya {free}, padahal paket ini sekitar {size}. Kosongkan sebagian "
                    "isi flashdisk atau pilih tempat lain."
                ).format(free=format_size(free), size=format_size(needed))
            else:
                text = self.tr("Ruang kosong di tujuan: {free}.").format(free=format_size(max(free, 0)))
            if final.name != Path(self.target.text().strip()).name:
                text += " " + self.tr("Karena dienkripsi, berkasnya bernama {name}.").format(name=final.name)
        self.target_hint.setStyleSheet(f"color: {colour};")
        self.target_hint.setText(text)

    # --- actions -------------------------------------------------------------------------------

    def choose_target(self) -> None:
        """Pilih…: where to write the bundle (the folder is remembered: usually the USB stick)."""
        name = self.overview.suggested_name if self.overview else f"spm-{self.period().key}.spmb"
        current = self.target.text().strip()
        folder = (
            Path(current).parent if current else Path(exchange_dialogs.start_folder(exchange_dialogs.EXPORT_FOLDER))
        )
        path = exchange_dialogs.save_bundle_path(self, str(folder / (Path(current).name if current else name)))
        if path:
            self.target.setText(path)
            self.message.clear_message()

    def open_keys(self) -> None:
        """Buat kunci…: the keys dialog; the overview is re-read when it closes."""
        from desktop.ui.keys_dialog import KeysDialog

        dialog = KeysDialog(self.store, self)
        dialog.finished.connect(lambda _code: (self._refresh(), dialog.deleteLater()))
        self.keys_dialog = dialog
        dialog.open()
        dialog.create_key()

    def send(self) -> Task | None:
        """Kirim ke berkas: plans the bundle, then writes and verifies it on a worker."""
        if self.task is not None and self.task.running:
            return None
        self.message.clear_message()
        final = self.final_path()
        if final is None:
            self.choose_target()
            final = self.final_path()
            if final is None:
                return None
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_message("error", self.tr("Ketik frasa sandi kunci kantor."))
            self.passphrase.setFocus()
            return None
        try:
            plan = prepare_export(self.store, self.period(), self.chosen_services())
        except UserError as exc:
            self.message.show_message("error", tr_user_error(exc))
            return None
        if final.exists() and not exchange_dialogs.confirm(
            self,
            self.tr("Timpa berkas"),
            self.tr("Berkas {name} sudah ada di {folder}. Timpa dengan paket yang baru?").format(
                name=final.name, folder=str(final.parent)
            ),
            self.tr("Timpa"),
        ):
            return None
        out = Path(self.target.text().strip()).expanduser()
        recipients = [r.recipient for r in self.chosen_recipients()]
        data_dir = self.store.data_dir
        label = self.tr("Menulis paket ke {folder}, lalu membacanya ulang untuk diperiksa…").format(
            folder=str(final.parent)
        )
        unlocked: list[bool] = []

        def work(job: Job) -> ExportResult:
            job.progress(0, 0, self.tr("Membuka kunci kantor…"))
            with unlock_office_key(data_dir, passphrase, plan.signer) as signer:
                unlocked.append(True)
                job.check()
                return write_bundle(
                    plan,
                    out,
                    signer,
                    encrypt_to=recipients,
                    progress=scaled_progress(job, label),
                    cancelled=lambda: job.cancelled,
                )

        self.task = run_in_background(
            self,
            work,
            on_success=lambda result: self._written(plan, result),
            on_cancelled=self._cancelled,
            progress_label=label,
        )
        self.task.failed.connect(lambda reason, exc: self._failed(reason, exc, bool(unlocked)))
        self.task.finished.connect(self._job_done)
        self._update()
        return self.task

    def _written(self, plan: ExportPlan, result: ExportResult) -> None:
        try:
            record_export(self.store, plan, result)
        except UserError as exc:
            discard_export(result)
            self.message.show_message(
                "error", self.tr("{reason} Berkas paket dihapus lagi.").format(reason=tr_user_error(exc))
            )
            return
        except BaseException:
            discard_export(result)
            raise
        exchange_dialogs.remember_folder(exchange_dialogs.EXPORT_FOLDER, result.path)
        self.written = result
        self.passphrase.clear()
        names = ", ".join(r.name for r in self.chosen_recipients())
        details = self.tr("Ukuran {size} · {reports} laporan · {evidence} berkas data dukung").format(
            size=format_size(result.file_size), reports=result.reports, evidence=result.evidence_files
        )
        if result.encrypted:
            details += self.tr(" · terenkripsi untuk {names}").format(names=names)
        exchange_dialogs.inform(
            self,
            self.tr("Paket laporan tersimpan"),
            self.tr(
                "Paket laporan tersimpan:\n{path}\n\n{details}.\n\nBerkas sudah dibaca ulang dan diperiksa di media "
                "tujuan. Lepaskan flashdisk dengan aman (Eject) sebelum mencabutnya, lalu serahkan ke "
                "verifikator kabupaten."
            ).format(path=str(result.path), details=details),
        )
        self.exported.emit(result)
        self.accept()

    def _failed(self, reason: str, error: object, unlocked: bool) -> None:
        if isinstance(error, UserCancelledError):
            self._cancelled()
            return
        self.message.show_message("error", reason)
        if not unlocked:  # the passphrase (or the key file) was the problem
            self.passphrase.setFocus()
            self.passphrase.selectAll()

    def _cancelled(self) -> None:
        self.message.show_message(
            "info", self.tr("Dibatalkan; tidak ada berkas yang disimpan dan tidak ada yang dicatat.")
        )

    def _job_done(self) -> None:
        self._update()
        if self._close_when_done and self.written is None:
            super().reject()

    def reject(self) -> None:
        if self.task is not None and self.task.running:  # stop the job first; the dialog closes after it
            self._close_when_done = True
            self.task.cancel()
            return
        super().reject()
