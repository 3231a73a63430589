"""Local accounts: creation rules, password hashes, logins and their rate limit, the last admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.messages import UserError
from desktop.domain.workflow import Role
from desktop.storage import passwords
from desktop.storage.accounts import FREE_ATTEMPTS, LONGEST_WAIT
from tests.storage.accounts_helpers import PASSWORDS, act_as, add_accounts, cheap_hashes  # noqa: F401

pytestmark = pytest.mark.usefixtures("cheap_hashes")


def test_the_real_hash_is_scrypt_with_its_parameters_and_a_salt(monkeypatch):
    monkeypatch.undo()  # the shipped cost, not the tests' cheap one
    first, second = passwords.hash_password("rahasia-sekali"), passwords.hash_password("rahasia-sekali")
    assert first.startswith("scrypt$32768$8$1$") and first != second  # salted
    assert "rahasia" not in first
    assert passwords.check_password("rahasia-sekali", first)
    assert not passwords.check_password("rahasia-sekalI", first)
    assert not passwords.check_password("x", "md5$abc") and not passwords.check_password("x", "rusak")


def test_the_first_account_must_be_an_admin_and_later_ones_need_one(store):
    with pytest.raises(UserError, match="harus berperan admin"):
        store.users.add("op", "Operator", "", Role.OPERATOR, "password-panjang")
    add_accounts(store)
    with pytest.raises(UserError, match="Masuk dengan akun"):
        store.users.add("lain", "Lain", "", Role.OPERATOR, "password-panjang")
    act_as(store, "operator")
    with pytest.raises(UserError, match="tidak berhak mengelola akun"):
        store.users.add("lain", "Lain", "", Role.OPERATOR, "password-panjang")
    assert [u.username for u in store.accounts.list()] == ["admin", "operator", "verifier"]


@pytest.mark.parametrize(
    ("username", "name", "nip", "password", "reason"),
    [
        ("a", "Nama", "", "password-panjang", "Nama pengguna 3"),
        ("nama dengan spasi", "Nama", "", "password-panjang", "Nama pengguna 3"),
        ("baru", " ", "", "password-panjang", "Nama lengkap wajib"),
        ("baru", "Nama", "12345", "password-panjang", "NIP harus 18 angka"),
        ("baru", "Nama", "", "pendek", "minimal 8"),
        ("ADMIN", "Nama", "", "password-panjang", "sudah dipakai"),
    ],
)
def test_bad_accounts_are_refused_and_nothing_is_added(store, username, name, nip, password, reason):
    add_accounts(store)
    act_as(store, "admin")
    before = store.audit.entries()
    with pytest.raises(UserError, match=reason):
        store.users.add(username, name, nip, Role.OPERATOR, password)
    assert store.accounts.count() == 3 and store.audit.entries() == before


def test_login_names_the_account_in_the_audit_log(store, key):
    add_accounts(store)
    act_as(store, "operator")
    store.reports.set_value(key, "64.11.01", "target", 10)
    entry = store.audit.entries(key.subject)[0]
    assert entry.actor == "Yohanes Ding (NIP 198501012010011001) [operator]"
    assert store.audit.entries("user/operator")[0].action == "login"


def test_wrong_and_unknown_logins_look_the_same_and_are_recorded(store):
    add_accounts(store)
    for username, password in (("operator", "salah-sekali"), ("tidak-ada", "apa-saja")):
        with pytest.raises(UserError) as refused:
            store.access.login(username, password)
        assert str(refused.value) == "Nama pengguna atau kata sandi salah."
    assert store.access.user is None
    assert [e.action for e in store.audit.entries("user/operator")][:1] == ["login.failed"]
    assert store.audit.verify().ok


def test_failed_logins_make_the_next_wait_longer_up_to_a_cap(store):
    add_accounts(store)
    accounts = store.accounts
    start = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(UserError, match="salah"):
            accounts.authenticate("operator", "salah-sekali", start + timedelta(seconds=attempt))
    last = start + timedelta(seconds=FREE_ATTEMPTS - 1)
    assert accounts.wait_before_login("operator", last) == timedelta(seconds=30)
    # While waiting even the right password is refused, with the wait named.
    with pytest.raises(UserError, match="Coba lagi dalam 30 detik"):
        accounts.authenticate("operator", PASSWORDS["operator"], last)
    later = last + timedelta(seconds=31)
    with pytest.raises(UserError, match="salah"):
        accounts.authenticate("operator", "salah-lagi", later)
    assert accounts.wait_before_login("operator", later) == timedelta(seconds=60)  # doubled
    # Other user names are not held up by this one's failures.
    assert accounts.wait_before_login("admin", later) == timedelta(0)
    # The wait never exceeds the cap, however many failures.
    for i in range(20):
        store.database.conn.execute(
            "INSERT INTO login_failures (username, at) VALUES ('operator', ?)", (f"2024-10-01T07:{i:02d}:00.000Z",)
        )
    assert accounts.wait_before_login("operator", later) <= LONGEST_WAIT
    # After the wait the right password works and clears the count.
    assert accounts.authenticate("operator", PASSWORDS["operator"], later + LONGEST_WAIT).username == "operator"
    assert accounts.wait_before_login("operator", later + LONGEST_WAIT) == timedelta(0)


def test_a_disabled_account_cannot_log_in_and_the_last_admin_stays(store):
    add_accounts(store)
    act_as(store, "admin")
    store.users.set_disabled("operator", True)
    with pytest.raises(UserError, match="dinonaktifkan"):
        store.access.login("operator", PASSWORDS["operator"])
    with pytest.raises(UserError, match="akun Anda sendiri"):
        store.users.set_disabled("admin", True)
    with pytest.raises(UserError, match="setidaknya satu admin"):
        store.users.set_role("admin", Role.VERIFIER)
    store.users.set_role("verifier", Role.ADMIN)
    store.users.set_role("admin", Role.OPERATOR)  # another admin exists now
    assert {u.username: u.role for u in store.accounts.list()}["admin"] is Role.OPERATOR
    store.users.set_disabled("operator", False)
    assert store.access.login("operator", PASSWORDS["operator"]).role is Role.OPERATOR


def test_own_password_or_an_admin_reset(store):
    add_accounts(store)
    act_as(store, "operator")
    store.users.set_password("operator", "kata-sandi-baru")
    with pytest.raises(UserError, match="tidak berhak mengelola akun"):
        store.users.set_password("verifier", "kata-sandi-baru")
    act_as(store, "admin")
    store.users.set_password("verifier", "direset-admin")
    assert store.access.login("operator", "kata-sandi-baru").username == "operator"
    assert store.access.login("verifier", "direset-admin").username == "verifier"
