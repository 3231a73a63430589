"""Runs sync passes with the province hub in the background, and says whether the hub is reachable.

A pass runs on a daemon thread of its own (not the shared worker pool: an upload may take hours on a
river link, and closing the window must not wait for a network call to time out). Its database steps
go through a StoreGate to the GUI thread. Between passes a timer waits: two minutes while the hub
answers, an exponential backoff while it does not.
"""

from __future__ import annotations

import threading
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.domain.messages import UserError
from desktop.sync.backoff import Backoff
from desktop.ui.i18n import tr_user_error
from desktop.ui.store_gate import StoreGate

FIRST_PASS_MS = 3000  # after start-up, never during it


class SyncState(StrEnum):
    """What the status bar shows."""

    NOT_SET = "not_set"  # no hub address and token
    SYNCING = "syncing"
    ONLINE = "online"
    OFFLINE = "offline"
    REFUSED = "refused"  # the hub answered but refused this office (token, registration)


class _Relay(QObject):
    # Emitted from the pass's thread, received on the GUI thread (queued).
    progressed = Signal(str, int, int)
    finished = Signal(object, object)  # SyncReport | None, exception | None


class SyncController(QObject):
    """One per window: the state, the schedule and the running pass."""

    stateChanged = Signal()
    uploadProgress = Signal(str, int, int)  # bundle id, bytes acknowledged, size
    passFinished = Signal(object)  # SyncReport
    reportsChanged = Signal(int)  # how many reports the province's decisions changed

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("SyncController")
        self.store = store
        # A plain flag, not a Qt object: it still works while the window and its children are being deleted.
        self.closed = threading.Event()
        self.gate = StoreGate(store, self.closed, self)
        self.backoff = Backoff()
        self.state = SyncState.NOT_SET
        self.detail = ""  # the reason when offline or refused
        self.last_report = None
        self.running = False
        self._again = False  # "sync now" pressed during a pass: another pass right after it
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self._relay = _Relay()
        self._relay.progressed.connect(self.uploadProgress)
        self._relay.finished.connect(self._finished)

    def start(self, delay_ms: int = FIRST_PASS_MS) -> None:
        """Schedules the first pass (when a hub is set)."""
        self._set_state(SyncState.NOT_SET if self.store.hub.get() is None else SyncState.OFFLINE)
        if self.state is not SyncState.NOT_SET:
            self.detail = self.tr("belum dicoba")
            self.timer.start(delay_ms)

    def sync_now(self) -> bool:
        """Starts a pass now; False when no hub is set. A pass already running is followed by another."""
        if self.closed.is_set():
            return False
        link = self.store.hub.get()
        if link is None:
            self._set_state(SyncState.NOT_SET)
            return False
        if self.running:
            self._again = True
            return True
        self.timer.stop()
        self.running = True
        self._set_state(SyncState.SYNCING)
        data_dir = self.store.data_dir
        thread = threading.Thread(target=self._run, args=(link, data_dir), name="spm-sync", daemon=True)
        thread.start()
        return True

    def shutdown(self) -> None:
        """Stops scheduling; a running pass stops at its next step (nothing is lost: uploads resume)."""
        self.closed.set()
        self.timer.stop()

    # --- the pass ------------------------------------------------------------------------------

    def _run(self, link, data_dir) -> None:
        from desktop.sync.engine import run_sync

        try:
            report = run_sync(
                link,
                data_dir,
                self.gate.call,
                progress=self._relay.progressed.emit,
                cancelled=self.closed.is_set,
            )
        except BaseException as exc:  # handed to the GUI thread, which says what happened
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(report, None)

    @Slot(object, object)
    def _finished(self, report, error) -> None:
        self.running = False
        if self.closed.is_set():
            return
        if error is not None:
            from desktop.sync.hub_client import HubRefusedError  # httpx: loaded with the first pass, not at start

            # Refused means the hub said no to this office; anything else here (a login switch under the
            # lock, a full disk) leaves the hub's state unknown: tried again later, like an offline hub.
            self.detail = tr_user_error(error) if isinstance(error, UserError) else str(error)
            self._set_state(SyncState.REFUSED if isinstance(error, HubRefusedError) else SyncState.OFFLINE)
            delay = self.backoff.failed()
        elif report.complete:
            self.detail = ""
            self._set_state(SyncState.ONLINE)
            delay = self.backoff.succeeded()
        else:
            self.detail = report.offline_reason or ""
            self._set_state(SyncState.OFFLINE)
            delay = self.backoff.failed(report.retry_after)
        if report is not None:
            self.last_report = report
            self.passFinished.emit(report)
            if report.decisions_applied:
                self.reportsChanged.emit(report.decisions_applied)
        if self._again:
            self._again = False
            self.sync_now()
        else:
            self.timer.start(int(delay * 1000))

    def seconds_to_next(self) -> int:
        """Seconds until the next scheduled pass (0 when none is scheduled)."""
        return max(self.timer.remainingTime(), 0) // 1000 if self.timer.isActive() else 0

    def _set_state(self, state: SyncState) -> None:
        self.state = state
        self.stateChanged.emit()
