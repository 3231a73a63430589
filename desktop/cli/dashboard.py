"""`spm-luring dashboard`: the dashboard's figures for scripts (the index, sorted bars, trend, evidence, completeness)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.common import add_period, open_store, period_of, print_json
from desktop.domain.formatting import format_percent

if TYPE_CHECKING:  # imported when the command runs: every start of the window builds the parser
    from desktop.domain.dashboard import Bar, Dashboard, TrendPoint


def register(commands) -> None:
    """Adds the dashboard command to the parser."""
    parser = commands.add_parser("dashboard", help="angka dasbor: indeks, urutan layanan, tren, data dukung")
    add_period(parser)
    parser.add_argument("--service", help="bandingkan kecamatan untuk jenis pelayanan ini (kode, misalnya 1.02.01)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_dashboard)


def _bar(bar: Bar) -> dict:
    return {
        "code": bar.code,
        "label": bar.label,
        "value": bar.value,
        "band": bar.band.label if bar.band else None,
        "missing": bar.missing.text if bar.missing else None,
    }


def _point(point: TrendPoint) -> dict:
    return {"period": point.period.key, "index": point.index, "band": point.band.label if point.band else None}


def dashboard_json(figures: Dashboard, installation, areas: tuple[Bar, ...] | None, service: str | None) -> dict:
    """The documented JSON form of the dashboard (schema spm-luring/dashboard/1)."""
    period = figures.period
    return {
        "schema": "spm-luring/dashboard/1",
        "district": {"code": installation.district_code, "name": installation.district_name},
        "office": {"id": installation.office.id, "name": installation.office.name},
        "period": {"year": period.year, "quarter": period.quarter, "key": period.key},
        "index": figures.index,
        "band": figures.band.label if figures.band else None,
        "same_quarter_last_year": _point(figures.previous),
        "change_points": figures.change,
        "fields": [_bar(b) for b in figures.fields],
        "services": [_bar(b) for b in figures.services],
        "trend": {
            str(period.year): [_point(p) for p in figures.this_year],
            str(period.year - 1): [_point(p) for p in figures.last_year],
        },
        "evidence": {
            "reports": {"with_evidence": figures.report_evidence.with_evidence, "total": figures.report_evidence.total},
            "rows": {"with_evidence": figures.row_evidence.with_evidence, "total": figures.row_evidence.total},
        },
        "completeness": [
            {
                "code": c.service_code,
                "status": c.status.value if c.status else None,
                "has_figures": c.has_figures,
                "has_evidence": c.has_evidence,
                "sent": c.sent,
                "complete": c.complete,
            }
            for c in figures.completeness
        ],
        "areas": None if service is None else {"service": service, "kecamatan": [_bar(b) for b in areas or ()]},
    }


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Prints the quarter's dashboard figures."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.dashboard import coverage_figures
    from desktop.storage.dashboard import read_dashboard

    period = period_of(args)
    with open_store(args, readonly=True) as store:
        installation = store.require_installation()
        service = args.service
        if service is not None:
            from desktop.cli.common import report_key

            report_key(store, service, period)  # refuses a service the office does not report
        source = read_dashboard(store.database, installation.office, period)
    catalog = load_catalog()
    figures = source.dashboard(catalog)
    areas = source.areas_for(service, catalog) if service else None
    if args.json:
        print_json(dashboard_json(figures, installation, areas, service))
        return 0
    band = figures.band.label if figures.band else "-"
    print(f"{installation.office.name} - Triwulan {period.roman} {period.year}")
    print(f"Indeks capaian SPM: {format_percent(figures.index)} ({band})")
    previous = figures.previous
    print(f"Triwulan {previous.period.roman} {previous.period.year}: {format_percent(previous.index)}")
    print("Nilai per jenis pelayanan, dari yang terendah:")
    for bar in figures.services:
        shown = format_percent(bar.value) if bar.value is not None else bar.missing.text
        print(f"  {bar.label[:60]:<62}{shown:>16}")
    print("Tren indeks:")
    for this, last in zip(figures.this_year, figures.last_year, strict=True):
        print(f"  TW {this.period.roman:<4}{format_percent(this.index):>10}{format_percent(last.index):>12}")
    for label, coverage in coverage_figures(figures):
        print(f"{label.text}: {coverage.with_evidence}/{coverage.total} ({format_percent(coverage.pct)})")
    if areas is not None:
        print(f"Capaian penerima per kecamatan, {service}:")
        for bar in areas:
            shown = format_percent(bar.value) if bar.value is not None else bar.missing.text
            print(f"  {bar.label:<40}{shown:>16}")
    return 0
