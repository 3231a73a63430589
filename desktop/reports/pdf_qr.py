"""The QR code flowable of the printed forms (error correction M: survives a stamp's edge or a fold)."""

from __future__ import annotations

import re

from reportlab.lib import colors
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
        count, rows = qr_rows(payload)
        self.runs = [
            (number, run.start(), run.end())
            for number, row in enumerate(rows)
            for run in _DARK_RUN.finditer(format(row, f"0{count}b"))
        ]
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
