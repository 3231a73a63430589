"""Berkas › Terima paket laporan…: verify a bundle, show what it would change, apply it on request.

Verification always runs, on a worker with a progress dialog and Batal (the trust store is read on
the GUI thread first). A refusal names the check that failed and what to do. A sound bundle is
previewed: sender, signer and fingerprint, period, and (import_preview.py) a verdict per report, each figure before and after
and the evidence added or taken off. Terapkan copies the evidence on a worker (`stage_evidence`), then
applies everything in one transaction on the GUI thread (`apply_import`). The verified bundle is
closed (a decrypted copy removed) whenever the dialog ends.
"""

from __future__ import annotations

import html
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop.exchange.decisions import DecisionPlan, apply_decisions, is_decision_bundle, plan_decisions
from desktop.exchange.errors import BundleError, UserCancelledError
from desktop.exchange.import_bundle import (
    ImportPlan,
    ImportResult,
    apply_import,
    plan_import,
    stage_evidence,
)
from desktop.exchange.verify import INCOMING_DIR, VerifiedBundle, trust_of_store, verify_bundle
from desktop.storage.store import Store
from desktop.ui import exchange_dialogs
from desktop.ui.evidence_model import format_size, format_timestamp
from desktop.ui.exchange_widgets import MessageLabel
from desktop.ui.export_dialog import scaled_progress
from desktop.ui.i18n import tr_message, tr_user_error
from desktop.ui.import_preview import ImportPreview
from desktop.ui.workers import Job, Task, run_in_background

STAGE_LABELS = {
    "decrypt": QT_TRANSLATE_NOOP("ImportDialog", "membuka enkripsi"),
    "container": QT_TRANSLATE_NOOP("ImportDialog", "wadah berkas (ZIP)"),
    "signature": QT_TRANSLATE_NOOP("ImportDialog", "tanda tangan"),
    "tagmanifest": QT_TRANSLATE_NOOP("ImportDialog", "daftar berkas tag (tagmanifest)"),
    "manifest": QT_TRANSLATE_NOOP("ImportDialog", "daftar isi dan sidik berkas (manifest)"),
    "schema": QT_TRANSLATE_NOOP("ImportDialog", "isi laporan (submission.json)"),
    "references": QT_TRANSLATE_NOOP("ImportDialog", "rujukan katalog, wilayah dan data dukung"),
}
ADVICE_TAMPERED = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Paket ini rusak atau diubah setelah ditandatangani. Jangan dipakai: minta pengirim membuat paket baru, "
    "lalu salin lagi ke flashdisk.",
)
ADVICE_UNKNOWN_KEY = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Bila pengirimnya memang mitra Anda, minta berkas kunci publiknya, cocokkan sidik jarinya lewat telepon, "
    "lalu tambahkan di Berkas › Kunci & kepercayaan…, kemudian terima paket ini lagi.",
)
ADVICE_DECRYPT = QT_TRANSLATE_NOOP(
    "ImportDialog", "Pilih berkas kunci age yang benar, atau minta pengirim mengenkripsi paketnya untuk Anda."
)
ADVICE_REFERENCES = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Paket merujuk katalog, wilayah atau kantor yang tidak cocok dengan aplikasi ini. Periksa versi aplikasi "
    "pengirim dan kabupaten/kotanya, atau minta paket baru.",
)


def _tr(text) -> str:
    return QCoreApplication.translate(text.context, text.text)


def advice_for(error: BundleError) -> str:
    """What the operator can do about a refused bundle."""
    if error.stage == "decrypt":
        return _tr(ADVICE_DECRYPT)
    if error.code == "signature.unknown_key":
        return _tr(ADVICE_UNKNOWN_KEY)
    if error.stage == "references":
        return _tr(ADVICE_REFERENCES)
    return _tr(ADVICE_TAMPERED)


class ImportDialog(QDialog):
    """Verifies one bundle file, previews what it changes, and applies it when asked."""

    applied = Signal(object)  # ImportResult

    def __init__(self, store: Store, path: Path, identity: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.identity = Path(identity) if identity else None
        self.verified: VerifiedBundle | None = None
        self.plan: ImportPlan | None = None
        self.decisions: DecisionPlan | None = None  # a bundle of the district's decisions on this office's reports
        self.imported: ImportResult | None = None
        self.refusal: UserError | None = None  # why the bundle cannot be applied (verification, or the plan)
        self.task: Task | None = None
        self._close_when_done = False  # Tutup was pressed while a job ran: close once it has stopped
        self._release: weakref.finalize | None = None  # closes the verified bundle, once
        self.setWindowTitle(self.tr("Terima paket laporan — {name}").format(name=self.path.name))
        self._build()
        self.resize(680, 240)  # grows for the preview; a refusal needs no more

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.status = MessageLabel(self)
        self.status.show_message("info", self.tr("Memeriksa paket {name}…").format(name=self.path.name))

        self._build_facts()

        self.preview = ImportPreview(self.store, self)
        self.preview.hide()

        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(self.tr("&Terapkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.facts)
        layout.addWidget(self.preview, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)

    def _build_facts(self) -> None:
        """Who sent and signed the bundle, for which period, when."""
        self.facts = QWidget(self)
        form = QFormLayout(self.facts)
        form.setContentsMargins(0, 0, 0, 0)
        self.sender = QLabel(self.facts)
        self.signer = QLabel(self.facts)
        self.signer.setTextFormat(Qt.TextFormat.RichText)
        self.period = QLabel(self.facts)
        self.created = QLabel(self.facts)
        self.file = QLabel(self.facts)
        for label in (self.sender, self.signer, self.period, self.created, self.file):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow(self.tr("Pengirim:"), self.sender)
        form.addRow(self.tr("Ditandatangani:"), self.signer)
        form.addRow(self.tr("Periode:"), self.period)
        form.addRow(self.tr("Dibuat:"), self.created)
        form.addRow(self.tr("Berkas:"), self.file)
        self.facts.hide()

    # --- verifying -----------------------------------------------------------------------------

    def start(self) -> Task:
        """Verifies the bundle on a worker; the preview (or the refusal) follows."""
        trust_now = trust_of_store(self.store)  # the trust store is read here, on the GUI thread
        work_dir = self.store.data_dir / INCOMING_DIR
        path, identity = self.path, self.identity
        label = self.tr("Memeriksa paket {name}…").format(name=path.name)

        def work(job: Job) -> VerifiedBundle:
            return verify_bundle(
                path,
                trust_now,
                identity=identity,
                work_dir=work_dir,
                progress=scaled_progress(job, label),
                cancelled=lambda: job.cancelled,
            )

        self.task = run_in_background(
            self, work, on_success=self._verified, on_cancelled=self._verify_cancelled, progress_label=label
        )
        self.task.failed.connect(self._verify_failed)
        self.task.finished.connect(self._job_done)
        return self.task

    def _verify_failed(self, reason: str, error: object) -> None:
        if isinstance(error, UserCancelledError):
            self._verify_cancelled()
            return
        self.refusal = error if isinstance(error, UserError) else None
        if isinstance(error, BundleError):
            stage = STAGE_LABELS.get(error.stage)
            heading = self.tr("Paket ditolak pada pemeriksaan {stage}.").format(
                stage=f"<b>{html.escape(_tr(stage) if stage else error.stage)}</b>"
            )
            advice = advice_for(error)
        else:
            heading, advice = self.tr("Paket tidak dapat diperiksa."), ""
        self._show_refusal(heading, reason, advice)

    def _show_refusal(self, heading: str, reason: str, advice: str = "") -> None:
        """A refusal in a red box: what happened (`heading`, HTML), why, what to do; nothing was changed."""
        parts = [
            f"<p style='font-size: large'><b>{heading}</b></p>",
            f"<p>{html.escape(reason)}</p>",
        ]
        if advice:
            parts.append(f"<p>{html.escape(advice)}</p>")
        nothing_changed = self.tr("Tidak ada yang diubah.")
        parts.append(f"<p>{html.escape(nothing_changed)}</p>")
        self.status.show_message("error", "".join(parts), rich=True)
        self.apply_button.setEnabled(False)

    def _verify_cancelled(self) -> None:
        self.status.show_message("info", self.tr("Pemeriksaan dibatalkan; tidak ada yang diubah."))

    def _verified(self, verified: VerifiedBundle) -> None:
        self.verified = verified
        # Also when the window is torn down without the dialog ending (the application quits).
        self._release = weakref.finalize(self, verified.close)
        self._show_facts(verified)
        try:
            if is_decision_bundle(self.store, verified):
                self.decisions = plan_decisions(self.store, verified)
                self._show_decisions(self.decisions)
                return
            self.plan = plan_import(self.store, verified)
        except UserError as exc:
            self.refusal = exc
            self._show_refusal(
                html.escape(self.tr("Paket ini sah, tetapi tidak dapat diterima di sini.")), tr_user_error(exc)
            )
            return
        self._show_plan(self.plan)

    # --- the preview ---------------------------------------------------------------------------

    def _show_facts(self, verified: VerifiedBundle) -> None:
        submission = verified.submission
        office = submission.office
        sender = self.tr("{office}, {district}").format(office=office.name, district=office.district_name)
        self.sender.setText(sender)
        self.signer.setText(
            self.tr("{name} — sidik jari {fingerprint}").format(
                name=html.escape(verified.signer.name),
                fingerprint="<span style='font-family: monospace; font-weight: bold; font-size: 11pt'>"
                f"{html.escape(verified.signer.key.fingerprint)}</span>",
            )
        )
        self.period.setText(
            self.tr("Triwulan {roman} {year}").format(roman=submission.period.roman, year=submission.period.year)
        )
        self.created.setText(
            self.tr("{when} oleh {operator}").format(
                when=format_timestamp(submission.created_at), operator=submission.signer.operator
            )
        )
        size = format_size(verified.file_size)
        if verified.encrypted:
            self.file.setText(self.tr("{name} ({size}, terenkripsi)").format(name=self.path.name, size=size))
        else:
            self.file.setText(self.tr("{name} ({size})").format(name=self.path.name, size=size))
        self.facts.show()

    def _show_plan(self, plan: ImportPlan) -> None:
        if plan.new_office:
            self.sender.setText(self.sender.text() + " " + self.tr("(kantor ini belum pernah mengirim paket ke sini)"))
        self.preview.show_plan(plan)
        self.preview.show()
        self.resize(max(self.width(), 940), max(self.height(), 680))  # fits a 1366x768 laptop screen
        refusal = plan.refusal
        if refusal is not None:
            self.refusal = refusal
            self._show_refusal(html.escape(self.tr("Paket ditolak.")), tr_user_error(refusal))
        elif plan.already_imported:
            self.status.show_message("info", self.tr("Paket ini sudah pernah diterima; tidak ada yang berubah."))
        elif not plan.changes_anything:
            self.status.show_message("info", self.tr("Paket ini sah, tetapi tidak mengubah apa pun di sini."))
        else:
            self.status.show_message(
                "ok",
                self.tr(
                    "Paket sah: tanda tangan, isi dan data dukungnya sudah diperiksa. Periksa perubahannya di bawah, "
                    "lalu tekan Terapkan."
                ),
            )
        self.apply_button.setEnabled(plan.changes_anything)

    def _show_decisions(self, plan: DecisionPlan) -> None:
        self.preview.show_decisions(plan)
        self.preview.show()
        self.resize(max(self.width(), 940), max(self.height(), 560))
        if plan.already_imported:
            self.status.show_message("info", self.tr("Paket ini sudah pernah diterima; tidak ada yang berubah."))
        else:
            self.status.show_message(
                "ok",
                self.tr(
                    "Keputusan verifikator kabupaten atas laporan kantor ini. Laporan yang dikembalikan dapat "
                    "diperbaiki lagi; yang disetujui terkunci. Tekan Terapkan untuk menerimanya."
                ),
            )
        self.apply_button.setEnabled(not plan.already_imported)

    def _apply_decisions(self, plan: DecisionPlan) -> None:
        try:
            applied = apply_decisions(self.store, plan)
        except UserError as exc:
            self.status.show_message(
                "error", self.tr("{reason}\n\nTidak ada yang diubah.").format(reason=tr_user_error(exc))
            )
            return
        exchange_dialogs.inform(
            self,
            self.tr("Keputusan diterima"),
            self.tr("{count} laporan diperbarui sesuai keputusan kabupaten.").format(count=applied),
        )
        self.applied.emit(None)
        self.accept()

    # --- applying ------------------------------------------------------------------------------

    def apply(self) -> Task | None:
        """Terapkan: copies the new evidence on a worker, then applies the bundle in one transaction."""
        if self.decisions is not None:
            self._apply_decisions(self.decisions)
            return None
        plan = self.plan
        if plan is None or not plan.changes_anything or (self.task is not None and self.task.running):
            return None
        store, label = self.store, self.tr("Menyalin data dukung dari paket…")

        def work(job: Job):
            # File work only; on failure stage_evidence takes out the bytes it brought in (from any thread).
            return stage_evidence(store, plan, progress=scaled_progress(job, label), cancelled=lambda: job.cancelled)

        def not_staged(reason: str, error: object) -> None:
            if isinstance(error, UserCancelledError):
                self.status.show_message("info", self.tr("Dibatalkan; tidak ada yang diubah."))
            else:
                self.status.show_message("error", self.tr("{reason}\n\nTidak ada yang diubah.").format(reason=reason))
            self._set_busy(False)

        self._set_busy(True)
        self.task = run_in_background(
            self,
            work,
            on_success=lambda staged: self._apply_staged(plan, staged),
            on_cancelled=lambda: not_staged("", UserCancelledError()),
            progress_label=label,
        )
        self.task.failed.connect(not_staged)
        self.task.finished.connect(self._job_done)
        return self.task

    def _apply_staged(self, plan: ImportPlan, staged) -> None:
        try:
            result = apply_import(self.store, plan, staged)
        except UserError as exc:
            self._set_busy(False)
            self.status.show_message(
                "error", self.tr("{reason}\n\nTidak ada yang diubah.").format(reason=tr_user_error(exc))
            )
            return
        self.imported = result
        exchange_dialogs.inform(
            self,
            self.tr("Paket laporan diterima"),
            self.tr("{summary}\n\nDari {office}, triwulan {roman} {year}.").format(
                summary=tr_message(result.message),
                office=plan.office.name,
                roman=plan.period.roman,
                year=plan.period.year,
            ),
        )
        self.applied.emit(result)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.apply_button.setEnabled(not busy and self.plan is not None and self.plan.changes_anything)
        self.close_button.setEnabled(not busy)

    # --- ending ----------------------------------------------------------------------------------

    def _job_done(self) -> None:
        if self._close_when_done and self.imported is None:
            super().reject()

    def reject(self) -> None:
        if self.task is not None and self.task.running:  # stop the job first; the dialog closes after it
            self._close_when_done = True
            self.task.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._release is not None:
            self._release()  # verified.close(): removes the decrypted copy of a .spmb.age
        super().done(result)
