"""Shared fixtures: a fresh real data folder per test, set up like a Mahakam Ulu health office."""

from __future__ import annotations

import os

# Before any Qt import: tests need no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SPM_LURING_DATA_DIR", None)

import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.regions import shipped_regions
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store

DISTRICT = "64.11"  # Kabupaten Mahakam Ulu
KECAMATAN = ("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05")
OPERATOR_NIP = "198501012010011001"
PERIOD = Period(2024, 3)


def set_up(store: Store, office: str = "Dinas Kesehatan", services: list[str] | None = None, area_level="kecamatan"):
    """Runs the first-run set-up on a store, as an operator would."""
    catalog = load_catalog()
    if services is None:
        services = [s.code for s in catalog.services_for(["1.02"])] if office == "Dinas Kesehatan" else None
    return store.installation_repo.initialize(
        catalog=catalog,
        regions=shipped_regions(),
        district_code=DISTRICT,
        office_name=office,
        operator_name="Yohanes Ding",
        operator_nip=OPERATOR_NIP,
        services=services,
        area_level=area_level,
    )


@pytest.fixture
def data_dir(tmp_path):
    """An empty data folder on disk."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir):
    """An open store, set up for Dinas Kesehatan of Kabupaten Mahakam Ulu."""
    opened = Store.open(data_dir)
    set_up(opened)
    yield opened
    opened.close()


@pytest.fixture
def key(store):
    """The key of the ibu hamil (1.02.01) report of Triwulan III 2024."""
    return ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
