"""The review loop between an office and the district, on the command line with two data folders."""

from __future__ import annotations

import json

from desktop.cli import main

Q3 = ["--year", "2024", "--quarter", "3"]
SERVICE = ["--service", "1.02.01", *Q3]


def run(folder, *args) -> int:
    return main(["--data-dir", str(folder), *args])


def test_submit_send_return_receive_correct_resubmit_approve(tmp_path, capsys):
    office, district = tmp_path / "office", tmp_path / "district"
    (tmp_path / "pass").write_text("frasa sandi yang panjang sekali\n", encoding="utf-8")
    secret = ["--passphrase-file", str(tmp_path / "pass")]
    assert (
        run(office, "init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes", *secret) == 0
    )
    assert (
        run(district, "init", "--region", "64.11", "--office", "Bagian Pemerintahan", "--operator", "Maria", *secret)
        == 0
    )
    assert run(office, "key", "export-public", "--out", str(tmp_path / "dinkes.pub")) == 0
    assert run(district, "key", "export-public", "--out", str(tmp_path / "kab.pub")) == 0
    assert (
        run(district, "trust", "add", str(tmp_path / "dinkes.pub"), "--name", "Dinkes", "--role", "office", "--yes")
        == 0
    )
    assert (
        run(office, "trust", "add", str(tmp_path / "kab.pub"), "--name", "Kabupaten", "--role", "district", "--yes")
        == 0
    )

    assert run(office, "set", *SERVICE, "--area", "64.11.01", "--target", "120", "--served", "100") == 0
    assert run(office, "submit", *SERVICE) == 0
    assert run(office, "export-bundle", *Q3, "--out", str(tmp_path / "b1.spmb"), *secret) == 0
    assert run(district, "import-bundle", str(tmp_path / "b1.spmb"), "--yes") == 0
    assert run(district, "return", *SERVICE, "--office", "Dinas Kesehatan", "--note", "Sasaran tidak sesuai") == 0
    assert (
        run(
            district,
            "export-decisions",
            "--office",
            "Dinas Kesehatan",
            *Q3,
            "--out",
            str(tmp_path / "d1.spmb"),
            *secret,
        )
        == 0
    )
    capsys.readouterr()
    assert run(office, "import-bundle", str(tmp_path / "d1.spmb"), "--yes", "--json") == 0
    applied = json.loads(capsys.readouterr().out)
    assert applied["kind"] == "decisions" and applied["applied"] is True
    assert applied["decisions"][0]["notes"] == [{"area_code": None, "note": "Sasaran tidak sesuai"}]

    assert run(office, "set", *SERVICE, "--area", "64.11.01", "--target", "110") == 0
    assert run(office, "submit", *SERVICE) == 0
    assert run(office, "export-bundle", *Q3, "--out", str(tmp_path / "b2.spmb"), *secret) == 0
    assert run(district, "import-bundle", str(tmp_path / "b2.spmb"), "--yes") == 0
    assert run(district, "approve", *SERVICE, "--office", "Dinas Kesehatan") == 0
    assert (
        run(
            district,
            "export-decisions",
            "--office",
            "Dinas Kesehatan",
            *Q3,
            "--out",
            str(tmp_path / "d2.spmb"),
            *secret,
        )
        == 0
    )
    assert run(office, "import-bundle", str(tmp_path / "d2.spmb"), "--yes") == 0
    capsys.readouterr()
    assert run(office, "show", *SERVICE, "--json") == 0
    assert json.loads(capsys.readouterr().out)["status"] == "approved"
    assert run(office, "set", *SERVICE, "--area", "64.11.01", "--target", "1") == 1  # frozen
    # The district sends the approved reports onward, consolidated and signed with its own key.
    out = tmp_path / "kabupaten-2024Q3.spmb"
    assert run(district, "export-consolidated", *Q3, "--out", str(out), *secret) == 0
    capsys.readouterr()
    assert run(office, "verify-bundle", str(out), "--trusted", str(tmp_path / "kab.pub"), "--json") == 0
    assert len(json.loads(capsys.readouterr().out)["bundle"]["reports"]) == 1
