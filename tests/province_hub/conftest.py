"""Fixtures of the hub tests: the bundle tests' world (an office with a signed bundle B1), and one real hub
per backend and test process with two offices registered, shared by every test (each sends bundles
under fresh UUIDs, so tests never see each other's)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from desktop.exchange.keys import OfficeSigner
from tests.exchange.conftest import World, stranger_signer, world  # noqa: F401 (the session's bundle world)
from tests.province_hub.helpers import Hub, database_url, fresh_bundle, make_hub

BACKENDS = ["sqlite", "postgresql"]


@dataclass
class Setup:
    """A running hub and what the tests send to it."""

    hub: Hub
    world: World
    folder: Path
    office_a: str  # the world's office (its key signed B1)
    token_a: str
    office_b: str  # another office, with a key of its own
    token_b: str
    signer_b: OfficeSigner

    def http(self) -> httpx.Client:
        return httpx.Client(base_url=self.hub.url, timeout=30)

    def bundle(self, signer: OfficeSigner | None = None, office_id: str | None = None) -> Path:
        """A new signed bundle (a fresh UUID) of office A, signed by A's key unless told otherwise."""
        out = self.folder / f"{uuid.uuid4()}.spmb"
        return fresh_bundle(self.world.bundle, out, signer or self.world.signer, office_id=office_id)


def start_setup(bundles_world: World, folder: Path, database: str | None, *args: str) -> Setup:
    """Initialises and starts a hub, and registers offices A and B."""
    hub = make_hub(folder, database, *args)
    hub.start()
    key_a = bundles_world.public_key.read_text()
    token_a = hub.register(bundles_world.office_id, "Dinas Kesehatan", key_a)
    signer_b = stranger_signer()
    office_b = str(uuid.uuid4())
    token_b = hub.register(office_b, "Dinas Pendidikan", signer_b.public.file_text())
    bundles = folder / "bundles"
    bundles.mkdir()
    return Setup(hub, bundles_world, bundles, bundles_world.office_id, token_a, office_b, token_b, signer_b)


def _session_setup(backend: str, bundles_world: World, factory):
    with database_url(backend) as database:
        found = start_setup(bundles_world, factory.mktemp(f"hub-{backend}"), database, "--rate-limit", "60/s")
        yield found
        found.hub.stop()
        found.signer_b.close()


@pytest.fixture(scope="session")
def sqlite_setup(world, tmp_path_factory):  # noqa: F811 (world is the imported fixture)
    """The SQLite hub of this test process."""
    yield from _session_setup("sqlite", world, tmp_path_factory)


@pytest.fixture(scope="session")
def postgresql_setup(world, tmp_path_factory):  # noqa: F811
    """The PostgreSQL hub of this test process."""
    yield from _session_setup("postgresql", world, tmp_path_factory)


# Every test runs on both backends; a test process starts each backend's hub once, on first use
# (rate limit 60 requests a second per client), and every test shares it.
@pytest.fixture(params=BACKENDS)
def setup(request) -> Setup:
    """The running hub of the test's backend."""
    return request.getfixturevalue(f"{request.param}_setup")
