"""Request rate limits: a token bucket per client (its token, or its address without one)."""

from __future__ import annotations

import math
import threading
import time

from hub.config import RateLimit

MAX_CLIENTS = 10_000  # buckets kept; the fullest (idle longest) are dropped first


class RateLimiter:
    """`check(key)` -> 0 when the request may go on, else the seconds to wait (for Retry-After)."""

    def __init__(self, limit: RateLimit, clock=time.monotonic):
        self.limit, self._clock = limit, clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when)
        self._lock = threading.Lock()

    def check(self, key: str) -> int:
        """Takes one request from the client's bucket; the whole seconds to wait when it is empty."""
        if self.limit.unlimited:
            return 0
        rate = self.limit.requests / self.limit.seconds
        now = self._clock()
        with self._lock:
            tokens, when = self._buckets.get(key, (float(self.limit.requests), now))
            tokens = min(float(self.limit.requests), tokens + (now - when) * rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                self._trim()
                return 0
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1 - tokens) / rate))

    def _trim(self) -> None:
        if len(self._buckets) > MAX_CLIENTS:
            oldest = sorted(self._buckets.items(), key=lambda item: item[1][1])[: len(self._buckets) - MAX_CLIENTS]
            for key, _ in oldest:
                del self._buckets[key]
