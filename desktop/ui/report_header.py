"""Above the grid: the service, who its recipients are, the report's status and its live totals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from desktop.domain.catalog import Catalog
from desktop.domain.formatting import format_percent
from desktop.domain.reports import ReportStatus
from desktop.domain.scoring import ServiceScore
from desktop.storage.reports import STATUS_LABELS
from desktop.ui.bands import band_colour, band_of, score_text


class ReportHeader(QWidget):
    """Service name and recipients on the left; status, achievement, score and band on the right."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.title = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.recipient = QLabel(self)
        self.recipient.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.band = QLabel(self)
        self.band.setMinimumWidth(120)
        band_font = QFont(self.font())
        band_font.setBold(True)
        band_font.setPointSizeF(band_font.pointSizeF() * 1.15)
        self.band.setFont(band_font)
        self.score = QLabel(self)
        self.score.setFont(band_font)
        for label in (self.recipient, self.status, self.totals):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setHorizontalSpacing(16)
        layout.addWidget(self.title, 0, 0, 1, 3)
        layout.addWidget(self.recipient, 1, 0, 1, 3)
        layout.addWidget(self.totals, 2, 0)
        layout.addWidget(self.score, 2, 1)
        layout.addWidget(self.band, 2, 2)
        layout.addWidget(self.status, 3, 0, 1, 3)
        layout.setColumnStretch(0, 1)

    def show_service(self, code: str | None, status: ReportStatus | None) -> None:
        """Shows which service and report status the grid holds."""
        if code is None:
            self.title.setText(self.tr("Pilih jenis pelayanan dasar di sebelah kiri"))
            for label in (self.recipient, self.status, self.totals, self.score, self.band):
                label.clear()
            return
        service = self.catalog.service(code)
        self.title.setText(f"{service.code}  {service.name}")
        recipient = service.recipient or self.tr("(belum ditetapkan dalam katalog)")
        self.recipient.setText(self.tr("Penerima layanan: {recipient}").format(recipient=recipient))
        if status is None:
            self.status.clear()
            return
        label = QCoreApplication.translate(*STATUS_LABELS[status])
        if status.editable:
            self.status.setText(self.tr("Status laporan: {status}").format(status=label))
            self.status.setStyleSheet("color: #444;")
        else:
            self.status.setText(
                self.tr("Status laporan: {status} — isian terkunci dan tidak dapat diubah.").format(status=label)
            )
            self.status.setStyleSheet("color: #8a5a00; font-weight: bold;")

    def show_score(self, score: ServiceScore | None) -> None:
        """Shows the service's achievement, score and band as the rows stand now."""
        if score is None:
            self.totals.clear()
            self.score.clear()
            self.band.clear()
            return
        self.totals.setText(
            self.tr("Capaian penerima {recipients}  ·  Capaian mutu {quality}  ·  Realisasi anggaran {budget}").format(
                recipients=format_percent(score.recipients_pct),
                quality=format_percent(score.quality_pct),
                budget=format_percent(score.budget_pct),
            )
        )
        rules = self.catalog.scoring
        band = band_of(rules, score.score)
        colour = band_colour(rules, band).name()
        self.score.setText(self.tr("Nilai {score}").format(score=score_text(score.score)))
        self.band.setText(band.label if band else self.tr("Belum ada data"))
        self.band.setStyleSheet(f"color: {colour};")
        self.score.setStyleSheet(f"color: {colour};")
