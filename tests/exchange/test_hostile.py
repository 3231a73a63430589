"""Hostile bundles: every kind of damage is refused at its own stage, with its own reason, and the
district's database (and evidence folder) is exactly as it was after every refusal.

Damage that an earlier layer would catch anyway (a changed manifest without a new signature) is
made as a forger with the office's key would make it (`resign`), so each case reaches the stage it
is about.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.exchange import bag
from desktop.exchange.container import ContainerLimits
from desktop.exchange.errors import BundleError
from desktop.exchange.import_bundle import apply_import, plan_import
from desktop.exchange.verify import Trust, TrustedSigner, trust_of_store, verify_bundle
from tests.exchange.helpers import entries, resign, rewrite_submission, snapshot, write_zip
from tests.storage.helpers import pdf_bytes


def evidence_names(items: dict) -> list[str]:
    return sorted(n for n in items if n.startswith("data/evidence/"))


def pdf_entry(items: dict) -> str:
    return next(n for n in evidence_names(items) if n.endswith(".pdf"))


def refused(district, path: Path, *, trust: Trust | None = None, identity=None) -> BundleError:
    """Runs the whole import on the bundle; asserts it is refused and that nothing changed."""
    before = snapshot(district.data_dir)
    trust = trust or trust_of_store(district)
    with (
        pytest.raises(BundleError) as caught,
        verify_bundle(path, trust, identity=identity, work_dir=district.data_dir / "incoming") as verified,
    ):
        apply_import(district, plan_import(district, verified))
    assert snapshot(district.data_dir) == before
    assert str(caught.value) and "Traceback" not in str(caught.value)
    return caught.value


def with_limits(district, **limits) -> Trust:
    return dataclasses.replace(trust_of_store(district), limits=ContainerLimits(**limits))


# --- raw byte surgery on the ZIP structures --------------------------------------------------------


def central_header(data: bytes, name: str) -> int:
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)


def patch(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, offset, value)
    return bytes(out)


def end_record(data: bytes) -> int:
    return data.rfind(b"PK\x05\x06")


# --- the cases ------------------------------------------------------------------------------------


def write(tmp_path: Path, items, name: str = "hostile.spmb") -> Path:
    return write_zip(tmp_path / name, items)


def case_not_a_zip(world, tmp_path):
    return write_bytes(tmp_path, os.urandom(5000))


def case_empty_file(world, tmp_path):
    return write_bytes(tmp_path, b"")


def write_bytes(tmp_path: Path, data: bytes, name: str = "hostile.spmb") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def case_claims_too_many_entries(world, tmp_path):
    data = world.bundle_bytes
    at = end_record(data)
    data = patch(data, at + 8, "<H", 60_000)
    return write_bytes(tmp_path, patch(data, at + 10, "<H", 60_000))


def case_directory_too_big(world, tmp_path):
    data = world.bundle_bytes
    return write_bytes(tmp_path, patch(data, end_record(data) + 12, "<L", 200 * 1024 * 1024))


def case_absolute_path(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "/etc/cron.d/evil": b"x"})


def case_drive_letter(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "C:/Windows/evil.txt": b"x"})


def case_dot_dot(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "data/../../evil.txt": b"x"})


def case_single_dot(world, tmp_path):
    items = entries(world.bundle)
    items["data/./submission.csv"] = items.pop("data/submission.csv")
    return write(tmp_path, items)


def case_backslash(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "data\\evidence\\evil.pdf": b"x"})


def case_symlink(world, tmp_path):
    items = list(entries(world.bundle).items())
    link = zipfile.ZipInfo("data/evidence/" + "a" * 64 + ".pdf")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    link.create_system = 3
    return write(tmp_path, [*items, (link, b"/etc/passwd")])


def case_fifo(world, tmp_path):
    items = list(entries(world.bundle).items())
    fifo = zipfile.ZipInfo("data/evidence/" + "b" * 64 + ".pdf")
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    return write(tmp_path, [*items, (fifo, b"")])


def case_duplicate_name(world, tmp_path):
    items = list(entries(world.bundle).items())
    return write(tmp_path, [*items, ("data/submission.json", b"{}")])


def case_duplicate_in_other_case(world, tmp_path):
    items = list(entries(world.bundle).items())
    return write(tmp_path, [*items, ("BAGIT.txt", b"BagIt-Version: 1.0\n")])


def case_unexpected_file(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "autorun.inf": b"[autorun]\n"})


def case_unexpected_payload_name(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "data/evidence/not-a-hash.pdf": pdf_bytes()})


def case_encrypted_entry(world, tmp_path):
    data = world.bundle_bytes  # zipfile clears the flag when writing: set it in the central directory
    at = central_header(data, "data/submission.csv")
    flags = struct.unpack("<H", data[at + 8 : at + 10])[0]
    return write_bytes(tmp_path, patch(data, at + 8, "<H", flags | 0x1))


def case_bzip2_entry(world, tmp_path):
    items = list(entries(world.bundle).items())
    name, data = items[-1]
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_BZIP2
    return write(tmp_path, [*items[:-1], (info, data)])


def case_zip_bomb(world, tmp_path):
    items = list(entries(world.bundle).items())
    bomb = zipfile.ZipInfo("data/evidence/" + "c" * 64 + ".pdf")
    bomb.compress_type = zipfile.ZIP_DEFLATED
    return write(tmp_path, [*items, (bomb, b"\0" * (8 * 1024 * 1024))])


def case_declared_size_larger_than_data(world, tmp_path):
    data = world.bundle_bytes
    at = central_header(data, "data/submission.json")
    size = struct.unpack("<L", data[at + 24 : at + 28])[0]
    data = patch(data, at + 20, "<L", size + 4096)
    return write_bytes(tmp_path, patch(data, at + 24, "<L", size + 4096))


def case_declared_size_smaller_than_data(world, tmp_path):
    data = world.bundle_bytes
    at = central_header(data, "data/submission.json")
    size = struct.unpack("<L", data[at + 24 : at + 28])[0]
    data = patch(data, at + 20, "<L", size - 100)
    return write_bytes(tmp_path, patch(data, at + 24, "<L", size - 100))


def case_local_header_disagrees(world, tmp_path):
    data = bytearray(world.bundle_bytes)
    at = data.find(b"PK\x03\x04bagit"[:4])  # the first local header: bagit.txt
    data[at + 30] = ord("B")
    return write_bytes(tmp_path, bytes(data))


def case_overlapping_entries(world, tmp_path):
    data = world.bundle_bytes
    first = central_header(data, "bagit.txt")
    offset = struct.unpack("<L", data[first + 42 : first + 46])[0]
    at = central_header(data, "bag-info.txt")
    return write_bytes(tmp_path, patch(data, at + 42, "<L", offset))


def case_no_signature(world, tmp_path):
    items = entries(world.bundle)
    del items["tagmanifest-sha256.txt.minisig"]
    return write(tmp_path, items)


def case_malformed_signature(world, tmp_path):
    return write(tmp_path, {**entries(world.bundle), "tagmanifest-sha256.txt.minisig": b"bukan tanda tangan\n"})


def case_signed_by_an_unknown_key(world, tmp_path):
    return write(tmp_path, resign(entries(world.bundle), world.stranger))


def case_unknown_key_with_the_trusted_key_id(world, tmp_path):
    import base64

    items = resign(entries(world.bundle), world.stranger)
    lines = items["tagmanifest-sha256.txt.minisig"].split(b"\n")
    raw = bytearray(base64.b64decode(lines[1]))
    raw[2:10] = bytes.fromhex(world.key.key_id)[::-1]
    lines[1] = base64.b64encode(bytes(raw))
    items["tagmanifest-sha256.txt.minisig"] = b"\n".join(lines)
    return write(tmp_path, items)


def case_signature_of_other_content(world, tmp_path):
    items = entries(world.bundle)
    other = resign({**items, "bag-info.txt": items["bag-info.txt"] + b"Contact-Name: X\n"}, world.signer)
    items["tagmanifest-sha256.txt.minisig"] = other["tagmanifest-sha256.txt.minisig"]
    return write(tmp_path, items)


def case_trusted_comment_for_another_tagmanifest(world, tmp_path):
    items = entries(world.bundle)
    comment = f"spm-luring-bundle:1\tbundle:{bundle_id(items)}\ttagmanifest-sha256:{'0' * 64}\ttimestamp:1"
    items["tagmanifest-sha256.txt.minisig"] = world.signer.sign(items["tagmanifest-sha256.txt"], comment)
    return write(tmp_path, items)


def bundle_id(items: dict) -> str:
    return dict(bag.parse_bag_info(items["bag-info.txt"]))["External-Identifier"]


def case_trusted_comment_for_another_bundle(world, tmp_path):
    return write(
        tmp_path, resign(entries(world.bundle), world.signer, bundle_id="0" * 8 + "-0000-4000-8000-" + "0" * 12)
    )


def case_tag_file_changed_after_signing(world, tmp_path):
    items = entries(world.bundle)
    items["bag-info.txt"] = items["bag-info.txt"].replace(b"Dinas Kesehatan, Kabupaten", b"Dinas Kesehatan , Kabupaten")
    return write(tmp_path, resign(items, world.signer, tagmanifest=False, oxum=False))


def case_tag_file_unlisted(world, tmp_path):
    items = entries(world.bundle)
    items["tagmanifest-sha256.txt"] = b"".join(
        line + b"\n" for line in items["tagmanifest-sha256.txt"].splitlines() if b"bag-info" not in line
    )
    return write(tmp_path, resign(items, world.signer, tagmanifest=False, manifest=False, oxum=False))


def case_tagmanifest_lists_a_missing_file(world, tmp_path):
    items = entries(world.bundle)
    items["tagmanifest-sha256.txt"] += b"0" * 64 + b"  fetch.txt\n"
    return write(tmp_path, resign(items, world.signer, tagmanifest=False, manifest=False, oxum=False))


def case_bagit_txt_with_bom(world, tmp_path):
    items = entries(world.bundle)
    items["bagit.txt"] = b"\xef\xbb\xbf" + items["bagit.txt"]
    return write(tmp_path, resign(items, world.signer))


def case_bagit_version_097(world, tmp_path):
    items = entries(world.bundle)
    items["bagit.txt"] = items["bagit.txt"].replace(b"1.0", b"0.97")
    return write(tmp_path, resign(items, world.signer))


def case_bagit_space_before_colon(world, tmp_path):
    items = entries(world.bundle)
    items["bagit.txt"] = items["bagit.txt"].replace(b"BagIt-Version:", b"BagIt-Version :")
    return write(tmp_path, resign(items, world.signer))


def case_bag_info_bad_line(world, tmp_path):
    items = entries(world.bundle)
    identifier = bundle_id(items)
    items["bag-info.txt"] += b"this line has no colon\n"
    return write(tmp_path, resign(items, world.signer, oxum=False, bundle_id=identifier))


def case_bag_info_repeated_identifier(world, tmp_path):
    items = entries(world.bundle)
    items["bag-info.txt"] += b"External-Identifier: another\n"
    return write(tmp_path, resign(items, world.signer, oxum=False))


def case_payload_file_missing(world, tmp_path):
    items = entries(world.bundle)
    del items[pdf_entry(items)]
    return write(tmp_path, items)


def case_payload_file_extra(world, tmp_path):
    extra = pdf_bytes("tambahan")
    return write(tmp_path, {**entries(world.bundle), f"data/evidence/{hashlib.sha256(extra).hexdigest()}.pdf": extra})


def case_manifest_lists_a_file_twice(world, tmp_path):
    items = entries(world.bundle)
    first = items["manifest-sha256.txt"].splitlines()[0]
    items["manifest-sha256.txt"] += first + b"\n"
    return write(tmp_path, resign(items, world.signer, manifest=False))


def case_manifest_points_outside(world, tmp_path):
    items = entries(world.bundle)
    items["manifest-sha256.txt"] += b"0" * 64 + b"  data/../../etc/passwd\n"
    return write(tmp_path, resign(items, world.signer, manifest=False))


def case_manifest_bad_line(world, tmp_path):
    items = entries(world.bundle)
    items["manifest-sha256.txt"] += b"xyz  data/submission.json\n"
    return write(tmp_path, resign(items, world.signer, manifest=False))


def case_manifest_lists_a_tag_file(world, tmp_path):
    items = entries(world.bundle)
    items["manifest-sha256.txt"] += hashlib.sha256(items["bagit.txt"]).hexdigest().encode() + b"  bagit.txt\n"
    return write(tmp_path, resign(items, world.signer, manifest=False))


def case_manifest_wrong_digest(world, tmp_path):
    items = entries(world.bundle)
    name = pdf_entry(items)
    items["manifest-sha256.txt"] = items["manifest-sha256.txt"].replace(
        name.split("/")[-1].split(".")[0].encode()[:10] + b"", name.split("/")[-1].split(".")[0].encode()[:10]
    )
    lines = []
    for line in items["manifest-sha256.txt"].splitlines():
        digest, path = line.split(b"  ", 1)
        if path == name.encode():
            digest = b"f" * 64
        lines.append(digest + b"  " + path + b"\n")
    items["manifest-sha256.txt"] = b"".join(lines)
    return write(tmp_path, resign(items, world.signer, manifest=False))


def case_payload_oxum_wrong(world, tmp_path):
    items = entries(world.bundle)
    info = [(k, "1.1" if k == "Payload-Oxum" else v) for k, v in bag.parse_bag_info(items["bag-info.txt"])]
    items["bag-info.txt"] = bag.format_bag_info(info)
    return write(tmp_path, resign(items, world.signer, oxum=False))


def submission_case(change, **options):
    def build(world, tmp_path):
        return write(tmp_path, resign(rewrite_submission(entries(world.bundle), change, **options), world.signer))

    return build


def raw_submission_case(text: bytes):
    def build(world, tmp_path):
        return write(tmp_path, resign({**entries(world.bundle), "data/submission.json": text}, world.signer))

    return build


def set_first(column, value):
    def change(document):
        document["reports"][0]["rows"][0][column] = value

    return change


def case_submission_missing(world, tmp_path):
    items = entries(world.bundle)
    del items["data/submission.json"]
    return write(tmp_path, resign(items, world.signer))


def case_bag_info_disagrees(world, tmp_path):
    items = entries(world.bundle)
    info = [(k, "2024Q4" if k == "SPM-Period" else v) for k, v in bag.parse_bag_info(items["bag-info.txt"])]
    items["bag-info.txt"] = bag.format_bag_info(info)
    return write(tmp_path, resign(items, world.signer))


def references_case(change, bag_info: dict | None = None):
    def build(world, tmp_path):
        items = rewrite_submission(entries(world.bundle), change)
        if bag_info:
            info = [(k, bag_info.get(k, v)) for k, v in bag.parse_bag_info(items["bag-info.txt"])]
            items["bag-info.txt"] = bag.format_bag_info(info)
        return write(tmp_path, resign(items, world.signer))

    return build


def _catalog(document):
    document["catalog_version"] = "1999.1"


def _district(document):
    document["office"]["district"]["code"] = "99.01"


def _service(document):
    document["office"]["services"].append("1.02.99")
    document["reports"][0]["service"] = "1.02.99"


def _evidence_type(document):
    document["reports"][0]["evidence"][0]["media_type"] = "image/png"


def _evidence_size(document):
    document["reports"][0]["evidence"][0]["size"] += 1


def _evidence_unreferenced(document):
    document["reports"][0]["evidence"] = []


def _evidence_outside(document):
    document["reports"][0]["evidence"][0]["area_code"] = "64.02.01"


def case_form_that_is_not_a_pdf(world, tmp_path):
    return write(
        tmp_path, resign({**entries(world.bundle), "data/forms/laporan.pdf": b"MZ\x90\x00 not a pdf"}, world.signer)
    )


CASES = {
    # container
    "not_a_zip": (case_not_a_zip, "container.not_zip"),
    "empty_file": (case_empty_file, "container.not_zip"),
    "claims_too_many_entries": (case_claims_too_many_entries, "container.too_many_entries"),
    "directory_too_big": (case_directory_too_big, "container.directory_too_big"),
    "absolute_path": (case_absolute_path, "container.absolute"),
    "drive_letter": (case_drive_letter, "container.absolute"),
    "dot_dot": (case_dot_dot, "container.dots"),
    "single_dot": (case_single_dot, "container.dots"),
    "backslash": (case_backslash, "container.backslash"),
    "symlink": (case_symlink, "container.symlink"),
    "fifo": (case_fifo, "container.special_file"),
    "duplicate_name": (case_duplicate_name, "container.duplicate"),
    "duplicate_in_other_case": (case_duplicate_in_other_case, "container.duplicate"),
    "unexpected_file": (case_unexpected_file, "container.unexpected_name"),
    "unexpected_payload_name": (case_unexpected_payload_name, "container.unexpected_name"),
    "encrypted_entry": (case_encrypted_entry, "container.encrypted_entry"),
    "bzip2_entry": (case_bzip2_entry, "container.compression"),
    "zip_bomb": (case_zip_bomb, "container.ratio"),
    "declared_size_larger": (case_declared_size_larger_than_data, "container.overlap"),
    "declared_size_smaller": (case_declared_size_smaller_than_data, "container.crc"),
    "local_header_disagrees": (case_local_header_disagrees, "container.local_header"),
    "overlapping_entries": (case_overlapping_entries, "container.overlap"),
    # signature
    "no_signature": (case_no_signature, "signature.missing"),
    "malformed_signature": (case_malformed_signature, "signature.malformed"),
    "unknown_key": (case_signed_by_an_unknown_key, "signature.unknown_key"),
    "unknown_key_posing_as_trusted": (case_unknown_key_with_the_trusted_key_id, "signature.invalid"),
    "signature_of_other_content": (case_signature_of_other_content, "signature.invalid"),
    "comment_for_another_tagmanifest": (case_trusted_comment_for_another_tagmanifest, "signature.comment"),
    # tag manifest
    "comment_for_another_bundle": (case_trusted_comment_for_another_bundle, "tagmanifest.bundle_id"),
    "tag_file_changed": (case_tag_file_changed_after_signing, "tagmanifest.hash_mismatch"),
    "tag_file_unlisted": (case_tag_file_unlisted, "tagmanifest.unlisted"),
    "tagmanifest_lists_missing_file": (case_tagmanifest_lists_a_missing_file, "tagmanifest.missing_file"),
    "bagit_bom": (case_bagit_txt_with_bom, "tagmanifest.bom"),
    "bagit_version": (case_bagit_version_097, "bagit.version"),
    "bagit_whitespace": (case_bagit_space_before_colon, "bagit.declaration"),
    "bag_info_bad_line": (case_bag_info_bad_line, "baginfo.line"),
    "bag_info_repeated": (case_bag_info_repeated_identifier, "baginfo.repeated"),
    # payload manifest
    "payload_missing": (case_payload_file_missing, "manifest.missing_file"),
    "payload_extra": (case_payload_file_extra, "manifest.extra_file"),
    "manifest_duplicate": (case_manifest_lists_a_file_twice, "manifest.duplicate"),
    "manifest_outside": (case_manifest_points_outside, "manifest.unsafe_path"),
    "manifest_bad_line": (case_manifest_bad_line, "manifest.line"),
    "manifest_tag_file": (case_manifest_lists_a_tag_file, "manifest.wrong_place"),
    "manifest_wrong_digest": (case_manifest_wrong_digest, "manifest.hash_mismatch"),
    "payload_oxum": (case_payload_oxum_wrong, "manifest.oxum"),
    # submission schema
    "submission_missing": (case_submission_missing, "schema.missing"),
    "not_json": (raw_submission_case(b"{ bukan json"), "schema.json"),
    "not_utf8": (raw_submission_case(b'{"schema": "\xff"}'), "schema.json"),
    "deep_nesting": (raw_submission_case(b"[" * 100_000 + b"]" * 100_000), "schema.json"),
    "duplicate_key": (raw_submission_case(b'{"schema": "a", "schema": "b"}'), "schema.duplicate"),
    "nan": (raw_submission_case(b'{"x": NaN}'), "schema.field"),
    "other_schema": (submission_case(lambda d: d.update(schema="spm-luring/submission/2")), "schema.version"),
    "negative_figure": (submission_case(set_first("served", -5)), "schema.field"),
    "fractional_figure": (submission_case(set_first("served", 1.5)), "schema.field"),
    "boolean_figure": (submission_case(set_first("target", True)), "schema.field"),
    "huge_figure": (submission_case(set_first("target", 10**12)), "schema.field"),
    "quality_over_required": (submission_case(set_first("quality_met", 13)), "schema.field"),
    "missing_field": (submission_case(lambda d: d["reports"][0].pop("revision"), csv_too=False), "schema.field"),
    "bad_area_code": (submission_case(set_first("area_code", "64.11.1")), "schema.field"),
    "long_text": (submission_case(set_first("problems", "x" * 4001)), "schema.field"),
    "duplicate_area": (
        submission_case(lambda d: d["reports"][0]["rows"].append(dict(d["reports"][0]["rows"][0]))),
        "schema.duplicate",
    ),
    "content_hash": (submission_case(set_first("served", 100), hashes=False), "schema.content_hash"),
    "csv_disagrees": (submission_case(set_first("served", 100), csv_too=False), "schema.csv"),
    "bag_info_disagrees": (case_bag_info_disagrees, "schema.bag_info"),
    # references
    "unknown_catalog": (references_case(_catalog, {"SPM-Catalog-Version": "1999.1"}), "references.catalog"),
    "unknown_district": (references_case(_district, {"SPM-District": "99.01"}), "references.district"),
    "area_outside_district": (references_case(set_first("area_code", "64.02.01")), "references.area"),
    "unknown_area": (references_case(set_first("area_code", "64.11.99")), "references.area"),
    "unknown_service": (references_case(_service), "references.service"),
    "evidence_type": (references_case(_evidence_type), "references.evidence_type"),
    "evidence_size": (references_case(_evidence_size), "references.evidence_size"),
    "evidence_unreferenced": (references_case(_evidence_unreferenced), "references.evidence_unreferenced"),
    "evidence_outside_district": (references_case(_evidence_outside), "references.area"),
    "form_not_a_pdf": (case_form_that_is_not_a_pdf, "references.form_type"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_damage_is_refused_at_its_stage_and_changes_nothing(world, district, tmp_path, case):
    build, code = CASES[case]
    error = refused(district, build(world, tmp_path))
    assert error.code == code, str(error)
    assert error.stage == code.split(".")[0] if not code.startswith(("bagit", "baginfo")) else "tagmanifest"


def test_the_default_limits(world):
    limits = ContainerLimits()
    assert (limits.max_entries, limits.max_total_bytes, limits.max_ratio) == (20_000, 8 * 1024**3, 100)
    assert ContainerLimits.for_evidence_limit(50 * 1024 * 1024).max_entry_bytes == 51 * 1024 * 1024


@pytest.mark.parametrize(
    ("limits", "code"),
    [
        ({"max_entries": 5}, "container.too_many_entries"),
        ({"max_total_bytes": 2000}, "container.too_big"),
        ({"max_entry_bytes": 100}, "container.entry_too_big"),
        ({"max_tag_file_bytes": 100}, "container.entry_too_big"),
        ({"max_submission_bytes": 100}, "container.entry_too_big"),
    ],
)
def test_the_size_and_count_limits(world, district, limits, code):
    assert refused(district, world.bundle, trust=with_limits(district, **limits)).code == code


def test_a_bag_zipped_again_by_hand_with_deflate_is_still_read(world, district, tmp_path):
    """Someone unzips the bundle and zips it again with `zip -r` (deflated): it is the same bundle."""
    path = write_zip(tmp_path / "again.spmb", entries(world.bundle), zipfile.ZIP_DEFLATED)
    with verify_bundle(path, trust_of_store(district)) as verified:
        assert verified.bundle_id == bundle_id(entries(world.bundle))
        result = apply_import(district, plan_import(district, verified))
    assert result.added == 2


ENTRY_STAGES = {
    "bagit.txt": "tagmanifest",
    "bag-info.txt": "tagmanifest",
    "manifest-sha256.txt": "tagmanifest",
    "tagmanifest-sha256.txt": "signature",
    "tagmanifest-sha256.txt.minisig": "signature",
    "data/submission.json": "manifest",
    "data/submission.csv": "manifest",
    "evidence-pdf": "manifest",
    "evidence-png": "manifest",
}


def entry_named(items: dict, name: str) -> str:
    if name.startswith("evidence-"):
        return next(n for n in evidence_names(items) if n.endswith("." + name.split("-")[1]))
    return name


@pytest.mark.parametrize("entry", list(ENTRY_STAGES))
@pytest.mark.parametrize("where", [0.0, 0.5, 1.0])
def test_a_flipped_byte_in_any_entry_is_refused(world, district, tmp_path, entry, where):
    """The byte is flipped and the ZIP's CRC made to agree, as a deliberate forger would."""
    items = entries(world.bundle)
    name = entry_named(items, entry)
    data = bytearray(items[name])
    index = min(int(len(data) * where), len(data) - 1)
    if name.endswith(".minisig") and where == 1.0:
        index = len(data) - 2  # the last byte is the final line break, which minisign ignores
    data[index] ^= 0x20
    items[name] = bytes(data)
    error = refused(district, write(tmp_path, items))
    assert error.stage == ENTRY_STAGES[entry], (error.code, str(error))


@pytest.mark.parametrize("entry", list(ENTRY_STAGES))
def test_a_flipped_byte_inside_the_file_is_caught_by_the_zip_crc_first(world, district, tmp_path, entry):
    data = bytearray(world.bundle_bytes)
    items = entries(world.bundle)
    name = entry_named(items, entry)
    with zipfile.ZipFile(world.bundle) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(name) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x01
    error = refused(district, write_bytes(tmp_path, bytes(data)))
    assert error.code == "container.crc", str(error)


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.25, 0.5, 0.75, 0.99])
def test_a_truncated_bundle_is_refused(world, district, tmp_path, fraction):
    data = world.bundle_bytes
    cut = data[: int(len(data) * fraction)]
    assert refused(district, write_bytes(tmp_path, cut)).stage == "container"


@pytest.mark.parametrize("missing", [1, 21, 22, 100])
def test_a_bundle_missing_its_last_bytes_is_refused(world, district, tmp_path, missing):
    data = world.bundle_bytes
    assert refused(district, write_bytes(tmp_path, data[:-missing])).stage == "container"


def test_a_key_bound_to_another_office_cannot_sign_for_this_one(world, district):
    signer = TrustedSigner(world.key, "Dinas Sosial", "office", "11111111-1111-4111-8111-111111111111", False, 1)
    error = refused(district, world.bundle, trust=Trust((signer,)))
    assert error.code == "references.signer_office"


def test_a_province_key_does_not_sign_office_reports(world, district):
    signer = TrustedSigner(world.key, "Provinsi", "province", None, False, 1)
    assert refused(district, world.bundle, trust=Trust((signer,))).code == "references.signer_role"


def test_a_bundle_from_another_district_or_from_this_office_is_not_imported(world, district, office):
    before = snapshot(office.data_dir)
    with verify_bundle(world.bundle, trust_of_store(office)) as verified:
        assert verified.signer.own
        with pytest.raises(UserError, match="dibuat oleh kantor ini sendiri"):
            plan_import(office, verified)
    assert snapshot(office.data_dir) == before


def test_our_own_key_cannot_sign_for_another_office(world, office, tmp_path):
    items = rewrite_submission(
        entries(world.bundle), lambda d: d["office"].update(id="22222222-2222-4222-8222-222222222222")
    )
    info = [
        (k, "22222222-2222-4222-8222-222222222222" if k == "SPM-Office-Id" else v)
        for k, v in bag.parse_bag_info(items["bag-info.txt"])
    ]
    items["bag-info.txt"] = bag.format_bag_info(info)
    path = write(tmp_path, resign(items, world.signer))
    with pytest.raises(BundleError) as caught:
        verify_bundle(path, trust_of_store(office))
    assert caught.value.code == "references.signer_office"


def test_the_submission_json_of_a_bundle_is_documented_and_parsed_back(world):
    document = json.loads(entries(world.bundle)["data/submission.json"])
    assert sorted(document) == [
        "bundle_id",
        "catalog_version",
        "created_at",
        "office",
        "period",
        "reports",
        "schema",
        "signer",
        "software",
    ]
