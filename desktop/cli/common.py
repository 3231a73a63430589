"""Helpers shared by the command handlers."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.login import log_in
from desktop.domain.periods import Period
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store


def add_period(parser: argparse.ArgumentParser) -> None:
    """--year and --quarter, both required."""
    parser.add_argument("--year", type=int, required=True, help="tahun, misalnya 2024")
    parser.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4), help="triwulan 1-4")


def period_of(args: argparse.Namespace) -> Period:
    """The period the arguments name."""
    return Period(args.year, args.quarter)


def open_store(args: argparse.Namespace, *, readonly: bool = False) -> Store:
    """The store of --data-dir (or the default folder); a writer logs in the account --user names."""
    store = Store.open(args.data_dir, readonly=readonly)
    if not readonly:
        try:
            log_in(store, args)
        except BaseException:
            store.close()
            raise
    return store


def report_key(store: Store, service: str, period: Period) -> ReportKey:
    """The key of the local office's report for a service and period, after checking the service."""
    from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error

    office = store.require_installation().office
    if service not in office.services:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Cli", "Layanan {code} tidak termasuk layanan yang dilaporkan {office} (lihat 'spm-luring catalog')."
            ),
            code=service,
            office=office.name,
        )
    return ReportKey(office.id, service, period)


def print_json(data) -> None:
    """Writes JSON to standard output, UTF-8, keys in a stable order."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
