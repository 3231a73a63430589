"""Accounts and the review workflow from the command line: user, submit|return|approve, deadline."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import add_period, open_store, period_of, print_json, report_key
from desktop.cli.login import read_secret
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Role, Transition
from desktop.storage.reports import STATUS_LABELS, ReportKey
from desktop.storage.store import Store


def register(commands) -> None:
    """Adds the account, workflow and deadline commands."""
    user = commands.add_parser("user", help="akun pengguna: tambah, daftar, ubah peran, kata sandi")
    actions = user.add_subparsers(dest="user_command", metavar="AKSI", required=True)
    add = actions.add_parser("add", help="tambah akun (akun pertama harus admin)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="nama lengkap")
    add.add_argument("--nip", default="", help="NIP 18 angka")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument(
        "--new-password-file", type=Path, help="berkas berisi kata sandi akun baru (tanpa ini: ditanyakan)"
    )
    add.set_defaults(handler=cmd_user_add)
    listing = actions.add_parser("list", help="daftar akun")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_user_list)
    role = actions.add_parser("role", help="ubah peran akun")
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(handler=cmd_user_role)
    password = actions.add_parser("password", help="ganti kata sandi (milik sendiri, atau siapa pun oleh admin)")
    password.add_argument("username")
    password.add_argument("--new-password-file", type=Path)
    password.set_defaults(handler=cmd_user_password)
    for name, disabled, text in (("disable", True, "nonaktifkan akun"), ("enable", False, "aktifkan lagi akun")):
        toggle = actions.add_parser(name, help=text)
        toggle.add_argument("username")
        toggle.set_defaults(handler=cmd_user_disabled, disabled=disabled)

    for transition, text in (
        (Transition.SUBMIT, "ajukan laporan (dibekukan)"),
        (Transition.RETURN, "kembalikan laporan dengan catatan (verifikator)"),
        (Transition.APPROVE, "setujui laporan (verifikator)"),
    ):
        step = commands.add_parser(transition.value, help=text)
        step.add_argument("--service", required=True, help="kode jenis pelayanan dasar")
        add_period(step)
        step.add_argument("--office", help="kantor pengirim laporan (ID atau nama); bawaan: kantor ini")
        step.add_argument("--note", default="", help="catatan untuk seluruh laporan")
        step.add_argument(
            "--row-note", action="append", default=[], metavar="KODE=CATATAN", help="catatan untuk satu wilayah"
        )
        step.set_defaults(handler=cmd_transition, transition=transition)

    complete = commands.add_parser("completeness", help="kelengkapan laporan per kantor dan layanan")
    add_period(complete)
    complete.add_argument("--json", action="store_true")
    complete.set_defaults(handler=cmd_completeness)

    deadline = commands.add_parser("deadline", help="batas waktu periode (admin)")
    deadline_actions = deadline.add_subparsers(dest="deadline_command", metavar="AKSI", required=True)
    set_ = deadline_actions.add_parser("set", help="tetapkan hari terakhir operator boleh mengisi")
    add_period(set_)
    set_.add_argument("--closes", required=True, type=date.fromisoformat, help="tanggal, mis. 2024-10-20")
    set_.set_defaults(handler=cmd_deadline_set)
    reopen = deadline_actions.add_parser("open", help="buka kembali periode yang sudah ditutup")
    add_period(reopen)
    reopen.add_argument("--until", required=True, type=date.fromisoformat, help="dibuka sampai tanggal ini")
    reopen.add_argument("--reason", default="")
    reopen.set_defaults(handler=cmd_deadline_open)
    listing = deadline_actions.add_parser("list", help="daftar batas waktu")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_deadline_list)


def cmd_user_add(args: argparse.Namespace) -> int:
    """Adds an account."""
    password = read_secret(args.new_password_file, None, "Kata sandi akun baru: ", confirm=True)
    with open_store(args) as store:
        user = store.users.add(args.username, args.name, args.nip, Role(args.role), password)
    print(f"akun {user.username} ({user.role.value}) dibuat")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    """Lists the accounts."""
    with open_store(args, readonly=True) as store:
        users = store.accounts.list()
    if args.json:
        print_json(
            [
                {
                    "username": u.username,
                    "name": u.full_name,
                    "nip": u.nip,
                    "role": u.role.value,
                    "disabled": u.disabled,
                }
                for u in users
            ]
        )
    else:
        for u in users:
            print(f"{u.username}\t{u.role.value}\t{u.full_name}{'  (nonaktif)' if u.disabled else ''}")
    return 0


def cmd_user_role(args: argparse.Namespace) -> int:
    """Changes an account's role."""
    with open_store(args) as store:
        store.users.set_role(args.username, Role(args.role))
    return 0


def cmd_user_password(args: argparse.Namespace) -> int:
    """Sets an account's password."""
    password = read_secret(args.new_password_file, None, "Kata sandi baru: ", confirm=True)
    with open_store(args) as store:
        store.users.set_password(args.username, password)
    return 0


def cmd_user_disabled(args: argparse.Namespace) -> int:
    """Disables or enables an account."""
    with open_store(args) as store:
        store.users.set_disabled(args.username, args.disabled)
    return 0


def cmd_transition(args: argparse.Namespace) -> int:
    """Submits, returns or approves one report."""
    row_notes = {}
    for item in args.row_note:
        area, separator, text = item.partition("=")
        if not separator:
            raise user_error(
                QT_TRANSLATE_NOOP("Cli", "Catatan wilayah ditulis KODE=CATATAN, bukan '{text}'."), text=item
            )
        row_notes[area.strip()] = text
    with open_store(args) as store:
        key = _key(store, args)
        status = store.review.apply(key, args.transition, args.note, row_notes)
    print(f"{args.service} {key.period.label}: {STATUS_LABELS[status].text}")
    return 0


def cmd_completeness(args: argparse.Namespace) -> int:
    """Lists what each office's reports of the period still lack."""
    from desktop.storage.completeness import completeness

    with open_store(args, readonly=True) as store:
        entries = completeness(store.database, period_of(args))
    if args.json:
        print_json(
            [
                {
                    "office_id": e.office_id,
                    "office": e.office_name,
                    "service": e.service_code,
                    "status": e.status.value if e.status else None,
                    "areas_filled": e.areas_filled,
                    "areas_expected": e.areas_expected,
                    "evidence": e.evidence,
                    "signed_forms": e.signed_forms,
                    "missing": [m.text for m in e.missing],
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        lacking = ", ".join(m.text for m in e.missing) or "lengkap"
        print(f"{e.office_name}\t{e.service_code}\t{e.areas_filled}/{e.areas_expected} wilayah\t{lacking}")
    return 0


def cmd_deadline_set(args: argparse.Namespace) -> int:
    """Sets a period's deadline."""
    with open_store(args) as store:
        store.deadlines.set(period_of(args), args.closes, store.actor())
    return 0


def cmd_deadline_open(args: argparse.Namespace) -> int:
    """Reopens a closed period."""
    with open_store(args) as store:
        store.deadlines.reopen(period_of(args), args.until, store.actor(), args.reason)
    return 0


def cmd_deadline_list(args: argparse.Namespace) -> int:
    """Lists the deadlines."""
    with open_store(args, readonly=True) as store:
        deadlines = store.deadlines.all()
    today = date.today()
    if args.json:
        print_json(
            [
                {
                    "period": d.period.key,
                    "closes_on": d.closes_on.isoformat(),
                    "opened_until": d.opened_until.isoformat() if d.opened_until else None,
                    "closed": d.is_closed(today),
                }
                for d in deadlines
            ]
        )
    else:
        for d in deadlines:
            state = "ditutup" if d.is_closed(today) else "terbuka"
            opened = f", dibuka s.d. {d.opened_until.isoformat()}" if d.opened_until else ""
            print(f"{d.period.key}\t{d.closes_on.isoformat()}\t{state}{opened}")
    return 0


def _key(store: Store, args: argparse.Namespace) -> ReportKey:
    period = period_of(args)
    if not args.office:
        return report_key(store, args.service, period)
    office = store.installation_repo.find_office(args.office)
    if office is None:
        raise user_error(QT_TRANSLATE_NOOP("Cli", "Kantor '{office}' tidak dikenal di sini."), office=args.office)
    return ReportKey(office.id, args.service, period)
