"""How the province page writes periods, times and areas: as the forms do, never as the database keeps them."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from desktop.domain.formatting import format_date
from desktop.domain.periods import Period
from desktop.domain.regions import shipped_regions


def period_text(year: int | None, quarter: int | None) -> str:
    """2024, 3 -> "Triwulan III 2024"; "—" without a period."""
    return Period(year, quarter).label if year and quarter else "—"


def time_text(stamp: str | None) -> str:
    """ "2026-11-23T18:28:24.564Z" -> "23 November 2026 18.28 UTC" ("—" when empty or unreadable)."""
    if not stamp:
        return "—"
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return stamp
    return f"{format_date(moment.date())} {moment:%H.%M} UTC"


@cache
def area_text(code: str | None) -> str:
    """ "64.11.01" -> "Long Bagun (64.11.01)"; the district's own code stands for figures not split by area."""
    if not code:
        return "—"
    region = shipped_regions().get(code)
    return f"{region.name} ({code})" if region is not None else code


def pair_text(done: str, of: str) -> str:
    """ "10", "12" -> "10 / 12"; "—" when neither is given."""
    return f"{done} / {of}" if done or of else "—"


FILTERS = {"triwulan": period_text, "waktu": time_text, "wilayah": area_text}
