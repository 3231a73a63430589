"""`spm-luring dashboard`: the dashboard's figures for scripts, as documented in docs/cli.md."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import Q3, Cli, folder  # noqa: F401 - the fixture is used by name


@pytest.fixture
def cli(folder, capsys):  # noqa: F811
    return Cli(folder, capsys)


def put(cli, service, area, *figures, year="2024"):
    status, _, err = cli("set", "--service", service, "--year", year, "--quarter", "3", "--area", area, *figures)
    assert status == 0, err


def test_dashboard_json(cli):
    put(cli, "1.02.01", "64.11.01", "--target", "100", "--served", "80")  # 80
    put(cli, "1.02.02", "64.11.01", "--target", "100", "--served", "40")  # 40
    put(cli, "1.02.03", "64.11.01", "--target", "0")  # not applicable
    put(cli, "1.02.01", "64.11.01", "--target", "100", "--served", "50", year="2023")
    data = cli.json("dashboard", *Q3, "--service", "1.02.01")
    assert data["schema"] == "spm-luring/dashboard/1"
    assert data["index"] == pytest.approx(60.0) and data["band"] == "Tuntas Muda"
    assert [s["code"] for s in data["services"][:3]] == ["1.02.02", "1.02.01", "1.02.03"]
    assert data["services"][2]["value"] is None and data["services"][2]["missing"] == "tidak berlaku (sasaran 0)"
    assert data["same_quarter_last_year"] == {"period": "2023Q3", "index": 50.0, "band": "Belum Tuntas"}
    assert data["change_points"] == 10.0
    assert [p["index"] for p in data["trend"]["2024"]] == [None, None, 60.0, None]
    assert data["evidence"]["reports"] == {"with_evidence": 0, "total": 3}
    assert data["completeness"][0] == {
        "code": "1.02.01",
        "status": "draft",
        "has_figures": False,  # four kecamatan are still empty
        "has_evidence": False,
        "sent": False,
        "complete": False,
    }
    kecamatan = data["areas"]["kecamatan"]
    assert kecamatan[0]["label"] == "Long Bagun" and kecamatan[0]["value"] == 80.0
    status, out, _ = cli("dashboard", *Q3)
    assert status == 0 and "Indeks capaian SPM: 60,00 % (Tuntas Muda)" in out


def test_dashboard_refuses_a_service_the_office_does_not_report(cli):
    status, _, err = cli("dashboard", *Q3, "--service", "1.01.01")
    assert status == 1 and "1.01.01" in err
