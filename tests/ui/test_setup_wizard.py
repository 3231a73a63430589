"""The first-run set-up wizard, driven as an operator would, checked against the store it sets up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from desktop.domain.catalog import load_catalog
from desktop.domain.regions import RegionLevel
from desktop.storage.store import Store
from desktop.ui import setup_wizard
from desktop.ui.setup_wizard import SetupWizard, run_setup
from tests.conftest import OPERATOR_NIP, set_up

REAL_CONFIRM_CANCEL = setup_wizard.confirm_cancel
HEALTH = [s.code for s in load_catalog().services_for(["1.02"])]


@pytest.fixture(autouse=True)
def cancel_without_asking(monkeypatch):
    """Closing a wizard at teardown must not wait on the "Batalkan penyiapan?" question."""
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: True)


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


def fill_operator(qtbot, wizard: SetupWizard, nip: str = "19850101 201001 1 001") -> None:
    qtbot.keyClicks(wizard.operator_page.name, "Yohanes Ding")
    qtbot.keyClicks(wizard.operator_page.nip, nip)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


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


def test_finish_sets_up_the_store(qtbot, wizard, fresh_store):
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    fill_operator(qtbot, wizard)
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
    assert [e.action for e in fresh_store.audit.entries()] == ["install.setup"]


def test_rows_per_desa(qtbot, wizard, fresh_store):
    pick_mahakam_ulu(qtbot, wizard)
    qtbot.keyClicks(wizard.office_page.office.lineEdit(), "Dinas Sosial")
    wizard.office_page.by_desa.click()
    wizard.next()
    fill_operator(qtbot, wizard, nip="")
    assert "per desa/kelurahan (50 desa/kelurahan)" in wizard.summary_page.text.text()
    assert "(tidak diisi)" in wizard.summary_page.text.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert fresh_store.installation.office.area_level == "desa"
    assert fresh_store.installation.operator_nip == ""
    assert len(fresh_store.installation.office.services) == 5


def test_refusal_from_the_store_is_shown_and_the_wizard_stays(qtbot, wizard, fresh_store):
    pick_mahakam_ulu(qtbot, wizard)
    choose_office(qtbot, wizard)
    fill_operator(qtbot, wizard)
    set_up(fresh_store, office="Dinas Sosial")  # someone set this folder up meanwhile (the CLI, say)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert wizard.result() == 0
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.error.isVisible()
    assert wizard.summary_page.error.text() == "Aplikasi ini sudah disiapkan untuk Dinas Sosial."


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
        wizard.button(QWizard.WizardButton.FinishButton).click()

    QTimer.singleShot(0, drive)
    assert run_setup(fresh_store) is True
    assert fresh_store.installation.office.services == tuple(HEALTH)
