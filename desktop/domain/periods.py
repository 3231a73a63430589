"""Reporting periods: a year and a quarter (triwulan). Figures are cumulative within the year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error

ROMAN = ("I", "II", "III", "IV")
FIRST_YEAR = 2010  # SPM reporting began under PP 65/2005; earlier years are typing slips
LAST_YEAR = 2100


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """Triwulan `quarter` (1-4) of `year`; the figures of Q3 include those of Q1 and Q2."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise user_error(
                QT_TRANSLATE_NOOP("Period", "Tahun {year} di luar rentang {first}-{last}."),
                year=self.year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        if self.quarter not in (1, 2, 3, 4):
            raise user_error(
                QT_TRANSLATE_NOOP("Period", "Triwulan harus 1, 2, 3 atau 4, bukan {quarter}."),
                quarter=self.quarter,
            )

    @property
    def roman(self) -> str:
        """The quarter as a Roman numeral, as reports write it (Triwulan III)."""
        return ROMAN[self.quarter - 1]

    @property
    def label(self) -> str:
        """How forms and messages name the period: Triwulan III 2024."""
        return f"Triwulan {self.roman} {self.year}"

    @property
    def key(self) -> str:
        """A compact, sortable form: 2024Q3."""
        return f"{self.year}Q{self.quarter}"

    def previous_in_year(self) -> Period | None:
        """The quarter before this one in the same year (whose cumulative figures this one extends)."""
        return Period(self.year, self.quarter - 1) if self.quarter > 1 else None

    def same_quarter_last_year(self) -> Period:
        """The same quarter one year earlier."""
        return Period(self.year - 1, self.quarter)

    def quarters_so_far(self) -> list[Period]:
        """Q1 up to this quarter of the same year."""
        return [Period(self.year, q) for q in range(1, self.quarter + 1)]

    def end_date(self) -> date:
        """The last day the quarter covers."""
        month = self.quarter * 3
        day = 31 if month in (3, 12) else 30
        return date(self.year, month, day)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Reads 2024Q3, 2024-3 or "2024 TW III"."""
        match = re.fullmatch(r"\s*(\d{4})\s*(?:Q|-|TW|/)?\s*([1-4]|IV|III|II|I)\s*", text.upper())
        if not match:
            raise user_error(
                QT_TRANSLATE_NOOP("Period", "Periode '{text}' tidak dikenali; tulis misalnya 2024Q3."),
                text=text,
            )
        quarter = match.group(2)
        number = int(quarter) if quarter.isdigit() else ROMAN.index(quarter) + 1
        return cls(int(match.group(1)), number)

    @classmethod
    def containing(cls, day: date) -> Period:
        """The quarter a date falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def last_closed(cls, today: date) -> Period:
        """The most recent quarter that has ended: what an operator usually reports on."""
        current = cls.containing(today)
        if current.quarter > 1:
            return cls(current.year, current.quarter - 1)
        return cls(current.year - 1, 4)
