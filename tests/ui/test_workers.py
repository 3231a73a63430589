"""The background-work helper: off the GUI thread, results, progress and errors back on it, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.ui.workers import run_in_background


@pytest.fixture
def pool():
    own = QThreadPool()
    yield own
    own.waitForDone(5000)


def test_result_arrives_on_the_gui_thread(qtbot, pool):
    seen = {}

    def job(_job):
        seen["worker"] = QThread.currentThread()
        return 42

    results = []
    task = run_in_background(
        None, job, on_success=lambda value: results.append((value, QThread.currentThread())), pool=pool
    )
    with qtbot.waitSignal(task.finished):
        pass
    assert results == [(42, qtbot_thread())]
    assert seen["worker"] is not qtbot_thread()
    assert not task.running


def qtbot_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_progress_is_reported_in_order(qtbot, pool):
    steps = []

    def job(handle):
        for i in range(1, 4):
            handle.progress(i, 3, f"langkah {i}")
        return "selesai"

    task = run_in_background(None, job, on_progress=lambda *args: steps.append(args), pool=pool)
    with qtbot.waitSignal(task.succeeded) as done:
        pass
    assert done.args == ["selesai"]
    assert steps == [(1, 3, "langkah 1"), (2, 3, "langkah 2"), (3, 3, "langkah 3")]


def test_user_error_arrives_translated(qtbot, pool):
    def job(_job):
        raise user_error(QT_TRANSLATE_NOOP("Test", "Disk penuh di {where}."), where="E:\\")

    reasons = []
    task = run_in_background(None, job, on_failure=reasons.append, pool=pool)
    with qtbot.waitSignal(task.finished):
        pass
    assert reasons == ["Disk penuh di E:\\."]


def test_a_bug_is_reported_as_unexpected(qtbot, pool, caplog):
    def job(_job):
        raise ZeroDivisionError("division by zero")

    reasons = []
    task = run_in_background(None, job, on_failure=reasons.append, pool=pool)
    with qtbot.waitSignal(task.finished):
        pass
    assert "tidak terduga" in reasons[0] and "division by zero" in reasons[0]
    assert "background job failed" in caplog.text  # logged with its trace


def test_cancel_reaches_the_job(qtbot, pool):
    started, may_go_on = threading.Event(), threading.Event()

    def job(handle):
        started.set()
        may_go_on.wait(5)
        handle.check()
        return "not cancelled"

    outcome = []
    task = run_in_background(
        None, job, on_success=outcome.append, on_cancelled=lambda: outcome.append("cancelled"), pool=pool
    )
    assert started.wait(5)
    task.cancel()
    assert task.job.cancelled
    may_go_on.set()
    with qtbot.waitSignal(task.finished):
        pass
    assert outcome == ["cancelled"]


def test_progress_dialog_cancels_and_closes(qtbot, pool):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, may_go_on = threading.Event(), threading.Event()

    def job(handle):
        started.set()
        may_go_on.wait(5)
        handle.check()

    task = run_in_background(parent, job, progress_label="Menyalin berkas…", pool=pool)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.labelText() == "Menyalin berkas…"
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled):
        dialog.findChild(QPushButton).click()  # the Batal button
        may_go_on.set()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None)


def test_byte_counts_beyond_32_bits_arrive_scaled_together(qtbot):
    seen = []

    def job(handle):
        handle.progress(3 * 2**31, 4 * 2**31, "besar")
        return True

    task = run_in_background(None, job, on_progress=lambda done, total, text: seen.append((done, total, text)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    (done, total, text) = seen[0]
    assert total <= 2**31 - 1 and done * 4 == total * 3 and text == "besar"
