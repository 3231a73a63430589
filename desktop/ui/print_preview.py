"""The print preview: a generated PDF shown with QtPdf, page by page, to save or to print.

The PDF is the document of record (the same bytes the command line writes). Printing renders each
page with QPdfDocument at the printer's resolution (at most MAX_PRINT_DPI, so a 1200-dpi driver does
not need 500 MB per page) into the QPrinter, on the background worker, with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.reports.pdf_common import copy_file_atomically
from desktop.ui.i18n import tr_user_error
from desktop.ui.workers import Job, Task, run_in_background

LAST_FOLDER_KEY = "printing/last_folder"
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25
FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MESSAGE_STYLES = {
    "error": "background: #fdecea; color: #8c1d18; border: 1px solid #f1b5ae; border-radius: 4px; padding: 6px;",
    "info": "background: #e8f3ec; color: #1e4620; border: 1px solid #b7dcc3; border-radius: 4px; padding: 6px;",
}


class PrintPreviewDialog(QDialog):
    """Shows one generated PDF; Simpan PDF…, Cetak…, Penandatangan… and Tutup."""

    signatoriesRequested = Signal()  # the user wants to change who signs (the owner regenerates the PDF)
    saved = Signal(str)  # where the PDF was saved
    printed = Signal(int)  # how many pages went to the printer

    def __init__(self, title: str, suggested_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PrintPreview")
        self.setWindowTitle(title)
        self.suggested_name = suggested_name
        self.pdf_path: Path | None = None
        self.print_task: Task | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._build()
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.document.pageCountChanged.connect(self._pages_changed)
        self.resize(1100, 760)

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())

    def _build_bar(self) -> QHBoxLayout:
        self.previous_button = QToolButton(self)
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Halaman sebelumnya (Page Up)"))
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Halaman berikutnya (Page Down)"))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(self.tr("Halaman"))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_total = QLabel(self)

        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Perkecil (Ctrl+−)"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.view.zoomFactor() / ZOOM_STEP))
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Perbesar (Ctrl++)"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.view.zoomFactor() * ZOOM_STEP))
        self.zoom_box = QComboBox(self)
        self.zoom_box.setAccessibleName(self.tr("Perbesaran"))
        self.zoom_box.addItem(self.tr("Selebar jendela"), FIT_WIDTH)
        self.zoom_box.addItem(self.tr("Satu halaman penuh"), FIT_PAGE)
        for factor in ZOOMS:
            self.zoom_box.addItem(f"{round(factor * 100)} %", factor)
        self.zoom_box.activated.connect(self._zoom_chosen)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(QLabel(self.tr("Halaman"), self))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        self.signatories_button = QPushButton(self.tr("&Penandatangan…"), self)
        self.signatories_button.clicked.connect(self.signatoriesRequested)
        self.save_button = QPushButton(self.tr("&Simpan PDF…"), self)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("&Cetak…"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.signatories_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        return buttons

    # --- the document ----------------------------------------------------------------------------

    def show_pdf(self, path: Path) -> None:
        """Shows a (new) PDF; the page shown stays where it was when the document is regenerated."""
        page = self.current_page()
        self.document.close()
        self.pdf_path = Path(path)
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.show_message(self.tr("PDF tidak dapat dibuka ({error}).").format(error=error.name), error=True)
            return
        self.go_to_page(min(page, self.page_count() - 1))

    def release(self) -> None:
        """Closes the document (so its temporary file can be removed, Windows included)."""
        self.document.close()

    def page_count(self) -> int:
        """How many pages the shown PDF has."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page shown (0-based)."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Shows a page (0-based); out-of-range requests are clamped."""
        count = self.page_count()
        if count == 0:
            return
        page = max(0, min(page, count - 1))
        navigator = self.view.pageNavigator()
        if page != navigator.currentPage():
            navigator.jump(page, QPointF(), navigator.currentZoom())
        self._page_shown(page)

    def set_zoom(self, factor: float) -> None:
        """A fixed zoom factor (1.0 = 100 %)."""
        factor = max(0.25, min(factor, 4.0))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.zoom_box.setEditText(f"{round(factor * 100)} %")

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_box.itemData(index)
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.set_zoom(float(choice))

    def _pages_changed(self, count: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(count, 1))
        self.page_box.blockSignals(False)
        self.page_total.setText(self.tr("dari {count}").format(count=count))
        self._page_shown(self.current_page())

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A line under the pages: where the file was saved, or why something failed."""
        self.message.setStyleSheet(MESSAGE_STYLES["error" if error else "info"])
        self.message.setText(text)
        self.message.show()

    def set_busy(self, busy: bool) -> None:
        """Disables the buttons that would start something while the PDF is being made or printed."""
        for button in (self.save_button, self.print_button, self.signatories_button):
            button.setEnabled(not busy)

    # --- saving ----------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Asks where, then copies the PDF there (complete or not at all); remembers the folder."""
        if self.pdf_path is None:
            return
        settings = QSettings()
        folder = settings.value(LAST_FOLDER_KEY, str(Path.home()))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), str(Path(str(folder)) / self.suggested_name), self.tr("Dokumen PDF (*.pdf)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            copy_file_atomically(self.pdf_path, target)
        except UserError as exc:
            self.show_message(tr_user_error(exc), error=True)
            return
        settings.setValue(LAST_FOLDER_KEY, str(target.parent))
        self.show_message(self.tr("PDF tersimpan di {path}").format(path=str(target)))
        self.saved.emit(str(target))

    # --- printing --------------------------------------------------------------------------------

    def print_pdf(self) -> None:
        """The system print dialog, then the pages chosen are rendered into the printer off the GUI thread."""
        if self.pdf_path is None or self.page_count() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFullPage(True)  # the PDF has its own margins: map the page onto the paper as it is
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        first = self.document.pagePointSize(0)
        landscape = first.width() > first.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = chosen_pages(printer, self.page_count(), self.current_page())
        path = str(self.pdf_path)
        self.set_busy(True)

        def finished() -> None:
            self.set_busy(False)
            self.print_task = None

        self.print_task = run_in_background(
            self,
            lambda job: render_to_printer(path, printer, pages, job),
            on_success=self._printed,
            on_failure=lambda reason: self.show_message(reason, error=True),
            on_cancelled=lambda: self.show_message(self.tr("Pencetakan dibatalkan.")),
            progress_label=self.tr("Mengirim halaman ke printer…"),
        )
        self.print_task.finished.connect(finished)

    def _printed(self, count: int) -> None:
        self.show_message(self.tr("{count} halaman dikirim ke printer.").format(count=count))
        self.printed.emit(count)


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The pages (0-based) the print dialog asked for: all, a range, or the one shown."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [current]
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1) - 1
        last = min(printer.toPage() or count, count) - 1
        return list(range(first, last + 1))
    return list(range(count))


def render_to_printer(pdf_path: str, printer: QPrinter, pages: list[int], job: Job) -> int:
    """Renders the pages into the printer (on the worker thread: Qt paints on a QPrinter in any thread).

    Each page is drawn at the printer's resolution (at most MAX_PRINT_DPI), scaled to the paper with its
    proportions kept, centred across and from the top. Returns how many pages were sent.
    """
    document = QPdfDocument()
    try:
        if document.load(pdf_path) != QPdfDocument.Error.None_:
            raise user_error(
                QT_TRANSLATE_NOOP("PrintPreviewDialog", "Berkas PDF {path} tidak dapat dibaca."), path=pdf_path
            )
        painter = QPainter()
        if not painter.begin(printer):
            raise user_error(
                QT_TRANSLATE_NOOP("PrintPreviewDialog", "Printer tidak dapat dipakai. Periksa sambungan dan kertasnya.")
            )
        sent = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            for index, page in enumerate(pages):
                job.check()
                job.progress(index, len(pages))
                if index:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(
                    page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                scale = min(paper.width() / image.width(), paper.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
                target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y(), width, height)
                painter.drawImage(target, image)
                sent += 1
            job.progress(len(pages), len(pages))
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()
        return sent
    finally:
        document.close()
