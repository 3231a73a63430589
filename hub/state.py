"""What every request handler of one hub shares: the configuration, the database, the province."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from hub.config import HubConfig, HubPaths
from hub.db import Database
from hub.province import Province
from hub.ratelimit import RateLimiter


@dataclass
class HubState:
    """Built once by `create_app`; reached from a request as `request.app.state.hub`."""

    config: HubConfig
    db: Database
    province: Province
    limiter: RateLimiter
    # Verification of received bundles, off the requests (two at a time: it is CPU and disk work).
    checker: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(2, thread_name_prefix="check"))

    @property
    def paths(self) -> HubPaths:
        return self.config.paths
