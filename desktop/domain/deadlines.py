"""Period deadlines: after its closing day a period is locked for operators, unless an admin reopens it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.periods import Period


@dataclass(frozen=True)
class Deadline:
    """A period's closing day (the last day operators may work) and an admin's reopening, if any."""

    period: Period
    closes_on: date
    opened_until: date | None = None

    def is_closed(self, today: date) -> bool:
        """Whether operators are locked out of the period on this day."""
        if self.opened_until is not None and today <= self.opened_until:
            return False
        return today > self.closes_on

    def days_left(self, today: date) -> int:
        """Days from today to the closing day (0 on the day itself, negative after it)."""
        return (self.closes_on - today).days
