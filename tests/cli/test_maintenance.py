"""`spm-luring backup`, `restore`, `self-test`, and a bundle file given in place of a command."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import cli
from desktop.cli import self_test
from desktop.storage.backup_manifest import MANIFEST_NAME
from desktop.storage.data_dir import EVIDENCE_DIR
from tests.storage.helpers import child_env, pdf_bytes

from .test_exchange_cli import SPM_LURING, Cli

Q3 = ["--year", "2024", "--quarter", "3"]
INIT = ["init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes Ding"]


def evidence_hashes(folder: Path) -> dict[str, str]:
    root = folder / EVIDENCE_DIR
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def office(tmp_path, capsys) -> Cli:
    cli_ = Cli(tmp_path / "data", capsys)
    cli_.ok(*INIT)
    cli_.ok("set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "212", "--served", "131")
    cli_.ok("set", "--service", "1.02.03", *Q3, "--area", "64.11.02", "--target", "40", "--served", "38")
    (tmp_path / "ba.pdf").write_bytes(pdf_bytes())
    cli_.ok("attach", "--service", "1.02.01", *Q3, "--area", "64.11.01", tmp_path / "ba.pdf")
    return cli_


def test_backup_wipe_restore_gives_the_same_summary_and_evidence(office, tmp_path):
    summary = office.ok("summary", *Q3, "--json")
    hashes = evidence_hashes(office.folder)
    out = office.ok("backup", "--out", tmp_path / "usb")
    (backup,) = (tmp_path / "usb").iterdir()
    assert out.startswith(f"{backup}: cadangan skema ") and out.rstrip().endswith("sudah diperiksa")

    shutil.rmtree(office.folder)
    status, _, err = office("summary", *Q3, "--json")
    assert status == 1 and "Belum ada data" in err

    restored = office.ok("restore", backup)
    assert restored.startswith(f"dipulihkan dari {backup}: skema ")
    assert office.ok("summary", *Q3, "--json") == summary
    assert evidence_hashes(office.folder) == hashes and hashes
    assert office.ok("audit", "verify")


def test_a_damaged_backup_is_refused_with_one_line_and_the_data_is_untouched(office, tmp_path):
    office.ok("backup", "--out", tmp_path / "usb")
    (backup,) = (tmp_path / "usb").iterdir()
    office.ok("set", "--service", "1.02.01", *Q3, "--area", "64.11.03", "--target", "70")
    summary = office.ok("summary", *Q3, "--json")
    victim = next((backup / EVIDENCE_DIR).rglob("*.pdf"))
    victim.write_bytes(victim.read_bytes()[:-10])
    status, out, err = office("restore", backup)
    assert (status, out) == (1, "")
    assert err.startswith(f"spm-luring: Cadangan {backup} rusak atau tidak lengkap: ") and err.count("\n") == 1
    assert office.ok("summary", *Q3, "--json") == summary


def test_restore_refuses_a_folder_that_is_not_a_backup(office, tmp_path):
    (tmp_path / "kosong").mkdir()
    status, _, err = office("restore", tmp_path / "kosong")
    assert status == 1 and "manifest.json tidak ada" in err
    status, _, err = office("restore", tmp_path / "tidak-ada")
    assert status == 1 and "tidak ditemukan" in err


def test_backup_of_a_folder_without_data_is_refused(tmp_path, capsys):
    cli_ = Cli(tmp_path / "empty", capsys)
    status, _, err = cli_("backup", "--out", tmp_path / "usb")
    assert status == 1 and "tidak ada yang dicadangkan" in err
    assert not (tmp_path / "usb").exists() or list((tmp_path / "usb").iterdir()) == []


def test_restore_is_refused_while_another_copy_has_the_folder_open(office, tmp_path):
    office.ok("backup", "--out", tmp_path / "usb")
    (backup,) = (tmp_path / "usb").iterdir()
    holder = subprocess.Popen(
        [
            str(Path(SPM_LURING).with_name("python")),
            "-c",
            "import sys, time; from desktop.storage.store import Store; s = Store.open(sys.argv[1]);"
            " print('open', flush=True); time.sleep(60)",
            str(office.folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        status, _, err = office("restore", backup)
        assert status == 1 and "SPM Luring sudah terbuka untuk folder data ini" in err
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert json.loads((backup / MANIFEST_NAME).read_text())["format"] == "spm-luring-backup"


def test_self_test_prints_one_line_per_check_and_passes(capsys):
    status = cli.main(["self-test"])
    out = capsys.readouterr().out.splitlines()
    assert status == 0, out
    checks = [line for line in out if line.startswith(("OK", "GAGAL"))]
    assert len(checks) == len(self_test.CHECKS) == 8
    assert all(line.startswith("OK ") for line in checks)
    assert out[-1] == "8 lulus, 0 gagal"


def test_self_test_fails_with_exit_3_when_a_check_fails(capsys, monkeypatch):
    def broken(_work):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(self_test, "CHECKS", [*self_test.CHECKS[:1], (self_test.CHECKS[3][0], broken)])
    status = cli.main(["self-test"])
    out = capsys.readouterr().out.splitlines()
    assert status == 3
    assert out[2].startswith("GAGAL Formulir PDF: RuntimeError: fonts missing (")
    assert out[-1] == "1 lulus, 1 gagal"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["paket.spmb"], ["gui", "paket.spmb"]),
        (["C:\\USB\\Paket.SPMB"], ["gui", "C:\\USB\\Paket.SPMB"]),
        (["--data-dir", "d", "x.spmb.age"], ["--data-dir", "d", "gui", "x.spmb.age"]),
        (["--data-dir=d", "x.spmb"], ["--data-dir=d", "gui", "x.spmb"]),
        (["gui", "x.spmb"], ["gui", "x.spmb"]),
        (["import-bundle", "x.spmb"], ["import-bundle", "x.spmb"]),
        (["summary", "--year", "2024"], ["summary", "--year", "2024"]),
    ],
)
def test_a_bundle_file_instead_of_a_command_opens_the_window_with_it(argv, expected):
    assert cli.file_as_gui(argv) == expected


def test_the_window_gets_the_bundle_file(monkeypatch, tmp_path):
    seen = []
    import desktop.ui.app

    monkeypatch.setattr(desktop.ui.app, "run_app", lambda data_dir, bundle=None: seen.append((data_dir, bundle)) or 0)
    assert cli.main(["--data-dir", str(tmp_path), str(tmp_path / "b1.spmb")]) == 0
    assert seen == [(str(tmp_path), str(tmp_path / "b1.spmb"))]


def test_the_installed_command_runs_backup_in_a_fresh_process(office, tmp_path):
    done = subprocess.run(
        [SPM_LURING, "--data-dir", str(office.folder), "backup", "--out", str(tmp_path / "usb")],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
