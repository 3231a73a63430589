"""Timing, peak memory and result printing shared by the benchmarks."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_peak_rss_mb() -> float:
    """The largest peak resident memory of the child processes waited for, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_python(code: str, env: dict | None = None) -> tuple[float, str]:
    """Runs `python -c code` in a fresh process; returns its wall time and standard output."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stdout


def report(name: str, figure: float, baseline: float, unit: str, goal: str, extra: dict | None = None) -> dict:
    """Prints one benchmark line (ratio first) and stores it under bench/out/."""
    ratio = figure / baseline if baseline else float("inf")
    result = {
        "benchmark": name,
        "ratio": round(ratio, 3),
        "goal": goal,
        "figure": figure,
        "baseline": baseline,
        "unit": unit,
        **(extra or {}),
    }
    print(f"{name}: {ratio:.2f}x baseline (goal {goal}); {figure:.4g} {unit} vs {baseline:.4g} {unit}", end="")
    for k, v in (extra or {}).items():
        print(f"; {k} {v}", end="")
    print()
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(result, indent=1) + "\n")
    return result
