"""The frozen build (make dist) runs on its own: --version, the self-test, the resources it carries,
and real work on a data folder, with no source tree or virtual environment behind it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from tests.dist.conftest import FROZEN_APP

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get(FROZEN_APP, "")).resolve()
pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path, data: Path | None = None) -> subprocess.CompletedProcess:
    """The frozen program, started from an unrelated folder with no Python paths or resources from here."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SPM_LURING", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PATH"] = "/usr/bin:/bin"
    command = [str(APP), *(["--data-dir", str(data)] if data else []), *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False)


def test_the_build_reports_the_package_version(tmp_path):
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"spm-luring {__version__}\n")


def test_the_build_passes_its_self_test_with_its_own_resources(tmp_path):
    result = run("self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("OK", "GAGAL"))]
    assert len(checks) == 8 and all(line.startswith("OK ") for line in checks), result.stdout
    assert lines[-1] == "8 lulus, 0 gagal"
    # The resources came from the build's own folder, not from this source tree.
    assert str(APP.parent / "_internal" / "resources") in result.stdout
    assert "Jendela aplikasi: offscreen" in result.stdout
    assert "OK    Templat dan impor Excel: 1 sel" in result.stdout  # calamine, openpyxl and zlib-ng carried


def test_the_build_carries_every_resource(tmp_path):
    shipped = ROOT / "resources"
    carried = APP.parent / "_internal" / "resources"
    expected = sorted(
        p.relative_to(shipped).as_posix() for p in shipped.rglob("*") if p.is_file() and p.suffix != ".ts"
    )
    assert expected and sorted(p.relative_to(carried).as_posix() for p in carried.rglob("*") if p.is_file()) == expected
    for name in expected:
        assert (carried / name).read_bytes() == (shipped / name).read_bytes(), name
    assert any(name.endswith(".qm") for name in expected)


def test_the_build_sets_up_records_backs_up_and_restores_like_the_source(tmp_path):
    data = tmp_path / "data"
    steps = [
        ("init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes Ding"),
        (
            "set",
            "--service",
            "1.02.01",
            "--year",
            "2024",
            "--quarter",
            "3",
            "--area",
            "64.11.01",
            "--target",
            "212",
            "--served",
            "131",
        ),
    ]
    for step in steps:
        result = run(*step, cwd=tmp_path, data=data)
        assert result.returncode == 0, result.stderr
    summary = run("summary", "--year", "2024", "--quarter", "3", "--json", cwd=tmp_path, data=data)
    assert summary.returncode == 0, summary.stderr
    document = json.loads(summary.stdout)
    assert document["district"]["code"] == "64.11" and document["index"] is not None
    backup = run("backup", "--out", str(tmp_path / "usb"), cwd=tmp_path, data=data)
    assert backup.returncode == 0, backup.stderr
    (folder,) = (tmp_path / "usb").iterdir()
    restored = tmp_path / "restored"
    assert run("restore", str(folder), cwd=tmp_path, data=restored).returncode == 0
    again = run("summary", "--year", "2024", "--quarter", "3", "--json", cwd=tmp_path, data=restored)
    assert json.loads(again.stdout) == document


def test_the_linux_tarball_unpacks_and_installs_into_the_users_menu(tmp_path):
    (tarball,) = APP.parent.parent.glob(f"spm-luring-{__version__}-linux-*.tar.gz")
    subprocess.run(["tar", "-C", str(tmp_path), "-xzf", str(tarball)], check=True)
    (folder,) = tmp_path.iterdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(folder / "install-desktop.sh")], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    entry = (home / ".local/share/applications/spm-luring.desktop").read_text()
    assert f'Exec="{folder / "spm-luring"}" gui %f' in entry
    assert "MimeType=application/x-spm-luring-bundle;" in entry and "Icon=spm-luring" in entry
    assert "*.spmb" in (home / ".local/share/mime/packages/spm-luring.xml").read_text()
    assert (home / ".local/share/icons/hicolor/256x256/apps/spm-luring.png").is_file()
    linked = home / ".local/bin/spm-luring"
    assert subprocess.run([str(linked), "--version"], capture_output=True, text=True, check=True).stdout == (
        f"spm-luring {__version__}\n"
    )
