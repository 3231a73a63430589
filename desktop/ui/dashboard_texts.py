"""The dashboard's sentences and the evidence bars, shared by the screen and the PDF."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.dashboard import NO_DATA, Bar, Dashboard, coverage_figures
from desktop.domain.formatting import format_decimal, format_int, format_percent


def coverage_bars(figures: Dashboard) -> tuple[list[Bar], list[str]]:
    """The evidence and completeness shares as bars, with "8/12 (66,67 %)" beside each."""
    bars, texts = [], []
    for position, (label, coverage) in enumerate(coverage_figures(figures)):
        pct = coverage.pct
        bars.append(
            Bar(str(position), QCoreApplication.translate(*label), pct, None, None if pct is not None else NO_DATA)
        )
        texts.append(
            QCoreApplication.translate("Dashboard", "{count}/{total} ({pct})").format(
                count=format_int(coverage.with_evidence), total=format_int(coverage.total), pct=format_percent(pct)
            )
        )
    return bars, texts


def comparison_text(figures: Dashboard) -> str:
    """ "Triwulan III 2023: 55,10 % — naik 7,18 poin" (or that last year has no data)."""
    previous = figures.previous
    translate = QCoreApplication.translate
    if previous.index is None:
        return translate("Dashboard", "Triwulan {roman} {year}: belum ada data untuk dibandingkan").format(
            roman=previous.period.roman, year=previous.period.year
        )
    text = translate("Dashboard", "Triwulan {roman} {year}: {index}").format(
        roman=previous.period.roman, year=previous.period.year, index=format_percent(previous.index)
    )
    change = figures.change
    if change is None:
        return text
    if change > 0:
        trend = translate("Dashboard", "naik {points} poin").format(points=format_decimal(change))
    elif change < 0:
        trend = translate("Dashboard", "turun {points} poin").format(points=format_decimal(-change))
    else:
        trend = translate("Dashboard", "tidak berubah")
    return f"{text} — {trend}"


def coverage_text(figures: Dashboard) -> str:
    """One line: evidence of reports and rows, and how many services are complete."""
    services = len(figures.completeness)
    return QCoreApplication.translate(
        "Dashboard",
        "Data dukung: {reports} dari {report_total} laporan ({report_pct}), {rows} dari {row_total} baris "
        "({row_pct}). Lengkap (angka, data dukung, diajukan): {complete} dari {services} jenis pelayanan.",
    ).format(
        reports=format_int(figures.report_evidence.with_evidence),
        report_total=format_int(figures.report_evidence.total),
        report_pct=format_percent(figures.report_evidence.pct),
        rows=format_int(figures.row_evidence.with_evidence),
        row_total=format_int(figures.row_evidence.total),
        row_pct=format_percent(figures.row_evidence.pct),
        complete=figures.count("complete"),
        services=services,
    )
