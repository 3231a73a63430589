"""BagIt (RFC 8493): the tag files' text rules and the manifest checks, over a ZIP or a folder.

What a bundle writes: bagit.txt, bag-info.txt ("Label: value" lines), manifest-sha256.txt and
tagmanifest-sha256.txt ("<hex>  <path>" lines, the form `sha256sum -c` reads too); UTF-8, LF line
ends, CR, LF and % in paths percent-encoded. What it reads back is checked more widely (CR and CRLF
line ends, SHA-512 manifests, BagIt 0.97) so that the same checks can be run over the Library of
Congress conformance bags (`check_bag`): the bundle verifier uses the stricter subset.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.exchange.errors import CancelCheck, Progress, check_cancel, never_cancelled, no_progress, refuse

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
FETCH_TXT = "fetch.txt"
BAGIT_VERSION = "1.0"
HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64, "sha512": 128}
CHUNK = 1024 * 1024


def manifest_name(algorithm: str) -> str:
    """manifest-sha256.txt"""
    return f"manifest-{algorithm}.txt"


def tagmanifest_name(algorithm: str) -> str:
    """tagmanifest-sha256.txt"""
    return f"tagmanifest-{algorithm}.txt"


# --- paths -------------------------------------------------------------------------------------


def encode_path(path: str) -> str:
    """A path as a manifest writes it: %, CR and LF percent-encoded (RFC 8493, 2.1.3)."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    """A manifest's path back to the file name (only %25, %0D, %0A are decoded, any case)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "%" and text[i + 1 : i + 3].upper() in ("25", "0D", "0A"):
            out.append({"25": "%", "0D": "\r", "0A": "\n"}[text[i + 1 : i + 3].upper()])
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


_MANIFEST_LINE = re.compile(r"([0-9a-fA-F]+)[ \t]+(.*)", re.DOTALL)
_FORBIDDEN_CHARS = set('\\:*?"<>|') | {chr(c) for c in range(32)} | {"\x7f"}


def unsafe_path_reason(path: str) -> str | None:
    """Why a relative path could reach outside the bag or clash on some system; None when it is safe."""
    if not path:
        return "empty"
    if path.startswith("/") or path.startswith("\\"):
        return "absolute"
    if len(path) >= 2 and path[1] == ":":
        return "drive"
    if path.startswith("~"):
        return "home"
    if any(ch in _FORBIDDEN_CHARS for ch in path):
        return "character"
    parts = path.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "dots"
    return None


def folded(name: str) -> str:
    """The form two names clash in on Windows and macOS (case- and normalization-insensitive)."""
    return unicodedata.normalize("NFC", name).casefold()


# --- bagit.txt and bag-info.txt ----------------------------------------------------------------


def bagit_txt() -> bytes:
    """The bag declaration."""
    return f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode("ascii")


def _lines(data: bytes, stage: str, file: str) -> list[str]:
    if data.startswith(b"\xef\xbb\xbf"):
        raise refuse(stage, f"{stage}.bom", BOM, file=file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise refuse(stage, f"{stage}.not_utf8", NOT_UTF8, file=file) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_bagit_txt(data: bytes, stage: str = "tagmanifest", versions: Iterable[str] = (BAGIT_VERSION,)) -> str:
    """The BagIt version the declaration names; refuses anything but the two exact lines."""
    lines = _lines(data, stage, BAGIT_TXT)
    if len(lines) != 2:
        raise refuse(stage, "bagit.declaration", BAD_DECLARATION, reason="2 baris")
    version_line, encoding_line = lines
    if not version_line.startswith("BagIt-Version: ") or not encoding_line.startswith("Tag-File-Character-Encoding: "):
        raise refuse(stage, "bagit.declaration", BAD_DECLARATION, reason="BagIt-Version, Tag-File-Character-Encoding")
    version = version_line.removeprefix("BagIt-Version: ")
    encoding = encoding_line.removeprefix("Tag-File-Character-Encoding: ")
    if version not in tuple(versions):
        raise refuse(stage, "bagit.version", BAD_VERSION, version=version)
    if encoding != "UTF-8":
        raise refuse(stage, "bagit.encoding", BAD_ENCODING, encoding=encoding)
    return version


def format_bag_info(pairs: Iterable[tuple[str, str]]) -> bytes:
    """bag-info.txt: one "Label: value" line each (values are one line; line breaks become spaces)."""
    out = []
    for label, value in pairs:
        if not label or any(ch in label for ch in ":\r\n") or label != label.strip():
            raise ValueError(f"bad bag-info label {label!r}")
        out.append(f"{label}: {' '.join(str(value).split())}\n")
    return "".join(out).encode("utf-8")


def parse_bag_info(data: bytes, stage: str = "tagmanifest") -> list[tuple[str, str]]:
    """The (label, value) pairs of bag-info.txt, in order; continuation lines are folded in."""
    pairs: list[tuple[str, str]] = []
    for line in _lines(data, stage, BAG_INFO):
        if line[:1] in (" ", "\t"):
            if not pairs:
                raise refuse(stage, "baginfo.line", BAD_BAG_INFO, line=line[:80])
            label, value = pairs[-1]
            pairs[-1] = (label, f"{value} {line.strip()}")
            continue
        label, sep, value = line.partition(":")
        if not sep or not label or label != label.strip() or value[:1] not in (" ", "\t"):
            raise refuse(stage, "baginfo.line", BAD_BAG_INFO, line=line[:80])
        pairs.append((label, value[1:].strip()))
    return pairs


# --- manifests ---------------------------------------------------------------------------------


def format_manifest(entries: Iterable[tuple[str, str]]) -> bytes:
    """Manifest lines "<hex>  <path>", sorted by path."""
    return "".join(f"{digest}  {encode_path(path)}\n" for path, digest in sorted(entries)).encode("utf-8")


def parse_manifest(data: bytes, algorithm: str, *, tag: bool, stage: str, file: str) -> dict[str, str]:
    """path -> lower-case hex digest; refuses a malformed line, an unsafe path, a repeated path
    (also when the repeat differs only in case or Unicode normalization), and payload paths outside
    data/ (or, in a tag manifest, inside it)."""
    found: dict[str, str] = {}
    seen: dict[str, str] = {}
    hex_length = HEX_LENGTHS[algorithm]
    for number, line in enumerate(_lines(data, stage, file), start=1):
        if not line.strip():
            continue
        match = _MANIFEST_LINE.fullmatch(line)
        digest, raw_path = match.groups() if match else ("", "")
        if len(digest) != hex_length or not raw_path or raw_path != raw_path.rstrip(" \t"):
            raise refuse(stage, f"{stage}.line", BAD_MANIFEST_LINE, file=file, line=number)
        path = decode_path(raw_path)
        if reason := unsafe_path_reason(path):
            raise refuse(stage, f"{stage}.unsafe_path", UNSAFE_MANIFEST_PATH, file=file, path=path[:200], reason=reason)
        if tag == path.startswith("data/"):
            raise refuse(stage, f"{stage}.wrong_place", WRONG_PLACE, file=file, path=path[:200])
        key = folded(path)
        if key in seen:
            raise refuse(stage, f"{stage}.duplicate", DUPLICATE_IN_MANIFEST, file=file, path=path[:200])
        seen[key] = path
        found[path] = digest.lower()
    return found


# --- sources: a ZIP (container.Container) or a folder ------------------------------------------


class BagSource(Protocol):
    """Read access to a bag's files, by their "/"-separated path relative to the bag's top."""

    def names(self) -> list[str]:
        """Every file of the bag (no folders)."""

    def size(self, name: str) -> int:
        """A file's size in bytes."""

    def read(self, name: str, limit: int) -> bytes:
        """A small file's bytes (refused above `limit`)."""

    def hash_files(
        self, names: list[str], algorithm: str, progress: Progress, cancelled: CancelCheck
    ) -> dict[str, str]:
        """The hex digests of the files, streamed."""


class DirectorySource:
    """An unpacked bag on disk (used for the conformance suite). Links are refused."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._names: list[str] = []
        for folder, dirs, files in os.walk(self.root):
            for name in sorted(dirs + files):
                full = Path(folder) / name
                mode = full.lstat().st_mode
                relative = full.relative_to(self.root).as_posix()
                if stat.S_ISLNK(mode):
                    raise refuse("container", "container.symlink", LINK_IN_FOLDER, path=relative)
                if stat.S_ISREG(mode):
                    self._names.append(relative)
        self._names.sort()

    def names(self) -> list[str]:
        return list(self._names)

    def size(self, name: str) -> int:
        return (self.root / name).stat().st_size

    def read(self, name: str, limit: int) -> bytes:
        with (self.root / name).open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise refuse("tagmanifest", "tagmanifest.too_big", TAG_FILE_TOO_BIG, file=name, limit=limit)
        return data

    def hash_files(
        self, names: list[str], algorithm: str, progress: Progress = no_progress, cancelled=never_cancelled
    ) -> dict[str, str]:
        total = sum(self.size(n) for n in names)
        done, digests = 0, {}
        for name in names:
            digest = hashlib.new(algorithm)
            with (self.root / name).open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    check_cancel(cancelled)
                    digest.update(chunk)
                    done += len(chunk)
                    progress(done, total)
            digests[name] = digest.hexdigest()
        return digests


@dataclass(frozen=True)
class BagCheck:
    """What `check_bag` found in a sound bag."""

    version: str
    algorithms: tuple[str, ...]
    payload_files: int
    payload_bytes: int


def check_bag(
    source: BagSource,
    *,
    algorithms: Iterable[str] = ("sha256", "sha512"),
    versions: Iterable[str] = (BAGIT_VERSION,),
    tag_file_limit: int = 4 * 1024 * 1024,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> BagCheck:
    """Validates a bag as RFC 8493 asks: the declaration, every tag manifest and every payload
    manifest (all files listed, none extra, every digest right) and Payload-Oxum when given.

    `algorithms` are those accepted; a manifest of any other algorithm refuses the bag. Raises
    BundleError at the first failure. The bundle verifier runs the same parsing with sha256 only.
    """
    accepted = tuple(algorithms)
    names = source.names()
    if BAGIT_TXT not in names:
        raise refuse("tagmanifest", "bagit.missing", NO_DECLARATION)
    version = parse_bagit_txt(source.read(BAGIT_TXT, tag_file_limit), versions=versions)
    if FETCH_TXT in names:
        raise refuse("container", "container.fetch", FETCH_UNSUPPORTED)
    payload_manifests, tag_manifests = {}, {}
    for name in names:
        if "/" in name:
            continue
        for prefix, found in (("manifest-", payload_manifests), ("tagmanifest-", tag_manifests)):
            if name.startswith(prefix) and name.endswith(".txt"):
                algorithm = name.removeprefix(prefix).removesuffix(".txt")
                if algorithm not in accepted:
                    raise refuse("manifest", "manifest.algorithm", UNSUPPORTED_ALGORITHM, file=name)
                found[algorithm] = name
    if not payload_manifests:
        raise refuse("manifest", "manifest.missing", NO_MANIFEST)
    tag_files = {n for n in names if not n.startswith("data/")}
    for algorithm, name in sorted(tag_manifests.items()):
        listed = parse_manifest(source.read(name, tag_file_limit), algorithm, tag=True, stage="tagmanifest", file=name)
        for path in sorted(listed):
            if path not in tag_files:
                raise refuse("tagmanifest", "tagmanifest.missing_file", TAG_FILE_MISSING, file=path)
        digests = source.hash_files(sorted(listed), algorithm, no_progress, cancelled)
        for path, digest in sorted(listed.items()):
            if digests[path] != digest:
                raise refuse("tagmanifest", "tagmanifest.hash_mismatch", TAG_HASH_MISMATCH, file=path)
    payload = sorted(n for n in names if n.startswith("data/"))
    total = sum(source.size(n) for n in payload)
    for algorithm, name in sorted(payload_manifests.items()):
        listed = parse_manifest(source.read(name, tag_file_limit), algorithm, tag=False, stage="manifest", file=name)
        check_payload_listing(listed, payload)
        digests = source.hash_files(sorted(listed), algorithm, progress, cancelled)
        check_payload_digests(listed, digests)
    if BAG_INFO in names:
        info = parse_bag_info(source.read(BAG_INFO, tag_file_limit))
        oxum = [v for k, v in info if k.lower() == "payload-oxum"]
        if oxum:
            check_payload_oxum(oxum[0], total, len(payload))
    return BagCheck(version, tuple(sorted(payload_manifests)), len(payload), total)


def check_payload_listing(listed: dict[str, str], payload: list[str]) -> None:
    """Every payload file is in the manifest and every manifest line names a file that is there."""
    present = set(payload)
    for path in sorted(listed):
        if path not in present:
            raise refuse("manifest", "manifest.missing_file", PAYLOAD_MISSING, path=path[:200])
    for path in payload:
        if path not in listed:
            raise refuse("manifest", "manifest.extra_file", PAYLOAD_EXTRA, path=path[:200])


def check_payload_digests(listed: dict[str, str], digests: dict[str, str]) -> None:
    """Every payload file hashes to its manifest line."""
    for path, digest in sorted(listed.items()):
        if digests.get(path) != digest:
            raise refuse("manifest", "manifest.hash_mismatch", PAYLOAD_HASH_MISMATCH, path=path[:200])


def check_payload_oxum(value: str, octets: int, count: int) -> None:
    """Payload-Oxum ("octets.count") agrees with the payload."""
    declared_octets, dot, declared_count = value.partition(".")
    if not (dot and declared_octets.isdigit() and declared_count.isdigit() and declared_octets.isascii()):
        raise refuse("manifest", "manifest.oxum", BAD_OXUM, value=value[:60])
    if (int(declared_octets), int(declared_count)) != (octets, count):
        raise refuse("manifest", "manifest.oxum", OXUM_MISMATCH, value=value[:60], octets=octets, count=count)


# --- messages (the window translates them; the command line prints them as they are) -----------

BOM = QT_TRANSLATE_NOOP("BundleCheck", "{file} diawali penanda BOM; berkas tag BagIt harus UTF-8 tanpa BOM.")
NOT_UTF8 = QT_TRANSLATE_NOOP("BundleCheck", "{file} bukan teks UTF-8.")
NO_DECLARATION = QT_TRANSLATE_NOOP("BundleCheck", "bagit.txt tidak ada: berkas ini bukan tas BagIt.")
BAD_DECLARATION = QT_TRANSLATE_NOOP(
    "BundleCheck", "bagit.txt tidak sesuai RFC 8493 (harus tepat: {reason}, tanpa spasi sebelum titik dua)."
)
BAD_VERSION = QT_TRANSLATE_NOOP("BundleCheck", "Versi BagIt '{version}' tidak didukung.")
BAD_ENCODING = QT_TRANSLATE_NOOP("BundleCheck", "Pengodean berkas tag '{encoding}' tidak didukung; harus UTF-8.")
BAD_BAG_INFO = QT_TRANSLATE_NOOP("BundleCheck", "Baris bag-info.txt tidak sah: '{line}'.")
BAD_MANIFEST_LINE = QT_TRANSLATE_NOOP("BundleCheck", "Baris {line} di {file} tidak sah (harus: hash, spasi, path).")
UNSAFE_MANIFEST_PATH = QT_TRANSLATE_NOOP(
    "BundleCheck", "{file} memuat path '{path}' yang tidak aman ({reason}): bisa menunjuk ke luar tas."
)
WRONG_PLACE = QT_TRANSLATE_NOOP("BundleCheck", "{file} mencantumkan '{path}' di tempat yang salah.")
DUPLICATE_IN_MANIFEST = QT_TRANSLATE_NOOP("BundleCheck", "{file} mencantumkan '{path}' lebih dari sekali.")
LINK_IN_FOLDER = QT_TRANSLATE_NOOP("BundleCheck", "'{path}' adalah tautan (symlink); tas tidak boleh memuat tautan.")
TAG_FILE_TOO_BIG = QT_TRANSLATE_NOOP("BundleCheck", "{file} terlalu besar (lebih dari {limit} byte).")
FETCH_UNSUPPORTED = QT_TRANSLATE_NOOP(
    "BundleCheck", "Tas memuat fetch.txt (berkas yang harus diunduh); paket SPM Luring harus lengkap."
)
UNSUPPORTED_ALGORITHM = QT_TRANSLATE_NOOP("BundleCheck", "Manifest {file} memakai algoritme hash yang tidak didukung.")
NO_MANIFEST = QT_TRANSLATE_NOOP("BundleCheck", "Tas tidak memuat manifest berkas data (manifest-sha256.txt).")
TAG_FILE_MISSING = QT_TRANSLATE_NOOP("BundleCheck", "Berkas tag {file} tercantum di tagmanifest tetapi tidak ada.")
TAG_HASH_MISMATCH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Berkas tag {file} tidak cocok dengan tagmanifest: isinya berubah setelah ditandatangani."
)
PAYLOAD_MISSING = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {path} tercantum di manifest tetapi tidak ada di paket.")
PAYLOAD_EXTRA = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {path} ada di paket tetapi tidak tercantum di manifest.")
PAYLOAD_HASH_MISMATCH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Isi berkas {path} tidak cocok dengan manifest: berkas rusak atau diubah."
)
BAD_OXUM = QT_TRANSLATE_NOOP("BundleCheck", "Payload-Oxum '{value}' tidak sah.")
OXUM_MISMATCH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Payload-Oxum '{value}' tidak cocok dengan isi paket ({octets} byte, {count} berkas)."
)
