"""Export to a stick that fills up, disappears or is cancelled: a clear message, nothing that looks
complete on the stick, nothing recorded in the database."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.exchange import bundle_writer as writer_module
from desktop.exchange.bundle_writer import write_bundle
from desktop.exchange.errors import UserCancelledError
from desktop.exchange.export import export_bundle, prepare_export
from desktop.exchange.keys import unlock_office_key
from desktop.storage.reports import ReportKey
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE
from tests.storage.helpers import pdf_bytes


@pytest.fixture
def stick(tmp_path):
    """A small real tmpfs standing in for a USB stick (root is needed to mount; CI runs as root)."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a small tmpfs as a full USB stick needs root (CI runs as root)")
        target = tmp_path / f"usb{len(mounted)}"
        target.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        if subprocess.run(["umount", str(target)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)
            pytest.fail(f"a file on {target} was left open")


@pytest.fixture
def big_office(office, tmp_path):
    """The office with a 3 MB scan attached, so a bundle does not fit a 1 MB stick."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes("Pindaian") + b"%" + os.urandom(3 * 1024 * 1024) + b"\n%%EOF\n")
    key = ReportKey(office.require_installation().office.id, "1.02.02", PERIOD)
    office.evidence.add(key, None, [scan], "Pindaian besar")
    return office


def nothing_recorded(store, before: int) -> bool:
    return len(store.bundles.list()) == before


def test_a_full_stick_gives_a_clear_message_and_leaves_no_file(big_office, stick):
    usb = stick("1m")
    before = len(big_office.bundles.list())
    with pytest.raises(UserError) as failed:
        export_bundle(big_office, PERIOD, usb / "laporan.spmb", PASSPHRASE)
    assert str(failed.value).startswith(f"Disk penuh di {usb}.")
    assert list(usb.iterdir()) == []
    assert nothing_recorded(big_office, before)
    # With room on the stick the same export works.
    roomy = stick("8m")
    result = export_bundle(big_office, PERIOD, roomy / "laporan.spmb", PASSPHRASE)
    assert [p.name for p in roomy.iterdir()] == ["laporan.spmb"] and result.evidence_files == 3


class FailingFile:
    """A file on a stick that is pulled out after `limit` bytes: every later write and sync fails (EIO)."""

    def __init__(self, handle, limit: int, failures: list):
        self._handle, self._limit, self._failures = handle, limit, failures
        self._written = 0

    def write(self, data):
        if self._written + len(data) > self._limit:
            self._failures.append("write")
            raise OSError(errno.EIO, "Input/output error")
        self._written += len(data)
        return self._handle.write(data)

    def flush(self):
        if self._written >= self._limit:
            raise OSError(errno.EIO, "Input/output error")
        return self._handle.flush()

    def fileno(self):
        return self._handle.fileno()

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()


@pytest.mark.parametrize("limit", [100, 5_000, 2_000_000])
def test_a_stick_pulled_out_mid_write_leaves_nothing_that_looks_complete(big_office, tmp_path, monkeypatch, limit):
    usb = tmp_path / "usb"
    usb.mkdir()
    failures: list[str] = []
    real_create = writer_module._create
    monkeypatch.setattr(writer_module, "_create", lambda path: FailingFile(real_create(path), limit, failures))
    before = len(big_office.bundles.list())
    with pytest.raises(UserError) as failed:
        export_bundle(big_office, PERIOD, usb / "laporan.spmb", PASSPHRASE)
    assert failures
    assert str(failed.value) == (
        f"Media penyimpanan {usb} tidak dapat diakses (Input/output error). Periksa apakah masih terpasang."
    )
    assert list(usb.iterdir()) == []
    assert nothing_recorded(big_office, before)


def test_when_even_the_partial_file_cannot_be_removed_only_a_partial_name_remains(big_office, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    real_create = writer_module._create
    monkeypatch.setattr(writer_module, "_create", lambda path: FailingFile(real_create(path), 10_000, []))
    real_unlink = Path.unlink

    def gone(self, missing_ok=False):
        if self.parent == usb:
            raise OSError(errno.ENODEV, "No such device")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", gone)
    with pytest.raises(UserError, match="Periksa apakah masih terpasang"):
        export_bundle(big_office, PERIOD, usb / "laporan.spmb", PASSPHRASE)
    (left,) = usb.iterdir()
    assert left.name.startswith("laporan.spmb.partial-")
    assert not (usb / "laporan.spmb").exists()


@pytest.mark.parametrize("stop_after", [1, 3, 6])
def test_cancel_at_any_point_leaves_no_file_and_records_nothing(big_office, tmp_path, stop_after):
    usb = tmp_path / "usb"
    usb.mkdir()
    plan = prepare_export(big_office, PERIOD)
    calls = []

    def progress(done, total):
        calls.append((done, total))

    def cancelled():
        return len(calls) >= stop_after

    with (
        unlock_office_key(big_office.data_dir, PASSPHRASE, plan.signer) as signer,
        pytest.raises(UserCancelledError, match="Dibatalkan"),
    ):
        write_bundle(plan, usb / "laporan.spmb", signer, progress=progress, cancelled=cancelled)
    assert list(usb.iterdir()) == []
    assert big_office.bundles.list()[0].bundle_id != plan.bundle_id


def test_a_cancel_check_that_raises_its_own_exception_cleans_up_too(big_office, tmp_path):
    class StopError(Exception):
        pass

    usb = tmp_path / "usb"
    usb.mkdir()
    seen = []

    def check():
        seen.append(1)
        if len(seen) > 2:
            raise StopError
        return False

    with pytest.raises(StopError):
        export_bundle(big_office, PERIOD, usb / "x.spmb", PASSPHRASE, cancelled=check)
    assert list(usb.iterdir()) == []


def test_cancel_while_encrypting_leaves_neither_file(big_office, tmp_path):
    import pyrage

    usb = tmp_path / "usb"
    usb.mkdir()
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    plan = prepare_export(big_office, PERIOD)
    calls = []
    with (
        unlock_office_key(big_office.data_dir, PASSPHRASE, plan.signer) as signer,
        pytest.raises(UserCancelledError),
    ):
        write_bundle(
            plan,
            usb / "x.spmb",
            signer,
            encrypt_to=[recipient],
            progress=lambda done, total: calls.append(done * 3 > 2 * total),
            cancelled=lambda: any(calls),  # cancel once the encryption third has started
        )
    assert list(usb.iterdir()) == []
    assert list((big_office.data_dir / "outgoing").iterdir()) == []


class CorruptingFile(FailingFile):
    """A stick that silently changes a byte of what it is given (as cheap flash can)."""

    def write(self, data):
        if len(data) > 1000:
            data = bytearray(data)
            data[500] ^= 0xFF
        return self._handle.write(bytes(data))

    def flush(self):
        return self._handle.flush()


def test_a_stick_that_corrupts_what_it_stores_is_caught_by_the_read_back(big_office, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    real_create = writer_module._create
    monkeypatch.setattr(writer_module, "_create", lambda path: CorruptingFile(real_create(path), 0, []))
    before = len(big_office.bundles.list())
    with pytest.raises(UserError) as failed:
        export_bundle(big_office, PERIOD, usb / "laporan.spmb", PASSPHRASE)
    assert str(failed.value).startswith(f"Paket yang terbaca kembali dari {usb} rusak (")
    assert str(failed.value).endswith("Paket dihapus; coba media lain.")
    assert list(usb.iterdir()) == []
    assert nothing_recorded(big_office, before)
