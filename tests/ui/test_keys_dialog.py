"""Berkas › Kunci & kepercayaan…: the office key, trusted partner keys and age recipients, driven as an
operator does, on a real data folder; only the file and question dialogs are answered by the test."""

from __future__ import annotations

import minisign
import pyrage
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from desktop.exchange import trust
from desktop.exchange.keys import keys_dir, parse_public_key, unlock_office_key, write_public_key_file
from desktop.ui import exchange_dialogs
from desktop.ui.keys_dialog import OFFICE_TAB, RECIPIENTS_TAB, TRUSTED_TAB, KeysDialog

PASSPHRASE = "perahu sungai mahakam pagi"


@pytest.fixture
def asked(monkeypatch):
    """The questions asked (title, text); the answer is the list's `answer` (True unless a test says)."""
    questions: list[tuple[str, str]] = []
    answers = {"confirm": True}

    def confirm(parent, title, text, yes, no=None):
        questions.append((title, text))
        return answers["confirm"]

    monkeypatch.setattr(exchange_dialogs, "confirm", confirm)
    return questions, answers


@pytest.fixture
def dialog(qtbot, store):
    shown = KeysDialog(store)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def partner_key_file(path, label="Dinas Pendidikan, Kabupaten Mahakam Ulu"):
    """A partner office's public key file, as its own install would export it."""
    pair = minisign.KeyPair.generate()
    info = parse_public_key(pair.public_key.to_base64())
    write_public_key_file(info, path, label)
    return info


def make_key_through_the_dialog(qtbot, dialog, passphrase=PASSPHRASE):
    dialog.create_button.click()
    created = dialog.create_dialog
    assert created is not None and created.isVisible()
    qtbot.keyClicks(created.fields.first, passphrase)
    qtbot.keyClicks(created.fields.second, passphrase)
    assert created.create_button.isEnabled()
    with qtbot.waitSignal(created.accepted):
        created.create_button.click()


def test_without_a_key_the_office_tab_says_so(dialog):
    assert dialog.tabs.tabText(OFFICE_TAB).replace("&", "") == "Kunci kantor"
    assert dialog.tabs.tabText(TRUSTED_TAB).replace("&", "") == "Kunci tepercaya"
    assert dialog.tabs.tabText(RECIPIENTS_TAB).replace("&", "") == "Penerima enkripsi (age)"
    assert dialog.no_key.isVisible()
    assert "belum mempunyai kunci tanda tangan" in dialog.no_key.text()
    assert not dialog.fingerprint.isVisible()
    assert dialog.create_button.text().replace("&", "") == "Buat kunci…"
    assert not dialog.export_button.isEnabled()


def test_create_key_shows_its_fingerprint(qtbot, dialog, store):
    dialog.create_button.click()
    created = dialog.create_dialog
    qtbot.keyClicks(created.fields.first, "pendek")
    qtbot.keyClicks(created.fields.second, "pendek")
    assert not created.create_button.isEnabled()  # too short
    created.fields.clear()
    qtbot.keyClicks(created.fields.first, PASSPHRASE)
    qtbot.keyClicks(created.fields.second, PASSPHRASE + "x")
    assert not created.create_button.isEnabled()  # not the same twice
    created.reject()

    make_key_through_the_dialog(qtbot, dialog)
    info = trust.office_key(store)
    assert info is not None
    assert dialog.fingerprint.isVisible() and not dialog.no_key.isVisible()
    assert dialog.fingerprint.text() == info.fingerprint
    assert dialog.key_id.text() == info.key_id
    assert "Yohanes Ding" in dialog.created.text()
    assert dialog.create_button.text().replace("&", "") == "Ganti kunci…"
    assert dialog.export_button.isEnabled()
    assert dialog.office_message.kind == "ok" and info.fingerprint in dialog.office_message.text()
    with unlock_office_key(store.data_dir, PASSPHRASE, info):
        pass  # the passphrase typed opens the key


def test_replacing_the_key_warns_first(qtbot, dialog, store, asked):
    questions, answers = asked
    make_key_through_the_dialog(qtbot, dialog)
    old = trust.office_key(store)
    answers["confirm"] = False
    dialog.create_button.click()
    assert dialog.create_dialog is None  # "Batal": nothing asked further
    assert "harus menerima dan mempercayai kunci publik yang baru" in questions[-1][1]
    answers["confirm"] = True
    make_key_through_the_dialog(qtbot, dialog, "kata sandi yang baru sekali")
    new = trust.office_key(store)
    assert new.fingerprint != old.fingerprint
    assert dialog.fingerprint.text() == new.fingerprint
    assert any((keys_dir(store.data_dir) / "archive").iterdir())  # the old key is archived, not lost
    assert [e.action for e in store.audit.entries()][:2] == ["key.replace", "key.create"]


def test_export_public_key_writes_the_pub_file(qtbot, dialog, store, tmp_path, monkeypatch):
    make_key_through_the_dialog(qtbot, dialog)
    target = tmp_path / "untuk-kabupaten" / "dinkes.pub"
    target.parent.mkdir()
    suggested = []
    monkeypatch.setattr(
        exchange_dialogs, "save_public_key_path", lambda parent, name: suggested.append(name) or str(target)
    )
    dialog.export_button.click()
    assert suggested[0].endswith("kunci-publik-dinas-kesehatan-64.11.pub")
    assert trust.read_key_file(target).fingerprint == trust.office_key(store).fingerprint
    assert str(target) in dialog.office_message.text()
    assert QSettings().value(exchange_dialogs.KEY_FOLDER) == str(target.parent)


def test_trust_a_partner_key_after_confirming_its_fingerprint(qtbot, dialog, store, tmp_path, monkeypatch):
    partner = partner_key_file(tmp_path / "disdik.pub")
    monkeypatch.setattr(exchange_dialogs, "open_public_key_path", lambda parent, folder: str(tmp_path / "disdik.pub"))
    dialog.tabs.setCurrentIndex(TRUSTED_TAB)
    dialog.add_key_button.click()
    confirm = dialog.trust_dialog
    assert confirm is not None and confirm.isVisible()
    assert confirm.fingerprint.text() == partner.fingerprint
    assert confirm.fingerprint.font().pointSize() >= 20
    texts = " ".join(label.text() for label in confirm.findChildren(QLabel))
    assert "Apakah sidik jari ini sama dengan yang dibacakan pemiliknya?" in texts
    assert [confirm.role.itemText(i) for i in range(confirm.role.count())] == [
        "perangkat daerah",
        "kabupaten/kota",
        "provinsi",
    ]
    assert not confirm.yes_button.isEnabled()  # a name first
    qtbot.keyClicks(confirm.name, "Dinas Pendidikan")
    confirm.role.setCurrentIndex(confirm.role.findData("office"))
    with qtbot.waitSignal(confirm.accepted):
        confirm.yes_button.click()

    (key,) = store.trust.trusted_keys()
    assert (key.name, key.role, key.fingerprint) == ("Dinas Pendidikan", "office", partner.fingerprint)
    rows = [row.cells[:3] for row in dialog.trusted_model.rows()]
    assert rows == [("Dinas Pendidikan", "perangkat daerah", partner.fingerprint)]
    assert dialog.trusted_message.kind == "ok"
    assert store.audit.entries()[0].action == "trust.add"


def test_declining_the_fingerprint_adds_nothing(qtbot, dialog, store, tmp_path, monkeypatch):
    partner_key_file(tmp_path / "disdik.pub")
    monkeypatch.setattr(exchange_dialogs, "open_public_key_path", lambda parent, folder: str(tmp_path / "disdik.pub"))
    dialog.add_key_button.click()
    confirm = dialog.trust_dialog
    qtbot.keyClicks(confirm.name, "Dinas Pendidikan")
    assert confirm.no_button.isDefault()  # Enter alone never trusts a key
    with qtbot.waitSignal(confirm.rejected):
        confirm.no_button.click()
    assert store.trust.trusted_keys() == []
    assert dialog.trusted_model.rowCount() == 0
    assert dialog.trusted_message.text() == "Kunci tidak ditambahkan."


def test_a_file_that_is_not_a_key_is_refused(dialog, tmp_path, monkeypatch):
    (tmp_path / "foto.pub").write_bytes(b"\x89PNG not a key")
    monkeypatch.setattr(exchange_dialogs, "open_public_key_path", lambda parent, folder: str(tmp_path / "foto.pub"))
    dialog.add_key_button.click()
    assert dialog.trust_dialog is None
    assert dialog.trusted_message.kind == "error"
    assert "bukan kunci publik minisign" in dialog.trusted_message.text()


def test_the_own_key_cannot_be_added_as_a_partner(qtbot, dialog, store, tmp_path, monkeypatch):
    make_key_through_the_dialog(qtbot, dialog)
    trust.export_public_key(store, tmp_path / "sendiri.pub")
    monkeypatch.setattr(exchange_dialogs, "open_public_key_path", lambda parent, folder: str(tmp_path / "sendiri.pub"))
    dialog.add_key_button.click()
    confirm = dialog.trust_dialog
    qtbot.keyClicks(confirm.name, "Kami sendiri")
    confirm.yes_button.click()
    assert confirm.isVisible()  # the refusal is shown in the confirmation, which stays open
    assert "kunci kantor ini sendiri" in confirm.message.text()
    assert store.trust.trusted_keys() == []
    confirm.reject()


def test_remove_a_trusted_key_after_confirming(qtbot, dialog, store, tmp_path, asked):
    questions, answers = asked
    partner = partner_key_file(tmp_path / "disdik.pub")
    trust.trust_key(store, partner, "Dinas Pendidikan", "office")
    dialog.refresh()
    dialog.tabs.setCurrentIndex(TRUSTED_TAB)
    assert not dialog.remove_key_button.isEnabled()  # nothing selected
    dialog.trusted_table.selectRow(0)
    assert dialog.remove_key_button.isEnabled()
    answers["confirm"] = False
    dialog.remove_key_button.click()
    assert len(store.trust.trusted_keys()) == 1
    assert partner.fingerprint in questions[-1][1] and "log audit" in questions[-1][1]
    answers["confirm"] = True
    dialog.trusted_table.selectRow(0)
    dialog.remove_key_button.click()
    assert store.trust.trusted_keys() == []
    assert dialog.trusted_model.rowCount() == 0
    assert store.audit.entries()[0].action == "trust.remove"


def test_age_recipients_add_and_remove(qtbot, dialog, store, asked):
    dialog.tabs.setCurrentIndex(RECIPIENTS_TAB)
    assert not dialog.add_recipient_button.isEnabled()
    qtbot.keyClicks(dialog.recipient_name, "Biro Pemerintahan Provinsi")
    qtbot.keyClicks(dialog.recipient_text, "age1bukan-kunci")
    dialog.add_recipient_button.click()
    assert dialog.recipients_message.kind == "error"
    assert "bukan penerima age yang sah" in dialog.recipients_message.text()
    assert store.trust.recipients() == []

    recipient = str(pyrage.x25519.Identity.generate().to_public())
    dialog.recipient_text.setText(recipient)
    dialog.add_recipient_button.click()
    (added,) = store.trust.recipients()
    assert (added.name, added.recipient) == ("Biro Pemerintahan Provinsi", recipient)
    assert dialog.recipients_model.rows()[0].cells[:2] == ("Biro Pemerintahan Provinsi", recipient)
    assert dialog.recipient_name.text() == "" and dialog.recipient_text.text() == ""

    dialog.recipients_table.selectRow(0)
    dialog.remove_recipient_button.click()
    assert store.trust.recipients() == []
    assert dialog.recipients_model.rowCount() == 0
    actions = [e.action for e in store.audit.entries()[:2]]
    assert actions == ["recipient.remove", "recipient.add"]


def test_the_tables_are_sound_models(qtmodeltester, dialog, store, tmp_path):
    trust.trust_key(store, partner_key_file(tmp_path / "a.pub"), "Dinas Pendidikan", "office")
    trust.trust_key(store, partner_key_file(tmp_path / "b.pub"), "Biro Pemerintahan", "province")
    trust.add_recipient(store, str(pyrage.x25519.Identity.generate().to_public()), "Provinsi")
    dialog.refresh()
    qtmodeltester.check(dialog.trusted_model)
    qtmodeltester.check(dialog.recipients_model)
