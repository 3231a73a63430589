"""The bundle's ZIP container, opened defensively: limits first, then reads that never exceed them.

Before Python's zipfile parses anything, the end record is read by hand so that a file claiming a
million entries or a gigabyte central directory is refused without allocating it. Then every entry
is checked (names, links, duplicates, sizes, compression ratio, overlaps, local headers agreeing
with the central directory), and every later read is bounded by the declared size and checked
against the CRC. Stored (uncompressed) entries are read straight from the file, so the whole file
and all of its entries are hashed in one sequential pass.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.exchange.bag import folded, unsafe_path_reason
from desktop.exchange.errors import CancelCheck, Progress, check_cancel, never_cancelled, no_progress, refuse
from desktop.storage.errors import translate_os_error

KIB, MIB, GIB = 1024, 1024**2, 1024**3
CHUNK = MIB

SIGNATURE_NAME = "tagmanifest-sha256.txt.minisig"
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt")
TOP_LEVEL = (*TAG_FILES, SIGNATURE_NAME)
SUBMISSION_JSON = "data/submission.json"
SUBMISSION_CSV = "data/submission.csv"
DIRECTORIES = ("data/", "data/evidence/", "data/forms/")
EVIDENCE_RE = re.compile(r"data/evidence/[0-9a-f]{64}\.[a-z0-9]{1,8}")
FORM_RE = re.compile(r"data/forms/[A-Za-z0-9][A-Za-z0-9._-]{0,119}\.pdf")


@dataclass(frozen=True)
class ContainerLimits:
    """What a bundle may hold; the defaults follow the evidence store's 50 MB file limit."""

    max_entries: int = 20_000
    max_total_bytes: int = 8 * GIB
    max_entry_bytes: int = 51 * MIB  # one evidence file: the store's limit plus a margin
    max_tag_file_bytes: int = 4 * MIB
    max_submission_bytes: int = 32 * MIB
    max_signature_bytes: int = 16 * KIB
    max_ratio: int = 100  # uncompressed / compressed, for a deflated entry
    max_name_length: int = 255
    max_central_directory: int = 16 * MIB

    @classmethod
    def for_evidence_limit(cls, evidence_max_bytes: int) -> ContainerLimits:
        """Limits for an install whose evidence files may be up to `evidence_max_bytes`."""
        return cls(max_entry_bytes=evidence_max_bytes + MIB)

    def limit_for(self, name: str) -> int:
        """The largest size an entry of this name may have."""
        if name == SIGNATURE_NAME:
            return self.max_signature_bytes
        if name in TAG_FILES:
            return self.max_tag_file_bytes
        if name in (SUBMISSION_JSON, SUBMISSION_CSV):
            return self.max_submission_bytes
        return self.max_entry_bytes


@dataclass(frozen=True)
class Entry:
    """One file in the container, as checked."""

    name: str
    size: int  # uncompressed
    compressed_size: int
    method: int
    crc: int
    header_offset: int
    data_offset: int


def _allowed(name: str) -> bool:
    return (
        name in TOP_LEVEL
        or name in (SUBMISSION_JSON, SUBMISSION_CSV)
        or bool(EVIDENCE_RE.fullmatch(name))
        or bool(FORM_RE.fullmatch(name))
    )


class Container:
    """A bundle ZIP that passed the container checks. Use as a context manager (closes the file)."""

    def __init__(self, path: Path, limits: ContainerLimits):
        self.path, self.limits = Path(path), limits
        self._file = None
        self._zip: zipfile.ZipFile | None = None
        self.entries: dict[str, Entry] = {}
        self.file_size = 0

    @classmethod
    def open(cls, path: Path, limits: ContainerLimits | None = None) -> Container:
        """Opens and checks the container; BundleError (stage "container") at the first violation."""
        container = cls(path, limits or ContainerLimits())
        try:
            container._open()
        except BaseException:
            container.close()
            raise
        return container

    # --- checks ----------------------------------------------------------------------------

    def _open(self) -> None:
        limits = self.limits
        try:
            self._file = self.path.open("rb")
            self.file_size = self.file_size_now()
        except FileNotFoundError:
            raise refuse("container", "container.missing", MISSING, name=str(self.path)) from None
        except OSError as exc:
            raise translate_os_error(exc, self.path) from exc
        if self.file_size > limits.max_total_bytes + limits.max_central_directory + 64 * MIB:
            raise refuse("container", "container.too_big", TOO_BIG, limit=_gib(limits.max_total_bytes))
        count, directory_size = self._end_record()
        if count > limits.max_entries:
            raise refuse("container", "container.too_many_entries", TOO_MANY, count=count, limit=limits.max_entries)
        if directory_size > limits.max_central_directory:
            raise refuse("container", "container.directory_too_big", DIRECTORY_TOO_BIG)
        try:
            self._zip = zipfile.ZipFile(self._file)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error, NotImplementedError):
            raise refuse("container", "container.not_zip", NOT_ZIP) from None
        except OSError as exc:
            raise translate_os_error(exc, self.path) from exc
        if len(infos) > limits.max_entries:
            raise refuse(
                "container", "container.too_many_entries", TOO_MANY, count=len(infos), limit=limits.max_entries
            )
        seen: dict[str, str] = {}
        total = 0
        for info in infos:
            name = info.filename
            self._check_name(info, seen)
            if info.flag_bits & 0x1:
                raise refuse("container", "container.encrypted_entry", ENCRYPTED_ENTRY, name=name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise refuse("container", "container.compression", UNKNOWN_COMPRESSION, name=name)
            if name in DIRECTORIES:
                if info.file_size or info.compress_size:
                    raise refuse("container", "container.name", BAD_NAME, name=name)
                continue
            if info.file_size > limits.limit_for(name):
                raise refuse(
                    "container",
                    "container.entry_too_big",
                    ENTRY_TOO_BIG,
                    name=name,
                    size=_mb(info.file_size),
                    limit=_mb(limits.limit_for(name)),
                )
            total += info.file_size
            if total > limits.max_total_bytes:
                raise refuse("container", "container.too_big", TOO_BIG, limit=_gib(limits.max_total_bytes))
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise refuse("container", "container.sizes", SIZES_DISAGREE, name=name)
            if info.compress_type == zipfile.ZIP_DEFLATED and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise refuse("container", "container.ratio", RATIO, name=name, limit=limits.max_ratio)
            self.entries[name] = Entry(
                name, info.file_size, info.compress_size, info.compress_type, info.CRC, info.header_offset, -1
            )
        self._check_layout(infos)

    def _check_name(self, info: zipfile.ZipInfo, seen: dict[str, str]) -> None:
        name = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise refuse("container", "container.symlink", SYMLINK, name=name)
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise refuse("container", "container.special_file", SPECIAL_FILE, name=name)
        if "\\" in name:
            raise refuse("container", "container.backslash", BACKSLASH, name=name[:200])
        if name.startswith("/") or (len(name) >= 2 and name[1] == ":"):
            raise refuse("container", "container.absolute", ABSOLUTE, name=name[:200])
        bare = name[:-1] if name.endswith("/") else name
        reason = unsafe_path_reason(bare)
        if reason == "dots":
            raise refuse("container", "container.dots", DOTS, name=name[:200])
        if reason is not None or len(name) > self.limits.max_name_length:
            raise refuse("container", "container.name", BAD_NAME, name=name[:200])
        key = folded(name)
        if key in seen:
            raise refuse("container", "container.duplicate", DUPLICATE, name=name[:200], other=seen[key][:200])
        seen[key] = name
        if name not in DIRECTORIES and not _allowed(name):
            raise refuse("container", "container.unexpected_name", UNEXPECTED_NAME, name=name[:200])

    def _end_record(self) -> tuple[int, int]:
        """(entry count, central directory size) from the end records, read without zipfile."""
        size = self.file_size
        if size < 22:
            raise refuse("container", "container.not_zip", NOT_ZIP)
        tail_size = min(size, 22 + 65535)
        self._file.seek(size - tail_size)
        tail = self._file.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            raise refuse("container", "container.not_zip", NOT_ZIP)
        (_, _, _, _, count, directory_size, _, _) = struct.unpack("<4s4H2LH", tail[at : at + 22])
        if count == 0xFFFF or directory_size == 0xFFFFFFFF:
            locator = tail[at - 20 : at] if at >= 20 else b""
            if locator[:4] != b"PK\x06\x07":
                raise refuse("container", "container.not_zip", NOT_ZIP)
            (record_offset,) = struct.unpack("<Q", locator[8:16])
            if record_offset > size - 56:
                raise refuse("container", "container.not_zip", NOT_ZIP)
            self._file.seek(record_offset)
            record = self._file.read(56)
            if record[:4] != b"PK\x06\x06":
                raise refuse("container", "container.not_zip", NOT_ZIP)
            count, directory_size = struct.unpack("<QQ", record[32:48])
        return count, directory_size

    def _check_layout(self, infos: list[zipfile.ZipInfo]) -> None:
        """Local headers agree with the central directory; no entry overlaps another or the directory."""
        directory_start = self._zip.start_dir
        files = sorted((i for i in infos if i.filename not in DIRECTORIES), key=lambda i: i.header_offset)
        previous_end = 0
        for info in files:
            if info.header_offset < previous_end:
                raise refuse("container", "container.overlap", OVERLAP, name=info.filename)
            self._file.seek(info.header_offset)
            header = self._file.read(30)
            if len(header) != 30 or header[:4] != b"PK\x03\x04":
                raise refuse("container", "container.local_header", LOCAL_HEADER, name=info.filename)
            method, name_length, extra_length = (
                struct.unpack("<H", header[8:10])[0],
                *struct.unpack("<HH", header[26:30]),
            )
            local_name = self._file.read(name_length)
            central_name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")
            if method != info.compress_type or local_name != central_name:
                raise refuse("container", "container.local_header", LOCAL_HEADER, name=info.filename)
            data_offset = info.header_offset + 30 + name_length + extra_length
            end = data_offset + info.compress_size
            if end > directory_start:
                raise refuse("container", "container.overlap", OVERLAP, name=info.filename)
            previous_end = end
            entry = self.entries[info.filename]
            self.entries[info.filename] = Entry(
                entry.name,
                entry.size,
                entry.compressed_size,
                entry.method,
                entry.crc,
                entry.header_offset,
                data_offset,
            )

    # --- reading ---------------------------------------------------------------------------

    def file_size_now(self) -> int:
        """The size of the open file."""
        self._file.seek(0, 2)
        return self._file.tell()

    def names(self) -> list[str]:
        """Every file entry (no folders)."""
        return sorted(self.entries)

    def size(self, name: str) -> int:
        """An entry's declared (uncompressed) size."""
        return self.entries[name].size

    def read(self, name: str, limit: int) -> bytes:
        """A small entry's bytes, after its CRC; refused above `limit`."""
        entry = self.entries[name]
        if entry.size > limit:
            raise refuse(
                "container", "container.entry_too_big", ENTRY_TOO_BIG, name=name, size=_mb(entry.size), limit=_mb(limit)
            )
        parts = []
        with self.stream(name) as handle:
            while piece := handle.read(CHUNK):
                parts.append(piece)
        return b"".join(parts)

    def stream(self, name: str) -> _EntryReader:
        """A file object over an entry's bytes: never more than the declared size, CRC checked at the end."""
        entry = self.entries[name]
        try:
            if entry.method == zipfile.ZIP_STORED:
                return _EntryReader(entry, self.path.open("rb"), raw=True)
            return _EntryReader(entry, self._zip.open(name), raw=False)
        except OSError as exc:
            raise translate_os_error(exc, self.path) from exc

    def hash_files(
        self, names: list[str], algorithm: str, progress: Progress = no_progress, cancelled=never_cancelled
    ) -> dict[str, str]:
        """The digests of the entries (for bag.check_bag)."""
        return self.hash_entries(names, algorithm, progress, cancelled)[0]

    def hash_entries(
        self,
        names: list[str],
        algorithm: str = "sha256",
        progress: Progress = no_progress,
        cancelled: CancelCheck = never_cancelled,
    ) -> tuple[dict[str, str], str]:
        """The digests of the named entries and the SHA-256 of the whole file, in one sequential read.

        Stored entries are hashed as the file streams past; deflated ones (a bag zipped again by
        hand) are decompressed afterwards. Each entry's CRC is checked too.
        """
        wanted = [self.entries[n] for n in names]
        stored = sorted((e for e in wanted if e.method == zipfile.ZIP_STORED), key=lambda e: e.data_offset)
        deflated = [e for e in wanted if e.method != zipfile.ZIP_STORED]
        total = self.file_size + sum(e.size for e in deflated)
        try:
            digests, whole = self._hash_sequentially(stored, algorithm, total, progress, cancelled)
            done = self.file_size
            for entry in deflated:
                digest = hashlib.new(algorithm)
                with self.stream(entry.name) as reader:
                    while piece := reader.read(CHUNK):
                        check_cancel(cancelled)
                        digest.update(piece)
                        done += len(piece)
                        progress(done, total)
                digests[entry.name] = digest.hexdigest()
        except OSError as exc:
            raise translate_os_error(exc, self.path) from exc
        return digests, whole

    def _hash_sequentially(
        self, stored: list[Entry], algorithm: str, total: int, progress: Progress, cancelled: CancelCheck
    ) -> tuple[dict[str, str], str]:
        """One pass over the file: the whole file's SHA-256, and each stored entry's digest and CRC."""
        state = {e.name: [hashlib.new(algorithm), 0, 0] for e in stored}  # digest, crc, bytes fed
        whole = hashlib.sha256()
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        position, first = 0, 0
        with self.path.open("rb") as handle:
            while count := handle.readinto(buffer):
                check_cancel(cancelled)
                chunk = view[:count]
                whole.update(chunk)
                end = position + count
                index = first
                while index < len(stored) and stored[index].data_offset < end:
                    entry = stored[index]
                    entry_end = entry.data_offset + entry.compressed_size
                    low, high = max(entry.data_offset, position), min(entry_end, end)
                    if low < high:
                        piece = chunk[low - position : high - position]
                        record = state[entry.name]
                        record[0].update(piece)
                        record[1] = zlib.crc32(piece, record[1])
                        record[2] += high - low
                    if entry_end > end:
                        break
                    index += 1
                    first = index
                position = end
                progress(position, total)
        digests = {}
        for entry in stored:
            digest, crc, fed = state[entry.name]
            if fed != entry.size or crc != entry.crc:
                raise refuse("container", "container.crc", BAD_CRC, name=entry.name)
            digests[entry.name] = digest.hexdigest()
        return digests, whole.hexdigest()

    def close(self) -> None:
        """Closes the file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _EntryReader:
    """Reads one entry: at most its declared size; a short or altered entry raises BundleError at the end."""

    def __init__(self, entry: Entry, handle, raw: bool):
        self.entry, self._handle, self._raw = entry, handle, raw
        self._left, self._crc = entry.size, 0
        if raw:
            handle.seek(entry.data_offset)

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            self._finish()
            return b""
        want = self._left if size is None or size < 0 else min(size, self._left)
        try:
            data = self._handle.read(want)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            raise refuse("container", "container.crc", BAD_CRC, name=self.entry.name) from None
        if not data:
            raise refuse("container", "container.truncated", TRUNCATED_ENTRY, name=self.entry.name)
        self._left -= len(data)
        self._crc = zlib.crc32(data, self._crc)
        if self._left == 0:
            self._finish()
        return data

    def _finish(self) -> None:
        if self._crc != self.entry.crc:
            raise refuse("container", "container.crc", BAD_CRC, name=self.entry.name)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> _EntryReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _mb(size: int) -> str:
    return f"{size / MIB:.1f}".replace(".", ",")


def _gib(size: int) -> str:
    return f"{size / GIB:g}".replace(".", ",")


MISSING = QT_TRANSLATE_NOOP("BundleCheck", "Berkas paket {name} tidak ditemukan.")
NOT_ZIP = QT_TRANSLATE_NOOP("BundleCheck", "Berkas ini bukan paket SPM Luring yang utuh (bukan ZIP, atau terpotong).")
TOO_BIG = QT_TRANSLATE_NOOP("BundleCheck", "Paket terlalu besar: isinya melebihi batas {limit} GB.")
TOO_MANY = QT_TRANSLATE_NOOP("BundleCheck", "Paket memuat {count} berkas; paling banyak {limit}.")
DIRECTORY_TOO_BIG = QT_TRANSLATE_NOOP("BundleCheck", "Daftar isi ZIP paket ini terlalu besar; paket ditolak.")
ENCRYPTED_ENTRY = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {name} di dalam ZIP dienkripsi; paket ditolak.")
UNKNOWN_COMPRESSION = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {name} memakai metode kompresi yang tidak didukung.")
ENTRY_TOO_BIG = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {name} berukuran {size} MB, melebihi batas {limit} MB.")
SIZES_DISAGREE = QT_TRANSLATE_NOOP("BundleCheck", "Ukuran berkas {name} di dalam ZIP tidak konsisten.")
RATIO = QT_TRANSLATE_NOOP(
    "BundleCheck", "Berkas {name} mengembang lebih dari {limit} kali saat dibuka (bom ZIP); paket ditolak."
)
SYMLINK = QT_TRANSLATE_NOOP("BundleCheck", "Paket memuat tautan (symlink) {name}; paket ditolak.")
SPECIAL_FILE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Paket memuat berkas khusus {name} (bukan berkas biasa); paket ditolak."
)
BACKSLASH = QT_TRANSLATE_NOOP("BundleCheck", "Nama berkas '{name}' memakai garis miring terbalik; paket ditolak.")
ABSOLUTE = QT_TRANSLATE_NOOP("BundleCheck", "Nama berkas '{name}' berupa path mutlak; paket ditolak.")
DOTS = QT_TRANSLATE_NOOP("BundleCheck", "Nama berkas '{name}' memuat '..' atau '.'; bisa menunjuk ke luar paket.")
BAD_NAME = QT_TRANSLATE_NOOP("BundleCheck", "Nama berkas '{name}' di dalam paket tidak sah.")
DUPLICATE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Nama berkas '{name}' muncul dua kali di paket (juga sebagai '{other}'); paket ditolak."
)
UNEXPECTED_NAME = QT_TRANSLATE_NOOP("BundleCheck", "Paket memuat berkas tak dikenal '{name}'.")
OVERLAP = QT_TRANSLATE_NOOP("BundleCheck", "Isi berkas {name} bertumpang tindih di dalam ZIP; paket ditolak.")
LOCAL_HEADER = QT_TRANSLATE_NOOP("BundleCheck", "Kepala berkas {name} di dalam ZIP tidak cocok dengan daftar isinya.")
BAD_CRC = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {name} di dalam ZIP rusak (CRC tidak cocok).")
TRUNCATED_ENTRY = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {name} di dalam ZIP terpotong.")
