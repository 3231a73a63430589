"""The one helper for long work: runs a callable off the GUI thread, results and errors back on it.

The shape is Anki's CollectionOp: the call site is one line, the job gets a `Job` handle to report
progress and to see a cancel request, and success, failure (a UserError already translated) or
cancellation arrive as signals on the GUI thread. There is no processEvents() loop anywhere.

    task = run_in_background(self, lambda job: evidence.stage(files, limit), on_success=self.record)

The store's SQLite connection belongs to the GUI thread: a job does file work (copying, hashing,
building an export) and hands its result back; the short database write happens in on_success.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain.messages import UserError
from desktop.ui.i18n import tr_user_error

INT32_MAX = 2**31 - 1


class CancelledError(Exception):
    """Raised inside a job (by `Job.check`) to stop it when the user pressed Batal."""


class Job:
    """What the background callable receives: report progress, see whether it should stop."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        """Whether the user asked the job to stop."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raises CancelledError when the user asked the job to stop; call it between steps."""
        if self._cancel.is_set():
            raise CancelledError

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Reports how far the job is (total 0: unknown); safe to call often, from the worker thread."""
        done, total = int(done), int(total)
        while done > INT32_MAX or total > INT32_MAX:  # Qt carries 32-bit ints: big byte counts scale down together
            done, total = done // 1024, total // 1024
        self._relay.progressed.emit(done, total, text)


class _Relay(QObject):
    # Emitted from the worker thread; the receiver (a Task) lives on the GUI thread, so Qt queues them.
    progressed = Signal(int, int, str)
    done = Signal(str, object)  # outcome ("ok", "error", "failed", "cancelled"), value


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, relay: _Relay):
        super().__init__()
        self.setAutoDelete(False)  # the Task owns it; Qt must not delete it under Python's feet
        self.fn, self.job, self.relay = fn, job, relay

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except CancelledError:
            self.relay.done.emit("cancelled", None)
        except UserError as exc:
            self.relay.done.emit("error", exc)
        except Exception as exc:  # a bug: logged with its trace, shown as an unexpected failure
            import logging

            logging.getLogger(__name__).exception("background job failed")
            self.relay.done.emit("failed", exc)
        else:
            self.relay.done.emit("ok", result)


class Task(QObject):
    """A running background job, as the GUI thread sees it."""

    progressed = Signal(int, int, str)  # done, total (0 = unknown), text
    succeeded = Signal(object)  # the callable's result
    failed = Signal(str, object)  # the translated reason, the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, fn: Callable[[Job], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self.job = Job(self._relay)
        self._runnable = _Runnable(fn, self.job, self._relay)
        self.running = False

    def start(self, pool: QThreadPool) -> Task:
        """Hands the job to a worker thread."""
        self.running = True
        _RUNNING.add(self)  # kept alive until it reports back, even if the caller drops it
        pool.start(self._runnable)
        return self

    def cancel(self) -> None:
        """Asks the job to stop at its next `Job.check`; the outcome still arrives as a signal."""
        self.job._cancel.set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.running:
            self.progressed.emit(done, total, text)

    @Slot(str, object)
    def _on_done(self, outcome: str, value: object) -> None:
        self.running = False
        _RUNNING.discard(self)
        if outcome == "ok":
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        elif outcome == "error":
            self.failed.emit(tr_user_error(value), value)
        else:
            reason = QCoreApplication.translate(
                "Workers", "Terjadi kesalahan yang tidak terduga: {reason}. Data yang sudah tersimpan tetap aman."
            ).format(reason=value)
            self.failed.emit(reason, value)
        self.finished.emit()


_RUNNING: set[Task] = set()
_POOL: QThreadPool | None = None


def database_pool() -> QThreadPool:
    """One worker thread for all background jobs: database jobs then never run side by side."""
    global _POOL  # noqa: PLW0603 - one pool per process, made on first use
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def run_in_background(
    parent: QObject | None,
    fn: Callable[[Job], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    progress_label: str | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Runs `fn(job)` on a worker thread; the callbacks run on the GUI thread.

    With `progress_label`, a progress dialog with a Batal button is shown over `parent` while it runs.
    """
    task = Task(fn, parent)
    if on_success is not None:
        task.succeeded.connect(on_success)
    if on_failure is not None:
        task.failed.connect(lambda reason, _exc: on_failure(reason))
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    if progress_label is not None:
        _attach_progress_dialog(task, parent if isinstance(parent, QWidget) else None, progress_label)
    return task.start(pool or database_pool())


def _attach_progress_dialog(task: Task, parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "Batal"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Workers", "Sedang bekerja"))
    dialog.setMinimumDuration(400)  # a job that ends at once shows no flicker of a dialog
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.canceled.connect(task.cancel)

    def show_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    task.progressed.connect(show_progress)
    task.finished.connect(dialog.close)
    task.finished.connect(dialog.deleteLater)
    return dialog
