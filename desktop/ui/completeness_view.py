"""Tampilan > Kelengkapan laporan…: per office and service, what the period's reports still lack —
figures, evidence, the signed form scanned back, submission. Double-click opens the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.completeness import Completeness
from desktop.domain.formatting import format_int
from desktop.storage.completeness import completeness
from desktop.storage.reports import STATUS_LABELS

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

COMPLETE, LACKING, NOTHING = QColor("#e6f4ea"), QColor("#fff4e5"), QColor("#fdecea")


class CompletenessDialog(QDialog):
    """The table of every office's reports of the shown period."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window = window
        period = window.period()
        self.setWindowTitle(self.tr("Kelengkapan laporan — {period}").format(period=period.label))
        self.entries = completeness(window.store.database, period)
        done = sum(1 for e in self.entries if e.complete)
        summary = QLabel(
            self.tr(
                "{done} dari {total} laporan lengkap (angka, data dukung, formulir bertanda tangan, diajukan)."
            ).format(done=done, total=len(self.entries)),
            self,
        )
        headers = [
            self.tr("Kantor"),
            self.tr("Jenis pelayanan"),
            self.tr("Angka (wilayah)"),
            self.tr("Data dukung"),
            self.tr("Formulir TTD"),
            self.tr("Status"),
            self.tr("Yang kurang"),
        ]
        self.table = QTableWidget(len(self.entries), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(self.entries):
            self._fill(row, entry)
        self.table.resizeColumnsToContents()
        self.table.cellDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Klik dua kali sebuah baris untuk membuka laporannya."), self))
        layout.addWidget(buttons)
        self.resize(1000, 560)

    def _fill(self, row: int, entry: Completeness) -> None:
        catalog = self.window.catalog
        service = catalog.service(entry.service_code).name if catalog.has_service(entry.service_code) else ""
        status = QCoreApplication.translate(*STATUS_LABELS[entry.status]) if entry.status else self.tr("belum ada")
        lacking = ", ".join(QCoreApplication.translate(*m) for m in entry.missing) or self.tr("lengkap")
        cells = (
            entry.office_name,
            f"{entry.service_code} {service}",
            f"{format_int(entry.areas_filled)}/{format_int(entry.areas_expected)}",
            format_int(entry.evidence),
            "✓" if entry.signed_forms else "—",
            status,
            lacking,
        )
        colour = COMPLETE if entry.complete else NOTHING if entry.status is None else LACKING
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setBackground(colour)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.table.setItem(row, column, item)

    def _open(self, row: int, _column: int) -> None:
        entry: Completeness = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.window.choose_office(entry.office_id)
        self.window.select(entry.service_code)
        self.accept()


class CompletenessActions(QObject):
    """The menu entry."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("CompletenessActions")
        self.window = window
        self.action = QAction(self.tr("&Kelengkapan laporan…"), window)
        self.action.triggered.connect(self.show_dialog)
        window.view_menu.addAction(self.action)

    def show_dialog(self) -> CompletenessDialog:
        """Opens the view for the shown period (non-modal: the window stays usable)."""
        dialog = CompletenessDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def install_completeness_actions(window: MainWindow) -> CompletenessActions:
    """Adds Tampilan > Kelengkapan laporan…"""
    return CompletenessActions(window)
