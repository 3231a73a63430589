"""The link to the province hub: its address, this install's office token, and the decisions taken in.

The token is a secret the province gave this install once; it is kept in the settings table (the data
folder is the install's private store, as the office key is) and never written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database
from desktop.storage.settings import Settings

URL_KEY, TOKEN_KEY, CURSOR_KEY = "hub_url", "hub_token", "hub_decision_cursor"


@dataclass(frozen=True)
class HubLink:
    """Where the hub is and how this install signs in to it."""

    url: str
    token: str


@dataclass(frozen=True)
class HubDecisionRecord:
    """A decision the hub offered, and what became of it here."""

    hub_url: str
    id: int
    bundle_id: str
    decides: str
    outcome: str  # applied | refused
    reason: str | None
    reports: int
    fetched_at: str


class HubLinkRepository:
    """Reads and changes the hub settings and the log of decisions taken in."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        audit: AuditLog,
        actor: Callable[[], str],
        require_admin: Callable[[], None],
    ):
        self.database, self.settings, self.audit, self.actor = database, settings, audit, actor
        self.require_admin = require_admin  # the hub link is set like the keys: by whoever manages those

    def get(self) -> HubLink | None:
        """The hub link, or None when no hub is set."""
        url, token = self.settings.get(URL_KEY), self.settings.get(TOKEN_KEY)
        return HubLink(url, token) if url and token else None

    def require(self) -> HubLink:
        """The hub link, or a UserError telling how to set it."""
        link = self.get()
        if link is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "Alamat hub provinsi belum diatur. Isi alamat dan token kantor di Berkas › Hub provinsi… (atau 'spm-luring sync setup').",
                )
            )
        return link

    def set(self, url: str, token: str) -> None:
        """Stores the hub's address and this office's token (audited without the token)."""
        self.require_admin()
        with self.database.write() as conn:
            if url != self.settings.get(URL_KEY):  # another hub numbers its decisions from the start
                conn.execute("DELETE FROM settings WHERE key = ?", (CURSOR_KEY,))
            self.settings.put(conn, URL_KEY, url)
            self.settings.put(conn, TOKEN_KEY, token)
            self.audit.record(conn, self.actor(), "hub.set", "settings:hub", after={"url": url})

    def clear(self) -> None:
        """Forgets the hub: nothing is sent until one is set again."""
        self.require_admin()
        with self.database.write() as conn:
            # Another hub numbers its decisions anew: its cursor starts again from 0.
            conn.execute("DELETE FROM settings WHERE key IN (?, ?, ?)", (URL_KEY, TOKEN_KEY, CURSOR_KEY))
            self.audit.record(conn, self.actor(), "hub.clear", "settings:hub")

    def decision_cursor(self) -> int:
        """The hub decision id up to which every decision was handled here (0 before the first)."""
        return int(self.settings.get(CURSOR_KEY, 0))

    def advance_cursor(self, decision_id: int) -> None:
        """Every decision up to `decision_id` is handled: the next fetch starts after it."""
        if decision_id > self.decision_cursor():
            with self.database.write() as conn:
                self.settings.put(conn, CURSOR_KEY, decision_id)

    def handled(self, hub_url: str, decision_id: int) -> bool:
        """Whether this hub decision was taken in (applied or refused) before."""
        found = self.database.scalar("SELECT 1 FROM hub_decisions WHERE hub_url = ? AND id = ?", (hub_url, decision_id))
        return found is not None

    def record_decision(
        self,
        hub_url: str,
        decision_id: int,
        bundle_id: str,
        decides: str,
        outcome: str,
        reason: str | None,
        reports: int,
    ) -> None:
        """Logs what became of a hub decision."""
        with self.database.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO hub_decisions (hub_url, id, bundle_id, decides, outcome, reason, reports,"
                " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (hub_url, decision_id, bundle_id, decides, outcome, reason, reports, now_utc()),
            )
            if outcome != "applied":  # an applied one is in the log already, through the review it made
                self.audit.record(
                    conn, self.actor(), "hub.decision_refused", f"bundle:{bundle_id}", after={"reason": reason}
                )

    def decisions(self, limit: int = 200) -> list[HubDecisionRecord]:
        """The decisions taken in, newest first."""
        rows = self.database.query("SELECT * FROM hub_decisions ORDER BY fetched_at DESC, id DESC LIMIT ?", (limit,))
        return [HubDecisionRecord(**row) for row in rows]
