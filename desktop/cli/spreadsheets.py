"""Commands for Excel: excel-template, import-excel, export-rekap."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import add_period, open_store, period_of
from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_int, format_percent
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.domain.periods import Period
from desktop.domain.validation import COLUMN_LABELS


def register(commands) -> None:
    """Adds the Excel commands to the parser."""
    template = commands.add_parser("excel-template", help="buat templat Excel isian satu triwulan")
    add_period(template)
    template.add_argument(
        "--services", help="kode layanan atau bidang, dipisah koma (bawaan: semua layanan yang dilaporkan OPD)"
    )
    template.add_argument("--out", required=True, type=Path, metavar="FILE", help="berkas .xlsx yang dibuat")
    template.set_defaults(handler=cmd_excel_template)

    importing = commands.add_parser("import-excel", help="impor angka dari templat Excel atau lembar biasa")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--service", help="kode layanan (wajib untuk lembar biasa)")
    importing.add_argument("--year", type=int, help="tahun (wajib untuk lembar biasa)")
    importing.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan (wajib untuk lembar biasa)")
    importing.add_argument(
        "--errors",
        type=Path,
        metavar="OUT",
        help="daftar kesalahan bila ditolak (.csv atau .xlsx; bawaan: di samping FILE)",
    )
    importing.add_argument("--dry-run", action="store_true", help="tampilkan apa yang akan berubah tanpa menyimpan")
    importing.set_defaults(handler=cmd_import_excel)

    rekap = commands.add_parser("export-rekap", help="rekap triwulan dalam Excel, tersusun seperti isian e-SPM")
    add_period(rekap)
    rekap.add_argument("--out", required=True, type=Path, metavar="FILE", help="berkas .xlsx yang dibuat")
    rekap.set_defaults(handler=cmd_export_rekap)


def cmd_excel_template(args: argparse.Namespace) -> int:
    """Writes the template of a period."""
    from desktop.reports.excel_template import template_data, write_template

    with open_store(args, readonly=True) as store:
        office = store.require_installation().office
        services = None
        if args.services:
            prefixes = [p.strip() for p in args.services.split(",") if p.strip()]
            catalog = load_catalog()
            unknown = [p for p in prefixes if not catalog.services_for([p])]
            if unknown:
                raise user_error(
                    QT_TRANSLATE_NOOP("Cli", "Kode layanan tidak dikenal: {codes}."), codes=", ".join(unknown)
                )
            services = [s.code for s in catalog.services_for(prefixes)]
            services = [c for c in services if c in office.services] or services  # the office's, else refused below
        data = template_data(store, period_of(args), services)
    path = write_template(data, args.out)
    print(f"{path}: {len(data.services)} layanan, {len(data.areas)} baris wilayah")
    return 0


def cmd_import_excel(args: argparse.Namespace) -> int:
    """Checks a workbook, then applies it whole, shows what would change (--dry-run), or refuses it."""
    from desktop.cli import EXIT_USAGE, EXIT_USER_ERROR
    from desktop.reports.excel_import import apply_plan, build_plan, import_context, open_workbook, target_of

    if (args.year is None) != (args.quarter is None):
        print("spm-luring import-excel: --year dan --quarter diberikan bersama", file=sys.stderr)
        return EXIT_USAGE
    period = Period(args.year, args.quarter) if args.year is not None else None
    with open_store(args, readonly=args.dry_run) as store:
        office = store.require_installation().office
        source = open_workbook(args.file)
        if not source.is_template and (args.service is None or period is None):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Cli", "{name} bukan templat SPM Luring: sebutkan --service, --year dan --quarter yang diisinya."
                ),
                name=args.file.name,
            )
        target = target_of(source, office, service=args.service, period=period)
        plan = build_plan(source, target, import_context(store, target))
        if not plan.ok:
            _refuse(plan, args)
            return EXIT_USER_ERROR
        for warning in plan.warnings:
            print(f"peringatan: {warning.location()}: {warning.message}")
        if args.dry_run:
            _show_changes(plan, store.areas)
            return 0
        if plan.cells_changed:
            apply_plan(store, plan)
    if not plan.cells_changed:
        print(f"{args.file.name}: tidak ada angka yang berubah ({plan.rows_read} baris dibaca)")
    else:
        print(
            f"{args.file.name}: {format_int(plan.cells_changed)} sel di {len(plan.reports)} laporan diimpor, "
            f"Triwulan {plan.period.roman} {plan.period.year}"
        )
    return 0


def _refuse(plan, args: argparse.Namespace) -> None:
    from desktop.reports.excel_problems import write_problems

    out = args.errors or args.file.with_name(f"{args.file.stem}-kesalahan.csv")
    try:
        saved = f"daftarnya di {write_problems(plan.problems, out)}"
    except UserError as exc:
        saved = f"daftarnya tidak dapat disimpan: {exc}"
    more = " (daftar dihentikan di sini)" if plan.truncated else ""
    print(
        f"spm-luring: impor {args.file.name} ditolak: {len(plan.problems)} masalah{more}; "
        f"tidak ada yang diubah; {saved}",
        file=sys.stderr,
    )
    for problem in plan.problems:
        print(f"  {problem.location()}: {problem.message}", file=sys.stderr)


def _show_changes(plan, areas) -> None:
    names = {a.code: a.name for a in areas.list()}
    for report in plan.reports:
        print(f"{report.key.service_code} (lembar {report.sheet}): {format_int(report.cells)} sel berubah")
        for row in report.rows:
            old = row.old
            for column in row.changed:
                before = "" if old is None else old.value(column)
                after = row.new.value(column)
                label = COLUMN_LABELS[column].text
                print(f"  {row.area_code} {names.get(row.area_code, '')}, {label}: {_shown(before)} -> {_shown(after)}")
    print(
        f"uji coba: {format_int(plan.cells_changed)} sel di {len(plan.reports)} laporan akan berubah; "
        "belum ada yang disimpan"
    )


def _shown(value) -> str:
    if value is None or value == "":
        return "(kosong)"
    return format_int(value) if isinstance(value, int) else repr(value)


def cmd_export_rekap(args: argparse.Namespace) -> int:
    """Writes the quarter's rekap for e-SPM."""
    from desktop.reports.excel_rekap import rekap_data, write_rekap

    with open_store(args, readonly=True) as store:
        data = rekap_data(store, period_of(args))
    path = write_rekap(data, args.out)
    band = data.summary.band.label if data.summary.band else "belum ada data"
    print(f"{path}: {len(data.summary.services)} layanan, indeks {format_percent(data.summary.index)} ({band})")
    return 0
