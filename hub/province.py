"""The province: its name, its signing key (minisign, like an office key) and the admin token's hash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.keys import (
    OfficeSigner,
    PublicKeyInfo,
    generate_office_key,
    read_office_public_key,
    unlock_office_key,
)
from hub.db import Database, Transaction
from hub.errors import HubError
from hub.tokens import new_token, token_hash

PROVINCE_NAME = "province_name"
ADMIN_TOKEN = "admin_token_sha256"
PUBLIC_KEY = "province_public_key"


@dataclass(frozen=True)
class Province:
    """What `GET /hello` and `status` show of the province."""

    name: str
    key: PublicKeyInfo


def get_meta(tx: Transaction, key: str) -> str | None:
    """A value of the meta table."""
    return tx.scalar("SELECT value FROM meta WHERE key = ?", (key,))


def set_meta(tx: Transaction, key: str, value: str) -> None:
    """Sets a value of the meta table."""
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def is_initialized(db: Database) -> bool:
    """Whether `init` ran against this database."""
    with db.transaction(write=False) as tx:
        return get_meta(tx, PROVINCE_NAME) is not None


def initialize(db: Database, data_dir: Path, name: str, passphrase: str) -> tuple[PublicKeyInfo, str]:
    """Makes the province key (its secret encrypted with the passphrase) and the admin token; returns the
    public key and the token, which is shown once and kept only as its hash. UserError for a bad passphrase."""
    if is_initialized(db):
        raise HubError(409, "hub.initialized", "Hub ini sudah disiapkan (init hanya sekali).")
    key = generate_office_key(data_dir, passphrase, label=f"Provinsi {name}")
    token = new_token()
    with db.transaction() as tx:
        set_meta(tx, PROVINCE_NAME, name)
        set_meta(tx, PUBLIC_KEY, key.public_key)
        set_meta(tx, ADMIN_TOKEN, token_hash(token))
    return key, token


def load(db: Database, data_dir: Path) -> Province:
    """The province as recorded; HubError when `init` has not run or the key file does not match."""
    with db.transaction(write=False) as tx:
        name, public = get_meta(tx, PROVINCE_NAME), get_meta(tx, PUBLIC_KEY)
    if name is None or public is None:
        raise HubError(500, "hub.not_initialized", "Hub belum disiapkan: jalankan 'spm-hub init' dahulu.")
    key = read_office_public_key(data_dir)
    if key is None or key.public_key != public:
        raise HubError(
            500,
            "hub.key_mismatch",
            f"Kunci provinsi di {Path(data_dir) / 'keys'} tidak ada atau bukan kunci yang tercatat di basis data.",
        )
    return Province(name, key)


def is_admin_token(db: Database, token: str) -> bool:
    """Whether a token is the admin token."""
    with db.transaction(write=False) as tx:
        return get_meta(tx, ADMIN_TOKEN) == token_hash(token)


def unlock(data_dir: Path, passphrase: str | None, key: PublicKeyInfo) -> OfficeSigner:
    """The province secret key, unlocked (close it after signing)."""
    if not passphrase:
        raise HubError(
            503,
            "province.key_locked",
            "Frasa sandi kunci provinsi tidak diberikan saat 'spm-hub serve' (--passphrase-file atau SPM_HUB_PASSPHRASE); keputusan tidak dapat ditandatangani.",
        )
    return unlock_office_key(data_dir, passphrase, key)
