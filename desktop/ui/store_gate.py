"""Database steps of a worker-thread job, run on the GUI thread, which owns the store's connection.

A job that talks to the network (the hub sync) needs many short database steps between its network
calls. `StoreGate.call(fn)` hands `fn(store)` to the GUI thread and waits for its result, so the
worker never touches the connection and the GUI thread never waits on the network.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.exchange.errors import UserCancelledError


class _Call:
    def __init__(self, fn: Callable[[Any], Any]):
        self.fn = fn
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class StoreGate(QObject):
    """Lives on the GUI thread; `call` may be used from any worker thread."""

    _requested = Signal(object)

    def __init__(self, store, closed: threading.Event | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._closed = closed or threading.Event()
        self._requested.connect(self._run)  # queued: emitted from the worker, received on the GUI thread

    def call(self, fn: Callable[[Any], Any]) -> Any:
        """Runs `fn(store)` on the GUI thread and returns its result (or raises its exception)."""
        if self._closed.is_set():
            raise UserCancelledError
        call = _Call(fn)
        self._requested.emit(call)
        while not call.done.wait(0.1):
            if self._closed.is_set():  # the window is closing: it will not run the step any more
                raise UserCancelledError
        if call.error is not None:
            raise call.error
        return call.result

    def close(self) -> None:
        """No more steps: a worker waiting on one stops with UserCancelledError."""
        self._closed.set()

    @Slot(object)
    def _run(self, call: _Call) -> None:
        if self._closed.is_set():
            call.error = UserCancelledError()
        else:
            try:
                call.result = call.fn(self.store)
            except BaseException as exc:  # handed to the worker, which raises it there
                call.error = exc
        call.done.set()
