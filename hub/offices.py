"""The sending installs the province registered: office id, name, role, minisign key, token hash."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.messages import UserError
from desktop.exchange.keys import PublicKeyInfo, parse_public_key
from desktop.exchange.verify import Trust, TrustedSigner
from desktop.storage.audit import now_utc
from hub.db import Database
from hub.errors import HubError
from hub.tokens import new_token, token_hash

ROLES = ("office", "district")
_OFFICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")  # a desktop office id is a UUID
MAX_NAME = 200


@dataclass(frozen=True)
class Office:
    """A registered install."""

    office_id: str
    name: str
    role: str
    key: PublicKeyInfo
    created_at: str

    def trust(self) -> Trust:
        """What its uploads are verified against: its own key, speaking for its own office only."""
        return Trust((TrustedSigner(self.key, self.name, self.role, self.office_id),))


_COLUMNS = "office_id, name, role, public_key, created_at"


def _office(row) -> Office:
    return Office(row[0], row[1], row[2], parse_public_key(row[3]), row[4])


def register_office(db: Database, office_id: str, name: str, role: str, public_key: str, province_key: str) -> str:
    """Registers an install and returns its token (shown once; only its hash is kept)."""
    office_id, name = (office_id or "").strip(), " ".join((name or "").split())
    if not _OFFICE_ID.match(office_id):
        raise HubError(400, "office.bad_id", "Id kantor tidak sah (huruf, angka, '-', '.', '_'; paling banyak 100).")
    if not name or len(name) > MAX_NAME:
        raise HubError(400, "office.bad_name", f"Nama kantor wajib diisi, paling banyak {MAX_NAME} karakter.")
    if role not in ROLES:
        raise HubError(400, "office.bad_role", "Peran harus 'office' (perangkat daerah) atau 'district' (Setda).")
    try:
        key = parse_public_key(public_key or "", "public_key")
    except UserError as exc:
        raise HubError(400, "office.bad_key", str(exc)) from None
    if key.public_key == province_key:
        raise HubError(400, "office.bad_key", "Itu kunci provinsi sendiri, bukan kunci kantor.")
    token = new_token()
    with db.transaction() as tx:
        if tx.one("SELECT 1 FROM offices WHERE office_id = ?", (office_id,)):
            raise HubError(409, "office.exists", f"Kantor {office_id} sudah terdaftar.")
        if tx.one("SELECT 1 FROM offices WHERE fingerprint = ?", (key.fingerprint,)):
            raise HubError(409, "office.key_in_use", f"Kunci {key.fingerprint} sudah terdaftar untuk kantor lain.")
        tx.execute(
            "INSERT INTO offices (office_id, name, role, public_key, key_id, fingerprint, token_sha256, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (office_id, name, role, key.public_key, key.key_id, key.fingerprint, token_hash(token), now_utc()),
        )
    return token


def office_by_token(db: Database, token: str) -> Office | None:
    """The install a token belongs to, or None."""
    with db.transaction(write=False) as tx:
        row = tx.one(f"SELECT {_COLUMNS} FROM offices WHERE token_sha256 = ?", (token_hash(token),))
    return _office(row) if row else None


def office_by_id(db: Database, office_id: str) -> Office | None:
    """A registered install by its office id, or None."""
    with db.transaction(write=False) as tx:
        row = tx.one(f"SELECT {_COLUMNS} FROM offices WHERE office_id = ?", (office_id,))
    return _office(row) if row else None


def list_offices(db: Database) -> list[Office]:
    """Every registered install, by name."""
    with db.transaction(write=False) as tx:
        return [_office(r) for r in tx.execute(f"SELECT {_COLUMNS} FROM offices ORDER BY name, office_id")]
