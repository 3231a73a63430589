"""The district rekap (rekapitulasi capaian SPM) of a quarter, or of every quarter of a year.

A4 landscape: the letterhead; per field (bidang) its services with recipients, quality and budget
figures, achievement and score, the field's score; the index (IP SPM) and its band; how scores are
made (the catalog's rules); the signature blocks with a QR code identifying the rekap's reports.
A year's rekap is the four quarters one after another, each numbered on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desktop.domain.catalog import Catalog, ScoringRules, load_catalog
from desktop.domain.formatting import format_decimal, format_int, format_percent
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.scoring import DistrictScore, ServiceScore, score_district_totals
from desktop.reports import pdf_common as common
from desktop.reports import pdf_document as document
from desktop.reports import pdf_signatures as signing
from desktop.reports.pdf_common import styles
from desktop.reports.pdf_document import PdfMeta, PdfResult, Progress, Section
from desktop.reports.pdf_fonts import BOLD
from desktop.reports.pdf_report_form import period_text
from desktop.reports.pdf_table import PlainTable
from desktop.reports.pdf_text import TextBlock, cell_text, head_text, row_heights, wrapped
from desktop.reports.qr_payload import REKAP_TAG, ReportDigest, rekap_digest_hash
from desktop.storage.installation import Installation
from desktop.storage.signatories import Signatories, get_signatories
from desktop.storage.store import Store

PAGESIZE = document.LANDSCAPE
WIDTH = document.frame_width(PAGESIZE)
# No, Kode, Jenis | Sasaran, Terlayani, Belum, Capaian | Mutu, Capaian | Anggaran, Realisasi, % | Nilai
COLUMN_WIDTHS = [w * mm for w in (8, 15, 60, 17, 17, 17, 17, 19, 16, 24, 24, 16, 17)]
HEADER_ROWS = 2


@dataclass(frozen=True)
class Rekap:
    """One quarter's rekap, read from the store beforehand."""

    installation: Installation
    catalog: Catalog
    period: Period
    score: DistrictScore
    reports: tuple[ReportDigest, ...]  # the reports with data: what the QR code's hash covers
    signatories: Signatories  # resolved

    @cached_property
    def reports_hash(self) -> str:
        """The SHA-256 over the reports' content hashes (see qr_payload.rekap_hash)."""
        return rekap_digest_hash(self.reports)

    @property
    def payload(self) -> str:
        """The QR code's text: the office, the period and a hash over the reports' content hashes."""
        return "|".join((REKAP_TAG, self.installation.office.id, self.period.key, self.reports_hash))


# --- reading -------------------------------------------------------------------------------------------


def collect_rekap(store: Store, period: Period, today: date | None = None) -> Rekap:
    """The quarter's scores over the office's services, with the identity and content hash of the
    reports they come from (read with the report cache: the layout only lays out)."""
    installation = store.require_installation()
    office = installation.office
    catalog = load_catalog()
    stored = store.reports.period_figures(office.id, period)
    digests = tuple(
        ReportDigest(code, stored[code].revision, stored[code].content_hash)
        for code in sorted(code for code, found in stored.items() if code in office.services and found.has_data)
    )
    rekap = Rekap(
        installation=installation,
        catalog=catalog,
        period=period,
        score=score_district_totals(
            catalog, {code: (found.totals, found.over_target) for code, found in stored.items()}, office.services
        ),
        reports=digests,
        signatories=get_signatories(store).resolved(installation, today or date.today()),
    )
    _ = rekap.reports_hash  # hashed while reading: the layout then only lays out
    return rekap


def collect_rekaps(store: Store, year: int, quarter: int | None = None, today: date | None = None) -> list[Rekap]:
    """One quarter's rekap, or (without a quarter) the rekap of every quarter of the year that has data.

    Raises UserError when there is nothing to print.
    """
    periods = [Period(year, quarter)] if quarter else [Period(year, q) for q in range(1, 5)]
    rekaps = [r for r in (collect_rekap(store, p, today) for p in periods) if r.reports]
    if not rekaps:
        when = f"Triwulan {periods[0].roman} {year}" if quarter else str(year)
        raise user_error(
            QT_TRANSLATE_NOOP("Printing", "Belum ada data untuk {period}; rekap tidak dapat dicetak."), period=when
        )
    return rekaps


# --- writing -------------------------------------------------------------------------------------------


def write_rekaps(path: Path | str, rekaps: Sequence[Rekap], progress: Progress | None = None) -> PdfResult:
    """Writes the rekaps (one per quarter), one after another, to one PDF."""
    if not rekaps:
        raise ValueError("no rekap to write")
    first = rekaps[0]
    years = sorted({r.period.year for r in rekaps})
    title = (
        f"Rekap capaian SPM Triwulan {first.period.roman} {first.period.year}"
        if len(rekaps) == 1
        else f"Rekap capaian SPM tahun {', '.join(map(str, years))}"
    )
    office = first.installation.office.name
    meta = PdfMeta(title=title, subject=f"{office}, {first.installation.district_name}", author=office)
    return document.build_pdf(path, rekaps, rekap_section, rekap_story, pagesize=PAGESIZE, meta=meta, progress=progress)


def rekap_pdf(
    store: Store, year: int, quarter: int | None, path: Path | str, progress: Progress | None = None
) -> PdfResult:
    """Reads and writes the rekap of a quarter, or of the year (the command line's rekap-pdf)."""
    return write_rekaps(path, collect_rekaps(store, year, quarter), progress)


def rekap_section(rekap: Rekap) -> Section:
    """The running header and footer of a rekap's pages."""
    installation, period = rekap.installation, rekap.period
    return Section(
        running_header=(
            f"Rekapitulasi capaian SPM Triwulan {period.roman} Tahun {period.year}"
            f" · {installation.office.name} {installation.district_name}"
        ),
        footer=(
            f"Rekap {period.key} · {len(rekap.reports)} laporan · SHA-256 {rekap.reports_hash[:16]}…"
            " · dicetak dengan SPM Luring"
        ),
    )


def rekap_story(rekap: Rekap) -> list[Flowable]:
    """The flowables of one quarter's rekap."""
    s = styles()
    installation, period = rekap.installation, rekap.period
    counted = sum(1 for x in rekap.score.services if x.has_data)
    story: list[Flowable] = [
        *common.letterhead(installation, WIDTH),
        TextBlock("REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)", s.title),
        TextBlock(installation.district_name.upper(), s.title),
        TextBlock(f"TRIWULAN {period.roman} TAHUN {period.year}", s.title),
        Spacer(1, 4 * mm),
        common.field_table(
            [
                ("Perangkat daerah", installation.office.name),
                ("Periode", period_text(period)),
                (
                    "Jenis pelayanan dasar",
                    f"{len(rekap.score.services)} dilaporkan, {counted} memiliki data yang dinilai",
                ),
            ],
            WIDTH,
            label_width=44 * mm,
        ),
        Spacer(1, 3 * mm),
        rekap_table(rekap),
    ]
    signatures = signing.signatures(
        installation,
        rekap.signatories,
        rekap.payload,
        "Pindai untuk mencocokkan rekap bertanda tangan ini dengan laporan-laporan digital"
        " yang direkapnya (sidik SHA-256 atas sidik setiap laporan).",
        WIDTH,
    )
    notes = [TextBlock(line, s.note) for line in rules_notes(rekap.catalog.scoring, rekap.catalog.version)]
    # The index and band stand right under the table; the notes on how they are made go with the signatures.
    story += [Spacer(1, 3 * mm), index_table(rekap), Spacer(1, 2 * mm)]
    story.append(signing.closing_block(notes, signatures))
    return story


def rekap_header() -> list[list]:
    """The two header rows of the rekap table (repeated on every page)."""
    w = COLUMN_WIDTHS
    h = head_text
    top = [h("No", w[0]), h("Kode", w[1]), h("Bidang / jenis pelayanan dasar", w[2])]
    top += [h("Penerima pelayanan dasar", sum(w[3:7])), "", "", "", h("Mutu", sum(w[7:9])), ""]
    top += [h("Anggaran", sum(w[9:12])), "", "", h("Nilai", w[12])]
    names = ("Sasaran", "Terlayani", "Belum terlayani", "Capaian (%)", "Terpenuhi / disyaratkan", "Capaian (%)")
    names += ("Alokasi (Rp)", "Realisasi (Rp)", "Realisasi (%)")
    return [top, ["", "", "", *(h(t, w[i]) for i, t in enumerate(names, 3)), ""]]


def service_cells(score: ServiceScore) -> list[str]:
    """The figure columns of one service."""
    t = score.totals
    quality = f"{format_int(t.quality_met or 0)} / {format_int(t.quality_required)}" if t.quality_required else ""
    return [
        format_int(t.target),
        format_int(t.served_with_target if t.target is not None else t.served),
        format_int(t.not_served),
        format_percent(score.recipients_pct) if t.target is not None else "",
        quality,
        format_percent(score.quality_pct) if t.quality_required is not None else "",
        format_int(t.budget),
        format_int(t.spent),
        format_percent(score.budget_pct) if t.budget is not None else "",
        score_text(score.score),
    ]


def score_text(value: float | None) -> str:
    """A score as printed: 63,97; "—" without data."""
    return "—" if value is None else format_decimal(value)


def rekap_table(rekap: Rekap) -> Table:
    """Every field with its services; a field's row carries its score."""
    data, style = rekap_rows(rekap)
    # The headings are measured by the table (they span rows); the rest are plain lines of one leading.
    heights = [None] * HEADER_ROWS + row_heights(data[HEADER_ROWS:])
    table = PlainTable(data, colWidths=COLUMN_WIDTHS, rowHeights=heights, repeatRows=HEADER_ROWS, hAlign="LEFT")
    return common.styled(table, style, font=common.TEXT_FONT)


def rekap_rows(rekap: Rekap) -> tuple[list[list[str]], list[tuple]]:
    """The rekap table's cell texts (headings, field rows, service rows) and its style commands."""
    catalog = rekap.catalog
    data = rekap_header()
    style = [
        *common.text_table_style(HEADER_ROWS, right_from=3),
        *(("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 12)),
        ("SPAN", (3, 0), (6, 0)),
        ("SPAN", (7, 0), (8, 0)),
        ("SPAN", (9, 0), (11, 0)),
        ("FONTNAME", (12, HEADER_ROWS), (12, -1), common.BOLD),
    ]
    field_width = sum(COLUMN_WIDTHS[:12])
    number = 0
    for field_score in rekap.score.fields:
        field = catalog.field(field_score.field_code)
        data.append(
            [
                cell_text(f"{field.code} {field.name}", field_width, bold=True),
                *([""] * 11),
                score_text(field_score.score),
            ]
        )
        row = len(data) - 1
        style += [
            ("SPAN", (0, row), (11, row)),
            ("NOSPLIT", (0, row), (-1, row + 1)),  # a field's title never ends a page alone
            ("FONTNAME", (0, row), (0, row), common.BOLD),
            ("ALIGN", (0, row), (0, row), "LEFT"),
            ("BACKGROUND", (0, row), (-1, row), common.GROUP_FILL),
        ]
        for service_score in field_score.services:
            number += 1
            name = catalog.service(service_score.service_code).name
            data.append(
                [
                    str(number),
                    service_score.service_code,
                    cell_text(name, COLUMN_WIDTHS[2]),
                    *service_cells(service_score),
                ]
            )
    return data, style


def index_table(rekap: Rekap) -> Table:
    """The index (IP SPM) and its band, boxed."""
    style = styles().body_bold
    score = rekap.score
    index = format_percent(score.index) if score.index is not None else "— (belum ada layanan yang dapat dinilai)"
    band = score.band.label if score.band is not None else "—"
    widths = [110 * mm, 70 * mm]
    rows = [
        (f"Indeks Pencapaian SPM (IP SPM) {rekap.installation.district_name}", index),
        ("Kategori", band.upper()),
    ]
    # The text wrapped to the columns, less the cells' padding (6 points either side).
    data = [
        [wrapped(text, BOLD, style.fontSize, width - 12) for text, width in zip(row, widths, strict=True)]
        for row in rows
    ]
    table = PlainTable(data, colWidths=widths, hAlign="LEFT")
    return common.styled(
        table,
        [
            ("BOX", (0, 0), (-1, -1), 1, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, common.GRID),
            ("BACKGROUND", (0, 0), (0, -1), common.HEAD_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
        font=(BOLD, style.fontSize, style.leading),
    )


def rules_notes(rules: ScoringRules, version: str) -> list[str]:
    """How the scores were made, from the catalog's rules (so the paper explains itself)."""
    recipients = format_decimal(rules.recipients_weight * 100, 0)
    quality = format_decimal(rules.quality_weight * 100, 0)
    cap = format_decimal(rules.cap_percent, 0)
    aggregate = (
        "Nilai bidang = rata-rata nilai layanan yang memiliki data; indeks = rata-rata nilai bidang."
        if rules.aggregation == "mean_of_fields"
        else "Nilai bidang dan indeks = rata-rata nilai layanan yang memiliki data."
    )
    bands = sorted(rules.bands, key=lambda b: b.min, reverse=True)
    parts = [f"{b.label} ≥ {format_decimal(b.min, 0)}" for b in bands[:-1]]
    if bands:
        parts.append(f"{bands[-1].label} < {format_decimal(bands[-2].min, 0)}" if len(bands) > 1 else bands[-1].label)
    return [
        f"Nilai layanan = {recipients} % × capaian penerima + {quality} % × capaian mutu, masing-masing paling tinggi"
        f" {cap} %. {aggregate} Kategori: {'; '.join(parts)}. — = belum ada data.",
        f"Bobot dan kategori mengikuti katalog {version} (kebiasaan umum, dapat disesuaikan daerah); capaian anggaran"
        " dilaporkan, tidak masuk nilai.",
    ]
