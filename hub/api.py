"""The JSON API of docs/sync-protocol.md (prefix /api/v1): hello, me, offices, bundle status, decisions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from desktop import __version__
from hub import bundles, decisions, offices
from hub.auth import OfficeDep, hub_state, require_admin
from hub.errors import HubError

API_VERSION = 1


class NewOffice(BaseModel):
    """`POST /offices`'s body."""

    office_id: str
    name: str
    role: str
    public_key: str


def api_router() -> APIRouter:
    """The routes; every one but /hello needs a token."""
    router = APIRouter(prefix="/api/v1")

    @router.get("/hello")
    async def hello(request: Request) -> dict:
        province = hub_state(request).province
        return {
            "service": "spm-hub",
            "api": API_VERSION,
            "version": __version__,
            "province": {
                "name": province.name,
                "public_key": province.key.file_text(f"Provinsi {province.name}"),
                "fingerprint": province.key.fingerprint,
            },
        }

    @router.get("/me")
    async def me(office: OfficeDep) -> dict:
        return {"office_id": office.office_id, "name": office.name, "role": office.role}

    @router.post("/offices", status_code=201, dependencies=[Depends(require_admin)])
    async def add_office(request: Request, body: NewOffice) -> dict:
        state = hub_state(request)
        token = await run_in_threadpool(
            offices.register_office,
            state.db,
            body.office_id,
            body.name,
            body.role,
            body.public_key,
            state.province.key.public_key,
        )
        return {"office_id": body.office_id.strip(), "token": token}

    @router.get("/offices", dependencies=[Depends(require_admin)])
    async def list_offices(request: Request) -> dict:
        found = await run_in_threadpool(offices.list_offices, hub_state(request).db)
        return {
            "offices": [
                {"office_id": o.office_id, "name": o.name, "role": o.role, "fingerprint": o.key.fingerprint}
                for o in found
            ]
        }

    @router.get("/bundles/{bundle_id}")
    async def bundle_status(request: Request, bundle_id: str, office: OfficeDep) -> dict:
        found = await run_in_threadpool(bundles.bundle, hub_state(request).db, bundle_id.lower(), office.office_id)
        if found is None:
            raise HubError(
                404, "bundle.unknown", "Paket tidak dikenal hub (belum diterima, atau bukan milik kantor ini)."
            )
        return found.status_document()

    @router.get("/decisions")
    async def decisions_since(request: Request, office: OfficeDep, since: Annotated[int, Query(ge=0)] = 0) -> dict:
        found, cursor = await run_in_threadpool(decisions.decisions_since, hub_state(request), office.office_id, since)
        return {"decisions": [d.document() for d in found], "cursor": cursor}

    @router.get("/decisions/{decision_id}/bundle")
    async def decision_bundle(request: Request, decision_id: int, office: OfficeDep):
        state = hub_state(request)
        found = await run_in_threadpool(decisions.decision, state, decision_id, office.office_id)
        if found is None:
            raise HubError(404, "decision.unknown", "Keputusan tidak dikenal (atau bukan untuk kantor ini).")
        return FileResponse(
            state.paths.decision_file(found.decision_bundle_id),
            media_type="application/octet-stream",
            filename=f"keputusan-{found.decision_bundle_id}.spmb",
        )

    return router


def error_response(error: HubError) -> JSONResponse:
    """The JSON answer of a HubError."""
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)
