"""When to try the hub again: soon while it answers, ever later (up to a ceiling) while it does not."""

from __future__ import annotations

from dataclasses import dataclass

FIRST_DELAY, MAX_DELAY = 5.0, 600.0  # seconds
ONLINE_INTERVAL = 120.0  # a pass every two minutes while the hub answers: decisions arrive without a click


@dataclass
class Backoff:
    """Exponential backoff: 5 s doubling to 10 min after failures, back to the normal interval on success."""

    first: float = FIRST_DELAY
    ceiling: float = MAX_DELAY
    interval: float = ONLINE_INTERVAL
    failures: int = 0

    def succeeded(self) -> float:
        """Resets after a pass the hub answered; the wait before the next pass."""
        self.failures = 0
        return self.interval

    def failed(self, retry_after: float | None = None) -> float:
        """Counts a pass the hub did not answer; the wait before the next try (the hub's Retry-After wins)."""
        self.failures += 1
        delay = min(self.first * 2 ** (self.failures - 1), self.ceiling)
        if retry_after is not None:
            delay = min(max(delay, retry_after), self.ceiling)
        return delay
