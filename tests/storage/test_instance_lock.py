"""One writer per data folder, across processes; readers are welcome beside it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.domain.messages import UserError
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up

from .helpers import Child, child_env, run_cli

# Holds the folder open for writing until told otherwise on stdin:
#   "set N"  stores target N for Long Bagun and prints "ok N"
#   "close"  closes the store (the process stays alive) and prints "closed"
HOLDER = """
import sys
from desktop.domain.periods import Period
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store

store = Store.open(sys.argv[1])
key = ReportKey(store.require_installation().office.id, "1.02.01", Period(2024, 3))
print("held", flush=True)
for line in sys.stdin:
    command, *rest = line.split()
    if command == "set":
        store.reports.set_value(key, "64.11.01", "target", int(rest[0]))
        print("ok", rest[0], flush=True)
    elif command == "close":
        store.close()
        print("closed", flush=True)
"""

# Tries to open the folder for writing once; prints what happened.
OPENER = """
import sys
from desktop.domain.messages import UserError
from desktop.storage.store import Store

try:
    store = Store.open(sys.argv[1])
except UserError as exc:
    print(exc)
    sys.exit(1)
store.close()
print("opened")
"""

ALREADY_OPEN = "SPM Luring sudah terbuka untuk folder data ini (proses {pid}). Gunakan jendela yang sudah terbuka; dua salinan tidak boleh menulis data yang sama."


@pytest.fixture
def folder(data_dir):
    """A set-up data folder, closed."""
    with Store.open(data_dir) as store:
        set_up(store)
    return data_dir


def try_open_elsewhere(folder) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", OPENER, str(folder)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        check=False,
    )


def test_a_second_writer_in_another_process_is_refused_until_the_first_closes(folder):
    with Child(HOLDER, folder) as holder:
        holder.expect("held")
        with pytest.raises(UserError) as refused:
            Store.open(folder)
        assert str(refused.value) == ALREADY_OPEN.format(pid=holder.pid)

        holder.send("close")
        holder.expect("closed")
        assert holder.proc.poll() is None  # still running: the lock went with close(), not with the process
        with Store.open(folder) as store:
            assert store.lock.held


def test_a_writer_here_refuses_a_writer_in_another_process(folder):
    with Store.open(folder):
        result = try_open_elsewhere(folder)
        assert result.returncode == 1, result.stderr
        assert result.stdout.strip() == ALREADY_OPEN.format(pid=os.getpid())
    result = try_open_elsewhere(folder)
    assert (result.returncode, result.stdout.strip()) == (0, "opened")


def test_a_killed_writer_leaves_no_stale_lock(folder):
    with Child(HOLDER, folder) as holder:
        holder.expect("held")
        holder.send("set 120")
        holder.expect("ok 120")
        assert try_open_elsewhere(folder).returncode == 1
        assert holder.kill() == -9
        # The OS dropped the lock with the process: no waiting, no "remove the lock file" step.
        with Store.open(folder) as store:
            key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
            assert store.reports.get(key).row("64.11.01").target == 120
            assert store.audit.verify().ok


def test_readers_may_open_beside_the_writer_and_see_its_commits(folder):
    with Child(HOLDER, folder) as holder:
        holder.expect("held")
        holder.send("set 100")
        holder.expect("ok 100")
        with Store.open(folder, readonly=True) as reader:
            key = ReportKey(reader.require_installation().office.id, "1.02.01", PERIOD)
            assert reader.lock is None
            assert reader.reports.get(key).row("64.11.01").target == 100
            holder.send("set 101")  # the writer keeps working while the reader is open
            holder.expect("ok 101")
            assert reader.reports.get(key).row("64.11.01").target == 101
            assert reader.audit.verify().ok
        shown = run_cli(folder, "show", "--service", "1.02.01", "--year", "2024", "--quarter", "3", "--json")
        assert shown.returncode == 0, shown.stderr
        assert '"target": 101' in shown.stdout


def test_the_cli_cannot_write_to_a_folder_held_by_the_window(folder):
    with Child(HOLDER, folder) as holder:
        holder.expect("held")
        args = ["set", "--service", "1.02.01", "--year", "2024", "--quarter", "3", "--area", "64.11.01"]
        result = run_cli(folder, *args, "--target", "5")
        assert result.returncode == 1
        assert result.stderr == f"spm-luring: {ALREADY_OPEN.format(pid=holder.pid)}\n"
        assert result.stdout == ""
        holder.send("close")
        holder.expect("closed")
        result = run_cli(folder, *args, "--target", "5")
        assert result.returncode == 0, result.stderr


def test_the_lock_file_names_the_holder_and_a_refused_open_changes_nothing(folder):
    with Store.open(folder) as store:
        lock_file = store.lock.path
        assert lock_file.read_text() == str(os.getpid())
        for _ in range(3):  # repeated attempts neither take the lock nor wipe the holder's pid
            assert try_open_elsewhere(folder).returncode == 1
        assert lock_file.read_text() == str(os.getpid())
        assert store.lock.held
