"""Kembalikan laporan: the reviewer's note for the whole report and, where needed, for single rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.reports import ReportKey
from desktop.storage.store import Store


class ReturnDialog(QDialog):
    """Asks what the operator must fix; at least one note is needed to return a report."""

    def __init__(self, store: Store, key: ReportKey, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan laporan {service}").format(service=key.service_code))
        office = store.installation_repo.find_office(key.office_id)
        level = office.area_level if office else store.require_installation().office.area_level
        self.areas = store.areas.reporting_areas(level)
        intro = QLabel(self.tr("Tulis apa yang perlu diperbaiki operator. Catatan tampil di laporannya."), self)
        intro.setWordWrap(True)
        self.report_note = QPlainTextEdit(self)
        self.report_note.setPlaceholderText(self.tr("Catatan untuk seluruh laporan"))
        self.report_note.setAccessibleName(self.tr("Catatan untuk seluruh laporan"))
        self.report_note.setMaximumHeight(90)
        self.table = QTableWidget(len(self.areas), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Wilayah"), self.tr("Catatan untuk baris ini")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, area in enumerate(self.areas):
            name = QTableWidgetItem(area.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("&Kembalikan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.report_note.textChanged.connect(self._update)
        self.table.itemChanged.connect(self._update)
        self._update()
        self.resize(640, 520)

    def note(self) -> str:
        """The note for the whole report."""
        return self.report_note.toPlainText().strip()

    def row_notes(self) -> dict[str, str]:
        """The notes written for single rows, by area code."""
        notes = {}
        for row, area in enumerate(self.areas):
            text = self.table.item(row, 1).text().strip()
            if text:
                notes[area.code] = text
        return notes

    def set_row_note(self, area_code: str, text: str) -> None:
        """Writes a row's note (as the reviewer would type it)."""
        row = next(i for i, area in enumerate(self.areas) if area.code == area_code)
        self.table.item(row, 1).setText(text)

    def _update(self, *_args) -> None:
        self.ok.setEnabled(bool(self.note() or self.row_notes()))
