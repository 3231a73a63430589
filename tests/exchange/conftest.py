"""The bundle tests' world, built once per test process: an office that exported a bundle, and a
district verifier that trusts the office's key. Tests work on copies of both data folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import minisign
import pytest

from desktop.exchange.export import export_bundle
from desktop.exchange.keys import OfficeSigner, PublicKeyInfo, parse_public_key, unlock_office_key
from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
from desktop.exchange.verify import Trust, TrustedSigner
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up
from tests.exchange.helpers import PASSPHRASE, copy_folder, fill
from tests.storage.helpers import pdf_bytes, png_bytes

DISTRICT_OFFICE = "Sekretariat Daerah - Bagian Pemerintahan"


@dataclass
class World:
    """Templates (closed data folders) and the keys of the bundle tests."""

    root: Path
    office_template: Path  # Dinas Kesehatan, figures and evidence, key made, bundle B1 exported
    district_template: Path  # the district verifier, trusting the office key
    bundle: Path  # B1
    public_key: Path
    office_id: str
    key: PublicKeyInfo
    signer: OfficeSigner  # the office key, unlocked (to forge re-signed bundles)
    stranger: OfficeSigner  # a key nobody trusts

    @property
    def bundle_bytes(self) -> bytes:
        return self.bundle.read_bytes()

    def trust(self, **limits) -> Trust:
        """Trust in the office key alone (what the district's trust store holds), with optional limits."""
        from desktop.exchange.container import ContainerLimits

        signer = TrustedSigner(self.key, "Dinas Kesehatan", "office", None, False, 1)
        return Trust((signer,), None, ContainerLimits(**limits) if limits else ContainerLimits())


def stranger_signer() -> OfficeSigner:
    """A fresh key pair, trusted by nobody."""
    pair = minisign.KeyPair.generate()
    return OfficeSigner(pair.secret_key, parse_public_key(pair.public_key.to_base64()))


@pytest.fixture(scope="session")
def world(tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("world")
    files = {"pdf": root / "berita-acara.pdf", "png": root / "foto.png"}
    files["pdf"].write_bytes(pdf_bytes("Berita acara pelayanan ibu hamil"))
    files["png"].write_bytes(png_bytes(8, 8, 200))
    office_dir = root / "office"
    with Store.open(office_dir) as office:
        set_up(office)
        fill(office, PERIOD, files)
        key = create_office_key(office, PASSPHRASE)
        export_public_key(office, root / "dinkes.pub")
        bundle = export_bundle(office, PERIOD, root / "b1.spmb", PASSPHRASE).path
        office_id = office.require_installation().office.id
    district_dir = root / "district"
    with Store.open(district_dir) as district:
        set_up(district, office=DISTRICT_OFFICE)
        trust_key(district, read_key_file(root / "dinkes.pub"), "Dinas Kesehatan", "office")
    signer = unlock_office_key(office_dir, PASSPHRASE)
    stranger = stranger_signer()
    yield World(root, office_dir, district_dir, bundle, root / "dinkes.pub", office_id, key, signer, stranger)
    signer.close()
    stranger.close()


@pytest.fixture
def district(world, tmp_path):
    """An open copy of the district verifier's data folder."""
    with Store.open(copy_folder(world.district_template, tmp_path / "district")) as store:
        yield store


@pytest.fixture
def office(world, tmp_path):
    """An open copy of the office's data folder (B1 already exported from it)."""
    with Store.open(copy_folder(world.office_template, tmp_path / "office")) as store:
        yield store
