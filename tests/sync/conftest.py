"""Fixtures of the sync tests: a copy of the office per test, and a real hub per test (SQLite here;
the round trip runs on PostgreSQL too)."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from tests.province_hub.helpers import database_url, make_hub
from tests.sync.helpers import Office, make_office


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> Office:
    return make_office(tmp_path_factory.mktemp("sync-office"))


@pytest.fixture
def office(office_template, tmp_path) -> Office:
    """A fresh copy of the office's data folder (its bundle and key files are shared, read-only)."""
    folder = shutil.copytree(office_template.data_dir, tmp_path / "office")
    return replace(office_template, data_dir=folder)


@pytest.fixture
def hub(tmp_path):
    """A fresh hub on SQLite, started; killed at the end."""
    server = make_hub(tmp_path / "hub", None)
    server.start()
    yield server
    server.kill()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_hub(request, tmp_path):
    """A fresh hub on each backend."""
    with database_url(request.param) as url:
        server = make_hub(tmp_path / "hub", url)
        server.start()
        yield server
        server.kill()
