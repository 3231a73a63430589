"""Excel import of a 100,000-row sheet, as a ratio to a bare calamine read of the same file.

The sheet is a plain one a user might make (Kode wilayah, Nama wilayah, the figures, two texts),
written by openpyxl as pandas would. No real district has 100,000 areas (Indonesia has 83,762 desa
and kelurahan in all), so the data folder is set up for Kabupaten Mahakam Ulu with its areas replaced
by 50 kecamatan of 2,000 desa each; every row is then valid and new.

- baseline: CalamineWorkbook.from_path(…).get_sheet_by_index(0).to_python()
- import:   open_workbook + build_plan: the container checks, the byte scan of the sheet (limits,
            formulas, merged cells), calamine, and the grid's checks of every cell and row — all that
            runs on the worker thread. The database snapshot (GUI thread) and the apply (one audited
            transaction, ~700,000 audit rows here) are timed apart and reported as extras.

Each side runs in its own fresh process (five times, alternating; medians), so its peak memory is
its own. The ratio is of wall time, as the other benchmarks; the ratio of CPU time is printed too, as
it holds still on a machine shared with other work.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

from bench.common import report, run_python
from desktop.reports.excel_common import TEMPLATE_COLUMNS

ROWS = 100_000
KECAMATAN = 50
SERVICE = "1.02.01"
REPEAT = 5

# The template's own columns: the plain sheet a user makes carries the same headers.
HEADERS = [c.header for c in TEMPLATE_COLUMNS]


def area_codes() -> list[tuple[str, str]]:
    """(code, name) of the synthetic desa: 64.11.01.1001 …"""
    per = ROWS // KECAMATAN
    return [
        (f"64.11.{k:02d}.{1001 + i}", f"Desa Uji {k:02d}-{i:04d}") for k in range(1, KECAMATAN + 1) for i in range(per)
    ]


def build_store(folder: Path) -> None:
    """A data folder for Mahakam Ulu's Dinas Kesehatan, per desa, with the synthetic areas."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.region_codes import Region
    from desktop.domain.regions import shipped_regions
    from desktop.storage.store import Store

    store = Store.open(folder)
    try:
        store.installation_repo.initialize(
            catalog=load_catalog(),
            regions=shipped_regions(),
            district_code="64.11",
            office_name="Dinas Kesehatan",
            operator_name="Benchmark",
            services=[SERVICE],
            area_level="desa",
        )
        district = Region("64.11", "Kabupaten Mahakam Ulu")
        kecamatan = [Region(f"64.11.{k:02d}", f"Kecamatan Uji {k:02d}") for k in range(1, KECAMATAN + 1)]
        desa = [Region(code, name) for code, name in area_codes()]
        with store.database.write() as conn:
            store.areas.replace(conn, district, [*kecamatan, *desa])
    finally:
        store.close()


def build_sheet(path: Path) -> None:
    """The 100,000-row plain sheet."""
    from openpyxl import Workbook

    rng = random.Random(2024)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Capaian")
    sheet.append(HEADERS)
    for code, name in area_codes():
        target = rng.randint(50, 5000)
        required = rng.randint(3, 12)
        sheet.append(
            [
                code,
                name,
                target,
                rng.randint(0, target),
                None,
                None,
                required,
                rng.randint(0, required),
                rng.randint(10, 500) * 1_000_000,
                rng.randint(0, 10) * 1_000_000,
                "Akses jalan terputus saat banjir" if rng.random() < 0.1 else None,
                None,
            ]
        )
    workbook.save(path)


BASELINE = """
import json, resource, time
from python_calamine import CalamineWorkbook
start, cpu = time.perf_counter(), time.process_time()
rows = CalamineWorkbook.from_path({path!r}).get_sheet_by_index(0).to_python()
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
assert len(rows) == {rows} + 1
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

IMPORT = """
import json, resource, time
from desktop.domain.periods import Period
from desktop.reports.excel_import import apply_plan, build_plan, import_context, open_workbook, target_of
from desktop.storage.store import Store
store = Store.open({folder!r})
office = store.require_installation().office
start, cpu = time.perf_counter(), time.process_time()
source = open_workbook({path!r})
target = target_of(source, office, service={service!r}, period=Period(2024, 3))
snapshot_start, snapshot_cpu = time.perf_counter(), time.process_time()
context = import_context(store, target)
snapshot, snapshot_cpu = time.perf_counter() - snapshot_start, time.process_time() - snapshot_cpu
plan = build_plan(source, target, context)
elapsed = time.perf_counter() - start - snapshot
cpu = time.process_time() - cpu - snapshot_cpu
assert plan.ok and plan.cells_changed >= {rows} * 6, (plan.problems[:3], plan.cells_changed)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
apply = None
if {apply!r}:
    apply_start = time.perf_counter()
    apply_plan(store, plan)
    apply = time.perf_counter() - apply_start
store.close()
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "snapshot": snapshot, "peak_mb": peak, "apply": apply}}))
"""


def measure(code: str) -> dict:
    """Runs a child and returns what it printed."""
    _, out = run_python(code)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Builds the data, measures both sides alternately, prints the ratio."""
    with tempfile.TemporaryDirectory(prefix="spm-bench-", dir=Path(__file__).parent) as tmp:
        folder, sheet = Path(tmp) / "data", Path(tmp) / "capaian.xlsx"
        build_store(folder)
        build_sheet(sheet)
        base, ours = [], []
        for _ in range(REPEAT):
            base.append(measure(BASELINE.format(path=str(sheet), rows=ROWS)))
            ours.append(
                measure(IMPORT.format(folder=str(folder), path=str(sheet), service=SERVICE, rows=ROWS, apply=False))
            )
        applied = measure(IMPORT.format(folder=str(folder), path=str(sheet), service=SERVICE, rows=ROWS, apply=True))
    baseline = statistics.median(b["seconds"] for b in base)
    figure = statistics.median(o["seconds"] for o in ours)
    report(
        "excel_import",
        figure,
        baseline,
        "s",
        "<= 1.5x",
        {
            "rows": ROWS,
            "cpu_ratio": round(
                statistics.median(o["cpu"] for o in ours) / statistics.median(b["cpu"] for b in base), 3
            ),
            "peak_rss_mb": round(max(o["peak_mb"] for o in ours), 1),
            "baseline_peak_rss_mb": round(max(b["peak_mb"] for b in base), 1),
            "snapshot_s": round(statistics.median(o["snapshot"] for o in ours), 3),
            "apply_s": round(applied["apply"], 2),
        },
    )


if __name__ == "__main__":
    sys.exit(main())
