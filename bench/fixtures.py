"""Data sets for the benchmarks, built through the store's own API (so the audit log grows as in use)."""

from __future__ import annotations

import random
from pathlib import Path

from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.regions import shipped_regions
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store

# Kabupaten Bogor: 40 kecamatan, among the largest districts, so the figure is not flattered.
DISTRICT = "32.01"
COORDINATOR = "Sekretariat Daerah - Bagian Pemerintahan (koordinator SPM)"


def ten_year_store(folder: Path, district: str = DISTRICT, last_year: int = 2025, years: int = 10) -> Path:
    """A data folder holding `years` years of figures for every service and kecamatan of a district."""
    rng = random.Random(2024)
    catalog = load_catalog()
    store = Store.open(folder)
    try:
        store.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code=district,
            office_name=COORDINATOR,
            operator_name="Benchmark",
            services=None,
        )
        office = store.require_installation().office
        areas = [a.code for a in store.areas.reporting_areas(office.area_level)]
        for year in range(last_year - years + 1, last_year + 1):
            for quarter in range(1, 5):
                for service in catalog.services:
                    edits = []
                    for area in areas[:-1]:  # the kabupaten-wide row stays empty, as it mostly does
                        target = rng.randint(50, 5000)
                        served = min(target, int(target * quarter / 4 * rng.uniform(0.5, 1.1)))
                        required = rng.randint(3, 12)
                        edits += [
                            CellEdit(area, "target", target),
                            CellEdit(area, "served", served),
                            CellEdit(area, "quality_required", required),
                            CellEdit(area, "quality_met", rng.randint(0, required)),
                            CellEdit(area, "budget", rng.randint(10, 500) * 1_000_000),
                            CellEdit(area, "spent", rng.randint(0, 10) * 1_000_000),
                        ]
                    store.reports.set_values(ReportKey(office.id, service.code, Period(year, quarter)), edits)
    finally:
        store.close()
    return folder
