"""Taking in a completed upload: once per bundle UUID, checked with the desktop's own verification.

    claim      one row per bundle UUID (`received`); a bundle already received or verified is
               acknowledged and this copy discarded; a rejected one may be claimed again
    keep       the file moves to bundles/<office>/<bundle>.spmb (same file system: a rename); the
               upload's last PATCH is answered here, the rest runs on the hub's checker threads
    check      SHA-256 against the upload's metadata, then desktop.exchange.verify.verify_bundle
               against this office's registered key (role and office id bound)
    index      office, district, period and each report (status, revision, content hash, totals,
               rows) in the transaction that marks the bundle `verified` — or `rejected` with the
               verification's code and message

Every step is file or database work: the app runs it in a worker thread. A hub killed half-way
finds the pieces at its next start (`recover`): a `received` bundle whose file is kept is checked
again, a completed upload never taken in is taken in, anything else is marked rejected (`upload.interrupted`)
so the office sends it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.errors import BundleError
from desktop.exchange.verify import VerifiedBundle, verify_bundle
from desktop.storage.audit import now_utc
from desktop.storage.durable_files import fsync_dir
from hub.jsonlog import logger
from hub.offices import Office, office_by_id
from hub.state import HubState

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    """What became of one completed upload."""

    bundle_id: str
    status: str  # the bundle's status after this upload: received | verified | rejected
    stored: bool  # False: the bundle was there already, this copy was discarded
    reason_code: str | None = None


def ingest_upload(state: HubState, office: Office, upload: Path, metadata: dict, *, check: bool = True) -> Outcome:
    """Takes in the completed tus upload at `upload` (its `.info` beside it) for `office`.

    With `check=False` it stops once the bundle is claimed and kept (status `received`): the caller
    has `check_received` run later, off the request (the upload's last PATCH need not wait for it).
    """
    bundle_id = metadata["bundle_id"]
    expected_sha = metadata["sha256"].lower()
    file_name = metadata.get("filename", "")[:255]
    size = upload.stat().st_size
    log = logger()
    if not _claim(state, office, bundle_id, size, expected_sha, file_name):
        _discard_upload(upload)
        status = _status(state, bundle_id)
        log.info("bundle.duplicate", extra={"bundle_id": bundle_id, "office_id": office.office_id, "status": status})
        return Outcome(bundle_id, status or "received", stored=False)
    log.info("bundle.received", extra={"bundle_id": bundle_id, "office_id": office.office_id, "size": size})
    kept = state.paths.bundle_file(office.office_id, bundle_id)
    try:
        _keep(upload, kept)
    except OSError as exc:
        _discard_upload(upload)
        return _reject(
            state, office.office_id, bundle_id, "upload.storage", f"Berkas tidak dapat disimpan di hub: {exc.strerror}."
        )
    if not check:
        return Outcome(bundle_id, "received", stored=True)
    return check_and_index(state, office, bundle_id, kept, expected_sha)


def check_received(state: HubState, office: Office, bundle_id: str) -> Outcome | None:
    """Checks a bundle claimed and kept by `ingest_upload(check=False)`; None when it is no longer `received`."""
    try:
        with state.db.transaction(write=False) as tx:
            row = tx.one("SELECT sha256 FROM bundles WHERE bundle_id = ? AND status = 'received'", (bundle_id,))
        if row is None:
            return None
        return check_and_index(state, office, bundle_id, state.paths.bundle_file(office.office_id, bundle_id), row[0])
    except Exception:  # it runs where nobody waits for it: say so (the next start checks it again)
        logger().exception("bundle.check_failed", extra={"bundle_id": bundle_id, "office_id": office.office_id})
        return None


def check_and_index(state: HubState, office: Office, bundle_id: str, kept: Path, expected_sha: str) -> Outcome:
    """Checks a kept bundle file and records the verdict (the bundle's row is `received`)."""
    actual = _sha256(kept)
    if actual != expected_sha:
        kept.unlink(missing_ok=True)
        return _reject(
            state,
            office.office_id,
            bundle_id,
            "upload.sha256_mismatch",
            "SHA-256 berkas yang diterima tidak sama dengan yang dikirim; berkas rusak di perjalanan. Kirim ulang.",
        )
    try:
        verified = verify_bundle(kept, office.trust())
    except BundleError as exc:
        kept.unlink(missing_ok=True)
        return _reject(state, office.office_id, bundle_id, exc.code, str(exc))
    except Exception:
        logger().exception("bundle.verify_failed", extra={"bundle_id": bundle_id, "office_id": office.office_id})
        kept.unlink(missing_ok=True)
        return _reject(
            state, office.office_id, bundle_id, "hub.internal_error", "Hub gagal memeriksa paket; kirim ulang nanti."
        )
    with verified:
        if verified.bundle_id != bundle_id:
            kept.unlink(missing_ok=True)
            return _reject(
                state,
                office.office_id,
                bundle_id,
                "upload.bundle_id_mismatch",
                f"Paket ini berisi bundle {verified.bundle_id}, bukan {bundle_id} seperti metadata unggahannya.",
            )
        _index(state, verified)
    logger().info(
        "bundle.verified",
        extra={"bundle_id": bundle_id, "office_id": office.office_id, "reports": len(verified.submission.reports)},
    )
    return Outcome(bundle_id, "verified", stored=True)


def _claim(state: HubState, office: Office, bundle_id: str, size: int, sha: str, file_name: str) -> bool:
    """One row per bundle UUID: True when this upload may take it in."""
    with state.db.transaction() as tx:
        row = tx.one(
            "INSERT INTO bundles (bundle_id, office_id, status, size, sha256, file_name, received_at)"
            " VALUES (?, ?, 'received', ?, ?, ?, ?)"
            " ON CONFLICT (bundle_id) DO UPDATE SET office_id = excluded.office_id, status = 'received',"
            " reason_code = NULL, reason_message = NULL, size = excluded.size, sha256 = excluded.sha256,"
            " file_name = excluded.file_name, received_at = excluded.received_at, checked_at = NULL"
            " WHERE bundles.status = 'rejected'"
            " RETURNING bundle_id",
            (bundle_id, office.office_id, size, sha, file_name, now_utc()),
        )
    return row is not None


def _reject(state: HubState, office_id: str, bundle_id: str, code: str, message: str) -> Outcome:
    with state.db.transaction() as tx:
        tx.execute(
            "UPDATE bundles SET status = 'rejected', reason_code = ?, reason_message = ?, checked_at = ?"
            " WHERE bundle_id = ? AND status = 'received'",
            (code, message[:2000], now_utc(), bundle_id),
        )
    logger().info("bundle.rejected", extra={"bundle_id": bundle_id, "office_id": office_id, "code": code})
    return Outcome(bundle_id, "rejected", stored=False, reason_code=code)


def _index(state: HubState, verified: VerifiedBundle) -> None:
    submission = verified.submission
    office = submission.office
    with state.db.transaction() as tx:
        tx.execute("DELETE FROM reports WHERE bundle_id = ?", (submission.bundle_id,))
        for report in submission.reports:
            totals = submission.domain_report(report).totals()
            tx.execute(
                "INSERT INTO reports (bundle_id, service_code, catalog_version, status, revision, revises,"
                " content_hash, target, served, quality_required, quality_met, budget, spent, rows_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    submission.bundle_id,
                    report.service_code,
                    report.catalog_version,
                    report.status,
                    report.revision,
                    report.revises,
                    report.content_hash,
                    totals.target,
                    totals.served,
                    totals.quality_required,
                    totals.quality_met,
                    totals.budget,
                    totals.spent,
                    json.dumps([row.as_dict() for row in report.rows], ensure_ascii=False),
                ),
            )
        tx.execute(
            "UPDATE bundles SET status = 'verified', checked_at = ?, office_name = ?, district_code = ?,"
            " district_name = ?, year = ?, quarter = ?, catalog_version = ?, created_at = ?, signer_fingerprint = ?"
            " WHERE bundle_id = ?",
            (
                now_utc(),
                office.name,
                office.district_code,
                office.district_name,
                submission.period.year,
                submission.period.quarter,
                submission.catalog_version,
                submission.created_at,
                verified.signer.key.fingerprint,
                submission.bundle_id,
            ),
        )


def _status(state: HubState, bundle_id: str) -> str | None:
    with state.db.transaction(write=False) as tx:
        return tx.scalar("SELECT status FROM bundles WHERE bundle_id = ?", (bundle_id,))


def _keep(upload: Path, kept: Path) -> None:
    kept.parent.mkdir(parents=True, exist_ok=True)
    os.replace(upload, kept)
    fsync_dir(kept.parent)
    Path(f"{upload}.info").unlink(missing_ok=True)


def _discard_upload(upload: Path) -> None:
    for path in (upload, Path(f"{upload}.info")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- after a crash ------------------------------------------------------------------------------


def recover(state: HubState) -> int:
    """Finishes what a killed hub left half-done (run at start, before requests); how many bundles it touched."""
    touched = 0
    with state.db.transaction(write=False) as tx:
        pending = tx.execute("SELECT bundle_id, office_id, sha256 FROM bundles WHERE status = 'received'")
    for bundle_id, office_id, sha in pending:
        office = office_by_id(state.db, office_id)
        kept = state.paths.bundle_file(office_id, bundle_id)
        if office is not None and kept.exists():
            check_and_index(state, office, bundle_id, kept, sha)
        else:
            _reject(
                state,
                office_id,
                bundle_id,
                "upload.interrupted",
                "Hub berhenti saat menerima paket ini; kirim ulang.",
            )
        touched += 1
    for upload, metadata, office_id in completed_uploads(state.paths.uploads):
        office = office_by_id(state.db, office_id)
        if office is None or "bundle_id" not in metadata or "sha256" not in metadata:
            _discard_upload(upload)
            continue
        ingest_upload(state, office, upload, metadata)
        touched += 1
    return touched


def completed_uploads(root: Path) -> list[tuple[Path, dict, str]]:
    """Uploads whose every byte arrived (offset = length): (data file, metadata, office id)."""
    found = []
    if not root.is_dir():
        return found
    for info in sorted(root.glob("*/*.info")):
        try:
            params = json.loads(info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data = info.with_suffix("")
        size, offset = params.get("size"), params.get("offset")
        if data.exists() and size is not None and offset == size and data.stat().st_size == size:
            found.append((data, params.get("metadata") or {}, info.parent.name))
    return found
