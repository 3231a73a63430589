"""Real faults: a full disk, a read-only folder, a file-size limit, a source that goes away.

The full and read-only disks are real small tmpfs mounts (root is needed to mount; CI runs as root).
Every fault must end in a UserError with an Indonesian message, a sound database, and every edit
made before it still there.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.storage import migrations
from desktop.storage.data_dir import BACKUP_DIR, DB_NAME, EVIDENCE_DIR
from desktop.storage.migrations import LATEST
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up

from .helpers import integrity, pdf_bytes, png_bytes, run_cli, write_bytes

SET = ["set", "--service", "1.02.01", "--year", "2024", "--quarter", "3"]


def disk_full_text(where) -> str:
    return f"Disk penuh di {where}. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan tetap aman."


def read_only_text(where) -> str:
    return f"Folder data {where} tidak dapat ditulisi (hanya-baca atau tanpa izin). Perubahan tidak disimpan."


@pytest.fixture
def mount_tmpfs(tmp_path):
    """Mounts small tmpfs file systems; unmounts them after the test, which fails if a file was left open."""
    mounted: list[Path] = []

    def mount(name: str = "data", size: str = "3m") -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a small tmpfs to fill or write-protect needs root (CI runs as root)")
        target = tmp_path / name
        target.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    busy = []
    for target in reversed(mounted):
        if subprocess.run(["umount", str(target)], capture_output=True, check=False).returncode != 0:
            busy.append(target)
            subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)
    if busy:
        pytest.fail(f"a file on {busy} was still open after the test (a leaked handle)")


def remount(target: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(target)], check=True, capture_output=True)


def fill_disk(folder: Path, keep_free: int = 0) -> Path:
    """Fills the file system of `folder` to the last byte, except `keep_free` bytes; returns the filler."""
    reserve = folder / "reserve.bin"
    if keep_free:
        reserve.write_bytes(b"\xaa" * keep_free)
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (1 << 20, 1 << 16, 4096, 512, 1):
            block = b"\xff" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    if keep_free:
        reserve.unlink()
    return filler


def leftovers(folder: Path) -> list[Path]:
    """Files under the evidence folder (blobs, or .part files left half-way)."""
    root = folder / EVIDENCE_DIR
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def set_up_on(folder: Path) -> tuple[Store, ReportKey]:
    store = Store.open(folder)
    set_up(store)
    return store, ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)


def test_a_full_disk_refuses_the_edit_and_keeps_every_earlier_one(mount_tmpfs, tmp_path):
    folder = mount_tmpfs(size="3m")
    store, key = set_up_on(folder)
    try:
        saved = {}
        for i, area in enumerate(("64.11.01", "64.11.02", "64.11.03")):
            store.reports.set_values(key, [CellEdit(area, "target", 100 + i), CellEdit(area, "served", 90 + i)])
            saved[area] = (100 + i, 90 + i)
        filler = fill_disk(folder)

        # Keep typing until the disk refuses (a commit may still fit in space SQLite already holds).
        refused = None
        notes = {}
        for i in range(300):
            note = f"catatan {i:03d} " + "x" * 3000
            try:
                store.reports.set_value(key, "64.11.04", "note", note)
            except UserError as exc:
                refused = exc
                break
            notes["64.11.04"] = note
        assert refused is not None, "the disk never filled up"
        assert str(refused) == disk_full_text(folder / DB_NAME)

        # The database is sound and still answers; everything acknowledged is there; the refused edit is not.
        assert store.database.scalar("PRAGMA integrity_check") == "ok"
        report = store.reports.get(key)
        for area, (target, served) in saved.items():
            assert (report.row(area).target, report.row(area).served) == (target, served)
        assert report.row("64.11.04").note == notes.get("64.11.04", "")
        assert store.audit.verify().ok
        with pytest.raises(UserError, match="Disk penuh"):  # a batch is refused the same way
            store.reports.set_values(key, [CellEdit("64.11.05", "target", 7), CellEdit("64.11.05", "note", "y" * 3000)])
        assert store.reports.get(key).row("64.11.05").target is None

        # Evidence: the copy fails cleanly, naming the data folder (not the operator's file).
        source = write_bytes(tmp_path / "berita-acara.pdf", pdf_bytes() + os.urandom(200_000))
        with pytest.raises(UserError) as no_room:
            store.evidence.add(key, "64.11.01", [source])
        assert str(no_room.value) == disk_full_text(folder / EVIDENCE_DIR)
        assert leftovers(folder) == []
        assert store.evidence.list(key) == []

        # Room again: editing and attaching just work, with no restart.
        filler.unlink()
        store.reports.set_value(key, "64.11.05", "target", 77)
        (item,) = store.evidence.add(key, "64.11.01", [source])
        assert store.evidence.verify_file(item)
    finally:
        store.close()
    assert integrity(folder) == ["ok"]
    with Store.open(folder, readonly=True) as again:
        assert again.reports.get(key).row("64.11.05").target == 77
        assert again.reports.get(key).row("64.11.01").target == 100
        assert again.audit.verify().ok


def test_evidence_copied_but_not_recorded_on_a_full_disk_is_taken_out_again(mount_tmpfs, tmp_path):
    folder = mount_tmpfs(size="3m")
    store, key = set_up_on(folder)
    try:
        store.reports.set_value(key, "64.11.01", "target", 50)
        first = write_bytes(tmp_path / "foto.png", png_bytes(64, 64, shade=3))
        second = write_bytes(tmp_path / "ba.pdf", pdf_bytes().ljust(40 * 1024, b"%"))
        # Exactly enough room for the two files' pages, none for the database to record them.
        room = sum(-(-p.stat().st_size // 4096) * 4096 for p in (first, second))
        filler = fill_disk(folder, keep_free=room)
        with pytest.raises(UserError) as refused:
            store.evidence.add(key, "64.11.01", [first, second])
        assert str(refused.value) == disk_full_text(folder / DB_NAME)  # the files fitted; the rows did not
        assert leftovers(folder) == []
        assert store.evidence.list(key) == []
        assert store.database.scalar("SELECT COUNT(*) FROM evidence_blobs") == 0
        filler.unlink()
        assert len(store.evidence.add(key, "64.11.01", [first, second])) == 2
    finally:
        store.close()
    assert integrity(folder) == ["ok"]


def test_a_migration_on_a_full_disk_stops_before_touching_the_database(mount_tmpfs, monkeypatch):
    folder = mount_tmpfs(size="3m")
    store, key = set_up_on(folder)
    store.reports.set_value(key, "64.11.01", "target", 50)
    store.close()
    shipped = migrations.migration_scripts()
    monkeypatch.setattr(migrations, "migration_scripts", lambda: [*shipped, (LATEST + 1, "CREATE TABLE extra (x);")])
    filler = fill_disk(folder, keep_free=64 * 1024)  # room to open, none for the backup

    with pytest.raises(UserError) as refused:
        Store.open(folder)
    assert "Disk penuh" in str(refused.value)
    assert [p.name for p in (folder / BACKUP_DIR).iterdir()] == []  # no half-written backup left
    filler.unlink()
    monkeypatch.undo()
    assert integrity(folder) == ["ok"]
    with Store.open(folder) as again:  # still the old schema, untouched, and usable
        assert again.database.user_version == LATEST
        assert again.reports.get(key).row("64.11.01").target == 50


def test_a_read_only_data_folder_is_explained_not_crashed_on(mount_tmpfs):
    folder = mount_tmpfs(size="3m")
    store, key = set_up_on(folder)
    store.reports.set_value(key, "64.11.01", "target", 120)
    store.close()
    remount(folder, "ro")

    with pytest.raises(UserError) as refused:
        Store.open(folder)
    assert str(refused.value) == read_only_text(folder)
    # Reading needs SQLite's shared-memory file next to the database, which cannot be made here either:
    # a clear message too, and no connection left open (the unmount at the end checks that).
    with pytest.raises(UserError, match="tidak dapat ditulisi"):
        Store.open(folder, readonly=True)

    result = run_cli(folder, *SET, "--area", "64.11.01", "--target", "130")
    assert result.returncode == 1
    assert result.stderr == f"spm-luring: {read_only_text(folder)}\n"
    for command in (["audit", "verify"], ["show", "--service", "1.02.01", "--year", "2024", "--quarter", "3"]):
        result = run_cli(folder, *command)
        assert result.returncode == 1, command
        assert result.stderr.startswith("spm-luring: ") and result.stderr.count("\n") == 1, result.stderr

    remount(folder, "rw")
    with Store.open(folder) as again:
        assert again.reports.get(key).row("64.11.01").target == 120
        again.reports.set_value(key, "64.11.01", "target", 130)
    assert integrity(folder) == ["ok"]


def test_a_new_install_on_read_only_media_is_explained(mount_tmpfs):
    folder = mount_tmpfs(size="1m")
    remount(folder, "ro")
    with pytest.raises(UserError) as refused:
        Store.open(folder)
    assert str(refused.value) == read_only_text(folder)
    result = run_cli(folder, "init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes")
    assert (result.returncode, result.stderr) == (1, f"spm-luring: {read_only_text(folder)}\n")


def test_a_file_size_limit_ends_in_a_clear_message_and_a_sound_database(tmp_path):
    data = tmp_path / "data"
    assert (
        run_cli(data, "init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes").returncode
        == 0
    )
    limit = (data / DB_NAME).stat().st_size + 24 * 1024

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    accepted: dict[str, str] = {}
    failure = None
    for i in range(200):
        area = f"64.11.0{i % 5 + 1}"
        note = f"{i:04d}" * 900
        result = run_cli(data, *SET, "--area", area, "--note", note, preexec_fn=limited)
        if result.returncode != 0:
            failure = result
            break
        accepted[area] = note
    assert failure is not None, "the file-size limit was never reached"
    assert failure.returncode == 1
    assert failure.stderr.count("\n") == 1 and "Traceback" not in failure.stderr
    # SQLite reports a refused write past the limit as an I/O error; either message is clear and honest.
    assert any(
        text in failure.stderr
        for text in (disk_full_text(data / DB_NAME), f"Kesalahan baca/tulis disk di {data / DB_NAME}")
    ), failure.stderr
    big = write_bytes(tmp_path / "scan.pdf", pdf_bytes() + os.urandom(limit))
    result = run_cli(
        data, "attach", "--service", "1.02.01", "--year", "2024", "--quarter", "3", str(big), preexec_fn=limited
    )
    assert (result.returncode, result.stderr) == (1, f"spm-luring: {disk_full_text(data / EVIDENCE_DIR)}\n")
    assert leftovers(data) == []

    assert integrity(data) == ["ok"]
    with Store.open(data, readonly=True) as store:
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        report = store.reports.get(key)
        assert {a: report.row(a).note for a in accepted} == accepted
        assert store.audit.verify().ok


def test_an_unreadable_source_is_explained_and_nothing_is_attached(store, key, tmp_path, data_dir):
    good = write_bytes(tmp_path / "ba.pdf", pdf_bytes())
    # Reading /proc/self/mem at offset 0 fails with EIO, as a failing or pulled USB stick does.
    broken = tmp_path / "scan-dari-usb.pdf"
    broken.symlink_to("/proc/self/mem")
    with pytest.raises(UserError) as refused:
        store.evidence.add(key, None, [good, broken])
    assert str(refused.value) == (
        f"Media penyimpanan {broken} tidak dapat diakses (Input/output error). Periksa apakah masih terpasang."
    )
    assert store.evidence.list(key) == [] and leftovers(data_dir) == []


@pytest.mark.parametrize("fault", ["removed", "cut-short"])
def test_a_source_that_goes_away_mid_attach_leaves_nothing_behind(store, key, tmp_path, data_dir, monkeypatch, fault):
    first = write_bytes(tmp_path / "foto.png", png_bytes(32, 32))
    last = write_bytes(tmp_path / "ba.pdf", pdf_bytes().ljust(300_000, b"%"))
    real_check = store.evidence.check

    def check_then_pull_the_stick(source, limit=None):
        checked = real_check(source, limit)
        if Path(source) == last:  # after every file was checked, before the last one is copied
            if fault == "removed":
                last.unlink()
            else:
                with last.open("r+b") as handle:
                    handle.truncate(1000)
        return checked

    monkeypatch.setattr(store.evidence, "check", check_then_pull_the_stick)
    with pytest.raises(UserError) as refused:
        store.evidence.add(key, "64.11.01", [first, last])
    if fault == "removed":
        assert str(refused.value).startswith(f"Media penyimpanan {last} tidak dapat diakses")
    else:
        assert str(refused.value) == "Berkas 'ba.pdf' berubah atau terputus saat disalin; tidak dilampirkan. Coba lagi."
    assert store.evidence.list(key) == []
    assert leftovers(data_dir) == []  # the first file, already copied, was taken out again
    assert store.database.scalar("SELECT COUNT(*) FROM evidence_blobs") == 0
