"""Commands that set up the install and record figures and evidence: init, set, attach, show, evidence."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import add_period, open_store, period_of, print_json, report_key
from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_int, format_percent
from desktop.domain.reports import FIGURES, ReportStatus
from desktop.domain.workflow import Role
from desktop.storage.evidence import EVIDENCE, SIGNED_FORM
from desktop.storage.reports import STATUS_LABELS, CellEdit

FIGURE_OPTIONS = {
    "target": "sasaran (jumlah yang harus dilayani)",
    "served": "jumlah terlayani (kumulatif tahun berjalan)",
    "quality_required": "jumlah mutu yang dipersyaratkan",
    "quality_met": "jumlah mutu yang terpenuhi",
    "budget": "alokasi anggaran (Rp)",
    "spent": "realisasi anggaran (Rp)",
}


def register(commands) -> None:
    """Adds the data-entry commands to the parser."""
    init = commands.add_parser("init", help="siapkan aplikasi untuk kabupaten dan perangkat daerah")
    init.add_argument("--region", required=True, help="kode kabupaten/kota, misalnya 64.11")
    init.add_argument("--office", required=True, help="nama perangkat daerah (OPD)")
    init.add_argument("--operator", required=True, help="nama operator")
    init.add_argument("--nip", default="", help="NIP operator (18 angka)")
    init.add_argument(
        "--services",
        help="kode bidang atau layanan yang dilaporkan, dipisah koma (bawaan: sesuai nama OPD, atau semua)",
    )
    init.add_argument(
        "--area-level", choices=("kecamatan", "desa"), default="kecamatan", help="baris per kecamatan atau per desa"
    )
    init.add_argument(
        "--passphrase-file", type=Path, help="buat juga kunci tanda tangan kantor, dengan frasa sandi dari berkas ini"
    )
    init.add_argument("--admin", metavar="NAMA_PENGGUNA", help="buat juga akun admin pertama (nama: --operator)")
    init.add_argument("--admin-password-file", type=Path, help="berkas berisi kata sandi akun admin itu")
    init.set_defaults(handler=cmd_init)

    set_ = commands.add_parser("set", help="isi angka satu wilayah pada satu laporan")
    set_.add_argument("--service", required=True, help="kode layanan, misalnya 1.02.01")
    add_period(set_)
    set_.add_argument(
        "--area", required=True, help="kode wilayah (kecamatan/desa, atau kode kabupaten untuk tingkat kabupaten)"
    )
    for name, help_text in FIGURE_OPTIONS.items():
        set_.add_argument(f"--{name.replace('_', '-')}", dest=name, help=help_text)
    set_.add_argument("--problems", help="permasalahan")
    set_.add_argument("--follow-up", dest="follow_up", help="tindak lanjut / solusi")
    set_.add_argument("--note", help="catatan")
    set_.set_defaults(handler=cmd_set)

    attach = commands.add_parser("attach", help="lampirkan data dukung pada laporan")
    attach.add_argument("--service", required=True)
    add_period(attach)
    attach.add_argument("--area", help="kode wilayah (tanpa ini: untuk seluruh laporan)")
    attach.add_argument("--description", default="", help="keterangan berkas")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE")
    attach.add_argument(
        "--signed-form", action="store_true", help="berkasnya formulir laporan yang sudah ditandatangani (hasil pindai)"
    )
    attach.set_defaults(handler=cmd_attach)

    show = commands.add_parser("show", help="tampilkan isi satu laporan")
    show.add_argument("--service", required=True)
    add_period(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    evidence = commands.add_parser("evidence", help="daftar atau lepas data dukung")
    actions = evidence.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="daftar data dukung satu laporan")
    listing.add_argument("--service", required=True)
    add_period(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_evidence_list)
    remove = actions.add_parser("remove", help="lepas data dukung dari laporannya (tercatat di log audit)")
    remove.add_argument("id")
    remove.add_argument("--reason", default="")
    remove.set_defaults(handler=cmd_evidence_remove)


def cmd_init(args: argparse.Namespace) -> int:
    """Sets the install up."""
    from desktop.domain.regions import shipped_regions

    passphrase = None
    if args.passphrase_file is not None:  # checked before anything is set up
        from desktop.exchange.keys import check_passphrase, read_passphrase_file

        passphrase = read_passphrase_file(args.passphrase_file)
        check_passphrase(passphrase)
    admin_password = None
    if args.admin:
        from desktop.cli.login import read_secret
        from desktop.storage.accounts import check_password_rules

        admin_password = read_secret(args.admin_password_file, None, "Kata sandi admin: ", confirm=True)
        check_password_rules(admin_password)
    catalog = load_catalog()
    if args.services:
        prefixes = [p.strip() for p in args.services.split(",") if p.strip()]
        services = [s.code for s in catalog.services_for(prefixes)]
        services += [p for p in prefixes if not catalog.services_for([p])]  # unknown: reported below
    else:
        typical = {o.name.casefold(): o for o in catalog.typical_offices}.get(args.office.strip().casefold())
        services = [s.code for s in catalog.services_for(typical.service_prefixes)] if typical else None
    with open_store(args) as store:
        installed = store.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code=args.region,
            office_name=args.office,
            operator_name=args.operator,
            operator_nip=args.nip,
            services=services,
            area_level=args.area_level,
        )
        areas = store.areas.reporting_areas(installed.office.area_level)
        if admin_password is not None:
            store.users.add(args.admin, args.operator, args.nip, Role.ADMIN, admin_password)
            store.access.login(args.admin, admin_password)
        key = None
        if passphrase is not None:
            from desktop.exchange.trust import create_office_key

            key = create_office_key(store, passphrase)
    print(
        f"{installed.office.name}, {installed.district_name} ({installed.district_code}): "
        f"{len(installed.office.services)} layanan, {len(areas) - 1} {installed.office.area_level}"
    )
    if key is not None:
        print(f"kunci kantor: sidik jari {key.fingerprint}, ID {key.key_id}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    """Records figures of one area, all in one transaction."""
    columns = [*FIGURES, "problems", "follow_up", "note"]
    edits = [CellEdit(args.area, c, getattr(args, c)) for c in columns if getattr(args, c) is not None]
    if not edits:
        from desktop.cli import EXIT_USAGE

        print("spm-luring set: tidak ada angka yang diisi (mis. --target 120 --served 95)", file=sys.stderr)
        return EXIT_USAGE
    with open_store(args) as store:
        key = report_key(store, args.service, period_of(args))
        (change,) = store.reports.set_values(key, edits)
    for finding in change.findings:
        print(f"peringatan: {finding.message}")
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    """Attaches evidence files."""
    with open_store(args) as store:
        key = report_key(store, args.service, period_of(args))
        kind = SIGNED_FORM if args.signed_form else EVIDENCE
        items = store.evidence.add(key, args.area, args.files, args.description, kind)
    for item in items:
        print(f"{item.id}  {item.type_label}  {item.size}  {item.sha256[:12]}  {item.original_name}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Prints one report's rows and totals."""
    with open_store(args, readonly=True) as store:
        key = report_key(store, args.service, period_of(args))
        report = store.reports.get(key)
        notes = store.review.notes(key) if report.status is ReportStatus.RETURNED else []
        office = store.require_installation().office
        areas = {a.code: a.name for a in store.areas.reporting_areas(office.area_level)}
    totals = report.totals()
    if args.json:
        print_json(
            {
                "schema": "spm-luring/report/1",
                "service": report.service_code,
                "period": report.period.key,
                "status": report.status.value,
                "revision": report.revision,
                "catalog_version": report.catalog_version,
                "content_hash": report.content_hash(),
                "rows": [dict(r.as_dict(), area_name=areas.get(r.area_code, "")) for r in report.rows],
                "totals": {name: getattr(totals, name) for name in FIGURES},
                "review_notes": [{"area_code": n.area_code, "note": n.note, "by": n.written_by} for n in notes],
            }
        )
        return 0
    print(f"Status: {STATUS_LABELS[report.status].text}")
    for note in notes:
        where = areas.get(note.area_code, note.area_code) if note.area_code else "Seluruh laporan"
        print(f"Catatan pemeriksa ({where}): {note.note}")
    for row in report.rows:
        print(
            f"{row.area_code:<16}{areas.get(row.area_code, ''):<24}"
            f"{format_int(row.target):>12}{format_int(row.served):>12}{format_percent(row.achievement):>12}"
        )
    print(
        f"{'Jumlah':<40}{format_int(totals.target):>12}{format_int(totals.served):>12}{format_percent(totals.recipients_pct):>12}"
    )
    return 0


def cmd_evidence_list(args: argparse.Namespace) -> int:
    """Lists a report's evidence."""
    with open_store(args, readonly=True) as store:
        key = report_key(store, args.service, period_of(args))
        items = store.evidence.list(key)
    if args.json:
        print_json(
            [
                {
                    "id": i.id,
                    "area": i.area_code,
                    "name": i.original_name,
                    "type": i.media_type,
                    "size": i.size,
                    "sha256": i.sha256,
                    "added_at": i.added_at,
                    "added_by": i.added_by,
                    "description": i.description,
                }
                for i in items
            ]
        )
        return 0
    for i in items:
        print(f"{i.id}  {i.area_code or '-':<14}{i.type_label:<6}{i.size:>10}  {i.original_name}")
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    """Takes one evidence file off its report."""
    from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error

    with open_store(args) as store:
        try:
            store.evidence.remove(args.id, args.reason)
        except KeyError as exc:
            raise user_error(QT_TRANSLATE_NOOP("Cli", "Data dukung {id} tidak ada."), id=args.id) from exc
    return 0
