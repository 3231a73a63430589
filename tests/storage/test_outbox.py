"""The outbox and the hub link: states, resume data, the decision cursor, who may set the hub."""

from __future__ import annotations

import pytest

from desktop.domain.messages import UserError
from desktop.storage.outbox import UNSENT, OutboxState
from tests.conftest import PERIOD
from tests.storage.accounts_helpers import act_as, add_accounts, cheap_hashes  # noqa: F401 - fixture

BUNDLE = "6f1c2a9e-0d57-4c1e-9a51-2f0e8e1d3b7a"


def queue(store, bundle_id: str = BUNDLE) -> bool:
    return store.outbox.add(bundle_id, f"{bundle_id}.spmb", 1000, "ab" * 32, "office-1", PERIOD, 3)


def test_a_bundle_moves_through_the_states_and_keeps_where_its_upload_is(store):
    assert queue(store)
    assert not queue(store), "a bundle is queued once, by its UUID"
    entry = store.outbox.get(BUNDLE)
    assert entry.state is OutboxState.PENDING and entry.period == PERIOD and entry.reports == 3
    store.outbox.record_attempt(BUNDLE)
    store.outbox.record_progress(BUNDLE, "http://hub/api/v1/uploads/abc", 400)
    entry = store.outbox.get(BUNDLE)
    assert (entry.state, entry.upload_url, entry.sent_bytes, entry.attempts) == (
        OutboxState.UPLOADING,
        "http://hub/api/v1/uploads/abc",
        400,
        1,
    )
    assert [e.bundle_id for e in store.outbox.entries(UNSENT)] == [BUNDLE]
    store.outbox.mark_sent(BUNDLE)
    assert store.outbox.get(BUNDLE).sent_bytes == 1000
    assert store.outbox.entries(UNSENT) == []
    store.outbox.mark_checked(BUNDLE, False, "signature.unknown_key", "kunci tidak dikenal")
    entry = store.outbox.get(BUNDLE)
    assert (entry.state, entry.reason_code) == (OutboxState.REJECTED, "signature.unknown_key")
    store.outbox.requeue(BUNDLE)
    entry = store.outbox.get(BUNDLE)
    assert (entry.state, entry.upload_url, entry.sent_bytes, entry.reason) == (OutboxState.PENDING, None, 0, None)
    assert store.outbox.counts()[OutboxState.PENDING] == 1
    actions = [e.action for e in store.audit.entries(subject_prefix=f"bundle:{BUNDLE}")]
    assert {"outbox.queue", "outbox.sent", "outbox.rejected", "outbox.requeue"} <= set(actions)
    assert store.audit.verify().ok


def test_a_lost_upload_starts_over(store):
    queue(store)
    store.outbox.record_progress(BUNDLE, "http://hub/u/1", 10)
    store.outbox.restart_upload(BUNDLE)
    entry = store.outbox.get(BUNDLE)
    assert (entry.state, entry.upload_url, entry.sent_bytes) == (OutboxState.PENDING, None, 0)


def test_the_hub_link_keeps_its_token_out_of_the_audit_log_and_its_cursor_per_hub(store):
    assert store.hub.get() is None
    with pytest.raises(UserError, match="belum diatur"):
        store.hub.require()
    store.hub.set("http://127.0.0.1:9/", "rahasia-token")
    assert store.hub.require().token == "rahasia-token"
    assert all("rahasia-token" not in str(e.after) for e in store.audit.entries())
    store.hub.record_decision("http://127.0.0.1:9/", 1, "b-1", BUNDLE, "applied", None, 2)
    store.hub.record_decision("http://127.0.0.1:9/", 2, "b-2", BUNDLE, "refused", "kunci palsu", 0)
    store.hub.advance_cursor(2)
    store.hub.advance_cursor(1)  # never backwards
    assert store.hub.decision_cursor() == 2
    assert store.hub.handled("http://127.0.0.1:9/", 2) and not store.hub.handled("http://other/", 2)
    assert [d.outcome for d in store.hub.decisions()] == ["refused", "applied"]
    store.hub.set("http://127.0.0.1:9/", "token-baru")
    assert store.hub.decision_cursor() == 2, "the same hub keeps its cursor"
    store.hub.set("https://hub-lain.example/", "token-baru")
    assert store.hub.decision_cursor() == 0, "another hub numbers its decisions anew"
    store.hub.clear()
    assert store.hub.get() is None


@pytest.mark.usefixtures("cheap_hashes")
def test_only_an_admin_sets_the_hub(store):
    add_accounts(store)
    for name in ("operator", "verifier"):
        act_as(store, name)
        with pytest.raises(UserError):
            store.hub.set("http://127.0.0.1:9", "token")
        store.access.logout()
    assert store.hub.get() is None
    act_as(store, "admin")
    store.hub.set("http://127.0.0.1:9", "token")
    assert store.hub.get().url == "http://127.0.0.1:9"
