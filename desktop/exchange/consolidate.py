"""The district's consolidated bundle: every approved office report of a period, merged per service,
signed with the district's key, each report naming the office bundles it was made from.

It is an ordinary bundle (docs/bundle-format.md) sent by the district's own office: per service the
rows of the approved reports of every office that reports it (an area reported by two offices is
refused, never summed silently), their evidence, and `sources` — office, bundle, revision and
content hash of each report it holds — so the province can trace every figure to the bundle it
came in. Its revisions follow the district's own chain, as any export's do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import Report, ReportStatus
from desktop.domain.workflow import Permission
from desktop.exchange.bundle_writer import ExportPlan, ExportResult, discard_export, write_bundle
from desktop.exchange.errors import CancelCheck, Progress, never_cancelled, no_progress
from desktop.exchange.export import evidence_refs, plan_bundle, record_export
from desktop.exchange.keys import no_office_key, unlock_office_key
from desktop.exchange.submission import ReportSource, SubmittedReport
from desktop.storage.reports import ReportKey


@dataclass(frozen=True)
class _Part:
    """One approved office report that goes into a consolidated one."""

    office_id: str
    office_name: str
    report: Report
    source: ReportSource


def prepare_consolidation(store, period: Period) -> ExportPlan:
    """Reads every approved report of the other offices in the period and merges them per service."""
    store.access.require(Permission.APPROVE)
    store.access.require(Permission.EXPORT_BUNDLE)
    installation = store.require_installation()
    own = installation.office
    record = store.trust.office_key()
    if record is None:
        raise no_office_key()
    parts: dict[str, list[_Part]] = {}
    for office in store.installation_repo.offices():
        if office.id == own.id:
            continue
        for code in office.services:
            key = ReportKey(office.id, code, period)
            report = store.reports.get(key)
            current = store.bundles.current(office.id, code, period)
            if report.status is not ReportStatus.APPROVED or current is None:
                continue
            source = ReportSource(office.id, office.name, current.bundle_id, current.revision, report.content_hash())
            parts.setdefault(code, []).append(_Part(office.id, office.name, report, source))
    if not parts:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Consolidate",
                "Belum ada laporan kantor yang disetujui untuk {period}; tidak ada yang dikonsolidasikan.",
            ),
            period=period.label,
        )
    reports, files, expected = [], {}, {}
    for code in sorted(parts):
        merged = _merged_rows(code, parts[code])
        versions = {p.report.catalog_version for p in parts[code]}
        if len(versions) > 1:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Consolidate", "Laporan {service} dari beberapa kantor memakai katalog berbeda ({versions})."
                ),
                service=code,
                versions=", ".join(sorted(versions)),
            )
        catalog_version = versions.pop()
        consolidated = Report(own.id, code, period, catalog_version, ReportStatus.APPROVED, 0, merged)
        evidence = ()
        for part in parts[code]:
            items = store.evidence.list(ReportKey(part.office_id, code, period))
            evidence += evidence_refs(store, items, files)
        current = store.bundles.current(own.id, code, period)
        reports.append(
            SubmittedReport(
                service_code=code,
                catalog_version=catalog_version,
                status=ReportStatus.APPROVED.value,
                revision=(current.revision + 1) if current else 1,
                revises=current.bundle_id if current else None,
                content_hash=consolidated.content_hash(),
                rows=merged,
                evidence=evidence,
                sources=tuple(p.source for p in parts[code]),
            )
        )
        expected[code] = current.bundle_id if current else None
    services = tuple(r.service_code for r in reports)
    return plan_bundle(store, own, services, period, reports, record, files, expected)


def _merged_rows(code: str, parts: list[_Part]):
    """The non-empty rows of every part, by area; an area two offices both report is refused."""
    merged, owner = {}, {}
    for part in parts:
        for row in part.report.rows:
            if row.is_empty:
                continue
            if row.area_code in merged:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Consolidate",
                        "Laporan {service} untuk wilayah {area} disetujui dari dua kantor ({first} dan {second}); tetapkan satu sebelum konsolidasi.",
                    ),
                    service=code,
                    area=row.area_code,
                    first=owner[row.area_code],
                    second=part.office_name,
                )
            merged[row.area_code], owner[row.area_code] = row, part.office_name
    return tuple(merged[a] for a in sorted(merged))


def export_consolidation(
    store,
    period: Period,
    out: Path,
    passphrase: str,
    *,
    encrypt_to=(),
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ExportResult:
    """Plans, writes, verifies and records the district's consolidated bundle."""
    plan = prepare_consolidation(store, period)
    with unlock_office_key(store.data_dir, passphrase, plan.signer) as signer:
        result = write_bundle(plan, out, signer, encrypt_to=encrypt_to, progress=progress, cancelled=cancelled)
    try:
        record_export(store, plan, result)
    except BaseException:
        discard_export(result)
        raise
    return result
