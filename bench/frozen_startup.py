"""Start-up of the frozen build (make dist) to an interactive window, as a ratio to start-up from the
source in the same run (goal: at most 1.5x).

Both are fresh processes on the same ten-year data set that quit as soon as the window is shown and
the event loop is idle (SPM_LURING_QUIT_WHEN_READY=1), alternated so that neither gets a warmer cache.
The source start runs from compiled bytecode, as installed. Needs `make dist` first.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import report
from bench.fixtures import ten_year_store
from bench.startup import timed_run

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "spm-luring" / ("spm-luring.exe" if os.name == "nt" else "spm-luring")


def main() -> int:
    """Builds the data set, then alternates source and frozen start-ups."""
    if not FROZEN.is_file():
        print(f"frozen_startup: no frozen build at {FROZEN}; run `make dist` first", file=sys.stderr)
        return 1
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["SPM_LURING_QUIT_WHEN_READY"] = "1"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop")], check=True)
    with tempfile.TemporaryDirectory(prefix="spm-bench-", dir=Path(__file__).parent) as tmp:
        data = ten_year_store(Path(tmp) / "data")
        source_args = [sys.executable, "-m", "desktop", "--data-dir", str(data), "gui"]
        frozen_args = [str(FROZEN), "--data-dir", str(data), "gui"]
        timed_run(source_args, env)  # warm the page cache for both
        timed_run(frozen_args, env)
        source, frozen, source_mem, frozen_mem = [], [], [], []
        for _ in range(RUNS):
            seconds, memory = timed_run(source_args, env)
            source.append(seconds)
            source_mem.append(memory)
            seconds, memory = timed_run(frozen_args, env)
            frozen.append(seconds)
            frozen_mem.append(memory)
    size = sum(p.stat().st_size for p in FROZEN.parent.rglob("*") if p.is_file() and not p.is_symlink())
    report(
        "frozen_startup",
        statistics.median(frozen),
        statistics.median(source),
        "s",
        "<= 1.5x",
        {
            "runs": RUNS,
            "peak_rss_mb": round(max(frozen_mem), 1),
            "source_peak_rss_mb": round(max(source_mem), 1),
            "build_mb": round(size / 1024 / 1024, 1),
            "data": "10 years x 4 quarters x 29 services x 40 kecamatan (Kabupaten Bogor)",
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
