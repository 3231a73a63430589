"""Commands for keys, trust and bundles: key, trust, recipients, export-bundle, verify-bundle, import-bundle.

Passphrases never come as arguments: --passphrase-file, or typed on a terminal (not echoed).
Confirmations (trusting a key, importing) are asked on a terminal; in scripts pass --yes.
Exit status: 0 success; 1 a failure the user can act on; 3 a bundle refused by verification.
Heavy modules (minisign, pyrage, zipfile) are imported inside the handlers, not at start-up.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.common import add_period, open_store, period_of, print_json
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error

EXIT_REFUSED = 3  # as desktop.cli.EXIT_CHECK_FAILED: a check (here, bundle verification) found a problem


def register(commands) -> None:
    """Adds the key, trust and bundle commands to the parser."""
    _register_keys(commands)
    _register_trust(commands)
    _register_bundles(commands)


def _register_keys(commands) -> None:
    key = commands.add_parser("key", help="kunci tanda tangan kantor")
    key_actions = key.add_subparsers(dest="action", required=True)
    create = key_actions.add_parser("create", help="buat kunci tanda tangan kantor (Ed25519, minisign)")
    create.add_argument("--passphrase-file", type=Path, help="berkas berisi frasa sandi (tanpa ini: ditanyakan)")
    create.add_argument("--replace", action="store_true", help="ganti kunci yang ada (kunci lama diarsipkan)")
    create.set_defaults(handler=cmd_key_create)
    show = key_actions.add_parser("show", help="sidik jari dan ID kunci kantor")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_key_show)
    export = key_actions.add_parser("export-public", help="simpan kunci publik kantor ke berkas .pub")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=cmd_key_export)


def _register_trust(commands) -> None:
    trust = commands.add_parser("trust", help="kunci publik mitra yang dipercaya")
    trust_actions = trust.add_subparsers(dest="action", required=True)
    add = trust_actions.add_parser("add", help="percayai kunci publik mitra (setelah mencocokkan sidik jarinya)")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("--name", required=True, help="nama pemilik kunci, misalnya 'Dinas Kesehatan'")
    add.add_argument("--role", required=True, choices=("office", "district", "province"))
    add.add_argument("--office-id", help="ID kantor yang diwakili kunci ini (bawaan: dicatat saat paket pertama)")
    add.add_argument("--yes", action="store_true", help="tanpa konfirmasi (sidik jari sudah dicocokkan)")
    add.set_defaults(handler=cmd_trust_add)
    listing = trust_actions.add_parser("list", help="daftar kunci yang dipercaya")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_trust_list)
    remove = trust_actions.add_parser("remove", help="berhenti mempercayai kunci")
    remove.add_argument("key", metavar="FINGERPRINT|KEYID")
    remove.set_defaults(handler=cmd_trust_remove)

    recipients = commands.add_parser("recipients", help="penerima enkripsi age (provinsi)")
    recipient_actions = recipients.add_subparsers(dest="action", required=True)
    radd = recipient_actions.add_parser("add", help="tambah penerima age1…")
    radd.add_argument("recipient", metavar="AGE-RECIPIENT")
    radd.add_argument("--name", required=True)
    radd.set_defaults(handler=cmd_recipients_add)
    rlist = recipient_actions.add_parser("list", help="daftar penerima")
    rlist.add_argument("--json", action="store_true")
    rlist.set_defaults(handler=cmd_recipients_list)
    rremove = recipient_actions.add_parser("remove", help="hapus penerima")
    rremove.add_argument("recipient", metavar="AGE-RECIPIENT|NAME")
    rremove.set_defaults(handler=cmd_recipients_remove)


def _register_bundles(commands) -> None:
    bundle = commands.add_parser("export-bundle", help="buat paket bertanda tangan untuk satu triwulan")
    add_period(bundle)
    bundle.add_argument("--out", type=Path, required=True, metavar="FILE", help="berkas tujuan (.spmb)")
    bundle.add_argument("--services", help="kode layanan atau bidang, dipisah koma (bawaan: semua)")
    bundle.add_argument(
        "--encrypt-to",
        action="append",
        default=[],
        metavar="RECIPIENT",
        help="enkripsi untuk penerima age (age1… atau nama penerima terdaftar); boleh berulang",
    )
    bundle.add_argument("--passphrase-file", type=Path, help="berkas berisi frasa sandi kunci kantor")
    bundle.add_argument(
        "--with-forms", action="store_true", help="sertakan formulir laporan tercetak (PDF) di data/forms/"
    )
    bundle.set_defaults(handler=cmd_export_bundle)

    verify = commands.add_parser("verify-bundle", help="periksa paket (tanpa mengimpor)")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--trusted", type=Path, metavar="PUBKEY-FILE", help="percayai hanya kunci publik ini")
    verify.add_argument("--identity", type=Path, metavar="AGE-KEY-FILE", help="kunci age untuk paket .spmb.age")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_verify_bundle)

    imp = commands.add_parser("import-bundle", help="periksa lalu impor paket dari perangkat daerah")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--identity", type=Path, metavar="AGE-KEY-FILE", help="kunci age untuk paket .spmb.age")
    imp.add_argument("--dry-run", action="store_true", help="hanya tampilkan yang akan berubah")
    imp.add_argument("--yes", action="store_true", help="impor tanpa konfirmasi")
    imp.add_argument("--json", action="store_true", help="rencana dan hasil sebagai JSON")
    imp.set_defaults(handler=cmd_import_bundle)


# --- helpers ------------------------------------------------------------------------------------


def passphrase_of(args: argparse.Namespace, *, confirm: bool) -> str:
    """The office key's passphrase: from --passphrase-file, or typed on a terminal (twice when `confirm`)."""
    from desktop.exchange.keys import check_passphrase, read_passphrase_file

    if args.passphrase_file is not None:
        return read_passphrase_file(args.passphrase_file)
    if not sys.stdin.isatty():
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExchangeCli", "Frasa sandi diperlukan: berikan --passphrase-file BERKAS (atau jalankan di terminal)."
            )
        )
    import getpass

    passphrase = getpass.getpass("Frasa sandi kunci kantor: ")
    if confirm:
        check_passphrase(passphrase)
        if getpass.getpass("Ulangi frasa sandi: ") != passphrase:
            raise user_error(QT_TRANSLATE_NOOP("ExchangeCli", "Kedua frasa sandi tidak sama."))
    return passphrase


def confirm(question: str, yes: bool) -> bool:
    """True with --yes, else the answer typed on a terminal; without a terminal a UserError asks for --yes."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise user_error(
            QT_TRANSLATE_NOOP("ExchangeCli", "Perlu konfirmasi: jalankan di terminal, atau tambahkan --yes.")
        )
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "ya", "yes")


def _progress():
    """A percentage on a terminal's standard error; nothing otherwise."""
    if not sys.stderr.isatty():
        return lambda done, total: None
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = done * 100 // total if total else 0
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{percent:3d} %", end="" if percent < 100 else "\n", file=sys.stderr, flush=True)

    return show


def _size(size: int) -> str:
    from desktop.domain.formatting import format_decimal

    return f"{format_decimal(size / 1024 / 1024, 1)} MB"


# --- key ----------------------------------------------------------------------------------------


def cmd_key_create(args: argparse.Namespace) -> int:
    """Makes the office signing key."""
    from desktop.exchange.keys import check_passphrase
    from desktop.exchange.trust import create_office_key

    passphrase = passphrase_of(args, confirm=True)
    check_passphrase(passphrase)
    with open_store(args) as store:
        info = create_office_key(store, passphrase, replace=args.replace)
    print(f"kunci kantor dibuat: sidik jari {info.fingerprint}, ID {info.key_id}")
    return 0


def cmd_key_show(args: argparse.Namespace) -> int:
    """Prints the office key's fingerprint and id."""
    from desktop.exchange.keys import no_office_key

    with open_store(args, readonly=True) as store:
        record = store.trust.office_key()
    if record is None:
        raise no_office_key()
    if args.json:
        print_json(
            {
                "schema": "spm-luring/office-key/1",
                "fingerprint": record.fingerprint,
                "key_id": record.key_id,
                "public_key": record.public_key,
                "created_at": record.created_at,
                "created_by": record.created_by,
            }
        )
        return 0
    print(f"sidik jari  {record.fingerprint}")
    print(f"ID kunci    {record.key_id}")
    print(f"dibuat      {record.created_at} oleh {record.created_by}")
    return 0


def cmd_key_export(args: argparse.Namespace) -> int:
    """Writes the office's public key file."""
    from desktop.exchange.trust import export_public_key

    with open_store(args, readonly=True) as store:
        info = export_public_key(store, args.out)
    print(f"{args.out}: sidik jari {info.fingerprint}, ID {info.key_id}")
    return 0


# --- trust --------------------------------------------------------------------------------------


def cmd_trust_add(args: argparse.Namespace) -> int:
    """Shows a partner key's fingerprint, asks, then trusts it."""
    from desktop.exchange.trust import read_key_file, trust_key

    key = read_key_file(args.file)
    print(f"sidik jari  {key.fingerprint}")
    print(f"ID kunci    {key.key_id}")
    if not confirm(f"Cocokkan sidik jari dengan '{args.name}' (lewat telepon atau kertas). Cocok?", args.yes):
        print("tidak ditambahkan", file=sys.stderr)
        return 1
    with open_store(args) as store:
        added = trust_key(store, key, args.name, args.role, args.office_id)
    print(f"dipercaya: {added.name} ({added.role}) {added.fingerprint}")
    return 0


def cmd_trust_list(args: argparse.Namespace) -> int:
    """Lists the trusted keys (the office's own first)."""
    with open_store(args, readonly=True) as store:
        own = store.trust.office_key()
        installation = store.installation
        keys = store.trust.trusted_keys()
    rows = []
    if own is not None and installation is not None:
        rows.append(
            {
                "fingerprint": own.fingerprint,
                "key_id": own.key_id,
                "name": installation.office.name,
                "role": "office",
                "office_id": installation.office.id,
                "added_at": own.created_at,
                "added_by": own.created_by,
                "own": True,
            }
        )
    rows += [
        {
            "fingerprint": k.fingerprint,
            "key_id": k.key_id,
            "name": k.name,
            "role": k.role,
            "office_id": k.office_id,
            "added_at": k.added_at,
            "added_by": k.added_by,
            "own": False,
        }
        for k in keys
    ]
    if args.json:
        print_json({"schema": "spm-luring/trusted-keys/1", "keys": rows})
        return 0
    for row in rows:
        mark = " (kunci kantor ini)" if row["own"] else ""
        print(f"{row['fingerprint']}  {row['key_id']}  {row['role']:<9} {row['name']}{mark}")
    return 0


def cmd_trust_remove(args: argparse.Namespace) -> int:
    """Stops trusting a key."""
    from desktop.exchange.trust import untrust_key

    with open_store(args) as store:
        removed = untrust_key(store, args.key)
    print(f"tidak dipercaya lagi: {removed.name} {removed.fingerprint}")
    return 0


# --- recipients ---------------------------------------------------------------------------------


def cmd_recipients_add(args: argparse.Namespace) -> int:
    from desktop.exchange.trust import add_recipient

    with open_store(args) as store:
        added = add_recipient(store, args.recipient, args.name)
    print(f"penerima ditambahkan: {added.name} {added.recipient}")
    return 0


def cmd_recipients_list(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        found = store.trust.recipients()
    if args.json:
        print_json(
            {
                "schema": "spm-luring/age-recipients/1",
                "recipients": [
                    {"recipient": r.recipient, "name": r.name, "added_at": r.added_at, "added_by": r.added_by}
                    for r in found
                ],
            }
        )
        return 0
    for r in found:
        print(f"{r.recipient}  {r.name}")
    return 0


def cmd_recipients_remove(args: argparse.Namespace) -> int:
    from desktop.exchange.trust import remove_recipient

    with open_store(args) as store:
        removed = remove_recipient(store, args.recipient)
    print(f"penerima dihapus: {removed.name} {removed.recipient}")
    return 0


# --- bundles ------------------------------------------------------------------------------------


def recipients_of(store, wanted: list[str]) -> list[str]:
    """The age recipients named by --encrypt-to: age1… as given, or the name of a registered one."""
    found = []
    for item in wanted:
        if item.strip().startswith("age1"):
            found.append(item.strip())
            continue
        recipient = store.trust.find_recipient(item)
        if recipient is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "ExchangeCli", "Penerima enkripsi '{name}' tidak terdaftar (lihat 'recipients list')."
                ),
                name=item,
            )
        found.append(recipient.recipient)
    return found


def cmd_export_bundle(args: argparse.Namespace) -> int:
    """Writes, verifies and records a signed bundle of one period."""
    import secrets

    from desktop.cli.sync import queue_if_linked
    from desktop.domain.catalog import load_catalog
    from desktop.exchange.bundle_writer import OUTGOING_DIR
    from desktop.exchange.export import export_bundle

    passphrase = passphrase_of(args, confirm=False)
    with open_store(args) as store:
        services = None
        if args.services:
            prefixes = [p.strip() for p in args.services.split(",") if p.strip()]
            catalog = load_catalog()
            services = [s.code for s in catalog.services_for(prefixes)] + [
                p for p in prefixes if not catalog.services_for([p])
            ]
        forms = []
        if args.with_forms:  # rendered by desktop.reports (the command line may use both layers)
            from desktop.reports.pdf_report_form import report_pdf

            outgoing = store.data_dir / OUTGOING_DIR
            outgoing.mkdir(parents=True, exist_ok=True)
            forms.append(outgoing / f"formulir-{period_of(args).key}-{secrets.token_hex(4)}.pdf")
            report_pdf(store, period_of(args), forms[0], services)
        try:
            result = export_bundle(
                store,
                period_of(args),
                args.out,
                passphrase,
                services=services,
                encrypt_to=recipients_of(store, args.encrypt_to),
                forms=forms,
                progress=_progress(),
            )
        finally:
            for form in forms:
                form.unlink(missing_ok=True)
        encrypted = " (terenkripsi age)" if result.encrypted else ""
        print(
            f"{result.path}{encrypted}: paket {result.bundle_id}, {result.reports} laporan, "
            f"{result.evidence_files} data dukung, {_size(result.file_size)}; terbaca kembali dan terverifikasi"
        )
        queue_if_linked(store, result.path)
    return 0


def _work_dir(args: argparse.Namespace) -> Path:
    import tempfile

    from desktop.storage.data_dir import resolve_data_dir

    folder = resolve_data_dir(args.data_dir)
    return folder / "incoming" if folder.is_dir() else Path(tempfile.gettempdir())


def cmd_verify_bundle(args: argparse.Namespace) -> int:
    """Verifies a bundle in full and prints what it holds."""
    from desktop.exchange.errors import BundleError
    from desktop.exchange.verify import trust_of_key_file, trust_of_store, verify_bundle

    if args.trusted is not None:
        trust = trust_of_key_file(args.trusted)
    else:
        with open_store(args, readonly=True) as store:
            trust = trust_of_store(store)
    try:
        verified = verify_bundle(
            args.file, trust, identity=args.identity, work_dir=_work_dir(args), progress=_progress()
        )
    except BundleError as exc:
        if args.json:
            print_json(_verification_document(args.file, None, exc))
        print(f"spm-luring: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    with verified:
        if args.json:
            print_json(_verification_document(args.file, verified, None))
            return 0
        sub = verified.submission
        print(f"paket sah: {verified.bundle_id}")
        print(f"  dari      {sub.office.name}, {sub.office.district_name} ({sub.office.district_code})")
        print(f"  periode   triwulan {sub.period.roman} {sub.period.year}")
        print(f"  tanda     {verified.signer.name}, sidik jari {verified.signer.key.fingerprint}")
        print(
            f"  isi       {len(sub.reports)} laporan, {len(sub.evidence)} data dukung, {_size(verified.payload_bytes)}"
        )
    return 0


def _verification_document(path: Path, verified, error) -> dict:
    document = {"schema": "spm-luring/bundle-verification/1", "file": str(path), "valid": verified is not None}
    if error is not None:
        document["failure"] = {"stage": error.stage, "code": error.code, "reason": str(error)}
        document["bundle"] = None
        return document
    sub = verified.submission
    document["failure"] = None
    document["bundle"] = {
        "id": verified.bundle_id,
        "office": {"id": sub.office.id, "name": sub.office.name},
        "district": {"code": sub.office.district_code, "name": sub.office.district_name},
        "period": {"year": sub.period.year, "quarter": sub.period.quarter, "key": sub.period.key},
        "catalog_version": sub.catalog_version,
        "created_at": sub.created_at,
        "signer": {
            "key_id": verified.signer.key.key_id,
            "fingerprint": verified.signer.key.fingerprint,
            "name": verified.signer.name,
            "own": verified.signer.own,
        },
        "revises": list(sub.revises),
        "reports": [
            {
                "service": r.service_code,
                "status": r.status,
                "revision": r.revision,
                "revises": r.revises,
                "content_hash": r.content_hash,
                "rows": len(r.rows),
                "evidence": len(r.evidence),
            }
            for r in sub.reports
        ],
        "payload_files": verified.payload_files,
        "payload_bytes": verified.payload_bytes,
        "file_sha256": verified.file_sha256,
        "tagmanifest_sha256": verified.tagmanifest_sha256,
        "encrypted": verified.encrypted,
    }
    return document


def cmd_import_bundle(args: argparse.Namespace) -> int:
    """Verifies a bundle, shows what it changes, and applies it in one transaction."""
    from desktop.exchange.errors import BundleError
    from desktop.exchange.import_bundle import apply_import, plan_import
    from desktop.exchange.verify import trust_of_store, verify_bundle

    with open_store(args, readonly=args.dry_run) as store:
        try:
            verified = verify_bundle(
                args.file,
                trust_of_store(store),
                identity=args.identity,
                work_dir=store.data_dir / "incoming",
                progress=_progress(),
            )
        except BundleError as exc:
            print(f"spm-luring: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        with verified:
            from desktop.exchange.decisions import is_decision_bundle

            if is_decision_bundle(store, verified):
                from desktop.cli.decisions import import_decisions

                return import_decisions(store, verified, args)
            plan = plan_import(store, verified)
            if args.json:
                document = _plan_document(plan)
            else:
                _print_plan(plan)
            refusal = plan.refusal
            if refusal is not None:
                if args.json:
                    print_json({**document, "applied": False})
                raise refusal
            if args.dry_run or not plan.changes_anything or (args.json and not args.yes):
                if args.json:
                    print_json({**document, "applied": False})
                elif plan.already_imported:
                    print("paket ini sudah pernah diimpor; tidak ada yang berubah")
                return 0
            if not confirm("Impor perubahan ini?", args.yes):
                print("tidak diimpor", file=sys.stderr)
                return 1
            result = apply_import(store, plan, progress=_progress())
    if args.json:
        print_json({**document, "applied": True})
    else:
        print(result.message)
    return 0


def _plan_document(plan) -> dict:
    return {
        "schema": "spm-luring/import-plan/1",
        "bundle_id": plan.bundle_id,
        "office": {"id": plan.office.id, "name": plan.office.name, "new": plan.new_office},
        "period": plan.period.key,
        "already_imported": plan.already_imported,
        "refused": str(plan.refusal) if plan.refusal else None,
        "reports": [
            {
                "service": r.service_code,
                "verdict": r.verdict.value,
                "revision": r.revision,
                "revises": r.revises,
                "current_revision": r.current_revision,
                "changes": [
                    {"area": c.area_code, "column": c.column, "before": c.before, "after": c.after} for c in r.changes
                ],
                "evidence_added": [{"id": e.id, "name": e.name, "size": e.size} for e in r.evidence_added],
                "evidence_removed": list(r.evidence_removed),
            }
            for r in plan.reports
        ],
    }


def _print_plan(plan) -> None:
    verified = plan.verified
    print(f"paket {plan.bundle_id} dari {plan.office.name}{' (kantor baru)' if plan.new_office else ''}")
    print(f"  ditandatangani {verified.signer.name}, sidik jari {verified.signer.key.fingerprint}")
    for report in plan.reports:
        label = report.label.text
        gap = " (ada revisi yang terlewat)" if report.gap else ""
        print(f"  {report.service_code} {report.service_name}: {label}{gap}, revisi {report.revision}")
        for change in report.changes[:50]:
            print(f"    {change.area_code} {change.column}: {_value(change.before)} -> {_value(change.after)}")
        if len(report.changes) > 50:
            print(f"    … dan {len(report.changes) - 50} perubahan lain")
        for evidence in report.evidence_added:
            print(f"    + data dukung {evidence.name} ({_size(evidence.size)})")
        for evidence_id in report.evidence_removed:
            print(f"    - data dukung {evidence_id}")


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
