"""Encrypted bundles (.spmb.age): Debian's age opens them; import takes them with the identity."""

from __future__ import annotations

import hashlib
import subprocess

import pyrage
import pytest

from desktop.domain.messages import UserError
from desktop.exchange.bundle_writer import OUTGOING_DIR
from desktop.exchange.errors import BundleError
from desktop.exchange.export import export_bundle
from desktop.exchange.import_bundle import apply_import, plan_import
from desktop.exchange.trust import add_recipient
from desktop.exchange.verify import trust_of_store, verify_bundle
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE


@pytest.fixture
def province(tmp_path):
    """The province's age identity (written as age-keygen would) and its recipient."""
    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "provinsi.txt"
    path.write_text(f"# created: 2024-10-01\n# public key: {identity.to_public()}\n{identity}\n")
    return path, str(identity.to_public())


def test_an_encrypted_bundle_opens_with_debian_age_and_is_the_verified_bundle(office, province, tmp_path):
    identity, recipient = province
    usb = tmp_path / "usb"
    usb.mkdir()
    result = export_bundle(office, PERIOD, usb / "laporan.spmb", PASSPHRASE, encrypt_to=[recipient])
    assert result.path == usb / "laporan.spmb.age" and result.encrypted
    assert sorted(p.name for p in usb.iterdir()) == ["laporan.spmb.age"]  # no plaintext on the stick
    assert list((office.data_dir / OUTGOING_DIR).iterdir()) == []  # nor left in the data folder
    assert result.encrypted_sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    done = subprocess.run(
        ["age", "-d", "-i", str(identity), "-o", str(tmp_path / "plain.spmb"), str(result.path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    plain = (tmp_path / "plain.spmb").read_bytes()
    assert hashlib.sha256(plain).hexdigest() == result.file_sha256  # exactly the bundle that was verified
    (record,) = [b for b in office.bundles.list() if b.bundle_id == result.bundle_id]
    assert record.encrypted and record.file_name == "laporan.spmb.age"


def test_an_encrypted_bundle_is_verified_and_imported_with_the_identity(office, district, province, tmp_path):
    identity, recipient = province
    add_recipient(office, recipient, "Biro Pemerintahan Provinsi")
    result = export_bundle(office, PERIOD, tmp_path / "b.spmb.age", PASSPHRASE, encrypt_to=["  " + recipient])
    trust = trust_of_store(district)
    work = district.data_dir / "incoming"
    with pytest.raises(BundleError) as missing:
        verify_bundle(result.path, trust, work_dir=work)
    assert missing.value.code == "decrypt.needs_identity"
    other = tmp_path / "other.txt"
    other.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    with pytest.raises(BundleError) as wrong:
        verify_bundle(result.path, trust, identity=other, work_dir=work)
    assert wrong.value.code == "decrypt.wrong_identity"
    assert list(work.iterdir()) == []  # the partial plaintext is gone
    with verify_bundle(result.path, trust, identity=identity, work_dir=work) as verified:
        assert verified.encrypted and verified.bundle_id == result.bundle_id
        assert verified.path.parent == work
        imported = apply_import(district, plan_import(district, verified))
    assert imported.added == 2 and imported.evidence_files_copied == 2
    assert list(work.iterdir()) == []  # the decrypted copy is removed once the import is done
    (record,) = district.bundles.list()
    assert record.encrypted and record.file_sha256 == result.file_sha256


def test_a_damaged_encrypted_bundle_is_refused(office, province, tmp_path):
    identity, recipient = province
    result = export_bundle(office, PERIOD, tmp_path / "b.spmb", PASSPHRASE, encrypt_to=[recipient])
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    result.path.write_bytes(bytes(data))
    with pytest.raises(BundleError) as refused:
        verify_bundle(result.path, trust_of_store(office), identity=identity, work_dir=tmp_path / "work")
    assert refused.value.stage == "decrypt"
    assert list((tmp_path / "work").iterdir()) == []
    result.path.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(BundleError) as truncated:
        verify_bundle(result.path, trust_of_store(office), identity=identity, work_dir=tmp_path / "work")
    assert truncated.value.stage == "decrypt"


def test_a_bad_recipient_or_identity_file_is_a_clear_error(office, tmp_path):
    with pytest.raises(UserError, match="bukan penerima age"):
        export_bundle(office, PERIOD, tmp_path / "b.spmb", PASSPHRASE, encrypt_to=["age1salah"])
    assert list(tmp_path.glob("b.spmb*")) == []
    (tmp_path / "id.txt").write_text("# kosong\n")
    from desktop.exchange.encryption import read_identities

    with pytest.raises(UserError, match="bukan berkas kunci age"):
        read_identities(tmp_path / "id.txt")
