"""`excel-template`, `import-excel`, `export-rekap` as scripts use them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main

SPM_LURING = str(Path(sys.executable).with_name("spm-luring"))
Q3 = ["--year", "2024", "--quarter", "3"]
INIT = ["init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes Ding"]
R = 7  # the first area row of a template sheet


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), *INIT]) == 0
    return data


@pytest.fixture
def cli(folder, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(["--data-dir", str(folder), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def filled_template(cli, tmp_path, cells) -> Path:
    template = tmp_path / "templat.xlsx"
    status, out, _ = cli("excel-template", *Q3, "--out", str(template))
    assert status == 0 and "12 layanan, 6 baris wilayah" in out
    workbook = openpyxl.load_workbook(template)
    for (sheet, ref), value in cells.items():
        workbook[sheet][ref] = value
    out_path = tmp_path / "terisi.xlsx"
    workbook.save(out_path)
    return out_path


def summary(cli) -> dict:
    status, out, _ = cli("summary", *Q3, "--json")
    assert status == 0
    return {s["code"]: s for f in json.loads(out)["fields"] for s in f["services"]}


def test_round_trip_with_the_installed_executable(folder, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SPM_LURING_DATA_DIR"}

    def spm(*args):
        return subprocess.run(
            [SPM_LURING, "--data-dir", str(folder), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    template = tmp_path / "templat.xlsx"
    assert spm("excel-template", *Q3, "--services", "1.02.01", "--out", str(template)).returncode == 0
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["1.02.01"]
    for row, (target, served) in enumerate([(212, 131), (360, 212)], start=R):
        sheet[f"C{row}"], sheet[f"D{row}"] = target, served
    workbook.save(template)
    done = spm("import-excel", str(template))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert "4 sel di 1 laporan diimpor" in done.stdout
    shown = json.loads(spm("summary", *Q3, "--json").stdout)
    service = shown["fields"][0]["services"][0]
    assert (service["target"], service["served"], round(service["recipients_pct"], 2)) == (572, 343, 59.97)


def test_a_refused_workbook_exits_1_with_a_summary_line_the_list_and_a_file(cli, tmp_path):
    path = filled_template(cli, tmp_path, {("1.02.01", f"C{R}"): "banyak", ("1.02.02", f"D{R + 1}"): "=1+1"})
    status, out, err = cli("import-excel", str(path))
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("spm-luring: impor terisi.xlsx ditolak: 2 masalah; tidak ada yang diubah; daftarnya di ")
    assert lines[1:] == [
        f"  1.02.01!C{R} (Sasaran): Sasaran: 'banyak' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250.",
        f"  1.02.02!D{R + 1} (Terlayani): Sel ini berisi rumus. Isi angkanya saja: salin sel, lalu Tempel Khusus → Nilai.",
    ]
    listed = tmp_path / "terisi-kesalahan.csv"
    rows = list(csv.reader(listed.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Lembar", "Baris", "Kolom", "Alasan"] and len(rows) == 3
    assert summary(cli)["1.02.01"]["target"] is None  # nothing applied

    chosen = tmp_path / "daftar.xlsx"
    status, _, err = cli("import-excel", str(path), "--errors", str(chosen))
    assert status == 1 and str(chosen) in err.splitlines()[0]
    assert openpyxl.load_workbook(chosen).active["A2"].value == "1.02.01"


def test_dry_run_shows_the_changes_and_stores_nothing(cli, tmp_path):
    path = filled_template(cli, tmp_path, {("1.02.01", f"C{R}"): 212, ("1.02.01", f"K{R}"): "Jalan putus"})
    status, out, _ = cli("import-excel", str(path), "--dry-run")
    assert status == 0
    assert "  64.11.01 Long Bagun, Sasaran: (kosong) -> 212" in out.splitlines()
    assert "uji coba: 2 sel di 1 laporan akan berubah; belum ada yang disimpan" in out
    assert summary(cli)["1.02.01"]["target"] is None


def test_a_plain_sheet_needs_service_and_period(cli, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Kecamatan", "Sasaran", "Terlayani"])
    workbook.active.append(["Long Bagun", 50, 25])
    path = tmp_path / "biasa.xlsx"
    workbook.save(path)
    status, _, err = cli("import-excel", str(path))
    assert status == 1 and "sebutkan --service, --year dan --quarter" in err
    status, _, err = cli("import-excel", str(path), "--service", "1.02.04", "--year", "2024")
    assert status == 2
    status, out, _ = cli("import-excel", str(path), "--service", "1.02.04", *Q3)
    assert status == 0 and "2 sel di 1 laporan diimpor" in out
    assert summary(cli)["1.02.04"]["served"] == 25


def test_a_hostile_file_is_one_line(cli, tmp_path):
    fake = tmp_path / "palsu.xlsx"
    fake.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    status, out, err = cli("import-excel", str(fake))
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith("spm-luring: palsu.xlsx bukan buku kerja Excel (.xlsx).")


def test_export_rekap(cli, tmp_path):
    cli("set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "212", "--served", "131")
    out_path = tmp_path / "rekap.xlsx"
    status, out, _ = cli("export-rekap", *Q3, "--out", str(out_path))
    assert status == 0 and out.strip().endswith("12 layanan, indeks 61,79 % (Tuntas Muda)")
    rows = list(openpyxl.load_workbook(out_path)["Rekap"].iter_rows(values_only=True))
    assert next(r for r in rows if r[1] == "1.02.01")[3:7] == (212, 131, 81, 61.79)
