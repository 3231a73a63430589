"""What the Excel template, the import and the e-SPM rekap share: the columns, the header names a
plain sheet may use, the template's hidden identity, Indonesian cell formats, and the atomic save.

Text inside the workbooks is Indonesian and is file content, not window text: it is not translated.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error

APP = "spm-luring"
TEMPLATE_VERSION = "1"
IDENTITY_SHEET = "_spm_luring"  # very hidden: Excel's window cannot unhide it, scripts and we can read it
INSTRUCTIONS_SHEET = "Petunjuk"
HEADER_ROW = 6  # the template's header row; areas from the row below
# A progress callback: (steps done, steps in all). It may raise to stop the work (a cancel); nothing is
# written or applied then.
Progress = Callable[[int, int], None]

AREA, INPUT, COMPUTED = "area", "input", "computed"

# Indonesian-looking cell formats. The separators shown follow the reader's Windows/Excel locale (an
# Indonesian one shows 1.250 and 62,28 %); the " %" suffix and the whole-number shapes are the app's.
COUNT_FORMAT = "#,##0"
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = '0.00" %"'  # the cell holds 62.28, not 0.6228: as the app and e-SPM write it


@dataclass(frozen=True)
class SheetColumn:
    """One column of a template sheet: the domain name, its header, kind, width and what to type."""

    key: str
    header: str
    kind: str
    width: float
    help: str


TEMPLATE_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(
        "area_code", "Kode wilayah", AREA, 15, "Kode Kemendagri kecamatan/desa (baris kabupaten: kode kabupaten)."
    ),
    SheetColumn("area_name", "Nama wilayah", AREA, 26, "Nama kecamatan/desa. Jangan diubah."),
    SheetColumn("target", "Sasaran", INPUT, 12, "Jumlah penerima yang harus dilayani dalam satu tahun."),
    SheetColumn("served", "Terlayani", INPUT, 12, "Jumlah penerima yang sudah dilayani sejak awal tahun (kumulatif)."),
    SheetColumn("not_served", "Belum terlayani", COMPUTED, 12, "Dihitung otomatis: Sasaran − Terlayani."),
    SheetColumn("achievement", "Capaian %", COMPUTED, 11, "Dihitung otomatis: Terlayani ÷ Sasaran × 100."),
    SheetColumn(
        "quality_required",
        "Mutu dipersyaratkan",
        INPUT,
        13,
        "Jumlah butir mutu (barang/jasa, SDM, petunjuk teknis/SOP) yang dipersyaratkan.",
    ),
    SheetColumn("quality_met", "Mutu terpenuhi", INPUT, 12, "Jumlah butir mutu yang sudah terpenuhi."),
    SheetColumn("budget", "Anggaran (Rp)", INPUT, 17, "Alokasi anggaran untuk layanan ini, rupiah tanpa sen."),
    SheetColumn("spent", "Realisasi (Rp)", INPUT, 17, "Anggaran yang sudah direalisasikan sejak awal tahun, rupiah."),
    SheetColumn("problems", "Permasalahan", INPUT, 34, "Permasalahan yang dihadapi (teks bebas)."),
    SheetColumn("follow_up", "Tindak lanjut", INPUT, 34, "Tindak lanjut atau solusi yang direncanakan (teks bebas)."),
)
COLUMN_NUMBER = {c.key: i + 1 for i, c in enumerate(TEMPLATE_COLUMNS)}  # 1-based, as Excel counts


def normalize_header(text: object) -> str:
    """A header as compared: lower case, '%' as a word, punctuation and runs of spaces as one space."""
    if text is None:
        return ""
    folded = str(text).casefold().replace("%", " persen ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


# Header names a plain sheet may use, normalised (see normalize_header). The template's own headers are included.
HEADER_ALIASES: dict[str, frozenset[str]] = {
    "area_code": frozenset(
        {
            "kode wilayah",
            "kode",
            "kode wil",
            "kode kemendagri",
            "kode wilayah kemendagri",
            "kode desa",
            "kode kelurahan",
            "kode desa kelurahan",
            "kode kecamatan",
        }
    ),
    "area_name": frozenset({"nama wilayah", "wilayah", "nama", "nama daerah"}),
    "village_name": frozenset(
        {"desa", "kelurahan", "desa kelurahan", "desa kel", "nama desa", "nama kelurahan", "nama desa kelurahan"}
    ),
    "district_name": frozenset({"kecamatan", "kec", "nama kecamatan"}),
    "target": frozenset(
        {
            "sasaran",
            "jumlah sasaran",
            "target",
            "harus dilayani",
            "jumlah harus dilayani",
            "jumlah yang harus dilayani",
            "penerima yang harus dilayani",
        }
    ),
    "served": frozenset(
        {
            "terlayani",
            "jumlah terlayani",
            "jumlah yang terlayani",
            "dilayani",
            "sudah dilayani",
            "jumlah yang sudah dilayani",
            "penerima terlayani",
        }
    ),
    "quality_required": frozenset(
        {"mutu dipersyaratkan", "mutu yang dipersyaratkan", "jumlah mutu dipersyaratkan", "mutu disyaratkan"}
    ),
    "quality_met": frozenset({"mutu terpenuhi", "mutu yang terpenuhi", "jumlah mutu terpenuhi"}),
    "budget": frozenset(
        {"anggaran", "anggaran rp", "alokasi", "alokasi anggaran", "alokasi anggaran rp", "pagu", "pagu anggaran"}
    ),
    "spent": frozenset({"realisasi", "realisasi rp", "realisasi anggaran", "realisasi anggaran rp"}),
    "problems": frozenset({"permasalahan", "masalah", "kendala"}),
    "follow_up": frozenset({"tindak lanjut", "solusi", "tindak lanjut solusi", "rencana tindak lanjut", "upaya"}),
    "note": frozenset({"catatan"}),
}
# Computed or bookkeeping columns a sheet may carry: recognised, never read.
IGNORED_HEADERS = frozenset(
    {"no", "nomor", "belum terlayani", "jumlah belum terlayani", "capaian", "capaian mutu", "persentase"}
)
HEADER_KEYS = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def header_key(text: object) -> str | None:
    """The column a header names ("Kode Wilayah" -> "area_code"), "" for a known computed one, None if unknown."""
    normal = normalize_header(text)
    if not normal:
        return None
    if normal in HEADER_KEYS:
        return HEADER_KEYS[normal]
    if normal in IGNORED_HEADERS or "persen" in normal.split():
        return ""
    return None


def save_workbook(workbook, path: Path | str) -> Path:
    """Saves an openpyxl workbook so the file appears complete or not at all (temporary name, fsync, rename).

    A full disk or a read-only folder becomes a UserError; the temporary file is removed.
    """
    final = Path(path)
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        workbook.save(temporary)
        commit_file(temporary, final)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, final) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return final
