"""`spm-luring sync`: the network way of the same bundles (docs/sync-protocol.md).

`sync` runs one pass (send the outbox, learn the hub's verdicts, take in the province's decisions);
`sync setup|status|queue|retry|forget` manage the link and the outbox.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import open_store, print_json
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Permission
from desktop.storage.outbox import OutboxState

EXIT_INCOMPLETE = 4  # the hub did not answer throughout: run again later (nothing was lost)


def register(commands) -> None:
    """Adds sync and its actions."""
    sync = commands.add_parser("sync", help="kirim antrean paket ke hub provinsi dan ambil keputusannya")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)
    actions = sync.add_subparsers(dest="action", metavar="ACTION")

    setup = actions.add_parser("setup", help="atur alamat hub provinsi dan token kantor")
    setup.add_argument("--hub", required=True, metavar="URL", help="alamat hub, misalnya https://spm.kaltimprov.go.id")
    setup.add_argument("--token-file", type=Path, required=True, metavar="FILE", help="berkas berisi token kantor")
    setup.add_argument("--no-check", action="store_true", help="simpan tanpa mencoba menghubungi hub")
    setup.set_defaults(handler=cmd_setup)

    status = actions.add_parser("status", help="isi antrean kirim dan keputusan yang diterima")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    queue = actions.add_parser("queue", help="masukkan paket kantor ini ke antrean kirim")
    queue.add_argument("file", type=Path, metavar="FILE")
    queue.set_defaults(handler=cmd_queue)

    retry = actions.add_parser("retry", help="kirim ulang paket yang ditolak hub")
    retry.add_argument("bundle_id", metavar="BUNDLE-ID")
    retry.set_defaults(handler=cmd_retry)

    forget = actions.add_parser("forget", help="lupakan hub (antrean tetap disimpan)")
    forget.set_defaults(handler=cmd_forget)


def cmd_sync(args: argparse.Namespace) -> int:
    """One sync pass; exit 4 when the hub stopped answering part-way."""
    from desktop.sync.engine import run_sync

    with open_store(args) as store:
        store.access.require(Permission.EXPORT_BUNDLE)
        store.access.require(Permission.IMPORT_BUNDLE)
        link = store.hub.require()
        report = run_sync(link, store.data_dir, lambda fn: fn(store), progress=_progress())
        counts = store.outbox.counts()
    document = {
        "hub": link.url,
        "reachable": report.reachable,
        "offline_reason": report.offline_reason,
        "sent": report.sent,
        "verified": report.verified,
        "rejected": [{"bundle_id": b, "reason": r} for b, r in report.rejected],
        "decisions_applied": report.decisions_applied,
        "decisions_refused": [{"id": i, "reason": r} for i, r in report.decisions_refused],
        "decisions_waiting": [{"id": i, "reason": r} for i, r in report.decisions_waiting],
        "outbox": {state.value: n for state, n in counts.items()},
    }
    if args.json:
        print_json(document)
    else:
        _print_report(report, counts)
    return 0 if report.complete else EXIT_INCOMPLETE


def _print_report(report, counts) -> None:
    if not report.complete:
        print(f"hub tidak dapat dihubungi: {report.offline_reason}; coba lagi nanti (tidak ada yang hilang)")
    for bundle_id in report.sent:
        print(f"terkirim: {bundle_id}")
    for bundle_id in report.verified:
        print(f"diterima dan terverifikasi di hub: {bundle_id}")
    for bundle_id, reason in report.rejected:
        print(f"ditolak hub: {bundle_id}: {reason}")
    if report.decisions_applied:
        print(f"keputusan provinsi diterapkan pada {report.decisions_applied} laporan")
    for decision_id, reason in report.decisions_refused:
        print(f"keputusan #{decision_id} ditolak: {reason}")
    for decision_id, reason in report.decisions_waiting:
        print(f"keputusan #{decision_id} belum dapat diperiksa: {reason}")
    waiting = counts[OutboxState.PENDING] + counts[OutboxState.UPLOADING]
    print(f"antrean: {waiting} menunggu dikirim, {counts[OutboxState.SENT]} menunggu pemeriksaan hub")


def cmd_setup(args: argparse.Namespace) -> int:
    """Stores the hub's address and the office token, after checking both with the hub."""
    from desktop.sync.hub_client import HubClient

    url = args.hub.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise user_error(QT_TRANSLATE_NOOP("Sync", "Alamat hub harus diawali http:// atau https://."))
    token = _read_token(args.token_file)
    with open_store(args) as store:
        store.access.require(Permission.MANAGE_KEYS)
        if not args.no_check:
            with HubClient(url, token) as client:
                office = client.me()
                province = client.hello().get("province", {})
            print(f"hub menjawab: terdaftar sebagai {office.get('name')} ({office.get('office_id')})")
            print(f"kunci provinsi di hub: {province.get('fingerprint', '—')}")
            trusted = {k.fingerprint for k in store.trust.trusted_keys() if k.role == "province"}
            if province.get("fingerprint") not in trusted:
                print(
                    "kunci provinsi ini belum dipercaya di sini: cocokkan sidik jarinya dengan provinsi, lalu "
                    "'spm-luring trust add FILE --role province'; sebelum itu keputusan provinsi belum diterapkan"
                )
        store.hub.set(url, token)
    print(f"hub provinsi diatur: {url}")
    return 0


def _read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise user_error(
            QT_TRANSLATE_NOOP("Sync", "Berkas token {file} tidak dapat dibaca: {reason}"),
            file=str(path),
            reason=getattr(exc, "strerror", None) or str(exc),
        ) from exc
    if not token or len(token) > 512 or any(c.isspace() for c in token):
        raise user_error(QT_TRANSLATE_NOOP("Sync", "Berkas token {file} tidak berisi token kantor."), file=str(path))
    return token


def cmd_status(args: argparse.Namespace) -> int:
    """The hub link, the outbox and the decisions taken in."""
    with open_store(args, readonly=True) as store:
        link = store.hub.get()
        entries = store.outbox.entries()
        decisions = store.hub.decisions()
    document = {
        "hub": link.url if link else None,
        "outbox": [
            {
                "bundle_id": e.bundle_id,
                "period": e.period.key,
                "reports": e.reports,
                "size": e.size,
                "state": e.state.value,
                "sent_bytes": e.sent_bytes,
                "attempts": e.attempts,
                "reason_code": e.reason_code,
                "reason": e.reason,
                "queued_at": e.queued_at,
            }
            for e in entries
        ],
        "decisions": [
            {"id": d.id, "bundle_id": d.bundle_id, "decides": d.decides, "outcome": d.outcome, "reason": d.reason}
            for d in decisions
        ],
    }
    if args.json:
        print_json(document)
        return 0
    print(f"hub: {document['hub'] or 'belum diatur'}")
    for e in entries:
        reason = f" — {e.reason}" if e.reason else ""
        print(f"{e.bundle_id}  {e.period.key}  {e.state.value:9}  {e.sent_bytes}/{e.size} bita{reason}")
    for d in decisions:
        print(f"keputusan #{d.id}: {d.outcome}{' — ' + d.reason if d.reason else ''}")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    """Queues a bundle of this office for the hub."""
    from desktop.sync.outbox_queue import queue_bundle

    with open_store(args) as store:
        queued = queue_bundle(store, args.file)
    print(f"{queued.bundle_id}: {'masuk antrean kirim' if queued.added else 'sudah ada di antrean'}")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    """Puts a rejected bundle back in the queue."""
    with open_store(args) as store:
        store.access.require(Permission.EXPORT_BUNDLE)
        entry = store.outbox.get(args.bundle_id)
        if entry is None or entry.state is not OutboxState.REJECTED:
            raise user_error(
                QT_TRANSLATE_NOOP("Sync", "Paket {bundle} tidak ada di antrean sebagai paket yang ditolak."),
                bundle=args.bundle_id,
            )
        store.outbox.requeue(entry.bundle_id)
    print(f"{args.bundle_id}: masuk antrean lagi")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Forgets the hub link."""
    with open_store(args) as store:
        store.access.require(Permission.MANAGE_KEYS)
        store.hub.clear()
    print("hub provinsi dilupakan; antrean kirim tetap tersimpan")
    return 0


def queue_if_linked(store, path: Path) -> None:
    """After an export: queues the bundle for the hub when one is set (an encrypted one stays off the network)."""
    from desktop.exchange.encryption import is_age_file
    from desktop.sync.outbox_queue import queue_bundle

    if store.hub.get() is None or is_age_file(path):
        return
    queued = queue_bundle(store, path)
    if queued.added:
        print(f"{queued.bundle_id}: masuk antrean kirim ke hub provinsi ('spm-luring sync' mengirimnya)")


def _progress():
    if not sys.stderr.isatty():
        return lambda *_: None

    def show(bundle_id: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r{bundle_id[:8]}… {done * 100 // max(total, 1):3d}%")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
