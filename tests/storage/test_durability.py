"""An acknowledged edit survives the process being killed at any moment ("nothing typed is ever lost").

A writer process makes edits through the Store API and prints an acknowledgement after each
`set_value` returns; it is SIGKILLed at random moments, many times, and restarted on the same
folder. Afterwards the file must be sound, the audit chain intact, and every acknowledged edit
present. (A SIGKILL tests the application's side; the OS cache still reaches the disk. Power loss
is what `synchronous=FULL` is for, and is checked in test_migrations through the pragma.)
"""

from __future__ import annotations

import inspect
import os
import random
import signal
import time

import pytest

from desktop.domain.periods import Period
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store

from .helpers import Child, integrity, run_cli

ROUNDS = 30
AREAS = ("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05", "64.11")
COLUMNS = ("target", "served", "budget", "spent", "quality_required", "note")
PERIOD = Period(2024, 3)


def edit_for(n):
    """Edit number n: always the same cell and value, and no two edits give a cell the same value."""
    area = AREAS[n % len(AREAS)]
    column = COLUMNS[(n // len(AREAS)) % len(COLUMNS)]
    value = f"catatan-{n}" if column == "note" else n
    return area, column, value


WRITER = f"""
import sys
from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.regions import shipped_regions
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store

AREAS = {AREAS!r}
COLUMNS = {COLUMNS!r}
{inspect.getsource(edit_for)}
folder, n, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
store = Store.open(folder)
if store.installation is None:
    catalog = load_catalog()
    store.installation_repo.initialize(
        catalog=catalog,
        regions=shipped_regions(),
        district_code="64.11",
        office_name="Dinas Kesehatan",
        operator_name="Yohanes Ding",
        services=[s.code for s in catalog.services_for(["1.02"])],
    )
    store.forget_installation()
key = ReportKey(store.require_installation().office.id, "1.02.01", Period(2024, 3))
sys.stdout.write("open\\n")
sys.stdout.flush()
for n in range(n, n + limit):
    area, column, value = edit_for(n)
    store.reports.set_value(key, area, column, value)
    # One write per line, after set_value returned: an "ack" means the edit is durable.
    sys.stdout.write(f"ack {{n}} {{area}} {{column}} {{value}} .\\n")
    sys.stdout.flush()
store.close()
sys.stdout.write("done\\n")
sys.stdout.flush()
"""


def run_round(folder, start: int, limit: int, kill_after: float | None, rng: random.Random) -> list[int]:
    """Runs the writer from edit `start`; kills it after `kill_after` s (or lets it finish); returns the acks."""
    acked: list[int] = []
    with Child(WRITER, folder, start, limit) as writer:
        if kill_after is not None:
            if rng.random() < 0.5:
                time.sleep(kill_after)  # anywhere: start-up, migration, set-up, editing
            else:
                assert writer.read_line(timeout=30) in ("open", None)
                time.sleep(kill_after / 4)  # in the thick of editing
            status = writer.kill()
            # It must have been running until killed: a writer that died on its own (a crash on restart) fails.
            assert status == -signal.SIGKILL, f"writer ended by itself ({status}): {writer.stderr_now()}"
        else:
            assert writer.wait(timeout=60) == 0, writer.stderr_now()
        while (line := writer.read_line(timeout=30)) is not None:
            parts = line.split()
            if len(parts) == 6 and parts[0] == "ack" and parts[-1] == ".":  # a cut-off last line is no ack
                n = int(parts[1])
                assert (parts[2], parts[3], parts[4]) == tuple(map(str, edit_for(n)))
                acked.append(n)
        if kill_after is None:
            assert acked and acked[-1] == start + limit - 1
    assert acked == list(range(start, start + len(acked)))
    return acked


def expected_state(last: int) -> dict[tuple[str, str], object]:
    """Every cell's value after edits 1..last, applied in order."""
    state: dict[tuple[str, str], object] = {}
    for n in range(1, last + 1):
        area, column, value = edit_for(n)
        state[(area, column)] = value
    return state


def stored_state(folder) -> dict[tuple[str, str], object]:
    with Store.open(folder, readonly=True) as store:
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        return {
            (row.area_code, column): value
            for row in store.reports.get(key).rows
            for column in COLUMNS
            if (value := row.value(column)) not in (None, "")
        }


@pytest.mark.slow
def test_acknowledged_edits_survive_sigkill_at_random_moments(data_dir):
    seed = int(os.environ.get("SPM_DURABILITY_SEED", time.time_ns() % 2**32))
    print(f"durability seed {seed} (rerun with SPM_DURABILITY_SEED={seed})")
    rng = random.Random(seed)
    last_acked = 0
    began = time.monotonic()
    for round_number in range(ROUNDS):
        acked = run_round(data_dir, last_acked + 1, 1_000_000, rng.uniform(0.02, 0.8), rng)
        last_acked = acked[-1] if acked else last_acked
        if last_acked == 0:
            continue  # killed before the first edit: nothing was promised yet
        # After every kill: every acknowledged edit is there; at most the one edit in flight may be too.
        stored = stored_state(data_dir)
        acked_only = expected_state(last_acked)
        with_in_flight = expected_state(last_acked + 1)
        assert stored in (acked_only, with_in_flight), f"seed {seed}, round {round_number}, last ack {last_acked}"
    assert last_acked > 0, f"seed {seed}: no round got as far as an edit"

    # A last, uninterrupted round, then the whole history is checked.
    acked = run_round(data_dir, last_acked + 1, 20, None, rng)
    last_acked = acked[-1]
    assert integrity(data_dir) == ["ok"], f"seed {seed}"
    assert stored_state(data_dir) == expected_state(last_acked), f"seed {seed}"
    with Store.open(data_dir, readonly=True) as store:
        check = store.audit.verify()
        assert check.ok, f"seed {seed}: {check.reason}"
        entries = [e for e in store.audit.entries(limit=10**9) if e.action == "row.set"]
        setups = [e for e in store.audit.entries(limit=10**9) if e.action == "install.setup"]
    # Exactly one audit row per edit: none lost, and an edit redone after a kill recorded no duplicate.
    recorded = sorted((e.subject, e.field, e.after) for e in entries)
    wanted = sorted(
        (f"report/1.02.01/{PERIOD.key}/{area}", column, value)
        for area, column, value in map(edit_for, range(1, last_acked + 1))
    )
    assert recorded == wanted, f"seed {seed}"
    assert len(setups) == 1
    result = run_cli(data_dir, "audit", "verify")
    assert result.returncode == 0, result.stderr
    print(f"{ROUNDS} kills, {last_acked} edits acknowledged, {time.monotonic() - began:.1f} s")
