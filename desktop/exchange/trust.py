"""The office key and the trust store, as the window and the command line use them.

Key files are written first (file work), then the database records them in one audited
transaction. Adding another party's key is two steps, so the user can compare the fingerprint
(read over the phone, or from a printed sheet) before anything is trusted:

    key = read_key_file(path)                        # show key.fingerprint and key.key_id, ask
    trust_key(store, key, name="Dinas Sosial", role="office")
"""

from __future__ import annotations

from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.exchange.encryption import parse_recipient
from desktop.exchange.keys import (
    PublicKeyInfo,
    generate_office_key,
    office_key_files_exist,
    parse_public_key,
    read_public_key_file,
    write_public_key_file,
)
from desktop.storage.trust_store import AgeRecipient, TrustedKey


def office_key(store) -> PublicKeyInfo | None:
    """The office's own public key as this install recorded it, or None before one was made."""
    record = store.trust.office_key()
    return parse_public_key(record.public_key) if record else None


def create_office_key(store, passphrase: str, *, replace: bool = False) -> PublicKeyInfo:
    """Makes the office signing key (secret key encrypted with the passphrase) and records it.

    Refused when a key exists, unless `replace` (the old files are archived under keys/archive/;
    partners must then be given the new public key).
    """
    installation = store.require_installation()
    if not replace and (store.trust.office_key() is not None or office_key_files_exist(store.data_dir)):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Keys",
                "Kunci kantor sudah ada. Untuk menggantinya gunakan --replace; kunci lama diarsipkan dan mitra perlu kunci publik yang baru.",
            )
        )
    label = f"{installation.office.name}, {installation.district_name}"
    info = generate_office_key(store.data_dir, passphrase, replace=replace, label=label)
    store.trust.record_office_key(info.key_id, info.public_key, info.fingerprint)
    return info


def export_public_key(store, out: Path) -> PublicKeyInfo:
    """Writes the office's public key (minisign .pub) to `out`, atomically."""
    from desktop.exchange.keys import no_office_key

    info = office_key(store)
    if info is None:
        raise no_office_key()
    installation = store.require_installation()
    write_public_key_file(info, out, f"{installation.office.name}, {installation.district_name}")
    return info


def read_key_file(path: Path) -> PublicKeyInfo:
    """A partner's public key file, to show its fingerprint before trusting it."""
    return read_public_key_file(path)


def trust_key(store, key: PublicKeyInfo, name: str, role: str, office_id: str | None = None) -> TrustedKey:
    """Trusts a partner's key (call only after the user confirmed its fingerprint); audited."""
    return store.trust.add_key(key.key_id, key.public_key, key.fingerprint, name, role, office_id)


def untrust_key(store, fingerprint_or_key_id: str) -> TrustedKey:
    """Stops trusting a key, given its fingerprint (any dashes, any case) or key id; audited."""
    from desktop.exchange.keys import normalize_fingerprint

    return store.trust.remove_key(normalize_fingerprint(fingerprint_or_key_id))


def add_recipient(store, recipient: str, name: str) -> AgeRecipient:
    """Adds an age recipient (the province's age1… key) for encrypted bundles; audited."""
    parse_recipient(recipient)
    return store.trust.add_recipient(recipient.strip(), name)


def remove_recipient(store, recipient_or_name: str) -> AgeRecipient:
    """Removes an age recipient; audited."""
    return store.trust.remove_recipient(recipient_or_name)
