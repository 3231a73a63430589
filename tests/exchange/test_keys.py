"""The office signing key: minisign files Debian's minisign reads, a passphrase, a stable fingerprint."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess

import pytest

from desktop.domain.messages import UserError
from desktop.exchange.keys import (
    check_passphrase,
    fingerprint_of,
    normalize_fingerprint,
    office_key_paths,
    parse_public_key,
    read_passphrase_file,
    read_public_key_file,
    unlock_office_key,
)
from desktop.exchange.trust import create_office_key, export_public_key, office_key
from tests.exchange.helpers import PASSPHRASE


def test_a_key_is_made_encrypted_and_recorded_with_its_fingerprint(store, data_dir):
    info = create_office_key(store, PASSPHRASE)
    secret, public = office_key_paths(data_dir)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    lines = secret.read_text().splitlines()
    assert lines[0] == "untrusted comment: minisign encrypted secret key"
    assert public.read_text().startswith(f"untrusted comment: minisign public key {info.key_id}")
    assert read_public_key_file(public) == info
    # The fingerprint is derived from the key: 80 bits of SHA-256 over the raw Ed25519 key.
    assert info.fingerprint == fingerprint_of(info.raw)
    digits = hashlib.sha256(info.raw).hexdigest()[:20].upper()
    assert info.fingerprint == "-".join(digits[i : i + 4] for i in range(0, 20, 4))
    assert len(info.fingerprint) == 24 and info.fingerprint.count("-") == 4
    assert office_key(store) == info
    (entry,) = store.audit.entries(subject_prefix="key/office")
    assert (entry.action, entry.after) == ("key.create", {"key_id": info.key_id, "fingerprint": info.fingerprint})
    assert store.audit.verify().ok


def test_the_right_passphrase_unlocks_and_a_wrong_one_is_a_clear_error(store, data_dir):
    info = create_office_key(store, PASSPHRASE)
    with unlock_office_key(data_dir, PASSPHRASE, info) as signer:
        assert signer.public == info
    with pytest.raises(UserError, match=r"^Frasa sandi kunci kantor salah\.$"):
        unlock_office_key(data_dir, PASSPHRASE + "x", info)


def test_a_signature_made_with_our_key_verifies_with_debian_minisign(store, data_dir, tmp_path):
    info = create_office_key(store, PASSPHRASE)
    export_public_key(store, tmp_path / "kantor.pub")
    message = tmp_path / "pesan.txt"
    message.write_bytes(b"Laporan SPM triwulan III\n")
    with unlock_office_key(data_dir, PASSPHRASE, info) as signer:
        (tmp_path / "pesan.txt.minisig").write_bytes(signer.sign(message.read_bytes(), "uji tanda tangan"))
    done = subprocess.run(
        ["minisign", "-V", "-m", str(message), "-p", str(tmp_path / "kantor.pub")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Trusted comment: uji tanda tangan" in done.stdout
    # And a tampered message is refused by minisign too.
    message.write_bytes(b"Laporan SPM triwulan IV\n")
    refused = subprocess.run(
        ["minisign", "-V", "-m", str(message), "-p", str(tmp_path / "kantor.pub")], capture_output=True, check=False
    )
    assert refused.returncode != 0


def test_debian_minisign_signs_with_our_encrypted_secret_key_file(store, data_dir, tmp_path):
    create_office_key(store, PASSPHRASE)
    secret, public = office_key_paths(data_dir)
    message = tmp_path / "berkas.txt"
    message.write_text("isi\n")
    signed = subprocess.run(
        ["minisign", "-S", "-s", str(secret), "-m", str(message)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert signed.returncode == 0, signed.stderr
    verified = subprocess.run(
        ["minisign", "-V", "-m", str(message), "-p", str(public)], capture_output=True, check=False
    )
    assert verified.returncode == 0


def test_our_key_ids_read_as_debian_minisign_prints_them(tmp_path):
    subprocess.run(
        ["minisign", "-G", "-W", "-p", str(tmp_path / "k.pub"), "-s", str(tmp_path / "k.key")],
        check=True,
        capture_output=True,
    )
    comment, line = (tmp_path / "k.pub").read_text().splitlines()
    info = parse_public_key(line)
    # minisign prints the id as a number (no leading zeros); ours is always 16 digits.
    assert comment.startswith("untrusted comment: minisign public key ")
    assert comment.split()[-1].zfill(16) == info.key_id
    assert read_public_key_file(tmp_path / "k.pub") == info


def test_a_second_key_is_refused_unless_replaced_and_the_old_files_are_archived(store, data_dir):
    first = create_office_key(store, PASSPHRASE)
    with pytest.raises(UserError, match="sudah ada"):
        create_office_key(store, PASSPHRASE)
    second = create_office_key(store, "frasa sandi yang baru", replace=True)
    assert second.fingerprint != first.fingerprint
    assert office_key(store) == second
    archived = sorted(p.name for p in (data_dir / "keys" / "archive").iterdir())
    assert len(archived) == 2 and any(n.endswith(".key") for n in archived)
    assert [e.action for e in store.audit.entries(subject_prefix="key/office")] == ["key.replace", "key.create"]
    # The old passphrase no longer opens the office key, and files that are not the recorded key are refused.
    with pytest.raises(UserError, match="salah"):
        unlock_office_key(data_dir, PASSPHRASE, second)
    with pytest.raises(UserError, match="bukan kunci kantor yang tercatat"):
        unlock_office_key(data_dir, "frasa sandi yang baru", first)


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("pendek", "terlalu pendek"),
        ("x" * 1025, "terlalu panjang"),
        ("dengan\ttab di dalamnya", "karakter kendali"),
        ("        ", "hanya spasi"),
    ],
)
def test_passphrase_rules(store, passphrase, reason):
    with pytest.raises(UserError, match=reason):
        check_passphrase(passphrase)
    with pytest.raises(UserError, match=reason):
        create_office_key(store, passphrase)
    assert office_key(store) is None
    assert not (store.data_dir / "keys" / "office.key").exists()


def test_passphrase_files_give_their_first_line(tmp_path):
    (tmp_path / "p").write_bytes("\ufeffsandi rahasia é\r\nbaris kedua\n".encode())
    assert read_passphrase_file(tmp_path / "p") == "sandi rahasia é"
    with pytest.raises(UserError, match="tidak ditemukan"):
        read_passphrase_file(tmp_path / "nope")


@pytest.mark.parametrize(
    "content",
    [b"", b"bukan kunci\n", b"untrusted comment: x\nRWQ=\n", os.urandom(200), b"untrusted comment: a\nAAAA\nBBBB\n"],
)
def test_what_is_not_a_public_key_is_refused_clearly(tmp_path, content):
    (tmp_path / "k.pub").write_bytes(content)
    with pytest.raises(UserError, match="bukan kunci publik minisign"):
        read_public_key_file(tmp_path / "k.pub")


def test_fingerprints_are_read_back_however_they_are_typed():
    assert normalize_fingerprint("4f2a91c3 7b0d-e6a5:0c11") == "4F2A-91C3-7B0D-E6A5-0C11"
    assert normalize_fingerprint("0CF56FC2500EB610") == "0CF56FC2500EB610"  # a key id stays a key id
