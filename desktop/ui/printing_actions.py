"""Berkas > Cetak…: the report form of the shown service and period, the district rekap of the period,
and the blank form of the shown service.

The store is read on the GUI thread (quick); the PDF is laid out and written on the background
worker with a progress dialog and Batal; then the print preview shows it. Penandatangan… in the
preview changes the signatories and makes the PDF again.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop.domain.messages import UserError
from desktop.ui import app as app_module
from desktop.ui.i18n import tr_user_error
from desktop.ui.workers import Job, Task, run_in_background

if TYPE_CHECKING:  # reportlab and QtPdf are imported on first use: start-up stays as quick as before
    from desktop.reports.pdf_common import PdfResult, Progress
    from desktop.ui.main_window import MainWindow
    from desktop.ui.print_preview import PrintPreviewDialog


@dataclass(frozen=True)
class PrintJob:
    """One kind of PDF: how to read its data (GUI thread) and how to write it (worker thread)."""

    title: str  # the preview's window title
    suggested_name: str  # the file name Simpan PDF… offers
    collect: Callable[[], Any]  # reads the store; may raise UserError (nothing to print)
    write: Callable[[Path, Any, Progress], PdfResult]  # lays the data out into a PDF at the path


class PrintingActions(QObject):
    """The three Cetak actions of the main window and the preview they open."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("PrintingActions")
        self.window = window
        self.store = window.store
        self.preview: PrintPreviewDialog | None = None
        self.task: Task | None = None
        self._job: PrintJob | None = None
        self._folder: Path | None = None

        self.report_action = QAction(self.tr("Cetak &formulir laporan…"), window)
        self.report_action.setShortcut(QKeySequence.StandardKey.Print)
        self.report_action.setStatusTip(
            self.tr("Formulir laporan layanan dan triwulan yang tampil, untuk ditandatangani")
        )
        self.report_action.triggered.connect(self.print_report_form)
        self.rekap_action = QAction(self.tr("Cetak &rekap kabupaten…"), window)
        self.rekap_action.setStatusTip(
            self.tr("Rekap capaian semua layanan pada triwulan yang tampil, indeks dan kategori")
        )
        self.rekap_action.triggered.connect(self.print_rekap)
        self.blank_action = QAction(self.tr("Cetak formulir k&osong…"), window)
        self.blank_action.setStatusTip(self.tr("Formulir isian kosong layanan yang tampil, untuk pengumpulan data"))
        self.blank_action.triggered.connect(self.print_blank_form)
        for action in (self.report_action, self.rekap_action, self.blank_action):
            window.add_file_action(action)

    # --- the three actions -----------------------------------------------------------------------------

    def print_report_form(self) -> Task | None:
        """The report form of the service and period shown."""
        from desktop.reports.pdf_report_form import collect_report_forms, write_report_forms

        key = self.window.key
        if key is None:
            self._error(self.tr("Pilih jenis pelayanan dasar dahulu."))
            return None
        period = key.period
        return self.generate(
            PrintJob(
                title=self.tr("Formulir laporan {code} — Triwulan {quarter} {year}").format(
                    code=key.service_code, quarter=period.roman, year=period.year
                ),
                suggested_name=f"laporan-spm-{key.service_code}-{period.key}.pdf",
                collect=lambda: collect_report_forms(self.store, period, [key.service_code]),
                write=write_report_forms,
            )
        )

    def print_rekap(self) -> Task | None:
        """The district rekap of the period shown."""
        from desktop.reports.pdf_rekap import collect_rekaps, write_rekaps

        period = self.window.period()
        return self.generate(
            PrintJob(
                title=self.tr("Rekap kabupaten — Triwulan {quarter} {year}").format(
                    quarter=period.roman, year=period.year
                ),
                suggested_name=f"rekap-spm-{period.key}.pdf",
                collect=lambda: collect_rekaps(self.store, period.year, period.quarter),
                write=write_rekaps,
            )
        )

    def print_blank_form(self) -> Task | None:
        """The blank form of the service shown, the period left to fill in."""
        from desktop.reports.pdf_blank_form import collect_blank_form, write_blank_forms

        key = self.window.key
        if key is None:
            self._error(self.tr("Pilih jenis pelayanan dasar dahulu."))
            return None
        return self.generate(
            PrintJob(
                title=self.tr("Formulir isian kosong {code}").format(code=key.service_code),
                suggested_name=f"formulir-isian-{key.service_code}.pdf",
                collect=lambda: [collect_blank_form(self.store, key.service_code)],
                write=write_blank_forms,
            )
        )

    # --- making the PDF ------------------------------------------------------------------------------

    def generate(self, job: PrintJob) -> Task | None:
        """Reads the data now, writes the PDF in the background, then shows it in the preview."""
        if self.task is not None and self.task.running:
            return None
        try:
            data = job.collect()
        except UserError as exc:
            self._error(tr_user_error(exc))
            return None
        target = self._temporary_path()
        parent = self.preview if self.preview is not None and self.preview.isVisible() else self.window

        def work(handle: Job) -> PdfResult:
            return job.write(target, data, _progress_of(handle))

        if self.preview is not None:
            self.preview.set_busy(True)
        self.task = run_in_background(
            parent,
            work,
            on_success=lambda result: self._made(job, result),
            on_failure=self._error,
            on_cancelled=lambda: target.unlink(missing_ok=True),
            progress_label=QCoreApplication.translate("PrintingActions", "Menyusun PDF…"),
        )
        self.task.finished.connect(self._task_done)
        return self.task

    def _task_done(self) -> None:
        if self.preview is not None:
            self.preview.set_busy(False)

    def _made(self, job: PrintJob, result: PdfResult) -> None:
        preview = self.preview
        if preview is not None and self._job == job and preview.isVisible():
            old = preview.pdf_path
            preview.show_pdf(result.path)  # the regenerated PDF (new signatories) in the open preview
            if old is not None and old != result.path:
                old.unlink(missing_ok=True)
            return
        from desktop.ui.print_preview import PrintPreviewDialog

        if preview is not None:
            preview.close()
        preview = PrintPreviewDialog(job.title, job.suggested_name, self.window)
        preview.signatoriesRequested.connect(self.edit_signatories)
        preview.finished.connect(lambda _code, p=preview: self._preview_closed(p))
        self.preview, self._job = preview, job
        preview.show_pdf(result.path)
        preview.open()

    def edit_signatories(self) -> None:
        """Penandatangan… from the preview: store the new signatories, then make the same PDF again."""
        from desktop.ui.signatories_dialog import SignatoriesDialog

        dialog = SignatoriesDialog(self.store, self.preview or self.window)
        if dialog.exec() == SignatoriesDialog.DialogCode.Accepted and self._job is not None:
            self.generate(self._job)
        dialog.deleteLater()

    def _preview_closed(self, preview: PrintPreviewDialog) -> None:
        path = preview.pdf_path
        preview.release()
        if path is not None:
            path.unlink(missing_ok=True)
        if self.preview is preview:
            self.preview, self._job = None, None
        preview.deleteLater()

    # --- helpers -------------------------------------------------------------------------------------

    def _temporary_path(self) -> Path:
        if self._folder is None or not self._folder.exists():
            self._folder = Path(tempfile.mkdtemp(prefix="spm-luring-cetak-"))
            # Removed with its PDFs when the window goes (or at exit at the latest).
            weakref.finalize(self, shutil.rmtree, self._folder, True)
        import uuid  # here: it imports platform, a cost at every start

        return self._folder / f"{uuid.uuid4().hex}.pdf"

    def _error(self, reason: str) -> None:
        app_module.show_error(self.preview if self.preview is not None else self.window, reason)


def _progress_of(handle: Job) -> Progress:
    """The layout's progress callback: reports to the dialog and stops when Batal was pressed."""

    def progress(done: int, total: int) -> None:
        handle.check()
        handle.progress(done, total, QCoreApplication.translate("PrintingActions", "Menyusun PDF…"))

    return progress


def install_printing_actions(window: MainWindow) -> PrintingActions:
    """Adds Cetak formulir laporan…, Cetak rekap kabupaten… and Cetak formulir kosong… to the Berkas menu."""
    return PrintingActions(window)
