"""What a hub runs with: its data folder and what is in it, the database, the limits."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR_ENV = "SPM_HUB_DATA_DIR"
DATABASE_ENV = "SPM_HUB_DATABASE"
PASSPHRASE_ENV = "SPM_HUB_PASSPHRASE"
SETTINGS_NAME = "hub.json"  # written by `init`: the database URL chosen then
DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD = 2 * 1024**3  # 2 GiB: a quarter's bundle with scanned evidence stays far below
DEFAULT_RATE_LIMIT = "600/minute"
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour)?\s*$")
_UNIT_SECONDS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` requests per `seconds` from one client (a token, or an address without one)."""

    requests: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """ "600/minute", "10/s", "100/30s", "0/…" (no limit); ValueError otherwise."""
        match = _RATE.match(text)
        if not match:
            raise ValueError(text)
        count, span, unit = int(match.group(1)), match.group(2), match.group(3) or "s"
        seconds = (int(span) if span else 1) * _UNIT_SECONDS[unit]
        if seconds <= 0:
            raise ValueError(text)
        return cls(count, float(seconds))

    @property
    def unlimited(self) -> bool:
        return self.requests <= 0


@dataclass(frozen=True)
class HubPaths:
    """The data folder's layout."""

    root: Path

    @property
    def keys(self) -> Path:
        """keys/office.key (the province secret key, minisign, passphrase-encrypted) and keys/office.pub."""
        return self.root / "keys"

    @property
    def uploads(self) -> Path:
        """tus uploads in progress, one folder per office."""
        return self.root / "uploads"

    @property
    def bundles(self) -> Path:
        """Received bundles, bundles/<office id>/<bundle id>.spmb."""
        return self.root / "bundles"

    @property
    def decisions(self) -> Path:
        """Decision bundles signed here, decisions/<decision bundle id>.spmb."""
        return self.root / "decisions"

    @property
    def settings(self) -> Path:
        return self.root / SETTINGS_NAME

    def bundle_file(self, office_id: str, bundle_id: str) -> Path:
        """Where a received bundle is kept."""
        return self.bundles / office_id / f"{bundle_id}.spmb"

    def decision_file(self, decision_bundle_id: str) -> Path:
        """Where a decision bundle is kept."""
        return self.decisions / f"{decision_bundle_id}.spmb"


@dataclass(frozen=True)
class HubConfig:
    """Everything `serve` takes; tests and benchmarks build one directly."""

    data_dir: Path
    database_url: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    rate_limit: RateLimit = field(default_factory=lambda: RateLimit.parse(DEFAULT_RATE_LIMIT))
    passphrase: str | None = None  # of the province key: without it the page cannot sign decisions
    secure_cookies: bool = False  # set behind an HTTPS proxy

    @property
    def paths(self) -> HubPaths:
        return HubPaths(Path(self.data_dir))


def resolve_data_dir(given: str | None) -> Path | None:
    """--data-dir, else SPM_HUB_DATA_DIR, else None."""
    value = given or os.environ.get(DATA_DIR_ENV)
    return Path(value).expanduser() if value else None


def resolve_database(given: str | None, data_dir: Path) -> str | None:
    """--database, else SPM_HUB_DATABASE, else what `init` recorded in hub.json, else None (SQLite)."""
    if given:
        return given
    if os.environ.get(DATABASE_ENV):
        return os.environ[DATABASE_ENV]
    return read_settings(data_dir).get("database")


def read_settings(data_dir: Path) -> dict:
    """hub.json of a data folder ({} when there is none)."""
    try:
        return json.loads((Path(data_dir) / SETTINGS_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def write_settings(data_dir: Path, settings: dict) -> None:
    """Writes hub.json readable by its owner only (a PostgreSQL URL may hold a password)."""
    path = Path(data_dir) / SETTINGS_NAME
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(settings, handle, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
