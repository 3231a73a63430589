"""The district's work on the command line: `export-decisions` back to an office, `export-consolidated`
onward to the province, and taking decisions in at the office (`import-bundle` hands a decision bundle here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_period, open_store, period_of, print_json
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.reports import STATUS_LABELS


def register(commands) -> None:
    """Adds export-decisions."""
    decisions = commands.add_parser(
        "export-decisions", help="kirim keputusan (dikembalikan/disetujui) kepada kantor pengirim laporan"
    )
    decisions.add_argument("--office", required=True, help="kantor pengirim (ID atau nama)")
    add_period(decisions)
    decisions.add_argument("--out", type=Path, required=True, metavar="FILE", help="berkas tujuan (.spmb)")
    decisions.add_argument("--passphrase-file", type=Path, help="berkas berisi frasa sandi kunci kabupaten")
    decisions.set_defaults(handler=cmd_export_decisions)

    consolidated = commands.add_parser(
        "export-consolidated",
        help="kirim rekap kabupaten: semua laporan kantor yang disetujui, bertanda tangan kabupaten",
    )
    add_period(consolidated)
    consolidated.add_argument("--out", type=Path, required=True, metavar="FILE", help="berkas tujuan (.spmb)")
    consolidated.add_argument("--encrypt-to", action="append", default=[], metavar="RECIPIENT")
    consolidated.add_argument("--passphrase-file", type=Path, help="berkas berisi frasa sandi kunci kabupaten")
    consolidated.set_defaults(handler=cmd_export_consolidated)


def cmd_export_decisions(args: argparse.Namespace) -> int:
    """Writes the decision bundle for one office."""
    from desktop.cli.exchange import passphrase_of
    from desktop.exchange.decisions import export_decisions

    with open_store(args) as store:
        office = store.installation_repo.find_office(args.office)
        if office is None:
            raise user_error(QT_TRANSLATE_NOOP("Cli", "Kantor '{office}' tidak dikenal di sini."), office=args.office)
        result = export_decisions(store, office.id, period_of(args), args.out, passphrase_of(args, confirm=False))
    print(f"{result.path}: {result.reports} keputusan untuk {office.name}, SHA-256 {result.file_sha256[:16]}…")
    return 0


def cmd_export_consolidated(args: argparse.Namespace) -> int:
    """Writes the district's consolidated bundle of the period."""
    from desktop.cli.exchange import passphrase_of, recipients_of
    from desktop.cli.sync import queue_if_linked
    from desktop.exchange.consolidate import export_consolidation

    with open_store(args) as store:
        result = export_consolidation(
            store,
            period_of(args),
            args.out,
            passphrase_of(args, confirm=False),
            encrypt_to=recipients_of(store, args.encrypt_to),
        )
        print(
            f"{result.path}: {result.reports} laporan, {result.evidence_files} data dukung, SHA-256 {result.file_sha256[:16]}…"
        )
        queue_if_linked(store, result.path)
    return 0


def import_decisions(store, verified, args: argparse.Namespace) -> int:
    """Shows and applies a verified decision bundle (import-bundle's path for one)."""
    from desktop.cli.exchange import confirm
    from desktop.exchange.decisions import apply_decisions, plan_decisions

    plan = plan_decisions(store, verified)
    rows = [
        {
            "service": d.service_code,
            "decision": d.transition.value,
            "by": d.decided_by,
            "notes": [{"area_code": area, "note": note} for area, note in d.notes],
        }
        for d in plan.decisions
    ]
    if args.json:
        document = {"bundle_id": plan.bundle_id, "kind": "decisions", "already_imported": plan.already_imported}
        document["decisions"] = rows
    else:
        for row in rows:
            print(f"{row['service']}: {row['decision']} ({row['by']})")
            for note in row["notes"]:
                print(f"  {note['area_code'] or 'seluruh laporan'}: {note['note']}")
    if args.dry_run or plan.already_imported or (args.json and not args.yes):
        if args.json:
            print_json({**document, "applied": False})
        elif plan.already_imported:
            print("paket ini sudah pernah diimpor; tidak ada yang berubah")
        return 0
    if not confirm("Terapkan keputusan ini?", args.yes):
        return 1
    applied = apply_decisions(store, plan)
    if args.json:
        print_json({**document, "applied": True})
    else:
        for decision in plan.decisions:
            print(f"{decision.service_code}: {STATUS_LABELS[decision.transition_target].text}")
        print(f"{applied} laporan diperbarui")
    return 0
