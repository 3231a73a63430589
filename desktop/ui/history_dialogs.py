"""Riwayat sel and Periksa log audit: what the audit log says, one click from the grid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.domain.formatting import format_int
from desktop.storage.audit import AuditEntry
from desktop.storage.store import Store
from desktop.ui.i18n import tr_message


def cell_history(store: Store, subject: str, column: str) -> list[AuditEntry]:
    """Every recorded change of one cell (the row's subject, one column), newest first."""
    return [e for e in store.audit.entries(subject, column, limit=10_000) if e.subject == subject]


def _value(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return format_int(value)
    return str(value)


class CellHistoryDialog(QDialog):
    """Who changed a cell, when, from what to what."""

    def __init__(self, store: Store, subject: str, column: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat sel"))
        entries = cell_history(store, subject, column)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Waktu (UTC)"), self.tr("Oleh"), self.tr("Sebelum"), self.tr("Sesudah")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(entries):
            when = entry.at.replace("T", " ").removesuffix("Z")[:19]
            for column_index, text in enumerate((when, entry.actor, _value(entry.before), _value(entry.after))):
                self.table.setItem(row, column_index, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        empty = QLabel(self.tr("Sel ini belum pernah diubah."), self)
        empty.setVisible(not entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(720, 360)


def audit_check_text(store: Store) -> tuple[bool, str]:
    """Verifies the audit log's chain; (ok, what to tell the user)."""
    check = store.audit.verify()
    if check.ok:
        return True, QCoreApplication.translate(
            "HistoryDialogs", "Log audit utuh: {rows} catatan, rantai hash sesuai."
        ).format(rows=format_int(check.rows))
    return False, QCoreApplication.translate("HistoryDialogs", "Log audit rusak pada catatan {row}: {reason}").format(
        row=check.broken_at, reason=tr_message(check.reason) if check.reason else ""
    )
