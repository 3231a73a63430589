"""The end of every form: the signature blocks (operator; "Mengetahui" head of office with name, NIP
and a place for the stamp) and, between them, the verification QR code with the text it carries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from desktop.domain.formatting import format_date
from desktop.reports.pdf_common import GRID, nip_text, styled, styles
from desktop.reports.pdf_fonts import REGULAR
from desktop.reports.pdf_qr import QR_SIZE, QrCode
from desktop.reports.pdf_text import TextBlock
from desktop.storage.installation import Installation
from desktop.storage.signatories import Signatories

BLANK_NAME = "(" + "." * 46 + ")"
BLANK_NIP = "NIP " + "." * 34


@dataclass(frozen=True)
class Signer:
    """One signature block: the lines above the signature, then the name, rank and NIP below it."""

    above: tuple[str, ...]  # e.g. ("Mengetahui,", "Kepala Dinas Kesehatan", "Kabupaten Mahakam Ulu")
    name: str  # empty: a dotted line to write the name on
    nip: str
    rank: str = ""
    stamp: bool = False


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


def signer_cell(signer: Signer, width: float) -> list[Flowable]:
    """The flowables of one signature block, centred in its column (an empty line above stays empty)."""
    s = styles()
    name = TextBlock(signer.name, s.sign_name, underline=True) if signer.name else TextBlock(BLANK_NAME, s.sign)
    below = [signer.rank] if signer.rank else []
    below.append(f"NIP {nip_text(signer.nip)}" if signer.nip else BLANK_NIP)
    return [
        TextBlock("\n".join(signer.above), s.sign),
        StampPlace(width, 18 * mm, signer.stamp),
        name,
        TextBlock("\n".join(below), s.sign),
    ]


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
        TextBlock("Kode verifikasi dokumen", s.cell_bold),
        TextBlock(caption, s.note),
        Spacer(1, 1.5 * mm),
        TextBlock(payload.replace("|", " | "), s.note),
    ]
    table = Table([[QrCode(payload), words]], colWidths=[QR_SIZE + 3 * mm, width - QR_SIZE - 3 * mm])
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
