"""The report form (formulir laporan capaian SPM) of one service and period, ready for wet signatures.

A4 landscape: the letterhead; the service, period and status; one row per area with the same
columns as the window's grid and the totals once at the end; the achievement summary; problems and
follow-up; the evidence list (name, date, short hash); the signature blocks with the verification
QR code between them. Many areas flow over pages with the table's header repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.domain.catalog import Catalog
from desktop.domain.formatting import format_date, format_decimal, format_int, format_percent, round_half_up
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, Report, Totals, percentage
from desktop.domain.scoring import score_service
from desktop.reports import pdf_common as common
from desktop.reports import pdf_document as document
from desktop.reports import pdf_signatures as signing
from desktop.reports.pdf_common import para, styles
from desktop.reports.pdf_document import PdfMeta, PdfResult, Progress, Section
from desktop.reports.pdf_table import PlainTable
from desktop.reports.pdf_text import TextBlock, cell_text, head_text
from desktop.reports.qr_payload import FormPayload
from desktop.storage.areas import Area
from desktop.storage.evidence import EvidenceItem
from desktop.storage.installation import Installation
from desktop.storage.reports import STATUS_LABELS, ReportKey
from desktop.storage.signatories import Signatories, get_signatories
from desktop.storage.store import Store

PAGESIZE = document.LANDSCAPE
WIDTH = document.frame_width(PAGESIZE)
# No, Wilayah | Sasaran, Terlayani, Belum terlayani, Capaian | Disyaratkan, Terpenuhi, Capaian | Alokasi, Realisasi, %
FIGURE_WIDTHS = [w * mm for w in (8, 59, 18, 18, 18, 18, 20, 18, 18, 27, 27, 18)]
HEADER_ROWS = 2


@dataclass(frozen=True)
class ReportForm:
    """Everything one form prints, read from the store beforehand (so it can be laid out on any thread)."""

    installation: Installation
    catalog: Catalog
    report: Report
    areas: tuple[Area, ...]  # the form's rows in order: every kecamatan (or desa), then the kabupaten-wide row
    kecamatan: dict[str, str]  # kecamatan code -> name, for grouping desa rows
    evidence: tuple[EvidenceItem, ...]
    signatories: Signatories  # resolved: title, place and date filled in

    @cached_property
    def content_hash(self) -> str:
        """The report's content hash (made once: the footer of every page and the QR code carry it)."""
        return self.report.content_hash()

    @property
    def payload(self) -> str:
        """The QR code's text: the report's identity and content hash."""
        r = self.report
        return FormPayload(r.office_id, r.service_code, r.period.key, r.revision, self.content_hash).text()


# --- reading -------------------------------------------------------------------------------------------


def services_with_data(store: Store, period: Period) -> list[str]:
    """The office's services that have any figure or text in the period, in code order."""
    office = store.require_installation().office
    rows = store.reports.rows_by_service(office.id, period)
    return [code for code in sorted(office.services) if any(not r.is_empty for r in rows.get(code, ()))]


def collect_report_forms(
    store: Store, period: Period, services: Sequence[str] | None = None, today: date | None = None
) -> list[ReportForm]:
    """The forms of the given services (default: every service of the office with data in the period).

    Reads the store on the calling thread; raises UserError when there is nothing to print.
    """
    installation = store.require_installation()
    office = installation.office
    codes = list(services) if services is not None else services_with_data(store, period)
    if not codes:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Printing", "Belum ada data untuk Triwulan {quarter} {year}; tidak ada formulir yang dapat dicetak."
            ),
            quarter=period.roman,
            year=period.year,
        )
    for code in codes:
        if code not in office.services:
            raise user_error(
                QT_TRANSLATE_NOOP("Printing", "Layanan {code} tidak termasuk layanan yang dilaporkan {office}."),
                code=code,
                office=office.name,
            )
    signatories = get_signatories(store).resolved(installation, today or date.today())
    areas = tuple(store.areas.reporting_areas(office.area_level))
    kecamatan = {a.code: a.name for a in store.areas.list(3)} if office.area_level == "desa" else {}
    forms = []
    for code in codes:
        key = ReportKey(office.id, code, period)
        report = store.reports.get(key)
        form = ReportForm(
            installation=installation,
            catalog=store.reports.catalog_of(report),
            report=report,
            areas=areas,
            kecamatan=kecamatan,
            evidence=tuple(store.evidence.list(key)),
            signatories=signatories,
        )
        _ = form.content_hash  # hashed while reading: the layout then only lays out
        forms.append(form)
    return forms


# --- writing -------------------------------------------------------------------------------------------


def write_report_forms(path: Path | str, forms: Sequence[ReportForm], progress: Progress | None = None) -> PdfResult:
    """Writes the forms, one after another (each from a new page, numbered on its own), to one PDF."""
    if not forms:
        raise ValueError("no forms to write")
    first = forms[0]
    office = first.installation.office.name
    period = first.report.period
    title = (
        f"Laporan capaian SPM {first.report.service_code} Triwulan {period.roman} {period.year}"
        if len(forms) == 1
        else f"Laporan capaian SPM Triwulan {period.roman} {period.year} ({len(forms)} layanan)"
    )
    meta = PdfMeta(title=title, subject=f"{office}, {first.installation.district_name}", author=office)
    return document.build_pdf(path, forms, form_section, form_story, pagesize=PAGESIZE, meta=meta, progress=progress)


def report_pdf(
    store: Store,
    period: Period,
    path: Path | str,
    services: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> PdfResult:
    """Reads the forms from the store and writes them (the command line's report-pdf)."""
    return write_report_forms(path, collect_report_forms(store, period, services), progress)


def form_section(form: ReportForm) -> Section:
    """The running header and footer of a form's pages."""
    report, installation = form.report, form.installation
    service = form.catalog.service(report.service_code)
    period = report.period
    return Section(
        running_header=(
            f"Laporan capaian SPM Triwulan {period.roman} Tahun {period.year} · {service.code} {service.name}"
            f" · {installation.office.name} {installation.district_name}"
        ),
        footer=(
            f"{service.code} · {period.key} · revisi {report.revision} · SHA-256 {form.content_hash[:16]}…"
            " · dicetak dengan SPM Luring"
        ),
    )


def coverage_text(period: Period) -> str:
    """The figures count from the start of the year: "kumulatif 1 Januari s.d. 30 September 2024"."""
    start = format_date(date(period.year, 1, 1)).removesuffix(f" {period.year}")
    return f"kumulatif {start} s.d. {format_date(period.end_date())}"


def period_text(period: Period) -> str:
    """The period as forms write it: "Triwulan III Tahun 2024 (kumulatif 1 Januari s.d. 30 September 2024)"."""
    return f"Triwulan {period.roman} Tahun {period.year} ({coverage_text(period)})"


def area_label(area: Area) -> str:
    """A row's name: the kecamatan or desa, or what the kabupaten-wide row stands for."""
    if area.level <= 2:
        if area.name.lower().startswith("kota"):
            return "Tingkat kota (tidak dirinci)"
        return "Tingkat kabupaten (tidak dirinci)"
    return area.name


def group_title(area: Area, kecamatan: dict[str, str], district_name: str) -> str | None:
    """The group a row falls under when rows are desa: its kecamatan, or the district for the district-wide
    row; None when rows are kecamatan (no groups)."""
    if not kecamatan:
        return None
    if area.level <= 2:
        return district_name
    if area.parent_code in kecamatan:
        return f"Kecamatan {kecamatan[area.parent_code]}"
    return None


def form_story(form: ReportForm) -> list[Flowable]:
    """The flowables of one form."""
    s = styles()
    report, catalog, installation = form.report, form.catalog, form.installation
    service = catalog.service(report.service_code)
    field = catalog.field(service.field_code)
    level = "desa" if installation.office.area_level == "desa" else "kecamatan"
    area_count = sum(1 for a in form.areas if a.level > 2)
    status = STATUS_LABELS[report.status].text
    story: list[Flowable] = [
        *common.letterhead(installation, WIDTH),
        TextBlock("LAPORAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)", s.title),
        TextBlock(f"TRIWULAN {report.period.roman} TAHUN {report.period.year}", s.title),
        Spacer(1, 4 * mm),
        common.field_columns(
            [
                ("Bidang urusan", f"{field.code} {field.name}"),
                ("Jenis pelayanan dasar", f"{service.code} {service.name}"),
                ("Penerima pelayanan dasar", service.recipient or "—"),
            ],
            [
                ("Periode", f"Triwulan {report.period.roman} Tahun {report.period.year}"),
                ("Cakupan data", coverage_text(report.period)),
                ("Rincian wilayah", f"per {level} ({area_count} {level})"),
                ("Status laporan", f"{status}, revisi {report.revision} (katalog {report.catalog_version})"),
            ],
            WIDTH,
            (44 * mm, 30 * mm),
        ),
        *common.heading("A. Capaian per wilayah"),
        figures_table(form),
    ]
    story += figures_notes(form)
    story += [*common.heading("B. Ringkasan capaian"), summary_table(form)]
    story += [*common.heading("C. Permasalahan dan tindak lanjut"), *problems_part(form)]
    signatures = signing.signatures(
        installation,
        form.signatories,
        form.payload,
        "Pindai untuk mencocokkan formulir bertanda tangan ini dengan data digitalnya:"
        " kantor, layanan, periode, revisi dan sidik SHA-256 isi laporan.",
        WIDTH,
    )
    story.append(signing.closing_block([TextBlock("D. Data dukung", s.heading), *evidence_part(form)], signatures))
    return story


# --- A. figures per area ----------------------------------------------------------------------------------


def _computed(part: int | None, whole: int | None) -> str:
    """A percentage cell as the grid shows it: empty until the base is filled, "—" for a zero base."""
    return "" if whole is None else format_percent(percentage(part, whole))


def figure_cells(figures: AreaFigures | Totals, flag: bool = False) -> list[str]:
    """The ten figure columns of a row (or the totals) as printed."""
    achievement = _computed(
        figures.served_with_target if isinstance(figures, Totals) else figures.served, figures.target
    )
    return [
        format_int(figures.target),
        format_int(figures.served),
        format_int(figures.not_served),
        achievement + (" *" if flag and achievement else ""),
        format_int(figures.quality_required),
        format_int(figures.quality_met),
        _computed(figures.quality_met, figures.quality_required),
        format_int(figures.budget),
        format_int(figures.spent),
        _computed(figures.spent, figures.budget),
    ]


def figures_header(area_word: str) -> list[list]:
    """The two header rows of the figures table (repeated on every page)."""
    w, h = FIGURE_WIDTHS, head_text
    top = [h("No", w[0]), h(area_word.capitalize(), w[1]), h("Penerima pelayanan dasar", sum(w[2:6])), "", "", ""]
    top += [h("Mutu (butir)", sum(w[6:9])), "", "", h("Anggaran (Rp)", sum(w[9:12])), "", ""]
    names = ("Sasaran", "Terlayani", "Belum terlayani", "Capaian (%)", "Disyaratkan", "Terpenuhi", "Capaian (%)")
    names += ("Alokasi", "Realisasi", "Realisasi (%)")
    return [top, ["", "", *(h(t, w[i]) for i, t in enumerate(names, 2))]]


def figures_table(form: ReportForm) -> Table:
    """One row per area (grouped under their kecamatan when rows are desa), the totals once at the end."""
    report = form.report
    level = "desa" if form.installation.office.area_level == "desa" else "kecamatan"
    data = figures_header(level)
    style = [
        *common.text_table_style(HEADER_ROWS, right_from=2),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (5, 0)),
        ("SPAN", (6, 0), (8, 0)),
        ("SPAN", (9, 0), (11, 0)),
    ]
    known = {a.code for a in form.areas}
    extra = [Area(r.area_code, r.area_code, 3, None) for r in report.rows if r.area_code not in known]
    group = None
    for number, area in enumerate((*form.areas, *extra), 1):
        title = group_title(area, form.kecamatan, form.installation.district_name)
        if title is not None and title != group:
            group = title
            data.append([cell_text(title, WIDTH, bold=True), *[""] * 11])
            row = len(data) - 1
            style += [
                ("SPAN", (0, row), (-1, row)),
                ("NOSPLIT", (0, row), (-1, row + 1)),  # a group's title never ends a page alone
                ("FONTNAME", (0, row), (0, row), common.BOLD),
                ("ALIGN", (0, row), (0, row), "LEFT"),
                ("BACKGROUND", (0, row), (-1, row), common.GROUP_FILL),
            ]
        figures = report.row(area.code)
        flag = figures.served is not None and figures.target is not None and figures.served > figures.target
        data.append([str(number), cell_text(area_label(area), FIGURE_WIDTHS[1]), *figure_cells(figures, flag)])
    data.append(["", "Jumlah", *figure_cells(report.totals())])
    last = len(data) - 1
    style += [
        ("NOSPLIT", (0, max(last - 2, HEADER_ROWS)), (-1, last)),  # the totals never start a page alone
        ("FONTNAME", (1, last), (-1, last), common.BOLD),
        ("BACKGROUND", (0, last), (-1, last), common.HEAD_FILL),
        ("LINEABOVE", (0, last), (-1, last), 1, "black"),
    ]
    table = PlainTable(data, colWidths=FIGURE_WIDTHS, repeatRows=HEADER_ROWS, hAlign="LEFT")
    return common.styled(table, style, font=common.TEXT_FONT)


def figures_notes(form: ReportForm) -> list[Flowable]:
    """The notes under the figures table: how achievement is computed, what a star means."""
    s = styles()
    notes = [
        "Capaian = terlayani ÷ sasaran × 100 %, kumulatif sejak awal tahun; — = tidak berlaku (sasaran 0)."
        " Sel kosong: belum diisi."
    ]
    if any(r.served is not None and r.target is not None and r.served > r.target for r in form.report.rows):
        notes.append("* Terlayani melebihi sasaran; penjelasannya ada pada bagian C.")
    return [Spacer(1, 1 * mm), *(TextBlock(n, s.note) for n in notes)]


# --- B. summary ---------------------------------------------------------------------------------------------


def summary_rows(form: ReportForm) -> list[tuple[str, str]]:
    """The achievement summary: recipients, quality, the service score and band, budget realisation."""
    catalog = form.catalog
    service = catalog.service(form.report.service_code)
    rules = catalog.scoring
    score = score_service(service.code, form.report.rows, rules)
    t = score.totals
    unit = service.unit or "penerima"
    recipients = format_percent(score.recipients_pct)
    if t.target:
        recipients += f" ({format_int(t.served_with_target or 0)} dari {format_int(t.target)} {unit})"
    quality = format_percent(score.quality_pct)
    if t.quality_required:
        quality += f" ({format_int(t.quality_met or 0)} dari {format_int(t.quality_required)} butir mutu terpenuhi)"
    weights = f"{format_decimal(rules.recipients_weight * 100, 0)} % penerima + {format_decimal(rules.quality_weight * 100, 0)} % mutu"
    if score.score is None:
        value = "— (belum ada data yang dapat dinilai)"
    else:
        band = rules.band_for(round_half_up(score.score, 2)).label
        value = f"{format_decimal(score.score)} — {band} ({weights}, masing-masing paling tinggi 100 %)"
    budget = format_percent(score.budget_pct)
    if t.budget:
        budget += f" (Rp {format_int(t.spent or 0)} dari Rp {format_int(t.budget)}; dilaporkan, tidak masuk nilai)"
    return [
        ("Capaian penerima pelayanan dasar", recipients),
        ("Capaian mutu", quality),
        ("Nilai capaian layanan", value),
        ("Realisasi anggaran", budget),
    ]


def summary_table(form: ReportForm) -> Table:
    """The summary as label : value lines."""
    return common.field_table(summary_rows(form), WIDTH, label_width=60 * mm)


# --- C. problems and follow-up --------------------------------------------------------------------------------


def problems_part(form: ReportForm) -> list[Flowable]:
    """A row per area with a problem, follow-up or note; a sentence when there is none."""
    s = styles()
    names = {a.code: area_label(a) for a in form.areas}
    rows = [r for r in _ordered_rows(form) if r.problems or r.follow_up or r.note]
    if not rows:
        return [para("Tidak ada permasalahan yang dicatat.", s.body)]
    with_notes = any(r.note for r in rows)
    head = ["No", "Wilayah", "Permasalahan", "Tindak lanjut / solusi"] + (["Catatan"] if with_notes else [])
    widths = [8, 45, 107, 107] if not with_notes else [8, 43, 78, 78, 60]
    data = [[para(h, s.head) for h in head]]
    for number, row in enumerate(rows, 1):
        cells = [str(number), names.get(row.area_code, row.area_code), row.problems, row.follow_up]
        if with_notes:
            cells.append(row.note)
        data.append([para(cells[0], s.cell_center), *(para(c, s.cell) for c in cells[1:])])
    table = PlainTable(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    common.styled(table, common.grid_style(1))
    return [table]


def _ordered_rows(form: ReportForm) -> list[AreaFigures]:
    order = {a.code: i for i, a in enumerate(form.areas)}
    return sorted(form.report.rows, key=lambda r: (order.get(r.area_code, len(order)), r.area_code))


# --- D. evidence --------------------------------------------------------------------------------------------


def file_size_text(size: int) -> str:
    """245 KB, 1,2 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{format_decimal(size / 1024 / 1024, 1)} MB"


def added_date_text(added_at: str) -> str:
    """The day (local time) a file was attached, as "31 Oktober 2024"."""
    try:
        moment = datetime.fromisoformat(added_at.replace("Z", "+00:00"))
    except ValueError:
        return added_at[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_date(moment.astimezone().date())


def evidence_part(form: ReportForm) -> list[Flowable]:
    """The evidence files: name (and description), area, type, size, date added and the start of the hash."""
    s = styles()
    if not form.evidence:
        return [para("Belum ada data dukung yang dilampirkan.", s.body)]
    names = {a.code: area_label(a) for a in form.areas}
    head = ["No", "Nama berkas / keterangan", "Wilayah", "Jenis", "Ukuran", "Tanggal", "SHA-256 (16 awal)"]
    data = [[para(h, s.head) for h in head]]
    for number, item in enumerate(form.evidence, 1):
        name: Flowable = para(item.original_name, s.cell)
        if item.description:
            name = Paragraph(
                f"{common.text(item.original_name)}<br/><font color='#555555'>{common.text(item.description)}</font>",
                s.cell,
            )
        data.append(
            [
                para(str(number), s.cell_center),
                name,
                para(names.get(item.area_code, item.area_code) if item.area_code else "Seluruh laporan", s.cell),
                para(item.type_label, s.cell),
                para(file_size_text(item.size), s.cell_right),
                para(added_date_text(item.added_at), s.cell),
                para(item.sha256[:16], s.cell),
            ]
        )
    widths = [8, 104, 42, 15, 18, 36, 44]
    table = PlainTable(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    common.styled(table, common.grid_style(1))
    note = para(
        "Sidik SHA-256 lengkap setiap berkas tersimpan di aplikasi (perintah: spm-luring evidence list).", s.note
    )
    return [table, Spacer(1, 1 * mm), note]
