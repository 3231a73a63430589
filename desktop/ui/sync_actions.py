"""The hub in the window: an always-visible online/offline state in the status bar, Berkas › Sinkronkan
sekarang, Antrean kirim hub…, Hub provinsi…; and every bundle exported here queued for the hub."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTime, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from desktop.domain.workflow import Permission
from desktop.ui.sync_controller import SyncController, SyncState
from desktop.ui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

STATE_COLOURS = {
    SyncState.NOT_SET: "#7a7a7a",
    SyncState.SYNCING: "#1565c0",
    SyncState.ONLINE: "#2e7d32",
    SyncState.OFFLINE: "#b26a00",
    SyncState.REFUSED: "#c62828",
}


def install_sync_actions(window: MainWindow) -> SyncActions:
    """Adds the hub's state to the status bar and its actions to the Berkas menu; starts the schedule."""
    actions = SyncActions(window)
    actions.controller.start()
    return actions


class SyncActions(QObject):
    """The window's side of the sync: status button, actions, queueing after an export."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("SyncActions")
        self.window, self.store = window, window.store
        self.controller = SyncController(self.store, self)
        self.progress: dict[str, tuple[int, int]] = {}
        self.dialog = None

        self.status = QToolButton(window)
        self.status.setObjectName("SyncStatus")
        self.status.setAutoRaise(True)
        self.status.setAccessibleName(self.tr("Status hub provinsi"))
        self.status.clicked.connect(self.show_outbox)
        window.statusBar().addPermanentWidget(self.status)

        self.sync_action = QAction(self.tr("&Sinkronkan sekarang"), window)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setStatusTip(self.tr("Kirim antrean paket ke hub provinsi dan ambil keputusan provinsi"))
        self.sync_action.triggered.connect(self.sync_now)
        self.outbox_action = QAction(self.tr("Antrean kirim &hub…"), window)
        self.outbox_action.triggered.connect(self.show_outbox)
        self.hub_action = QAction(self.tr("Hub &provinsi…"), window)
        self.hub_action.setStatusTip(self.tr("Alamat hub provinsi dan token kantor ini"))
        self.hub_action.triggered.connect(self.edit_hub)
        self.hub_action.setVisible(self.store.access.allows(Permission.MANAGE_KEYS))
        separator = QAction(window)
        separator.setSeparator(True)
        for action in (separator, self.sync_action, self.outbox_action, self.hub_action):
            window.add_file_action(action)

        self.controller.stateChanged.connect(self._show_state)
        self.controller.uploadProgress.connect(self._progressed)
        self.controller.passFinished.connect(self._pass_finished)
        self.controller.reportsChanged.connect(self._decisions_applied)
        window.bundleExported.connect(self.queue_exported)
        window.closing.connect(self.controller.shutdown)
        window.destroyed.connect(self.controller.closed.set)
        self._show_state()

    # --- actions ---------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sinkronkan sekarang: a pass at once (or, with no hub set, the hub settings for an admin)."""
        if not self.controller.sync_now():
            self.window.statusBar().showMessage(
                self.tr("Hub provinsi belum diatur: Berkas › Hub provinsi… (admin)."), 8000
            )

    def show_outbox(self):
        """Antrean kirim hub…: what waits, what went, what the hub said."""
        from desktop.ui.outbox_dialog import OutboxDialog

        if self.dialog is None:
            self.dialog = OutboxDialog(self.store, self.controller, self.progress, self.window)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def edit_hub(self):
        """Hub provinsi…: the hub's address and this office's token (admin)."""
        from desktop.ui.hub_dialog import HubDialog

        dialog = HubDialog(self.store, self.window)
        dialog.saved.connect(self._hub_changed)
        dialog.open()
        return dialog

    @Slot(object)
    def queue_exported(self, path: Path) -> None:
        """Queues a bundle just exported when a hub is set: checked and copied off the GUI thread."""
        from desktop.exchange.encryption import is_age_file
        from desktop.exchange.verify import trust_of_store
        from desktop.sync.outbox_queue import stage_bundle

        if self.store.hub.get() is None or is_age_file(Path(path)):
            return
        trust, data_dir = trust_of_store(self.store), self.store.data_dir
        run_in_background(
            self,
            lambda _job: stage_bundle(Path(path), trust, data_dir),
            on_success=self._record_staged,
            on_failure=lambda reason: self.window.statusBar().showMessage(
                self.tr("Paket tidak masuk antrean hub: {reason}").format(reason=reason), 15000
            ),
        )

    # --- reactions ---------------------------------------------------------------------------------

    def _record_staged(self, staged) -> None:
        from desktop.sync.outbox_queue import record_staged

        record_staged(self.store, staged)
        self.window.statusBar().showMessage(
            self.tr("Paket masuk antrean kirim ke hub provinsi; terkirim sendiri saat tersambung."), 10000
        )
        self.controller.sync_now()
        if self.dialog is not None:
            self.dialog.refresh()

    def _hub_changed(self) -> None:
        self.controller.backoff.succeeded()
        if not self.controller.sync_now():
            self._show_state()

    def _progressed(self, bundle_id: str, done: int, total: int) -> None:
        self.progress[bundle_id] = (done, total)
        self._show_state()

    def _pass_finished(self, _report) -> None:
        self.progress.clear()
        self._show_state()

    def _decisions_applied(self, count: int) -> None:
        self.window.refresh_report()
        self.window.statusBar().showMessage(
            self.tr("Keputusan provinsi diterapkan pada {count} laporan.").format(count=count), 15000
        )

    def _dialog_closed(self, _code: int) -> None:
        self.dialog = None

    def _show_state(self) -> None:
        state = self.controller.state
        text = self.state_text()
        self.status.setText(f"● {text}")
        self.status.setStyleSheet(f"QToolButton {{ color: {STATE_COLOURS[state]}; }}")
        tip = self.controller.detail or text
        self.status.setToolTip(tip + "\n" + self.tr("Klik untuk melihat antrean kirim hub."))

    def state_text(self) -> str:
        """The status bar's words for the hub's state."""
        controller = self.controller
        state = controller.state
        if state is SyncState.NOT_SET:
            return self.tr("Hub: belum diatur")
        if state is SyncState.SYNCING:
            done = sum(d for d, _ in self.progress.values())
            total = sum(t for _, t in self.progress.values())
            if total:
                return self.tr("Mengirim… {percent}%").format(percent=done * 100 // total)
            return self.tr("Menyinkronkan…")
        waiting = self._waiting()
        queue = self.tr(" · {count} paket menunggu").format(count=waiting) if waiting else ""
        if state is SyncState.ONLINE:
            return self.tr("Daring") + queue
        if state is SyncState.REFUSED:
            return self.tr("Hub menolak") + queue
        seconds = controller.seconds_to_next()
        again = QTime.currentTime().addSecs(seconds).toString("HH.mm")
        return self.tr("Luring — coba lagi {time}").format(time=again) + queue

    def _waiting(self) -> int:
        from desktop.storage.outbox import OutboxState

        counts = self.store.outbox.counts()
        return counts[OutboxState.PENDING] + counts[OutboxState.UPLOADING] + counts[OutboxState.SENT]
