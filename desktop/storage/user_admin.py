"""Managing accounts as the acting user: the admin adds, changes and disables; anyone changes their own password."""

from __future__ import annotations

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Permission, Role
from desktop.storage.access import Access
from desktop.storage.accounts import AccountRepository, User
from desktop.storage.settings import Settings

IDLE_LOCK_SETTING = "idle_lock_minutes"
MAX_IDLE_MINUTES = 240


class UserAdmin:
    """The account changes a user may make, each checked against the acting account's role."""

    def __init__(self, accounts: AccountRepository, access: Access, settings: Settings):
        self.accounts, self.access, self.settings = accounts, access, settings

    def add(self, username: str, full_name: str, nip: str, role: Role, password: str) -> User:
        """Adds an account. The first account of an install must be an admin (it is made at set-up)."""
        if self.access.accounts_exist:
            self.access.require(Permission.MANAGE_USERS)
        elif Role(role) is not Role.ADMIN:
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Akun pertama harus berperan admin."))
        return self.accounts.create(username, full_name, nip, role, password, self.access.actor())

    def set_role(self, username: str, role: Role) -> None:
        """Changes another account's role (admin only)."""
        self.access.require(Permission.MANAGE_USERS)
        self.accounts.set_role(username, role, self.access.actor())

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Disables or enables an account (admin only); nobody disables themselves."""
        self.access.require(Permission.MANAGE_USERS)
        user = self.access.user
        if disabled and user is not None and user.username.lower() == username.strip().lower():
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Anda tidak dapat menonaktifkan akun Anda sendiri."))
        self.accounts.set_disabled(username, disabled, self.access.actor())

    def set_password(self, username: str, password: str) -> None:
        """Sets a password: one's own, or anyone's by an admin."""
        user = self.access.user
        own = user is not None and user.username.lower() == username.strip().lower()
        if not own:
            self.access.require(Permission.MANAGE_USERS)
        self.accounts.set_password(username, password, self.access.actor())

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """How long the window may stay unused before it locks (0: never); admin only, audited."""
        self.access.require(Permission.MANAGE_USERS)
        if not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise user_error(
                QT_TRANSLATE_NOOP("Accounts", "Waktu kunci otomatis 0–{most} menit."), most=MAX_IDLE_MINUTES
            )
        before = self.settings.get(IDLE_LOCK_SETTING)
        if before == minutes:
            return
        with self.accounts.database.write() as conn:
            self.settings.put(conn, IDLE_LOCK_SETTING, minutes)
            self.accounts.audit.record(
                conn,
                self.access.actor(),
                "settings.idle_lock",
                "settings/idle_lock_minutes",
                before=before,
                after=minutes,
            )
