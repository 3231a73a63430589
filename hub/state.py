"""What every request handler of one hub shares: the configuration, the database, the province."""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def paths(self) -> HubPaths:
        return self.config.paths
