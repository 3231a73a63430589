"""Reading generated PDFs back as a person (and a scanner) would: the text, the pages, the QR codes."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.signatories import Signatories, save_signatories

HEAD = Signatories(
    head_name="dr. Agustinus Lawing, M.Kes.",
    head_nip="197001011995031002",
    head_rank="Pembina Utama Muda (IV/c)",
    place="Ujoh Bilang",
    sign_date=date(2024, 10, 31),
)
# Five kecamatan of Mahakam Ulu; Long Apari (64.11.04) served more than its target and says why.
FIGURES = {
    "64.11.01": {"target": 212, "served": 131, "quality_required": 12, "quality_met": 10},
    "64.11.02": {"target": 168, "served": 101, "quality_required": 12, "quality_met": 10},
    "64.11.03": {"target": 41, "served": 26, "quality_required": 12, "quality_met": 9},
    "64.11.04": {"target": 63, "served": 70, "quality_required": 12, "quality_met": 9},
    "64.11.05": {"target": 88, "served": 62, "quality_required": 12, "quality_met": 11},
}
BUDGETS = {
    "64.11.01": (247_000_000, 73_984_000),
    "64.11.02": (126_000_000, 110_976_000),
    "64.11.03": (249_000_000, 75_616_000),
    "64.11.04": (1_141_000_000, 915_872_500),
    "64.11.05": (123_000_000, 81_056_000),
}
PROBLEM = "Akses sungai terputus saat kemarau; ibu hamil dari desa tetangga ikut dilayani di posyandu"
FOLLOW_UP = "Pelayanan keliling bersama puskesmas terapung; sasaran tahun depan dihitung ulang"


def fill(store, key: ReportKey, figures=FIGURES, budgets=BUDGETS) -> None:
    """Typical figures for one report, a problem with its follow-up, and the signatories."""
    edits = [CellEdit(area, column, value) for area, values in figures.items() for column, value in values.items()]
    for area, (budget, spent) in budgets.items():
        edits += [CellEdit(area, "budget", budget), CellEdit(area, "spent", spent)]
    edits += [CellEdit("64.11.04", "problems", PROBLEM), CellEdit("64.11.04", "follow_up", FOLLOW_UP)]
    store.reports.set_values(key, edits)
    save_signatories(store, HEAD)


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the PDF (or one page, 1-based), laid out as on paper."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def squeezed(text: str) -> str:
    """Text with every run of spaces made one (columns in a layout differ in width)."""
    return re.sub(r"[ \t]+", " ", text)


def page_count(path: Path) -> int:
    """Pages, as pdfinfo counts them."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))


def qr_codes(path: Path, page: int, folder: Path) -> list[str]:
    """The QR codes a scanner reads on a page printed at 150 dpi."""
    prefix = folder / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(path), str(prefix)],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", f"{prefix}.png"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in done.stdout.splitlines() if line]


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font the PDF uses."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    found = []
    for line in lines[2:]:
        parts = line.split()
        # name type [type…] encoding emb sub uni object ID: "emb" is the fifth field from the end.
        found.append((parts[0], parts[-5] == "yes"))
    return found
