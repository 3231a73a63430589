"""Commands that read: catalog, summary, audit verify."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_period, open_store, period_of, print_json
from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_percent
from desktop.domain.scoring import DistrictScore, ServiceScore
from desktop.storage.summary import period_summary


def register(commands) -> None:
    """Adds the reading commands to the parser."""
    catalog = commands.add_parser("catalog", help="daftar jenis pelayanan dasar dan kodenya")
    catalog.add_argument("--json", action="store_true")
    catalog.set_defaults(handler=cmd_catalog)

    summary = commands.add_parser("summary", help="capaian per layanan dan bidang, indeks dan kategori")
    add_period(summary)
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=cmd_summary)

    audit = commands.add_parser("audit", help="log audit")
    actions = audit.add_subparsers(dest="action", required=True)
    verify = actions.add_parser("verify", help="periksa rantai hash log audit")
    verify.set_defaults(handler=cmd_audit_verify)


def cmd_catalog(args: argparse.Namespace) -> int:
    """Prints the catalog's fields and service types."""
    catalog = load_catalog()
    if args.json:
        print_json(
            {
                "schema": "spm-luring/catalog/1",
                "version": catalog.version,
                "fields": [
                    {
                        "code": f.code,
                        "name": f.name,
                        "quality_components": list(f.quality_components),
                        "services": [
                            {"code": s.code, "name": s.name, "recipient": s.recipient, "unit": s.unit}
                            for s in f.services
                        ],
                    }
                    for f in catalog.fields
                ],
                "scoring": {
                    "weights": {
                        "recipients": catalog.scoring.recipients_weight,
                        "quality": catalog.scoring.quality_weight,
                    },
                    "aggregation": catalog.scoring.aggregation,
                    "bands": [{"label": b.label, "min": b.min} for b in catalog.scoring.bands],
                    "note": catalog.scoring.note,
                },
            }
        )
        return 0
    print(f"Katalog SPM kabupaten/kota, versi {catalog.version}")
    for f in catalog.fields:
        print(f"{f.code}  {f.name}")
        for s in f.services:
            print(f"  {s.code}  {s.name}")
    return 0


def _service_json(score: ServiceScore, name: str) -> dict:
    t = score.totals
    return {
        "code": score.service_code,
        "name": name,
        "target": t.target,
        "served": t.served,
        "not_served": t.not_served,
        "recipients_pct": score.recipients_pct,
        "quality_required": t.quality_required,
        "quality_met": t.quality_met,
        "quality_pct": score.quality_pct,
        "budget": t.budget,
        "spent": t.spent,
        "budget_pct": score.budget_pct,
        "score": score.score,
        "over_target": score.over_target,
    }


def summary_json(result: DistrictScore, installation, period) -> dict:
    """The documented JSON form of a quarter's summary (schema spm-luring/summary/1)."""
    catalog = load_catalog()
    return {
        "schema": "spm-luring/summary/1",
        "district": {"code": installation.district_code, "name": installation.district_name},
        "office": {"id": installation.office.id, "name": installation.office.name},
        "period": {"year": period.year, "quarter": period.quarter, "key": period.key},
        "catalog_version": catalog.version,
        "index": result.index,
        "band": result.band.label if result.band else None,
        "fields": [
            {
                "code": f.field_code,
                "name": catalog.field(f.field_code).name,
                "score": f.score,
                "services": [_service_json(s, catalog.service(s.service_code).name) for s in f.services],
            }
            for f in result.fields
        ],
    }


def cmd_summary(args: argparse.Namespace) -> int:
    """Prints the quarter's achievement per service and field, the index and band."""
    period = period_of(args)
    with open_store(args, readonly=True) as store:
        installation = store.require_installation()
        result = period_summary(store.reports, installation.office, period)
    if args.json:
        print_json(summary_json(result, installation, period))
        return 0
    catalog = load_catalog()
    print(f"{installation.office.name} - Triwulan {period.roman} {period.year}")
    for f in result.fields:
        print(f"{f.field_code}  {catalog.field(f.field_code).name:<60}{format_percent(f.score):>10}")
        for s in f.services:
            print(f"  {s.service_code}  {catalog.service(s.service_code).name[:56]:<58}{format_percent(s.score):>10}")
    band = result.band.label if result.band else "-"
    print(f"Indeks capaian SPM: {format_percent(result.index)} ({band})")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Checks the audit log's hash chain; exit 3 when it is broken."""
    from desktop.cli import EXIT_CHECK_FAILED

    with open_store(args, readonly=True) as store:
        check = store.audit.verify()
    if check.ok:
        print(f"log audit utuh: {check.rows} baris")
        return 0
    print(f"spm-luring: log audit rusak: {check.reason}", file=sys.stderr)
    return EXIT_CHECK_FAILED
