"""The trust store: partners' keys and age recipients, added and removed, every change audited."""

from __future__ import annotations

import pyrage
import pytest

from desktop.domain.messages import UserError
from desktop.exchange.trust import (
    add_recipient,
    create_office_key,
    read_key_file,
    remove_recipient,
    trust_key,
    untrust_key,
)
from desktop.exchange.verify import trust_of_store
from tests.exchange.helpers import PASSPHRASE


def test_a_key_is_added_listed_and_removed_with_each_step_audited(store, world):
    key = read_key_file(world.public_key)
    added = trust_key(store, key, "  Dinas   Kesehatan ", "office")
    assert (added.name, added.role, added.fingerprint, added.key_id) == (
        "Dinas Kesehatan",
        "office",
        key.fingerprint,
        key.key_id,
    )
    assert added.added_by.startswith("Yohanes Ding") and added.removed_at is None
    assert [k.fingerprint for k in store.trust.trusted_keys()] == [key.fingerprint]
    assert [s.key.fingerprint for s in trust_of_store(store).signers] == [key.fingerprint]

    removed = untrust_key(store, key.fingerprint.lower().replace("-", ""))
    assert removed.removed_at is not None
    assert store.trust.trusted_keys() == []
    assert len(store.trust.trusted_keys(include_removed=True)) == 1
    actions = [e.action for e in store.audit.entries(subject_prefix=f"key/{key.fingerprint}")]
    assert actions == ["trust.remove", "trust.add"]
    assert store.audit.verify().ok
    # Trusted again later: a new row, the old one stays for the record.
    trust_key(store, key, "Dinas Kesehatan", "office")
    assert len(store.trust.trusted_keys(include_removed=True)) == 2


def test_a_key_is_removed_by_its_key_id_too(store, world):
    key = read_key_file(world.public_key)
    trust_key(store, key, "Dinas Kesehatan", "office")
    assert untrust_key(store, key.key_id.lower()).fingerprint == key.fingerprint


def test_duplicates_and_unknown_roles_are_refused(store, world):
    key = read_key_file(world.public_key)
    trust_key(store, key, "Dinas Kesehatan", "office")
    with pytest.raises(UserError, match="sudah dipercaya"):
        trust_key(store, key, "Lagi", "office")
    with pytest.raises(UserError, match="tidak dikenal"):
        store.trust.add_key("1" * 16, "x", "AAAA-BBBB-CCCC-DDDD-EEEE", "X", "camat")
    with pytest.raises(UserError, match="Nama pemilik kunci wajib diisi"):
        store.trust.add_key("1" * 16, "x", "AAAA-BBBB-CCCC-DDDD-EEEE", "   ", "office")
    # Another key claiming the same (self-chosen) key id is refused, not confused with the trusted one.
    with pytest.raises(UserError, match="Kunci lain dengan ID"):
        store.trust.add_key(key.key_id, "lain", "AAAA-BBBB-CCCC-DDDD-EEEE", "Penyamar", "office")
    with pytest.raises(UserError, match="Tidak ada kunci dipercaya"):
        untrust_key(store, "0000-0000-0000-0000-0000")
    assert len(store.trust.trusted_keys()) == 1


def test_the_office_cannot_add_its_own_key_it_is_trusted_already(store, tmp_path):
    from desktop.exchange.trust import export_public_key

    create_office_key(store, PASSPHRASE)
    own = export_public_key(store, tmp_path / "own.pub")
    with pytest.raises(UserError, match="kunci kantor ini sendiri"):
        trust_key(store, read_key_file(tmp_path / "own.pub"), "Saya", "office")
    (signer,) = trust_of_store(store).signers
    assert signer.own and signer.key == own and signer.office_id == store.require_installation().office.id


def test_age_recipients_are_checked_added_listed_and_removed(store):
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    added = add_recipient(store, recipient, "Biro Pemerintahan Provinsi")
    assert [r.recipient for r in store.trust.recipients()] == [recipient]
    with pytest.raises(UserError, match="sudah terdaftar"):
        add_recipient(store, recipient, "Lagi")
    with pytest.raises(UserError, match="bukan penerima age"):
        add_recipient(store, "age1bukan", "Rusak")
    with pytest.raises(UserError, match="bukan penerima age"):
        add_recipient(store, "ssh-ed25519 AAAA", "Bukan age")
    assert remove_recipient(store, "Biro Pemerintahan Provinsi").id == added.id
    assert store.trust.recipients() == []
    with pytest.raises(UserError, match="Tidak ada penerima"):
        remove_recipient(store, recipient)
    actions = [e.action for e in store.audit.entries(subject_prefix="recipient/")]
    assert actions == ["recipient.remove", "recipient.add"]
    assert store.audit.verify().ok
