"""The quarter's rekap as a workbook laid out like e-SPM's input sections, to copy into e-SPM in one pass.

One sheet, "Rekap": the heading and the index with its band, then per service

    A. Penerima pelayanan dasar   harus dilayani, terlayani, belum terlayani, capaian %
    B. Mutu pelayanan dasar       dipersyaratkan, terpenuhi, capaian %
    C. Anggaran                   alokasi, realisasi, realisasi %
    D. Ringkasan nilai            the score of each service and field, the index and band

Figures are numbers (not text, not formulas), so a copied cell pastes as its value; percentages are
stored rounded half up to two decimals, as the window and the printed forms show them, with an
Indonesian-looking format (62,28 % in an Indonesian Excel). Empty means "not applicable" or no data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from desktop import __version__
from desktop.domain.catalog import Catalog, load_catalog
from desktop.domain.formatting import format_date, round_half_up
from desktop.domain.periods import Period
from desktop.domain.scoring import DistrictScore, ServiceScore
from desktop.reports.excel_common import COUNT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, Progress, save_workbook
from desktop.storage.installation import Installation
from desktop.storage.store import Store
from desktop.storage.summary import period_summary

SHEET = "Rekap"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
FIELD_FILL = PatternFill("solid", fgColor="EEF0F3")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
WIDTHS = {"A": 5, "B": 10, "C": 58, "D": 18, "E": 18, "F": 18, "G": 14}


@dataclass(frozen=True)
class RekapData:
    """The scored quarter, read from the store on the GUI thread."""

    installation: Installation
    period: Period
    summary: DistrictScore
    made_on: date


def rekap_data(store: Store, period: Period) -> RekapData:
    """The office's quarter, scored as the summary tab scores it."""
    installation = store.require_installation()
    return RekapData(installation, period, period_summary(store.reports, installation.office, period), date.today())


def percent(value: float | None) -> float | None:
    """A percentage as the rekap stores it: rounded half up to two decimals; None stays empty."""
    return None if value is None else round_half_up(value, 2)


def write_rekap(data: RekapData, path: Path | str, progress: Progress | None = None) -> Path:
    """Writes the rekap atomically; `progress(done, total)` may raise to cancel (nothing is written)."""
    if progress is not None:
        progress(0, 2)
    catalog = load_catalog()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    row = _heading(sheet, data)

    def counts(score: ServiceScore) -> list:
        t = score.totals
        return [t.target, t.served, t.not_served, percent(score.recipients_pct)]

    row = _section(
        sheet,
        row,
        catalog,
        data.summary,
        "A. Penerima pelayanan dasar",
        ["Jumlah yang harus dilayani", "Jumlah terlayani", "Belum terlayani", "Capaian (%)"],
        counts,
        [COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT],
    )
    row = _section(
        sheet,
        row,
        catalog,
        data.summary,
        "B. Mutu pelayanan dasar",
        ["Mutu dipersyaratkan", "Mutu terpenuhi", "Capaian mutu (%)"],
        lambda s: [s.totals.quality_required, s.totals.quality_met, percent(s.quality_pct)],
        [COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT],
    )
    row = _section(
        sheet,
        row,
        catalog,
        data.summary,
        "C. Anggaran",
        ["Alokasi anggaran (Rp)", "Realisasi (Rp)", "Realisasi (%)"],
        lambda s: [s.totals.budget, s.totals.spent, percent(s.budget_pct)],
        [MONEY_FORMAT, MONEY_FORMAT, PERCENT_FORMAT],
    )
    if progress is not None:
        progress(1, 2)
    _scores(sheet, row, catalog, data.summary)
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.creator = f"SPM Luring {__version__}"
    workbook.properties.title = f"Rekap capaian SPM Triwulan {data.period.roman} {data.period.year}"
    result = save_workbook(workbook, path)
    if progress is not None:
        progress(2, 2)
    return result


def export_rekap(store: Store, period: Period, path: Path | str, progress: Progress | None = None) -> Path:
    """Reads and writes in one go (the command line; the window splits it over two threads)."""
    return write_rekap(rekap_data(store, period), path, progress)


def _heading(sheet: Worksheet, data: RekapData) -> int:
    installation, period = data.installation, data.period
    sheet["A1"] = "REKAP CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"{installation.office.name} · {installation.district_name} ({installation.district_code})"
    sheet["A3"] = (
        f"Triwulan {period.roman} Tahun {period.year} (kumulatif 1 Januari – {format_date(period.end_date())})"
    )
    sheet["A4"] = (
        f"Disusun dengan SPM Luring {__version__} pada {format_date(data.made_on)}, katalog {load_catalog().version}; "
        "angka siap disalin ke e-SPM. Sel kosong: belum ada data atau tidak berlaku."
    )
    sheet["A4"].font = Font(italic=True, color="555555")
    sheet["A6"] = "Indeks capaian SPM"
    sheet["A6"].font = BOLD
    index = sheet["D6"]
    index.value = percent(data.summary.index)
    index.number_format = PERCENT_FORMAT
    index.font = Font(bold=True, size=13)
    sheet["E6"] = data.summary.band.label if data.summary.band else "Belum ada data"
    sheet["E6"].font = Font(bold=True, size=13)
    return 8


def _header(sheet: Worksheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(["No", "Kode", "Jenis pelayanan dasar", *labels], start=1):
        cell = sheet.cell(row, column, label)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = 30


def _section(sheet, row, catalog: Catalog, summary: DistrictScore, title, labels, values, formats) -> int:
    sheet.cell(row, 1, title).font = Font(bold=True, size=12)
    row += 1
    _header(sheet, row, labels)
    number = 0
    for field in summary.fields:
        row += 1
        _field_row(sheet, row, catalog, field.field_code, len(labels))
        for score in field.services:
            row += 1
            number += 1
            _service_cells(sheet, row, number, catalog, score.service_code)
            for offset, (value, fmt) in enumerate(zip(values(score), formats, strict=True)):
                cell = sheet.cell(row, 4 + offset, value)
                cell.number_format, cell.border = fmt, BOX
    return row + 2


def _field_row(sheet: Worksheet, row: int, catalog: Catalog, field_code: str, width: int) -> None:
    sheet.cell(row, 2, field_code)
    sheet.cell(row, 3, catalog.field(field_code).name)
    for column in range(1, 4 + width):
        cell = sheet.cell(row, column)
        cell.font, cell.fill, cell.border = BOLD, FIELD_FILL, BOX


def _service_cells(sheet: Worksheet, row: int, number: int, catalog: Catalog, code: str) -> None:
    for column, value in ((1, number), (2, code), (3, catalog.service(code).name)):
        cell = sheet.cell(row, column, value)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=column == 3, vertical="top")


def _scores(sheet: Worksheet, row: int, catalog: Catalog, summary: DistrictScore) -> int:
    sheet.cell(row, 1, "D. Ringkasan nilai capaian").font = Font(bold=True, size=12)
    row += 1
    _header(sheet, row, ["Nilai capaian (%)"])
    number = 0
    for field in summary.fields:
        row += 1
        _field_row(sheet, row, catalog, field.field_code, 1)
        cell = sheet.cell(row, 4, percent(field.score))
        cell.number_format = PERCENT_FORMAT
        for score in field.services:
            row += 1
            number += 1
            _service_cells(sheet, row, number, catalog, score.service_code)
            cell = sheet.cell(row, 4, percent(score.score))
            cell.number_format, cell.border = PERCENT_FORMAT, BOX
    row += 1
    sheet.cell(row, 3, "Indeks capaian SPM").font = BOLD
    cell = sheet.cell(row, 4, percent(summary.index))
    cell.number_format, cell.font = PERCENT_FORMAT, BOLD
    row += 1
    sheet.cell(row, 3, "Kategori").font = BOLD
    sheet.cell(row, 4, summary.band.label if summary.band else "").font = BOLD
    return row
