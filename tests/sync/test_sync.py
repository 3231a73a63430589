"""The office and a real hub on 127.0.0.1: the bundle goes up once, the province's decision comes back
signed and is applied; the hub's refusals, a dead hub and a forged decision each change nothing here."""

from __future__ import annotations

import json

import pytest

from desktop.domain.reports import ReportStatus
from desktop.storage.outbox import OutboxState
from desktop.sync.engine import run_sync
from tests.province_hub.helpers import make_hub
from tests.storage.helpers import run_cli
from tests.sync.helpers import decide_on_page, link_office

pytestmark = pytest.mark.slow


def sync_once(store):
    """One pass, in this process, as `spm-luring sync` runs it."""
    return run_sync(store.hub.require(), store.data_dir, lambda fn: fn(store))


def hub_bundles(hub) -> list[tuple]:
    return hub.rows("SELECT bundle_id, status FROM bundles ORDER BY bundle_id")


def test_a_returned_report_comes_back_editable_with_the_province_note(office, any_hub):
    link_office(office, any_hub)
    queued = run_cli(office.data_dir, "sync", "queue", str(office.bundle))
    assert queued.returncode == 0, queued.stderr
    first = run_cli(office.data_dir, "sync", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["sent"] == [office.bundle_id] and report["verified"] == [office.bundle_id]
    assert hub_bundles(any_hub) == [(office.bundle_id, "verified")]

    decide_on_page(
        any_hub,
        office.bundle_id,
        "1.02.01",
        "returned",
        "Lampirkan daftar nama ibu hamil.",
        {"64.11.02": "Cek sasaran"},
    )
    decide_on_page(any_hub, office.bundle_id, "1.02.02", "approved")
    second = run_cli(office.data_dir, "sync", "--json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["decisions_applied"] == 2

    with office.open() as store:
        returned, approved = office.key("1.02.01"), office.key("1.02.02")
        assert store.reports.status(returned) is ReportStatus.RETURNED
        assert store.reports.status(approved) is ReportStatus.APPROVED
        notes = {n.area_code: n.note for n in store.review.notes(returned)}
        assert notes == {None: "Lampirkan daftar nama ibu hamil.", "64.11.02": "Cek sasaran"}
        assert store.review.history(returned)[-1].actor == "Biro Pemerintahan"
        assert store.audit.verify().ok
    again = run_cli(office.data_dir, "sync", "--json")
    assert json.loads(again.stdout)["decisions_applied"] == 0, "a decision is taken in once"
    status = json.loads(run_cli(office.data_dir, "sync", "status", "--json").stdout)
    assert [d["outcome"] for d in status["decisions"]] == ["applied", "applied"]
    assert status["outbox"][0]["state"] == "verified"


def test_an_export_is_queued_by_itself_when_a_hub_is_set(office, hub, tmp_path):
    link_office(office, hub)
    passphrase = tmp_path / "pass"
    from tests.exchange.helpers import PASSPHRASE

    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    done = run_cli(
        office.data_dir, "export-bundle", "--year", "2024", "--quarter", "3", "--out", str(tmp_path / "b2.spmb"),
        "--passphrase-file", str(passphrase),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "antrean kirim" in done.stdout
    with office.open() as store:
        assert [e.state for e in store.outbox.entries()] == [OutboxState.PENDING]


def test_the_same_bundle_sent_twice_is_stored_once(office, hub, tmp_path):
    link_office(office, hub)
    import shutil

    twin = shutil.copytree(office.data_dir, tmp_path / "twin")  # the same install, restored from a backup
    for folder in (office.data_dir, twin):
        assert run_cli(folder, "sync", "queue", str(office.bundle)).returncode == 0
        assert run_cli(folder, "sync").returncode == 0
    assert hub_bundles(hub) == [(office.bundle_id, "verified")]
    assert len(list((hub.data_dir / "bundles").rglob("*.spmb"))) == 1
    for folder in (office.data_dir, twin):
        status = json.loads(run_cli(folder, "sync", "status", "--json").stdout)
        assert [e["state"] for e in status["outbox"]] == ["verified"]


def test_a_dead_hub_leaves_everything_in_the_outbox(office, hub):
    link_office(office, hub)
    assert run_cli(office.data_dir, "sync", "queue", str(office.bundle)).returncode == 0
    hub.kill()
    done = run_cli(office.data_dir, "sync", "--json")
    assert done.returncode == 4, done.stderr
    assert json.loads(done.stdout)["reachable"] is False
    with office.open() as store:
        entry = store.outbox.entries()[0]
        assert entry.state is OutboxState.PENDING
        assert (store.data_dir / "outbox" / entry.file_name).stat().st_size == entry.size
    hub.start()
    assert run_cli(office.data_dir, "sync").returncode == 0
    assert hub_bundles(hub) == [(office.bundle_id, "verified")]


def test_a_bundle_signed_by_a_key_the_hub_does_not_know_is_rejected_with_the_reason(office, hub, tmp_path):
    from desktop.exchange.trust import create_office_key
    from tests.exchange.helpers import PASSPHRASE

    link_office(office, hub)
    with office.open() as store:
        create_office_key(store, PASSPHRASE, replace=True)  # a new key the province never registered
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    out = tmp_path / "b2.spmb"
    done = run_cli(
        office.data_dir, "export-bundle", "--year", "2024", "--quarter", "3", "--out", str(out),
        "--passphrase-file", str(passphrase),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert run_cli(office.data_dir, "sync").returncode == 0
    with office.open() as store:
        (entry,) = store.outbox.entries()
        assert entry.state is OutboxState.REJECTED
        assert entry.reason_code == "signature.unknown_key" and entry.reason
    assert [status for _, status in hub_bundles(hub)] == ["rejected"]


def test_an_oversize_bundle_is_refused_before_a_byte_is_sent(office, tmp_path):
    server = make_hub(tmp_path / "hub", None, "--max-upload-bytes", "1024")
    server.start()
    try:
        link_office(office, server)
        assert run_cli(office.data_dir, "sync", "queue", str(office.bundle)).returncode == 0
        assert run_cli(office.data_dir, "sync").returncode == 0
        with office.open() as store:
            (entry,) = store.outbox.entries()
            assert (entry.state, entry.reason_code, entry.sent_bytes) == (OutboxState.REJECTED, "upload.too_large", 0)
        assert hub_bundles(server) == []
    finally:
        server.kill()


def test_a_decision_signed_by_another_key_is_not_applied(office, hub, tmp_path):
    """A hub that is not the province's (a rogue or a re-installed one) signs with a key not trusted here."""
    link_office(office, hub)
    with office.open() as store:
        for key in store.trust.trusted_keys():
            if key.role == "province":
                store.trust.remove_key(key.fingerprint)
        rogue_key = tmp_path / "rogue.pub"
        rogue = make_hub(tmp_path / "rogue", None)
        rogue_key.write_bytes((rogue.data_dir / "keys" / "office.pub").read_bytes())
        from desktop.exchange.trust import read_key_file, trust_key

        trust_key(store, read_key_file(rogue_key), "Provinsi (palsu)", "province")
    assert run_cli(office.data_dir, "sync", "queue", str(office.bundle)).returncode == 0
    assert run_cli(office.data_dir, "sync").returncode == 0
    decide_on_page(hub, office.bundle_id, "1.02.01", "returned", "Perbaiki.")
    done = run_cli(office.data_dir, "sync", "--json")
    report = json.loads(done.stdout)
    assert report["decisions_applied"] == 0
    assert [d["id"] for d in report["decisions_waiting"]] == [1]
    with office.open() as store:
        assert store.reports.status(office.key("1.02.01")) is ReportStatus.SUBMITTED
        assert store.hub.decision_cursor() == 0, "kept for a later pass, once the right key is trusted"


def test_a_decision_on_content_changed_since_is_refused_and_kept_aside(office, hub):
    from desktop.domain.workflow import Transition

    link_office(office, hub)
    with office.open() as store:
        from desktop.sync.outbox_queue import queue_bundle

        queue_bundle(store, office.bundle)
        assert sync_once(store).complete
    decide_on_page(hub, office.bundle_id, "1.02.01", "approved")
    with office.open() as store:
        # Returned here in the meantime (a district's return arrived by stick) and changed: not what was approved.
        key = office.key("1.02.01")
        store.database.conn.execute("UPDATE reports SET status = 'returned' WHERE service_code = '1.02.01'")
        from desktop.storage.reports import CellEdit

        store.reports.set_values(key, [CellEdit("64.11.01", "served", 140)])
        store.review.apply(key, Transition.SUBMIT)
        report = sync_once(store)
        assert report.decisions_applied == 0 and len(report.decisions_refused) == 1
        assert store.reports.status(key) is ReportStatus.SUBMITTED
        assert store.hub.decisions()[0].outcome == "refused"
        assert store.hub.decision_cursor() == 1


def test_a_bundle_spoilt_on_the_way_is_sent_again_by_itself_a_few_times(office, hub):
    """The hub finds other bytes than announced (here: a wrong SHA-256 in the outbox): not the bundle's
    fault, so it goes again by itself; after five tries the refusal stays, with the hub's reason."""
    from desktop.sync.engine import MAX_RESENDS
    from desktop.sync.outbox_queue import queue_bundle

    link_office(office, hub)
    with office.open() as store:
        queue_bundle(store, office.bundle)
        store.database.conn.execute("UPDATE outbox SET sha256 = ?", ("0" * 64,))
        for attempt in range(1, MAX_RESENDS + 1):
            sync_once(store)
            entry = store.outbox.get(office.bundle_id)
            assert entry.attempts == attempt
            expected = OutboxState.PENDING if attempt < MAX_RESENDS else OutboxState.REJECTED
            assert entry.state is expected
        assert entry.reason_code == "upload.sha256_mismatch"
    assert [status for _, status in hub_bundles(hub)] == ["rejected"]
