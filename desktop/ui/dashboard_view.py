"""The Dasbor: the index and its band in large type, then the charts a coordination meeting discusses —
each service and field sorted from the lowest, the trend over the quarters, the kecamatan for one
service, evidence coverage and completeness — each exportable as PNG, the whole as a one-page PDF.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import load_catalog
from desktop.domain.dashboard import Dashboard
from desktop.domain.formatting import format_percent
from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.storage.dashboard import DashboardSource, read_dashboard
from desktop.storage.reports import STATUS_LABELS
from desktop.storage.store import Store
from desktop.ui import app as app_module
from desktop.ui import dashboard_export
from desktop.ui.bands import band_colour
from desktop.ui.dashboard_charts import BarChartView, TrendChartView, chart_font
from desktop.ui.dashboard_texts import comparison_text, coverage_bars, coverage_text
from desktop.ui.i18n import tr_user_error

FOLDER_KEY = "dashboard/folder"
SERVICE_KEY = "dashboard/area_service"
TWO_COLUMNS = 1000  # pixels of width from which the cards sit side by side
YES, NO = "✓", "✗"


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """Where to save ("" when cancelled); a module function so tests can answer it."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


class Card(QFrame):
    """A titled box holding one chart (or table), with a button saving it as PNG."""

    def __init__(self, title: str, body: QWidget, parent: QWidget, *, tools: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = body
        self.title = QLabel(f"<b>{title}</b>", self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.png_button = QToolButton(self)
        self.png_button.setText(QCoreApplication.translate("Dashboard", "Simpan PNG…"))
        self.png_button.setToolTip(QCoreApplication.translate("Dashboard", "Simpan grafik ini sebagai gambar PNG"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        if tools is not None:
            head.addWidget(tools)
        head.addWidget(self.png_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(head)
        layout.addWidget(body, 1)


class DashboardView(QWidget):
    """One quarter's dashboard for the office; `serviceActivated(code)` when a service is clicked."""

    serviceActivated = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.catalog = load_catalog()
        self.rules = self.catalog.scoring
        self.period: Period | None = None
        self.source: DashboardSource | None = None
        self.figures: Dashboard | None = None
        self.last_path: Path | None = None  # the last file written (tests look)
        self._build_head()
        self._build_cards()
        self._build_layout()

    def _build_head(self) -> None:
        base = self.font()
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.index_label = QLabel("—", self)
        self.index_label.setFont(chart_font(base, 3.6, bold=True))
        self.index_label.setAccessibleName(self.tr("Indeks capaian SPM"))
        self.band_label = QLabel(self)
        self.band_label.setFont(chart_font(base, 1.9, bold=True))
        self.compare_label = QLabel(self)
        self.compare_label.setFont(chart_font(base, 1.15))
        self.compare_label.setWordWrap(True)
        self.coverage_label = QLabel(self)
        self.coverage_label.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Ekspor &PDF…"), self)
        self.pdf_button.setToolTip(self.tr("Seluruh dasbor pada satu halaman A4, untuk rapat koordinasi"))
        self.pdf_button.clicked.connect(self.export_pdf)

    def _build_cards(self) -> None:
        base = self.font()
        self.services_chart = BarChartView(self.rules, base, self)
        self.services_chart.barClicked.connect(self.serviceActivated)
        self.services_chart.setToolTip(self.tr("Klik batang untuk membuka isian jenis pelayanan itu"))
        self.fields_chart = BarChartView(self.rules, base, self)
        self.trend_chart = TrendChartView(base, self)
        self.area_service = QComboBox(self)
        self.area_service.setAccessibleName(self.tr("Jenis pelayanan yang dibandingkan per kecamatan"))
        self.area_service.currentIndexChanged.connect(self._show_areas)
        # Service names are long: the box stays narrow and shows the whole name in its list.
        self.area_service.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area_service.setMinimumContentsLength(22)
        self.areas_chart = BarChartView(self.rules, base, self)
        self.coverage_chart = BarChartView(self.rules, base, self)
        self.table = self._completeness_table()

        self.cards = {
            "services": Card(self.tr("Nilai per jenis pelayanan (terendah di atas)"), self.services_chart, self),
            "areas": Card(self.tr("Capaian penerima per kecamatan"), self.areas_chart, self, tools=self.area_service),
            "trend": Card(self.tr("Indeks per triwulan, tahun ini dan tahun lalu"), self.trend_chart, self),
            "fields": Card(self.tr("Nilai per bidang (terendah di atas)"), self.fields_chart, self),
            "coverage": Card(self.tr("Data dukung dan kelengkapan laporan"), self.coverage_chart, self),
            "completeness": Card(self.tr("Kelengkapan per jenis pelayanan"), self.table, self),
        }
        for name, card in self.cards.items():
            card.png_button.clicked.connect(lambda _checked=False, n=name: self.export_png(n))
            card.setObjectName(f"card_{name}")

    def _build_layout(self) -> None:
        figure = QHBoxLayout()
        figure.addWidget(self.index_label)
        figure.addSpacing(18)
        band_box = QVBoxLayout()
        band_box.addStretch(1)
        band_box.addWidget(self.band_label)
        band_box.addWidget(self.compare_label)
        band_box.addStretch(1)
        figure.addLayout(band_box, 1)
        figure.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignTop)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.grid_host)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.title)
        layout.addLayout(figure)
        layout.addWidget(self.coverage_label)
        layout.addWidget(scroll, 1)
        self._arrange(1)

    # --- public ------------------------------------------------------------------------------------

    def show_period(self, period: Period) -> None:
        """Reads the quarter (three queries) and shows every chart."""
        installation = self.store.require_installation()
        self.period = period
        self.source = read_dashboard(self.store.database, installation.office, period)
        self.figures = figures = self.source.dashboard(self.catalog)
        self.title.setText(
            self.tr("<b>Dasbor capaian SPM</b> — {office}, {district} — <b>Triwulan {roman} {year}</b>").format(
                office=html.escape(installation.office.name),  # names are typed by users; the title is rich text
                district=html.escape(installation.district_name),
                roman=period.roman,
                year=period.year,
            )
        )
        colour = band_colour(self.rules, figures.band).name()
        self.index_label.setText(format_percent(figures.index))
        self.index_label.setStyleSheet(f"color: {colour};")
        self.band_label.setText(figures.band.label if figures.band else self.tr("Belum ada data"))
        self.band_label.setStyleSheet(f"color: {colour};")
        self.compare_label.setText(comparison_text(figures))
        self.coverage_label.setText(coverage_text(figures))
        self.services_chart.set_bars(figures.services)
        self.fields_chart.set_bars(figures.fields)
        self.trend_chart.set_points(figures.this_year, figures.last_year, period.quarter)
        bars, texts = coverage_bars(figures)
        self.coverage_chart.set_bars(bars, texts)
        self._fill_table(figures)
        self._fill_area_services(figures)

    def show_area_service(self, code: str) -> None:
        """Compares the kecamatan for another service."""
        index = self.area_service.findData(code)
        if index >= 0:
            self.area_service.setCurrentIndex(index)

    def export_png(self, name: str, path: Path | None = None) -> Path | None:
        """Saves one chart (or the completeness table) as PNG, asking where unless `path` is given."""
        if path is None:
            chosen = ask_save_path(
                self,
                self.tr("Simpan grafik sebagai PNG"),
                str(self._folder() / f"dasbor-{name}-{self.period.key if self.period else ''}.png"),
                self.tr("Gambar PNG (*.png)"),
            )
            if not chosen:
                return None
            path = Path(chosen).with_suffix(".png") if not Path(chosen).suffix else Path(chosen)
        return self._written(lambda: dashboard_export.save_png(self.cards[name].body, path))

    def export_pdf(self, _checked: bool = False, path: Path | None = None) -> Path | None:
        """Writes the whole dashboard on one A4 page, asking where unless `path` is given."""
        if self.figures is None or self.period is None:
            return None
        if path is None:
            chosen = ask_save_path(
                self,
                self.tr("Ekspor dasbor sebagai PDF"),
                str(self._folder() / f"dasbor-spm-{self.period.key}.pdf"),
                self.tr("Dokumen PDF (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen).with_suffix(".pdf") if not Path(chosen).suffix else Path(chosen)
        installation = self.store.require_installation()
        page = dashboard_export.PdfPage(
            installation=installation,
            figures=self.figures,
            area_service=self.area_service.currentData(),
            area_bars=self.areas_chart.bars,
        )
        return self._written(lambda: dashboard_export.write_pdf(page, path))

    # --- pieces ------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(2 if event.size().width() >= TWO_COLUMNS else 1)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for position, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, position // columns, position % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def _completeness_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Jenis pelayanan"), self.tr("Angka lengkap"), self.tr("Data dukung"), self.tr("Status")]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: a column sized to its contents is measured again for every cell set (slow to fill).
        metrics = table.fontMetrics()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            text = table.horizontalHeaderItem(column).text()
            table.setColumnWidth(
                column, max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("Dikembalikan")) + 24
            )
        table.setAccessibleName(self.tr("Kelengkapan laporan per jenis pelayanan"))
        table.setMinimumHeight(220)
        table.cellDoubleClicked.connect(lambda row, _column: self.serviceActivated.emit(self._row_code(row)))
        return table

    def _row_code(self, row: int) -> str:
        return self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def _fill_table(self, figures: Dashboard) -> None:
        self.table.setRowCount(len(figures.completeness))
        for row, item in enumerate(figures.completeness):
            status = QCoreApplication.translate(*STATUS_LABELS[item.status]) if item.status else self.tr("Belum ada")
            cells = [item.label, YES if item.has_figures else NO, YES if item.has_evidence else NO, status]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, item.service_code)
                    cell.setToolTip(f"{item.service_code} {self.catalog.service(item.service_code).name}")
                else:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                good = (
                    (column == 1 and item.has_figures)
                    or (column == 2 and item.has_evidence)
                    or (column == 3 and item.sent)
                )
                if column:
                    cell.setForeground(Qt.GlobalColor.darkGreen if good else Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def _fill_area_services(self, figures: Dashboard) -> None:
        wanted = self.area_service.currentData() or QSettings().value(SERVICE_KEY)
        self.area_service.blockSignals(True)
        self.area_service.clear()
        for bar in sorted(figures.services, key=lambda b: b.code):
            self.area_service.addItem(bar.label, bar.code)
        found = self.area_service.findData(wanted) if isinstance(wanted, str) else -1
        if found < 0:  # the lowest-scoring service with data is the one the meeting will ask about
            lowest = figures.services[0].code if figures.services else None
            found = max(self.area_service.findData(lowest), 0)
        self.area_service.setCurrentIndex(found)
        self.area_service.blockSignals(False)
        self._show_areas()

    def _show_areas(self, *_args) -> None:
        code = self.area_service.currentData()
        if self.source is None or not code:
            self.areas_chart.set_bars(())
            return
        QSettings().setValue(SERVICE_KEY, code)
        self.areas_chart.set_bars(self.source.areas_for(code, self.catalog))

    def _folder(self) -> Path:
        value = QSettings().value(FOLDER_KEY)
        return Path(value) if isinstance(value, str) and Path(value).is_dir() else Path.home()

    def _written(self, write) -> Path | None:
        try:
            path = write()
        except UserError as exc:
            app_module.show_error(self, tr_user_error(exc))
            return None
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self.last_path = path
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Disimpan: {path}").format(path=str(path)), 15000)
        return path
