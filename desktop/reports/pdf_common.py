"""What every printed PDF shares: the styles, the letterhead (kop), label : value tables and the look
of the figures tables. The page frame and the writing are in pdf_document, the signature blocks in
pdf_signatures, plain text in pdf_text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

# PdfResult, Progress and copy_file_atomically are re-exported: the window and the CLI import them from here.
from desktop.reports.pdf_document import MUTED, PdfResult, Progress, copy_file_atomically  # noqa: F401
from desktop.reports.pdf_fonts import BOLD, REGULAR, register_fonts
from desktop.reports.pdf_table import PlainTable
from desktop.reports.pdf_text import (
    CELL_LEADING,
    CELL_SIZE,
    HEAD_LEADING,
    HEAD_SIZE,
    PAD_BOTTOM,
    PAD_TOP,
    PAD_X,
    TextBlock,
    wrapped,
)
from desktop.storage.installation import Installation

GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#e4e4e4")
GROUP_FILL = colors.HexColor("#f1f1f1")


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
    return [CondPageBreak(28 * mm), TextBlock(value, styles().heading)]


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
    rule = PlainTable([[""]], colWidths=[width], rowHeights=[2.2])
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
        TextBlock(government_name(installation), s.kop_1),
        TextBlock(installation.office.name.upper(), s.kop_2),
        Spacer(1, 2 * mm),
        rule,
        Spacer(1, 4 * mm),
    ]


def styled(table: Table, commands: list, font: tuple = (REGULAR,)) -> Table:
    """Applies table style commands over a font for every cell: ours (a table's default is Helvetica, not
    embedded), with its size and leading when given (one pass over the cells for all three)."""
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), *font), *commands]))
    return table


def field_table(rows: Sequence[tuple[str, object]], width: float, label_width: float = 38 * mm) -> Table:
    """Label : value lines (Bidang, Jenis pelayanan dasar, Periode …), as plain text wrapped to the columns."""
    body = styles().body
    widths = [label_width, 4 * mm, width - label_width - 4 * mm]

    def fit(value: object, column: int) -> str:
        return wrapped(str(value), REGULAR, body.fontSize, widths[column] - 2)  # the right padding off

    data = [[fit(label, 0), ":", fit(value, 2)] for label, value in rows]
    table = PlainTable(data, colWidths=widths, hAlign="LEFT")
    styled(
        table,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
        ],
        font=(REGULAR, body.fontSize, body.leading),
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
    table = PlainTable(
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
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ]


# The font of a plain-text table's cells (given to `styled`).
TEXT_FONT = (REGULAR, CELL_SIZE, CELL_LEADING)


def text_table_style(header_rows: int, right_from: int, centre: Sequence[int] = (0,)) -> list[tuple]:
    """Heading fonts and alignment of a plain-text table (styled with TEXT_FONT): bold centred headings,
    figures right-aligned from a column."""
    return [
        *grid_style(header_rows),
        ("FONT", (0, 0), (-1, header_rows - 1), BOLD, HEAD_SIZE, HEAD_LEADING),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("ALIGN", (right_from, header_rows), (-1, -1), "RIGHT"),
        *(("ALIGN", (c, header_rows), (c, -1), "CENTER") for c in centre),
    ]
