"""The blank form (formulir isian) of a service for collecting figures in the field.

A4 landscape, the same letterhead and service identity as the report form, the areas pre-printed
in tall rows to write in, the quality components to check, and signature blocks for the one who
collected the data and the head of office. No QR code: a blank form is no record yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desktop.domain.catalog import Catalog, load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.reports import pdf_common as common
from desktop.reports import pdf_document as document
from desktop.reports import pdf_signatures as signing
from desktop.reports.pdf_common import styles
from desktop.reports.pdf_document import PdfMeta, PdfResult, Progress, Section
from desktop.reports.pdf_report_form import area_label, group_title, period_text
from desktop.reports.pdf_signatures import Signer
from desktop.reports.pdf_table import PlainTable
from desktop.reports.pdf_text import TextBlock, cell_text, head_text
from desktop.storage.areas import Area
from desktop.storage.installation import Installation
from desktop.storage.signatories import Signatories, get_signatories
from desktop.storage.store import Store

PAGESIZE = document.LANDSCAPE
WIDTH = document.frame_width(PAGESIZE)
# No, Wilayah | Sasaran, Terlayani | Disyaratkan, Terpenuhi | Alokasi, Realisasi | Permasalahan, Tindak lanjut
COLUMN_WIDTHS = [w * mm for w in (8, 45, 20, 20, 20, 20, 28, 28, 39, 39)]
ROW_HEIGHT = 9 * mm  # room to write a figure by hand
HEADER_ROWS = 2
DOTS = "." * 22


@dataclass(frozen=True)
class BlankForm:
    """What a blank form prints."""

    installation: Installation
    catalog: Catalog
    service_code: str
    areas: tuple[Area, ...]
    kecamatan: dict[str, str]
    signatories: Signatories  # resolved (the head of office is printed when known)
    period: Period | None = None  # printed when given; dotted lines to fill in otherwise


def collect_blank_form(store: Store, service_code: str, period: Period | None = None) -> BlankForm:
    """The blank form of one of the office's services."""
    installation = store.require_installation()
    office = installation.office
    if service_code not in office.services:
        raise user_error(
            QT_TRANSLATE_NOOP("Printing", "Layanan {code} tidak termasuk layanan yang dilaporkan {office}."),
            code=service_code,
            office=office.name,
        )
    return BlankForm(
        installation=installation,
        catalog=load_catalog(),
        service_code=service_code,
        areas=tuple(store.areas.reporting_areas(office.area_level)),
        kecamatan={a.code: a.name for a in store.areas.list(3)} if office.area_level == "desa" else {},
        signatories=get_signatories(store).resolved(installation, date.today()),
        period=period,
    )


def write_blank_forms(path: Path | str, forms: Sequence[BlankForm], progress: Progress | None = None) -> PdfResult:
    """Writes the blank forms, one after another, to one PDF."""
    if not forms:
        raise ValueError("no forms to write")
    first = forms[0]
    office = first.installation.office.name
    title = f"Formulir isian SPM {first.service_code}" if len(forms) == 1 else "Formulir isian SPM"
    meta = PdfMeta(title=title, subject=f"{office}, {first.installation.district_name}", author=office)
    return document.build_pdf(path, forms, blank_section, blank_story, pagesize=PAGESIZE, meta=meta, progress=progress)


def blank_form_pdf(
    store: Store, service_code: str, path: Path | str, period: Period | None = None, progress: Progress | None = None
) -> PdfResult:
    """Reads and writes one service's blank form (the command line's blank-form)."""
    return write_blank_forms(path, [collect_blank_form(store, service_code, period)], progress)


def blank_section(form: BlankForm) -> Section:
    """The running header and footer of a blank form's pages."""
    service = form.catalog.service(form.service_code)
    installation = form.installation
    return Section(
        running_header=(
            f"Formulir isian capaian SPM · {service.code} {service.name}"
            f" · {installation.office.name} {installation.district_name}"
        ),
        footer=f"Formulir isian · {service.code} · katalog {form.catalog.version} · dicetak dengan SPM Luring",
    )


def blank_story(form: BlankForm) -> list[Flowable]:
    """The flowables of one blank form."""
    s = styles()
    catalog, installation = form.catalog, form.installation
    service = catalog.service(form.service_code)
    field = catalog.field(service.field_code)
    level = "desa" if installation.office.area_level == "desa" else "kecamatan"
    period = period_text(form.period) if form.period else f"Triwulan {DOTS[:8]} Tahun {DOTS[:10]}"
    components = "; ".join(f"{i}) {c}" for i, c in enumerate(field.quality_components, 1)) or "—"
    story: list[Flowable] = [
        *common.letterhead(installation, WIDTH),
        TextBlock("FORMULIR ISIAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)", s.title),
        Spacer(1, 4 * mm),
        common.field_table(
            [
                ("Bidang urusan", f"{field.code} {field.name}"),
                ("Jenis pelayanan dasar", f"{service.code} {service.name}"),
                ("Penerima pelayanan dasar", service.recipient or "—"),
                ("Periode", period),
                ("Komponen mutu", components),
            ],
            WIDTH,
            label_width=44 * mm,
        ),
        Spacer(1, 2 * mm),
        TextBlock(
            "Petunjuk: tulis angka kumulatif sejak 1 Januari. Sasaran = jumlah penerima yang harus dilayani dalam"
            " satu tahun; Terlayani = yang sudah dilayani; Mutu = jumlah butir mutu yang disyaratkan dan yang sudah"
            " terpenuhi; anggaran dan realisasi dalam rupiah. Kosongkan yang tidak diketahui.",
            s.note,
        ),
        Spacer(1, 2 * mm),
        blank_table(form, level),
    ]
    signatories = form.signatories
    head = signing.head_signer(installation, signatories)
    collector = Signer(
        above=(f"{DOTS}, {DOTS} 20{DOTS[:5]}", "Petugas pengumpul data,", "", ""),
        name="",
        nip="",
    )
    story.append(signing.closing_block([], signing.signature_table(head, collector, WIDTH)))
    return story


def blank_table(form: BlankForm, level: str) -> Table:
    """The areas pre-printed, every figure cell empty, and a Jumlah row to add up."""
    w, h = COLUMN_WIDTHS, head_text
    top = [h("No", w[0]), h(level.capitalize(), w[1]), h("Penerima pelayanan dasar", w[2] + w[3]), ""]
    top += [h("Mutu (butir)", w[4] + w[5]), "", h("Anggaran (Rp)", w[6] + w[7]), "", h("Permasalahan", w[8])]
    top += [h("Tindak lanjut / solusi", w[9])]
    names = ("Sasaran", "Terlayani", "Disyaratkan", "Terpenuhi", "Alokasi", "Realisasi")
    data = [top, ["", "", *(h(t, w[i]) for i, t in enumerate(names, 2)), "", ""]]
    style = [
        *common.text_table_style(HEADER_ROWS, right_from=2),
        *(("SPAN", (c, 0), (c, 1)) for c in (0, 1, 8, 9)),
        ("SPAN", (2, 0), (3, 0)),
        ("SPAN", (4, 0), (5, 0)),
        ("SPAN", (6, 0), (7, 0)),
    ]
    heights: list[float | None] = [None, None]
    group = None
    for number, area in enumerate(form.areas, 1):
        title = group_title(area, form.kecamatan, form.installation.district_name)
        if title is not None and title != group:
            group = title
            data.append([cell_text(title, WIDTH, bold=True), *[""] * 9])
            heights.append(None)
            row = len(data) - 1
            style += [
                ("SPAN", (0, row), (-1, row)),
                ("NOSPLIT", (0, row), (-1, row + 1)),  # a group's title never ends a page alone
                ("FONTNAME", (0, row), (0, row), common.BOLD),
                ("ALIGN", (0, row), (0, row), "LEFT"),
                ("BACKGROUND", (0, row), (-1, row), common.GROUP_FILL),
            ]
        data.append([str(number), cell_text(area_label(area), w[1]), *[""] * 8])
        heights.append(ROW_HEIGHT)
    data.append(["", "Jumlah", *[""] * 8])
    heights.append(ROW_HEIGHT)
    last = len(data) - 1
    style += [
        ("NOSPLIT", (0, max(last - 2, HEADER_ROWS)), (-1, last)),  # the totals never start a page alone
        ("FONTNAME", (1, last), (1, last), common.BOLD),
        ("BACKGROUND", (0, last), (-1, last), common.HEAD_FILL),
        ("LINEABOVE", (0, last), (-1, last), 1, "black"),
    ]
    table = PlainTable(data, colWidths=COLUMN_WIDTHS, rowHeights=heights, repeatRows=HEADER_ROWS, hAlign="LEFT")
    return common.styled(table, style, font=common.TEXT_FONT)
