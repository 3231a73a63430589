"""Sending one bundle file to the hub over tus 1.0.0 (creation), resuming where the hub says it stopped.

Written on httpx rather than tuspy's client: tuspy's requests calls carry no timeout (a stalled river
link would hang the worker for ever) and open a new connection per chunk. The chunk size adapts to
the link: it doubles while a chunk goes through in under two seconds and halves when one takes more
than ten, so a fast link is not slowed by round trips and a slow one loses little when it is cut.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urljoin

import httpx

from desktop.exchange.errors import CancelCheck, check_cancel, never_cancelled
from desktop.sync.hub_client import (
    API,
    HubClient,
    HubRefusedError,
    HubUnreachableError,
    check_response,
    refused,
    unreachable,
)

TUS_VERSION = "1.0.0"
MIN_CHUNK, FIRST_CHUNK, MAX_CHUNK = 256 * 1024, 1024 * 1024, 32 * 1024 * 1024
ALREADY_RECEIVED = "bundle.already_received"
BUSY, BUSY_RETRY = "upload.busy", 30.0


class UploadOutcome(StrEnum):
    """How an upload ended."""

    SENT = "sent"  # every byte acknowledged by the hub
    ALREADY_THERE = "already_there"  # the hub had this bundle already: nothing sent


@dataclass(frozen=True)
class UploadItem:
    """What to send: the file and what the hub needs to know of it."""

    path: Path
    bundle_id: str
    sha256: str
    size: int
    resume_url: str | None = None  # the upload begun before, if any


# Called after the hub acknowledged bytes: (upload URL, offset). The caller keeps both for a resume.
ProgressSink = Callable[[str, int], None]


def upload_bundle(
    client: HubClient,
    item: UploadItem,
    on_progress: ProgressSink,
    *,
    on_restart: Callable[[], None] = lambda: None,
    cancelled: CancelCheck = never_cancelled,
    chunk_size: int = FIRST_CHUNK,
) -> UploadOutcome:
    """Sends the file, resuming `item.resume_url` when the hub still has it; HubUnreachableError or HubRefusedError."""
    url = item.resume_url
    offset = 0
    if url is not None:
        offset = _offset(client, url)
        if offset is None:  # the hub lost or expired it: start over
            on_restart()
            url = None
    if url is None:
        created = _create(client, item)
        if created is None:
            return UploadOutcome.ALREADY_THERE
        url, offset = created, 0
        on_progress(url, 0)
    with item.path.open("rb") as source:
        while offset < item.size:
            check_cancel(cancelled)
            source.seek(offset)
            chunk = source.read(min(chunk_size, item.size - offset))
            started = time.monotonic()
            offset = _patch(client, url, offset, chunk)
            on_progress(url, offset)
            chunk_size = _next_chunk_size(chunk_size, time.monotonic() - started)
    return UploadOutcome.SENT


def _create(client: HubClient, item: UploadItem) -> str | None:
    """Opens an upload; its URL, or None when the hub has this bundle already."""
    metadata = {"bundle_id": item.bundle_id, "filename": item.path.name, "sha256": item.sha256}
    headers = {
        "Tus-Resumable": TUS_VERSION,
        "Upload-Length": str(item.size),
        "Upload-Metadata": ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items()),
    }
    try:
        response = client.http.post(f"{API}/uploads/", headers=headers)
    except httpx.HTTPError as exc:
        raise unreachable(exc) from exc
    if response.status_code == 409:
        error = refused(response)
        if error.code == ALREADY_RECEIVED:
            return None
        raise error
    check_response(response)
    location = response.headers.get("Location")
    if not location:
        raise HubRefusedError(response.status_code, "upload.no_location", "hub tidak memberi alamat unggahan")
    return urljoin(client.url + "/", location)


def _offset(client: HubClient, url: str) -> int | None:
    """How many bytes of the upload the hub holds, or None when it no longer knows the upload."""
    try:
        response = client.http.head(url, headers={"Tus-Resumable": TUS_VERSION})
    except httpx.HTTPError as exc:
        raise unreachable(exc) from exc
    if response.status_code in (403, 404, 410):
        return None
    check_response(response)
    return int(response.headers["Upload-Offset"])


def _patch(client: HubClient, url: str, offset: int, chunk: bytes) -> int:
    """Sends one chunk at `offset`; the hub's new offset."""
    headers = {
        "Tus-Resumable": TUS_VERSION,
        "Upload-Offset": str(offset),
        "Content-Type": "application/offset+octet-stream",
    }
    try:
        response = client.http.patch(url, content=chunk, headers=headers)
    except httpx.HTTPError as exc:
        raise unreachable(exc) from exc
    if response.status_code == 409:
        # Either our offset is not the hub's (a chunk half taken before a cut: ask and go on from there), or
        # the hub is still writing a request it has not yet seen cut: that clears by itself, later.
        error = refused(response)
        found = _offset(client, url) if error.code != BUSY else None
        if found is None or found == offset:
            raise HubUnreachableError("unggahan sebelumnya masih ditulis di hub", retry_after=BUSY_RETRY)
        return found
    check_response(response)
    return int(response.headers["Upload-Offset"])


def _next_chunk_size(size: int, seconds: float) -> int:
    if seconds < 2.0:
        return min(size * 2, MAX_CHUNK)
    if seconds > 10.0:
        return max(size // 2, MIN_CHUNK)
    return size
