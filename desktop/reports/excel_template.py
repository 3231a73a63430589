"""The Excel template of a period: an instruction sheet, one sheet per service with the areas as rows,
the period's stored figures pre-filled (so the same file also corrects), and a hidden identity.

Layout of a service sheet (its name is the service code, e.g. "1.02.01"):

    row 1   1.02.01 Pelayanan kesehatan ibu hamil
    row 2   Dinas Kesehatan · Kabupaten Mahakam Ulu · Triwulan III 2024 (kumulatif sejak 1 Januari)
    row 3   Penerima: … ; satuan: …
    row 4   what to fill in
    row 6   Kode wilayah | Nama wilayah | Sasaran | Terlayani | Belum terlayani | Capaian % |
            Mutu dipersyaratkan | Mutu terpenuhi | Anggaran (Rp) | Realisasi (Rp) | Permasalahan | Tindak lanjut
    row 7…  one row per kecamatan (or desa), then the kabupaten-wide row
    last    Jumlah (formulas)

Input cells are unlocked and yellow, with number-only data validation; labels and formulas are locked by
sheet protection without a password — it prevents accidental edits, it is not security (the import
checks every cell again). The identity (app, template version, office, district, period, area level,
services and their sheets) is a very hidden sheet that Excel's window cannot show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop import __version__
from desktop.domain.catalog import CURRENT_VERSION, ServiceType, load_catalog
from desktop.domain.formatting import format_date
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, ReportStatus
from desktop.domain.validation import MAX_COUNT, MAX_MONEY, MAX_TEXT
from desktop.reports.excel_common import (
    APP,
    AREA,
    COLUMN_NUMBER,
    COMPUTED,
    COUNT_FORMAT,
    HEADER_ROW,
    IDENTITY_SHEET,
    INSTRUCTIONS_SHEET,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    TEMPLATE_COLUMNS,
    TEMPLATE_VERSION,
    Progress,
    save_workbook,
)
from desktop.reports.excel_import import require_service
from desktop.storage.areas import Area
from desktop.storage.installation import Installation
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store

INPUT_FILL = PatternFill("solid", fgColor="FFF6CC")
LOCKED_FILL = PatternFill("solid", fgColor="EEF0F3")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="E6EDF5")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
UNLOCKED = Protection(locked=False)
STATUS_TEXT = {ReportStatus.SUBMITTED: "Diajukan", ReportStatus.APPROVED: "Disetujui"}


@dataclass(frozen=True)
class TemplateData:
    """Everything the template shows, read from the store on the GUI thread."""

    installation: Installation
    period: Period
    services: tuple[ServiceType, ...]
    areas: tuple[Area, ...]
    rows: dict[str, dict[str, AreaFigures]]
    statuses: dict[str, ReportStatus]
    made_on: date


def template_data(store: Store, period: Period, services: list[str] | None = None) -> TemplateData:
    """The template's content for a period: the office's services (or the given ones) and stored rows."""
    installation = store.require_installation()
    office = installation.office
    codes = list(dict.fromkeys(services)) if services else list(office.services)
    for code in codes:
        require_service(office, code)
    catalog = load_catalog()
    rows, statuses = {}, {}
    for code in codes:
        report = store.reports.get(ReportKey(office.id, code, period))
        rows[code] = {r.area_code: r for r in report.rows}
        statuses[code] = report.status
    ordered = tuple(s for s in catalog.services if s.code in codes)
    return TemplateData(
        installation=installation,
        period=period,
        services=ordered,
        areas=tuple(store.areas.reporting_areas(office.area_level)),
        rows=rows,
        statuses=statuses,
        made_on=date.today(),
    )


def write_template(data: TemplateData, path: Path | str, progress: Progress | None = None) -> Path:
    """Writes the template atomically; `progress(done, total)` may raise to cancel (nothing is written)."""
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    total = len(data.services) + 1
    for index, service in enumerate(data.services):
        if progress is not None:
            progress(index, total)
        _service_sheet(workbook, data, service)
    _instructions(instructions, data)
    _identity(workbook, data)
    workbook.active = 0
    workbook.security = WorkbookProtection(lockStructure=True)  # no password: sheets cannot be moved by accident
    workbook.properties.creator = f"SPM Luring {__version__}"
    workbook.properties.title = f"Templat isian SPM Triwulan {data.period.roman} {data.period.year}"
    result = save_workbook(workbook, path)
    if progress is not None:
        progress(total, total)
    return result


def make_template(
    store: Store, period: Period, path: Path | str, services: list[str] | None = None, progress: Progress | None = None
) -> Path:
    """Reads and writes in one go (the command line; the window splits it over two threads)."""
    return write_template(template_data(store, period, services), path, progress)


# --- the service sheets ----------------------------------------------------------------------------


def _period_text(data: TemplateData) -> str:
    period = data.period
    return f"Triwulan {period.roman} {period.year} (kumulatif 1 Januari – {format_date(period.end_date())})"


def _service_sheet(workbook: Workbook, data: TemplateData, service: ServiceType) -> None:
    sheet = workbook.create_sheet(service.code)
    installation = data.installation
    status = data.statuses.get(service.code, ReportStatus.DRAFT)
    editable = status.editable
    sheet["A1"] = f"{service.code} {service.name}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"{installation.office.name} · {installation.district_name} · {_period_text(data)}"
    recipient = "; ".join(
        part
        for part in (
            f"Penerima: {service.recipient}" if service.recipient else "",
            f"satuan: {service.unit}" if service.unit else "",
        )
        if part
    )
    sheet["A3"] = recipient
    if editable:
        sheet["A4"] = (
            "Isi sel berlatar kuning saja, dengan bilangan bulat tanpa desimal dan tanpa rumus. "
            "Kolom abu-abu dihitung otomatis. Lihat lembar Petunjuk."
        )
    else:
        sheet["A4"] = (
            f"Laporan ini berstatus {STATUS_TEXT.get(status, status.value)}: angkanya tidak dapat diubah "
            "dan perubahan di lembar ini akan ditolak saat impor."
        )
        sheet["A4"].font = Font(bold=True, color="9C0006")

    for spec in TEMPLATE_COLUMNS:
        cell = sheet.cell(HEADER_ROW, COLUMN_NUMBER[spec.key], spec.header)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(COLUMN_NUMBER[spec.key])].width = spec.width
    sheet.row_dimensions[HEADER_ROW].height = 32

    first = HEADER_ROW + 1
    stored = data.rows.get(service.code, {})
    for offset, area in enumerate(data.areas):
        _area_row(sheet, first + offset, area, stored.get(area.code), editable)
    last = first + len(data.areas) - 1
    _totals_row(sheet, last + 1, first, last)
    if editable and data.areas:
        _validations(sheet, first, last)

    sheet.freeze_panes = sheet.cell(first, COLUMN_NUMBER["target"])
    sheet.protection.sheet = True  # without a password: against slips, not a lock
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _area_row(sheet: Worksheet, row: int, area: Area, stored: AreaFigures | None, editable: bool) -> None:
    values = stored or AreaFigures(area.code)
    for spec in TEMPLATE_COLUMNS:
        column = COLUMN_NUMBER[spec.key]
        cell = sheet.cell(row, column)
        cell.border = BOX
        if spec.kind == AREA:
            cell.value = area.code if spec.key == "area_code" else area.name
            cell.fill = LOCKED_FILL
        elif spec.kind == COMPUTED:
            cell.value = _row_formula(spec.key, row)
            cell.fill = LOCKED_FILL
            cell.number_format = COUNT_FORMAT if spec.key == "not_served" else PERCENT_FORMAT
        else:
            value = values.value(spec.key)
            cell.value = value if value not in (None, "") else None
            if editable:
                cell.fill, cell.protection = INPUT_FILL, UNLOCKED
            else:
                cell.fill = LOCKED_FILL
            if spec.key in ("problems", "follow_up"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.number_format = MONEY_FORMAT if spec.key in ("budget", "spent") else COUNT_FORMAT


def _letter(key: str) -> str:
    return get_column_letter(COLUMN_NUMBER[key])


def _row_formula(key: str, row: int) -> str:
    target, served = f"{_letter('target')}{row}", f"{_letter('served')}{row}"
    if key == "not_served":  # as the app: never below zero, empty until the target is filled
        return f'=IF({target}="","",MAX({target}-{served},0))'
    return f'=IF(OR({target}="",{target}=0),"",{served}/{target}*100)'  # a target of 0: not applicable


def _totals_row(sheet: Worksheet, row: int, first: int, last: int) -> None:
    name = sheet.cell(row, COLUMN_NUMBER["area_name"], "Jumlah")
    name.font = BOLD
    for spec in TEMPLATE_COLUMNS:
        cell = sheet.cell(row, COLUMN_NUMBER[spec.key])
        cell.fill, cell.border = TOTAL_FILL, BOX
        letter = _letter(spec.key)
        span = f"{letter}{first}:{letter}{last}"
        if spec.key in ("target", "served", "quality_required", "quality_met", "budget", "spent"):
            cell.value = f'=IF(COUNT({span})=0,"",SUM({span}))'
            cell.number_format = COUNT_FORMAT
            cell.font = BOLD
    # Served counts only where a target is filled, as the app's totals do.
    targets = f"{_letter('target')}{first}:{_letter('target')}{last}"
    served = f'SUMIFS({_letter("served")}{first}:{_letter("served")}{last},{targets},"<>")'
    total_target = f"{_letter('target')}{row}"
    not_served = sheet.cell(row, COLUMN_NUMBER["not_served"])
    not_served.value = f'=IF({total_target}="","",MAX({total_target}-{served},0))'
    not_served.number_format = COUNT_FORMAT
    achievement = sheet.cell(row, COLUMN_NUMBER["achievement"])
    achievement.value = f'=IF(OR({total_target}="",{total_target}=0),"",{served}/{total_target}*100)'
    achievement.number_format = PERCENT_FORMAT


def _validations(sheet: Worksheet, first: int, last: int) -> None:
    message = "Isi bilangan bulat 0 atau lebih, tanpa desimal dan tanpa rumus (contoh: 1250)."
    counts = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2=str(MAX_COUNT),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bukan bilangan bulat",
        error=message,
        showInputMessage=True,
        promptTitle="Jumlah",
        prompt="Bilangan bulat, kumulatif sejak awal tahun.",
    )
    # Rupiah may pass 2^31, where some spreadsheet programs stop "whole number" checks: a formula instead.
    money_cell = f"{_letter('budget')}{first}"
    money = DataValidation(
        type="custom",
        formula1=f"AND(ISNUMBER({money_cell}),{money_cell}>=0,{money_cell}=INT({money_cell}),{money_cell}<={MAX_MONEY})",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bukan rupiah bulat",
        error="Isi rupiah tanpa sen dan tanpa titik desimal, 0 atau lebih (contoh: 15000000).",
    )
    texts = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1=str(MAX_TEXT),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Teks terlalu panjang",
        error=f"Paling banyak {MAX_TEXT} karakter.",
    )
    for validation in (counts, money, texts):
        sheet.add_data_validation(validation)
    for key in ("target", "served", "quality_required", "quality_met"):
        counts.add(f"{_letter(key)}{first}:{_letter(key)}{last}")
    money.add(f"{_letter('budget')}{first}:{_letter('spent')}{last}")
    texts.add(f"{_letter('problems')}{first}:{_letter('follow_up')}{last}")


# --- the instructions ------------------------------------------------------------------------------

RULES = (
    "Isi hanya sel berlatar kuning. Sel abu-abu (kode dan nama wilayah, Belum terlayani, Capaian %, Jumlah) "
    "terkunci dan dihitung otomatis.",
    "Angka adalah bilangan bulat tanpa desimal, 0 atau lebih. Boleh diketik 1250 atau 1.250; rupiah tanpa sen.",
    "Angka bersifat kumulatif sejak 1 Januari: Terlayani dan Realisasi triwulan ini tidak boleh lebih kecil "
    "dari triwulan sebelumnya (bila lebih kecil, impor tetap menyimpan tetapi menandainya).",
    "Mutu terpenuhi tidak boleh melebihi Mutu dipersyaratkan. Terlayani di atas Sasaran atau Realisasi di atas "
    "Anggaran boleh, tetapi jelaskan di kolom Permasalahan.",
    "Jangan menulis rumus di sel kuning. Bila menyalin dari berkas lain, pakai Tempel Khusus → Nilai.",
    "Jangan menggabungkan sel (Merge), menyisipkan atau menghapus baris dan kolom, atau mengganti nama lembar.",
    "Sel kuning yang dikosongkan berarti angkanya dihapus saat impor. Angka yang sudah tersimpan di aplikasi "
    "sudah terisi di templat ini, jadi templat ini juga dapat dipakai untuk memperbaiki angka.",
    "Sasaran 0 berarti layanan tidak berlaku di wilayah itu (bukan dihitung 0 %).",
)
PROTECTION_NOTE = (
    "Lembar-lembar ini dilindungi TANPA kata sandi, hanya agar label dan rumus tidak terubah tanpa sengaja. "
    "Perlindungan ini bukan pengaman: siapa pun dapat membukanya (Tinjau → Buka Proteksi Lembar). Keabsahan "
    "data dijaga saat impor: setiap sel diperiksa ulang, dan bila ada satu saja yang salah, tidak ada angka "
    "yang disimpan; daftar kesalahannya (lembar, baris, kolom, alasan) ditampilkan dan dapat disimpan."
)


def _instructions(sheet: Worksheet, data: TemplateData) -> None:
    installation = data.installation
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 110
    lines: list[tuple[str, str, Font | None]] = [
        ("Templat isian capaian SPM", "", Font(bold=True, size=14)),
        ("", "", None),
        ("Perangkat daerah", installation.office.name, None),
        ("Kabupaten/kota", f"{installation.district_name} ({installation.district_code})", None),
        ("Periode", _period_text(data), None),
        ("Baris per", installation.office.area_level, None),
        ("Dibuat", f"{format_date(data.made_on)} oleh {installation.operator_name}, SPM Luring {__version__}", None),
        ("Versi templat", TEMPLATE_VERSION, None),
        ("", "", None),
        ("Cara mengisi", "", BOLD),
        ("1.", "Buka lembar setiap layanan (nama lembar = kode layanan, daftar di bawah).", None),
        ("2.", "Isi sel berlatar kuning untuk setiap kecamatan/desa dan baris tingkat kabupaten.", None),
        ("3.", "Simpan sebagai .xlsx (jangan .xls, .csv atau dengan kata sandi).", None),
        ("4.", "Di SPM Luring: Berkas → Impor dari Excel…, atau perintah: spm-luring import-excel BERKAS.", None),
        ("", "", None),
        ("Arti setiap kolom", "", BOLD),
    ]
    lines += [(spec.header, spec.help, None) for spec in TEMPLATE_COLUMNS]
    lines += [("", "", None), ("Aturan", "", BOLD)]
    lines += [(f"{number}.", rule, None) for number, rule in enumerate(RULES, start=1)]
    lines += [("", "", None), ("Perlindungan lembar", PROTECTION_NOTE, BOLD), ("", "", None)]
    lines += [("Lembar", "Jenis pelayanan dasar", BOLD)]
    lines += [(s.code, s.name, None) for s in data.services]
    for row, (label, text, font) in enumerate(lines, start=1):
        first = sheet.cell(row, 1, label or None)
        second = sheet.cell(row, 2, text or None)
        second.alignment = Alignment(wrap_text=True, vertical="top")
        first.alignment = Alignment(vertical="top")
        if font is not None:
            first.font = font
    sheet.protection.sheet = True


def _identity(workbook: Workbook, data: TemplateData) -> None:
    sheet = workbook.create_sheet(IDENTITY_SHEET)
    installation, office = data.installation, data.installation.office
    values = [
        ("app", APP),
        ("template_version", TEMPLATE_VERSION),
        ("office_id", office.id),
        ("office_name", office.name),
        ("district_code", installation.district_code),
        ("district_name", installation.district_name),
        ("year", str(data.period.year)),
        ("quarter", str(data.period.quarter)),
        ("area_level", office.area_level),
        ("catalog_version", CURRENT_VERSION),
        ("created_at", datetime.now(UTC).isoformat(timespec="seconds")),
        ("app_version", __version__),
    ]
    for key, value in values:
        sheet.append([key, value])
    for service in data.services:
        sheet.append(["sheet", service.code, service.code, str(HEADER_ROW)])
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
