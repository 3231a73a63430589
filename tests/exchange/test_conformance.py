"""Our BagIt checks against the Library of Congress conformance suite (tests/fixtures/bagit-conformance,
CC0, commit 9ab4870 of LibraryOfCongress/bagit-conformance-suite).

`check_bag` over each unpacked bag (DirectorySource): every v1.0 valid bag passes; every invalid
bag (and every linux-only / windows-only bag, whose paths point outside the bag) is refused, for the
reason given here. The bundle verifier itself is stricter still: sha256 only, BagIt 1.0 only, and a
fixed list of file names inside the ZIP.

BagIt 0.97 bags are checked with the older algorithms (md5, sha1) allowed, so that they are refused
for their real defect and not merely for the algorithm. Out of scope, with the reason:

- ISO-8859-1 and UTF-16 tag files: a bundle's tag files are UTF-8 (RFC 8493 allows others; no
  bundle ever needs them), so those bags are refused (bagit.encoding).
- holey-bag and every bag with fetch.txt: a bundle must be complete on the stick; nothing is fetched.
- bag-with-leading-dot-slash-in-manifest, warning/relative-path: "./data/x" is refused like any
  path with a "." or ".." segment (bagit.py accepts it; we do not normalise paths from a bundle).
- uncommon-metadata-separators: its only manifests are SHA-224, which we do not accept.
- The "warning" bags are refused where the warning is about a name clash (the same file listed
  twice, names equal but for case or Unicode normalization: they would overwrite each other when
  unpacked on Windows or macOS) or a file listed that is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exchange.bag import DirectorySource, check_bag
from desktop.exchange.errors import BundleError

SUITE = Path(__file__).resolve().parent.parent / "fixtures" / "bagit-conformance"
LEGACY = {"algorithms": ("md5", "sha1", "sha256", "sha512"), "versions": ("0.97", "1.0")}


def bags(group: str) -> list[str]:
    return sorted(p.relative_to(SUITE).as_posix() for p in (SUITE / group).iterdir() if p.is_dir())


def check(bag: str, **options):
    return check_bag(DirectorySource(SUITE / bag), **options)


def refusal(bag: str, **options) -> str:
    with pytest.raises(BundleError) as refused:
        check(bag, **options)
    assert str(refused.value)
    return refused.value.code


def test_the_suite_is_there():
    assert bags("v1.0/valid") == ["v1.0/valid/basicBag"]
    assert len(bags("v1.0/invalid")) == 4
    assert len(bags("v0.97/invalid")) == 11 and len(bags("v0.97/linux-only")) == 6


@pytest.mark.parametrize("bag", bags("v1.0/valid"))
def test_every_v1_valid_bag_passes(bag):
    found = check(bag)
    assert found.version == "1.0" and found.payload_files >= 1


# The v1.0 bags that list a file twice also had bagit.txt edited after their tag manifests were made,
# so they are refused at that earlier step (bagit.py refuses them too).
V1_INVALID = {
    "v1.0/invalid/bagit-with-invalid-whitespace": "bagit.declaration",
    "v1.0/invalid/notAllManifestsListAllFiles": "manifest.extra_file",
    "v1.0/invalid/same-filename-listed-twice-with-different-hashes": "bagit.version",
    "v1.0/invalid/same-filename-listed-twice-with-the-same-hash": "tagmanifest.hash_mismatch",
}


@pytest.mark.parametrize("bag", bags("v1.0/invalid"))
def test_every_v1_invalid_bag_is_refused(bag):
    assert refusal(bag) == V1_INVALID[bag]


V097_REFUSED = {
    "v0.97/invalid/baginfo-missing-encoding": "bagit.declaration",
    "v0.97/invalid/bom-in-bagit.txt": "tagmanifest.bom",
    "v0.97/invalid/corrupt-data-file": "manifest.hash_mismatch",
    "v0.97/invalid/corrupt-tag-file": "tagmanifest.hash_mismatch",
    "v0.97/invalid/extra-file-in-bag": "manifest.extra_file",
    "v0.97/invalid/invalid-version-number": "bagit.version",
    "v0.97/invalid/missing-baginfo": "tagmanifest.missing_file",
    "v0.97/invalid/missing-bagit.txt": "bagit.missing",
    "v0.97/invalid/out-of-scope-file-paths-using-dot-notation": "manifest.unsafe_path",
    "v0.97/invalid/out-of-scope-file-paths-using-dot-notation-for-fetch": "container.fetch",
    "v0.97/invalid/same-filename-listed-twice-with-different-hashes": "manifest.duplicate",
    "v0.97/linux-only/out-of-scope-file-paths-using-absolute-path": "manifest.unsafe_path",
    "v0.97/linux-only/out-of-scope-file-paths-using-absolute-path-for-fetch": "container.fetch",
    "v0.97/linux-only/out-of-scope-file-paths-using-shortcut": "manifest.unsafe_path",
    "v0.97/linux-only/out-of-scope-file-paths-using-shortcut-for-fetch": "container.fetch",
    "v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username": "manifest.unsafe_path",
    "v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username-for-fetch": "container.fetch",
    "v0.97/windows-only/out-of-scope-file-paths-using-absolute-path": "manifest.unsafe_path",
    "v0.97/windows-only/out-of-scope-file-paths-using-absolute-path-for-fetch": "container.fetch",
    "v0.97/windows-only/out-of-scope-file-paths-using-shortcut": "manifest.unsafe_path",
    "v0.97/windows-only/out-of-scope-file-paths-using-shortcut-for-fetch": "container.fetch",
    "v0.97/windows-only/out-of-scope-file-paths-using-unc": "manifest.unsafe_path",
    "v0.97/windows-only/out-of-scope-file-paths-using-unc-for-fetch": "container.fetch",
}


@pytest.mark.parametrize("bag", bags("v0.97/invalid") + bags("v0.97/linux-only") + bags("v0.97/windows-only"))
def test_every_v097_invalid_or_out_of_scope_path_bag_is_refused_for_its_defect(bag):
    assert refusal(bag, **LEGACY) == V097_REFUSED[bag]
    with pytest.raises(BundleError):  # and, of course, at the bundle's own strength
        check(bag)


V097_OUT_OF_SCOPE = {
    "v0.97/valid/ISO-8859-1-encoded-tag-files": "bagit.encoding",
    "v0.97/valid/UTF-16-encoded-tag-files": "bagit.encoding",
    "v0.97/valid/holey-bag": "container.fetch",
    "v0.97/valid/bag-with-leading-dot-slash-in-manifest": "manifest.unsafe_path",
    "v0.97/valid/uncommon-metadata-separators": "manifest.algorithm",
}


@pytest.mark.parametrize("bag", bags("v0.97/valid"))
def test_v097_valid_bags_pass_with_the_older_algorithms_except_what_is_out_of_scope(bag):
    if bag in V097_OUT_OF_SCOPE:
        assert refusal(bag, **LEGACY) == V097_OUT_OF_SCOPE[bag]
    else:
        assert check(bag, **LEGACY).version == "0.97"
    assert refusal(bag) in ("manifest.algorithm", "bagit.version", "bagit.encoding", "container.fetch")


V097_WARNINGS = {
    "v0.97/warning/duplicate-file-with-different-case": "manifest.duplicate",
    "v0.97/warning/made-with-md5sum-tools": "tagmanifest.unsafe_path",  # "*path": md5sum's binary marker
    "v0.97/warning/relative-path": "manifest.unsafe_path",
    "v0.97/warning/same-filename-listed-twice-with-different-normalization": "bagit.version",  # 0.96
    "v0.97/warning/same-filename-listed-twice-with-the-same-hash": "manifest.duplicate",
    "v0.97/warning/special-system-files": "manifest.missing_file",
}


@pytest.mark.parametrize("bag", bags("v0.97/warning"))
def test_v097_warning_bags_are_refused(bag):
    assert refusal(bag, **LEGACY) == V097_WARNINGS[bag]


def test_names_equal_but_for_unicode_normalization_are_one_name():
    bag = "v0.97/warning/same-filename-listed-twice-with-different-normalization"
    assert refusal(bag, algorithms=("sha512",), versions=("0.96",)) == "manifest.duplicate"
