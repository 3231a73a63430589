"""Import: what a verified bundle would change, then the change itself in one transaction.

    plan = plan_import(store, verified)             # database reads: the verdict per report, the changes
    staged = stage_evidence(store, plan, ...)       # file work (any thread): evidence into the store, re-hashed
    result = apply_import(store, plan, staged)      # one transaction

Revision rules, per report (office, service, period), against the revisions recorded here:

    the same bundle again                               unchanged (the whole import is a no-op)
    no revision yet                                     new
    revises the current revision                        update
    is, or revises, an older revision than the current  out of date: the WHOLE bundle is refused
    revises what the current revision revised           conflict: kept beside the current one, nothing overwritten
    revises a revision never seen here, and is newer    update (a bundle in between was never imported)
    anything else                                       conflict

The sender's office becomes an office row of its own (never the local office); its reports are
stored under its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.catalog import load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures
from desktop.domain.workflow import Permission
from desktop.exchange.errors import CancelCheck, Progress, check_cancel, never_cancelled, no_progress
from desktop.exchange.export import carried
from desktop.exchange.submission import EvidenceRef, OfficeInfo, SubmittedReport
from desktop.exchange.verify import VerifiedBundle
from desktop.storage import file_types
from desktop.storage.bundle_records import CURRENT, BundleRecord, RemoteOffice, Revision
from desktop.storage.evidence import StagedFile
from desktop.storage.reports import ReportKey


class Verdict(StrEnum):
    """What importing a bundle does to one report."""

    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    OUT_OF_DATE = "out_of_date"
    CONFLICT = "conflict"


VERDICT_LABELS = {
    Verdict.NEW: QT_TRANSLATE_NOOP("Import", "baru"),
    Verdict.UPDATE: QT_TRANSLATE_NOOP("Import", "diperbarui"),
    Verdict.UNCHANGED: QT_TRANSLATE_NOOP("Import", "tidak berubah"),
    Verdict.OUT_OF_DATE: QT_TRANSLATE_NOOP("Import", "usang (ditolak)"),
    Verdict.CONFLICT: QT_TRANSLATE_NOOP("Import", "bertentangan (disimpan terpisah)"),
}


@dataclass(frozen=True)
class FigureChange:
    """One value a report's row gets from the bundle."""

    area_code: str
    area_name: str
    column: str
    before: int | str | None
    after: int | str | None


@dataclass(frozen=True)
class ReportPlan:
    """What importing the bundle does to one report."""

    service_code: str
    service_name: str
    verdict: Verdict
    revision: int
    revises: str | None
    current_revision: int | None
    current_bundle: str | None
    changes: tuple[FigureChange, ...]
    evidence_added: tuple[EvidenceRef, ...]
    evidence_removed: tuple[str, ...]  # evidence ids taken off the report
    gap: bool = False  # revises a bundle never imported here

    @property
    def label(self):
        """The verdict as shown (translatable)."""
        return VERDICT_LABELS[self.verdict]


@dataclass(frozen=True)
class ImportPlan:
    """What importing a verified bundle would change; nothing is changed until `apply_import`."""

    verified: VerifiedBundle
    office: OfficeInfo
    new_office: bool
    already_imported: bool
    reports: tuple[ReportPlan, ...]

    @property
    def period(self) -> Period:
        return self.verified.submission.period

    @property
    def bundle_id(self) -> str:
        return self.verified.bundle_id

    @property
    def refusal(self) -> UserError | None:
        """Why the whole bundle is refused (a report out of date), or None."""
        for report in self.reports:
            if report.verdict is Verdict.OUT_OF_DATE:
                return user_error(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "Paket ini usang: laporan {service} di dalamnya adalah revisi {revision}, padahal revisi {current} yang lebih baru sudah diimpor. Tidak ada yang diimpor.",
                    ),
                    service=f"{report.service_code} {report.service_name}",
                    revision=report.revision,
                    current=report.current_revision,
                )
        return None

    @property
    def changes_anything(self) -> bool:
        """Whether applying it would change the database."""
        return (
            not self.already_imported
            and self.refusal is None
            and any(r.verdict in (Verdict.NEW, Verdict.UPDATE, Verdict.CONFLICT) for r in self.reports)
        )

    def by_verdict(self, verdict: Verdict) -> list[ReportPlan]:
        """The reports with this verdict."""
        return [r for r in self.reports if r.verdict is verdict]

    @property
    def evidence_to_copy(self) -> tuple[EvidenceRef, ...]:
        """Evidence files whose bytes the store does not have yet (each once)."""
        wanted = {}
        for plan in self.reports:
            if plan.verdict in (Verdict.NEW, Verdict.UPDATE, Verdict.CONFLICT):
                for evidence in self.verified.submission.report(plan.service_code).evidence:
                    wanted.setdefault(evidence.sha256, evidence)
        return tuple(wanted[k] for k in sorted(wanted))


@dataclass(frozen=True)
class ImportResult:
    """What an import changed."""

    bundle_id: str
    already_imported: bool
    added: int
    updated: int
    conflicts: int
    figures_changed: int
    evidence_added: int
    evidence_files_copied: int

    @property
    def message(self) -> Message:
        """One line for the user."""
        if self.already_imported:
            return Message(
                QT_TRANSLATE_NOOP("Import", "Paket {bundle} sudah pernah diimpor; tidak ada yang berubah."),
                {"bundle": self.bundle_id},
            )
        return Message(
            QT_TRANSLATE_NOOP(
                "Import",
                "Diimpor: {added} laporan baru, {updated} diperbarui, {conflicts} bertentangan; {figures} angka berubah, {evidence} data dukung ditambahkan.",
            ),
            {
                "added": self.added,
                "updated": self.updated,
                "conflicts": self.conflicts,
                "figures": self.figures_changed,
                "evidence": self.evidence_added,
            },
        )


def decide(revisions: Sequence[Revision], bundle_id: str, revision: int, revises: str | None) -> tuple[Verdict, bool]:
    """The verdict for one incoming report (and whether it skips a revision never seen here)."""
    if any(r.bundle_id == bundle_id for r in revisions):
        return Verdict.UNCHANGED, False
    current = next((r for r in revisions if r.state == CURRENT), None)
    if current is None:
        return Verdict.NEW, False
    if revises == current.bundle_id:
        return Verdict.UPDATE, False
    by_bundle = {r.bundle_id: r for r in revisions}
    ancestors: set[str] = set()
    parent = current.revises_bundle_id
    while parent and parent not in ancestors:
        ancestors.add(parent)
        found = by_bundle.get(parent)
        parent = found.revises_bundle_id if found else None
    if bundle_id in ancestors:
        return Verdict.OUT_OF_DATE, False
    if revises == current.revises_bundle_id:
        return Verdict.CONFLICT, False
    if revises is None or revises in ancestors:
        return Verdict.OUT_OF_DATE, False
    if revises in by_bundle:  # builds on a conflict (or a superseded side branch)
        return Verdict.CONFLICT, False
    if revision > current.revision:
        return Verdict.UPDATE, True
    return Verdict.CONFLICT, False


def plan_import(store, verified: VerifiedBundle) -> ImportPlan:
    """What the bundle would change here (database reads only)."""
    store.access.require(Permission.IMPORT_BUNDLE)
    installation = store.require_installation()
    submission = verified.submission
    office = submission.office
    if office.id == installation.office.id:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Import", "Paket ini dibuat oleh kantor ini sendiri ({office}); laporannya sudah ada di sini."
            ),
            office=office.name,
        )
    if office.district_code != installation.district_code:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Import",
                "Paket ini dari {office}, {district} ({code}); aplikasi ini disiapkan untuk {own} ({own_code}).",
            ),
            office=office.name,
            district=office.district_name,
            code=office.district_code,
            own=installation.district_name,
            own_code=installation.district_code,
        )
    known_office = store.database.scalar("SELECT is_local FROM offices WHERE id = ?", (office.id,))
    if known_office == 1:  # pragma: no cover - the local office's id was checked above
        raise user_error(QT_TRANSLATE_NOOP("Import", "Paket ini berasal dari kantor ini sendiri; tidak diimpor."))
    already = store.bundles.get(verified.bundle_id) is not None
    areas = {a.code: a.name for a in store.areas.list()}
    plans = []
    for report in submission.reports:
        revisions = store.bundles.revisions(office.id, report.service_code, submission.period)
        if already:
            verdict, gap = Verdict.UNCHANGED, False
        else:
            verdict, gap = decide(revisions, verified.bundle_id, report.revision, report.revises)
        current = next((r for r in revisions if r.state == CURRENT), None)
        key = ReportKey(office.id, report.service_code, submission.period)
        stored = store.reports.get(key)
        changes = _changes(stored.rows, report.rows, areas) if verdict is not Verdict.UNCHANGED else ()
        present = {e.id for e in store.evidence.list(key)}
        added = tuple(e for e in report.evidence if e.id not in present)
        carried_ids = {e.id for e in report.evidence}
        removed = tuple(sorted(i for i in present if i not in carried_ids))
        if verdict is Verdict.UNCHANGED:
            added, removed = (), ()
        plans.append(
            ReportPlan(
                service_code=report.service_code,
                service_name=_service_name(report),
                verdict=verdict,
                revision=report.revision,
                revises=report.revises,
                current_revision=current.revision if current else None,
                current_bundle=current.bundle_id if current else None,
                changes=changes,
                evidence_added=added,
                evidence_removed=removed,
                gap=gap,
            )
        )
    return ImportPlan(verified, office, known_office is None, already, tuple(plans))


def _service_name(report: SubmittedReport) -> str:
    catalog = load_catalog(report.catalog_version)
    return catalog.service(report.service_code).name if catalog.has_service(report.service_code) else ""


def _changes(
    stored: Sequence[AreaFigures], incoming: Sequence[AreaFigures], areas: dict[str, str]
) -> tuple[FigureChange, ...]:
    before = {r.area_code: r for r in stored}
    after = {r.area_code: r for r in incoming}
    found = []
    for area in sorted(set(before) | set(after)):
        old, new = before.get(area, AreaFigures(area)), after.get(area, AreaFigures(area))
        for column in (*FIGURES, *TEXTS):
            if getattr(old, column) != getattr(new, column):
                found.append(
                    FigureChange(area, areas.get(area, ""), column, getattr(old, column), getattr(new, column))
                )
    return tuple(found)


def stage_evidence(
    store,
    plan: ImportPlan,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> list[StagedFile]:
    """Copies the evidence the store lacks out of the verified bundle, each re-hashed on the way
    (file work; any thread). All or nothing: on failure the bytes brought in are taken out again."""
    wanted = [e for e in plan.evidence_to_copy if not store.evidence.blob_path(e.sha256, e.extension).exists()]
    total = sum(e.size for e in wanted)
    done = 0
    staged: list[StagedFile] = []

    def advance(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total)

    try:
        with plan.verified.open_container() as container:
            wanted.sort(key=lambda e: container.entries[e.path].data_offset)
            for evidence in wanted:
                kind = file_types.BY_MEDIA_TYPE[evidence.media_type]
                with container.stream(evidence.path) as reader:
                    staged.append(
                        store.evidence.store_stream(
                            reader,
                            evidence.sha256,
                            evidence.size,
                            kind,
                            evidence.name,
                            check=lambda: check_cancel(cancelled),
                            progress=advance,
                        )
                    )
    except BaseException:
        store.evidence.discard(staged)
        raise
    progress(total, total)
    return staged


def import_record(verified: VerifiedBundle) -> BundleRecord:
    """The bundles-table record of a verified bundle taken in here."""
    submission = verified.submission
    return BundleRecord(
        bundle_id=verified.bundle_id,
        direction="import",
        office_id=submission.office.id,
        year=submission.period.year,
        quarter=submission.period.quarter,
        catalog_version=submission.catalog_version,
        signer_key_id=verified.signer.key.key_id,
        signer_fingerprint=verified.signer.key.fingerprint,
        file_name=verified.source.name,
        file_sha256=verified.file_sha256,
        file_size=verified.file_size,
        tagmanifest_sha256=verified.tagmanifest_sha256,
        encrypted=verified.encrypted,
        bagged_at=verified.bagged_at or submission.created_at,
    )


def apply_import(
    store,
    plan: ImportPlan,
    staged: Sequence[StagedFile] | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ImportResult:
    """Applies the plan in one transaction (staging the evidence first when `staged` is None).

    A bundle imported before changes nothing; a refused plan raises its refusal; a plan made stale
    by another import is refused whole. On any failure the database is as it was.
    """
    store.access.require(Permission.IMPORT_BUNDLE)
    if plan.already_imported:
        return ImportResult(plan.bundle_id, True, 0, 0, 0, 0, 0, 0)
    if (refusal := plan.refusal) is not None:
        raise refusal
    if staged is None:
        staged = stage_evidence(store, plan, progress=progress, cancelled=cancelled)
    verified = plan.verified
    submission = verified.submission
    office = plan.office
    reports = [
        carried(submission.report(p.service_code), p.current_bundle, p.verdict.value)
        for p in plan.reports
        if p.verdict in (Verdict.NEW, Verdict.UPDATE, Verdict.CONFLICT)
    ]
    record = import_record(verified)
    bind = None
    signer = verified.signer
    if signer.trusted_key_row is not None and signer.office_id is None:
        key = next((k for k in store.trust.trusted_keys() if k.id == signer.trusted_key_row), None)
        if key is not None:

            def bind(conn, actor):
                store.trust.bind_office(conn, key, office.id, actor)

    remote = RemoteOffice(office.id, office.name, office.district_code, office.area_level, office.services)
    try:
        store.bundles.apply_import(record, remote, reports, bind)
    except BaseException:
        store.evidence.discard(staged)
        raise
    applied = [p for p in plan.reports if p.verdict in (Verdict.NEW, Verdict.UPDATE)]
    return ImportResult(
        bundle_id=verified.bundle_id,
        already_imported=False,
        added=len(plan.by_verdict(Verdict.NEW)),
        updated=len(plan.by_verdict(Verdict.UPDATE)),
        conflicts=len(plan.by_verdict(Verdict.CONFLICT)),
        figures_changed=sum(len(p.changes) for p in applied),
        evidence_added=sum(len(p.evidence_added) for p in applied),
        evidence_files_copied=sum(1 for s in staged if s.created),
    )
