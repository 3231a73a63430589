"""One install's local store: the database, its repositories, the evidence folder and the lock."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Permission
from desktop.storage import data_dir as paths
from desktop.storage.access import Access
from desktop.storage.accounts import AccountRepository
from desktop.storage.areas import AreaRepository
from desktop.storage.audit import AuditLog
from desktop.storage.database import Database
from desktop.storage.deadlines import DeadlineRepository
from desktop.storage.errors import translate_os_error
from desktop.storage.evidence import EvidenceStore
from desktop.storage.installation import Installation, InstallationRepository
from desktop.storage.instance_lock import InstanceLock
from desktop.storage.migrations import LATEST, migrate, newer_release_error
from desktop.storage.reports import STALE_CACHE, ReportKey, ReportRepository, settle_report_cache
from desktop.storage.settings import Settings

if TYPE_CHECKING:
    from desktop.storage.bundles import BundleRepository
    from desktop.storage.hub_link import HubLinkRepository
    from desktop.storage.outbox import OutboxRepository
    from desktop.storage.review import ReviewRepository
    from desktop.storage.trust_store import TrustStore
    from desktop.storage.user_admin import UserAdmin


def settle_on_commit(database: Database) -> Database:
    """Has every write transaction on the store's database leave the report cache settled (see
    report_cache.py): the store's own connection, and one a worker thread opens apart."""
    database.before_commit.append(settle_report_cache)
    return database


class Store:
    """Opens the data folder and hands out its repositories; close it when done."""

    def __init__(self, data_dir: Path, database: Database, lock: InstanceLock | None):
        self.data_dir, self.database, self.lock = data_dir, database, lock
        self.settings = Settings(database)
        self.audit = AuditLog(database)
        self.areas = AreaRepository(database)
        self.installation_repo = InstallationRepository(database, self.settings, self.audit, self.areas)
        self._installation: Installation | None = None
        self.accounts = AccountRepository(database, self.audit)
        self.deadlines = DeadlineRepository(
            database, self.audit, lambda: self.access.require(Permission.MANAGE_PERIODS)
        )
        self.access = Access(self.accounts, self.deadlines, self._operator_actor)
        self.reports = ReportRepository(database, self.audit, self.actor, self._guard_edit)
        self.evidence = EvidenceStore(
            database, self.audit, self.reports, self.settings, data_dir / paths.EVIDENCE_DIR, self.actor
        )

    # The repositories below are made on first use: the window's start-up needs none of them.

    @cached_property
    def review(self) -> ReviewRepository:
        """The review workflow: submit, return, approve, notes, history."""
        from desktop.storage.review import ReviewRepository

        return ReviewRepository(self.database, self.audit, self.access, self._guard_edit)

    @cached_property
    def users(self) -> UserAdmin:
        """Account management as the acting user."""
        from desktop.storage.user_admin import UserAdmin

        return UserAdmin(self.accounts, self.access, self.settings)

    @cached_property
    def trust(self) -> TrustStore:
        """Trusted keys, age recipients and the office key record."""
        from desktop.storage.trust_store import TrustStore

        return TrustStore(
            self.database, self.audit, self.settings, self.actor, lambda: self.access.require(Permission.MANAGE_KEYS)
        )

    @cached_property
    def bundles(self) -> BundleRepository:
        """Bundles sent and received, and the revisions of every report."""
        from desktop.storage.bundles import BundleRepository

        return BundleRepository(self.database, self.audit, self.reports, self.actor)

    @cached_property
    def outbox(self) -> OutboxRepository:
        """Bundles waiting for, or sent to, the province hub."""
        from desktop.storage.outbox import OutboxRepository

        return OutboxRepository(self.database, self.audit, self.actor)

    @cached_property
    def hub(self) -> HubLinkRepository:
        """The hub's address, this office's token and the decisions taken in from it."""
        from desktop.storage.hub_link import HubLinkRepository

        return HubLinkRepository(
            self.database,
            self.settings,
            self.audit,
            self.actor,
            lambda: self.access.require(Permission.MANAGE_KEYS),
        )

    @classmethod
    def open(cls, data_dir: Path | str | None = None, *, readonly: bool = False) -> Store:
        """Opens (creating and migrating as needed) the store in `data_dir`.

        A writer takes the folder's single-instance lock first; a reader (readonly=True) only reads
        a database that is already up to date.
        """
        folder = paths.resolve_data_dir(data_dir)
        db_path = folder / paths.DB_NAME
        if readonly:
            if not db_path.exists():
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Store", "Belum ada data di {folder}. Jalankan 'spm-luring init' atau buka aplikasinya."
                    ),
                    folder=str(folder),
                )
            database = Database(db_path, readonly=True)
            if database.user_version > LATEST:
                found = database.user_version
                database.close()
                raise newer_release_error(found)
            if database.user_version != LATEST:
                database.close()
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Store", "Basis data di {folder} perlu diperbarui; buka aplikasinya sekali terlebih dahulu."
                    ),
                    folder=str(folder),
                )
            return cls(folder, database, None)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate_os_error(exc, folder) from exc
        lock = InstanceLock(folder).acquire()
        try:
            database = Database(db_path)
            try:
                migrate(database, folder / paths.BACKUP_DIR)
                settle_on_commit(database)
                if database.scalar(STALE_CACHE) is not None:  # after an upgrade, or another program's writes
                    with database.write():
                        pass
            except BaseException:
                database.close()
                raise
        except BaseException:
            lock.release()
            raise
        return cls(folder, database, lock)

    @property
    def installation(self) -> Installation | None:
        """The install's set-up (cached), or None before the first-run set-up."""
        if self._installation is None:
            self._installation = self.installation_repo.load()
        return self._installation

    def require_installation(self) -> Installation:
        """The set-up, or a UserError telling the user to run it first."""
        found = self.installation
        if found is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Store", "Aplikasi belum disiapkan. Jalankan penyiapan awal (atau 'spm-luring init') dahulu."
                )
            )
        return found

    def forget_installation(self) -> None:
        """Drops the cached set-up after it changed."""
        self._installation = None

    def actor(self) -> str:
        """Who the audit log names for changes made through this store: the logged-in account, if any."""
        return self.access.actor()

    def _guard_edit(self, key: ReportKey) -> None:
        """Only this office's own reports are edited here (others' arrive in bundles), by a role that may."""
        installation = self.installation
        if installation is not None and key.office_id != installation.office.id:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Store", "Laporan kantor lain hanya diperiksa di sini; angkanya diubah oleh kantor pengirimnya."
                )
            )
        self.access.require_edit(key.period)

    def _operator_actor(self) -> str:
        found = self.installation
        return found.actor if found else "setup"

    def close(self) -> None:
        """Closes the database and lets another copy take the folder."""
        self.database.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
