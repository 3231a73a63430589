"""Commands for the admin: backup, restore, self-test."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.storage.data_dir import resolve_data_dir

EXIT_CHECK_FAILED = 3


def register(commands) -> None:
    """Adds the maintenance commands to the parser."""
    backup = commands.add_parser(
        "backup", help="cadangkan basis data, data dukung dan kunci ke folder baru di DIR (misalnya flashdisk)"
    )
    backup.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan cadangan")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="pulihkan data dari folder cadangan (diperiksa penuh dahulu; data lama disimpan)"
    )
    restore.add_argument("backup", type=Path, metavar="DIR", help="folder cadangan (spm-luring-cadangan-…)")
    restore.set_defaults(handler=cmd_restore)

    self_test = commands.add_parser(
        "self-test", help="periksa salinan terpasang: jendela, basis data, paket laporan, PDF, cadangan"
    )
    self_test.set_defaults(handler=cmd_self_test)


def _progress():
    """A progress line on standard error when it is a terminal (a backup of gigabytes takes a while)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        print(f"\r{percent:3d} %", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def cmd_backup(args: argparse.Namespace) -> int:
    """Writes a verified backup of the data folder; prints where it is."""
    from desktop.storage.backup import create_backup

    result = create_backup(resolve_data_dir(args.data_dir), args.out, progress=_progress())
    manifest = result.manifest
    evidence = sum(1 for f in manifest.files if f.path.startswith("evidence/"))
    print(
        f"{result.path}: cadangan skema {manifest.schema_version}, {len(manifest.files)} berkas "
        f"({evidence} data dukung), {manifest.total_bytes} bita; sudah diperiksa"
    )
    for missing in manifest.missing_evidence:
        print(
            f"peringatan: data dukung {missing} sudah tidak ada di folder data; tidak ikut dicadangkan", file=sys.stderr
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Verifies a backup and restores it into the data folder (refused while the app has it open)."""
    from desktop.storage.restore import restore_backup

    result = restore_backup(args.backup, resolve_data_dir(args.data_dir), progress=_progress())
    print(f"dipulihkan dari {args.backup}: skema {result.manifest.schema_version}, {len(result.manifest.files)} berkas")
    if result.previous is not None:
        print(f"data sebelumnya disimpan di {result.previous}")
    return 0


def cmd_self_test(_args: argparse.Namespace) -> int:
    """Runs every check in temporary folders; one line per check; 0 only when all pass."""
    from desktop import __version__
    from desktop.cli.self_test import run_checks

    print(f"spm-luring {__version__}: uji mandiri")

    def show(result) -> None:
        mark = "OK   " if result.ok else "GAGAL"
        print(f"{mark} {result.name.text}: {result.detail}", flush=True)

    results = run_checks(show)
    failed = sum(1 for r in results if not r.ok)
    print(f"{len(results) - failed} lulus, {failed} gagal")
    return EXIT_CHECK_FAILED if failed else 0
