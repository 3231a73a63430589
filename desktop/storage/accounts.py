"""Local user accounts: create, list, change; check a login against the rate limit."""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Role
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database
from desktop.storage.installation import validate_nip
from desktop.storage.passwords import check_password, hash_password

MIN_PASSWORD_LENGTH = 8
# Failed logins allowed before the first wait; each failure after that doubles the wait, up to the cap.
FREE_ATTEMPTS = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)


@dataclass(frozen=True)
class User:
    """A local account (never its password hash)."""

    id: int
    username: str
    full_name: str
    nip: str
    role: Role
    disabled: bool = False

    @property
    def actor(self) -> str:
        """How the audit log names the account's acts."""
        name = f"{self.full_name} (NIP {self.nip})" if self.nip else self.full_name
        return f"{name} [{self.username}]"


class AccountRepository:
    """Reads and changes the users table; every change is audited."""

    def __init__(self, database: Database, audit: AuditLog):
        self.database, self.audit = database, audit

    def count(self) -> int:
        """How many accounts exist, disabled ones included."""
        return int(self.database.scalar("SELECT count(*) FROM users"))

    def list(self) -> list[User]:
        """Every account, by user name."""
        rows = self.database.conn.execute(
            "SELECT id, username, full_name, nip, role, disabled_at FROM users ORDER BY username"
        ).fetchall()
        return [_user(row) for row in rows]

    def get(self, username: str) -> User | None:
        """The account with this user name (any case), or None."""
        row = self.database.conn.execute(
            "SELECT id, username, full_name, nip, role, disabled_at FROM users WHERE username = ?", (username.strip(),)
        ).fetchone()
        return _user(row) if row else None

    def create(self, username: str, full_name: str, nip: str, role: Role, password: str, actor: str) -> User:
        """Adds an account; refuses a taken or malformed user name, a short password, a bad NIP."""
        username, full_name = check_username(username), full_name.strip()
        if not full_name:
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Nama lengkap wajib diisi."))
        nip = validate_nip(nip)
        check_password_rules(password)
        role = Role(role)
        with self.database.write() as conn:
            if conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
                raise user_error(QT_TRANSLATE_NOOP("Accounts", "Nama pengguna '{name}' sudah dipakai."), name=username)
            cursor = conn.execute(
                "INSERT INTO users (username, full_name, nip, role, password_hash, created_at, created_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (username, full_name, nip, role.value, hash_password(password), now_utc(), actor),
            )
            self.audit.record(
                conn, actor, "user.create", f"user/{username}", after={"name": full_name, "nip": nip, "role": role}
            )
        return User(cursor.lastrowid, username, full_name, nip, role)

    def set_role(self, username: str, role: Role, actor: str) -> None:
        """Changes an account's role; the last active admin keeps theirs."""
        user = self._require(username)
        role = Role(role)
        with self.database.write() as conn:
            if user.role is Role.ADMIN and role is not Role.ADMIN:
                self._keep_an_admin(conn, user)
            conn.execute("UPDATE users SET role = ? WHERE id = ?", (role.value, user.id))
            self.audit.record(conn, actor, "user.role", f"user/{user.username}", "role", user.role.value, role.value)

    def set_password(self, username: str, password: str, actor: str) -> None:
        """Sets a new password (the user's own change, or an admin's reset)."""
        user = self._require(username)
        check_password_rules(password)
        with self.database.write() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hash_password(password), user.id))
            conn.execute("DELETE FROM login_failures WHERE username = ?", (user.username,))
            self.audit.record(conn, actor, "user.password", f"user/{user.username}")

    def set_disabled(self, username: str, disabled: bool, actor: str) -> None:
        """Disables (or enables again) an account; its history stays. The last active admin stays enabled."""
        user = self._require(username)
        with self.database.write() as conn:
            if disabled and user.role is Role.ADMIN:
                self._keep_an_admin(conn, user)
            conn.execute("UPDATE users SET disabled_at = ? WHERE id = ?", (now_utc() if disabled else None, user.id))
            self.audit.record(conn, actor, "user.disable" if disabled else "user.enable", f"user/{user.username}")

    def authenticate(self, username: str, password: str, now: datetime | None = None) -> User:
        """The account if the password is right; UserError when wrong, disabled, or waiting out failures.

        The check costs the same whether or not the user name exists, so a guess learns nothing from time.
        """
        now = now or datetime.now(UTC)
        username = username.strip()
        wait = self.wait_before_login(username, now)
        if wait > timedelta(0):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Accounts", "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik."
                ),
                seconds=math.ceil(wait.total_seconds()),
            )
        row = self.database.conn.execute(
            "SELECT id, username, full_name, nip, role, disabled_at, password_hash FROM users WHERE username = ?",
            (username,),
        ).fetchone()
        stored = row[6] if row else _unknown_user_hash()
        if not check_password(password, stored) or row is None:
            with self.database.write() as conn:
                conn.execute("INSERT INTO login_failures (username, at) VALUES (?, ?)", (username, _iso(now)))
                self.audit.record(conn, username or "?", "login.failed", f"user/{username}")
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Nama pengguna atau kata sandi salah."))
        user = _user(row[:6])
        if user.disabled:
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Akun ini dinonaktifkan. Hubungi admin."))
        with self.database.write() as conn:
            conn.execute("DELETE FROM login_failures WHERE username = ?", (user.username,))
            self.audit.record(conn, user.actor, "login", f"user/{user.username}")
        return user

    def wait_before_login(self, username: str, now: datetime | None = None) -> timedelta:
        """How long this user name must wait before the next attempt (zero when it may try now)."""
        now = now or datetime.now(UTC)
        rows = self.database.conn.execute(
            "SELECT at FROM login_failures WHERE username = ? ORDER BY at DESC", (username.strip(),)
        ).fetchall()
        if len(rows) < FREE_ATTEMPTS:
            return timedelta(0)
        wait = min(FIRST_WAIT * 2 ** (len(rows) - FREE_ATTEMPTS), LONGEST_WAIT)
        last = datetime.fromisoformat(rows[0][0].replace("Z", "+00:00"))
        return max(last + wait - now, timedelta(0))

    def _require(self, username: str) -> User:
        user = self.get(username)
        if user is None:
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Tidak ada akun '{name}'."), name=username)
        return user

    @staticmethod
    def _keep_an_admin(conn, user: User) -> None:
        others = conn.execute(
            "SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?", (user.id,)
        ).fetchone()[0]
        if not others:
            raise user_error(QT_TRANSLATE_NOOP("Accounts", "Harus tetap ada setidaknya satu admin yang aktif."))


def check_username(username: str) -> str:
    """The user name without surrounding spaces; UserError when it has characters a login would trip on."""
    username = username.strip()
    if not re.fullmatch(r"[A-Za-z0-9._-]{3,32}", username):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Accounts", "Nama pengguna 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung."
            )
        )
    return username


def check_password_rules(password: str) -> None:
    """Raises UserError for a password too short to protect anything."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise user_error(
            QT_TRANSLATE_NOOP("Accounts", "Kata sandi minimal {count} karakter."), count=MIN_PASSWORD_LENGTH
        )


def _user(row) -> User:
    user_id, username, full_name, nip, role, disabled_at = row
    return User(user_id, username, full_name, nip, Role(role), disabled_at is not None)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@cache
def _unknown_user_hash() -> str:
    """Checked against when the user name does not exist, so that case takes as long as a wrong password."""
    return hash_password(secrets.token_hex(16))
