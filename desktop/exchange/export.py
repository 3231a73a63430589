"""Export: a period's reports and their evidence as one signed bundle on the target (a USB stick).

Three steps, so the window can run the slow one off the GUI thread (the database belongs to it):

    plan = prepare_export(store, period, services)          # database reads, quick
    result = write_bundle(plan, out, signer, ...)            # file work: write, sync, verify, (encrypt)
    record_export(store, plan, result)                       # one transaction: the bundle and revisions

`export_bundle` runs all three (the command line). The file is written to
`<name>.partial-<random>` in the target folder, synced, read back from the device and verified in
full, and only then renamed to its name: a stick pulled out, a full stick or a cancel leaves no file
that looks complete (the partial one is removed when the device still allows it). Nothing is
recorded unless the file was written and verified.
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

from desktop import __version__
from desktop.domain.catalog import CURRENT_VERSION, load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error
from desktop.domain.periods import Period
from desktop.domain.workflow import Permission
from desktop.exchange import bag
from desktop.exchange.container import SIGNATURE_NAME, SUBMISSION_CSV, SUBMISSION_JSON, ContainerLimits
from desktop.exchange.encryption import encrypt_file, parse_recipient
from desktop.exchange.errors import BundleError, CancelCheck, Progress, check_cancel, never_cancelled, no_progress
from desktop.exchange.keys import OfficeSigner, PublicKeyInfo, no_office_key, parse_public_key, unlock_office_key
from desktop.exchange.submission import (
    AUDIT_EXCERPT,
    SCHEMA,
    EvidenceRef,
    OfficeInfo,
    SignerInfo,
    Submission,
    SubmittedReport,
    encode,
    encode_csv,
    new_bundle_id,
)
from desktop.exchange.verify import COMMENT_FORMAT, MANIFEST, TAGMANIFEST, Trust, TrustedSigner, verify_bundle
from desktop.storage.audit import now_utc
from desktop.storage.bundles import BundleRecord, CarriedReport, EvidenceSnapshot
from desktop.storage.durable_files import fsync_dir
from desktop.storage.errors import translate_os_error
from desktop.storage.reports import ReportKey

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


# --- 1. plan (database reads) -------------------------------------------------------------------


def prepare_export(
    store, period: Period, services: Sequence[str] | None = None, forms: Sequence[Path] = ()
) -> ExportPlan:
    """Reads what the bundle will carry: every report of the period that has figures or evidence
    (or was sent before), with its next revision number and the bundle it revises.

    `forms`: printed report forms (PDF files the caller rendered, e.g. with desktop.reports) to carry
    under data/forms/ for people who open the bag; they are signed with the rest, never imported.
    """
    store.access.require(Permission.EXPORT_BUNDLE)
    installation = store.require_installation()
    office = installation.office
    record = store.trust.office_key()
    if record is None:
        raise no_office_key()
    chosen = list(dict.fromkeys(services)) if services else list(office.services)
    unknown = [code for code in chosen if code not in office.services]
    if unknown:
        raise user_error(
            QT_TRANSLATE_NOOP("Export", "Layanan {codes} tidak termasuk layanan yang dilaporkan {office}."),
            codes=", ".join(unknown),
            office=office.name,
        )
    reports, files, expected = [], {}, {}
    for code in chosen:
        key = ReportKey(office.id, code, period)
        current = store.bundles.current(office.id, code, period)
        if store.reports.report_id(key) is None:
            continue
        report = store.reports.get(key)
        rows = tuple(r for r in report.rows if not r.is_empty)
        items = store.evidence.list(key)
        if not rows and not items and current is None:
            continue
        evidence = evidence_refs(store, items, files)
        audit = [
            {
                "at": e.at,
                "actor": e.actor,
                "action": e.action,
                "subject": e.subject,
                "field": e.field,
                "before": e.before,
                "after": e.after,
            }
            for e in reversed(store.audit.entries(subject_prefix=key.subject, limit=AUDIT_EXCERPT))
        ]
        reports.append(
            SubmittedReport(
                service_code=code,
                catalog_version=report.catalog_version,
                status=report.status.value,
                revision=(current.revision + 1) if current else 1,
                revises=current.bundle_id if current else None,
                content_hash=report.content_hash(),
                rows=rows,
                evidence=tuple(evidence),
                audit=tuple(audit),
            )
        )
        expected[code] = current.bundle_id if current else None
    if not reports:
        raise user_error(
            QT_TRANSLATE_NOOP("Export", "Belum ada laporan triwulan {quarter} {year} yang dapat dikirim."),
            quarter=period.roman,
            year=period.year,
        )
    for form in forms:
        path = f"data/forms/{_form_name(Path(form))}"
        files[path] = _form_file(Path(form), path)
    return plan_bundle(store, office, tuple(office.services), period, reports, record, files, expected)


def plan_bundle(
    store,
    office,
    services: tuple[str, ...],
    period: Period,
    reports: Sequence[SubmittedReport],
    key_record,
    files: dict[str, ExportFile],
    expected: dict[str, str | None],
) -> ExportPlan:
    """The plan of a bundle sent by this install for `office` (its own, or one whose reports it reviews):
    the submission document around the reports, signed by this install's key, and the files to copy."""
    installation = store.require_installation()
    signer = parse_public_key(key_record.public_key)
    submission = Submission(
        bundle_id=new_bundle_id(),
        created_at=now_utc(),
        software=f"spm-luring {__version__}",
        office=OfficeInfo(
            office.id,
            office.name,
            installation.district_code,
            installation.district_name,
            installation.province_name,
            office.area_level,
            services,
        ),
        period=period,
        catalog_version=CURRENT_VERSION,
        signer=SignerInfo(signer.key_id, signer.fingerprint, store.actor()),
        reports=tuple(reports),
    )
    biggest = max([f.size for f in files.values()] + [store.settings.evidence_max_bytes])
    return ExportPlan(
        data_dir=store.data_dir,
        submission=submission,
        files=tuple(files[p] for p in sorted(files)),
        area_names={a.code: a.name for a in store.areas.list()},
        service_names={s.code: s.name for s in load_catalog().services},
        signer=signer,
        expected_current=expected,
        limits=ContainerLimits.for_evidence_limit(biggest),
    )


def evidence_refs(store, items, files: dict[str, ExportFile]) -> tuple[EvidenceRef, ...]:
    """The bundle's entries for a report's evidence items; each file also added once to `files` (by path)."""
    refs = []
    for item in items:
        path = f"data/evidence/{item.sha256}.{item.extension}"
        refs.append(
            EvidenceRef(
                item.id,
                item.area_code,
                item.sha256,
                path,
                item.media_type,
                item.extension,
                item.size,
                item.original_name,
                item.description,
                item.added_at,
                item.added_by,
                item.kind,
            )
        )
        files.setdefault(
            path, ExportFile(path, store.evidence.path_of(item), item.sha256, item.size, item.original_name)
        )
    return tuple(refs)


def _form_name(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.")[:100] or "formulir"
    return f"{stem}.pdf"


def _form_file(path: Path, name: str) -> ExportFile:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
            digest.update(head)
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        size = path.stat().st_size
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    if b"%PDF-" not in head:
        raise user_error(QT_TRANSLATE_NOOP("Export", "Formulir '{name}' bukan berkas PDF."), name=path.name)
    return ExportFile(name, path, digest.hexdigest(), size, path.name)


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


# --- 3. record (one transaction) ------------------------------------------------------------------


def export_record(plan: ExportPlan, result: ExportResult) -> BundleRecord:
    """The bundles-table record of a bundle written from this plan."""
    submission = plan.submission
    return BundleRecord(
        bundle_id=plan.bundle_id,
        direction="export",
        office_id=submission.office.id,
        year=plan.period.year,
        quarter=plan.period.quarter,
        catalog_version=submission.catalog_version,
        signer_key_id=plan.signer.key_id,
        signer_fingerprint=plan.signer.fingerprint,
        file_name=result.path.name,
        file_sha256=result.file_sha256,
        file_size=result.file_size,
        tagmanifest_sha256=result.tagmanifest_sha256,
        encrypted=result.encrypted,
        bagged_at=submission.created_at,
    )


def record_export(store, plan: ExportPlan, result: ExportResult) -> None:
    """Records the bundle and each report's new revision; refused if another export came between."""
    submission = plan.submission
    record = export_record(plan, result)
    store.bundles.record_export(
        record, [carried(report, plan.expected_current.get(report.service_code)) for report in submission.reports]
    )


def carried(report: SubmittedReport, expected_current: str | None, verdict: str = "new") -> CarriedReport:
    """A bundle's report as the storage layer records it."""
    return CarriedReport(
        service_code=report.service_code,
        catalog_version=report.catalog_version,
        status=report.status,
        revision=report.revision,
        revises_bundle_id=report.revises,
        content_hash=report.content_hash,
        rows=report.rows,
        evidence=tuple(
            EvidenceSnapshot(
                e.id,
                e.area_code,
                e.sha256,
                e.media_type,
                e.extension,
                e.size,
                e.name,
                e.description,
                e.added_at,
                e.added_by,
                e.kind,
            )
            for e in report.evidence
        ),
        verdict=verdict,
        expected_current=expected_current,
    )


# --- all three (the command line) ----------------------------------------------------------------


def export_bundle(
    store,
    period: Period,
    out: Path,
    passphrase: str,
    *,
    services: Sequence[str] | None = None,
    encrypt_to: Sequence[str] = (),
    forms: Sequence[Path] = (),
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ExportResult:
    """Plans, writes, verifies and records an export; the file is removed again if it cannot be recorded."""
    plan = prepare_export(store, period, services, forms)
    with unlock_office_key(store.data_dir, passphrase, plan.signer) as signer:
        result = write_bundle(plan, out, signer, encrypt_to=encrypt_to, progress=progress, cancelled=cancelled)
    try:
        record_export(store, plan, result)
    except BaseException:
        discard_export(result)
        raise
    return result
