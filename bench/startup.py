"""Start-up to an interactive window on ten years of a large district's figures, as a ratio to a
bare PySide6 window started the same way in the same run.

Both are fresh processes (interpreter start included) that quit as soon as their window has been
shown and the event loop has gone idle: the app through SPM_LURING_QUIT_WHEN_READY=1.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import report
from bench.fixtures import ten_year_store

RUNS = 7
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed_run(args: list[str], env: dict) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode() if child.stderr else ""
    child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"{args} failed ({child.returncode}): {stderr}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    """Builds the data set, then alternates bare and app start-ups."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As installed (pip and PyInstaller both ship bytecode): compiled once, not on every start. Some
    # shells set PYTHONDONTWRITEBYTECODE, which would have every start recompile the app's sources
    # while the baseline (all third-party, precompiled by pip) never does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parent.parent / "desktop")], check=True
    )
    with tempfile.TemporaryDirectory(prefix="spm-bench-", dir=Path(__file__).parent) as tmp:
        data = ten_year_store(Path(tmp) / "data")
        app_args = [sys.executable, "-m", "desktop", "--data-dir", str(data), "gui"]
        app_env = {**env, "SPM_LURING_QUIT_WHEN_READY": "1"}
        bare_args = [sys.executable, "-c", BARE_WINDOW]
        timed_run(bare_args, env)  # warm the page cache for both
        timed_run(app_args, app_env)
        bare, ours, bare_mem, our_mem = [], [], [], []
        for _ in range(RUNS):
            seconds, memory = timed_run(bare_args, env)
            bare.append(seconds)
            bare_mem.append(memory)
            seconds, memory = timed_run(app_args, app_env)
            ours.append(seconds)
            our_mem.append(memory)
    report(
        "startup",
        statistics.median(ours),
        statistics.median(bare),
        "s",
        "<= 2.5x",
        {
            "runs": RUNS,
            "peak_rss_mb": round(max(our_mem), 1),
            "bare_peak_rss_mb": round(max(bare_mem), 1),
            "data": "10 years x 4 quarters x 29 services x 40 kecamatan (Kabupaten Bogor)",
        },
    )


if __name__ == "__main__":
    sys.exit(main())
