"""One sync pass with the province hub: send the outbox, learn the hub's verdicts, take in its decisions.

The pass does its network and file work where it runs and reaches the database only through
`on_store(fn)`, which runs `fn(store)` and returns its result. The command line passes a plain call;
the window runs the pass on a worker thread and `on_store` hands each short database step to the GUI
thread, which owns the connection. So the window never waits on the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import httpx

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.exchange.decisions import apply_decisions, is_decision_bundle, plan_decisions
from desktop.exchange.errors import BundleError, CancelCheck, never_cancelled
from desktop.exchange.verify import INCOMING_DIR, Trust, trust_of_store, verify_bundle
from desktop.storage.hub_link import HubLink
from desktop.storage.outbox import UNSENT, OutboxEntry, OutboxState
from desktop.sync.hub_client import HubClient, HubRefusedError, HubUnreachableError, OfferedDecision
from desktop.sync.outbox_queue import outbox_dir
from desktop.sync.upload import UploadItem, upload_bundle

T = TypeVar("T")
StoreCall = Callable[[Callable[..., T]], T]
# (bundle id, bytes acknowledged, size): per-bundle progress while uploading.
UploadProgress = Callable[[str, int, int], None]
# A decision bundle signed by a key not (yet) trusted as the province's is kept for a later pass: the
# admin may not have added the province key yet. Any other refusal is final.
RETRY_LATER_CODES = ("signature.unknown_key",)
# The hub's refusals that say nothing against the bundle itself: it is sent again by itself, a few times.
RESEND_CODES = ("upload.sha256_mismatch", "upload.interrupted", "upload.storage", "hub.internal_error")
MAX_RESENDS = 5
VERDICT_PATIENCE = 20.0  # seconds a pass waits for the hub's check of a bundle it just sent (later passes ask again)


@dataclass
class SyncReport:
    """What one pass did."""

    reachable: bool = False
    sent: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # bundle id, reason
    decisions_applied: int = 0  # reports changed by the province's decisions
    decisions_refused: list[tuple[int, str]] = field(default_factory=list)  # hub decision id, reason
    decisions_waiting: list[tuple[int, str]] = field(default_factory=list)
    offline_reason: str | None = None
    retry_after: float | None = None

    @property
    def complete(self) -> bool:
        """The hub answered throughout: nothing was left for lack of a connection."""
        return self.reachable and self.offline_reason is None


def run_sync(
    link: HubLink,
    data_dir: Path,
    on_store: StoreCall,
    *,
    progress: UploadProgress = lambda *_: None,
    cancelled: CancelCheck = never_cancelled,
    transport: httpx.BaseTransport | None = None,
) -> SyncReport:
    """One pass; a hub that stops answering ends it early with `offline_reason` (nothing is lost).

    HubRefusedError for a refused token (the office must be set up again); UserCancelledError on cancel.
    """
    report = SyncReport()
    with HubClient(link.url, link.token, transport=transport) as client:
        try:
            client.me()
            report.reachable = True
            for entry in on_store(lambda s: s.outbox.entries(UNSENT)):
                _send(client, entry, Path(data_dir), on_store, report, progress, cancelled)
            for entry in on_store(lambda s: s.outbox.entries((OutboxState.SENT,))):
                # What went up just now is being checked by the hub: wait a little for its verdict.
                patience = VERDICT_PATIENCE if entry.bundle_id in report.sent else 0.0
                _check(client, entry, on_store, report, patience, cancelled)
            _take_decisions(client, link, Path(data_dir), on_store, report, cancelled)
        except HubUnreachableError as exc:
            report.offline_reason, report.retry_after = exc.reason, exc.retry_after
    return report


def _send(client, entry: OutboxEntry, data_dir: Path, on_store, report, progress, cancelled) -> None:
    path = outbox_dir(data_dir) / entry.file_name
    if not path.is_file():
        reason = "berkas paket tidak ada lagi di folder antrean"
        on_store(lambda s: s.outbox.mark_checked(entry.bundle_id, False, "outbox.file_missing", reason))
        report.rejected.append((entry.bundle_id, reason))
        return
    on_store(lambda s: s.outbox.record_attempt(entry.bundle_id))
    item = UploadItem(path, entry.bundle_id, entry.sha256, entry.size, entry.upload_url)

    def acknowledged(url: str, offset: int) -> None:
        on_store(lambda s: s.outbox.record_progress(entry.bundle_id, url, offset))
        progress(entry.bundle_id, offset, entry.size)

    def restarted() -> None:
        on_store(lambda s: s.outbox.restart_upload(entry.bundle_id))

    try:
        upload_bundle(client, item, acknowledged, on_restart=restarted, cancelled=cancelled)
    except HubRefusedError as exc:
        if exc.status == 401:
            raise
        code, text = exc.code, exc.text
        on_store(lambda s: s.outbox.mark_checked(entry.bundle_id, False, code, text))
        report.rejected.append((entry.bundle_id, exc.text))
        return
    on_store(lambda s: s.outbox.mark_sent(entry.bundle_id))
    progress(entry.bundle_id, entry.size, entry.size)
    report.sent.append(entry.bundle_id)


def _check(client, entry: OutboxEntry, on_store, report, patience: float = 0.0, cancelled=never_cancelled) -> None:
    status = client.bundle_status(entry.bundle_id)
    waited, pause = 0.0, 0.1
    while status is not None and status.status == "received" and waited < patience and not cancelled():
        time.sleep(pause)
        waited, pause = waited + pause, min(pause * 2, 2.0)
        status = client.bundle_status(entry.bundle_id)
    if status is None:  # the hub lost it (restored from an older backup, say): send it again next pass
        on_store(lambda s: s.outbox.requeue(entry.bundle_id))
    elif status.status == "verified":
        on_store(lambda s: s.outbox.mark_checked(entry.bundle_id, True, None, None))
        report.verified.append(entry.bundle_id)
    elif status.status == "rejected" and status.reason_code in RESEND_CODES and entry.attempts < MAX_RESENDS:
        on_store(lambda s: s.outbox.requeue(entry.bundle_id))  # spoilt on the way or at the hub: not the bundle's fault
    elif status.status == "rejected":
        on_store(lambda s: s.outbox.mark_checked(entry.bundle_id, False, status.reason_code, status.reason))
        report.rejected.append((entry.bundle_id, status.reason or status.reason_code or ""))


def _take_decisions(client, link: HubLink, data_dir: Path, on_store, report, cancelled) -> None:
    cursor = on_store(lambda s: s.hub.decision_cursor())
    offered = client.decisions(cursor)
    if not offered:
        return
    trust: Trust = on_store(trust_of_store)
    folder = data_dir / INCOMING_DIR
    folder.mkdir(parents=True, exist_ok=True)
    waiting_from: int | None = None
    for decision in offered:
        if on_store(lambda s, d=decision: s.hub.handled(link.url, d.id)):
            continue
        outcome, reason, changed = _take_decision(client, decision, folder, trust, on_store, cancelled)
        if outcome == "waiting":
            report.decisions_waiting.append((decision.id, reason))
            waiting_from = decision.id if waiting_from is None else waiting_from
            continue
        on_store(
            lambda s, d=decision, o=outcome, r=reason, n=changed: s.hub.record_decision(
                link.url, d.id, d.bundle_id, d.decides, o, r, n
            )
        )
        if outcome == "applied":
            report.decisions_applied += changed
        else:
            report.decisions_refused.append((decision.id, reason or ""))
    handled_up_to = offered[-1].id if waiting_from is None else waiting_from - 1
    on_store(lambda s: s.hub.advance_cursor(handled_up_to))


def _take_decision(
    client, decision: OfferedDecision, folder: Path, trust: Trust, on_store, cancelled
) -> tuple[str, str | None, int]:
    """('applied' | 'refused' | 'waiting', reason, reports changed) for one offered decision."""
    path = client.download_decision(decision.id, folder / f"hub-decision-{decision.id}.spmb", cancelled)
    try:
        try:
            verified = verify_bundle(path, trust)
        except BundleError as exc:
            outcome = "waiting" if exc.code in RETRY_LATER_CODES else "refused"
            return outcome, str(exc), 0
        with verified:
            if verified.signer.role != "province" or verified.submission.bundle_id != decision.bundle_id:
                return "refused", "paket keputusan tidak ditandatangani kunci provinsi", 0
            try:
                changed = on_store(lambda s: _apply(s, verified))
            except UserError as exc:
                return "refused", str(exc), 0
            return "applied", None, changed
    finally:
        path.unlink(missing_ok=True)


def _apply(store, verified) -> int:
    if not is_decision_bundle(store, verified):
        raise user_error(QT_TRANSLATE_NOOP("Sync", "Keputusan dari hub ini bukan untuk laporan kantor ini."))
    return apply_decisions(store, plan_decisions(store, verified))
