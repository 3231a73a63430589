"""The first-run set-up wizard, driven as an operator would, checked against the store it sets up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from desktop.domain.catalog import load_catalog
from desktop.domain.regions import RegionLevel
from desktop.exchange.keys import office_key_files_exist, unlock_office_key
from desktop.exchange.trust import office_key
from desktop.storage.store import Store
from desktop.ui import setup_wizard
from desktop.ui.exchange_widgets import FingerprintLabel
from desktop.ui.setup_wizard import SetupWizard, run_setup
from tests.conftest import OPERATOR_NIP, set_up

REAL_CONFIRM_CANCEL = setup_wizard.confirm_cancel
REAL_SHOW_KEY_RESULT = setup_wizard.show_key_result
HEALTH = [s.code for s in load_catalog().services_for(["1.02"])]
PASSPHRASE = "perahu sungai mahakam pagi"


@pytest.fixture(autouse=True)
def cancel_without_asking(monkeypatch):
    """Closing a wizard at teardown must not wait on the "Batalkan penyiapan?" question."""
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: True)


@pytest.fixture(autouse=True)
def key_results(monkeypatch):
    """What Selesai reported about the key (fingerprint, problem), instead of a modal message."""
    shown: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(setup_wizard, "show_key_result", lambda parent, fp, problem: shown.append((fp, problem)))
    return shown


@pytest.fixture
def fresh_store(data_dir):
    """A store that has not been set up yet."""
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def wizard(qtbot, fresh_store):
    shown = SetupWizard(fresh_store)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def next_enabled(wizard: SetupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def pick_mahakam_ulu(qtbot, wizard: SetupWizard) -> None:
    qtbot.keyClicks(wizard.region_page.picker.search, "mahakam")
    assert wizard.region_page.picker.district_code == "64.11"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def choose_office(qtbot, wizard: SetupWizard, name: str = "Dinas Kesehatan") -> None:
    qtbot.keyClicks(wizard.office_page.office.lineEdit(), name)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


ADMIN_PASSWORD = "rahasia-admin"


def fill_operator(qtbot, wizard: SetupWizard, nip: str = "19850101 201001 1 001") -> None:
    qtbot.keyClicks(wizard.operator_page.name, "Yohanes Ding")
    qtbot.keyClicks(wizard.operator_page.nip, nip)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    if wizard.currentPage() is wizard.account_page:
        fill_account(qtbot, wizard)


def fill_account(qtbot, wizard: SetupWizard, username: str = "yohanes") -> None:
    page = wizard.account_page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.passwords.first, ADMIN_PASSWORD)
    qtbot.keyClicks(page.passwords.second, ADMIN_PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def skip_key(qtbot, wizard: SetupWizard) -> None:
    assert wizard.currentPage() is wizard.key_page
    wizard.key_page.later.click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def type_passphrase(qtbot, wizard: SetupWizard, first: str, second: str) -> None:
    fields = wizard.key_page.fields
    fields.first.clear()
    fields.second.clear()
    qtbot.keyClicks(fields.first, first)
    qtbot.keyClicks(fields.second, second)


def make_key(qtbot, wizard: SetupWizard, passphrase: str = PASSPHRASE) -> None:
    assert wizard.currentPage() is wizard.key_page
    type_passphrase(qtbot, wizard, passphrase, passphrase)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def to_key_page(qtbot, wizard: SetupWizard) -> None:
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    fill_operator(qtbot, wizard)
    assert wizard.currentPage() is wizard.key_page


def test_buttons_are_in_indonesian(wizard):
    texts = {
        QWizard.WizardButton.BackButton: "Kembali",
        QWizard.WizardButton.NextButton: "Lanjut",
        QWizard.WizardButton.FinishButton: "Selesai",
        QWizard.WizardButton.CancelButton: "Batal",
    }
    for button, text in texts.items():
        assert wizard.buttonText(button) == text
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Batal"


def test_region_search_finds_mahakam_ulu_with_its_areas(qtbot, wizard):
    picker = wizard.region_page.picker
    assert not next_enabled(wizard)
    qtbot.keyClicks(picker.search, "mahakam")
    assert picker.list.topLevelItemCount() == 1
    assert picker.list.topLevelItem(0).text(0) == "Kabupaten Mahakam Ulu"
    assert picker.list.topLevelItem(0).text(1) == "Kalimantan Timur"
    assert picker.district_code == "64.11"
    assert "5 kecamatan" in picker.details.text()
    assert "50 desa/kelurahan" in picker.details.text()
    assert next_enabled(wizard)
    # A search with no hit leaves nothing chosen, and says so.
    picker.search.setText("tidak ada kabupaten begini")
    assert picker.district_code is None
    assert "Tidak ada kabupaten/kota yang cocok" in picker.details.text()
    assert not next_enabled(wizard)


def test_province_then_kabupaten(qtbot, wizard):
    picker = wizard.region_page.picker
    picker.province.setCurrentIndex(picker.province.findData("64"))
    names = [picker.list.topLevelItem(i).text(0) for i in range(picker.list.topLevelItemCount())]
    assert "Kabupaten Mahakam Ulu" in names
    assert all(picker.list.topLevelItem(i).text(2).startswith("64.") for i in range(len(names)))
    assert picker.district_code is None  # several listed: the operator picks one
    qtbot.keyClicks(picker.search, "ulu")
    assert picker.district_code == "64.11"
    picker.province.setCurrentIndex(picker.province.findData("11"))  # Aceh: no Mahakam Ulu there
    assert picker.district_code != "64.11"
    picker.choose("64.11")
    assert picker.district_code == "64.11"


def test_typical_office_preticks_its_services(qtbot, wizard):
    pick_mahakam_ulu(qtbot, wizard)
    page = wizard.office_page
    assert page.by_kecamatan.isChecked()
    assert page.by_kecamatan.text() == "Per kecamatan (5 kecamatan)"
    assert page.by_desa.text() == "Per desa/kelurahan (50 desa/kelurahan)"
    assert page.services.total() == 29
    assert not next_enabled(wizard)
    qtbot.keyClicks(page.office.lineEdit(), "Dinas Kesehatan")
    assert page.services.checked_codes() == HEALTH
    assert page.services_count.text() == "12 dari 29 jenis pelayanan dipilih."
    # Typing on (the full name of the office) keeps the operator's own ticks.
    page.services.set_checked(HEALTH[:3])
    qtbot.keyClicks(page.office.lineEdit(), " Kabupaten Mahakam Ulu")
    assert page.services.checked_codes() == HEALTH[:3]
    assert page.office_name == "Dinas Kesehatan Kabupaten Mahakam Ulu"
    assert next_enabled(wizard)
    # Service-code prefixes: BPBD reports three of the five Trantibumlinmas services.
    page.office.setCurrentText("Badan Penanggulangan Bencana Daerah")
    assert page.services.checked_codes() == ["1.05.02", "1.05.03", "1.05.04"]
    page.services.set_checked([])
    assert not next_enabled(wizard)


def test_field_box_ticks_all_its_services(qtbot, wizard):
    pick_mahakam_ulu(qtbot, wizard)
    services = wizard.office_page.services
    social = services.topLevelItem(5)
    assert social.text(0).startswith("1.06")
    social.setCheckState(0, Qt.CheckState.Checked)
    assert services.checked_codes() == [f"1.06.0{i}" for i in range(1, 6)]
    services.topLevelItem(5).child(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert social.checkState(0) == Qt.CheckState.PartiallyChecked


def test_bad_nip_is_shown_and_blocks(qtbot, wizard):
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    page = wizard.operator_page
    assert not next_enabled(wizard)  # the name is required
    qtbot.keyClicks(page.name, "Yohanes Ding")
    assert next_enabled(wizard)  # the NIP is optional
    qtbot.keyClicks(page.nip, "1985")
    assert not next_enabled(wizard)
    assert page.nip_problem.text() == "4 dari 18 angka."
    page.nip.editingFinished.emit()  # leaving the field short is an error, shown as such
    assert page.nip_problem.text() == "NIP harus 18 angka (tertulis: '1985')."
    page.nip.setText("19850101201001100A")
    assert "NIP harus 18 angka" in page.nip_problem.text()
    assert not next_enabled(wizard)
    page.nip.setText(OPERATOR_NIP + "9")
    assert not next_enabled(wizard)
    page.nip.setText("19850101 201001 1 001")
    assert page.nip_problem.text() == ""
    assert next_enabled(wizard)


def test_finish_sets_up_the_store(qtbot, wizard, fresh_store, key_results):
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    fill_operator(qtbot, wizard)
    skip_key(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary_page
    summary = wizard.summary_page.text.text()
    for expected in (
        "Kalimantan Timur",
        "Kabupaten Mahakam Ulu (64.11)",
        "Dinas Kesehatan",
        "per kecamatan (5 kecamatan)",
    ):
        assert expected in summary
    assert "Yohanes Ding" in summary and "19850101 201001 1 001" in summary
    assert "1.02.12 Pelayanan kesehatan orang dengan risiko" in summary
    assert "1.01.01" not in summary
    assert "dibuat nanti" in summary
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    installation = fresh_store.installation
    assert installation is not None
    assert installation.district_code == "64.11"
    assert installation.district_name == "Kabupaten Mahakam Ulu"
    assert installation.province_name == "Kalimantan Timur"
    assert installation.office.name == "Dinas Kesehatan"
    assert list(installation.office.services) == HEALTH
    assert installation.office.area_level == "kecamatan"
    assert installation.operator_name == "Yohanes Ding"
    assert installation.operator_nip == OPERATOR_NIP
    kecamatan = fresh_store.areas.list(int(RegionLevel.DISTRICT))
    assert [a.code for a in kecamatan] == ["64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05"]
    assert [e.action for e in fresh_store.audit.entries()] == ["login", "user.create", "install.setup"]
    assert fresh_store.trust.office_key() is None and key_results == []


def test_rows_per_desa(qtbot, wizard, fresh_store):
    pick_mahakam_ulu(qtbot, wizard)
    qtbot.keyClicks(wizard.office_page.office.lineEdit(), "Dinas Sosial")
    wizard.office_page.by_desa.click()
    wizard.next()
    fill_operator(qtbot, wizard, nip="")
    skip_key(qtbot, wizard)
    assert "per desa/kelurahan (50 desa/kelurahan)" in wizard.summary_page.text.text()
    assert "(tidak diisi)" in wizard.summary_page.text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert fresh_store.installation.office.area_level == "desa"
    assert fresh_store.installation.operator_nip == ""
    assert len(fresh_store.installation.office.services) == 5


def test_refusal_from_the_store_is_shown_and_the_wizard_stays(qtbot, wizard, fresh_store, key_results):
    to_key_page(qtbot, wizard)
    make_key(qtbot, wizard)
    set_up(fresh_store, office="Dinas Sosial")  # someone set this folder up meanwhile (the CLI, say)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert wizard.result() == 0
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.error.isVisible()
    assert wizard.summary_page.error.text() == "Aplikasi ini sudah disiapkan untuk Dinas Sosial."
    # No key was made for an install this wizard did not set up.
    assert fresh_store.trust.office_key() is None and key_results == []
    assert not office_key_files_exist(fresh_store.data_dir)


def test_cancel_on_first_page_sets_nothing_up(qtbot, wizard, fresh_store, monkeypatch):
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: pytest.fail("nothing typed yet: no question"))
    with qtbot.waitSignal(wizard.rejected):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    assert fresh_store.installation is None
    assert fresh_store.areas.list() == []


def test_cancel_later_asks_first(qtbot, wizard, fresh_store, monkeypatch):
    answers = [False, True]
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: answers.pop(0))
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.isVisible()  # "Lanjutkan mengisi"
    with qtbot.waitSignal(wizard.rejected):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    assert answers == []
    assert fresh_store.installation is None


def test_confirm_cancel_dialog_is_in_indonesian(qtbot, wizard):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Lanjutkan mengisi").click()

    QTimer.singleShot(0, answer)
    assert REAL_CONFIRM_CANCEL(wizard) is False
    assert seen["buttons"] == ["Batalkan penyiapan", "Lanjutkan mengisi"]
    assert seen["text"].startswith("Batalkan penyiapan?")


def test_run_setup_returns_false_when_cancelled(qtbot, fresh_store):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert run_setup(fresh_store) is False
    assert fresh_store.installation is None


def test_run_setup_returns_true_when_set_up(qtbot, fresh_store):
    def drive():
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, SetupWizard)
        wizard.region_page.picker.choose("64.11")
        wizard.next()
        wizard.office_page.office.setCurrentText("Dinas Kesehatan")
        wizard.next()
        wizard.operator_page.name.setText("Yohanes Ding")
        wizard.next()
        wizard.account_page.username.setText("yohanes")
        wizard.account_page.passwords.first.setText(ADMIN_PASSWORD)
        wizard.account_page.passwords.second.setText(ADMIN_PASSWORD)
        wizard.next()
        wizard.key_page.later.setChecked(True)
        wizard.next()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, drive)
    assert run_setup(fresh_store) is True
    assert fresh_store.installation.office.services == tuple(HEALTH)
    # The first account is the admin, logged in for the window that follows.
    assert [(u.username, u.role.value, u.full_name) for u in fresh_store.accounts.list()] == [
        ("yohanes", "admin", "Yohanes Ding")
    ]
    assert fresh_store.access.user.username == "yohanes"


def test_the_admin_account_needs_a_usable_name_and_password(qtbot, wizard):
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    qtbot.keyClicks(wizard.operator_page.name, "Yohanes Ding")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.account_page
    assert wizard.currentPage() is page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(page.username, "yo hanes")
    qtbot.keyClicks(page.passwords.first, "pendek")
    assert not next_button.isEnabled() and page.passwords.hint.text() == "Minimal 8 karakter."
    qtbot.keyClicks(page.passwords.first, "-sekali")
    qtbot.keyClicks(page.passwords.second, "pendek-sekali")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page  # the space in the name is refused
    assert "Nama pengguna 3" in page.problem.text()
    page.username.setText("yohanes")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.key_page


# --- the key page ---------------------------------------------------------------------------------


def test_key_page_explains_and_blocks_a_short_passphrase(qtbot, wizard):
    to_key_page(qtbot, wizard)
    page = wizard.key_page
    assert page.title() == "Kunci tanda tangan"
    assert page.make_now.isChecked() and not page.consequence.isVisible()
    assert page.fields.first.echoMode() == page.fields.first.EchoMode.Password
    assert page.fields.second.echoMode() == page.fields.second.EchoMode.Password
    assert not next_enabled(wizard)  # nothing typed yet
    assert "Paling sedikit 8 karakter" in page.fields.strength.text()
    type_passphrase(qtbot, wizard, "pendek", "pendek")
    assert page.fields.strength.text() == "Terlalu pendek: 6 dari paling sedikit 8 karakter."
    assert not next_enabled(wizard)
    type_passphrase(qtbot, wizard, "aaaaaaaa", "aaaaaaaa")
    assert page.fields.strength.text().startswith("Lemah")
    assert next_enabled(wizard)  # weak is said, not refused: the length rule is check_passphrase's
    type_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    assert page.fields.strength.text() == "Kuat."
    assert next_enabled(wizard)


def test_key_page_blocks_a_mismatch(qtbot, wizard):
    to_key_page(qtbot, wizard)
    fields = wizard.key_page.fields
    type_passphrase(qtbot, wizard, PASSPHRASE, "perahu sungai")
    assert fields.match.text() == "Ketik sekali lagi sampai habis."
    assert not next_enabled(wizard)
    type_passphrase(qtbot, wizard, PASSPHRASE, "perahu sungai mahakam sore")
    assert fields.match.text() == "Tidak sama dengan frasa sandi di atas."
    assert fields.problem() == "Kedua frasa sandi belum sama."
    assert not next_enabled(wizard)
    fields.show_text.click()  # the operator looks at what was typed
    assert fields.second.echoMode() == fields.second.EchoMode.Normal
    type_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    assert fields.match.text() == "Sama."
    assert next_enabled(wizard)


def test_make_later_needs_no_passphrase_and_makes_no_key(qtbot, wizard, fresh_store, key_results):
    to_key_page(qtbot, wizard)
    page = wizard.key_page
    page.later.click()
    assert page.consequence.isVisible()
    assert "paket laporan belum dapat dikirim" in page.consequence.text()
    assert "Berkas › Kunci & kepercayaan…" in page.consequence.text()
    assert not page.fields.isEnabled()
    assert next_enabled(wizard)
    wizard.next()
    assert "dibuat nanti" in wizard.summary_page.text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert fresh_store.installation is not None
    assert fresh_store.trust.office_key() is None
    assert not office_key_files_exist(fresh_store.data_dir)
    assert key_results == []


def test_creating_a_key_at_finish_shows_its_fingerprint(qtbot, wizard, fresh_store, key_results):
    to_key_page(qtbot, wizard)
    make_key(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary_page
    assert "dibuat saat Selesai ditekan" in wizard.summary_page.text.text()
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    info = office_key(fresh_store)
    assert info is not None
    assert key_results == [(info.fingerprint, None)]
    assert [e.action for e in fresh_store.audit.entries()] == [
        "key.create",
        "login",
        "user.create",
        "install.setup",
    ]  # newest first
    with unlock_office_key(fresh_store.data_dir, PASSPHRASE, info) as signer:
        assert signer.public.fingerprint == info.fingerprint
    assert wizard.key_page.fields.first.text() == ""  # the passphrase is not kept in the widget


def test_the_key_result_shows_the_fingerprint_large(qtbot, wizard):
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["fingerprint"] = [label.text() for label in dialog.findChildren(FingerprintLabel)]
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.accept()

    QTimer.singleShot(0, look)
    REAL_SHOW_KEY_RESULT(wizard, "4F2A-91C3-7B0D-E6A5-0C11", None)
    assert seen["fingerprint"] == ["4F2A-91C3-7B0D-E6A5-0C11"]
    assert "verifikator kabupaten" in seen["text"]
