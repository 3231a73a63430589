"""Writing a bundle from its plan: the bag, its signature, the ZIP, written beside the target, synced,
read back from the device and verified in full, optionally encrypted, and only then given its name.

File work only (any thread): the plan (ExportPlan) holds everything read from the database. A stick
pulled out, a full stick, a cancel or an evidence file that changed since the plan leaves no file that
looks complete; the caller records the result (desktop.exchange.export) only after it is verified.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.domain.periods import Period
from desktop.exchange import bag
from desktop.exchange.container import SIGNATURE_NAME, SUBMISSION_CSV, SUBMISSION_JSON, ContainerLimits
from desktop.exchange.encryption import encrypt_file, parse_recipient
from desktop.exchange.errors import BundleError, CancelCheck, Progress, check_cancel, never_cancelled, no_progress
from desktop.exchange.keys import OfficeSigner, PublicKeyInfo
from desktop.exchange.submission import (
    SCHEMA,
    Submission,
    encode,
    encode_csv,
)
from desktop.exchange.verify import COMMENT_FORMAT, MANIFEST, TAGMANIFEST, Trust, TrustedSigner, verify_bundle
from desktop.storage.durable_files import fsync_dir
from desktop.storage.errors import translate_os_error

CHUNK = 1024 * 1024
OUTGOING_DIR = "outgoing"  # in the data folder: the plaintext of a bundle that leaves encrypted


@dataclass(frozen=True)
class ExportFile:
    """An evidence file to copy into the bag."""

    path: str  # data/evidence/<sha256>.<ext>
    source: Path  # the blob in the evidence store
    sha256: str
    size: int
    name: str  # the operator's file name, for messages


@dataclass(frozen=True)
class ExportPlan:
    """Everything the file work needs, read from the database; holds no connection."""

    data_dir: Path
    submission: Submission
    files: tuple[ExportFile, ...]
    area_names: dict[str, str]
    service_names: dict[str, str]
    signer: PublicKeyInfo
    expected_current: dict[str, str | None]  # service -> bundle id of its current revision
    limits: ContainerLimits

    @property
    def bundle_id(self) -> str:
        return self.submission.bundle_id

    @property
    def period(self) -> Period:
        return self.submission.period

    @property
    def evidence_bytes(self) -> int:
        """The evidence to copy, in bytes."""
        return sum(f.size for f in self.files)

    @property
    def suggested_name(self) -> str:
        """A file name for the bundle: spm-64.11-dinas-kesehatan-2024Q3.spmb"""
        slug = re.sub(r"[^a-z0-9]+", "-", self.submission.office.name.lower()).strip("-")[:40] or "kantor"
        return f"spm-{self.submission.office.district_code}-{slug}-{self.period.key}.spmb"


@dataclass(frozen=True)
class ExportResult:
    """A bundle written to its target and verified there."""

    path: Path  # the final file (.spmb, or .spmb.age when encrypted)
    bundle_id: str
    file_sha256: str  # of the .spmb (the plaintext of an encrypted one)
    file_size: int
    tagmanifest_sha256: str
    encrypted: bool
    encrypted_sha256: str | None  # of the .spmb.age as read back from the target
    reports: int
    evidence_files: int
    payload_bytes: int


# --- 2. write, sync, verify (file work; any thread) -----------------------------------------------


@dataclass(frozen=True)
class _TagFiles:
    submission: bytes
    csv: bytes
    bagit: bytes
    bag_info: bytes
    manifest: bytes
    tagmanifest: bytes
    signature: bytes
    payload_bytes: int


def _tag_files(plan: ExportPlan, signer: OfficeSigner) -> _TagFiles:
    submission = plan.submission
    json_bytes = encode(submission)
    csv_bytes = encode_csv(submission, plan.area_names, plan.service_names)
    manifest = bag.format_manifest(
        [
            (SUBMISSION_JSON, hashlib.sha256(json_bytes).hexdigest()),
            (SUBMISSION_CSV, hashlib.sha256(csv_bytes).hexdigest()),
            *((f.path, f.sha256) for f in plan.files),
        ]
    )
    payload_bytes = len(json_bytes) + len(csv_bytes) + plan.evidence_bytes
    office = submission.office
    pairs = [
        ("Source-Organization", f"{office.name}, {office.district_name}"),
        ("External-Identifier", submission.bundle_id),
        ("External-Description", f"Laporan capaian SPM triwulan {submission.period.roman} {submission.period.year}"),
        ("Bagging-Date", submission.created_at[:10]),
        ("Bag-Software-Agent", submission.software),
        ("Payload-Oxum", f"{payload_bytes}.{2 + len(plan.files)}"),
        ("SPM-Schema", SCHEMA),
        ("SPM-Created", submission.created_at),
        ("SPM-Office-Id", office.id),
        ("SPM-Office-Name", office.name),
        ("SPM-District", office.district_code),
        ("SPM-Period", submission.period.key),
        ("SPM-Catalog-Version", submission.catalog_version),
        ("SPM-Signer-Key-Id", plan.signer.key_id),
        ("SPM-Signer-Fingerprint", plan.signer.fingerprint),
        *(("SPM-Revises", bundle) for bundle in submission.revises),
    ]
    bagit_bytes, info_bytes = bag.bagit_txt(), bag.format_bag_info(pairs)
    tagmanifest = bag.format_manifest(
        [
            (bag.BAGIT_TXT, hashlib.sha256(bagit_bytes).hexdigest()),
            (bag.BAG_INFO, hashlib.sha256(info_bytes).hexdigest()),
            (MANIFEST, hashlib.sha256(manifest).hexdigest()),
        ]
    )
    comment = "\t".join(
        [
            COMMENT_FORMAT,
            f"bundle:{submission.bundle_id}",
            f"tagmanifest-sha256:{hashlib.sha256(tagmanifest).hexdigest()}",
            f"timestamp:{int(datetime.now().timestamp())}",
        ]
    )
    return _TagFiles(
        json_bytes,
        csv_bytes,
        bagit_bytes,
        info_bytes,
        manifest,
        tagmanifest,
        signer.sign(tagmanifest, comment),
        payload_bytes,
    )


def write_bundle(
    plan: ExportPlan,
    out: Path,
    signer: OfficeSigner,
    *,
    encrypt_to: Sequence[str] = (),
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ExportResult:
    """Writes the bundle to `out` (with `encrypt_to`: to `out` + ".age", the plaintext never touching
    the target), syncs it, verifies it as read back from the device, then gives it its name.

    UserError for a full or vanished target, a cancel (UserCancelledError) or an evidence file that no longer
    matches its hash; in every case the partial file is removed and nothing is left under the name.
    """
    out = Path(out)
    recipients = [r.strip() for r in encrypt_to if r.strip()]
    for recipient in recipients:
        parse_recipient(recipient)
    if signer.public.raw != plan.signer.raw:
        raise user_error(QT_TRANSLATE_NOOP("Export", "Kunci yang dibuka bukan kunci kantor yang tercatat."))
    final = out if not recipients or out.name.endswith(".age") else out.with_name(out.name + ".age")
    if not final.parent.is_dir():
        raise user_error(
            QT_TRANSLATE_NOOP("Export", "Folder tujuan {folder} tidak ada atau tidak terpasang."),
            folder=str(final.parent),
        )
    tags = _tag_files(plan, signer)
    phases = 3 if recipients else 2
    total = tags.payload_bytes * phases

    def write_progress(done: int) -> None:
        progress(done, total)

    def verify_progress(done: int, of: int) -> None:
        progress(tags.payload_bytes + done * tags.payload_bytes // max(of, 1), total)

    if recipients:
        plain_folder = plan.data_dir / OUTGOING_DIR
        plain_final = plain_folder / f"{plan.bundle_id}.spmb"
    else:
        plain_folder, plain_final = final.parent, final
    partial = plain_folder / f"{plain_final.name}.partial-{secrets.token_hex(4)}"
    try:
        plain_folder.mkdir(parents=True, exist_ok=True)
        _write_zip(partial, plan, tags, write_progress, cancelled)
        verified = verify_bundle(partial, _own_trust(plan), progress=verify_progress, cancelled=cancelled)
        if verified.bundle_id != plan.bundle_id:  # cannot happen unless the file was swapped under us
            raise user_error(QT_TRANSLATE_NOOP("Export", "Paket yang terbaca kembali bukan paket yang ditulis."))
        os.replace(partial, plain_final)
        fsync_dir(plain_folder)
    except BaseException as exc:
        _remove_quietly(partial)
        translated = _translated(exc, plain_folder)
        if translated is None:
            raise
        raise translated from exc
    encrypted_sha = None
    if recipients:
        try:
            encrypted_sha = _encrypt_to_target(
                plain_final,
                final,
                recipients,
                lambda done, _: progress(
                    2 * tags.payload_bytes + done * tags.payload_bytes // max(verified.file_size, 1), total
                ),
                cancelled,
            )
        finally:
            _remove_quietly(plain_final)
    progress(total, total)
    return ExportResult(
        path=final,
        bundle_id=plan.bundle_id,
        file_sha256=verified.file_sha256,
        file_size=verified.file_size,
        tagmanifest_sha256=verified.tagmanifest_sha256,
        encrypted=bool(recipients),
        encrypted_sha256=encrypted_sha,
        reports=len(plan.submission.reports),
        evidence_files=sum(1 for f in plan.files if f.path.startswith("data/evidence/")),
        payload_bytes=verified.payload_bytes,
    )


def _own_trust(plan: ExportPlan) -> Trust:
    office = plan.submission.office
    return Trust((TrustedSigner(plan.signer, office.name, "office", office.id, own=True),), office.id, plan.limits)


def _write_zip(partial: Path, plan: ExportPlan, tags: _TagFiles, progress, cancelled: CancelCheck) -> None:
    stamp = _zip_time(plan.submission.created_at)
    done = 0
    with _create(partial) as handle:
        archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED, allowZip64=True)
        try:
            small = [
                (bag.BAGIT_TXT, tags.bagit),
                (bag.BAG_INFO, tags.bag_info),
                (MANIFEST, tags.manifest),
                (TAGMANIFEST, tags.tagmanifest),
                (SIGNATURE_NAME, tags.signature),
                (SUBMISSION_JSON, tags.submission),
                (SUBMISSION_CSV, tags.csv),
            ]
            for name, data in small:
                archive.writestr(_info(name, stamp, len(data)), data)
                if name.startswith("data/"):
                    done += len(data)
            progress(done)
            for item in plan.files:
                done = _copy_evidence(archive, item, stamp, done, progress, cancelled)
        finally:
            archive.close()  # writes the central directory (or fails again on a dead device)
        handle.flush()
        os.fsync(handle.fileno())
        if hasattr(os, "posix_fadvise"):  # read back from the device itself, not the page cache
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _create(path: Path):
    """Opens a new file on the target for writing (a seam for the tests' fault injection)."""
    return path.open("xb")


def _info(name: str, stamp: tuple, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, stamp)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o100644 << 16
    info.create_system = 3
    info.file_size = size
    return info


def _zip_time(timestamp: str) -> tuple:
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)


class _SourceError(Exception):
    """An evidence file in the store could not be read (kept apart from the target's write errors)."""

    def __init__(self, error: UserError):
        super().__init__(str(error))
        self.error = error


def _copy_evidence(archive: zipfile.ZipFile, item: ExportFile, stamp: tuple, done: int, progress, cancelled) -> int:
    digest = hashlib.sha256()
    copied = 0
    try:
        source = item.source.open("rb")
    except OSError as exc:
        raise _SourceError(_evidence_unreadable(item)) from exc
    with source, archive.open(_info(item.path, stamp, item.size), "w") as target:
        while True:
            check_cancel(cancelled)
            try:
                chunk = source.read(CHUNK)
            except OSError as exc:
                raise _SourceError(_evidence_unreadable(item)) from exc
            if not chunk:
                break
            copied += len(chunk)
            if copied > item.size:
                break
            digest.update(chunk)
            target.write(chunk)
            progress(done + copied)
        if copied != item.size or digest.hexdigest() != item.sha256:
            raise _SourceError(
                user_error(
                    QT_TRANSLATE_NOOP(
                        "Export",
                        "Berkas data dukung '{name}' rusak di penyimpanan (isinya tidak cocok lagi dengan hash-nya). Paket tidak dibuat; pulihkan berkas itu dari cadangan atau lampirkan ulang.",
                    ),
                    name=item.name,
                )
            )
    return done + copied


def _evidence_unreadable(item: ExportFile) -> UserError:
    return user_error(
        QT_TRANSLATE_NOOP(
            "Export",
            "Berkas data dukung '{name}' tidak dapat dibaca dari penyimpanan ({path}). Paket tidak dibuat.",
        ),
        name=item.name,
        path=str(item.source),
    )


def _encrypt_to_target(plain: Path, final: Path, recipients: list[str], progress, cancelled) -> str:
    partial = final.with_name(f"{final.name}.partial-{secrets.token_hex(4)}")
    try:
        with _create(partial) as handle:
            digest, _size = encrypt_file(plain, handle, recipients, progress=progress, cancelled=cancelled)
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "posix_fadvise"):
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        check = hashlib.sha256()
        with partial.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                check.update(chunk)
        if check.hexdigest() != digest:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Export",
                    "Berkas yang terbaca kembali dari {folder} tidak sama dengan yang ditulis. Coba media lain.",
                ),
                folder=str(final.parent),
            )
        os.replace(partial, final)
        fsync_dir(final.parent)
    except BaseException as exc:
        _remove_quietly(partial)
        translated = _translated(exc, final.parent)
        if translated is None:
            raise
        raise translated from exc
    return digest


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _translated(exc: BaseException, folder: Path) -> UserError | None:
    """The UserError to show for a failed write, or None to let the exception through as it is."""
    if isinstance(exc, _SourceError):
        return exc.error
    if isinstance(exc, OSError):
        return translate_os_error(exc, folder)
    if isinstance(exc, BundleError):  # what was read back from the device is not what was written
        return user_error(
            QT_TRANSLATE_NOOP(
                "Export", "Paket yang terbaca kembali dari {folder} rusak ({reason}). Paket dihapus; coba media lain."
            ),
            folder=str(folder),
            reason=exc.message,
        )
    return None


def discard_export(result: ExportResult) -> None:
    """Removes a written bundle that could not be recorded (so no unrecorded revision is handed over)."""
    _remove_quietly(result.path)
