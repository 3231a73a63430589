"""The app factory: `create_app(HubConfig(...))` is what `spm-hub serve`, the tests and the benchmarks run."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop import __version__
from hub import province
from hub.api import api_router, error_response
from hub.config import HubConfig
from hub.db import Database
from hub.errors import TUS_ERRORS, HubError
from hub.expiry import INTERVAL_SECONDS as EXPIRY_INTERVAL
from hub.expiry import remove_expired_uploads
from hub.ingest import recover
from hub.jsonlog import logger
from hub.middleware import UPLOADS_PREFIX, RateLimit, RequestLog, TusMetadataDefaults
from hub.province_page import page_router
from hub.ratelimit import RateLimiter
from hub.state import HubState
from hub.uploads import upload_router


def open_state(config: HubConfig) -> HubState:
    """Opens (and migrates) the database and reads the province; HubError/DatabaseError when it cannot."""
    db = Database.open(config.database_url, config.data_dir)
    try:
        db.migrate()
        found = province.load(db, config.data_dir)
    except BaseException:
        db.close()
        raise
    return HubState(config, db, found, RateLimiter(config.rate_limit))


def create_app(config: HubConfig, state: HubState | None = None) -> FastAPI:
    """The hub as an ASGI app. At start-up it finishes uploads a killed hub left half-taken-in."""
    state = state or open_state(config)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        touched = await run_in_threadpool(recover, state)
        logger().info(
            "hub.started",
            extra={"database": state.db.dialect.name, "recovered": touched, "province": state.province.name},
        )
        sweeper = asyncio.create_task(_sweep_expired_uploads(state))
        yield
        sweeper.cancel()
        state.checker.shutdown(wait=True)  # a check cut short by a kill is run again at the next start
        state.db.close()

    app = FastAPI(
        title="SPM Luring — hub provinsi", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None
    )
    app.state.hub = state
    app.include_router(api_router())
    app.include_router(upload_router(state.paths.uploads, config.max_upload_bytes))
    app.include_router(page_router())

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse("/provinsi/", status_code=303)

    app.add_exception_handler(HubError, _hub_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
    # Outermost first: every request is logged, then limited, then (for uploads) given a filetype.
    app.add_middleware(TusMetadataDefaults)
    app.add_middleware(RateLimit, limiter=state.limiter)
    app.add_middleware(RequestLog)
    return app


async def _sweep_expired_uploads(state: HubState) -> None:
    """At start and every hour: the uploads offices abandoned go (see hub.expiry)."""
    while True:
        try:
            await run_in_threadpool(remove_expired_uploads, state.paths.uploads)
        except Exception:  # a sweep that failed is tried again at the next round
            logger().exception("upload.sweep_failed")
        await asyncio.sleep(EXPIRY_INTERVAL)


async def _hub_error(_request: Request, error: HubError) -> JSONResponse:
    return error_response(error)


async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    if request.url.path.startswith(UPLOADS_PREFIX) and error.status_code in TUS_ERRORS:
        code, message = TUS_ERRORS[error.status_code]
    elif error.status_code == 404:
        code, message = "http.not_found", "Alamat tidak dikenal hub."
    elif error.status_code == 405:
        code, message = "http.method_not_allowed", "Metode permintaan tidak didukung di alamat ini."
    else:
        code, message = f"http.{error.status_code}", "Permintaan tidak dapat dilayani."
    headers = dict(error.headers or {})
    if request.url.path.startswith(UPLOADS_PREFIX):
        headers.setdefault("Tus-Resumable", "1.0.0")
    return error_response(HubError(error.status_code, code, message, headers=headers))


async def _validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
    where = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in error.errors()[:5])
    return error_response(HubError(422, "request.invalid", f"Permintaan tidak lengkap atau tidak sah ({where})."))


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger().error("request.failed", exc_info=error, extra={"path": request.url.path})
    return error_response(HubError(500, "hub.internal_error", "Terjadi kesalahan di hub; coba lagi nanti."))
