"""The columns of the report grid: what each shows, whether it is typed in, how computed ones read."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.domain.formatting import format_int, format_percent
from desktop.domain.messages import QT_TRANSLATE_NOOP, Text
from desktop.domain.reports import AreaFigures, Totals, percentage
from desktop.domain.validation import COLUMN_LABELS

AREA, INPUT, COMPUTED = "area", "input", "computed"
# Column texts are looked up under the model's context, where the grid shows them.


@dataclass(frozen=True)
class ColumnSpec:
    """A grid column: what it shows and whether the operator types into it."""

    name: str
    kind: str
    label: Text
    hint: Text | None = None


def _spec(name: str, hint: Text | None = None) -> ColumnSpec:
    return ColumnSpec(name, INPUT, COLUMN_LABELS[name], hint)


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("area", AREA, QT_TRANSLATE_NOOP("ReportTableModel", "Wilayah")),
    _spec("target", QT_TRANSLATE_NOOP("ReportTableModel", "Jumlah penerima yang harus dilayani dalam satu tahun")),
    _spec(
        "served",
        QT_TRANSLATE_NOOP("ReportTableModel", "Jumlah penerima yang sudah dilayani sejak awal tahun (kumulatif)"),
    ),
    ColumnSpec(
        "not_served",
        COMPUTED,
        QT_TRANSLATE_NOOP("ReportTableModel", "Belum terlayani"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Dihitung otomatis: Sasaran − Terlayani"),
    ),
    ColumnSpec(
        "achievement",
        COMPUTED,
        QT_TRANSLATE_NOOP("ReportTableModel", "Capaian (%)"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Dihitung otomatis: Terlayani ÷ Sasaran"),
    ),
    _spec(
        "quality_required",
        QT_TRANSLATE_NOOP(
            "ReportTableModel", "Jumlah butir mutu (barang/jasa, SDM, petunjuk teknis) yang dipersyaratkan"
        ),
    ),
    _spec("quality_met", QT_TRANSLATE_NOOP("ReportTableModel", "Jumlah butir mutu yang sudah terpenuhi")),
    ColumnSpec(
        "quality_pct",
        COMPUTED,
        QT_TRANSLATE_NOOP("ReportTableModel", "Capaian mutu (%)"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Dihitung otomatis: Mutu terpenuhi ÷ Mutu dipersyaratkan"),
    ),
    _spec("budget", QT_TRANSLATE_NOOP("ReportTableModel", "Alokasi anggaran untuk layanan ini (rupiah)")),
    _spec(
        "spent", QT_TRANSLATE_NOOP("ReportTableModel", "Anggaran yang sudah direalisasikan sejak awal tahun (rupiah)")
    ),
    ColumnSpec(
        "budget_pct",
        COMPUTED,
        QT_TRANSLATE_NOOP("ReportTableModel", "Realisasi (%)"),
        QT_TRANSLATE_NOOP(
            "ReportTableModel", "Dihitung otomatis: Realisasi ÷ Anggaran (dilaporkan, tidak masuk nilai)"
        ),
    ),
    _spec("problems", QT_TRANSLATE_NOOP("ReportTableModel", "Permasalahan yang dihadapi")),
    _spec("follow_up", QT_TRANSLATE_NOOP("ReportTableModel", "Tindak lanjut atau solusi yang direncanakan")),
    ColumnSpec(
        "evidence",
        COMPUTED,
        QT_TRANSLATE_NOOP("ReportTableModel", "Data dukung"),
        QT_TRANSLATE_NOOP("ReportTableModel", "Jumlah berkas data dukung wilayah ini (lihat panel Data dukung)"),
    ),
)
COLUMN_INDEX = {spec.name: i for i, spec in enumerate(COLUMNS)}
INPUT_COLUMNS = tuple(i for i, spec in enumerate(COLUMNS) if spec.kind == INPUT)


def tr_text(text: Text) -> str:
    """A marked source text in the current language."""
    return QCoreApplication.translate(text.context, text.text)


def computed_text(name: str, figures: AreaFigures | Totals) -> str:
    """A computed column; empty until its inputs are filled, "—" when not applicable (a zero base)."""
    if name == "not_served":
        return format_int(figures.not_served)
    part, whole = {
        "achievement": ("served", "target"),
        "quality_pct": ("quality_met", "quality_required"),
        "budget_pct": ("spent", "budget"),
    }[name]
    base = getattr(figures, whole)
    return "" if base is None else format_percent(percentage(getattr(figures, part), base))
