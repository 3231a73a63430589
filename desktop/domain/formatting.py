"""Indonesian number and date formats: 1.234.567; 62,28 %; 31 Oktober 2024."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def format_int(value: int | None) -> str:
    """1234567 -> "1.234.567"; None -> ""."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float | None, places: int = 2) -> str:
    """62.281 -> "62,28"; None -> ""."""
    if value is None:
        return ""
    text = f"{value:,.{places}f}"
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
