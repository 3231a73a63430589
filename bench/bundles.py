"""Bundles with 500 MB of evidence: export, and verify + import, as ratios to `zip -0` + `sha256sum`
over the same files in the same run; and the peak memory of each, which must not grow with the evidence.

    python -m bench.bundles           # 500 MB of evidence (goal: each <= 1.5x the baseline, < 200 MB peak)
    python -m bench.bundles --big     # 2 GB as well, to show the peak memory stays where it was

The evidence is incompressible (random bytes behind a PDF header, 25 MB a file) and kept in
bench/out/bundle-evidence/ between runs. Export and import each run in a fresh child process (their
time is measured inside the child, around the call; peak memory comes from os.wait4). The baseline
is what any tool must do at least: `zip -0 -q` (read and write every byte) plus `sha256sum` (read and
hash every byte). Ours also syncs the bundle to the disk and reads it back from the device before
saying it is done, hashes every file twice, and writes every imported file into the evidence store
(synced), so these ratios are an upper bound on the overhead of the format itself.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, report

FILE_MB = 25
PASSPHRASE = "frasa sandi benchmark"
EXPORT = """
import sys, time
from pathlib import Path
from desktop.domain.periods import Period
from desktop.exchange.export import export_bundle
from desktop.storage.store import Store
with Store.open(sys.argv[1]) as store:
    start = time.perf_counter()
    result = export_bundle(store, Period(2024, 3), Path(sys.argv[2]), sys.argv[3])
    print(time.perf_counter() - start, result.file_size)
"""
IMPORT = """
import sys, time
from pathlib import Path
from desktop.exchange.import_bundle import apply_import, plan_import
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.store import Store
with Store.open(sys.argv[1]) as store:
    start = time.perf_counter()
    with verify_bundle(Path(sys.argv[2]), trust_of_store(store)) as verified:
        result = apply_import(store, plan_import(store, verified))
    print(time.perf_counter() - start, result.evidence_files_copied)
"""


def evidence_files(total_mb: int) -> list[Path]:
    """Incompressible PDFs of FILE_MB each, made once and kept in bench/out/."""
    folder = OUT / "bundle-evidence"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(total_mb // FILE_MB):
        path = folder / f"scan-{number:03d}.pdf"
        size = FILE_MB * 1024 * 1024
        if not path.exists() or path.stat().st_size != size:
            head = b"%PDF-1.4\n%"
            tail = b"\n%%EOF\n"
            with path.open("wb") as handle:
                handle.write(head)
                left = size - len(head) - len(tail)
                while left:
                    chunk = os.urandom(min(left, 1024 * 1024))
                    handle.write(chunk)
                    left -= len(chunk)
                handle.write(tail)
        files.append(path)
    return files


def build(folder: Path, files: list[Path]) -> tuple[Path, Path]:
    """An office folder (key, figures, the files attached across its services) and a district trusting it."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.periods import Period
    from desktop.domain.regions import shipped_regions
    from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
    from desktop.storage.reports import CellEdit, ReportKey
    from desktop.storage.store import Store

    catalog = load_catalog()
    office_dir, district_dir = folder / "office", folder / "district"
    period = Period(2024, 3)
    with Store.open(office_dir) as office:
        office.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code="64.11",
            office_name="Dinas Kesehatan",
            operator_name="Benchmark",
            services=[s.code for s in catalog.services_for(["1.02"])],
        )
        installation = office.require_installation()
        services = list(installation.office.services)
        areas = [a.code for a in office.areas.reporting_areas("kecamatan")]
        for code in services:
            key = ReportKey(installation.office.id, code, period)
            office.reports.set_values(key, [CellEdit(a, "target", 100 + i) for i, a in enumerate(areas)])
        for number, path in enumerate(files):
            key = ReportKey(installation.office.id, services[number % len(services)], period)
            office.evidence.add(key, areas[number % len(areas)], [path])
        create_office_key(office, PASSPHRASE)
        export_public_key(office, folder / "office.pub")
    with Store.open(district_dir) as district:
        district.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code="64.11",
            office_name="Sekretariat Daerah",
            operator_name="Benchmark",
        )
        trust_key(district, read_key_file(folder / "office.pub"), "Dinas Kesehatan", "office")
    return office_dir, district_dir


def child(script: str, *args: str) -> tuple[float, float, str]:
    """Runs a Python child; returns the time it printed, its peak memory (MB) and the rest it printed."""
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    out, err = process.stdout.read(), process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({process.returncode}):\n{err}")
    seconds, rest = out.split(maxsplit=1)
    return float(seconds), usage.ru_maxrss / 1024, rest.strip()


def baseline(files: list[Path], folder: Path) -> float:
    """`zip -0 -q` plus `sha256sum` over the same files, in seconds."""
    target = folder / "baseline.zip"
    start = time.perf_counter()
    subprocess.run(["zip", "-0", "-q", "-j", str(target), *map(str, files)], check=True)
    subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    target.unlink()
    return elapsed


def measure(total_mb: int) -> dict:
    files = evidence_files(total_mb)
    with tempfile.TemporaryDirectory(prefix="spm-bench-bundles-", dir=Path(__file__).parent) as tmp:
        folder = Path(tmp)
        # Built in a child of its own: a child's peak memory counts its parent's at the fork, so the
        # parent stays small (it imports nothing of the app).
        subprocess.run(
            [sys.executable, "-m", "bench.bundles", "--build", str(folder), *map(str, files)],
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        office_dir, district_dir = folder / "office", folder / "district"
        subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)  # warm the cache
        bases = [baseline(files, folder)]
        export_seconds, export_mb, _ = child(EXPORT, str(office_dir), str(folder / "b.spmb"), PASSPHRASE)
        bases.append(baseline(files, folder))
        import_seconds, import_mb, copied = child(IMPORT, str(district_dir), str(folder / "b.spmb"))
        bases.append(baseline(files, folder))
        assert int(copied) == len(files), copied
    base = statistics.median(bases)
    return {
        "evidence_mb": total_mb,
        "files": len(files),
        "baseline_s": base,
        "export_s": export_seconds,
        "import_s": import_seconds,
        "export_peak_mb": round(export_mb, 1),
        "import_peak_mb": round(import_mb, 1),
    }


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        build(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
        return
    sizes = [500, 2000] if "--big" in sys.argv[1:] else [500]
    runs = {size: measure(size) for size in sizes}
    first = runs[500]
    peaks = {f"peak_rss_mb_{size}": max(r["export_peak_mb"], r["import_peak_mb"]) for size, r in runs.items()}
    common = {
        "evidence": f"{first['files']} files of {FILE_MB} MB, incompressible",
        **peaks,
        "peak_goal_mb": "< 200",
    }
    report(
        "bundle_export",
        first["export_s"],
        first["baseline_s"],
        "s",
        "<= 1.5x",
        {"peak_rss_mb": first["export_peak_mb"], **common},
    )
    report(
        "bundle_verify_import",
        first["import_s"],
        first["baseline_s"],
        "s",
        "<= 1.5x",
        {"peak_rss_mb": first["import_peak_mb"], **common},
    )
    if 2000 in runs:
        big = runs[2000]
        report(
            "bundle_export_2gb",
            big["export_s"],
            big["baseline_s"],
            "s",
            "<= 1.5x",
            {"peak_rss_mb": big["export_peak_mb"]},
        )
        report(
            "bundle_verify_import_2gb",
            big["import_s"],
            big["baseline_s"],
            "s",
            "<= 1.5x",
            {"peak_rss_mb": big["import_peak_mb"]},
        )


if __name__ == "__main__":
    sys.exit(main())
