"""`spm-hub`: set up, run and inspect the province hub (docs/hub.md).

Exit status as `spm-luring` (docs/cli.md): 0 success; 1 a failure the user can act on, with a
one-line Indonesian reason on standard error; 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from desktop import __version__
from desktop.domain.messages import UserError
from desktop.exchange.keys import check_passphrase, read_passphrase_file, read_public_key_file
from hub.config import (
    DEFAULT_MAX_UPLOAD,
    DEFAULT_PORT,
    DEFAULT_RATE_LIMIT,
    PASSPHRASE_ENV,
    HubConfig,
    RateLimit,
    read_settings,
    resolve_data_dir,
    resolve_database,
    write_settings,
)
from hub.db import Database, DatabaseError
from hub.errors import HubError

EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure the user can act on, with its Indonesian message."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: global options may also follow the command (`spm-hub serve --data-dir D`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="folder data hub (atau SPM_HUB_DATA_DIR); wajib")
    common.add_argument(
        "--database",
        default=argparse.SUPPRESS,
        help="postgresql://… (atau SPM_HUB_DATABASE); tanpa ini: SQLite di folder data, atau yang dicatat init",
    )
    parser = argparse.ArgumentParser(
        prog="spm-hub",
        description="Hub provinsi SPM Luring: menerima paket laporan, memverifikasi, memberi keputusan.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"spm-hub {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    init = commands.add_parser("init", parents=[common], help="siapkan hub: kunci provinsi dan token admin")
    init.add_argument("--province", required=True, help="nama provinsi, mis. 'Kalimantan Timur'")
    init.add_argument("--passphrase-file", help=f"frasa sandi kunci provinsi (atau {PASSPHRASE_ENV})")
    init.add_argument("--admin-token-file", help="tulis token admin ke berkas ini (bila tidak: dicetak sekali)")
    init.set_defaults(handler=run_init)

    serve = commands.add_parser("serve", parents=[common], help="jalankan hub (HTTP)")
    serve.add_argument("--host", default="127.0.0.1", help="alamat dengar (bawaan 127.0.0.1; di balik proksi HTTPS)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (bawaan {DEFAULT_PORT})")
    serve.add_argument(
        "--max-upload-bytes", type=int, default=DEFAULT_MAX_UPLOAD, help="ukuran unggahan terbesar (bita)"
    )
    serve.add_argument(
        "--rate-limit",
        default=DEFAULT_RATE_LIMIT,
        help=f"permintaan per klien, mis. 600/minute (bawaan {DEFAULT_RATE_LIMIT}; 0/s: tanpa batas)",
    )
    serve.add_argument(
        "--passphrase-file", help=f"frasa sandi kunci provinsi, untuk menandatangani keputusan (atau {PASSPHRASE_ENV})"
    )
    serve.add_argument("--secure-cookies", action="store_true", help="cookie hanya lewat HTTPS (di balik proksi HTTPS)")
    serve.set_defaults(handler=run_serve)

    add = commands.add_parser("add-office", parents=[common], help="daftarkan kantor pengirim; mencetak tokennya")
    add.add_argument("--office-id", required=True, help="id kantor (UUID kantor di aplikasi SPM Luring)")
    add.add_argument("--name", required=True, help="nama kantor, mis. 'Dinas Kesehatan Kab. Mahakam Ulu'")
    add.add_argument(
        "--role", choices=("office", "district"), default="office", help="office (OPD) atau district (Setda)"
    )
    add.add_argument("--public-key", required=True, help="berkas kunci publik minisign kantor (.pub)")
    add.add_argument("--token-file", help="tulis token kantor ke berkas ini (bila tidak: dicetak)")
    add.set_defaults(handler=run_add_office)

    status = commands.add_parser("status", parents=[common], help="kunci provinsi, kantor terdaftar, jumlah paket")
    status.add_argument("--json", action="store_true", help="keluaran JSON")
    status.set_defaults(handler=run_status)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs one command and returns the exit status."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    try:
        return args.handler(args) or 0
    except (CommandError, UserError, DatabaseError) as exc:
        print(f"spm-hub: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except HubError as exc:
        print(f"spm-hub: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("spm-hub: dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`spm-hub status --json | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# --- helpers -------------------------------------------------------------------------------------


def _data_dir(args, *, create: bool = False) -> Path:
    folder = resolve_data_dir(getattr(args, "data_dir", None))
    if folder is None:
        raise CommandError("folder data hub belum diberikan: pakai --data-dir atau SPM_HUB_DATA_DIR")
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    elif not (folder / "keys").is_dir():
        raise CommandError(f"{folder} bukan folder data hub; jalankan 'spm-hub init --data-dir {folder}' dahulu")
    return folder


def _passphrase(args) -> str | None:
    if getattr(args, "passphrase_file", None):
        return read_passphrase_file(Path(args.passphrase_file))
    return os.environ.get(PASSPHRASE_ENV) or None


def _write_secret(path: Path, text: str) -> None:
    """Writes a token to a new file only its owner can read (never over an existing one)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CommandError(f"berkas {path} sudah ada; pilih nama lain (token tidak ditimpa)") from None
    except OSError as exc:
        raise CommandError(f"tidak dapat menulis {path}: {exc.strerror}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def _open_database(args, folder: Path) -> Database:
    return Database.open(resolve_database(getattr(args, "database", None), folder), folder)


# --- commands ------------------------------------------------------------------------------------


def run_init(args) -> int:
    """`init`: the province key (passphrase-encrypted) and the admin token, shown once."""
    from hub import province

    folder = _data_dir(args, create=True)
    if (folder / "keys").exists():
        raise CommandError(f"{folder} sudah berisi hub (ada folder keys/); init hanya sekali")
    passphrase = _passphrase(args)
    if not passphrase:
        raise CommandError(f"frasa sandi kunci provinsi belum diberikan: pakai --passphrase-file atau {PASSPHRASE_ENV}")
    check_passphrase(passphrase)
    name = " ".join(args.province.split())
    if not name:
        raise CommandError("nama provinsi wajib diisi")
    url = getattr(args, "database", None) or os.environ.get("SPM_HUB_DATABASE")
    db = Database.open(url, folder)
    try:
        db.migrate()
        key, token = province.initialize(db, folder, name, passphrase)
    finally:
        db.close()
    if url:
        write_settings(folder, {**read_settings(folder), "database": url})
    print(f"Hub Provinsi {name} disiapkan di {folder}.")
    print(f"Kunci provinsi: {folder / 'keys' / 'office.pub'}")
    print(f"Sidik jari: {key.fingerprint} (id kunci {key.key_id})")
    if args.admin_token_file:
        _write_secret(Path(args.admin_token_file), token)
        print(f"Token admin ditulis ke {args.admin_token_file} (hanya sekali; simpan baik-baik).")
    else:
        print("Token admin (ditampilkan sekali ini saja; simpan baik-baik):")
        print(token)
    return 0


def run_serve(args) -> int:
    """`serve`: the hub on uvicorn, logs as JSON lines on standard error."""
    import uvicorn

    from hub import jsonlog, province
    from hub.app import create_app, open_state

    folder = _data_dir(args)
    try:
        rate = RateLimit.parse(args.rate_limit)
    except ValueError:
        raise CommandError(f"--rate-limit '{args.rate_limit}' tidak dikenali; tulis misalnya 600/minute") from None
    if args.max_upload_bytes <= 0:
        raise CommandError("--max-upload-bytes harus lebih dari 0")
    config = HubConfig(
        data_dir=folder,
        database_url=resolve_database(getattr(args, "database", None), folder),
        max_upload_bytes=args.max_upload_bytes,
        rate_limit=rate,
        passphrase=_passphrase(args),
        secure_cookies=args.secure_cookies,
    )
    jsonlog.configure()
    state = open_state(config)
    if config.passphrase:  # a wrong passphrase is said now, not at the first decision
        province.unlock(folder, config.passphrase, state.province.key).close()
    else:
        jsonlog.logger().warning("province.key_locked", extra={"hint": f"{PASSPHRASE_ENV} / --passphrase-file"})
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config, state),
            host=args.host,
            port=args.port,
            log_config=None,
            access_log=False,
            server_header=False,
            timeout_graceful_shutdown=10,
        )
    )
    server.run()
    return 0


def run_add_office(args) -> int:
    """`add-office`: registers an install's key; prints (or writes) its token."""
    from hub import offices, province

    folder = _data_dir(args)
    key = read_public_key_file(Path(args.public_key))
    db = _open_database(args, folder)
    try:
        db.migrate()
        found = province.load(db, folder)
        token = offices.register_office(db, args.office_id, args.name, args.role, key.public_key, found.key.public_key)
    finally:
        db.close()
    print(
        f"Kantor {args.office_id} ({' '.join(args.name.split())}, {args.role}) terdaftar; sidik jari kunci {key.fingerprint}."
    )
    if args.token_file:
        _write_secret(Path(args.token_file), token)
        print(f"Token kantor ditulis ke {args.token_file}; berikan kepada kantor itu (spm-luring sync setup).")
    else:
        print("Token kantor (berikan kepada kantor itu; tidak dapat ditampilkan lagi):")
        print(token)
    return 0


def run_status(args) -> int:
    """`status`: the province key, the offices and their bundles."""
    from hub import bundles, offices, province

    folder = _data_dir(args)
    db = _open_database(args, folder)
    try:
        db.migrate()
        found = province.load(db, folder)
        registered = offices.list_offices(db)
        with db.transaction(write=False) as tx:
            per_office = {
                (office_id, status): count
                for office_id, status, count in tx.execute(
                    "SELECT office_id, status, COUNT(*) FROM bundles GROUP BY office_id, status"
                )
            }
            decision_count = tx.scalar("SELECT COUNT(*) FROM decisions")
        totals = bundles.status_counts(db)
        document = {
            "province": {"name": found.name, "fingerprint": found.key.fingerprint, "key_id": found.key.key_id},
            "database": db.dialect.name,
            "schema_version": db.version(),
            "offices": [
                {
                    "office_id": o.office_id,
                    "name": o.name,
                    "role": o.role,
                    "fingerprint": o.key.fingerprint,
                    "bundles": {s: per_office.get((o.office_id, s), 0) for s in ("received", "verified", "rejected")},
                }
                for o in registered
            ],
            "bundles": {s: totals.get(s, 0) for s in ("received", "verified", "rejected")},
            "decisions": decision_count,
        }
    finally:
        db.close()
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"Provinsi {found.name}; kunci {found.key.fingerprint} (id {found.key.key_id}); basis data {db.dialect.name}")
    b = document["bundles"]
    print(
        f"Paket: {b['verified']} terverifikasi, {b['rejected']} ditolak, {b['received']} belum diperiksa; keputusan: {decision_count}"
    )
    for office in document["offices"]:
        counts = office["bundles"]
        print(
            f"  {office['office_id']}  {office['name']} ({office['role']})  {office['fingerprint']}"
            f"  terverifikasi {counts['verified']}, ditolak {counts['rejected']}, belum diperiksa {counts['received']}"
        )
    if not document["offices"]:
        print("  (belum ada kantor terdaftar: spm-hub add-office)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
