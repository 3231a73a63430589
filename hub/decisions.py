"""The province's decisions: approve or return (with notes) one report of a verified bundle.

Each decision is an ordinary decision bundle (docs/bundle-format.md) naming the office the report
belongs to, the report copied from the decided bundle with its `review`, signed with the province
key — built store-free by desktop.exchange.decision_bundle and written (and verified back) by
desktop.exchange.export.write_bundle. Its id in the decisions table is the offices' cursor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.exchange.bundle_writer import write_bundle
from desktop.exchange.container import SUBMISSION_JSON, Container, ContainerLimits
from desktop.exchange.decision_bundle import plan_decision_bundle
from desktop.exchange.submission import ReviewDecision, Submission
from desktop.exchange.submission_check import parse
from desktop.storage.audit import now_utc
from hub import bundles, province
from hub.errors import HubError
from hub.jsonlog import logger
from hub.state import HubState

PAGE = 100
MAX_NOTE = 4000


@dataclass(frozen=True)
class Decision:
    """One decision bundle the province signed."""

    id: int
    decision_bundle_id: str
    office_id: str
    decides: str
    service_code: str
    decision: str
    notes: tuple[tuple[str | None, str], ...]
    decided_by: str
    created_at: str

    def document(self) -> dict:
        """An entry of `GET /decisions`."""
        return {
            "id": self.id,
            "bundle_id": self.decision_bundle_id,
            "decides": self.decides,
            "created_at": self.created_at,
        }


_COLUMNS = "id, decision_bundle_id, office_id, decides, service_code, decision, notes_json, decided_by, created_at"


def _decision(row) -> Decision:
    notes = tuple((n["area_code"], n["note"]) for n in json.loads(row[6]))
    return Decision(row[0], row[1], row[2], row[3], row[4], row[5], notes, row[7], row[8])


def decide(
    state: HubState,
    bundle_id: str,
    service_code: str,
    decision: str,
    notes: list[tuple[str | None, str]],
    decided_by: str,
) -> Decision:
    """Signs and records the decision on one report; HubError when it cannot be taken."""
    notes = [(area or None, " ".join(text.split())[:MAX_NOTE]) for area, text in notes if text and text.strip()]
    if decision not in ("approved", "returned"):
        raise HubError(400, "decision.bad", "Keputusan harus 'approved' (disetujui) atau 'returned' (dikembalikan).")
    if decision == "returned" and not notes:
        raise HubError(400, "decision.note_required", "Laporan yang dikembalikan perlu catatan untuk perangkat daerah.")
    if decision == "approved":
        notes = []
    found = bundles.bundle(state.db, bundle_id)
    if found is None or found.status != "verified":
        raise HubError(404, "bundle.unknown", "Paket tidak dikenal atau belum terverifikasi.")
    if service_code not in {r.service_code for r in bundles.reports_of(state.db, bundle_id)}:
        raise HubError(404, "report.unknown", f"Paket ini tidak memuat laporan {service_code}.")
    if existing := decision_on(state, bundle_id, service_code):
        raise HubError(409, "decision.exists", f"Laporan ini sudah diputuskan ({existing.decision}).")
    if bundles.superseded(state.db, found, service_code):
        raise HubError(
            409, "decision.superseded", "Ada kiriman yang lebih baru untuk laporan ini; putuskan yang terbaru."
        )
    submission = _submission(state, found.office_id, bundle_id)
    areas = {row.area_code for row in submission.report(service_code).rows}
    if any(area is not None and area not in areas for area, _ in notes):
        raise HubError(400, "decision.bad_area", "Catatan wilayah hanya untuk wilayah yang ada di laporan.")
    review = ReviewDecision(decision, bundle_id, tuple(notes), now_utc(), decided_by)
    plan = plan_decision_bundle(submission, {service_code: review}, state.province.key, decided_by, state.paths.root)
    out = state.paths.decision_file(plan.bundle_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    with province.unlock(state.paths.root, state.config.passphrase, state.province.key) as signer:
        result = write_bundle(plan, out, signer)
    try:
        with state.db.transaction() as tx:
            row = tx.one(
                "INSERT INTO decisions (decision_bundle_id, office_id, decides, service_code, decision, notes_json,"
                " decided_by, created_at, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (decides, service_code) DO NOTHING RETURNING id",
                (
                    plan.bundle_id,
                    found.office_id,
                    bundle_id,
                    service_code,
                    decision,
                    json.dumps([{"area_code": a, "note": n} for a, n in notes], ensure_ascii=False),
                    decided_by,
                    review.at,
                    result.file_size,
                    result.file_sha256,
                ),
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    if row is None:  # the same decision submitted twice at once: the first one stands
        out.unlink(missing_ok=True)
        raise HubError(409, "decision.exists", "Laporan ini sudah diputuskan.")
    logger().info(
        "decision.created",
        extra={"decision_id": row[0], "bundle_id": plan.bundle_id, "decides": bundle_id, "decision": decision},
    )
    return Decision(
        row[0], plan.bundle_id, found.office_id, bundle_id, service_code, decision, tuple(notes), decided_by, review.at
    )


def _submission(state: HubState, office_id: str, bundle_id: str) -> Submission:
    """submission.json of a kept bundle (verified when it arrived and kept on the hub's own disk since)."""
    with Container.open(state.paths.bundle_file(office_id, bundle_id), ContainerLimits()) as container:
        return parse(container.read(SUBMISSION_JSON, ContainerLimits().max_submission_bytes))


def decision_on(state: HubState, bundle_id: str, service_code: str) -> Decision | None:
    """The decision taken on a report of a bundle, or None."""
    with state.db.transaction(write=False) as tx:
        row = tx.one(
            f"SELECT {_COLUMNS} FROM decisions WHERE decides = ? AND service_code = ?", (bundle_id, service_code)
        )
    return _decision(row) if row else None


def decisions_since(state: HubState, office_id: str, since: int) -> tuple[list[Decision], int]:
    """An office's decisions after the cursor, at most PAGE, ids ascending; and the new cursor."""
    with state.db.transaction(write=False) as tx:
        rows = tx.execute(
            f"SELECT {_COLUMNS} FROM decisions WHERE office_id = ? AND id > ? ORDER BY id LIMIT ?",
            (office_id, since, PAGE),
        )
    found = [_decision(r) for r in rows]
    return found, (found[-1].id if found else since)


def decision(state: HubState, decision_id: int, office_id: str | None = None) -> Decision | None:
    """A decision by id (only when it is for `office_id`, if given)."""
    with state.db.transaction(write=False) as tx:
        row = tx.one(f"SELECT {_COLUMNS} FROM decisions WHERE id = ?", (decision_id,))
    found = _decision(row) if row else None
    if found is None or (office_id is not None and found.office_id != office_id):
        return None
    return found


def decisions_of_bundle(state: HubState, bundle_id: str) -> dict[str, Decision]:
    """The decisions on a bundle's reports, by service code."""
    with state.db.transaction(write=False) as tx:
        rows = tx.execute(f"SELECT {_COLUMNS} FROM decisions WHERE decides = ?", (bundle_id,))
    return {d.service_code: d for d in map(_decision, rows)}
