"""What every printed PDF shares: fonts and styles, the letterhead (kop), the signature blocks, the
page frame with its running header and "Halaman x dari y", and the atomic write to disk.

A document is a list of sections (one form, or one quarter's rekap); each section starts on a new
page and numbers its own pages, so a form taken out of a combined PDF still says "Halaman 2 dari 3".
The numbers are drawn once the whole document is laid out (a canvas that keeps its pages until
save), which is how the last page is known.
"""

from __future__ import annotations

import io
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop import __version__
from desktop.domain.formatting import format_date
from desktop.reports.pdf_fonts import BOLD, REGULAR, register_fonts
from desktop.reports.qr_matrix import qr_modules
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error
from desktop.storage.installation import Installation
from desktop.storage.signatories import Signatories

PORTRAIT = portrait(A4)
LANDSCAPE = landscape(A4)
MARGIN_X = 15 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 16 * mm  # the footer sits in here
GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#e4e4e4")
GROUP_FILL = colors.HexColor("#f1f1f1")
MUTED = colors.HexColor("#555555")
QR_SIZE = 27 * mm
# A progress callback: (sections begun, sections in all). It may raise to stop the build (a cancel);
# nothing is written then.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    """A written PDF: where, how many pages, how many sections (forms or quarters)."""

    path: Path
    pages: int
    sections: int


@dataclass(frozen=True)
class Section:
    """One form or rekap within a document: its running header and the code in its footer."""

    running_header: str  # on every page of the section but its first (which has the letterhead)
    footer: str  # small text at the bottom left of every page, e.g. the report's identity and hash


class Styles:
    """The paragraph styles of the forms (Indonesian official forms: plain, black, compact)."""

    def __init__(self) -> None:
        register_fonts()

        def style(name: str, size: float, *, bold: bool = False, align=TA_LEFT, leading=None, **extra):
            return ParagraphStyle(
                name,
                fontName=BOLD if bold else REGULAR,
                fontSize=size,
                leading=leading or size * 1.22,
                alignment=align,
                **extra,
            )

        self.body = style("body", 9)
        self.body_bold = style("body_bold", 9, bold=True)
        self.small = style("small", 7.5)
        self.note = style("note", 7, textColor=MUTED)
        self.kop_1 = style("kop_1", 12, bold=True, align=TA_CENTER, leading=15)
        self.kop_2 = style("kop_2", 14, bold=True, align=TA_CENTER, leading=17)
        self.title = style("title", 11, bold=True, align=TA_CENTER, leading=14)
        self.subtitle = style("subtitle", 9.5, align=TA_CENTER, leading=12)
        self.heading = style("heading", 9.5, bold=True, spaceBefore=7, spaceAfter=3)
        self.cell = style("cell", 7.5, leading=9)
        self.cell_bold = style("cell_bold", 7.5, bold=True, leading=9)
        self.cell_right = style("cell_right", 7.5, align=TA_RIGHT, leading=9)
        self.cell_right_bold = style("cell_right_bold", 7.5, bold=True, align=TA_RIGHT, leading=9)
        self.cell_center = style("cell_center", 7.5, align=TA_CENTER, leading=9)
        self.head = style("head", 7, bold=True, align=TA_CENTER, leading=8.5)
        self.sign = style("sign", 9, align=TA_CENTER, leading=11.5)
        self.sign_name = style("sign_name", 9, bold=True, align=TA_CENTER, leading=11.5)


@cache
def styles() -> Styles:
    """The shared styles (made once; reportlab styles are read-only once made)."""
    return Styles()


def heading(value: str) -> list[Flowable]:
    """A part's heading (A., B. …), moved to the next page with what follows when too near the bottom.

    (Not keepWithNext: that would carry a long table whole to the next page and leave this one empty.)
    """
    return [CondPageBreak(28 * mm), para(value, styles().heading)]


def text(value: object) -> str:
    """A value as paragraph markup: XML special characters escaped, line breaks kept."""
    return escape(str(value)).replace("\n", "<br/>")


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped)."""
    return Paragraph(text(value), style)


def nip_text(nip: str) -> str:
    """An 18-digit NIP as printed on official documents: 19850101 201001 1 001."""
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def government_name(installation: Installation) -> str:
    """PEMERINTAH KABUPATEN MAHAKAM ULU (or KOTA …), as a letterhead names the government."""
    return f"PEMERINTAH {installation.district_name.upper()}"


def letterhead(installation: Installation, width: float) -> list[Flowable]:
    """The kop: the government and the office, over a thick and a thin rule."""
    s = styles()
    rule = Table([[""]], colWidths=[width], rowHeights=[2.2])
    styled(
        rule,
        [
            ("LINEABOVE", (0, 0), (-1, 0), 1.6, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [
        para(government_name(installation), s.kop_1),
        para(installation.office.name.upper(), s.kop_2),
        Spacer(1, 2 * mm),
        rule,
        Spacer(1, 4 * mm),
    ]


def styled(table: Table, commands: list) -> Table:
    """Applies table style commands; every cell's own font is ours (a table's default is Helvetica, not embedded)."""
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands]))
    return table


def field_table(rows: Sequence[tuple[str, object]], width: float, label_width: float = 38 * mm) -> Table:
    """Label : value lines (Bidang, Jenis pelayanan dasar, Periode …)."""
    s = styles()
    data = [[para(label, s.body), para(":", s.body), para(value, s.body)] for label, value in rows]
    table = Table(data, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm], hAlign="LEFT")
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
        ],
    )
    return table


def field_columns(
    left: Sequence[tuple[str, object]],
    right: Sequence[tuple[str, object]],
    width: float,
    label_widths: tuple[float, float],
) -> Table:
    """Two columns of label : value lines side by side (the identity of a form, in half the height)."""
    half = width / 2
    table = Table(
        [[field_table(left, half - 3 * mm, label_widths[0]), field_table(right, half, label_widths[1])]],
        colWidths=[half, half],
        hAlign="LEFT",
    )
    return styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def grid_style(header_rows: int) -> list[tuple]:
    """The lines and header shading of a figures table."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]


class QrCode(Flowable):
    """A QR code (error correction M: survives a stamp's edge or a fold), drawn as one filled path.

    reportlab's QrCodeWidget draws every dark module as its own shape, which costs more than the
    whole table of a rekap; here each row's runs of dark modules are rectangles of a single path.
    """

    QUIET_ZONE = 4  # modules of white around the code, as the standard asks

    def __init__(self, payload: str, size: float = QR_SIZE):
        super().__init__()
        modules = qr_modules(payload)
        count = len(modules)
        self.runs = [(row, start, end) for row in range(count) for start, end in _dark_runs(modules[row])]
        self.modules = count + 2 * self.QUIET_ZONE
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        unit = self.width / self.modules
        top = self.height - self.QUIET_ZONE * unit
        path = canvas.beginPath()
        for row, start, end in self.runs:
            path.rect((self.QUIET_ZONE + start) * unit, top - (row + 1) * unit, (end - start) * unit, unit)
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


def _dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for column, dark in enumerate([*row, False]):
        if dark and start is None:
            start = column
        elif not dark and start is not None:
            runs.append((start, column))
            start = None
    return runs


CELL_SIZE, CELL_LEADING = 7.5, 9
HEAD_SIZE, HEAD_LEADING = 7, 8.5
PAD_X = 2.2


def cell_text(value: str, width: float, *, bold: bool = False, size: float = CELL_SIZE) -> str:
    """Plain text broken into lines that fit a column `width` points wide (padding taken off).

    The big tables use plain strings, not paragraphs: the same look, and a year's rekap lays out
    several times faster (a paragraph per cell is parsed, wrapped and measured again on every page).
    """
    return "\n".join(simpleSplit(value, BOLD if bold else REGULAR, size, width - 2 * PAD_X)) if value else ""


def head_text(value: str, width: float) -> str:
    """A column heading broken into lines (bold, a little smaller)."""
    return cell_text(value, width, bold=True, size=HEAD_SIZE)


def text_table_style(header_rows: int, right_from: int, centre: Sequence[int] = (0,)) -> list[tuple]:
    """Fonts and alignment of a plain-text table: bold centred headings, figures right-aligned from a column."""
    return [
        *grid_style(header_rows),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ("FONTSIZE", (0, 0), (-1, header_rows - 1), HEAD_SIZE),
        ("LEADING", (0, 0), (-1, header_rows - 1), HEAD_LEADING),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("ALIGN", (right_from, header_rows), (-1, -1), "RIGHT"),
        *(("ALIGN", (c, header_rows), (c, -1), "CENTER") for c in centre),
    ]


def qr_code(payload: str, size: float = QR_SIZE) -> QrCode:
    """The QR code flowable of a payload."""
    return QrCode(payload, size)


class StampPlace(Flowable):
    """The empty space for the signature, with a faint dashed ring where the office stamp (cap) goes."""

    def __init__(self, width: float, height: float, with_ring: bool):
        super().__init__()
        self.width, self.height, self.with_ring = width, height, with_ring

    def draw(self) -> None:
        if not self.with_ring:
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#b5b5b5"))
        canvas.setFillColor(colors.HexColor("#a0a0a0"))
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.6)
        radius = min(self.height / 2 - 1, 11 * mm)
        cx = self.width / 2 - 17 * mm
        canvas.circle(cx, self.height / 2, radius)
        canvas.setFont(REGULAR, 6)
        canvas.drawCentredString(cx, self.height / 2 - 2, "cap dinas")
        canvas.restoreState()


@dataclass(frozen=True)
class Signer:
    """One signature block: the lines above the signature, then the name, rank and NIP below it."""

    above: tuple[str, ...]  # e.g. ("Mengetahui,", "Kepala Dinas Kesehatan", "Kabupaten Mahakam Ulu")
    name: str  # empty: a dotted line to write the name on
    nip: str
    rank: str = ""
    stamp: bool = False


BLANK_NAME = "(" + "." * 46 + ")"
BLANK_NIP = "NIP " + "." * 34


def signer_cell(signer: Signer, width: float) -> list[Flowable]:
    """The flowables of one signature block, centred in its column."""
    s = styles()
    cell: list[Flowable] = [para(line, s.sign) if line else Spacer(1, s.sign.leading) for line in signer.above]
    cell.append(StampPlace(width, 18 * mm, signer.stamp))
    if signer.name:
        cell.append(Paragraph(f"<u>{text(signer.name)}</u>", s.sign_name))
    else:
        cell.append(para(BLANK_NAME, s.sign))
    if signer.rank:
        cell.append(para(signer.rank, s.sign))
    cell.append(para(f"NIP {nip_text(signer.nip)}" if signer.nip else BLANK_NIP, s.sign))
    return cell


def signature_table(left: Signer, right: Signer, width: float, middle: Flowable | None = None) -> Table:
    """The signature blocks: "Mengetahui" on the left, the one who made it on the right, and between
    them (when given) the verification QR code.

    The right block starts with the place and date, the left one with "Mengetahui,"; both have the
    same number of lines, so the names stand on the same line.
    """
    side = min(88 * mm, width / 2)
    centre = width - 2 * side
    columns = [side, centre, side] if centre > 0 else [side, side]
    cells = [signer_cell(left, side), signer_cell(right, side)]
    if centre > 0:
        cells.insert(1, middle or "")
    table = Table([cells], colWidths=columns)
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (1, 0), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return table


def place_and_date(signatories: Signatories) -> str:
    """ "Ujoh Bilang, 31 Oktober 2024" (resolved signatories: place and date are set)."""
    day = signatories.sign_date or date.today()
    return f"{signatories.place}, {format_date(day)}"


def head_signer(installation: Installation, signatories: Signatories, *, stamp: bool = True) -> Signer:
    """The head of office's block: "Mengetahui," the title and the district, name, rank and NIP."""
    return Signer(
        above=("", "Mengetahui,", signatories.head_title, installation.district_name),
        name=signatories.head_name,
        nip=signatories.head_nip,
        rank=signatories.head_rank,
        stamp=stamp,
    )


def operator_signer(installation: Installation, signatories: Signatories, role: str) -> Signer:
    """The operator's block, under the place and date: who made the report."""
    return Signer(
        above=(place_and_date(signatories), "Yang membuat,", role, installation.office.name),
        name=installation.operator_name,
        nip=installation.operator_nip,
    )


def verification_block(payload: str, caption: str, width: float) -> Table:
    """The QR code with, beside it, what it is for and the full text it carries."""
    s = styles()
    words = [
        para("Kode verifikasi dokumen", s.cell_bold),
        para(caption, s.note),
        Spacer(1, 1.5 * mm),
        para(payload.replace("|", " | "), s.note),
    ]
    table = Table([[qr_code(payload), words]], colWidths=[QR_SIZE + 3 * mm, width - QR_SIZE - 3 * mm])
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOX", (0, 0), (-1, -1), 0.5, GRID),
            ("LEFTPADDING", (1, 0), (1, 0), 2),
            ("RIGHTPADDING", (1, 0), (1, 0), 4),
        ],
    )
    return table


def signatures(installation: Installation, signatories: Signatories, payload: str, caption: str, width: float) -> Table:
    """The usual signature blocks: the head of office ("Mengetahui") and the operator, the QR code between."""
    return signature_table(
        head_signer(installation, signatories),
        operator_signer(installation, signatories, "Operator SPM"),
        width,
        verification_block(payload, caption, 78 * mm),
    )


def closing_block(lead: Sequence[Flowable], signatures: Flowable) -> KeepTogether:
    """The end of a form kept on one page with its signatures, so a signature never stands on a page of
    its own: when it does not fit, the lead (the last part of the form) moves to the next page with it."""
    return KeepTogether([*lead, Spacer(1, 5 * mm), signatures])


# --- the page frame --------------------------------------------------------------------------------


class SectionStart(Flowable):
    """Marks where a section begins (zero size): the canvas learns which section its pages belong to."""

    def __init__(self, section: Section, index: int, total: int, progress: Progress | None):
        super().__init__()
        self.section, self.index, self.total, self.progress = section, index, total, progress
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.spm_section = self.section
        self.canv.spm_section_index = self.index
        if self.progress is not None:
            self.progress(self.index, self.total)


class _Canvas(Canvas):
    """Keeps every page until the end, then draws the running header, the footer and "Halaman x dari y"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spm_pages: list[dict] = []
        self.spm_section: Section | None = None
        self.spm_section_index = 0

    def showPage(self) -> None:
        self.spm_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self.spm_pages
        in_section = Counter(state["spm_section_index"] for state in pages)
        seen: Counter = Counter()
        for state in pages:
            self.__dict__.update(state)
            seen[self.spm_section_index] += 1
            self._decorate(seen[self.spm_section_index], in_section[self.spm_section_index])
            Canvas.showPage(self)
        self.spm_page_count = len(pages)
        Canvas.save(self)

    def _decorate(self, number: int, count: int) -> None:
        width, _height = self._pagesize
        section = self.spm_section
        self.saveState()
        self.setFillColor(colors.black)
        if section is not None and number > 1:
            self.setFont(REGULAR, 7)
            self.drawString(MARGIN_X, self._pagesize[1] - 9 * mm, _fit(section.running_header, width - 2 * MARGIN_X))
            self.setStrokeColor(GRID)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, self._pagesize[1] - 10.5 * mm, width - MARGIN_X, self._pagesize[1] - 10.5 * mm)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.4)
        self.line(MARGIN_X, 11.5 * mm, width - MARGIN_X, 11.5 * mm)
        self.setFont(REGULAR, 7.5)
        self.drawRightString(width - MARGIN_X, 7.5 * mm, f"Halaman {number} dari {count}")
        self.setFont(REGULAR, 6.5)
        self.setFillColor(MUTED)
        footer = section.footer if section is not None else ""
        self.drawString(MARGIN_X, 7.5 * mm, _fit(footer, width - 2 * MARGIN_X - 32 * mm, 6.5))
        self.restoreState()


def _fit(value: str, width: float, size: float = 7) -> str:
    """Shortens a one-line text with an ellipsis so it fits `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(value, REGULAR, size) <= width:
        return value
    while value and stringWidth(value + "…", REGULAR, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


class _Document(BaseDocTemplate):
    """One frame per page; calls the progress callback as each page begins (so a cancel is prompt)."""

    def __init__(self, target, pagesize, tick: Callable[[], None] | None, **meta):
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # The canvas's starting font would otherwise be Helvetica: referenced by every page, never embedded.
            initialFontName=REGULAR,
            **meta,
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", leftPadding=0, rightPadding=0
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._tick = tick

    def handle_pageBegin(self) -> None:
        if self._tick is not None:
            self._tick()
        super().handle_pageBegin()


def frame_width(pagesize: tuple[float, float]) -> float:
    """The width of the text frame on a page of this size."""
    return pagesize[0] - 2 * MARGIN_X


@dataclass(frozen=True)
class PdfMeta:
    """The document's properties (shown by PDF viewers)."""

    title: str
    subject: str = ""
    author: str = ""


def build_pdf(
    path: Path | str,
    sections: Sequence[tuple[Section, list[Flowable]]],
    *,
    pagesize: tuple[float, float],
    meta: PdfMeta,
    progress: Progress | None = None,
) -> PdfResult:
    """Lays the sections out, one after another, each from a new page, and writes the PDF atomically.

    The file appears complete or not at all: it is written to a temporary name beside the target,
    synced, then renamed. A full disk or a read-only folder raises the Indonesian UserError and
    leaves nothing behind; so does a progress callback that raises (a cancel).
    """
    from reportlab.platypus import PageBreak

    register_fonts()
    # Binary (deflated) streams only: ASCII85 on top makes the file a quarter larger and, without
    # reportlab's optional C accelerator, costs more time than laying out the tables.
    rl_config.useA85 = 0
    total = len(sections)
    story: list[Flowable] = []
    for index, (section, flowables) in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.append(SectionStart(section, index, total, progress))
        story.extend(flowables)
    if progress is not None:
        progress(0, total)
    state: dict = {}

    def tick() -> None:
        if progress is not None and "canvas" in state:
            progress(state["canvas"].spm_section_index, total)

    def canvas_maker(*args, **kwargs) -> _Canvas:
        canvas = _Canvas(*args, **kwargs)
        state["canvas"] = canvas
        return canvas

    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize,
        tick,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator=f"SPM Luring {__version__}",
        producer=f"SPM Luring {__version__} (reportlab)",
    )
    document.build(story, canvasmaker=canvas_maker)
    pages = state["canvas"].spm_page_count
    if progress is not None:
        progress(total, total)
    final = Path(path)
    write_file_atomically(final, buffer.getbuffer())
    return PdfResult(final, pages, total)


def write_file_atomically(final: Path, data: bytes | memoryview) -> None:
    """Writes bytes to a temporary name in the target's folder, syncs, renames; UserError on failure."""
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
        commit_file(temporary, final)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, final) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def copy_file_atomically(source: Path, final: Path) -> None:
    """Copies a finished PDF (from the preview's temporary file) to where the user chose, atomically."""
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise translate_os_error(exc, source) from exc
    write_file_atomically(Path(final), data)
