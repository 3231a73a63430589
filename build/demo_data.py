"""A realistic data folder for screenshots and demonstrations: Dinas Kesehatan of Mahakam Ulu, Q1-Q3 2024.

The figures are invented but plausible (small, remote kecamatan; cumulative through the year).
"""

from __future__ import annotations

import random
from pathlib import Path

from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.regions import shipped_regions
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store

# Yearly targets per kecamatan for a few health services (Long Bagun is the largest).
TARGETS = {
    "1.02.01": (212, 168, 41, 63, 88),  # ibu hamil
    "1.02.02": (203, 160, 39, 60, 84),  # ibu bersalin
    "1.02.03": (201, 158, 38, 59, 83),  # bayi baru lahir
    "1.02.04": (1010, 795, 190, 301, 420),  # balita
    "1.02.05": (640, 512, 118, 187, 262),  # usia pendidikan dasar
    "1.02.06": (6900, 5400, 1300, 2050, 2860),  # usia produktif
    "1.02.07": (1120, 880, 210, 330, 460),  # usia lanjut
    "1.02.08": (1450, 1140, 270, 428, 598),  # hipertensi
    "1.02.11": (160, 126, 30, 47, 66),  # terduga TB
}
SHARE_BY_QUARTER = {1: 0.22, 2: 0.45, 3: 0.68}


def demo_store(folder: Path) -> Path:
    """Creates the demo data folder (it must not exist yet)."""
    rng = random.Random(6411)
    store = Store.open(folder)
    try:
        catalog = load_catalog()
        store.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code="64.11",
            office_name="Dinas Kesehatan",
            operator_name="Maria Hawing",
            operator_nip="198703152010012003",
            services=[s.code for s in catalog.services_for(["1.02"])],
        )
        office = store.require_installation().office
        kecamatan = [a.code for a in store.areas.list(3)]
        for quarter, share in SHARE_BY_QUARTER.items():
            for service, targets in TARGETS.items():
                edits = []
                for area, target in zip(kecamatan, targets, strict=True):
                    reach = 0.55 if area == "64.11.04" else 0.95  # Long Apari: far upriver, hard to reach
                    served = int(target * share * reach * rng.uniform(0.9, 1.1))
                    edits += [
                        CellEdit(area, "target", target),
                        CellEdit(area, "served", served),
                        CellEdit(area, "quality_required", 12),
                        CellEdit(area, "quality_met", rng.randint(6, 11)),
                        CellEdit(area, "budget", rng.randint(80, 260) * 1_000_000),
                        CellEdit(area, "spent", int(rng.randint(80, 260) * 1_000_000 * share * 0.8)),
                    ]
                    if area == "64.11.04":
                        edits += [
                            CellEdit(area, "problems", "Akses sungai terputus saat kemarau; tenaga kesehatan terbatas"),
                            CellEdit(area, "follow_up", "Pelayanan keliling bersama puskesmas terapung"),
                        ]
                key = ReportKey(office.id, service, Period(2024, quarter))
                store.reports.set_values(key, edits)
    finally:
        store.close()
    return folder
