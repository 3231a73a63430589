"""`python -m bench`: runs every benchmark, each in its own process, and prints their ratios."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    "bench.edit_latency",
    "bench.startup",
    "bench.frozen_startup",
    "bench.rekap_pdf",
    "bench.bundles",
    "bench.excel_import",
    "bench.upload_throughput",
    "bench.hub_ingest",
]


def main() -> int:
    """Runs the benchmarks named on the command line, or all of them."""
    chosen = sys.argv[1:] or BENCHMARKS
    failed = 0
    for name in chosen:
        module = name if name.startswith("bench.") else f"bench.{name}"
        failed |= subprocess.run([sys.executable, "-m", module], check=False).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
