"""Export: a period's reports and their evidence as one signed bundle on the target (a USB stick).

Three steps, so the window can run the slow one off the GUI thread (the database belongs to it):

    plan = prepare_export(store, period, services)          # database reads, quick
    result = write_bundle(plan, out, signer, ...)            # bundle_writer: write, sync, verify, (encrypt)
    record_export(store, plan, result)                       # one transaction: the bundle and revisions

`export_bundle` runs all three (the command line). The file is written to
`<name>.partial-<random>` in the target folder, synced, read back from the device and verified in
full, and only then renamed to its name: a stick pulled out, a full stick or a cancel leaves no file
that looks complete (the partial one is removed when the device still allows it). Nothing is
recorded unless the file was written and verified.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.domain.catalog import CURRENT_VERSION, load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.workflow import Permission
from desktop.exchange.bundle_writer import (
    CHUNK,
    ExportFile,
    ExportPlan,
    ExportResult,
    discard_export,
    write_bundle,
)
from desktop.exchange.container import ContainerLimits
from desktop.exchange.errors import CancelCheck, Progress, never_cancelled, no_progress
from desktop.exchange.keys import no_office_key, parse_public_key, unlock_office_key
from desktop.exchange.submission import (
    AUDIT_EXCERPT,
    EvidenceRef,
    OfficeInfo,
    SignerInfo,
    Submission,
    SubmittedReport,
    new_bundle_id,
)
from desktop.storage.audit import now_utc
from desktop.storage.bundle_records import BundleRecord, CarriedReport, EvidenceSnapshot
from desktop.storage.errors import translate_os_error
from desktop.storage.reports import ReportKey

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
