"""data/submission.json (schema spm-luring/submission/1) and data/submission.csv: the document and writing it.

The JSON document is what an importer reads; the CSV holds the same figures for people. Reading
and checking both is desktop.exchange.submission_check (docs/bundle-format.md).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import dataclass, field

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report, ReportStatus

SCHEMA = "spm-luring/submission/1"
MAX_REPORTS = 500
MAX_ROWS = 20_000
MAX_EVIDENCE = 20_000
MAX_AUDIT = 2_000
MAX_SHORT = 500  # names, ids, timestamps
AUDIT_EXCERPT = 200  # entries per report, the newest

CSV_COLUMNS = (
    "office_id",
    "office_name",
    "service_code",
    "service_name",
    "year",
    "quarter",
    "status",
    "revision",
    "area_code",
    "area_name",
    *FIGURES,
    *TEXTS,
)


@dataclass(frozen=True)
class EvidenceRef:
    """One evidence file of a report, as the bundle carries it."""

    id: str
    area_code: str | None
    sha256: str
    path: str  # data/evidence/<sha256>.<extension>
    media_type: str
    extension: str
    size: int
    name: str
    description: str
    added_at: str
    added_by: str
    kind: str = "evidence"  # or "signed_form": the printed report form, signed and scanned back


EVIDENCE_KINDS = ("evidence", "signed_form")


@dataclass(frozen=True)
class ReviewDecision:
    """A reviewer's decision on a report, carried back to its office in a bundle the district signed."""

    decision: str  # returned | approved: the report's status at the district
    decides: str  # the bundle that carried the revision decided on
    notes: tuple[tuple[str | None, str], ...]  # (area code or None for the whole report, note)
    at: str
    by: str


REVIEW_DECISIONS = ("returned", "approved")
MAX_NOTES = 2000


@dataclass(frozen=True)
class ReportSource:
    """In a district's consolidated bundle: an office report a consolidated report was made from."""

    office_id: str
    office_name: str
    bundle_id: str  # the office bundle that carried it
    revision: int
    content_hash: str


MAX_SOURCES = 500


@dataclass(frozen=True)
class SubmittedReport:
    """One report in a bundle: its figures, its place in the revision chain, its evidence."""

    service_code: str
    catalog_version: str
    status: str
    revision: int
    revises: str | None  # the bundle that last carried this report, or None for its first
    content_hash: str
    rows: tuple[AreaFigures, ...]
    evidence: tuple[EvidenceRef, ...] = ()
    audit: tuple[dict, ...] = ()
    review: ReviewDecision | None = None  # only in a decision bundle, from the district to the office
    sources: tuple[ReportSource, ...] = ()  # only in a district's consolidated bundle


@dataclass(frozen=True)
class OfficeInfo:
    """The sending office."""

    id: str
    name: str
    district_code: str
    district_name: str
    province_name: str
    area_level: str
    services: tuple[str, ...]


@dataclass(frozen=True)
class SignerInfo:
    """Who signed: the key, and the operator who exported."""

    key_id: str
    fingerprint: str
    operator: str


@dataclass(frozen=True)
class Submission:
    """The whole submission.json document."""

    bundle_id: str
    created_at: str
    software: str
    office: OfficeInfo
    period: Period
    catalog_version: str
    signer: SignerInfo
    reports: tuple[SubmittedReport, ...] = field(default=())

    def report(self, service_code: str) -> SubmittedReport:
        """The report of a service; KeyError when the bundle has none."""
        for report in self.reports:
            if report.service_code == service_code:
                return report
        raise KeyError(service_code)

    def domain_report(self, report: SubmittedReport) -> Report:
        """A report as the domain knows it (for content hashes and scoring)."""
        return Report(
            self.office.id,
            report.service_code,
            self.period,
            report.catalog_version,
            ReportStatus(report.status),
            report.revision,
            report.rows,
        )

    @property
    def revises(self) -> tuple[str, ...]:
        """Every earlier bundle this one revises (one per report that was sent before), sorted."""
        return tuple(sorted({r.revises for r in self.reports if r.revises}))

    @property
    def evidence(self) -> dict[str, EvidenceRef]:
        """Each evidence file once, by its path in the bag."""
        return {e.path: e for r in self.reports for e in r.evidence}


# --- writing -----------------------------------------------------------------------------------


def document(submission: Submission) -> dict:
    """The JSON document of a submission."""
    office = submission.office
    return {
        "schema": SCHEMA,
        "bundle_id": submission.bundle_id,
        "created_at": submission.created_at,
        "software": submission.software,
        "office": {
            "id": office.id,
            "name": office.name,
            "district": {"code": office.district_code, "name": office.district_name},
            "province": office.province_name,
            "area_level": office.area_level,
            "services": list(office.services),
        },
        "period": {"year": submission.period.year, "quarter": submission.period.quarter, "key": submission.period.key},
        "catalog_version": submission.catalog_version,
        "signer": {
            "key_id": submission.signer.key_id,
            "fingerprint": submission.signer.fingerprint,
            "operator": submission.signer.operator,
        },
        "reports": [
            {
                "service": r.service_code,
                "catalog_version": r.catalog_version,
                "status": r.status,
                "revision": r.revision,
                "revises": r.revises,
                "content_hash": r.content_hash,
                "rows": [row.as_dict() for row in r.rows],
                "evidence": [
                    {
                        "id": e.id,
                        "area_code": e.area_code,
                        "sha256": e.sha256,
                        "path": e.path,
                        "media_type": e.media_type,
                        "size": e.size,
                        "name": e.name,
                        "description": e.description,
                        "added_at": e.added_at,
                        "added_by": e.added_by,
                        **({"kind": e.kind} if e.kind != "evidence" else {}),
                    }
                    for e in r.evidence
                ],
                "audit": list(r.audit),
                **({"review": _review_document(r.review)} if r.review else {}),
                **({"sources": [_source_document(x) for x in r.sources]} if r.sources else {}),
            }
            for r in submission.reports
        ],
    }


def _source_document(source: ReportSource) -> dict:
    return {
        "office_id": source.office_id,
        "office_name": source.office_name,
        "bundle_id": source.bundle_id,
        "revision": source.revision,
        "content_hash": source.content_hash,
    }


def _review_document(review: ReviewDecision) -> dict:
    return {
        "decision": review.decision,
        "decides": review.decides,
        "notes": [{"area_code": area, "note": note} for area, note in review.notes],
        "at": review.at,
        "by": review.by,
    }


def encode(submission: Submission) -> bytes:
    """submission.json's bytes: UTF-8, two-space indent, a final line break."""
    return (json.dumps(document(submission), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def encode_csv(submission: Submission, area_names: dict[str, str], service_names: dict[str, str]) -> bytes:
    """submission.csv's bytes: one line per row of every report (UTF-8 with a BOM, for spreadsheets)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for report in submission.reports:
        for row in report.rows:
            writer.writerow(
                [
                    submission.office.id,
                    submission.office.name,
                    report.service_code,
                    service_names.get(report.service_code, ""),
                    submission.period.year,
                    submission.period.quarter,
                    report.status,
                    report.revision,
                    row.area_code,
                    area_names.get(row.area_code, ""),
                    *("" if getattr(row, f) is None else getattr(row, f) for f in FIGURES),
                    *(getattr(row, t) for t in TEXTS),
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def new_bundle_id() -> str:
    """A fresh bundle UUID."""
    return str(uuid.uuid4())
