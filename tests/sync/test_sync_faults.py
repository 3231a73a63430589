"""Faults on the way up: the hub killed mid-upload, the connection cut by a proxy at random points.
Each time the upload resumes from the hub's offset, and the hub ends with the bundle once, byte for byte."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import socket
import threading
from dataclasses import replace

import pytest

from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.storage.outbox import OutboxState
from desktop.sync import upload
from desktop.sync.engine import run_sync
from desktop.sync.outbox_queue import queue_bundle
from tests.storage.helpers import pdf_bytes
from tests.storage.test_faults import mount_tmpfs  # noqa: F401 - a fixture
from tests.sync.helpers import decide_on_page, link_office, make_office

pytestmark = pytest.mark.slow
SCAN_BYTES = 12 * 1024 * 1024  # a scanned form: incompressible, as real scans are


@pytest.fixture(scope="module")
def big_office_template(tmp_path_factory):
    scan = pdf_bytes("Formulir bertanda tangan") + os.urandom(SCAN_BYTES)
    return make_office(tmp_path_factory.mktemp("big-office"), evidence=scan)


@pytest.fixture
def big_office(big_office_template, tmp_path):
    return replace(big_office_template, data_dir=shutil.copytree(big_office_template.data_dir, tmp_path / "office"))


@pytest.fixture
def small_chunks(monkeypatch):
    """256 KiB chunks throughout: many requests, so a fault lands in the middle of the upload."""
    monkeypatch.setattr(upload, "FIRST_CHUNK", 256 * 1024)
    monkeypatch.setattr(upload, "MAX_CHUNK", 256 * 1024)


def sync(store, url: str | None = None, progress=lambda *_: None):
    link = store.hub.require()
    if url is not None:
        link = replace(link, url=url)
    return run_sync(link, store.data_dir, lambda fn: fn(store), progress=progress)


def assert_stored_once(hub, office) -> None:
    assert hub.rows("SELECT bundle_id, status FROM bundles") == [(office.bundle_id, "verified")]
    (stored,) = list((hub.data_dir / "bundles").rglob("*.spmb"))
    assert hashlib.sha256(stored.read_bytes()).digest() == hashlib.sha256(office.bundle.read_bytes()).digest()


@pytest.mark.usefixtures("small_chunks")
def test_the_hub_killed_mid_upload_resumes_from_its_offset(big_office, hub):
    link_office(big_office, hub)
    size = big_office.bundle.stat().st_size
    killed_at: list[int] = []

    def kill_a_third_in(_bundle, done, total):
        if not killed_at and done > total // 3:
            killed_at.append(done)
            threading.Timer(0.02, hub.kill).start()  # lands in the middle of a following PATCH

    with big_office.open() as store:
        queue_bundle(store, big_office.bundle)
        first = sync(store, progress=kill_a_third_in)
        assert not first.complete and first.offline_reason
        (entry,) = store.outbox.entries()
        assert entry.state is OutboxState.UPLOADING and killed_at[0] <= entry.sent_bytes < size

        hub.start()
        offsets: list[int] = []
        second = sync(store, progress=lambda _b, done, _t: offsets.append(done))
        assert second.complete and second.verified == [big_office.bundle_id]
        assert offsets[0] >= killed_at[0], "resumed where the hub stopped, not from the start"
        assert store.outbox.get(big_office.bundle_id).state is OutboxState.VERIFIED
    assert_stored_once(hub, big_office)


class CuttingProxy:
    """A TCP proxy to the hub that cuts each connection after a random number of upstream bytes."""

    def __init__(self, target_port: int, seed: int):
        self.target_port = target_port
        self.random = random.Random(seed)
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            budget = self.random.randint(64 * 1024, 3 * 1024 * 1024)
            threading.Thread(target=self._pipe, args=(client, upstream, budget), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, None), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, budget: int | None) -> None:
        try:
            while data := source.recv(65536):
                if budget is not None:
                    budget -= len(data)
                    if budget <= 0:  # cut in the middle of a request: both ends see the connection end
                        self.cuts += 1
                        for end in (source, sink):
                            # shutdown, not only close: it also wakes the other direction's recv in its thread
                            with contextlib.suppress(OSError):
                                end.shutdown(socket.SHUT_RDWR)
                        return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()

    def close(self) -> None:
        self.stopped = True
        self.listener.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_connections_cut_at_random_points_still_deliver_the_bundle_once(big_office, hub, seed):
    link_office(big_office, hub)
    proxy = CuttingProxy(hub.port, seed)
    try:
        with big_office.open() as store:
            queue_bundle(store, big_office.bundle)
            passes = 0
            while store.outbox.get(big_office.bundle_id).state is not OutboxState.VERIFIED:
                passes += 1
                assert passes <= 60, "the upload never got through"
                sync(store, url=proxy.url)
            assert proxy.cuts >= 2, "the proxy cut the upload several times"
            assert store.outbox.get(big_office.bundle_id).attempts == passes
    finally:
        proxy.close()
    assert_stored_once(hub, big_office)


def test_a_full_disk_queues_nothing_and_a_decision_waits_for_room(office_template, hub, mount_tmpfs):  # noqa: F811
    """The data folder on a small file system: queueing and fetching a decision each fail with a clear
    message, leave no partial file, and go through once there is room again."""
    disk = mount_tmpfs("disk", "4m")
    office = replace(office_template, data_dir=shutil.copytree(office_template.data_dir, disk / "office"))
    link_office(office, hub)
    filler = disk / "filler"

    def fill_up() -> None:
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()

    with office.open() as store:
        fill_up()
        with pytest.raises(UserError, match="Disk penuh"):
            queue_bundle(store, office.bundle)
        assert store.outbox.entries() == []
        assert not any((store.data_dir / "outbox").glob("*")), "no partial copy left"
        filler.unlink()
        queue_bundle(store, office.bundle)
        assert sync(store).verified == [office.bundle_id]

    decide_on_page(hub, office.bundle_id, "1.02.01", "returned", "Perbaiki sasaran.")
    with office.open() as store:
        fill_up()
        with pytest.raises(UserError, match="Disk penuh"):
            sync(store)
        assert store.reports.status(office.key("1.02.01")) is ReportStatus.SUBMITTED
        assert store.hub.decision_cursor() == 0
        assert not any((store.data_dir / "incoming").glob("hub-decision-*")), "no partial download left"
        filler.unlink()
        assert sync(store).decisions_applied == 1
        assert store.reports.status(office.key("1.02.01")) is ReportStatus.RETURNED
