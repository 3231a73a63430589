"""Removing tus uploads an office abandoned: past their `Upload-Expires`, their bytes only fill the disk.

tuspyserver writes the expiry in RFC 7231 form but its own clean-up reads ISO 8601 only, so the hub
does this itself: at start and every hour, for every office's upload folder. An upload being written
(its lock held) is left alone; a completed one was moved out of the folder when it was taken in.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from tuspyserver.lock import acquire_upload_lock

from hub.jsonlog import logger

INTERVAL_SECONDS = 3600


def expiry_of(info: dict) -> datetime | None:
    """When an upload expires, from its .info (RFC 7231 or ISO 8601); None when it says nothing readable."""
    text = info.get("expires")
    if not isinstance(text, str) or not text:
        return None
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            found = parse(text)
        except (TypeError, ValueError):
            continue
        return found if found.tzinfo else found.replace(tzinfo=UTC)
    return None


def remove_expired_uploads(uploads_root: Path, now: datetime | None = None) -> int:
    """Deletes every upload past its expiry (data, .info, lock); how many it removed."""
    now = now or datetime.now(UTC)
    removed = 0
    if not uploads_root.is_dir():
        return 0
    for folder in (p for p in uploads_root.iterdir() if p.is_dir()):
        for info_path in folder.glob("*.info"):
            try:
                expires = expiry_of(json.loads(info_path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
            if expires is None or expires >= now:
                continue
            data = folder / info_path.stem
            try:
                with acquire_upload_lock(str(data), locks_dir=str(folder / ".locks"), blocking=False):
                    data.unlink(missing_ok=True)
                    info_path.unlink(missing_ok=True)
            except OSError:  # being written just now: the next round takes it
                continue
            removed += 1
            logger().info("upload.expired", extra={"upload": info_path.stem, "office_id": folder.name})
    return removed
