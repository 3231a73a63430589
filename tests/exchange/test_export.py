"""Export: the bundle's layout and contents, checked with the standard tools and against the store."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import zipfile

import bagit
import pytest

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.exchange import bag
from desktop.exchange.bundle_writer import write_bundle
from desktop.exchange.export import export_bundle, prepare_export, record_export
from desktop.exchange.keys import unlock_office_key
from desktop.exchange.submission import CSV_COLUMNS, SCHEMA
from desktop.storage.reports import CellEdit, ReportKey
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE, entries

LAYOUT = [
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "tagmanifest-sha256.txt.minisig",
    "data/submission.json",
    "data/submission.csv",
]


def test_the_bundle_has_the_documented_layout_all_stored(world):
    with zipfile.ZipFile(world.bundle) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names[:7] == LAYOUT
    evidence = names[7:]
    assert len(evidence) == 2 and all(n.startswith("data/evidence/") for n in evidence)
    assert {n.rsplit(".", 1)[1] for n in evidence} == {"pdf", "png"}
    assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
    assert all(i.external_attr >> 16 == 0o100644 for i in infos)


def test_the_unzipped_bag_validates_with_the_bagit_package_and_sha256sum(world, tmp_path):
    subprocess.run(["unzip", "-q", str(world.bundle), "-d", str(tmp_path / "bag")], check=True)
    checked = bagit.Bag(str(tmp_path / "bag"))
    checked.validate()  # raises BagValidationError on any problem
    assert checked.version_info == (1, 0)
    assert set(checked.algorithms) == {"sha256"}
    assert (
        checked.info["External-Identifier"]
        == json.loads((tmp_path / "bag/data/submission.json").read_text())["bundle_id"]
    )
    # The manifests are in sha256sum's own format too.
    done = subprocess.run(
        ["sha256sum", "-c", "manifest-sha256.txt"], cwd=tmp_path / "bag", capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.count(": OK") == 4
    done = subprocess.run(
        ["sha256sum", "-c", "tagmanifest-sha256.txt"], cwd=tmp_path / "bag", capture_output=True, check=False
    )
    assert done.returncode == 0


def test_the_signature_verifies_with_debian_minisign_and_the_exported_public_key(world, tmp_path):
    subprocess.run(["unzip", "-q", str(world.bundle), "-d", str(tmp_path / "bag")], check=True)
    done = subprocess.run(
        [
            "minisign",
            "-V",
            "-m",
            "tagmanifest-sha256.txt",
            "-x",
            "tagmanifest-sha256.txt.minisig",
            "-p",
            str(world.public_key),
        ],
        cwd=tmp_path / "bag",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    bundle_id = json.loads((tmp_path / "bag/data/submission.json").read_text())["bundle_id"]
    tag_sha = hashlib.sha256((tmp_path / "bag/tagmanifest-sha256.txt").read_bytes()).hexdigest()
    assert f"Trusted comment: spm-luring-bundle:1\tbundle:{bundle_id}\ttagmanifest-sha256:{tag_sha}\t" in done.stdout


def test_bag_info_names_office_period_catalog_and_signer(world):
    items = entries(world.bundle)
    info = dict(bag.parse_bag_info(items["bag-info.txt"]))
    document = json.loads(items["data/submission.json"])
    assert info["Source-Organization"] == "Dinas Kesehatan, Kabupaten Mahakam Ulu"
    assert info["External-Identifier"] == document["bundle_id"]
    assert info["SPM-Office-Id"] == world.office_id and info["SPM-Office-Name"] == "Dinas Kesehatan"
    assert (info["SPM-District"], info["SPM-Period"], info["SPM-Catalog-Version"]) == ("64.11", "2024Q3", "2025.1")
    assert (info["SPM-Signer-Key-Id"], info["SPM-Signer-Fingerprint"]) == (world.key.key_id, world.key.fingerprint)
    assert info["SPM-Schema"] == SCHEMA
    assert "SPM-Revises" not in info  # the first bundle revises nothing
    payload = {n: d for n, d in items.items() if n.startswith("data/")}
    assert info["Payload-Oxum"] == f"{sum(len(d) for d in payload.values())}.{len(payload)}"
    assert info["Bagging-Date"] == document["created_at"][:10]
    assert items["bagit.txt"] == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def test_json_and_csv_hold_exactly_the_stored_figures_and_evidence(world, office):
    items = entries(world.bundle)
    document = json.loads(items["data/submission.json"])
    office_id = office.require_installation().office.id
    assert document["schema"] == SCHEMA and document["office"]["id"] == office_id
    assert document["period"] == {"year": 2024, "quarter": 3, "key": "2024Q3"}
    assert [r["service"] for r in document["reports"]] == ["1.02.01", "1.02.02"]
    for report in document["reports"]:
        key = ReportKey(office_id, report["service"], PERIOD)
        stored = office.reports.get(key)
        assert report["rows"] == [r.as_dict() for r in stored.rows if not r.is_empty]
        assert report["content_hash"] == stored.content_hash()
        assert (report["revision"], report["revises"], report["status"]) == (1, None, "draft")
        stored_evidence = office.evidence.list(key)
        assert [(e["id"], e["sha256"], e["name"], e["area_code"]) for e in report["evidence"]] == [
            (e.id, e.sha256, e.original_name, e.area_code) for e in stored_evidence
        ]
        for evidence in report["evidence"]:
            assert hashlib.sha256(items[evidence["path"]]).hexdigest() == evidence["sha256"]
        assert report["audit"] and report["audit"][0]["action"] == "report.create"
    assert items["data/submission.csv"].startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(items["data/submission.csv"].decode("utf-8-sig"))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 4
    by_key = {(r["service_code"], r["area_code"]): r for r in rows}
    first = by_key[("1.02.01", "64.11.01")]
    assert (first["target"], first["served"], first["area_name"], first["budget"]) == ("212", "131", "Long Bagun", "")
    assert by_key[("1.02.02", "64.11.03")]["problems"] == 'Akses sungai terbatas; "kemarau", 3 kampung'
    assert by_key[("1.02.02", "64.11")]["area_name"] == "Kabupaten Mahakam Ulu"


def test_an_export_records_each_reports_revision_and_the_next_one_revises_it(world, office, tmp_path):
    office_id = office.require_installation().office.id
    (b1,) = office.bundles.list()
    assert (b1.direction, b1.file_name) == ("export", "b1.spmb")
    assert b1.file_sha256 == hashlib.sha256(world.bundle_bytes).hexdigest()
    first = office.bundles.current(office_id, "1.02.01", PERIOD)
    assert (first.bundle_id, first.revision, first.revises_bundle_id) == (b1.bundle_id, 1, None)
    assert office.reports.get(ReportKey(office_id, "1.02.01", PERIOD)).revision == 1

    office.reports.set_value(ReportKey(office_id, "1.02.01", PERIOD), "64.11.01", "served", 140)
    result = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE, services=["1.02.01"])
    second = office.bundles.current(office_id, "1.02.01", PERIOD)
    assert (second.bundle_id, second.revision, second.revises_bundle_id) == (result.bundle_id, 2, b1.bundle_id)
    assert [r.state for r in office.bundles.revisions(office_id, "1.02.01", PERIOD)] == ["superseded", "current"]
    assert office.bundles.current(office_id, "1.02.02", PERIOD).bundle_id == b1.bundle_id  # not in b2
    info = dict(bag.parse_bag_info(entries(result.path)["bag-info.txt"]))
    assert info["SPM-Revises"] == b1.bundle_id
    assert [e.action for e in office.audit.entries(subject_prefix=f"bundle/{result.bundle_id}")] == ["bundle.export"]
    assert office.audit.verify().ok


def test_a_stale_plan_is_not_recorded_twice(office, tmp_path):
    plan_a = prepare_export(office, PERIOD)
    plan_b = prepare_export(office, PERIOD)
    with unlock_office_key(office.data_dir, PASSPHRASE, plan_a.signer) as signer:
        result_a = write_bundle(plan_a, tmp_path / "a.spmb", signer)
        result_b = write_bundle(plan_b, tmp_path / "b.spmb", signer)
    record_export(office, plan_a, result_a)
    with pytest.raises(UserError, match="berubah sejak rencana ini dibuat"):
        record_export(office, plan_b, result_b)
    assert office.bundles.list()[0].bundle_id == result_a.bundle_id


def test_an_evidence_file_damaged_in_the_store_stops_the_export_and_leaves_nothing(office, tmp_path):
    key = ReportKey(office.require_installation().office.id, "1.02.01", PERIOD)
    item = office.evidence.list(key)[0]
    path = office.evidence.path_of(item)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    before = len(office.bundles.list())
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(UserError, match=r"rusak di penyimpanan .*Paket tidak dibuat"):
        export_bundle(office, PERIOD, target / "x.spmb", PASSPHRASE)
    assert list(target.iterdir()) == []
    assert len(office.bundles.list()) == before
    path.unlink()
    with pytest.raises(UserError, match="tidak dapat dibaca dari penyimpanan"):
        export_bundle(office, PERIOD, target / "x.spmb", PASSPHRASE)
    assert list(target.iterdir()) == []


def test_export_needs_a_key_reports_and_known_services(store, tmp_path):
    with pytest.raises(UserError, match="Kunci tanda tangan kantor belum dibuat"):
        prepare_export(store, PERIOD)
    from desktop.exchange.trust import create_office_key

    create_office_key(store, PASSPHRASE)
    with pytest.raises(UserError, match="Belum ada laporan triwulan III 2024"):
        prepare_export(store, PERIOD)
    with pytest.raises(UserError, match="tidak termasuk layanan"):
        prepare_export(store, PERIOD, ["1.01.01"])
    office_id = store.require_installation().office.id
    store.reports.set_values(ReportKey(office_id, "1.02.05", Period(2024, 1)), [CellEdit("64.11.01", "target", 5)])
    assert [r.service_code for r in prepare_export(store, Period(2024, 1)).submission.reports] == ["1.02.05"]
    with pytest.raises(UserError, match="Frasa sandi kunci kantor salah"):
        export_bundle(store, Period(2024, 1), tmp_path / "x.spmb", "salah sandi")
    with pytest.raises(UserError, match="tidak ada atau tidak terpasang"):
        export_bundle(store, Period(2024, 1), tmp_path / "no-stick" / "x.spmb", PASSPHRASE)
    assert store.bundles.list() == []


def test_the_suggested_name(office):
    assert prepare_export(office, PERIOD).suggested_name == "spm-64.11-dinas-kesehatan-2024Q3.spmb"
