"""Store-free decision bundles: a reviewer's decisions on the reports of a bundle received elsewhere.

The province hub keeps no desktop store, only the verified bundles it received; this builds the same
decision bundle `decisions.prepare_decisions` builds at a district (docs/bundle-format.md, "Decision
bundles") from the decided bundle's submission alone:

    plan = plan_decision_bundle(decided_submission, {"1.02.01": review}, province_key, "Biro Pemerintahan", folder)
    result = export.write_bundle(plan, out, signer)      # signs with the reviewer's key, verifies, renames

The bundle names the office the reports belong to; each report is copied from the decided bundle (its
rows, revision and content hash: what was decided on) with its `review`; no evidence travels back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from desktop import __version__
from desktop.domain.catalog import load_catalog
from desktop.domain.regions import shipped_regions
from desktop.exchange.bundle_writer import ExportPlan
from desktop.exchange.container import ContainerLimits
from desktop.exchange.keys import PublicKeyInfo
from desktop.exchange.submission import REVIEW_DECISIONS, ReviewDecision, SignerInfo, Submission, new_bundle_id
from desktop.storage.audit import now_utc


def plan_decision_bundle(
    decided: Submission,
    reviews: Mapping[str, ReviewDecision],
    signer: PublicKeyInfo,
    operator: str,
    data_dir: Path,
) -> ExportPlan:
    """The plan of a decision bundle on some reports of `decided` (service code -> review), signed by `signer`.

    ValueError when a review names a service the bundle does not carry, decides on another bundle, or
    is not "returned" / "approved" (a return needs at least one note).
    """
    if not reviews:
        raise ValueError("no decisions")
    reports = []
    for code, review in reviews.items():
        report = decided.report(code)  # KeyError: not in the bundle
        if review.decision not in REVIEW_DECISIONS or review.decides != decided.bundle_id:
            raise ValueError(f"review of {code}")
        if review.decision == "returned" and not review.notes:
            raise ValueError(f"a return of {code} without a note")
        # `sources` stay: a decision on a consolidated report reaches each office report it was made from.
        reports.append(replace(report, status=review.decision, evidence=(), audit=(), review=review))
    submission = Submission(
        bundle_id=new_bundle_id(),
        created_at=now_utc(),
        software=f"spm-luring {__version__}",
        office=decided.office,
        period=decided.period,
        catalog_version=decided.catalog_version,
        signer=SignerInfo(signer.key_id, signer.fingerprint, operator),
        reports=tuple(reports),
    )
    regions = shipped_regions()
    areas = {row.area_code for r in reports for row in r.rows}
    area_names = {code: region.name for code in sorted(areas) if (region := regions.get(code)) is not None}
    catalog = load_catalog(decided.catalog_version)
    return ExportPlan(
        data_dir=Path(data_dir),
        submission=submission,
        files=(),
        area_names=area_names,
        service_names={s.code: s.name for s in catalog.services},
        signer=signer,
        expected_current={},
        limits=ContainerLimits(),
    )
