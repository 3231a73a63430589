"""Who a command acts as: `--user NAME` (or SPM_LURING_USER), the password from `--password-file` or
SPM_LURING_PASSWORD, or typed on a terminal. Passwords never come as arguments.

An install without accounts works without a login, as its operator.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error

USER_VARIABLE = "SPM_LURING_USER"
PASSWORD_VARIABLE = "SPM_LURING_PASSWORD"


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    """--user and --password-file: the account a command acts as."""
    parser.add_argument("--user", help=f"akun yang bertindak (atau {USER_VARIABLE})")
    parser.add_argument(
        "--password-file", type=Path, help=f"berkas berisi kata sandi akun itu (atau {PASSWORD_VARIABLE})"
    )


def log_in(store, args: argparse.Namespace) -> None:
    """Logs the named account in, when one is named; acts without a login are left for the checks to refuse."""
    username = getattr(args, "user", None) or os.environ.get(USER_VARIABLE)
    if username:
        password = read_secret(getattr(args, "password_file", None), PASSWORD_VARIABLE, "Kata sandi: ")
        store.access.login(username, password)


def read_secret(path: Path | None, variable: str | None, prompt: str, *, confirm: bool = False) -> str:
    """A password from a file, an environment variable, or typed on a terminal."""
    if path is not None:
        from desktop.exchange.keys import read_passphrase_file

        return read_passphrase_file(path)
    if variable and (value := os.environ.get(variable)) is not None:
        return value
    if not sys.stdin.isatty():
        raise user_error(
            QT_TRANSLATE_NOOP("Cli", "Kata sandi tidak diberikan: pakai berkas (--password-file) atau {variable}."),
            variable=variable or "--new-password-file",
        )
    import getpass

    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Ulangi: ") != password:
        raise user_error(QT_TRANSLATE_NOOP("Cli", "Kedua kata sandi tidak sama."))
    return password
