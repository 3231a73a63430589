"""The province page (/provinsi): server-rendered HTML, no JavaScript. Login with the admin token
(exchanged for a session cookie), bundles per district and period, achievement per district and
service, and approve / return-with-note per report (each a decision bundle signed with the province key).

Forms carry a token derived from the session (and the cookie is SameSite=Strict), so another site
cannot make the admin's browser decide anything.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_int, format_percent, format_rupiah
from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.scoring import score_service
from hub import achievement, auth, bundles, decisions
from hub.auth import SESSION_COOKIE, hub_state
from hub.errors import HubError
from hub.page_filters import FILTERS, pair_text
from hub.tokens import csrf_token, same

PREFIX = "/provinsi"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters.update(angka=format_int, persen=format_percent, rupiah=format_rupiah, **FILTERS)
TEMPLATES.env.globals["mutu"] = pair_text
DECISION_LABELS = {"approved": "Disetujui", "returned": "Dikembalikan"}
REPORT_STATUS = {"draft": "Draf", "submitted": "Diajukan", "returned": "Dikembalikan", "approved": "Disetujui"}


def _session(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE)


async def _logged_in(request: Request) -> str | None:
    session = _session(request)
    ok = await run_in_threadpool(auth.session_valid, hub_state(request), session)
    return session if ok else None


def _render(request: Request, name: str, session: str | None, status: int = 200, **context) -> HTMLResponse:
    state = hub_state(request)
    return TEMPLATES.TemplateResponse(
        request,
        name,
        {
            "province": state.province,
            "csrf": csrf_token(session) if session else "",
            "prefix": PREFIX,
            "can_sign": bool(state.config.passphrase),
            **context,
        },
        status_code=status,
    )


def _check_csrf(session: str, form) -> None:
    if not same(str(form.get("csrf", "")), csrf_token(session)):
        raise HubError(403, "page.csrf", "Formulir kedaluwarsa; muat ulang halaman lalu coba lagi.")


def page_router() -> APIRouter:
    """The page's routes."""
    router = APIRouter(prefix=PREFIX)

    @router.get("/", response_class=HTMLResponse)
    async def overview(request: Request, periode: str | None = None) -> Response:
        session = await _logged_in(request)
        if session is None:
            return _render(request, "login.html", None)
        state = hub_state(request)
        counts = await run_in_threadpool(bundles.counts_by_district_period, state.db)
        periods = sorted({Period(y, q) for _, _, y, q, *_ in counts if y}, reverse=True)
        chosen = _period(periode) or (periods[0] if periods else None)
        scores = (
            await run_in_threadpool(achievement.achievement, state.db, chosen.year, chosen.quarter) if chosen else []
        )
        listed = (
            await run_in_threadpool(lambda: bundles.bundles(state.db, year=chosen.year, quarter=chosen.quarter))
            if chosen
            else []
        )
        unplaced = await run_in_threadpool(lambda: [b for b in bundles.bundles(state.db) if b.year is None])
        return _render(
            request,
            "overview.html",
            session,
            counts=counts,
            periods=periods,
            chosen=chosen,
            scores=scores,
            bundles=listed,
            unplaced=unplaced[:50],
        )

    @router.post("/masuk")
    async def login(request: Request) -> Response:
        form = await request.form()
        session = await run_in_threadpool(auth.open_session, hub_state(request), str(form.get("token", "")).strip())
        if session is None:
            return _render(request, "login.html", None, status=401, error="Token admin salah.")
        response = RedirectResponse(f"{PREFIX}/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            session,
            max_age=auth.SESSION_HOURS * 3600,
            httponly=True,
            samesite="strict",
            secure=hub_state(request).config.secure_cookies,
            path=PREFIX,
        )
        return response

    @router.post("/keluar")
    async def logout(request: Request) -> Response:
        session = await _logged_in(request)
        if session is not None:
            _check_csrf(session, await request.form())
            await run_in_threadpool(auth.close_session, hub_state(request), session)
        response = RedirectResponse(f"{PREFIX}/", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    @router.get("/paket/{bundle_id}", response_class=HTMLResponse)
    async def bundle_page(request: Request, bundle_id: str, pesan: str | None = None) -> Response:
        session = await _logged_in(request)
        if session is None:
            return RedirectResponse(f"{PREFIX}/", status_code=303)
        return await _bundle_page(request, session, bundle_id, message=pesan)

    @router.post("/paket/{bundle_id}/keputusan")
    async def decide(request: Request, bundle_id: str) -> Response:
        session = await _logged_in(request)
        if session is None:
            return RedirectResponse(f"{PREFIX}/", status_code=303)
        form = await request.form()
        _check_csrf(session, form)
        service = str(form.get("service", ""))
        decision = str(form.get("decision", ""))
        notes = [(None, str(form.get("note", "")))]
        notes += [
            (key.removeprefix("note_area_"), str(value))
            for key, value in form.multi_items()
            if key.startswith("note_area_")
        ]
        by = " ".join(str(form.get("by", "")).split())[:200] or f"Provinsi {hub_state(request).province.name}"
        try:
            made = await run_in_threadpool(
                decisions.decide, hub_state(request), bundle_id, service, decision, notes, by
            )
        except HubError as error:
            return await _bundle_page(request, session, bundle_id, error=error.message, status=error.status)
        text = f"Laporan {made.service_code} {DECISION_LABELS[made.decision].lower()}; paket keputusan ditandatangani."
        return RedirectResponse(f"{PREFIX}/paket/{bundle_id}?pesan={quote(text)}", status_code=303)

    return router


async def _bundle_page(
    request: Request,
    session: str,
    bundle_id: str,
    *,
    message: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    state = hub_state(request)
    found = await run_in_threadpool(bundles.bundle, state.db, bundle_id)
    if found is None:
        return _render(request, "not_found.html", session, status=404)
    reports = await run_in_threadpool(bundles.reports_of, state.db, bundle_id)
    decided = await run_in_threadpool(decisions.decisions_of_bundle, state, bundle_id)
    catalog = load_catalog()
    items = []
    for report in reports:
        version = load_catalog(report.catalog_version) if report.catalog_version else catalog
        name = version.service(report.service_code).name if version.has_service(report.service_code) else ""
        items.append(
            {
                "report": report,
                "name": name,
                "status": REPORT_STATUS.get(report.status, report.status),
                "score": score_service(report.service_code, report.rows, version.scoring),
                "decision": decided.get(report.service_code),
                "areas": [r.area_code for r in report.rows],
            }
        )
    return _render(
        request,
        "bundle.html",
        session,
        status=status,
        bundle=found,
        items=items,
        message=message,
        error=error,
        labels=DECISION_LABELS,
    )


def _period(text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return Period.parse(text)
    except UserError:
        return None
