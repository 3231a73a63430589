"""Accounts for the tests: an admin, an operator and a verifier on a set-up store (cheap password hashes)."""

from __future__ import annotations

import pytest

from desktop.domain.workflow import Role
from desktop.storage import passwords

PASSWORDS = {"admin": "admin-rahasia", "operator": "operator-rahasia", "verifier": "verifier-rahasia"}


@pytest.fixture
def cheap_hashes(monkeypatch):
    """scrypt at a small cost: the stored parameters are honoured on checking, so only speed changes."""
    monkeypatch.setattr(passwords, "N", 2**10)


def add_accounts(store) -> None:
    """The first account (admin, made in the open install), then an operator and a verifier made by it."""
    store.users.add("admin", "Admin Dinas", "", Role.ADMIN, PASSWORDS["admin"])
    store.access.login("admin", PASSWORDS["admin"])
    store.users.add("operator", "Yohanes Ding", "198501012010011001", Role.OPERATOR, PASSWORDS["operator"])
    store.users.add("verifier", "Maria Hawing", "", Role.VERIFIER, PASSWORDS["verifier"])
    store.access.logout()


def act_as(store, username: str) -> None:
    """Logs the account in (its name is its role)."""
    store.access.login(username, PASSWORDS[username])
