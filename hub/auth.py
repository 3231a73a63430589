"""Who is asking: an office (its bearer token), the province admin (the admin token), or the page's
logged-in admin (a session cookie made from the admin token)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from desktop.storage.audit import now_utc
from hub import province
from hub.errors import admin_only, unauthorized
from hub.offices import Office, office_by_token
from hub.state import HubState
from hub.tokens import bearer_token, new_token, token_hash

SESSION_COOKIE = "spm_hub_session"
SESSION_HOURS = 12


def hub_state(request: Request) -> HubState:
    """The hub the request reached."""
    return request.app.state.hub


async def current_office(request: Request) -> Office:
    """The office whose token the request carries; 401 otherwise. (A dependency of every office route.)"""
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        raise unauthorized()
    office = await run_in_threadpool(office_by_token, hub_state(request).db, token)
    if office is None:
        raise unauthorized()
    request.state.office_id = office.office_id  # for the request log
    return office


# The office of the request, as a route parameter: `office: OfficeDep`.
OfficeDep = Annotated[Office, Depends(current_office)]


async def require_admin(request: Request) -> None:
    """The request carries the admin token: 401 without a known token, 403 with an office's."""
    state = hub_state(request)
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        raise unauthorized()
    if await run_in_threadpool(province.is_admin_token, state.db, token):
        request.state.office_id = "admin"
        return
    if await run_in_threadpool(office_by_token, state.db, token) is not None:
        raise admin_only()
    raise unauthorized()


# --- the province page's session ---------------------------------------------------------------


def open_session(state: HubState, admin_token: str) -> str | None:
    """A new page session for the admin token (its cookie value), or None when the token is wrong."""
    if not province.is_admin_token(state.db, admin_token):
        return None
    session = new_token()
    now = datetime.now(UTC)
    with state.db.transaction() as tx:
        tx.execute("DELETE FROM admin_sessions WHERE expires_at < ?", (now_utc(),))
        tx.execute(
            "INSERT INTO admin_sessions (token_sha256, created_at, expires_at) VALUES (?, ?, ?)",
            (token_hash(session), now_utc(), _stamp(now + timedelta(hours=SESSION_HOURS))),
        )
    return session


def session_valid(state: HubState, session: str | None) -> bool:
    """Whether a cookie's session is open and not expired."""
    if not session or len(session) > 512:
        return False
    with state.db.transaction(write=False) as tx:
        expires = tx.scalar("SELECT expires_at FROM admin_sessions WHERE token_sha256 = ?", (token_hash(session),))
    return expires is not None and expires > now_utc()


def close_session(state: HubState, session: str | None) -> None:
    """Logs the page session out."""
    if session:
        with state.db.transaction() as tx:
            tx.execute("DELETE FROM admin_sessions WHERE token_sha256 = ?", (token_hash(session),))


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
