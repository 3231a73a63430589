"""Antrean kirim hub: every bundle queued for the province hub with its progress and the hub's verdict,
and the province's decisions taken in. Non-modal; follows the running sync live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.outbox import OutboxEntry, OutboxState
from desktop.ui.evidence_model import format_size
from desktop.ui.sync_controller import SyncController

PROGRESS_COLUMN, REASON_COLUMN = 4, 5


class OutboxDialog(QDialog):
    """The outbox table, a Sinkronkan sekarang button and Kirim ulang for a rejected bundle."""

    def __init__(self, store, controller: SyncController, progress: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OutboxDialog")
        self.store, self.controller, self.progress = store, controller, progress
        self.entries: list[OutboxEntry] = []
        self.setWindowTitle(self.tr("Antrean kirim hub provinsi"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.hub_label = QLabel(self)
        self.hub_label.setWordWrap(True)
        layout.addWidget(self.hub_label)
        headers = [
            self.tr("Periode"),
            self.tr("Laporan"),
            self.tr("Ukuran"),
            self.tr("Status"),
            self.tr("Terkirim"),
            self.tr("Keterangan"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.decisions_label = QLabel(self)
        self.decisions_label.setWordWrap(True)
        layout.addWidget(self.decisions_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"), self)
        self.retry_button = QPushButton(self.tr("Kirim ulang"), self)
        self.retry_button.setToolTip(
            self.tr("Kirim lagi paket yang ditolak (misalnya setelah kunci kantor didaftarkan)")
        )
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.sync_button.clicked.connect(self.controller.sync_now)
        self.retry_button.clicked.connect(self.retry_selected)
        layout.addWidget(buttons)
        controller.uploadProgress.connect(self._progressed)
        controller.passFinished.connect(lambda _report: self.refresh())
        controller.stateChanged.connect(self._show_hub)

    def _state_label(self, state: OutboxState) -> str:
        return {
            OutboxState.PENDING: self.tr("Menunggu dikirim"),
            OutboxState.UPLOADING: self.tr("Sebagian terkirim"),
            OutboxState.SENT: self.tr("Terkirim, menunggu pemeriksaan hub"),
            OutboxState.VERIFIED: self.tr("Diterima hub"),
            OutboxState.REJECTED: self.tr("Ditolak hub"),
        }[state]

    def refresh(self) -> None:
        """Re-reads the outbox and the decisions taken in."""
        self.entries = self.store.outbox.entries()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (entry.period.label, str(entry.reports), format_size(entry.size), self._state_label(entry.state))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, entry.bundle_id)
            self.table.item(row, 0).setToolTip(entry.bundle_id)
            bar = QProgressBar(self.table)
            bar.setRange(0, 1000)
            self.table.setCellWidget(row, PROGRESS_COLUMN, bar)
            self._set_progress(row, *self.progress.get(entry.bundle_id, (entry.sent_bytes, entry.size)))
            reason = QTableWidgetItem(entry.reason or "")
            reason.setToolTip(entry.reason or "")
            self.table.setItem(row, REASON_COLUMN, reason)
        self.table.resizeColumnsToContents()
        decisions = self.store.hub.decisions(limit=20)
        applied = sum(1 for d in decisions if d.outcome == "applied")
        refused = [d for d in decisions if d.outcome != "applied"]
        text = self.tr("Keputusan provinsi diterima: {applied} diterapkan, {refused} ditolak.").format(
            applied=applied, refused=len(refused)
        )
        for decision in refused[:3]:
            text += "\n" + self.tr("Ditolak: {reason}").format(reason=decision.reason or "")
        self.decisions_label.setText(text)
        self._show_hub()
        self._update_buttons()

    def retry_selected(self) -> None:
        """Kirim ulang: the selected rejected bundle goes back into the queue, and a pass starts."""
        entry = self._selected()
        if entry is None or entry.state is not OutboxState.REJECTED:
            return
        self.store.outbox.requeue(entry.bundle_id)
        self.refresh()
        self.controller.sync_now()

    def _selected(self) -> OutboxEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self._selected()
        self.retry_button.setEnabled(entry is not None and entry.state is OutboxState.REJECTED)

    def _show_hub(self) -> None:
        link = self.store.hub.get()
        if link is None:
            self.hub_label.setText(self.tr("Hub provinsi belum diatur (Berkas › Hub provinsi…, oleh admin)."))
        else:
            detail = f" — {self.controller.detail}" if self.controller.detail else ""
            self.hub_label.setText(self.tr("Hub provinsi: {url}").format(url=link.url) + detail)
        self.sync_button.setEnabled(link is not None)

    def _progressed(self, bundle_id: str, done: int, total: int) -> None:
        for row, entry in enumerate(self.entries):
            if entry.bundle_id == bundle_id:
                self._set_progress(row, done, total)

    def _set_progress(self, row: int, done: int, total: int) -> None:
        bar = self.table.cellWidget(row, PROGRESS_COLUMN)
        if isinstance(bar, QProgressBar):
            bar.setValue(done * 1000 // total if total else 0)
            bar.setFormat(f"{done * 100 // total if total else 0}%")
