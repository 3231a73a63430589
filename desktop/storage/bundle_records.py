"""What the bundle records hold: a bundle sent or received, the reports it carried and their revisions.

Plain data, read and written by desktop.storage.bundles; the exchange code builds and reads them too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures

CURRENT, SUPERSEDED, CONFLICT = "current", "superseded", "conflict"  # a revision's state


@dataclass(frozen=True)
class BundleRecord:
    """A bundle written or taken in here."""

    bundle_id: str
    direction: str  # export | import
    office_id: str
    year: int
    quarter: int
    catalog_version: str
    signer_key_id: str
    signer_fingerprint: str
    file_name: str
    file_sha256: str
    file_size: int
    tagmanifest_sha256: str
    encrypted: bool
    bagged_at: str
    recorded_at: str = ""
    recorded_by: str = ""

    @property
    def period(self) -> Period:
        return Period(self.year, self.quarter)


@dataclass(frozen=True)
class EvidenceSnapshot:
    """An evidence file as a bundle carried it (id, name and bytes' hash)."""

    id: str
    area_code: str | None
    sha256: str
    media_type: str
    extension: str
    size: int
    name: str
    description: str
    added_at: str
    added_by: str
    kind: str = "evidence"


@dataclass(frozen=True)
class Revision:
    """One revision of a report, as a bundle carried it."""

    office_id: str
    service_code: str
    period: Period
    bundle_id: str
    revision: int
    revises_bundle_id: str | None
    content_hash: str
    state: str
    status: str
    catalog_version: str
    rows: tuple[AreaFigures, ...]
    evidence: tuple[EvidenceSnapshot, ...]
    recorded_at: str


@dataclass(frozen=True)
class CarriedReport:
    """What recording an export or applying an import needs to know about one report.

    `verdict` (import only): new | update | conflict (unchanged reports are not passed);
    `expected_current`: the current revision's bundle id when the plan was made (None: no revision),
    so a plan that went stale before it was applied is refused instead of overwriting something.
    """

    service_code: str
    catalog_version: str
    status: str
    revision: int
    revises_bundle_id: str | None
    content_hash: str
    rows: tuple[AreaFigures, ...]
    evidence: tuple[EvidenceSnapshot, ...] = ()
    verdict: str = "new"
    expected_current: str | None = None


@dataclass(frozen=True)
class RemoteOffice:
    """The office that sent an imported bundle."""

    id: str
    name: str
    region_code: str
    area_level: str
    services: tuple[str, ...] = field(default=())


def snapshot_of(report: CarriedReport) -> str:
    """A carried report as its revision row keeps it (JSON: status, catalog, rows, evidence)."""
    return json.dumps(
        {
            "status": report.status,
            "catalog_version": report.catalog_version,
            "rows": [r.as_dict() for r in report.rows],
            "evidence": [e.__dict__ for e in report.evidence],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def revision_of(row: dict) -> Revision:
    """A report_revisions row as a Revision."""
    snapshot = json.loads(row["snapshot"])
    return Revision(
        office_id=row["office_id"],
        service_code=row["service_code"],
        period=Period(row["year"], row["quarter"]),
        bundle_id=row["bundle_id"],
        revision=row["revision"],
        revises_bundle_id=row["revises_bundle_id"],
        content_hash=row["content_hash"],
        state=row["state"],
        status=snapshot["status"],
        catalog_version=snapshot["catalog_version"],
        rows=tuple(AreaFigures(**r) for r in snapshot["rows"]),
        evidence=tuple(EvidenceSnapshot(**e) for e in snapshot["evidence"]),
        recorded_at=row["recorded_at"],
    )
