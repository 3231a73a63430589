"""Pure ASGI middleware (request bodies stream through untouched): the request log, the rate limit,
and the default `filetype` tuspyserver needs in an upload's metadata."""

from __future__ import annotations

import base64
import time

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from hub.errors import HubError
from hub.jsonlog import logger
from hub.ratelimit import RateLimiter
from hub.tokens import bearer_token, token_hash

UPLOADS_PREFIX = "/api/v1/uploads"
DEFAULT_FILETYPE = "application/vnd.spm-luring.bundle+zip"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class RequestLog:
    """One JSON line per request: method, path, status, milliseconds, office (never a token)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_logged(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        finally:
            state = scope.get("state") or {}
            logger().info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status["code"],
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": (scope.get("client") or ("?",))[0],
                    "office_id": state.get("office_id"),
                },
            )


class RateLimit:
    """429 with Retry-After once a client (token, page session, or address) goes over the limit."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter):
        self.app, self.limiter = app, limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wait = self.limiter.check(self._client(scope))
        if wait:
            error = HubError(
                429,
                "rate.limited",
                f"Terlalu banyak permintaan; coba lagi dalam {wait} detik.",
                headers={"Retry-After": str(wait)},
            )
            await JSONResponse(error.body(), error.status, headers=error.headers)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _client(scope: Scope) -> str:
        token = bearer_token(_header(scope, b"authorization"))
        if token:
            return "token:" + token_hash(token)
        cookie = _header(scope, b"cookie") or ""
        for part in cookie.split(";"):
            name, _, value = part.strip().partition("=")
            if name == "spm_hub_session" and value:
                return "session:" + token_hash(value)
        return "address:" + (scope.get("client") or ("?",))[0]


class TusMetadataDefaults:
    """Adds `filetype` to a new upload's metadata when the client sent none: tuspyserver answers a
    resume's HEAD with 400 without it, and the protocol (docs/sync-protocol.md) does not ask for it."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/") == UPLOADS_PREFIX:
            metadata = _header(scope, b"upload-metadata")
            if metadata is not None and not any(
                part.strip().split(" ", 1)[0] == "filetype" for part in metadata.split(",")
            ):
                extra = "filetype " + base64.b64encode(DEFAULT_FILETYPE.encode()).decode("ascii")
                headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"upload-metadata"]
                headers.append((b"upload-metadata", f"{metadata},{extra}".encode("latin-1")))
                scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)
