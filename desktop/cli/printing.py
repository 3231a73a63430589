"""Commands that print: report-pdf, rekap-pdf, blank-form, and the signatories of the forms (signatory)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import add_period, open_store, period_of, print_json
from desktop.domain.formatting import format_date
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.storage.signatories import get_signatories, save_signatories

if TYPE_CHECKING:  # reportlab is imported only by the commands that print (start-up stays light)
    from desktop.reports.pdf_common import PdfResult

TODAY_WORDS = ("hari-ini", "today")


def register(commands) -> None:
    """Adds the printing commands to the parser."""
    report = commands.add_parser(
        "report-pdf",
        help="formulir laporan (PDF) satu layanan, atau semua layanan yang berdata pada triwulan itu",
    )
    add_period(report)
    report.add_argument("--service", help="kode layanan (tanpa ini: semua layanan yang berdata, satu PDF)")
    report.add_argument("--out", required=True, type=Path, help="berkas PDF yang ditulis")
    report.set_defaults(handler=cmd_report_pdf)

    rekap = commands.add_parser("rekap-pdf", help="rekap capaian SPM kabupaten (PDF) satu triwulan atau setahun")
    rekap.add_argument("--year", type=int, required=True, help="tahun, misalnya 2024")
    rekap.add_argument(
        "--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan 1-4 (tanpa ini: setiap triwulan yang berdata)"
    )
    rekap.add_argument("--out", required=True, type=Path, help="berkas PDF yang ditulis")
    rekap.set_defaults(handler=cmd_rekap_pdf)

    blank = commands.add_parser("blank-form", help="formulir isian kosong satu layanan untuk pengumpulan data")
    blank.add_argument("--service", required=True, help="kode layanan, misalnya 1.02.01")
    blank.add_argument("--year", type=int, help="tahun yang dicetak pada formulir (bersama --quarter)")
    blank.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan yang dicetak pada formulir")
    blank.add_argument("--out", required=True, type=Path, help="berkas PDF yang ditulis")
    blank.set_defaults(handler=cmd_blank_form)

    signatory = commands.add_parser("signatory", help="penandatangan formulir: kepala OPD, tempat dan tanggal")
    actions = signatory.add_subparsers(dest="action", required=True)
    set_ = actions.add_parser("set", help='simpan penandatangan (yang tidak disebut tetap; "" = nilai bawaan)')
    set_.add_argument("--head-name", help="nama kepala OPD, dengan gelar")
    set_.add_argument("--head-nip", help="NIP kepala OPD (18 angka)")
    set_.add_argument("--head-title", help="jabatan (bawaan: Kepala <nama OPD>)")
    set_.add_argument("--head-rank", help="pangkat/golongan, misalnya 'Pembina Utama Muda (IV/c)'")
    set_.add_argument("--place", help="tempat penandatanganan (bawaan: nama kabupaten)")
    set_.add_argument("--date", help="tanggal penandatanganan YYYY-MM-DD, atau hari-ini (bawaan)")
    set_.set_defaults(handler=cmd_signatory_set)
    show = actions.add_parser("show", help="tampilkan penandatangan seperti dicetak")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_signatory_show)


def _done(result: PdfResult, what: str) -> int:
    print(f"{result.path}: {result.pages} halaman, {result.sections} {what}")
    return 0


def cmd_report_pdf(args: argparse.Namespace) -> int:
    """Writes the report form of a service, or of every service with data, to one PDF."""
    from desktop.reports.pdf_report_form import report_pdf

    with open_store(args, readonly=True) as store:
        result = report_pdf(store, period_of(args), args.out, [args.service] if args.service else None)
    return _done(result, "formulir")


def cmd_rekap_pdf(args: argparse.Namespace) -> int:
    """Writes the district rekap of a quarter, or of each quarter of the year with data."""
    from desktop.reports.pdf_rekap import rekap_pdf

    if args.quarter is None:
        Period(args.year, 1)  # checks the year
    with open_store(args, readonly=True) as store:
        result = rekap_pdf(store, args.year, args.quarter, args.out)
    return _done(result, "rekap triwulan")


def cmd_blank_form(args: argparse.Namespace) -> int:
    """Writes a service's blank form for field collection."""
    from desktop.reports.pdf_blank_form import blank_form_pdf

    if (args.year is None) != (args.quarter is None):
        raise user_error(QT_TRANSLATE_NOOP("Cli", "--year dan --quarter harus disebut bersama (atau keduanya tidak)."))
    period = Period(args.year, args.quarter) if args.year is not None else None
    with open_store(args, readonly=True) as store:
        result = blank_form_pdf(store, args.service, args.out, period)
    return _done(result, "formulir")


def parse_sign_date(text: str) -> date | None:
    """YYYY-MM-DD, or hari-ini / today / "" for the day of printing."""
    value = text.strip().lower()
    if value in ("", *TODAY_WORDS):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise user_error(
            QT_TRANSLATE_NOOP("Cli", "Tanggal '{text}' tidak dikenali; tulis misalnya 2024-10-31 atau hari-ini."),
            text=text,
        ) from exc


def cmd_signatory_set(args: argparse.Namespace) -> int:
    """Stores the signatories; options not given keep their value."""
    changes = {
        name: getattr(args, name)
        for name in ("head_name", "head_nip", "head_title", "head_rank", "place")
        if getattr(args, name) is not None
    }
    if args.date is not None:
        changes["sign_date"] = parse_sign_date(args.date)
    if not changes:
        raise user_error(QT_TRANSLATE_NOOP("Cli", "Tidak ada yang diubah; sebut misalnya --head-name dan --head-nip."))
    with open_store(args) as store:
        save_signatories(store, replace(get_signatories(store), **changes))
        _print_signatories(store, as_json=False)
    return 0


def cmd_signatory_show(args: argparse.Namespace) -> int:
    """Prints the signatories as the forms print them."""
    with open_store(args, readonly=True) as store:
        _print_signatories(store, as_json=args.json)
    return 0


def _print_signatories(store, *, as_json: bool) -> None:
    from desktop.reports.pdf_common import nip_text

    installation = store.require_installation()
    stored = get_signatories(store)
    shown = stored.resolved(installation, date.today())
    if as_json:
        print_json(
            {
                "schema": "spm-luring/signatories/1",
                "head": {
                    "name": shown.head_name,
                    "nip": shown.head_nip,
                    "title": shown.head_title,
                    "rank": shown.head_rank,
                },
                "operator": {"name": installation.operator_name, "nip": installation.operator_nip},
                "place": shown.place,
                "date": stored.sign_date.isoformat() if stored.sign_date else None,
            }
        )
        return
    when = format_date(shown.sign_date) + ("" if stored.sign_date else " (hari ini; tanggal pencetakan)")
    print(f"Mengetahui : {shown.head_title}, {installation.district_name}")
    print(f"             {shown.head_name or '(belum diisi)'}" + (f", {shown.head_rank}" if shown.head_rank else ""))
    print(f"             NIP {nip_text(shown.head_nip) if shown.head_nip else '(belum diisi)'}")
    print(f"Operator   : {installation.operator_name}, NIP {nip_text(installation.operator_nip) or '-'}")
    print(f"Tempat     : {shown.place}")
    print(f"Tanggal    : {when}")
