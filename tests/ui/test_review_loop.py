"""The whole review loop through the windows, with two data folders: an office and the district.

Enter, submit, export; import at the district, return with notes; import the return at the office,
correct, resubmit, export; import, approve; the approval reaches the office — and the frozen states
refuse edits in the grid, in storage and on the command line.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.cli import main
from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import Role, Transition
from desktop.exchange.export import export_bundle
from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.ui import exchange_dialogs
from desktop.ui import review_bar as review_bar_module
from desktop.ui.decision_actions import DecisionActions
from desktop.ui.exchange_actions import ExchangeActions
from desktop.ui.report_columns import COLUMN_INDEX
from desktop.ui.return_dialog import ReturnDialog
from tests.conftest import PERIOD, set_up
from tests.exchange.conftest import DISTRICT_OFFICE
from tests.storage.accounts_helpers import cheap_hashes  # noqa: F401
from tests.ui.helpers import open_window

pytestmark = pytest.mark.usefixtures("cheap_hashes")
WAIT = 30_000
OFFICE_KEY, DISTRICT_KEY = "frasa sandi dinas kesehatan", "frasa sandi kabupaten"


def _accounts(store, *others: tuple[str, Role]) -> None:
    store.users.add("admin", "Admin", "", Role.ADMIN, "admin-rahasia")
    store.access.login("admin", "admin-rahasia")
    for username, role in others:
        store.users.add(username, username.title(), "", role, f"{username}-rahasia")


@pytest.fixture
def stores(tmp_path):
    """The office (an operator) and the district (a verifier), each with a key the other trusts."""
    office, district = Store.open(tmp_path / "office"), Store.open(tmp_path / "district")
    set_up(office)
    set_up(district, office=DISTRICT_OFFICE)
    _accounts(office, ("operator", Role.OPERATOR))
    _accounts(district, ("verifier", Role.VERIFIER))
    create_office_key(office, OFFICE_KEY)
    create_office_key(district, DISTRICT_KEY)
    export_public_key(office, tmp_path / "dinkes.pub")
    export_public_key(district, tmp_path / "kabupaten.pub")
    trust_key(district, read_key_file(tmp_path / "dinkes.pub"), "Dinas Kesehatan", "office")
    trust_key(office, read_key_file(tmp_path / "kabupaten.pub"), "Bagian Pemerintahan", "district")
    office.access.login("operator", "operator-rahasia")
    district.access.login("verifier", "verifier-rahasia")
    yield office, district, tmp_path
    office.close()
    district.close()


@pytest.fixture
def answers(monkeypatch):
    """Every question answered Yes; every message collected."""
    shown = []
    monkeypatch.setattr(review_bar_module.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(exchange_dialogs, "inform", lambda parent, title, text: shown.append((title, text)))
    return shown


def type_in(window, area: str, column: str, value: str) -> None:
    model = window.model
    assert model.setData(model.index(model.row_of(area), COLUMN_INDEX[column]), value)


def editable(window, area: str, column: str) -> bool:
    model = window.model
    return bool(model.flags(model.index(model.row_of(area), COLUMN_INDEX[column])) & Qt.ItemFlag.ItemIsEditable)


def receive(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(exchange_dialogs, "open_bundle_path", lambda parent, folder: str(path))
    actions = window.findChild(ExchangeActions)
    dialog = actions.receive_bundle()
    qtbot.waitUntil(lambda: dialog.plan is not None or dialog.decisions is not None, timeout=WAIT)
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    # Applied, the dialog closes and is deleted: only the actions' handle on it can be asked.
    qtbot.waitUntil(lambda: actions.import_dialog is None, timeout=WAIT)


def visible_steps(window) -> set[Transition]:
    return {t for t, button in window.review_bar.buttons.items() if not button.isHidden()}


def test_the_whole_loop_through_the_windows(qtbot, stores, answers, monkeypatch):
    office, district, folder = stores
    office_id = office.require_installation().office.id
    key = ReportKey(office_id, "1.02.01", PERIOD)

    # The office: enter, submit (the grid freezes), send.
    ow = open_window(qtbot, office, key)
    type_in(ow, "64.11.01", "target", "120")
    type_in(ow, "64.11.01", "served", "100")
    assert visible_steps(ow) == {Transition.SUBMIT}  # an operator submits; returning is not theirs
    assert ow.evidence_dock.widget().add_button.isEnabled()
    ow.review_bar.buttons[Transition.SUBMIT].click()
    assert ow.model.report.status is ReportStatus.SUBMITTED
    assert not editable(ow, "64.11.01", "served")
    assert not ow.evidence_dock.widget().add_button.isEnabled()  # no new evidence on a frozen report
    assert "terkunci" in ow.header.status.text()
    export_bundle(office, PERIOD, folder / "b1.spmb", OFFICE_KEY)

    # The district: receive, pick the office, return with notes.
    dw = open_window(qtbot, district, ReportKey(district.require_installation().office.id, "1.01.01", PERIOD))
    receive(qtbot, dw, monkeypatch, folder / "b1.spmb")
    assert dw.office_action.isVisible()  # the office chooser appears once another office is here
    dw.choose_office(office_id)
    dw.select("1.02.01")
    assert dw.model.key == key and dw.model.figures("64.11.01").target == 120
    assert not editable(dw, "64.11.01", "target")  # another office's figures are only reviewed here
    panel = dw.evidence_dock.widget()
    assert not panel.add_button.isEnabled() and panel.model.rowCount() == 0  # (this report has none)
    assert visible_steps(dw) == {Transition.RETURN, Transition.APPROVE}

    def fill_return(dialog: ReturnDialog) -> int:
        dialog.report_note.setPlainText("Lengkapi berita acara")
        dialog.set_row_note("64.11.01", "Sasaran tidak sesuai data Pusdatin")
        return 1

    monkeypatch.setattr(ReturnDialog, "exec", fill_return)
    dw.review_bar.buttons[Transition.RETURN].click()
    assert dw.model.report.status is ReportStatus.RETURNED
    assert dw.findChild(DecisionActions).action.isVisible()
    assert dw.findChild(DecisionActions).send(DISTRICT_KEY, folder / "d1.spmb") == folder / "d1.spmb"

    # The office: receive the return; the notes show where they apply; correct and resubmit.
    receive(qtbot, ow, monkeypatch, folder / "d1.spmb")
    assert ow.model.report.status is ReportStatus.RETURNED
    assert not ow.review_bar.notes.isHidden() and "Lengkapi berita acara" in ow.review_bar.notes.text()
    area_cell = ow.model.index(ow.model.row_of("64.11.01"), COLUMN_INDEX["area"])
    assert (
        ow.model.data(area_cell, Qt.ItemDataRole.ToolTipRole) == "Catatan pemeriksa: Sasaran tidak sesuai data Pusdatin"
    )
    assert editable(ow, "64.11.01", "target")
    type_in(ow, "64.11.01", "target", "110")
    ow.review_bar.buttons[Transition.SUBMIT].click()
    export_bundle(office, PERIOD, folder / "b2.spmb", OFFICE_KEY)

    # The district: receive the correction, approve, send the approval.
    receive(qtbot, dw, monkeypatch, folder / "b2.spmb")
    dw.choose_office(office_id)
    dw.select("1.02.01")
    assert dw.model.figures("64.11.01").target == 110
    dw.review_bar.buttons[Transition.APPROVE].click()
    assert dw.model.report.status is ReportStatus.APPROVED
    dw.findChild(DecisionActions).send(DISTRICT_KEY, folder / "d2.spmb")

    # The office: approved and frozen everywhere.
    receive(qtbot, ow, monkeypatch, folder / "d2.spmb")
    assert ow.model.report.status is ReportStatus.APPROVED
    assert not editable(ow, "64.11.01", "target") and visible_steps(ow) == set()
    with pytest.raises(UserError, match="berstatus Disetujui"):
        office.reports.set_value(key, "64.11.01", "target", 1)
    history = [(h.transition, h.source_bundle_id is not None) for h in office.review.history(key)]
    assert history == [
        (Transition.SUBMIT, False),
        (Transition.RETURN, True),
        (Transition.SUBMIT, False),
        (Transition.APPROVE, True),
    ]
    assert office.audit.verify().ok and district.audit.verify().ok

    # The district consolidates the approved reports for the province, signed with its own key.
    consolidate = dw.findChild(DecisionActions)
    assert consolidate.consolidate_action.isVisible()
    assert consolidate.consolidate(DISTRICT_KEY, folder / "kabupaten.spmb") == folder / "kabupaten.spmb"
    assert answers[-1][0] == "Rekap konsolidasi terkirim" and answers[-1][1].startswith("1 laporan")
    ow.close()
    office.close()  # the command line takes the folder's lock
    args = ["--data-dir", str(folder / "office"), "--user", "admin"]
    monkeypatch.setenv("SPM_LURING_PASSWORD", "admin-rahasia")
    assert (
        main(
            [
                *args,
                "set",
                "--service",
                "1.02.01",
                "--year",
                "2024",
                "--quarter",
                "3",
                "--area",
                "64.11.01",
                "--target",
                "5",
            ]
        )
        == 1
    )
