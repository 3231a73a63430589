"""The review workflow and the roles: who may do what, frozen reports, notes, deadlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import Role, Transition
from desktop.exchange.keys import generate_office_key
from tests.storage.accounts_helpers import act_as, add_accounts, cheap_hashes  # noqa: F401
from tests.storage.helpers import pdf_bytes

pytestmark = pytest.mark.usefixtures("cheap_hashes")


def _fill(store, key):
    store.reports.set_value(key, "64.11.01", "target", 120)
    store.reports.set_value(key, "64.11.01", "served", 100)


def _edit(store, key):
    store.reports.set_value(key, "64.11.02", "target", 5)


def _attach(store, key, tmp_path):
    source = tmp_path / "berita-acara.pdf"
    source.write_bytes(pdf_bytes())
    store.evidence.add(key, None, [source])


def _submit(store, key):
    store.review.apply(key, Transition.SUBMIT)


def _return(store, key):
    store.review.apply(key, Transition.RETURN, "Periksa lagi")


def _approve(store, key):
    store.review.apply(key, Transition.APPROVE)


def _add_user(store, key):
    store.users.add("baru", "Akun Baru", "", Role.OPERATOR, "kata-sandi-baru")


def _deadline(store, key):
    store.deadlines.set(key.period, date(2024, 10, 20), store.actor())


def _trust(store, key):
    info = generate_office_key(store.data_dir / "other", "frasa sandi yang cukup panjang")
    store.trust.add_key(info.key_id, info.public_key, info.fingerprint, "Dinas Pendidikan", "office")


def _as_operator(store, key, *steps):
    """Prepares the report as the operator would, then acts as the account under test again."""
    who = store.access.user
    act_as(store, "operator")
    _fill(store, key)
    for step in steps:
        store.review.apply(key, step)
    act_as(store, who.username)


def _filled(store, key):
    _as_operator(store, key)


def _submitted(store, key):
    _as_operator(store, key, Transition.SUBMIT)


# Written out rather than derived from desktop.domain.workflow: this is what the roles are meant to allow.
MATRIX = {
    # act:            (operator, verifier, admin)
    "edit": (True, False, True),
    "attach": (True, False, True),
    "submit": (True, False, True),
    "return": (False, True, True),
    "approve": (False, True, True),
    "add_user": (False, False, True),
    "deadline": (False, False, True),
    "trust": (False, False, True),
}
ACTS = {
    "edit": (None, _edit),
    "attach": (None, "attach"),
    "submit": (_filled, _submit),
    "return": (_submitted, _return),
    "approve": (_submitted, _approve),
    "add_user": (None, _add_user),
    "deadline": (None, _deadline),
    "trust": (None, _trust),
}


@pytest.mark.parametrize("act", MATRIX)
@pytest.mark.parametrize("role", ["operator", "verifier", "admin"])
def test_each_role_may_do_exactly_its_acts(store, key, tmp_path, act, role):
    add_accounts(store)
    prepare, do = ACTS[act]
    act_as(store, role)
    if prepare:
        prepare(store, key)
    allowed = MATRIX[act][["operator", "verifier", "admin"].index(role)]
    before = store.audit.verify().rows
    run = (lambda: _attach(store, key, tmp_path)) if do == "attach" else (lambda: do(store, key))
    if allowed:
        run()
        assert store.audit.verify().rows > before
    else:
        with pytest.raises(UserError, match="tidak berhak"):
            run()
        assert store.audit.verify().rows == before  # nothing happened


def test_nobody_logged_in_may_do_nothing_guarded_once_accounts_exist(store, key):
    add_accounts(store)
    for act in (lambda: _edit(store, key), lambda: _submit(store, key), lambda: _deadline(store, key)):
        with pytest.raises(UserError, match="Masuk dengan akun"):
            act()


def test_an_install_without_accounts_works_as_its_operator(store, key):
    _fill(store, key)
    assert store.review.apply(key, Transition.SUBMIT) is ReportStatus.SUBMITTED
    assert store.audit.entries(key.subject)[0].actor == "Yohanes Ding (NIP 198501012010011001)"


def test_the_whole_loop_with_notes_and_frozen_states(store, key, tmp_path):
    add_accounts(store)
    act_as(store, "operator")
    with pytest.raises(UserError, match="belum berisi angka"):
        store.review.apply(key, Transition.SUBMIT)
    _fill(store, key)
    assert store.review.apply(key, Transition.SUBMIT) is ReportStatus.SUBMITTED
    for frozen_act in (lambda: _edit(store, key), lambda: _attach(store, key, tmp_path)):
        with pytest.raises(UserError, match="berstatus Diajukan"):
            frozen_act()
    act_as(store, "verifier")
    with pytest.raises(UserError, match="Tulis catatan"):
        store.review.apply(key, Transition.RETURN, "  ")
    with pytest.raises(UserError, match="bukan bagian"):
        store.review.apply(key, Transition.RETURN, "", {"99.99.99": "salah"})
    store.review.apply(key, Transition.RETURN, "Lengkapi data dukung", {"64.11.01": "Sasaran tidak sesuai Pusdatin"})
    notes = store.review.notes(key)
    assert [(n.area_code, n.note) for n in notes] == [
        (None, "Lengkapi data dukung"),
        ("64.11.01", "Sasaran tidak sesuai Pusdatin"),
    ]
    assert notes[0].written_by.endswith("[verifier]")
    act_as(store, "operator")
    store.reports.set_value(key, "64.11.01", "target", 110)  # editable again
    _attach(store, key, tmp_path)
    store.review.apply(key, Transition.SUBMIT)
    act_as(store, "verifier")
    with pytest.raises(UserError, match="tidak berhak mengajukan"):
        store.review.apply(key, Transition.SUBMIT)  # the role is checked before the status
    store.review.apply(key, Transition.APPROVE)
    act_as(store, "admin")
    with pytest.raises(UserError, match="berstatus Disetujui"):
        _edit(store, key)
    with pytest.raises(UserError, match="langkah 'Kembalikan' tidak berlaku"):
        store.review.apply(key, Transition.RETURN, "terlambat")
    steps = [(h.transition, h.to_status) for h in store.review.history(key)]
    assert steps == [
        (Transition.SUBMIT, ReportStatus.SUBMITTED),
        (Transition.RETURN, ReportStatus.RETURNED),
        (Transition.SUBMIT, ReportStatus.SUBMITTED),
        (Transition.APPROVE, ReportStatus.APPROVED),
    ]
    assert [e.action for e in store.audit.entries(key.subject) if e.action.startswith("report.")][:4] == [
        "report.approve",
        "report.submit",
        "report.return",
        "report.submit",
    ]
    assert store.audit.verify().ok


def test_a_closed_period_locks_operators_until_an_admin_reopens_it(store, key):
    add_accounts(store)
    act_as(store, "operator")
    _fill(store, key)
    act_as(store, "admin")
    yesterday = date.today() - timedelta(days=1)
    store.deadlines.set(key.period, yesterday, store.actor())
    act_as(store, "operator")
    with pytest.raises(UserError, match="sudah ditutup sejak"):
        _edit(store, key)
    with pytest.raises(UserError, match="sudah ditutup sejak"):
        store.review.apply(key, Transition.SUBMIT)
    other = key.__class__(key.office_id, key.service_code, Period(2024, 4))
    store.reports.set_value(other, "64.11.01", "target", 1)  # another period is not affected
    act_as(store, "admin")
    _edit(store, key)  # the admin may still work
    store.deadlines.reopen(key.period, date.today(), store.actor(), "susulan data Puskesmas")
    act_as(store, "operator")
    store.reports.set_value(key, "64.11.03", "target", 7)
    store.review.apply(key, Transition.SUBMIT)
    reopen = store.audit.entries("period/2024Q3")[0]
    assert reopen.action == "period.reopen" and reopen.after["reason"] == "susulan data Puskesmas"
    act_as(store, "admin")
    store.deadlines.set(key.period, date.today() + timedelta(days=3), store.actor())
    assert store.deadlines.get(key.period).opened_until is None  # moving the deadline clears a reopening


def test_another_offices_report_is_reviewed_here_never_edited(store, key):
    """At the district even an admin changes no figure of an office's report: it arrives in bundles."""
    from desktop.storage.reports import ReportKey

    add_accounts(store)
    act_as(store, "admin")
    other = ReportKey("0d696f97-7e3b-4ad4-8338-5289b34ddda6", key.service_code, key.period)
    with pytest.raises(UserError, match="kantor lain hanya diperiksa"):
        store.reports.set_value(other, "64.11.01", "target", 1)
    with pytest.raises(UserError, match="kantor lain hanya diperiksa"):
        store.review.apply(other, Transition.SUBMIT)  # nor submitted on the office's behalf
