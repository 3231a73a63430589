"""Decision bundles: the district's returns and approvals, carried back to the office that sent the reports.

A decision bundle is an ordinary bundle (the same bag, signature and submission schema), signed with the
district's key, naming the office the reports belong to; each report in it carries a `review`: the
decision, the reviewer's notes and the office bundle it decides on. The office applies a decision only
to a report that is still submitted with exactly the content decided on (the same content hash).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.catalog import load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import Permission, Transition
from desktop.exchange.bundle_writer import ExportPlan, ExportResult, discard_export, write_bundle
from desktop.exchange.errors import CancelCheck, Progress, never_cancelled, no_progress
from desktop.exchange.export import export_record, plan_bundle
from desktop.exchange.import_bundle import import_record
from desktop.exchange.keys import no_office_key, unlock_office_key
from desktop.exchange.submission import ReportSource, ReviewDecision, SubmittedReport
from desktop.exchange.verify import VerifiedBundle
from desktop.storage.reports import ReportKey
from desktop.storage.review import IncomingDecision

DECIDED = {ReportStatus.RETURNED: Transition.RETURN, ReportStatus.APPROVED: Transition.APPROVE}
DECIDING_ROLES = ("district", "province")


# --- at the district: write the decisions for one office ----------------------------------------------


def prepare_decisions(store, office_id: str, period: Period) -> ExportPlan:
    """The decisions taken here on an office's reports of a period, as a bundle plan (database reads only)."""
    store.access.require(Permission.EXPORT_BUNDLE)
    installation = store.require_installation()
    office = store.installation_repo.find_office(office_id)
    if office is None or office.id == installation.office.id:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "Pilih kantor pengirim laporan yang diperiksa di sini."))
    record = store.trust.office_key()
    if record is None:
        raise no_office_key()
    reports = []
    for code in office.services:
        key = ReportKey(office.id, code, period)
        report = store.reports.get(key)
        current = store.bundles.current(office.id, code, period)
        history = store.review.history(key)
        if report.status not in DECIDED or current is None or not history:
            continue  # undecided, or never received in a bundle (a province's return is passed on too)
        reports.append(
            SubmittedReport(
                service_code=code,
                catalog_version=report.catalog_version,
                status=report.status.value,
                revision=current.revision,
                revises=current.revises_bundle_id,
                content_hash=report.content_hash(),
                rows=tuple(r for r in report.rows if not r.is_empty),
                review=ReviewDecision(
                    decision=report.status.value,
                    decides=current.bundle_id,
                    notes=tuple((n.area_code, n.note) for n in store.review.notes(key))
                    if report.status is ReportStatus.RETURNED
                    else (),
                    at=history[-1].at,
                    by=history[-1].actor,
                ),
            )
        )
    if not reports:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Decisions", "Belum ada laporan {office} {period} yang dikembalikan atau disetujui di sini."
            ),
            office=office.name,
            period=period.label,
        )
    return plan_bundle(store, office, tuple(office.services), period, reports, record, {}, {})


def export_decisions(
    store,
    office_id: str,
    period: Period,
    out: Path,
    passphrase: str,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> ExportResult:
    """Writes, verifies and records the decision bundle for one office."""
    plan = prepare_decisions(store, office_id, period)
    with unlock_office_key(store.data_dir, passphrase, plan.signer) as signer:
        result = write_bundle(plan, out, signer, progress=progress, cancelled=cancelled)
    try:
        store.bundles.record_sent_decisions(export_record(plan, result))
    except BaseException:
        discard_export(result)
        raise
    return result


# --- at the office: take them in ---------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionPlan:
    """What a verified decision bundle would change here: which reports it returns or approves."""

    verified: VerifiedBundle
    already_imported: bool
    decisions: tuple[IncomingDecision, ...]
    service_names: dict[str, str]

    @property
    def bundle_id(self) -> str:
        return self.verified.bundle_id


def is_decision_bundle(store, verified: VerifiedBundle) -> bool:
    """Whether the bundle brings decisions on this office's own reports (from the district or province)."""
    installation = store.require_installation()
    return (
        verified.submission.office.id == installation.office.id
        and verified.signer.role in DECIDING_ROLES
        and not verified.signer.own
    )


def plan_decisions(store, verified: VerifiedBundle) -> DecisionPlan:
    """Checks every decision against the reports here (database reads only); UserError refuses the bundle."""
    store.access.require(Permission.IMPORT_BUNDLE)
    submission = verified.submission
    catalog = load_catalog()
    already = store.bundles.get(verified.bundle_id) is not None
    decisions = []
    for report in submission.reports:
        review = report.review
        if review is None:
            raise user_error(
                QT_TRANSLATE_NOOP("Decisions", "Paket dari kabupaten ini memuat laporan {service} tanpa keputusan."),
                service=report.service_code,
            )
        target = ReportStatus(review.decision)
        # A decision on a consolidated report (the province's, on what the district sent) is a decision on
        # each office report it was made from: each must still hold the content consolidated then.
        decided = report.sources or (ReportSource(submission.office.id, "", "", 0, report.content_hash),)
        for source in decided:
            local = store.reports.get(ReportKey(source.office_id, report.service_code, submission.period))
            if not already and local.status is not target and local.content_hash() != source.content_hash:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Keputusan untuk laporan {service} dibuat atas isi yang berbeda dari laporan di sini (sudah diubah sesudah dikirim). Tidak ada yang diimpor.",
                    ),
                    service=report.service_code,
                )
            decisions.append(
                IncomingDecision(report.service_code, DECIDED[target], review.notes, review.by, source.office_id)
            )
    names = {c: catalog.service(c).name for c in (d.service_code for d in decisions) if catalog.has_service(c)}
    return DecisionPlan(verified, already, tuple(decisions), names)


def apply_decisions(store, plan: DecisionPlan) -> int:
    """Applies the plan in one transaction; how many reports changed (0 for a bundle taken in before)."""
    if plan.already_imported:
        return 0
    record = import_record(plan.verified)
    return store.review.apply_decisions(record, plan.decisions)
