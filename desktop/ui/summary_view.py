"""The quarter's summary: the achievement index and band, then each field and service with its score."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_int, format_percent
from desktop.domain.periods import Period
from desktop.domain.scoring import DistrictScore, ServiceScore
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from desktop.ui.bands import band_colour, band_of, score_text
from desktop.ui.refresh_when_shown import RefreshWhenShown

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NO_DATA = "—"
FIELD_ROW = QColor("#e6edf5")
SCORE_COLUMN = 6


class SummaryView(RefreshWhenShown, QWidget):
    """Index, band and the per-field, per-service table of one period; re-read when shown after edits."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.catalog = load_catalog()
        self.period: Period | None = None
        self.result: DistrictScore | None = None
        self._dirty = True

        self.title = QLabel(self)
        self.index_label = QLabel(NO_DATA, self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.index_label.setFont(big)
        self.band_label = QLabel(self)
        band_font = QFont(self.font())
        band_font.setPointSizeF(band_font.pointSizeF() * 1.5)
        band_font.setBold(True)
        self.band_label.setFont(band_font)
        rules = self.catalog.scoring
        weights = rules.recipients_weight + rules.quality_weight
        caption = QLabel(
            self.tr(
                "Indeks capaian SPM: rata-rata nilai jenis pelayanan yang sudah berisi data. "
                "Nilai jenis pelayanan = {recipients} capaian penerima + {quality} capaian mutu (paling tinggi 100)."
            ).format(
                recipients=format_percent(100 * rules.recipients_weight / weights, 0),
                quality=format_percent(100 * rules.quality_weight / weights, 0),
            ),
            self,
        )
        caption.setWordWrap(True)
        caption.setStyleSheet("color: #555;")
        self.caption = caption

        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Bidang / jenis pelayanan dasar"),
                self.tr("Sasaran"),
                self.tr("Terlayani"),
                self.tr("Capaian penerima (%)"),
                self.tr("Capaian mutu (%)"),
                self.tr("Realisasi anggaran (%)"),
                self.tr("Nilai"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 12)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 86)
        self.table.setAccessibleName(self.tr("Ringkasan capaian per jenis pelayanan"))

        figure = QHBoxLayout()
        figure.addWidget(self.index_label)
        figure.addSpacing(16)
        figure.addWidget(self.band_label)
        figure.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(figure)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Scores the period's stored figures and shows them."""
        self._dirty = False
        installation = self.store.installation
        if installation is None or self.period is None:
            return
        self.result = result = period_summary(self.store.reports, installation.office, self.period)
        self.title.setText(
            self.tr("<b>{office}</b> — Triwulan {roman} {year}").format(
                office=installation.office.name, roman=self.period.roman, year=self.period.year
            )
        )
        self.index_label.setText(format_percent(result.index))
        colour = band_colour(self.catalog.scoring, result.band).name()
        self.index_label.setStyleSheet(f"color: {colour};")
        self.band_label.setText(result.band.label if result.band else self.tr("Belum ada data"))
        self.band_label.setStyleSheet(f"color: {colour};")
        self._fill(result)

    def _fill(self, result: DistrictScore) -> None:
        rows = sum(1 + len(f.services) for f in result.fields)
        self.table.setRowCount(rows)
        row = 0
        bold = QFont(self.table.font())
        bold.setBold(True)
        for field_score in result.fields:
            field = self.catalog.field(field_score.field_code)
            cells = [field.name, "", "", "", "", "", score_text(field_score.score)]
            self._set_row(row, cells, bold=bold, tooltip=f"{field.code} {field.name}")
            self._colour_score(row, field_score.score)
            row += 1
            for service in field_score.services:
                name = self.catalog.service(service.service_code).name
                label = f"{service.service_code}  {name}"
                self._set_row(row, [label, *self._figures(service)], tooltip=f"{service.service_code} {name}")
                self._colour_score(row, service.score)
                row += 1
        self.table.resizeRowsToContents()

    @staticmethod
    def _figures(service: ServiceScore) -> list[str]:
        if not service.has_data and service.totals.target is None and service.totals.budget is None:
            return [NO_DATA] * 6
        totals = service.totals
        return [
            format_int(totals.target) or NO_DATA,
            format_int(totals.served) or NO_DATA,
            format_percent(service.recipients_pct),
            format_percent(service.quality_pct),
            format_percent(service.budget_pct),
            score_text(service.score),
        ]

    def _colour_score(self, row: int, score: float | None) -> None:
        rules = self.catalog.scoring
        band = band_of(rules, score)
        item = self.table.item(row, SCORE_COLUMN)
        item.setForeground(band_colour(rules, band))
        if band is not None:
            item.setToolTip(band.label)

    def _set_row(self, row: int, cells: list[str], *, bold: QFont | None = None, tooltip: str = "") -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(RIGHT)
            else:
                item.setToolTip(tooltip)
            if bold is not None:
                item.setFont(bold)
                item.setBackground(FIELD_ROW)
            self.table.setItem(row, column, item)
