"""Whom this install trusts: other parties' public keys, age recipients, and its own office key record.

Keys and recipients are added and removed, never edited; every change is in the audit log. A
removed row stays (removed_at set) so the log and earlier bundles can still name it. Parsing and
checking keys is the exchange layer's work; here they are plain text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database
from desktop.storage.settings import Settings

ROLES = ("office", "district", "province")
OFFICE_KEY_SETTING = "office_key"
MAX_NAME = 200

ROLE_LABELS = {
    "office": QT_TRANSLATE_NOOP("Trust", "perangkat daerah"),
    "district": QT_TRANSLATE_NOOP("Trust", "kabupaten/kota"),
    "province": QT_TRANSLATE_NOOP("Trust", "provinsi"),
}


@dataclass(frozen=True)
class TrustedKey:
    """Another party's public key that this install accepts bundles from."""

    id: int
    key_id: str
    public_key: str
    fingerprint: str
    name: str
    role: str
    office_id: str | None
    added_at: str
    added_by: str
    removed_at: str | None = None
    removed_by: str | None = None


@dataclass(frozen=True)
class AgeRecipient:
    """An age recipient (age1…) bundles may be encrypted to."""

    id: int
    recipient: str
    name: str
    added_at: str
    added_by: str
    removed_at: str | None = None
    removed_by: str | None = None


@dataclass(frozen=True)
class OfficeKeyRecord:
    """What the database remembers of the office's own key (the files are in <data_dir>/keys)."""

    key_id: str
    public_key: str
    fingerprint: str
    created_at: str
    created_by: str


def check_name(name: str) -> str:
    """A key's or recipient's name: one line, not empty, not too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise user_error(QT_TRANSLATE_NOOP("Trust", "Nama pemilik kunci wajib diisi."))
    if len(cleaned) > MAX_NAME:
        raise user_error(
            QT_TRANSLATE_NOOP("Trust", "Nama terlalu panjang (paling banyak {limit} karakter)."), limit=MAX_NAME
        )
    return cleaned


class TrustStore:
    """Reads and changes the trusted keys, the age recipients and the office key record."""

    def __init__(
        self,
        database: Database,
        audit: AuditLog,
        settings: Settings,
        actor: Callable[[], str],
        authorize: Callable[[], None] = lambda: None,
    ):
        """`authorize()` raises UserError when the acting account may not change keys or recipients."""
        self.database, self.audit, self.settings, self.actor = database, audit, settings, actor
        self.authorize = authorize

    # --- trusted keys --------------------------------------------------------------------------

    _KEY_COLUMNS = (
        "id, key_id, public_key, fingerprint, name, role, office_id, added_at, added_by, removed_at, removed_by"
    )

    def add_key(
        self, key_id: str, public_key: str, fingerprint: str, name: str, role: str, office_id: str | None = None
    ) -> TrustedKey:
        """Trusts a key (after the user compared its fingerprint); audited."""
        self.authorize()
        name = check_name(name)
        if role not in ROLES:
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Peran '{role}' tidak dikenal; pilih office, district atau province."),
                role=role,
            )
        own = self.office_key()
        if own is not None and own.fingerprint == fingerprint:
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Ini kunci kantor ini sendiri ({fingerprint}); kunci itu selalu dipercaya."),
                fingerprint=fingerprint,
            )
        if found := self.find_key(fingerprint):
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Kunci {fingerprint} sudah dipercaya sebagai '{name}'."),
                fingerprint=fingerprint,
                name=found.name,
            )
        if found := self.find_key(key_id):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Trust",
                    "Kunci lain dengan ID {key_id} sudah dipercaya ('{name}', sidik jari {fingerprint}). Hapus dahulu bila kunci itu diganti.",
                ),
                key_id=key_id,
                name=found.name,
                fingerprint=found.fingerprint,
            )
        actor = self.actor()
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO trusted_keys (key_id, public_key, fingerprint, name, role, office_id, added_at, added_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key_id, public_key, fingerprint, name, role, office_id, now_utc(), actor),
            )
            self.audit.record(
                conn,
                actor,
                "trust.add",
                f"key/{fingerprint}",
                after={"key_id": key_id, "name": name, "role": role, "office_id": office_id},
            )
        return self._key_by_row(cursor.lastrowid)

    def trusted_keys(self, include_removed: bool = False) -> list[TrustedKey]:
        """The trusted keys, oldest first."""
        sql = f"SELECT {self._KEY_COLUMNS} FROM trusted_keys"
        if not include_removed:
            sql += " WHERE removed_at IS NULL"
        return [TrustedKey(**r) for r in self.database.query(sql + " ORDER BY id")]

    def find_key(self, fingerprint_or_key_id: str) -> TrustedKey | None:
        """The active key with this fingerprint or key id (case and dashes as shown)."""
        wanted = fingerprint_or_key_id.strip().upper()
        rows = self.database.query(
            f"SELECT {self._KEY_COLUMNS} FROM trusted_keys WHERE removed_at IS NULL AND (fingerprint = ? OR key_id = ?)",
            (wanted, wanted),
        )
        return TrustedKey(**rows[0]) if rows else None

    def remove_key(self, fingerprint_or_key_id: str) -> TrustedKey:
        """Stops trusting a key; audited. UserError when no active key matches."""
        self.authorize()
        found = self.find_key(fingerprint_or_key_id)
        if found is None:
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Tidak ada kunci dipercaya dengan sidik jari atau ID '{key}'."),
                key=fingerprint_or_key_id,
            )
        actor = self.actor()
        with self.database.write() as conn:
            conn.execute(
                "UPDATE trusted_keys SET removed_at = ?, removed_by = ? WHERE id = ?", (now_utc(), actor, found.id)
            )
            self.audit.record(
                conn,
                actor,
                "trust.remove",
                f"key/{found.fingerprint}",
                before={"key_id": found.key_id, "name": found.name},
            )
        return self._key_by_row(found.id)

    def bind_office(self, conn: sqlite3.Connection, key: TrustedKey, office_id: str, actor: str) -> None:
        """Records, inside the caller's transaction, which office a key speaks for (at its first bundle)."""
        conn.execute("UPDATE trusted_keys SET office_id = ? WHERE id = ? AND office_id IS NULL", (office_id, key.id))
        self.audit.record(conn, actor, "trust.bind", f"key/{key.fingerprint}", "office_id", None, office_id)

    def _key_by_row(self, row_id: int) -> TrustedKey:
        rows = self.database.query(f"SELECT {self._KEY_COLUMNS} FROM trusted_keys WHERE id = ?", (row_id,))
        return TrustedKey(**rows[0])

    # --- age recipients -----------------------------------------------------------------------

    _RECIPIENT_COLUMNS = "id, recipient, name, added_at, added_by, removed_at, removed_by"

    def add_recipient(self, recipient: str, name: str) -> AgeRecipient:
        """Adds an age recipient (checked by the caller); audited."""
        self.authorize()
        name = check_name(name)
        if self.find_recipient(recipient):
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Penerima enkripsi {recipient} sudah terdaftar."), recipient=recipient
            )
        actor = self.actor()
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO age_recipients (recipient, name, added_at, added_by) VALUES (?, ?, ?, ?)",
                (recipient, name, now_utc(), actor),
            )
            self.audit.record(conn, actor, "recipient.add", f"recipient/{recipient}", after={"name": name})
        return self._recipient_by_row(cursor.lastrowid)

    def recipients(self, include_removed: bool = False) -> list[AgeRecipient]:
        """The age recipients, oldest first."""
        sql = f"SELECT {self._RECIPIENT_COLUMNS} FROM age_recipients"
        if not include_removed:
            sql += " WHERE removed_at IS NULL"
        return [AgeRecipient(**r) for r in self.database.query(sql + " ORDER BY id")]

    def find_recipient(self, recipient_or_name: str) -> AgeRecipient | None:
        """The active recipient with this age1… text or name."""
        wanted = recipient_or_name.strip()
        rows = self.database.query(
            f"SELECT {self._RECIPIENT_COLUMNS} FROM age_recipients WHERE removed_at IS NULL AND (recipient = ? OR name = ?)"
            " ORDER BY id",
            (wanted, wanted),
        )
        return AgeRecipient(**rows[0]) if rows else None

    def remove_recipient(self, recipient_or_name: str) -> AgeRecipient:
        """Removes an age recipient; audited."""
        self.authorize()
        found = self.find_recipient(recipient_or_name)
        if found is None:
            raise user_error(
                QT_TRANSLATE_NOOP("Trust", "Tidak ada penerima enkripsi '{recipient}'."), recipient=recipient_or_name
            )
        actor = self.actor()
        with self.database.write() as conn:
            conn.execute(
                "UPDATE age_recipients SET removed_at = ?, removed_by = ? WHERE id = ?", (now_utc(), actor, found.id)
            )
            self.audit.record(
                conn, actor, "recipient.remove", f"recipient/{found.recipient}", before={"name": found.name}
            )
        return self._recipient_by_row(found.id)

    def _recipient_by_row(self, row_id: int) -> AgeRecipient:
        rows = self.database.query(f"SELECT {self._RECIPIENT_COLUMNS} FROM age_recipients WHERE id = ?", (row_id,))
        return AgeRecipient(**rows[0])

    # --- the office's own key ------------------------------------------------------------------

    def office_key(self) -> OfficeKeyRecord | None:
        """The office key this install signs with, as recorded; None before one was made."""
        value = self.settings.get(OFFICE_KEY_SETTING)
        return OfficeKeyRecord(**value) if value else None

    def record_office_key(self, key_id: str, public_key: str, fingerprint: str) -> OfficeKeyRecord:
        """Records a new office key (replacing the record of an older one); audited."""
        self.authorize()
        actor = self.actor()
        old = self.office_key()
        record = OfficeKeyRecord(key_id, public_key, fingerprint, now_utc(), actor)
        with self.database.write() as conn:
            self.settings.put(conn, OFFICE_KEY_SETTING, record.__dict__)
            self.audit.record(
                conn,
                actor,
                "key.replace" if old else "key.create",
                "key/office",
                before={"key_id": old.key_id, "fingerprint": old.fingerprint} if old else None,
                after={"key_id": key_id, "fingerprint": fingerprint},
            )
        return record
