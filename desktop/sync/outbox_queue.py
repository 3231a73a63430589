"""Putting a bundle of this install into the outbox: checked, copied into the data folder, recorded.

The copy is what gets sent, so a stick pulled out after an export loses nothing; the bundle is
verified against this install's own key first, so only a bundle the hub can accept waits there.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.domain.workflow import Permission
from desktop.exchange.encryption import is_age_file
from desktop.exchange.verify import Trust, trust_of_store, verify_bundle
from desktop.storage.data_dir import OUTBOX_DIR
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error


@dataclass(frozen=True)
class Queued:
    """A bundle in the outbox after `queue_bundle`."""

    bundle_id: str
    reports: int
    size: int
    added: bool  # False: it was in the outbox already


def outbox_dir(data_dir: Path) -> Path:
    """The folder of the bundles waiting to be sent."""
    return Path(data_dir) / OUTBOX_DIR


@dataclass(frozen=True)
class StagedBundle:
    """A verified bundle of this install, copied into the outbox folder, not yet recorded."""

    bundle_id: str
    file_name: str
    size: int
    sha256: str
    office_id: str
    period: Period
    reports: int


def queue_bundle(store, path: Path) -> Queued:
    """Verifies one of this install's own bundles and queues it for the hub (file work, then one transaction)."""
    store.access.require(Permission.EXPORT_BUNDLE)
    return record_staged(store, stage_bundle(path, trust_of_store(store), store.data_dir))


def stage_bundle(path: Path, trust: Trust, data_dir: Path) -> StagedBundle:
    """Verifies the bundle against this install's own key and copies it into the outbox folder (no database)."""
    path = Path(path)
    if is_age_file(path):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Sync",
                "Paket terenkripsi (.age) tidak dikirim lewat jaringan; kirim paket .spmb-nya (sambungan ke hub sudah terlindungi).",
            )
        )
    with verify_bundle(path, trust) as verified:
        if not verified.signer.own:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Sync", "Hanya paket yang ditandatangani kantor ini yang dikirim ke hub; paket ini dari {signer}."
                ),
                signer=verified.signer.name,
            )
        submission = verified.submission
        name = f"{verified.bundle_id}.spmb"
        _copy_durably(verified.path, outbox_dir(data_dir), name)
        return StagedBundle(
            verified.bundle_id,
            name,
            verified.file_size,
            verified.file_sha256,
            submission.office.id,
            submission.period,
            len(submission.reports),
        )


def record_staged(store, staged: StagedBundle) -> Queued:
    """Records a staged bundle in the outbox (one transaction); its copy is removed if that fails."""
    try:
        added = store.outbox.add(
            staged.bundle_id,
            staged.file_name,
            staged.size,
            staged.sha256,
            staged.office_id,
            staged.period,
            staged.reports,
        )
    except BaseException:
        if store.outbox.get(staged.bundle_id) is None:  # never the file of an entry queued before
            (outbox_dir(store.data_dir) / staged.file_name).unlink(missing_ok=True)
        raise
    return Queued(staged.bundle_id, staged.reports, staged.size, added)


def _copy_durably(source: Path, folder: Path, name: str) -> None:
    partial = folder / (name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, partial)
        commit_file(partial, folder / name)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise translate_os_error(exc, folder) from exc
