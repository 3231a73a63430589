"""Backup and restore: written and verified (to another file system too), refused when damaged, swapped in
whole with the old data kept, a full disk explained, the folder's lock respected."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.exchange.trust import create_office_key
from desktop.storage import restore as restore_module
from desktop.storage.backup import create_backup, verify_backup
from desktop.storage.backup_manifest import MANIFEST_NAME
from desktop.storage.data_dir import BACKUP_DIR, DB_NAME
from desktop.storage.migrations import LATEST
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.restore import restore_backup
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up
from tests.exchange.helpers import snapshot
from tests.storage.test_faults import disk_full_text, mount_tmpfs  # noqa: F401 - a fixture

from .helpers import child_env, pdf_bytes, png_bytes, write_bytes

PASSPHRASE = "kata sandi kantor 2024"


def fill(folder: Path, tmp_path: Path, target: int = 212) -> None:
    """A set-up office with figures, two evidence files (one removed from its report) and its key."""
    with Store.open(folder) as store:
        if store.installation is None:
            set_up(store)
            create_office_key(store, PASSPHRASE)
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_values(key, [CellEdit("64.11.01", "target", target), CellEdit("64.11.01", "served", 131)])
        pdf = write_bytes(tmp_path / f"ba-{target}.pdf", pdf_bytes(f"Berita acara {target}"))
        png = write_bytes(tmp_path / f"foto-{target}.png", png_bytes(8, 8, target % 256))
        added = store.evidence.add(key, "64.11.01", [pdf, png], "Berita acara")
        store.evidence.remove(added[1].id, "salah unggah")  # its bytes stay, and are backed up


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def filled(data_dir, tmp_path) -> Path:
    fill(data_dir, tmp_path)
    return data_dir


@pytest.fixture
def backup(filled, tmp_path) -> Path:
    return create_backup(filled, tmp_path / "usb").path


def test_a_backup_holds_the_database_evidence_and_keys_each_with_its_hash(filled, tmp_path):
    result = create_backup(filled, tmp_path / "usb")
    assert result.path.parent == tmp_path / "usb" and result.path.name.startswith("spm-luring-cadangan-")
    assert os.listdir(tmp_path / "usb") == [result.path.name]  # no temporary folder left
    files = tree(result.path)
    assert files == sorted([MANIFEST_NAME, *(f.path for f in result.manifest.files)])
    assert DB_NAME in files and "keys/office.key" in files and "keys/office.pub" in files
    assert sum(1 for f in files if f.startswith("evidence/")) == 2
    assert not any(f.endswith(("-wal", "-shm", ".lock")) for f in files)
    document = json.loads((result.path / MANIFEST_NAME).read_text())
    assert document["format"] == "spm-luring-backup" and document["schema_version"] == LATEST
    # The copy is one self-contained file in rollback-journal mode, identical in content.
    with closing(sqlite3.connect(result.path / DB_NAME)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert snapshot(result.path)["tables"] == snapshot(filled)["tables"]
    assert verify_backup(result.path) == result.manifest


def test_a_backup_taken_while_the_window_has_the_folder_open_is_consistent(filled, tmp_path):
    with Store.open(filled) as store:
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_value(key, "64.11.02", "target", 77)
        result = create_backup(filled, tmp_path / "usb")
        store.reports.set_value(key, "64.11.02", "target", 78)  # after the backup: not in it
    restored = tmp_path / "restored"
    restore_backup(result.path, restored)
    with Store.open(restored, readonly=True) as store:
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        assert store.reports.get(key).row("64.11.02").target == 77
        assert store.audit.verify().ok


def test_backup_then_wipe_then_restore_gives_back_every_row_and_file(filled, tmp_path):
    before = snapshot(filled)
    result = create_backup(filled, tmp_path / "usb")
    shutil.rmtree(filled)
    outcome = restore_backup(result.path, filled)
    assert outcome.previous is None
    assert snapshot(filled) == before
    assert (filled / "keys" / "office.key").is_file()
    assert not [p for p in filled.iterdir() if p.name.startswith(".restore-")]
    with Store.open(filled) as store:  # opens, and takes the lock again
        assert store.audit.verify().ok
        for item in store.evidence.list(ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)):
            assert store.evidence.verify_file(item)


def test_restoring_over_newer_data_keeps_that_data_aside(filled, backup, tmp_path):
    backed_up = snapshot(filled)
    fill(filled, tmp_path, target=999)  # work done after the backup
    newer = snapshot(filled)
    outcome = restore_backup(backup, filled)
    assert snapshot(filled) == backed_up
    assert outcome.previous is not None and outcome.previous.parent == filled / BACKUP_DIR
    assert snapshot(outcome.previous) == newer  # nothing is thrown away


def damage_evidence(backup: Path) -> None:
    victim = next((backup / "evidence").rglob("*.pdf"))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))


def drop_evidence_from_manifest(backup: Path) -> None:
    # A consistent manifest that lacks a file the database names: an incomplete backup.
    path = backup / MANIFEST_NAME
    document = json.loads(path.read_text())
    victim = next(f for f in document["files"] if f["path"].startswith("evidence/"))
    document["files"].remove(victim)
    (backup / victim["path"]).unlink()
    path.write_text(json.dumps(document))


def corrupt_database(backup: Path) -> None:
    # The pages change and the manifest is made to agree: only SQLite's integrity check can tell.
    import hashlib

    path = backup / DB_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, page + 16):  # the b-tree header of page 2
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    manifest = backup / MANIFEST_NAME
    document = json.loads(manifest.read_text())
    for entry in document["files"]:
        if entry["path"] == DB_NAME:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
    manifest.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (damage_evidence, "tidak cocok dengan hash-nya"),
        (lambda b: (b / DB_NAME).unlink(), f"berkas {DB_NAME} tidak ada"),
        (lambda b: (b / MANIFEST_NAME).unlink(), "manifest.json tidak ada"),
        (lambda b: (b / MANIFEST_NAME).write_text("{not json"), "manifest.json tidak dapat dibaca"),
        (drop_evidence_from_manifest, "data dukung evidence/"),
        (corrupt_database, "basis data di dalamnya rusak"),
    ],
    ids=["evidence-bit-flip", "database-missing", "no-manifest", "bad-manifest", "incomplete", "corrupt-database"],
)
def test_a_damaged_backup_is_refused_and_changes_nothing(filled, backup, tmp_path, damage, reason):
    fill(filled, tmp_path, target=500)
    before, files = snapshot(filled), tree(filled)
    damage(backup)
    with pytest.raises(UserError) as refused:
        restore_backup(backup, filled)
    assert str(refused.value).startswith(f"Cadangan {backup} rusak atau tidak lengkap: ")
    assert reason in str(refused.value)
    assert snapshot(filled) == before and tree(filled) == files  # no staging folder, nothing moved


def test_a_backup_from_a_newer_release_is_refused(filled, backup):
    manifest = backup / MANIFEST_NAME
    with closing(sqlite3.connect(backup / DB_NAME)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    import hashlib

    document = json.loads(manifest.read_text())
    document["schema_version"] = LATEST + 1
    for entry in document["files"]:
        if entry["path"] == DB_NAME:
            entry["sha256"] = hashlib.sha256((backup / DB_NAME).read_bytes()).hexdigest()
    manifest.write_text(json.dumps(document))
    before = snapshot(filled)
    with pytest.raises(UserError, match="versi SPM Luring yang lebih baru"):
        restore_backup(backup, filled)
    assert snapshot(filled) == before


def test_restore_is_refused_while_the_app_has_the_folder_open(filled, backup):
    with Store.open(filled):
        before = snapshot(filled)
        with pytest.raises(UserError, match="SPM Luring sudah terbuka untuk folder data ini"):
            restore_backup(backup, filled)
        assert snapshot(filled) == before


def test_a_rename_failing_half_way_puts_the_old_data_back(filled, backup, tmp_path, monkeypatch):
    fill(filled, tmp_path, target=321)
    before = snapshot(filled)
    real, calls = os.replace, []

    def failing(source, target):
        calls.append(source)
        if len(calls) == 4:  # the old entries have moved aside and one new one is in
            raise OSError(5, "Input/output error")
        return real(source, target)

    monkeypatch.setattr(restore_module.os, "replace", failing)
    with pytest.raises(UserError, match="tidak dapat diakses"):
        restore_backup(backup, filled)
    monkeypatch.undo()
    assert snapshot(filled) == before
    assert not [p for p in filled.iterdir() if p.name.startswith(".restore-")]
    assert not (filled / BACKUP_DIR).exists() or not any((filled / BACKUP_DIR).glob("before-restore-*"))


def test_a_backup_to_another_file_system_a_stick_is_written_verified_and_restorable(filled, mount_tmpfs, tmp_path):  # noqa: F811
    stick = mount_tmpfs("stick", size="8m")
    result = create_backup(filled, stick)
    assert os.stat(stick).st_dev != os.stat(filled).st_dev
    before = snapshot(filled)
    shutil.rmtree(filled)
    restore_backup(result.path, filled)
    assert snapshot(filled) == before


def test_a_full_stick_ends_in_a_clear_message_and_leaves_nothing(filled, mount_tmpfs):  # noqa: F811
    with Store.open(filled) as store:  # a big evidence file, so the backup cannot fit
        key = ReportKey(store.require_installation().office.id, "1.02.02", PERIOD)
        big = write_bytes(filled.parent / "scan.pdf", pdf_bytes() + os.urandom(600 * 1024))
        store.evidence.add(key, None, [big])
    stick = mount_tmpfs("stick", size="512k")
    with pytest.raises(UserError) as refused:
        create_backup(filled, stick)
    assert str(refused.value) == disk_full_text(stick)
    assert os.listdir(stick) == []


def test_a_file_size_limit_during_backup_is_a_clear_message(filled, tmp_path):
    # Without root (no tmpfs), a file-size limit stands in for a full stick: writes past it fail with EFBIG.
    with Store.open(filled) as store:
        key = ReportKey(store.require_installation().office.id, "1.02.02", PERIOD)
        big = write_bytes(tmp_path / "scan.pdf", pdf_bytes() + os.urandom(400 * 1024))
        store.evidence.add(key, None, [big])
    out = tmp_path / "usb"
    limit = 256 * 1024

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [
        str(Path(sys.executable).with_name("spm-luring")),
        "--data-dir",
        str(filled),
        "backup",
        "--out",
        str(out),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, env=child_env(), preexec_fn=limited, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (1, f"spm-luring: {disk_full_text(out)}\n")
    assert os.listdir(out) == []
