"""The QR code flowable of the printed forms (error correction M: survives a stamp's edge or a fold)."""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.reports.qr_matrix import qr_rows

QR_SIZE = 27 * mm
_DARK_RUN = re.compile("1+")  # in a row written as bits, 1 for a dark module


class QrCode(Flowable):
    """A QR code drawn as one filled path.

    reportlab's QrCodeWidget draws every dark module as its own shape, which costs more than the
    whole table of a rekap; here each row's runs of dark modules are rectangles of a single path.
    """

    QUIET_ZONE = 4  # modules of white around the code, as the standard asks

    def __init__(self, payload: str, size: float = QR_SIZE):
        super().__init__()
        self.count, self.rows = qr_rows(payload)
        self.modules = self.count + 2 * self.QUIET_ZONE
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        count, quiet = self.count, self.QUIET_ZONE
        unit = self.width / self.modules
        top = self.height - quiet * unit
        # Each rectangle's operator is what path.rect(x, y, width, height) writes, `fp_str((x, y, width,
        # height)) re`; fp_str of several numbers is theirs joined by spaces, so the numbers are written
        # once per start, length and row (a code has some 500 runs over 45 of each).
        lefts = [fp_str((quiet + start) * unit) for start in range(count)]
        widths = [fp_str(length * unit) for length in range(count + 1)]
        height = fp_str(unit)
        rects = []
        for number, row in enumerate(self.rows):
            y = fp_str(top - (number + 1) * unit)
            rects += [
                f"{lefts[start]} {y} {widths[end - start]} {height} re"
                for start, end in map(re.Match.span, _DARK_RUN.finditer(format(row, f"0{count}b")))
            ]
        path = canvas.beginPath()
        path._code_append(rects[0])  # as path.rect does: the path's first operator starts it ("n")
        path._code.extend(rects[1:])
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
