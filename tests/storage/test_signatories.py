"""Who signs the printed forms: stored in the settings, audited, checked, with sensible defaults."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.messages import UserError
from desktop.storage.signatories import (
    Signatories,
    default_place,
    default_title,
    get_signatories,
    save_signatories,
)
from desktop.storage.store import Store


def test_defaults_come_from_the_office_and_the_district(store):
    stored = get_signatories(store)
    assert stored == Signatories()
    shown = stored.resolved(store.require_installation(), date(2024, 10, 31))
    assert (shown.head_title, shown.place, shown.sign_date) == (
        "Kepala Dinas Kesehatan",
        "Mahakam Ulu",
        date(2024, 10, 31),
    )
    assert (shown.head_name, shown.head_nip) == ("", "")


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kabupaten Mahakam Ulu", "Mahakam Ulu"),
        ("Kota Samarinda", "Samarinda"),
        ("Kabupaten  Kutai Barat", "Kutai Barat"),
    ],
)
def test_the_default_place_is_the_district_without_its_kind(name, place):
    assert default_place(name) == place


def test_the_default_title_is_the_head_of_the_office():
    assert default_title("Dinas Kesehatan") == "Kepala Dinas Kesehatan"
    assert default_title("Kepala Badan Perencanaan") == "Kepala Badan Perencanaan"


def test_saved_signatories_survive_a_reopen_and_are_audited(store, data_dir):
    wanted = Signatories(
        head_name="  dr. Agustinus   Lawing, M.Kes. ",
        head_nip="19700101 199503 1 002",
        head_title="Kepala Dinas Kesehatan",
        place="Ujoh Bilang",
        sign_date=date(2024, 10, 31),
    )
    saved = save_signatories(store, wanted)
    assert saved.head_name == "dr. Agustinus Lawing, M.Kes."
    assert saved.head_nip == "197001011995031002"
    store.close()
    with Store.open(data_dir, readonly=True) as again:
        assert get_signatories(again) == saved
        rows = again.database.query(
            "SELECT actor, action, subject, after FROM audit_log WHERE action = ?", ("settings.signatories",)
        )
        assert len(rows) == 1 and "Ujoh Bilang" in rows[0]["after"]
        assert rows[0]["actor"] == "Yohanes Ding (NIP 198501012010011001)"
        assert again.audit.verify().ok


def test_saving_the_same_again_records_nothing(store):
    save_signatories(store, Signatories(place="Ujoh Bilang"))
    save_signatories(store, Signatories(place="Ujoh Bilang"))
    count = store.database.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.signatories'")
    assert count == 1


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"head_nip": "1970"}, "NIP harus 18 angka (tertulis: '1970')."),
        ({"head_name": "x" * 201}, "Teks penandatangan terlalu panjang (paling banyak 200 huruf)."),
        ({"sign_date": date(1990, 1, 1)}, "Tanggal penandatanganan 1990-01-01 tidak masuk akal."),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(store, changes, reason):
    with pytest.raises(UserError) as caught:
        save_signatories(store, Signatories(**changes))
    assert str(caught.value) == reason
    assert get_signatories(store) == Signatories()


def test_a_damaged_stored_value_reads_as_defaults(store):
    with store.database.write() as conn:
        store.settings.put(conn, "signatories", {"head_name": "Budi", "sign_date": "31-10-2024"})
    assert get_signatories(store) == Signatories(head_name="Budi")
    with store.database.write() as conn:
        store.settings.put(conn, "signatories", "not a dict")
    assert get_signatories(store) == Signatories()
