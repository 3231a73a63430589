"""Who is working with the store now, and whether that account may do an act.

An install without any account (made before accounts existed, or set up from the command line
without one) works as before, as its operator, with every permission, until the first account is
made; from then on every guarded act needs a logged-in account whose role allows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.domain.formatting import format_date
from desktop.domain.messages import QT_TRANSLATE_NOOP, LoginRequiredError, Message, Text, user_error
from desktop.domain.periods import Period
from desktop.domain.workflow import ROLE_LABELS, Permission, Role, allows
from desktop.storage.accounts import AccountRepository, User
from desktop.storage.deadlines import DeadlineRepository

PERMISSION_LABELS: dict[Permission, Text] = {
    Permission.EDIT_FIGURES: QT_TRANSLATE_NOOP("Access", "mengubah angka dan data dukung laporan"),
    Permission.SUBMIT: QT_TRANSLATE_NOOP("Access", "mengajukan laporan"),
    Permission.RETURN: QT_TRANSLATE_NOOP("Access", "mengembalikan laporan"),
    Permission.APPROVE: QT_TRANSLATE_NOOP("Access", "menyetujui laporan"),
    Permission.EXPORT_BUNDLE: QT_TRANSLATE_NOOP("Access", "mengirim paket laporan"),
    Permission.IMPORT_BUNDLE: QT_TRANSLATE_NOOP("Access", "menerima paket laporan"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("Access", "mengelola akun pengguna"),
    Permission.MANAGE_PERIODS: QT_TRANSLATE_NOOP("Access", "mengatur batas waktu periode"),
    Permission.MANAGE_KEYS: QT_TRANSLATE_NOOP("Access", "mengelola kunci, kepercayaan dan penanda tangan"),
    Permission.WORK_AFTER_DEADLINE: QT_TRANSLATE_NOOP("Access", "bekerja setelah batas waktu"),
}


class Access:
    """The logged-in account (if any) and the checks every guarded act goes through."""

    def __init__(self, accounts: AccountRepository, deadlines: DeadlineRepository, fallback_actor: Callable[[], str]):
        self.accounts, self.deadlines, self.fallback_actor = accounts, deadlines, fallback_actor
        self.user: User | None = None

    @property
    def accounts_exist(self) -> bool:
        """Whether the install has accounts (then acts need a login)."""
        return self.accounts.count() > 0

    def login(self, username: str, password: str) -> User:
        """Checks the password (rate-limited) and makes the account the one acting."""
        self.user = self.accounts.authenticate(username, password)
        return self.user

    def logout(self) -> None:
        """Nobody is acting any more."""
        self.user = None

    @property
    def role(self) -> Role | None:
        """The acting role: the account's; admin on an install without accounts; None when logged out."""
        if self.user is not None:
            return self.user.role
        return None if self.accounts_exist else Role.ADMIN

    def allows(self, permission: Permission) -> bool:
        """Whether the acting account may do this."""
        role = self.role
        return role is not None and allows(role, permission)

    def require(self, permission: Permission) -> None:
        """Raises UserError unless the acting account may do this."""
        role = self.role
        if role is None:
            raise LoginRequiredError(
                Message(
                    QT_TRANSLATE_NOOP("Access", "Masuk dengan akun Anda terlebih dahulu untuk {act}."),
                    {"act": PERMISSION_LABELS[permission]},
                )
            )
        if not allows(role, permission):
            raise user_error(
                QT_TRANSLATE_NOOP("Access", "Akun dengan peran {role} tidak berhak {act}."),
                role=ROLE_LABELS[role],
                act=PERMISSION_LABELS[permission],
            )

    def require_open_period(self, period: Period, today: date | None = None) -> None:
        """Raises UserError when the period is past its deadline and the account may not work after it."""
        if self.allows(Permission.WORK_AFTER_DEADLINE):
            return
        deadline = self.deadlines.get(period)
        if deadline is not None and deadline.is_closed(today or date.today()):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Access",
                    "{period} sudah ditutup sejak {date}. Minta admin membuka periode ini bila masih perlu diubah.",
                ),
                period=period.label,
                date=format_date(deadline.closes_on),
            )

    def require_edit(self, period: Period) -> None:
        """The checks before a report's figures or evidence change."""
        self.require(Permission.EDIT_FIGURES)
        self.require_open_period(period)

    def actor(self) -> str:
        """How the audit log names whoever is acting."""
        return self.user.actor if self.user is not None else self.fallback_actor()
