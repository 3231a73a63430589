"""A reportlab Table that draws its plain-string cells with less work, to the same page content.

reportlab draws every line of a string cell through canvas.drawString (or drawRightString,
drawCentredString): a text object is made, the string's width measured (even when left-aligned), its
glyphs looked up in the font subset one by one, and the operators formatted. A year's rekap has some
10,000 such lines, and that is most of its layout time. Here each line appends the very operators
reportlab would (`BT 1 0 0 1 x y Tm /F1+0 7.5 Tf 9 TL (…) Tj T* ET`), and what depends only on the
text (its glyph codes in the subset, its width) is made once per document and text, not per line.
Cells of any other kind (flowables, or styles this does not handle) go to reportlab's own _drawCell.

Making the table costs per cell too, and is done the same way with less: style commands that set one
property of every cell in a range (FONT, ALIGN, the paddings, …) find the attribute once per command
and set it over the range (reportlab calls a function per cell that looks the command up again);
rows of strings only need no normalising (reportlab makes each cell again through two functions).
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Table

_ALIGNMENTS = {"LEFT": 0.0, "CENTRE": 0.5, "CENTER": 0.5, "RIGHT": 1.0}
# The CellStyle attribute a cell command sets to its one value, as reportlab's _setCellStyle sets it
# (TEXTCOLOR converts its value and FONT sets several: those are left to reportlab).
_CELL_ATTRIBUTES = {
    "FONTNAME": "fontname",
    "FACE": "fontname",
    "SIZE": "fontsize",
    "FONTSIZE": "fontsize",
    "LEADING": "leading",
    "ALIGN": "alignment",
    "ALIGNMENT": "alignment",
    "VALIGN": "valign",
    "LEFTPADDING": "leftPadding",
    "RIGHTPADDING": "rightPadding",
    "TOPPADDING": "topPadding",
    "BOTTOMPADDING": "bottomPadding",
    "HREF": "href",
    "DESTINATION": "destination",
    "DIRECTION": "direction",
    "SHAPING": "shaping",
}


class PlainTable(Table):
    """A Table whose string cells are drawn by `_draw_text`: same operators, fewer steps."""

    def normalizeData(self, data):
        # What Table.normalizeData makes of each row (a new list, None as "", bytes decoded, any other
        # value kept): a row of str only is that already.
        normalize = super().normalizeData
        return [list(row) if all(type(cell) is str for cell in row) else normalize([row])[0] for row in data]

    def _addCommand(self, cmd):
        op = cmd[0]
        attributes = (_CELL_ATTRIBUTES[op],) if op in _CELL_ATTRIBUTES else _FONT_ATTRIBUTES.get((op, len(cmd)))
        if attributes is None or not all(type(v) is int for v in (*cmd[1], *cmd[2])):
            super()._addCommand(cmd)  # anything else, and the split-row commands ("splitfirst", …)
            return
        (sc, sr), (ec, er) = cmd[1], cmd[2]
        sc, ec, sr, er = self.normCellRange(sc, ec, sr, er)
        if sc > ec or sr > er:  # an empty range (reportlab's loops run over none)
            return
        pairs = tuple(zip(attributes, cmd[3:], strict=False))
        for row in self._cellStyles[sr : er + 1]:
            for style in row[sc : ec + 1]:
                for name, value in pairs:
                    setattr(style, name, value)

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


# FONT with all three of its values (name, size, leading) or with the name alone: one attribute each.
_FONT_ATTRIBUTES = {("FONT", 4): ("fontname",), ("FONT", 6): ("fontname", "fontsize", "leading")}


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
