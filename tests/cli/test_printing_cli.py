"""`spm-luring report-pdf`, `rekap-pdf`, `blank-form` and `signatory`, as scripts use them."""

from __future__ import annotations

import json
import subprocess

import pytest

from desktop.reports.qr_payload import FormPayload
from tests.cli.test_cli import INIT, Q3, SPM_LURING, Cli, ok, one_line_failure, spm
from tests.reports.helpers import page_count, pdf_text, qr_codes, squeezed

HEAD = ["--head-name", "dr. Agustinus Lawing, M.Kes.", "--head-nip", "197001011995031002"]


@pytest.fixture
def folder(tmp_path):
    """Mahakam Ulu's Dinas Kesehatan with figures for two services in Triwulan III 2024."""
    data = tmp_path / "data"
    ok(spm(data, *INIT, "--nip", "198501012010011001"))
    for area, target, served in (("64.11.01", "212", "131"), ("64.11.04", "63", "23")):
        ok(spm(data, "set", "--service", "1.02.01", *Q3, "--area", area, "--target", target, "--served", served))
    ok(spm(data, "set", "--service", "1.02.04", *Q3, "--area", "64.11.02", "--target", "795", "--served", "400"))
    return data


@pytest.fixture
def cli(folder, capsys):
    return Cli(folder, capsys)


def test_signatory_set_and_show(cli):
    status, out, err = cli("signatory", "show")
    assert status == 0, err
    assert "Kepala Dinas Kesehatan, Kabupaten Mahakam Ulu" in out and "Tempat     : Mahakam Ulu" in out
    assert "(belum diisi)" in out
    status, out, err = cli("signatory", "set", *HEAD, "--place", "Ujoh Bilang", "--date", "2024-10-31")
    assert status == 0, err
    assert "NIP 19700101 199503 1 002" in out and "Tanggal    : 31 Oktober 2024" in out
    shown = cli.json("signatory", "show")
    assert shown == {
        "schema": "spm-luring/signatories/1",
        "head": {
            "name": "dr. Agustinus Lawing, M.Kes.",
            "nip": "197001011995031002",
            "title": "Kepala Dinas Kesehatan",
            "rank": "",
        },
        "operator": {"name": "Yohanes Ding", "nip": "198501012010011001"},
        "place": "Ujoh Bilang",
        "date": "2024-10-31",
    }
    # Options not given keep their value; "" returns to the default; hari-ini prints the day of printing.
    assert cli("signatory", "set", "--head-title", "Plt. Kepala Dinas Kesehatan", "--date", "hari-ini")[0] == 0
    shown = cli.json("signatory", "show")
    assert shown["head"]["name"] == "dr. Agustinus Lawing, M.Kes." and shown["date"] is None
    assert shown["head"]["title"] == "Plt. Kepala Dinas Kesehatan"
    assert cli("signatory", "set", "--head-title", "")[0] == 0
    assert cli.json("signatory", "show")["head"]["title"] == "Kepala Dinas Kesehatan"


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--head-nip", "12345"], "NIP harus 18 angka (tertulis: '12345')."),
        (["--date", "31/10/2024"], "Tanggal '31/10/2024' tidak dikenali; tulis misalnya 2024-10-31 atau hari-ini."),
        ([], "Tidak ada yang diubah; sebut misalnya --head-name dan --head-nip."),
    ],
)
def test_a_bad_signatory_is_refused(cli, args, reason):
    assert cli("signatory", "set", *args) == (1, "", f"spm-luring: {reason}\n")


def test_report_pdf_of_one_service(folder, tmp_path):
    ok(spm(folder, "signatory", "set", *HEAD, "--place", "Ujoh Bilang", "--date", "2024-10-31"))
    out = tmp_path / "form.pdf"
    printed = ok(spm(folder, "report-pdf", *Q3, "--service", "1.02.01", "--out", str(out)))
    pages = page_count(out)
    assert printed == f"{out}: {pages} halaman, 1 formulir\n"
    text = squeezed(pdf_text(out))
    assert "1 Long Bagun 212 131 81 61,79 %" in text
    assert "Ujoh Bilang, 31 Oktober 2024" in text and "dr. Agustinus Lawing, M.Kes." in text
    shown = json.loads(ok(spm(folder, "show", "--service", "1.02.01", *Q3, "--json")))
    (code,) = [c for p in range(1, pages + 1) for c in qr_codes(out, p, tmp_path)]
    assert FormPayload.parse(code).content_hash == shown["content_hash"]


def test_report_pdf_without_service_prints_every_form_with_data(cli, tmp_path):
    out = tmp_path / "all.pdf"
    status, printed, err = cli("report-pdf", *Q3, "--out", str(out))
    assert status == 0, err
    assert printed.endswith(" halaman, 2 formulir\n")
    text = pdf_text(out)
    assert text.index("1.02.01 Pelayanan kesehatan ibu hamil") < text.index("1.02.04 Pelayanan kesehatan balita")


def test_rekap_pdf_of_a_quarter_and_of_the_year(cli, tmp_path):
    status, printed, err = cli("rekap-pdf", *Q3, "--out", str(tmp_path / "q3.pdf"))
    assert status == 0, err
    assert printed.endswith(" halaman, 1 rekap triwulan\n")
    assert "REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL" in pdf_text(tmp_path / "q3.pdf")
    status, printed, err = cli("rekap-pdf", "--year", "2024", "--out", str(tmp_path / "year.pdf"))
    assert status == 0, err
    assert printed.endswith(" halaman, 1 rekap triwulan\n")  # only Triwulan III has data


def test_blank_form(cli, tmp_path):
    status, _, err = cli("blank-form", "--service", "1.02.03", "--out", str(tmp_path / "b.pdf"))
    assert status == 0, err
    assert "1.02.03 Pelayanan kesehatan bayi baru lahir" in squeezed(pdf_text(tmp_path / "b.pdf"))
    status, _, err = cli("blank-form", "--service", "1.02.03", "--year", "2024", "--out", str(tmp_path / "c.pdf"))
    assert (status, err) == (1, "spm-luring: --year dan --quarter harus disebut bersama (atau keduanya tidak).\n")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (
            ["report-pdf", "--year", "2024", "--quarter", "4"],
            "Belum ada data untuk Triwulan IV 2024; tidak ada formulir",
        ),
        (["report-pdf", *Q3, "--service", "1.01.01"], "Layanan 1.01.01 tidak termasuk layanan yang dilaporkan"),
        (["rekap-pdf", "--year", "2023"], "Belum ada data untuk 2023; rekap tidak dapat dicetak."),
        (["blank-form", "--service", "9.99"], "Layanan 9.99 tidak termasuk layanan yang dilaporkan"),
    ],
)
def test_what_cannot_be_printed_is_one_line_and_no_file(folder, tmp_path, args, reason):
    out = tmp_path / "x.pdf"
    assert one_line_failure(spm(folder, *args, "--out", str(out))).startswith(reason)
    assert not out.exists()


def test_printing_works_beside_the_open_window(folder, tmp_path):
    """The print commands only read: they do not need the folder's writer lock."""
    from desktop.storage.store import Store

    with Store.open(folder):
        ok(spm(folder, "report-pdf", *Q3, "--service", "1.02.01", "--out", str(tmp_path / "f.pdf")))
        reason = one_line_failure(spm(folder, "signatory", "set", "--place", "Ujoh Bilang"))
    assert reason.startswith("SPM Luring sudah terbuka untuk folder data ini")


def test_the_commands_are_listed_in_the_help():
    done = subprocess.run([SPM_LURING, "--help"], capture_output=True, text=True, check=True)
    for command in ("report-pdf", "rekap-pdf", "blank-form", "signatory"):
        assert command in done.stdout
