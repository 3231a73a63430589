"""PlainTable draws its string cells with exactly the operators reportlab's Table writes."""

from __future__ import annotations

import io

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table

from desktop.reports.pdf_common import styled, styles
from desktop.reports.pdf_fonts import BOLD, REGULAR, register_fonts
from desktop.reports.pdf_table import PlainTable

# Enough different letters to fill the font's first subset (256 codes) and go on into the next.
MANY_LETTERS = "".join(chr(c) for c in range(0x100, 0x250))
CELLS = [
    ["", "Rp 1.234.567", "a\nb\nc", "(kurung) \\ miring", "≥ 100 — ü é ñ"],
    ["12,50 %", "\n", "kata kata panjang\nbaris dua", MANY_LETTERS[:150], MANY_LETTERS[150:]],
    ["Nama", "x", "", "y\n\nz", "1"],
]


def page_code(table_class, commands, cells=CELLS) -> list[str]:
    """The content operators of one page holding the table."""
    register_fonts()
    canvas = Canvas(io.BytesIO())
    table = table_class(cells, colWidths=[60, 70, 80, 90, 100])
    styled(table, commands)
    table.wrapOn(canvas, 500, 700)
    table.drawOn(canvas, 20, 30)
    return list(canvas._code)


@pytest.mark.parametrize("align", ["LEFT", "RIGHT", "CENTER", "CENTRE", "DECIMAL"])
@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_string_cells_are_drawn_as_reportlab_draws_them(align, valign):
    commands = [
        ("ALIGN", (0, 0), (-1, -1), align),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("FONT", (1, 0), (2, 1), BOLD, 7, 8.5),
        ("TEXTCOLOR", (3, 0), (3, -1), colors.HexColor("#555555")),
        ("SPAN", (0, 1), (1, 2)),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")),
    ]
    assert page_code(PlainTable, commands) == page_code(Table, commands)


def test_other_cells_are_left_to_reportlab():
    cells = [[Paragraph("<b>tebal</b> biasa", styles().cell), "teks", [Spacer(1, 4), Paragraph("a", styles().cell)]]]
    commands = [("FONT", (0, 0), (-1, -1), REGULAR, 8, 10)]
    assert page_code(PlainTable, commands, cells) == page_code(Table, commands, cells)


def test_many_texts_of_known_letters_are_encoded_as_reportlab_encodes_them():
    # Figures, names and signs over several tables of one document: most texts are made of letters met
    # before (encoded the short way), some bring new ones, some lie past the first subset.
    words = ["1.234", "Rp 0", "12,50 %", "—", "Kec.\xa0Long Apari", "ü", MANY_LETTERS[200:210], "(a)\\b", ""]
    cells = [[f"{words[(r + c) % len(words)]} {r * 7 + c}" for c in range(5)] for r in range(60)]
    commands = [("ALIGN", (0, 0), (-1, -1), "RIGHT"), ("FONT", (0, 0), (0, -1), BOLD, 7, 8.5)]

    def two_tables(table_class) -> list[str]:
        register_fonts()
        canvas = Canvas(io.BytesIO())
        for offset in (0, 3):
            table = table_class(cells[offset:], colWidths=[80] * 5)
            styled(table, commands)
            table.wrapOn(canvas, 500, 2000)
            table.drawOn(canvas, 20, 30)
        return list(canvas._code)

    assert two_tables(PlainTable) == two_tables(Table)


def cell_styles(table_class, commands) -> list[list[dict]]:
    table = table_class([[str(c) for c in range(6)] for _ in range(5)], colWidths=[40] * 6)
    table.setStyle(commands)
    return [[dict(vars(style)) for style in row] for row in table._cellStyles]


@pytest.mark.parametrize(
    "command",
    [
        ("FONT", (0, 0), (-1, -1), BOLD),
        ("FONT", (1, 1), (2, 3), BOLD, 9),
        ("FONT", (1, 1), (-2, -2), BOLD, 9, 11),
        ("FONTNAME", (2, 0), (2, -1), BOLD),
        ("FACE", (0, 4), (-1, 4), BOLD),
        ("SIZE", (0, 0), (0, 0), 6),
        ("FONTSIZE", (3, 1), (5, 2), 6.5),
        ("LEADING", (0, 0), (-1, -1), 8),
        ("ALIGN", (3, 2), (-1, -1), "RIGHT"),
        ("ALIGNMENT", (0, 0), (1, 1), "CENTRE"),
        ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
        ("LEFTPADDING", (-3, -3), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.2),
        ("TOPPADDING", (0, 2), (5, 2), 1.6),
        ("BOTTOMPADDING", (4, 0), (2, 0), 1),  # an empty range
        ("BOTTOMPADDING", (0, 0), (-9, -9), 1),  # before the first cell: empty too
        ("LEFTPADDING", (-9, -9), (1, 1), 3),  # clamped to the first cell
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#555555")),
        ("HREF", (0, 0), (0, 0), "https://example.org"),
        ("VALIGN", (0, "splitfirst"), (-1, "splitfirst"), "TOP"),
    ],
)
def test_cell_style_commands_set_what_reportlabs_set(command):
    assert cell_styles(PlainTable, [command]) == cell_styles(Table, [command])
