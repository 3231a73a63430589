"""Bundle uploads over tus 1.0.0 (tuspyserver's router at /api/v1/uploads), as docs/sync-protocol.md says.

The router is tuspyserver's; the hub plugs into its dependencies:

    auth / file_dep   the office's token (every tus request); its uploads live in uploads/<office id>/,
                      so an office never sees, resumes or ends another's upload (404). Before a PATCH
                      the data file is cut back to the offset the hub acknowledged: a hub killed in the
                      middle of a PATCH may have written bytes past it, and the resumed PATCH appends.
    pre_create        metadata (bundle_id, filename, sha256), a declared length within --max-upload-bytes
                      (413 otherwise), no concatenation; 409 `bundle.already_received` when this
                      office's bundle is already verified
    on complete       hub.ingest in a worker thread claims and keeps the bundle (`received`) and answers;
                      the SHA-256 check and verification follow on the hub's checker threads, so
                      neither the event loop nor the last PATCH waits for them
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from tuspyserver import create_tus_router
from tuspyserver.lock import acquire_upload_lock

from hub import bundles
from hub.auth import OfficeDep, current_office, hub_state
from hub.errors import HubError
from hub.ingest import check_received, ingest_upload
from hub.offices import Office

PREFIX = "/api/v1/uploads"
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")
_UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_FILENAME = 255


def office_folder(request: Request, office: Office) -> Path:
    """The folder of an office's uploads in progress."""
    return hub_state(request).paths.uploads / office.office_id


async def _file_dep(request: Request, office: OfficeDep):
    folder = office_folder(request, office)
    upload_id = request.path_params.get("uuid")
    if upload_id is not None and not _UPLOAD_ID.match(upload_id):
        raise HubError(404, "upload.unknown", "Unggahan tidak dikenal.")
    if request.method == "PATCH" and upload_id:
        await run_in_threadpool(_trim_to_offset, folder, upload_id)

    def files_dir(_metadata: dict) -> dict:
        return {"files_dir": str(folder)}

    return files_dir


def _trim_to_offset(folder: Path, upload_id: str) -> None:
    """Cuts an upload's data file back to its recorded offset (bytes past it were never acknowledged)."""
    data, info = folder / upload_id, folder / f"{upload_id}.info"
    try:
        offset = int(json.loads(info.read_text(encoding="utf-8"))["offset"])
        size = data.stat().st_size
    except (OSError, ValueError, KeyError, TypeError):
        return  # no such upload: the router answers 404
    if size <= offset:
        return
    try:
        with acquire_upload_lock(str(data), locks_dir=str(folder / ".locks"), blocking=False):
            os.truncate(data, offset)
    except OSError:
        raise HubError(409, "upload.busy", "Unggahan ini sedang ditulis oleh permintaan lain; coba lagi.") from None


async def _pre_create_dep(request: Request, office: OfficeDep):
    state = hub_state(request)

    async def check(metadata: dict, upload: dict) -> None:
        if request.headers.get("upload-concat"):
            raise HubError(400, "upload.concat_unsupported", "Hub tidak menerima unggahan gabungan (Upload-Concat).")
        size = upload.get("size")
        if upload.get("defer_length") or size is None:
            raise HubError(411, "upload.length_required", "Upload-Length wajib diberikan saat unggahan dibuat.")
        if size > state.config.max_upload_bytes:
            raise HubError(
                413,
                "upload.too_large",
                f"Berkas {size} bita melebihi batas unggahan hub ({state.config.max_upload_bytes} bita).",
            )
        bundle_id = _check_metadata(metadata)
        found = await run_in_threadpool(bundles.bundle, state.db, bundle_id, office.office_id)
        if found is not None and found.status == "verified":
            raise HubError(
                409,
                "bundle.already_received",
                "Paket ini sudah diterima dan terverifikasi di hub; tidak perlu dikirim lagi.",
                extra={"status": found.status, "bundle_id": bundle_id},
            )

    return check


def _check_metadata(metadata: dict) -> str:
    bundle_id = (metadata.get("bundle_id") or "").strip().lower()
    try:
        if str(uuid.UUID(bundle_id)) != bundle_id:
            raise ValueError(bundle_id)
    except ValueError:
        raise HubError(400, "upload.metadata", "Metadata unggahan 'bundle_id' harus UUID paket.") from None
    if not _SHA256.match(metadata.get("sha256") or ""):
        raise HubError(
            400, "upload.metadata", "Metadata unggahan 'sha256' harus SHA-256 berkas (64 digit heksadesimal)."
        )
    name = metadata.get("filename") or ""
    if not name or len(name) > MAX_FILENAME or any(ch in name for ch in "/\\\0"):
        raise HubError(400, "upload.metadata", "Metadata unggahan 'filename' wajib diisi (nama berkas tanpa folder).")
    metadata["bundle_id"] = bundle_id
    return bundle_id


async def _complete_dep(request: Request, office: OfficeDep):
    state = hub_state(request)

    async def complete(file_path: str, metadata: dict) -> None:
        metadata = {**metadata, "bundle_id": (metadata.get("bundle_id") or "").strip().lower()}
        outcome = await run_in_threadpool(ingest_upload, state, office, Path(file_path), metadata, check=False)
        if outcome.stored:  # kept as `received`: verified on the checker threads; the office polls the status
            state.checker.submit(check_received, state, office, outcome.bundle_id)

    return complete


def upload_router(files_root: Path, max_upload_bytes: int) -> APIRouter:
    """tuspyserver's router with the hub's checks (see the module's docstring)."""
    return create_tus_router(
        prefix=PREFIX,
        files_dir=str(files_root),
        max_size=max_upload_bytes,
        auth=current_office,
        days_to_keep=7,
        pre_create_dep=_pre_create_dep,
        file_dep=_file_dep,
        upload_complete_dep=_complete_dep,
        tags=["uploads"],
    )
