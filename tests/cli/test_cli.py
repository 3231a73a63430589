"""`spm-luring` as scripts and acceptance checks use it: the installed executable, real data folders.

Exit status (desktop/cli/__init__.py): 0 success; 1 a failure the user can act on, with a one-line
reason on standard error; 2 a usage error; 3 a check (audit verify) that found a problem.
Slow paths run the real executable in a subprocess; the many small checks call `desktop.cli.main`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR

SPM_LURING = str(Path(sys.executable).with_name("spm-luring"))
Q3 = ["--year", "2024", "--quarter", "3"]
INIT = ["init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes Ding"]
ALL_CODES = (
    [f"1.01.0{i}" for i in range(1, 4)]
    + [f"1.02.{i:02d}" for i in range(1, 13)]
    + ["1.03.01", "1.03.02", "1.04.01", "1.04.02"]
    + [f"1.05.0{i}" for i in range(1, 6)]
    + [f"1.06.0{i}" for i in range(1, 6)]
)


def spm(data_dir: Path | None, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs the installed executable."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "SPM_LURING_DATA_DIR"}
    command = [SPM_LURING, *(["--data-dir", str(data_dir)] if data_dir else []), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line_failure(result: subprocess.CompletedProcess, status: int = 1) -> str:
    """The reason of a failed run, after checking it is one line on stderr and nothing on stdout."""
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.startswith("spm-luring: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.removeprefix("spm-luring: ").rstrip("\n")


def pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return path


@pytest.fixture
def folder(tmp_path):
    """A data folder set up through the CLI, as an admin would: Mahakam Ulu, Dinas Kesehatan.

    (In this process, for speed; test_init_sets_up_the_office_for_its_district runs the executable.)
    """
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), *INIT]) == 0
    return data


class Cli:
    """Calls desktop.cli.main in this process, with the folder, and returns (status, stdout, stderr)."""

    def __init__(self, folder: Path, capsys):
        self.folder, self.capsys = folder, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            status = main(["--data-dir", str(self.folder), *args])
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            status = exc.code
        out, err = self.capsys.readouterr()
        return status, out, err

    def json(self, *args: str):
        status, out, err = self(*args, "--json")
        assert status == 0, err
        return json.loads(out)


@pytest.fixture
def cli(folder, capsys):
    return Cli(folder, capsys)


# --- init ---------------------------------------------------------------------------------------


def test_init_sets_up_the_office_for_its_district(tmp_path):
    data = tmp_path / "data"
    out = ok(spm(data, *INIT, "--nip", "198501012010011001"))
    assert out == "Dinas Kesehatan, Kabupaten Mahakam Ulu (64.11): 12 layanan, 5 kecamatan\n"
    assert (data / "spm-luring.sqlite").is_file()
    assert ok(spm(data, "audit", "verify")) == "log audit utuh: 1 baris\n"


def test_init_with_desa_rows_and_chosen_services(tmp_path):
    out = ok(
        spm(
            tmp_path / "d",
            "init",
            "--region",
            "64.11",
            "--office",
            "Dinas Sosial",
            "--operator",
            "Maria",
            "--services",
            "1.06",
            "--area-level",
            "desa",
        )
    )
    assert out.startswith("Dinas Sosial, Kabupaten Mahakam Ulu (64.11): 5 layanan, ")
    assert out.rstrip().endswith(" desa")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--region", "99.99"], "Kode '99.99' bukan kode kabupaten/kota yang dikenal (contoh: 64.11)."),
        (["--region", "64"], "Kode '64' bukan kode kabupaten/kota yang dikenal (contoh: 64.11)."),
        (["--region", "64.11.01"], "Kode '64.11.01' bukan kode kabupaten/kota yang dikenal (contoh: 64.11)."),
        (["--region", "64.11", "--nip", "12345"], "NIP harus 18 angka (tertulis: '12345')."),
        (["--region", "64.11", "--services", "1.02,9.99"], "Kode layanan tidak dikenal: 9.99."),
        (["--region", "64.11", "--operator", "  "], "Nama operator wajib diisi."),
    ],
)
def test_a_bad_init_is_refused_and_a_good_one_still_works_after(tmp_path, capsys, args, reason):
    run = Cli(tmp_path / "data", capsys)
    assert run("init", "--office", "Dinas Kesehatan", "--operator", "Yohanes", *args) == (
        1,
        "",
        f"spm-luring: {reason}\n",
    )
    status, _, err = run("show", "--service", "1.02.01", *Q3)
    assert status == 1 and "belum disiapkan" in err
    assert run(*INIT)[0] == 0


def test_a_bad_init_through_the_executable(tmp_path):
    data = tmp_path / "data"
    result = spm(data, "init", "--region", "99.99", "--office", "Dinas Kesehatan", "--operator", "Yohanes")
    assert one_line_failure(result) == "Kode '99.99' bukan kode kabupaten/kota yang dikenal (contoh: 64.11)."
    ok(spm(data, *INIT))


def test_a_second_init_is_refused(cli):
    status, out, err = cli("init", "--region", "64.11", "--office", "Dinas Pendidikan", "--operator", "Lain")
    assert (status, out, err) == (1, "", "spm-luring: Aplikasi ini sudah disiapkan untuk Dinas Kesehatan.\n")
    assert cli("audit", "verify") == (0, "log audit utuh: 1 baris\n", "")


def test_the_data_folder_can_come_from_the_environment(tmp_path):
    data = tmp_path / "from-env"
    env = {**os.environ, "SPM_LURING_DATA_DIR": str(data)}
    ok(spm(None, *INIT, env=env))
    ok(spm(None, "set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "7", env=env))
    shown = json.loads(ok(spm(data, "show", "--service", "1.02.01", *Q3, "--json")))
    assert shown["totals"]["target"] == 7


# --- catalog ------------------------------------------------------------------------------------


def test_catalog_lists_the_29_services_with_their_codes(tmp_path):
    out = ok(spm(tmp_path / "never-made", "catalog"))
    codes = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert codes == ALL_CODES
    assert "1.02.01  Pelayanan kesehatan ibu hamil" in out
    assert not (tmp_path / "never-made").exists()  # reading the catalog needs no data folder


def test_catalog_json_is_the_documented_schema(tmp_path):
    data = json.loads(ok(spm(tmp_path, "catalog", "--json")))
    assert data["schema"] == "spm-luring/catalog/1"
    assert [f["code"] for f in data["fields"]] == ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06"]
    services = [s for f in data["fields"] for s in f["services"]]
    assert len(services) == 29
    assert [s["code"] for s in services] == ALL_CODES
    assert all(s["code"].startswith(f["code"] + ".") for f in data["fields"] for s in f["services"])
    assert data["scoring"]["weights"] == {"recipients": 0.8, "quality": 0.2}
    assert data["scoring"]["aggregation"] == "mean_of_services"
    assert {b["label"]: b["min"] for b in data["scoring"]["bands"]} == {
        "Tuntas Paripurna": 100,
        "Tuntas Utama": 90,
        "Tuntas Madya": 80,
        "Tuntas Pratama": 70,
        "Tuntas Muda": 60,
        "Belum Tuntas": 0,
    }


# --- set and show -------------------------------------------------------------------------------


def test_set_stores_figures_and_accepts_indonesian_grouping(folder):
    ok(spm(folder, "set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "1.250", "--served", "1200"))
    ok(spm(folder, "set", "--service", "1.02.01", *Q3, "--area", "64.11", "--budget", "Rp 15.000.000"))
    ok(spm(folder, "set", "--service", "1.02.01", *Q3, "--area", "64.11.02", "--problems", "Jalan putus"))
    shown = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    assert shown["schema"] == "spm-luring/report/1"
    assert (shown["service"], shown["period"], shown["status"]) == ("1.02.01", "2024Q3", "draft")
    rows = {r["area_code"]: r for r in shown["rows"]}
    assert (rows["64.11.01"]["target"], rows["64.11.01"]["served"]) == (1250, 1200)
    assert rows["64.11.01"]["area_name"] == "Long Bagun"
    assert rows["64.11"]["budget"] == 15_000_000 and rows["64.11"]["area_name"] == "Kabupaten Mahakam Ulu"
    assert rows["64.11.02"]["problems"] == "Jalan putus"
    assert shown["totals"] == {
        "target": 1250,
        "served": 1200,
        "quality_required": None,
        "quality_met": None,
        "budget": 15_000_000,
        "spent": None,
    }
    text = ok(spm(folder, "show", "--service", "1.02.01", *Q3))
    assert "Long Bagun" in text and "1.250" in text and "96,00 %" in text


def test_text_where_a_number_belongs_is_refused_and_nothing_is_stored(folder):
    args = ["set", "--service", "1.02.01", *Q3, "--area", "64.11.01"]
    ok(spm(folder, *args, "--target", "100"))
    before = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    reason = one_line_failure(spm(folder, *args, "--target", "200", "--served", "seratus"))
    assert reason == "Long Bagun: Terlayani: 'seratus' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250."
    after = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    assert after == before  # the good --target 200 in the same command was not stored either


def test_a_no_op_set_keeps_the_content_hash_and_a_change_moves_it(folder):
    args = ["set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "120", "--served", "95"]
    ok(spm(folder, *args))
    first = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    audit_rows = ok(spm(folder, "audit", "verify"))
    ok(spm(folder, *args))  # the same figures again
    again = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    assert again["content_hash"] == first["content_hash"] and len(first["content_hash"]) == 64
    assert ok(spm(folder, "audit", "verify")) == audit_rows  # nothing recorded
    ok(spm(folder, "set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--served", "96"))
    changed = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    assert changed["content_hash"] != first["content_hash"]


def test_served_above_target_is_stored_with_a_warning_on_stdout(cli):
    status, out, err = cli("set", "--service", "1.02.01", *Q3, "--area", "64.11.02", "--target", "80", "--served", "90")
    assert (status, err) == (0, "")
    assert out == "peringatan: Terlayani (90) melebihi sasaran (80); jelaskan di Permasalahan.\n"
    assert cli.json("show", "--service", "1.02.01", *Q3)["totals"]["served"] == 90


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (
            ["--service", "1.01.01", *Q3, "--area", "64.11.01", "--target", "5"],
            "Layanan 1.01.01 tidak termasuk layanan yang dilaporkan Dinas Kesehatan (lihat 'spm-luring catalog').",
        ),
        (
            ["--service", "1.02.01", *Q3, "--area", "64.10.01", "--target", "5"],
            "Wilayah 64.10.01 bukan bagian dari kabupaten/kota ini.",
        ),
        (
            ["--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "-5"],
            "Long Bagun: Sasaran tidak boleh negatif (-5).",
        ),
        (
            ["--service", "1.02.01", *Q3, "--area", "64.11.01", "--quality-required", "3", "--quality-met", "4"],
            "Long Bagun, kolom Mutu terpenuhi: Mutu terpenuhi (4) melebihi mutu yang dipersyaratkan (3).",
        ),
        (
            [
                "--service",
                "1.02.01",
                "--year",
                str(FIRST_YEAR - 1),
                "--quarter",
                "3",
                "--area",
                "64.11.01",
                "--target",
                "5",
            ],
            f"Tahun {FIRST_YEAR - 1} di luar rentang {FIRST_YEAR}-{LAST_YEAR}.",
        ),
        (
            ["--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "12,5"],
            "Long Bagun: Sasaran: '12,5' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250.",
        ),
    ],
)
def test_set_refusals_are_one_line_reasons_with_status_1(cli, args, reason):
    status, out, err = cli("set", *args)
    assert (status, out) == (1, "")
    assert err == f"spm-luring: {reason}\n"
    assert cli.json("show", "--service", "1.02.01", *Q3)["rows"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["set", "--service", "1.02.01", *Q3, "--area", "64.11.01"],  # no figure at all
        ["set", "--service", "1.02.01", "--year", "2024", "--quarter", "5", "--area", "64.11.01", "--target", "1"],
        ["set", "--service", "1.02.01", "--year", "dua ribu", "--quarter", "3", "--area", "64.11.01", "--target", "1"],
        ["set", "--service", "1.02.01", *Q3, "--target", "1"],  # no --area
        ["summary", "--year", "2024"],
        ["audit"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(cli, args):
    status, out, err = cli(*args)
    assert status == 2, (out, err)
    assert out == "" and err.strip()


def test_version_and_help(cli):
    status, out, _ = cli("--version")
    assert status == 0 and out.startswith("spm-luring ")
    status, out, _ = cli("set", "--help")
    assert status == 0 and "--quality-met" in out


def test_reading_commands_before_set_up_say_what_to_do(tmp_path, capsys):
    empty = Cli(tmp_path / "kosong", capsys)
    status, _, err = empty("show", "--service", "1.02.01", *Q3)
    assert status == 1 and "Belum ada data" in err and "spm-luring init" in err
    status, _, err = empty("summary", *Q3)
    assert status == 1 and "Belum ada data" in err


# --- attach and evidence ------------------------------------------------------------------------


def test_attach_list_and_remove_evidence(folder, tmp_path):
    source = pdf(tmp_path / "berita acara.pdf")
    out = ok(
        spm(folder, "attach", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--description", "BA", str(source))
    )
    evidence_id, label, size, short_hash, name = out.split(maxsplit=4)
    assert (label, int(size), name.strip()) == ("PDF", source.stat().st_size, "berita acara.pdf")
    listed = json.loads(ok(spm(folder, "evidence", "list", "--service", "1.02.01", *Q3, "--json")))
    (item,) = listed
    assert item["id"] == evidence_id and item["sha256"].startswith(short_hash)
    assert (item["area"], item["name"], item["type"], item["description"]) == (
        "64.11.01",
        "berita acara.pdf",
        "application/pdf",
        "BA",
    )
    assert item["added_by"] == "Yohanes Ding"
    assert evidence_id in ok(spm(folder, "evidence", "list", "--service", "1.02.01", *Q3))

    ok(spm(folder, "evidence", "remove", evidence_id, "--reason", "salah berkas"))
    assert json.loads(ok(spm(folder, "evidence", "list", "--service", "1.02.01", *Q3, "--json"))) == []
    blob = folder / "evidence" / item["sha256"][:2] / f"{item['sha256']}.pdf"
    assert blob.read_bytes() == source.read_bytes()  # removed from the report, kept in the store
    assert one_line_failure(spm(folder, "evidence", "remove", "bukan-id")) == "Data dukung bukan-id tidak ada."
    assert ok(spm(folder, "audit", "verify")).startswith("log audit utuh: ")


def test_attach_is_all_or_nothing_and_explains_a_wrong_file(folder, tmp_path):
    good = pdf(tmp_path / "ba.pdf")
    fake = tmp_path / "foto.pdf"
    fake.write_text("bukan pdf")
    reason = one_line_failure(spm(folder, "attach", "--service", "1.02.01", *Q3, str(good), str(fake)))
    assert reason.startswith("Isi berkas 'foto.pdf' tidak dikenali sebagai PDF.")
    assert json.loads(ok(spm(folder, "evidence", "list", "--service", "1.02.01", *Q3, "--json"))) == []
    reason = one_line_failure(spm(folder, "attach", "--service", "1.02.01", *Q3, str(tmp_path / "hilang.pdf")))
    assert reason == f"Berkas '{tmp_path / 'hilang.pdf'}' tidak ditemukan."


# --- summary ------------------------------------------------------------------------------------


def test_summary_json_matches_hand_computed_scores(folder):
    def put(service, area, *figures):
        ok(spm(folder, "set", "--service", service, *Q3, "--area", area, *figures))

    put("1.02.01", "64.11.01", "--target", "120", "--served", "95", "--quality-required", "10", "--quality-met", "8")
    put("1.02.01", "64.11.02", "--target", "80", "--served", "90")
    summary = json.loads(ok(spm(folder, "summary", *Q3, "--json")))
    assert summary["schema"] == "spm-luring/summary/1"
    assert summary["district"] == {"code": "64.11", "name": "Kabupaten Mahakam Ulu"}
    assert summary["office"]["name"] == "Dinas Kesehatan"
    assert summary["period"] == {"year": 2024, "quarter": 3, "key": "2024Q3"}
    (health,) = summary["fields"]
    assert health["code"] == "1.02" and len(health["services"]) == 12
    ibu_hamil = health["services"][0]
    assert ibu_hamil["code"] == "1.02.01"
    # recipients (95 + 90) / (120 + 80) = 92.5 %; quality 8 / 10 = 80 %; score 0.8 x 92.5 + 0.2 x 80 = 90.0
    assert (ibu_hamil["target"], ibu_hamil["served"], ibu_hamil["not_served"]) == (200, 185, 15)
    assert ibu_hamil["recipients_pct"] == pytest.approx(92.5)
    assert ibu_hamil["quality_pct"] == pytest.approx(80.0)
    assert ibu_hamil["score"] == pytest.approx(90.0)
    assert ibu_hamil["over_target"] is True  # Long Hubung served 90 of 80
    assert ibu_hamil["budget_pct"] is None
    assert all(s["score"] is None for s in health["services"][1:])  # no data: left out of the mean
    assert summary["index"] == pytest.approx(90.0) and summary["band"] == "Tuntas Utama"

    # A second service with recipients only: 40 / 50 = 80 %, scored on that alone (the weights renormalise).
    put("1.02.04", "64.11", "--target", "50", "--served", "40")
    summary = json.loads(ok(spm(folder, "summary", *Q3, "--json")))
    balita = next(s for s in summary["fields"][0]["services"] if s["code"] == "1.02.04")
    assert balita["score"] == pytest.approx(80.0) and balita["quality_pct"] is None
    assert summary["fields"][0]["score"] == pytest.approx(85.0)
    assert summary["index"] == pytest.approx(85.0) and summary["band"] == "Tuntas Madya"

    text = ok(spm(folder, "summary", *Q3))
    assert "Indeks capaian SPM: 85,00 % (Tuntas Madya)" in text


def test_summary_of_an_empty_quarter_has_no_index(cli):
    summary = cli.json("summary", "--year", "2024", "--quarter", "1")
    assert summary["index"] is None and summary["band"] is None
    status, out, _ = cli("summary", "--year", "2024", "--quarter", "1")
    assert status == 0 and "Indeks capaian SPM: — (-)" in out


def test_figures_above_target_count_as_100_percent_in_the_score(cli):
    cli("set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "10", "--served", "15")
    summary = cli.json("summary", *Q3)
    service = summary["fields"][0]["services"][0]
    assert service["recipients_pct"] == pytest.approx(150.0)
    assert service["score"] == pytest.approx(100.0) and service["over_target"] is True
    assert summary["band"] == "Tuntas Paripurna"


# --- audit verify -------------------------------------------------------------------------------


def test_audit_verify_exit_codes(folder):
    ok(spm(folder, "set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "5", "--served", "4"))
    assert ok(spm(folder, "audit", "verify")) == "log audit utuh: 4 baris\n"
    with closing(sqlite3.connect(folder / "spm-luring.sqlite")) as conn:
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE id = 2")
        conn.commit()
    result = spm(folder, "audit", "verify")
    assert one_line_failure(result, status=3) == "log audit rusak: Baris log audit 2 hilang (dihapus)."
    assert result.stdout == ""
