"""Accounts, the workflow and deadlines from the command line: each role allowed exactly its acts."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.storage.accounts_helpers import cheap_hashes  # noqa: F401

pytestmark = pytest.mark.usefixtures("cheap_hashes")

Q3 = ["--year", "2024", "--quarter", "3"]
SERVICE = ["--service", "1.02.01", *Q3]
SET = ["set", *SERVICE, "--area", "64.11.01"]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A set-up install with an admin (made by init), an operator and a verifier; passwords in files."""
    monkeypatch.delenv("SPM_LURING_USER", raising=False)
    monkeypatch.delenv("SPM_LURING_PASSWORD", raising=False)
    data = tmp_path / "data"
    for name in ("admin", "operator", "verifier"):
        (tmp_path / f"{name}.pw").write_text(f"{name}-rahasia\n", encoding="utf-8")
    init = ["init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Admin Dinas"]
    assert (
        main(["--data-dir", str(data), *init, "--admin", "admin", "--admin-password-file", str(tmp_path / "admin.pw")])
        == 0
    )
    for name in ("operator", "verifier"):
        args = [
            "user",
            "add",
            name,
            "--name",
            name.title(),
            "--role",
            name,
            "--new-password-file",
            str(tmp_path / f"{name}.pw"),
        ]
        assert as_(data, "admin", *args) == 0
    return data


def as_(data, user, *args) -> int:
    """Runs a command as the account (its password file lies beside the data folder)."""
    return main(["--data-dir", str(data), "--user", user, "--password-file", str(data.parent / f"{user}.pw"), *args])


def test_without_a_login_a_guarded_act_is_refused_with_how_to_log_in(folder, capsys):
    assert main(["--data-dir", str(folder), *SET, "--target", "10"]) == 1
    err = capsys.readouterr().err
    assert "Masuk dengan akun" in err and "--user" in err


def test_the_loop_on_the_command_line(folder, capsys):
    assert as_(folder, "verifier", *SET, "--target", "10") == 1
    assert "tidak berhak mengubah angka" in capsys.readouterr().err
    assert as_(folder, "operator", *SET, "--target", "120", "--served", "100") == 0
    assert as_(folder, "operator", "approve", *SERVICE) == 1
    assert as_(folder, "operator", "submit", *SERVICE) == 0
    assert as_(folder, "operator", *SET, "--served", "101") == 1
    assert "berstatus Diajukan" in capsys.readouterr().err
    assert as_(folder, "verifier", "return", *SERVICE) == 1  # a return needs a note
    assert as_(folder, "verifier", "return", *SERVICE, "--row-note", "tanpa-sama-dengan") == 1
    assert as_(folder, "verifier", "return", *SERVICE, "--note", "Cek", "--row-note", "64.11.01=Terlalu rendah") == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "show", *SERVICE, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "returned"
    assert [(n["area_code"], n["note"]) for n in shown["review_notes"]] == [
        (None, "Cek"),
        ("64.11.01", "Terlalu rendah"),
    ]
    assert as_(folder, "operator", *SET, "--served", "110") == 0
    assert as_(folder, "operator", "submit", *SERVICE) == 0
    assert as_(folder, "verifier", "approve", *SERVICE) == 0
    assert as_(folder, "admin", *SET, "--served", "111") == 1  # approved: frozen for everyone
    assert main(["--data-dir", str(folder), "audit", "verify"]) == 0


def test_user_and_deadline_commands_are_the_admins(folder, capsys, tmp_path):
    (tmp_path / "new.pw").write_text("kata-sandi-baru\n", encoding="utf-8")
    add = [
        "user",
        "add",
        "baru",
        "--name",
        "Baru",
        "--role",
        "operator",
        "--new-password-file",
        str(tmp_path / "new.pw"),
    ]
    deadline = ["deadline", "set", *Q3, "--closes", "2024-10-20"]
    for user in ("operator", "verifier"):
        assert as_(folder, user, *add) == 1
        assert as_(folder, user, *deadline) == 1
        assert as_(folder, user, "user", "role", "operator", "admin") == 1
    assert as_(folder, "admin", *add) == 0
    assert as_(folder, "admin", *deadline) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "user", "list", "--json"]) == 0
    users = {u["username"]: u["role"] for u in json.loads(capsys.readouterr().out)}
    assert users == {"admin": "admin", "baru": "operator", "operator": "operator", "verifier": "verifier"}
    # The deadline has passed: the operator is locked out of Q3 until the admin reopens it.
    assert as_(folder, "operator", *SET, "--target", "5") == 1
    assert "sudah ditutup" in capsys.readouterr().err
    assert as_(folder, "admin", "deadline", "open", *Q3, "--until", "2099-12-31", "--reason", "susulan") == 0
    assert as_(folder, "operator", *SET, "--target", "5") == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "deadline", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed == {"period": "2024Q3", "closes_on": "2024-10-20", "opened_until": "2099-12-31", "closed": False}


def test_a_wrong_password_is_refused(folder, capsys, tmp_path):
    (tmp_path / "wrong.pw").write_text("bukan-ini\n", encoding="utf-8")
    args = ["--data-dir", str(folder), "--user", "operator", "--password-file", str(tmp_path / "wrong.pw")]
    assert main([*args, *SET, "--target", "10"]) == 1
    assert "kata sandi salah" in capsys.readouterr().err
