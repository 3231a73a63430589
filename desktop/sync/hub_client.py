"""The province hub's JSON API as this install's office sees it (docs/sync-protocol.md), over httpx.

Every failure is one of two UserErrors: HubUnreachableError (no connection, a timeout, a hub that answers
with a server error: try again later) and HubRefusedError (the hub understood and said no: its code and
its own Indonesian message). Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop import __version__
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from desktop.exchange.errors import CancelCheck, check_cancel, never_cancelled
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error

API = "/api/v1"
# A river link may stall for a long while without being cut; a minute of silence counts as cut.
TIMEOUT = httpx.Timeout(connect=15.0, read=60.0, write=60.0, pool=15.0)
DOWNLOAD_LIMIT = 64 * 1024 * 1024  # a decision bundle carries figures and notes, never evidence


class HubUnreachableError(UserError):
    """The hub did not answer usefully (network down, timeout, server error): try again later."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(
            Message(QT_TRANSLATE_NOOP("Sync", "Hub provinsi tidak dapat dihubungi: {reason}"), {"reason": reason})
        )
        self.reason, self.retry_after = reason, retry_after


class HubRefusedError(UserError):
    """The hub answered and refused: `code` is its stable error code, the message its own text."""

    def __init__(self, status: int, code: str, text: str, body: dict | None = None):
        super().__init__(
            Message(
                QT_TRANSLATE_NOOP("Sync", "Hub provinsi menolak: {reason} ({code})"), {"reason": text, "code": code}
            )
        )
        self.status, self.code, self.text, self.body = status, code, text, body or {}


@dataclass(frozen=True)
class BundleStatus:
    """What the hub knows of a bundle sent from here."""

    bundle_id: str
    status: str  # received | verified | rejected
    reason_code: str | None
    reason: str | None


@dataclass(frozen=True)
class OfferedDecision:
    """A decision the hub holds for this office: a decision bundle to download."""

    id: int
    bundle_id: str
    decides: str


class HubClient:
    """One connection pool to the hub, signed in with the office token. Close it when done."""

    def __init__(self, url: str, token: str, *, transport: httpx.BaseTransport | None = None):
        self.url = url.rstrip("/")
        self.http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": f"spm-luring/{__version__}"},
            timeout=TIMEOUT,
            transport=transport,
        )

    def close(self) -> None:
        """Closes the connections."""
        self.http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- the JSON API ----------------------------------------------------------------------------

    def hello(self) -> dict:
        """The hub's greeting: its name, API version and the province key (no token needed)."""
        return self.request("GET", f"{API}/hello").json()

    def me(self) -> dict:
        """The office the token belongs to: checks the token."""
        return self.request("GET", f"{API}/me").json()

    def bundle_status(self, bundle_id: str) -> BundleStatus | None:
        """The hub's status of a bundle sent from here, or None when the hub does not have it."""
        try:
            body = self.request("GET", f"{API}/bundles/{bundle_id}").json()
        except HubRefusedError as exc:
            if exc.status == 404:
                return None
            raise
        reason = body.get("reason") or {}
        return BundleStatus(body["bundle_id"], body["status"], reason.get("code"), reason.get("message"))

    def decisions(self, since: int) -> list[OfferedDecision]:
        """Every decision for this office after the cursor `since`, oldest first (all pages)."""
        found: list[OfferedDecision] = []
        while True:
            body = self.request("GET", f"{API}/decisions", params={"since": since}).json()
            page = [OfferedDecision(int(d["id"]), d["bundle_id"], d["decides"]) for d in body.get("decisions", ())]
            if not page:
                return found
            found.extend(page)
            since = max(int(body.get("cursor", 0)), page[-1].id)

    def download_decision(self, decision_id: int, out: Path, cancelled: CancelCheck = never_cancelled) -> Path:
        """Saves a decision bundle to `out` (synced, then renamed into place)."""
        partial = out.with_name(out.name + ".part")
        try:
            with self.http.stream("GET", f"{API}/decisions/{decision_id}/bundle") as response:
                check_response(response, read=True)
                written = 0
                with partial.open("wb") as sink:
                    for chunk in response.iter_bytes(1 << 20):
                        check_cancel(cancelled)
                        written += len(chunk)
                        if written > DOWNLOAD_LIMIT:
                            raise HubRefusedError(413, "decision.too_large", "berkas keputusan terlalu besar")
                        sink.write(chunk)
            commit_file(partial, out)
        except httpx.HTTPError as exc:
            partial.unlink(missing_ok=True)
            raise unreachable(exc) from exc
        except OSError as exc:  # a full or read-only data folder: said as such, the decision fetched later
            partial.unlink(missing_ok=True)
            raise translate_os_error(exc, out.parent) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return out

    # --- plumbing ----------------------------------------------------------------------------------

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """One request; the answer when it is a success, else HubUnreachableError or HubRefusedError."""
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise unreachable(exc) from exc
        check_response(response)
        return response


def check_response(response: httpx.Response, *, read: bool = False) -> None:
    """Nothing for a success; HubUnreachableError for a busy or failing hub (429, 5xx), HubRefusedError otherwise."""
    if response.is_success:
        return
    if read:
        response.read()
    if response.status_code >= 500 or response.status_code == 429:
        raise HubUnreachableError(f"HTTP {response.status_code}", _retry_after(response))
    raise refused(response)


def refused(response: httpx.Response) -> HubRefusedError:
    """The hub's JSON error as a HubRefusedError (any body that is not one still gives a readable reason)."""
    try:
        body = response.json()
        error = body["error"]
        return HubRefusedError(response.status_code, str(error["code"]), str(error["message"]), body)
    except (ValueError, KeyError, TypeError):
        return HubRefusedError(response.status_code, f"http.{response.status_code}", response.reason_phrase or "")


def unreachable(exc: httpx.HTTPError) -> HubUnreachableError:
    """A network failure in words an operator can act on."""
    if isinstance(exc, httpx.TimeoutException):
        return HubUnreachableError("waktu habis menunggu jawaban")
    if isinstance(exc, httpx.ConnectError):
        return HubUnreachableError("tidak tersambung")
    return HubUnreachableError(type(exc).__name__)


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers["Retry-After"])
    except (KeyError, ValueError):
        return None
