"""`spm-luring`: every capability of the window, for scripts and acceptance checks.

Exit status 0 on success; 1 with a one-line reason on standard error when the user can act on
the failure; 2 for a usage error; 3 when a check (such as `audit verify`) finds a problem.
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop import __version__
from desktop.cli import (
    accounts,
    data_entry,
    decisions,
    exchange,
    inspection,
    login,
    maintenance,
    printing,
    spreadsheets,
    sync,
)
from desktop.cli import dashboard as dashboard_command
from desktop.domain.messages import LoginRequiredError, UserError

EXIT_USER_ERROR = 1
EXIT_USAGE = 2  # what argparse returns for a usage error
EXIT_CHECK_FAILED = 3


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="spm-luring",
        description="SPM Luring: laporan capaian Standar Pelayanan Minimal tanpa jaringan.",
    )
    parser.add_argument("--data-dir", help="folder data (bawaan: folder data pengguna, atau SPM_LURING_DATA_DIR)")
    parser.add_argument("--version", action="version", version=f"spm-luring {__version__}")
    login.add_login_arguments(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="buka jendela aplikasi (bawaan bila tanpa perintah)")
    gui.add_argument("file", nargs="?", help="paket laporan (.spmb) untuk langsung dibuka di dialog impor")
    gui.set_defaults(handler=run_gui)
    data_entry.register(commands)
    inspection.register(commands)
    dashboard_command.register(commands)
    exchange.register(commands)
    printing.register(commands)
    spreadsheets.register(commands)
    accounts.register(commands)
    decisions.register(commands)
    maintenance.register(commands)
    sync.register(commands)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    """Opens the window (Qt is imported only here)."""
    from desktop.ui.app import run_app

    return run_app(args.data_dir, getattr(args, "file", None))


BUNDLE_SUFFIXES = (".spmb", ".spmb.age")


def file_as_gui(argv: list[str]) -> list[str]:
    """`spm-luring FILE.spmb` (a double-clicked bundle) means `spm-luring gui FILE.spmb`."""
    position = 0
    while position < len(argv) and argv[position].startswith("-"):
        position += 1 if "=" in argv[position] or argv[position] != "--data-dir" else 2
    if position < len(argv) and argv[position].lower().endswith(BUNDLE_SUFFIXES):
        return [*argv[:position], "gui", *argv[position:]]
    return argv


def main(argv: list[str] | None = None) -> int:
    """Runs one command and returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(file_as_gui(sys.argv[1:] if argv is None else list(argv)))
    handler = getattr(args, "handler", None) or run_gui
    try:
        return handler(args) or 0
    except LoginRequiredError as exc:
        print(f"spm-luring: {exc}", file=sys.stderr)
        print(f"spm-luring: pakai --user NAMA dengan --password-file atau {login.PASSWORD_VARIABLE}", file=sys.stderr)
        return EXIT_USER_ERROR
    except UserError as exc:
        print(f"spm-luring: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("spm-luring: dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`spm-luring summary --json | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
