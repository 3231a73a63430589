"""Indonesian number and date formats: 1.234.567; 62,28 %; 31 Oktober 2024."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def format_int(value: int | None) -> str:
    """1234567 -> "1.234.567"; None -> ""."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def _half_up(value: float, places: int) -> Decimal:
    # From the float's shortest decimal form, so 62.285 is 62.285 (not 62.28499…) and rounds up.
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded if rounded else abs(rounded)  # no "-0,00"


def round_half_up(value: float, places: int = 2) -> float:
    """Rounds as people and spreadsheets do: 62.285 -> 62.29, 59.995 -> 60.0."""
    return float(_half_up(value, places))


def format_decimal(value: float | None, places: int = 2) -> str:
    """62.285 -> "62,29"; 1234.5 -> "1.234,50"; None -> ""."""
    if value is None:
        return ""
    text = f"{_half_up(value, places):,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(value: float | None, places: int = 2) -> str:
    """62.28 -> "62,28 %"; None -> "—" (not applicable)."""
    if value is None:
        return "—"
    return f"{format_decimal(value, places)} %"


def format_rupiah(value: int | None) -> str:
    """1500000 -> "Rp 1.500.000"."""
    if value is None:
        return ""
    return f"Rp {format_int(value)}"


def format_date(day: date) -> str:
    """date(2024, 10, 31) -> "31 Oktober 2024"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
