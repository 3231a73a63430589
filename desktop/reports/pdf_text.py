"""Plain text on the page: a light stand-in for reportlab's Paragraph, and texts broken into lines
for table cells.

Nearly every text on the forms is plain (one font, no markup). A Paragraph parses markup and wraps
again on every measuring pass; a year's rekap has hundreds of them. `TextBlock` wraps once per width
and draws with the canvas, with the same line breaks, baselines and alignment as a Paragraph of the
same style; table cells take the lines as a plain string ("\\n" between lines), which a table draws
exactly where it would draw a paragraph of the same font and leading.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.reports.pdf_fonts import BOLD, REGULAR

CELL_SIZE, CELL_LEADING = 7.5, 9
HEAD_SIZE, HEAD_LEADING = 7, 8.5
PAD_X = 2.2  # the left and right padding of the figures tables' cells
PAD_TOP, PAD_BOTTOM = 1.6, 2.2
UNDERLINE_WIDTH = 1  # what <u> draws in a paragraph on a fresh canvas state


def lines(value: str, font: str, size: float, width: float) -> list[str]:
    """A text broken into lines no wider than `width` points, as a Paragraph breaks it: at spaces, and a
    word longer than a whole line (a hash, a long code) where the line ends. Its own line breaks (and
    empty lines, as <br/> would) are kept."""
    return [line for piece in value.split("\n") for line in _wrap(piece, font, size, width)]


def _wrap(piece: str, font: str, size: float, width: float) -> list[str]:
    space = stringWidth(" ", font, size)
    result: list[str] = []
    line: list[str] = []
    used = -space  # the width of the line so far, less the space before its first word
    for word in piece.split():
        word_width = stringWidth(word, font, size)
        if word_width > width:
            first, *middle, last = _split_word(word, used + space, font, size, width)
            if first:
                line.append(first)
            result += [" ".join(line), *middle]
            line, used = [last], stringWidth(last, font, size)
        elif used + space + word_width <= width or not line:
            line.append(word)
            used += space + word_width
        else:
            result.append(" ".join(line))
            line, used = [word], word_width
    return [*result, " ".join(line)]


def _split_word(word: str, start: float, font: str, size: float, width: float) -> list[str]:
    """The pieces of a word too long for a line: the first fills the line begun (from `start`), each
    next one a whole line; the last goes on with the words after it."""
    pieces, piece, used = [], "", start
    for char in word:
        char_width = stringWidth(char, font, size)
        if used + char_width > width and (piece or char_width <= width):
            pieces.append(piece)
            piece, used = "", 0.0
        piece += char
        used += char_width
    return [*pieces, piece] if pieces else ["", piece]


def wrapped(value: str, font: str, size: float, width: float) -> str:
    """The lines of a text joined by line breaks: a table cell's plain string."""
    return "\n".join(lines(value, font, size, width))


def cell_text(value: str, width: float, *, bold: bool = False, size: float = CELL_SIZE) -> str:
    """Plain text broken into lines that fit a column `width` points wide (padding taken off).

    The big tables use plain strings, not paragraphs: the same look, and a year's rekap lays out
    several times faster (a paragraph per cell is parsed, wrapped and measured again on every page).
    """
    return "\n".join(simpleSplit(value, BOLD if bold else REGULAR, size, width - 2 * PAD_X)) if value else ""


def head_text(value: str, width: float) -> str:
    """A column heading broken into lines (bold, a little smaller)."""
    return cell_text(value, width, bold=True, size=HEAD_SIZE)


def row_heights(rows: Sequence[Sequence[str]], leading: float = CELL_LEADING) -> list[float]:
    """The heights of table rows of plain strings, as reportlab would measure them (lines x leading
    plus the padding): given to the table, it need not measure them again on every page."""
    return [leading * max(cell.count("\n") + 1 for cell in row) + (PAD_BOTTOM + PAD_TOP) for row in rows]


class TextBlock(Flowable):
    """Plain text in one paragraph style: wrapped once per width, drawn line by line.

    Draws what a Paragraph of the same style and text draws (line breaks at spaces, first baseline one
    font size below the top, `leading` apart), without parsing markup; `underline` underlines each
    line as <u> would.
    """

    def __init__(self, value: str, style: ParagraphStyle, *, underline: bool = False):
        super().__init__()
        self.value, self.style, self.underline = str(value), style, underline
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self._lines: list[str] = []
        self._wrapped_at: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width != self._wrapped_at:
            style = self.style
            self._lines = lines(self.value, style.fontName, style.fontSize, available_width)
            self._wrapped_at = available_width
        self.width, self.height = available_width, len(self._lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        size = style.fontSize
        canvas.setFont(style.fontName, size, style.leading)
        canvas.setFillColor(style.textColor)
        if self.underline:
            canvas.setStrokeColor(style.textColor)
            canvas.setLineWidth(UNDERLINE_WIDTH)
        y = self.height - size
        for line in self._lines:
            width = stringWidth(line, style.fontName, size)
            if style.alignment == TA_CENTER:
                x = (self.width - width) / 2
            elif style.alignment == TA_RIGHT:
                x = self.width - width
            else:
                x = 0
            canvas.drawString(x, y, line)
            if self.underline and line:
                canvas.line(x, y - 0.125 * size, x + width, y - 0.125 * size)
            y -= style.leading
