"""The hub in the window: the status bar tells online and offline, an export goes up by itself, the
province's return arrives and the report opens for editing, and a stalled hub never freezes the window."""

from __future__ import annotations

import socket
import time

import pytest
from PySide6.QtCore import QTimer

from desktop.domain.reports import ReportStatus
from desktop.storage.outbox import OutboxState
from desktop.ui.sync_actions import SyncActions
from desktop.ui.sync_controller import SyncState
from tests.sync.conftest import hub, office, office_template  # noqa: F401 - fixtures
from tests.sync.helpers import decide_on_page, link_office

from .helpers import open_window

pytestmark = pytest.mark.slow
WAIT = 30_000


def sync_actions(window) -> SyncActions:
    return window.findChild(SyncActions, "SyncActions")


def test_an_export_goes_up_by_itself_and_the_province_return_reopens_the_report(qtbot, office, hub, tmp_path):  # noqa: F811
    link_office(office, hub)
    store = office.open()
    try:
        window = open_window(qtbot, store, office.key("1.02.01"))
        actions = sync_actions(window)
        assert not window.model.editable, "submitted: frozen until a decision"
        window.bundleExported.emit(office.bundle)  # what the export dialog does after writing to the stick
        qtbot.waitUntil(lambda: store.outbox.get(office.bundle_id) is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: store.outbox.get(office.bundle_id).state is OutboxState.VERIFIED, timeout=WAIT)
        qtbot.waitUntil(lambda: actions.controller.state is SyncState.ONLINE, timeout=WAIT)
        assert actions.status.text().startswith("● Daring")

        dialog = actions.show_outbox()
        qtbot.waitExposed(dialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "Diterima hub"
        dialog.grab().save(str(tmp_path / "outbox.png"))

        decide_on_page(hub, office.bundle_id, "1.02.01", "returned", "Lampirkan daftar nama ibu hamil.")
        with qtbot.waitSignal(actions.controller.reportsChanged, timeout=WAIT) as applied:
            actions.sync_action.trigger()
        assert applied.args == [1]
        assert store.reports.status(office.key("1.02.01")) is ReportStatus.RETURNED
        qtbot.waitUntil(lambda: window.model.editable, timeout=WAIT)
        assert "Lampirkan daftar nama ibu hamil." in window.review_bar.notes.text()
        window.statusBar().grab().save(str(tmp_path / "status.png"))

        hub.kill()
        actions.sync_now()
        qtbot.waitUntil(lambda: actions.controller.state is SyncState.OFFLINE, timeout=WAIT)
        assert actions.status.text().startswith("● Luring — coba lagi")
        window.close()
    finally:
        store.close()


def test_a_stalled_hub_never_freezes_the_window(qtbot, office, tmp_path):  # noqa: F811
    """A hub that takes the connection and never answers: the pass waits on its own thread."""
    hole = socket.create_server(("127.0.0.1", 0), backlog=16)  # accepts in the kernel, never reads or answers
    try:
        with office.open() as store:
            store.hub.set(f"http://127.0.0.1:{hole.getsockname()[1]}", "token")
        store = office.open()
        try:
            window = open_window(qtbot, store, office.key("1.02.01"))
            actions = sync_actions(window)
            actions.sync_now()
            assert actions.controller.state is SyncState.SYNCING
            ticks: list[float] = []
            timer = QTimer(window)
            timer.timeout.connect(lambda: ticks.append(time.monotonic()))
            timer.start(50)
            qtbot.wait(1500)
            timer.stop()
            assert actions.controller.state is SyncState.SYNCING, "still waiting on the hub"
            # Blocked on the network (a minute's read timeout), the loop would not tick at all.
            assert len(ticks) >= 5, "the event loop kept running while the pass waited"
            window.close()
            assert actions.controller.closed.is_set()
        finally:
            store.close()
    finally:
        hole.close()


def test_the_admin_sets_the_hub_after_the_hub_recognised_the_token(qtbot, office, hub):  # noqa: F811
    from desktop.ui.hub_dialog import HubDialog

    token = hub.register(office.office_id, office.name, office.public_key.read_text(encoding="utf-8"))
    store = office.open()
    try:
        dialog = HubDialog(store)
        qtbot.addWidget(dialog)
        dialog.url_edit.setText(hub.url)
        dialog.token_edit.setText("token-yang-salah")
        dialog.check_button.click()
        qtbot.waitUntil(dialog.check_button.isEnabled, timeout=WAIT)
        assert "menolak" in dialog.result_label.text()
        dialog.token_edit.setText(token)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.result_label.text().startswith("Tersambung"), timeout=WAIT)
        assert office.name in dialog.result_label.text()
        assert "belum dipercaya" in dialog.result_label.text(), "the province key is not in the trust store yet"
        with qtbot.waitSignal(dialog.saved):
            dialog.save()
        assert (store.hub.get().url, store.hub.get().token) == (hub.url, token)
    finally:
        store.close()


def test_a_rejected_bundle_is_sent_again_from_the_outbox(qtbot, office, hub):  # noqa: F811
    link_office(office, hub)
    store = office.open()
    try:
        from desktop.sync.outbox_queue import queue_bundle

        queue_bundle(store, office.bundle)
        store.outbox.mark_sent(office.bundle_id)
        store.outbox.mark_checked(office.bundle_id, False, "signature.unknown_key", "Kunci belum terdaftar")
        window = open_window(qtbot, store, office.key("1.02.01"))
        actions = sync_actions(window)
        dialog = actions.show_outbox()
        assert dialog.table.item(0, 3).text() == "Ditolak hub" and not dialog.retry_button.isEnabled()
        dialog.table.selectRow(0)
        assert dialog.retry_button.isEnabled()
        dialog.retry_button.click()
        qtbot.waitUntil(lambda: store.outbox.get(office.bundle_id).state is OutboxState.VERIFIED, timeout=WAIT)
        qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "Diterima hub", timeout=WAIT)
        window.close()
    finally:
        store.close()
