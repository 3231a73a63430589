"""Edit-to-durable latency: one grid edit through the store, as a ratio to a raw durable SQLite commit.

Both run on the same disk with the same pragmas (WAL, synchronous=FULL); the figure is the
median of many edits, each of which returns only once it is on disk and in the audit log.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from itertools import count
from pathlib import Path

from bench.common import median_seconds, peak_rss_mb, report

EDITS = 400


def raw_commit_seconds(folder: Path) -> float:
    """Median time of a single-row durable commit in a bare SQLite database."""
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)")
    conn.execute("INSERT INTO t VALUES (1, 0)")
    values = count()

    def commit():
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE t SET v = ? WHERE k = 1", (next(values),))
        conn.execute("COMMIT")

    for _ in range(20):  # warm-up
        commit()
    result = median_seconds(commit, EDITS)
    conn.close()
    return result


def store_edit_seconds(folder: Path) -> float:
    """Median time of one validated, audited, durable edit through the store."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.periods import Period
    from desktop.domain.regions import shipped_regions
    from desktop.storage.reports import ReportKey
    from desktop.storage.store import Store

    store = Store.open(folder / "data")
    store.installation_repo.initialize(
        catalog=load_catalog(),
        regions=shipped_regions(),
        district_code="64.11",
        office_name="Dinas Kesehatan",
        operator_name="Benchmark",
        services=["1.02.01"],
    )
    key = ReportKey(store.require_installation().office.id, "1.02.01", Period(2024, 3))
    store.reports.set_value(key, "64.11.01", "target", 1_000_000)
    values = count(1)

    def edit():
        store.reports.set_value(key, "64.11.01", "served", next(values))

    for _ in range(20):
        edit()
    result = median_seconds(edit, EDITS)
    store.close()
    return result


def main() -> None:
    """Measures both and prints the ratio."""
    with tempfile.TemporaryDirectory(prefix="spm-bench-", dir=Path(__file__).parent) as tmp:
        folder = Path(tmp)
        # Interleave to share the disk's state fairly: baseline, ours, baseline again.
        base_a = raw_commit_seconds(folder)
        ours = store_edit_seconds(folder)
        again = folder / "again"
        again.mkdir()
        base_b = raw_commit_seconds(again)
    baseline = min(base_a, base_b)
    report(
        "edit_latency",
        ours * 1000,
        baseline * 1000,
        "ms",
        "<= 5x",
        {"edits": EDITS, "peak_rss_mb": round(peak_rss_mb(), 1)},
    )


if __name__ == "__main__":
    sys.exit(main())
