"""`spm-luring` key, trust, recipients, export-bundle, verify-bundle, import-bundle.

Exit status: 0 success; 1 a failure the user can act on (one line on standard error); 2 usage;
3 a bundle refused by verification.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pyrage
import pytest

from desktop.cli import main
from tests.storage.helpers import pdf_bytes

SPM_LURING = str(Path(sys.executable).with_name("spm-luring"))
Q3 = ["--year", "2024", "--quarter", "3"]
INIT = ["init", "--region", "64.11", "--office", "Dinas Kesehatan", "--operator", "Yohanes Ding"]
DISTRICT_INIT = ["init", "--region", "64.11", "--office", "Sekretariat Daerah", "--operator", "Maria Hawing"]
PASSPHRASE = "frasa sandi kantor dinkes"


class Cli:
    """desktop.cli.main in this process, on one data folder; returns (status, stdout, stderr)."""

    def __init__(self, folder: Path, capsys):
        self.folder, self.capsys = folder, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            status = main(["--data-dir", str(self.folder), *map(str, args)])
        except SystemExit as exc:
            status = exc.code
        out, err = self.capsys.readouterr()
        return status, out, err

    def ok(self, *args: str) -> str:
        status, out, err = self(*args)
        assert status == 0, err
        assert err == ""
        return out


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "sandi.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def office(tmp_path, capsys, secret) -> Cli:
    """Dinas Kesehatan, set up with its key, with figures and one evidence file for 2024 Q3."""
    cli = Cli(tmp_path / "office", capsys)
    out = cli.ok(*INIT, "--passphrase-file", secret)
    assert "kunci kantor: sidik jari " in out
    cli.ok("set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "212", "--served", "131")
    cli.ok("set", "--service", "1.02.03", *Q3, "--area", "64.11.02", "--target", "40", "--served", "38")
    (tmp_path / "ba.pdf").write_bytes(pdf_bytes())
    cli.ok("attach", "--service", "1.02.01", *Q3, "--area", "64.11.01", tmp_path / "ba.pdf")
    return cli


@pytest.fixture
def district(tmp_path, capsys) -> Cli:
    cli = Cli(tmp_path / "district", capsys)
    cli.ok(*DISTRICT_INIT)
    return cli


def fingerprint_of(cli: Cli) -> str:
    return json.loads(cli.ok("key", "show", "--json"))["fingerprint"]


def one_line(status_out_err, status: int) -> str:
    code, out, err = status_out_err
    assert code == status, (code, out, err)
    assert err.startswith("spm-luring: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err.removeprefix("spm-luring: ").rstrip("\n")


def test_init_with_a_passphrase_file_makes_the_key_and_key_commands_show_and_export_it(office, tmp_path):
    shown = json.loads(office.ok("key", "show", "--json"))
    assert shown["schema"] == "spm-luring/office-key/1"
    assert len(shown["fingerprint"]) == 24 and len(shown["key_id"]) == 16
    text = office.ok("key", "show")
    assert shown["fingerprint"] in text and shown["key_id"] in text
    out = office.ok("key", "export-public", "--out", tmp_path / "dinkes.pub")
    assert shown["fingerprint"] in out
    assert (tmp_path / "dinkes.pub").read_text().splitlines()[1] == shown["public_key"]
    assert (
        "kunci kantor sudah ada"
        in one_line(office("key", "create", "--passphrase-file", tmp_path / "sandi.txt"), 1).lower()
    )


def test_a_weak_passphrase_refuses_init_before_anything_is_set_up(tmp_path, capsys):
    (tmp_path / "weak").write_text("pendek\n")
    cli = Cli(tmp_path / "data", capsys)
    assert "terlalu pendek" in one_line(cli(*INIT, "--passphrase-file", tmp_path / "weak"), 1)
    assert not (tmp_path / "data").exists()  # checked before the data folder was even made


def test_key_create_later_and_replace(district, secret, tmp_path):
    assert "belum dibuat" in one_line(district("key", "show"), 1)
    assert "--passphrase-file" in one_line(district("key", "create"), 1)  # no terminal to ask on
    first = district.ok("key", "create", "--passphrase-file", secret)
    assert first.startswith("kunci kantor dibuat: sidik jari ")
    second = district.ok("key", "create", "--passphrase-file", secret, "--replace")
    assert second != first
    assert len(list((district.folder / "keys" / "archive").iterdir())) == 2


def test_trust_add_asks_for_confirmation_lists_and_removes(office, district, tmp_path):
    office.ok("key", "export-public", "--out", tmp_path / "dinkes.pub")
    fingerprint = fingerprint_of(office)
    status, out, err = district(
        "trust", "add", tmp_path / "dinkes.pub", "--name", "Dinas Kesehatan", "--role", "office"
    )
    assert status == 1 and fingerprint in out and "--yes" in err  # shown, but not trusted without a yes
    assert json.loads(district.ok("trust", "list", "--json"))["keys"] == []
    out = district.ok("trust", "add", tmp_path / "dinkes.pub", "--name", "Dinas Kesehatan", "--role", "office", "--yes")
    assert fingerprint in out
    listed = json.loads(district.ok("trust", "list", "--json"))
    assert listed["schema"] == "spm-luring/trusted-keys/1"
    assert [(k["fingerprint"], k["role"], k["own"]) for k in listed["keys"]] == [(fingerprint, "office", False)]
    assert fingerprint in district.ok("trust", "list")
    assert "sudah dipercaya" in one_line(
        district("trust", "add", tmp_path / "dinkes.pub", "--name", "X", "--role", "office", "--yes"), 1
    )
    district.ok("trust", "remove", fingerprint)
    assert json.loads(district.ok("trust", "list", "--json"))["keys"] == []
    assert "log audit utuh" in district.ok("audit", "verify")


def test_recipients_add_list_remove(district):
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    district.ok("recipients", "add", recipient, "--name", "Biro Pemerintahan")
    listed = json.loads(district.ok("recipients", "list", "--json"))["recipients"]
    assert [(r["recipient"], r["name"]) for r in listed] == [(recipient, "Biro Pemerintahan")]
    assert "bukan penerima age" in one_line(district("recipients", "add", "age1xyz", "--name", "Rusak"), 1)
    district.ok("recipients", "remove", "Biro Pemerintahan")
    assert district.ok("recipients", "list") == ""


def test_export_verify_and_import_end_to_end(office, district, secret, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert "--passphrase-file" in one_line(office("export-bundle", *Q3, "--out", usb / "dinkes.spmb"), 1)
    out = office.ok("export-bundle", *Q3, "--out", usb / "dinkes.spmb", "--passphrase-file", secret)
    assert out.startswith(f"{usb / 'dinkes.spmb'}: paket ") and "2 laporan, 1 data dukung" in out
    office.ok("key", "export-public", "--out", tmp_path / "dinkes.pub")

    # Anyone with the public key can check it, without a data folder of their own.
    verified = json.loads(
        district.ok("verify-bundle", usb / "dinkes.spmb", "--trusted", tmp_path / "dinkes.pub", "--json")
    )
    assert verified["schema"] == "spm-luring/bundle-verification/1" and verified["valid"]
    assert verified["bundle"]["period"]["key"] == "2024Q3" and verified["failure"] is None
    assert [r["service"] for r in verified["bundle"]["reports"]] == ["1.02.01", "1.02.03"]

    # The district does not trust the key yet: refused as a check that failed (3).
    assert "tidak dipercaya" in one_line(district("import-bundle", usb / "dinkes.spmb", "--yes"), 3)
    district.ok("trust", "add", tmp_path / "dinkes.pub", "--name", "Dinas Kesehatan", "--role", "office", "--yes")
    plan = district.ok("import-bundle", usb / "dinkes.spmb", "--dry-run")
    assert "1.02.01 Pelayanan kesehatan ibu hamil: baru, revisi 1" in plan
    assert "64.11.01 served: — -> 131" in plan
    status, out, err = district("import-bundle", usb / "dinkes.spmb")
    assert status == 1 and "--yes" in err  # a script must say yes
    done = district.ok("import-bundle", usb / "dinkes.spmb", "--yes")
    assert "Diimpor: 2 laporan baru, 0 diperbarui, 0 bertentangan" in done
    again = district.ok("import-bundle", usb / "dinkes.spmb", "--yes")
    assert "sudah pernah diimpor" in again
    document = json.loads(district.ok("import-bundle", usb / "dinkes.spmb", "--json"))
    assert document["already_imported"] and document["applied"] is False
    assert "log audit utuh" in district.ok("audit", "verify")


def test_a_damaged_bundle_is_refused_with_status_3_and_the_reason(office, district, secret, tmp_path):
    office.ok("export-bundle", *Q3, "--out", tmp_path / "b.spmb", "--passphrase-file", secret)
    office.ok("key", "export-public", "--out", tmp_path / "dinkes.pub")
    with zipfile.ZipFile(tmp_path / "b.spmb") as archive:
        items = {i.filename: archive.read(i) for i in archive.infolist()}
    items["data/submission.csv"] = items["data/submission.csv"].replace(b"131", b"191")
    with zipfile.ZipFile(tmp_path / "bad.spmb", "w") as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    status, out, err = district("verify-bundle", tmp_path / "bad.spmb", "--trusted", tmp_path / "dinkes.pub", "--json")
    assert status == 3
    document = json.loads(out)
    assert document["valid"] is False and document["bundle"] is None
    assert document["failure"]["code"] == "manifest.hash_mismatch"
    assert err == f"spm-luring: {document['failure']['reason']}\n"
    assert "data/submission.csv" in one_line(
        district("verify-bundle", tmp_path / "bad.spmb", "--trusted", tmp_path / "dinkes.pub"), 3
    )


def test_an_encrypted_export_to_a_registered_recipient(office, secret, tmp_path):
    identity = pyrage.x25519.Identity.generate()
    (tmp_path / "prov.txt").write_text(f"{identity}\n")
    office.ok("recipients", "add", str(identity.to_public()), "--name", "Provinsi")
    out = office.ok(
        "export-bundle", *Q3, "--out", tmp_path / "b.spmb", "--encrypt-to", "Provinsi", "--passphrase-file", secret
    )
    assert "b.spmb.age (terenkripsi age)" in out
    office.ok("key", "export-public", "--out", tmp_path / "dinkes.pub")
    assert "terenkripsi" in one_line(
        office("verify-bundle", tmp_path / "b.spmb.age", "--trusted", tmp_path / "dinkes.pub"), 3
    )
    shown = office.ok(
        "verify-bundle",
        tmp_path / "b.spmb.age",
        "--trusted",
        tmp_path / "dinkes.pub",
        "--identity",
        tmp_path / "prov.txt",
    )
    assert shown.startswith("paket sah: ")
    assert "tidak terdaftar" in one_line(
        office("export-bundle", *Q3, "--out", tmp_path / "c.spmb", "--encrypt-to", "Lain", "--passphrase-file", secret),
        1,
    )


def test_the_installed_executable_runs_the_whole_exchange(tmp_path, secret):
    """The same flow through `spm-luring` itself, as scripts on the office's laptop run it."""

    def run(folder, *args):
        done = subprocess.run(
            [SPM_LURING, "--data-dir", str(tmp_path / folder), *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        return done

    assert run("o", *INIT, "--passphrase-file", secret).returncode == 0
    assert run("o", "set", "--service", "1.02.01", *Q3, "--area", "64.11.01", "--target", "9").returncode == 0
    exported = run("o", "export-bundle", *Q3, "--out", tmp_path / "b.spmb", "--passphrase-file", secret)
    assert exported.returncode == 0, exported.stderr
    assert run("o", "key", "export-public", "--out", tmp_path / "o.pub").returncode == 0
    assert run("d", *DISTRICT_INIT).returncode == 0
    assert run("d", "trust", "add", tmp_path / "o.pub", "--name", "Dinkes", "--role", "office", "--yes").returncode == 0
    imported = run("d", "import-bundle", tmp_path / "b.spmb", "--yes")
    assert imported.returncode == 0 and "1 laporan baru" in imported.stdout, imported.stderr
    refused = run("d", "verify-bundle", tmp_path / "o.pub")
    assert refused.returncode == 3 and refused.stderr.startswith("spm-luring: ") and refused.stdout == ""


def test_export_with_the_printed_forms(office, district, secret, tmp_path):
    office.ok("export-bundle", *Q3, "--out", tmp_path / "b.spmb", "--passphrase-file", secret, "--with-forms")
    with zipfile.ZipFile(tmp_path / "b.spmb") as archive:
        forms = [n for n in archive.namelist() if n.startswith("data/forms/")]
        assert len(forms) == 1 and archive.read(forms[0]).startswith(b"%PDF-")
    assert list((office.folder / "outgoing").iterdir()) == []  # the rendered forms are not left behind
    office.ok("key", "export-public", "--out", tmp_path / "o.pub")
    district.ok("trust", "add", tmp_path / "o.pub", "--name", "Dinkes", "--role", "office", "--yes")
    assert "2 laporan baru" in district.ok("import-bundle", tmp_path / "b.spmb", "--yes")
