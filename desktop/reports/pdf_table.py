"""A reportlab Table that draws its plain-string cells with less work, to the same page content.

reportlab draws every line of a string cell through canvas.drawString (or drawRightString,
drawCentredString): a text object is made, the string's width measured (even when left-aligned), its
glyphs looked up in the font subset one by one, and the operators formatted. A year's rekap has some
10,000 such lines, and that is most of its layout time. Here each line appends the very operators
reportlab would (`BT 1 0 0 1 x y Tm /F1+0 7.5 Tf 9 TL (…) Tj T* ET`), and what depends only on the
text (its glyph codes in the subset, its width) is made once per document and text, not per line.
Cells of any other kind (flowables, or styles this does not handle) go to reportlab's own _drawCell.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Table

_ALIGNMENTS = {"LEFT": 0.0, "CENTRE": 0.5, "CENTER": 0.5, "RIGHT": 1.0}


class PlainTable(Table):
    """A Table whose string cells are drawn by `_draw_text`: same operators, fewer steps."""

    def _drawCell(self, cellval, cellstyle, pos, size):
        if (
            type(cellval) is not str
            or cellstyle.alignment not in _ALIGNMENTS
            or cellstyle.direction
            or cellstyle.shaping
            or cellstyle.href
            or cellstyle.destination
            or not getFont(cellstyle.fontname)._dynamicFont
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canvas = self.canv
        if self._curcellstyle is not cellstyle:  # as Table._drawCell: colour and font only when they change
            current = self._curcellstyle
            if current is None or cellstyle.color != current.color:
                canvas.setFillColor(cellstyle.color)
            if (
                current is None
                or cellstyle.leading != current.leading
                or cellstyle.fontname != current.fontname
                or cellstyle.fontsize != current.fontsize
            ):
                canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        colpos, rowpos = pos
        colwidth, rowheight = size
        just, valign = cellstyle.alignment, cellstyle.valign
        # The anchor and first baseline exactly as Table._drawCell computes them.
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
        elif just == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding
        else:
            x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
        lines = cellval.split("\n")
        leading, fontsize = cellstyle.leading, cellstyle.fontsize
        if valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        elif valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "MIDDLE":
            y = (
                rowpos
                + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0
                - fontsize
            )
        else:
            raise ValueError(f"Bad valign: {valign!a}")
        shift = _ALIGNMENTS[just]
        # The canvas's font is now the cell's (set above, or kept from a cell of the same font).
        draw = _text_drawer(canvas)
        code = canvas._code
        for line in lines:
            body, width = draw(line)
            code.append(f"BT 1 0 0 1 {fp_str(x - width * shift if shift else x, y)} Tm {body} ET")
            y -= leading


def _text_drawer(canvas):
    """A function of a line of text: the operators reportlab's text object writes for it in the canvas's
    current font (font selection, glyph codes, Tj, T*) and its width; remembered per document."""
    key = (canvas._fontname, canvas._fontsize, canvas._leading)
    cache = canvas.__dict__.setdefault("_spm_text_cache", {})
    drawer = cache.get(key)
    if drawer is None:
        drawer = cache[key] = _make_drawer(canvas, *key)
    return drawer


def _make_drawer(canvas, fontname: str, fontsize: float, leading: float):
    font = getFont(fontname)
    doc = canvas._doc
    escape = canvas._escape
    sizes = f"{fp_str(fontsize)} Tf {fp_str(leading)} TL"
    known: dict[str, tuple[str, float]] = {}
    # The glyph code of each character met so far that sits in the font's first subset: a text made of
    # them only is encoded by one str.translate, as splitString would encode it.
    codes: dict[int, str] = {}
    coded: set[str] = set()
    first_subset: list[str] = []
    # The canvas is bottom-up in platypus; a top-down one writes another matrix: not handled here.
    if not canvas.bottomup:
        raise ValueError("PlainTable draws on bottom-up canvases only")

    def encode(text: str) -> list[tuple[int, bytes]]:
        if first_subset and coded.issuperset(text):
            return [(0, text.translate(codes).encode("latin-1"))] if text else []
        chunks = font.splitString(text, doc)  # assigns codes to new characters, as reportlab would
        state = font.state[doc]
        for char in set(text):
            code = 32 if char == "\xa0" else ord(char)  # splitString's own mapping of the no-break space
            number = state.assignments.get(code, 0)  # 0: a character the font lacks (always .notdef)
            if number < 256:
                codes[ord(char)] = chr(number)
                coded.add(char)
        if not first_subset and chunks and chunks[0][0] == 0:
            first_subset.append(font.getSubsetInternalName(0, doc))
        return chunks

    def draw(text: str) -> tuple[str, float]:
        found = known.get(text)
        if found is None:
            # As PDFTextObject._formatText for a TrueType font: a font selection whenever the subset
            # changes (a new text object starts with none), then the subset's bytes.
            parts, current = [], -1
            for subset, chunk in encode(text):
                if subset != current:
                    parts.append(f"{font.getSubsetInternalName(subset, doc)} {sizes}")
                    current = subset
                parts.append(f"({escape(chunk)}) Tj")
            found = known[text] = (" ".join(parts) + " T*", stringWidth(text, fontname, fontsize))
        return found

    return draw
