"""The report grid, driven by keys and the clipboard; every check is on the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.domain.reports import FIGURES
from desktop.storage.reports import CellEdit
from desktop.ui.report_columns import COLUMN_INDEX
from desktop.ui.report_model import FLAGGED
from tests.ui.helpers import AREAS, cell, editor, go_to, open_window, stored, type_value

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, store, key):
    return open_window(qtbot, store, key)


def row_sets(store):
    return [e for e in store.audit.entries() if e.action == "row.set"]


def test_typing_and_enter_stores_the_value_and_moves_down(qtbot, window, store, key):
    go_to(window, AREAS[0], "target")
    type_value(qtbot, window, "1.250")
    qtbot.waitUntil(lambda: stored(store, key, AREAS[0], "target") == 1250)
    assert window.save_state.text().startswith("Tersimpan")
    current = window.grid.currentIndex()
    assert (current.row(), current.column()) == (1, COLUMN_INDEX["target"])
    assert window.grid.currentIndex().siblingAtRow(0).data() == "1.250"
    assert cell(window, AREAS[0], "target").data(Qt.ItemDataRole.EditRole) == 1250


def test_tab_moves_right_skipping_read_only_columns(qtbot, window):
    go_to(window, AREAS[0], "served")
    qtbot.keyClick(window.grid, Qt.Key.Key_Tab)
    assert window.grid.currentIndex() == cell(window, AREAS[0], "quality_required")
    qtbot.keyClick(window.grid, Qt.Key.Key_Backtab, SHIFT)
    assert window.grid.currentIndex() == cell(window, AREAS[0], "served")
    go_to(window, AREAS[0], "follow_up")  # the last input column: Tab goes on to the next row
    qtbot.keyClick(window.grid, Qt.Key.Key_Tab)
    assert window.grid.currentIndex() == cell(window, AREAS[1], "target")


def test_tab_while_typing_stores_and_moves_to_the_next_input(qtbot, window, store, key):
    go_to(window, AREAS[2], "target")
    type_value(qtbot, window, "300", end=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(store, key, AREAS[2], "target") == 300)
    assert window.grid.currentIndex() == cell(window, AREAS[2], "served")
    type_value(qtbot, window, "120", end=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(store, key, AREAS[2], "served") == 120)
    # Belum terlayani and Capaian are computed: the cursor jumps over them.
    assert window.grid.currentIndex() == cell(window, AREAS[2], "quality_required")


def test_enter_without_editing_moves_down(qtbot, window):
    go_to(window, AREAS[0], "budget")
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    assert window.grid.currentIndex() == cell(window, AREAS[1], "budget")


def test_paste_block_stores_six_values_in_one_transaction(qtbot, window, store, key, monkeypatch):
    calls = []
    real = store.reports.set_values
    monkeypatch.setattr(store.reports, "set_values", lambda k, edits: calls.append(list(edits)) or real(k, edits))
    go_to(window, AREAS[1], "target")
    QGuiApplication.clipboard().setText("1.250\t1.100\r\n980\t900\r\n1500\t1.499\r\n")
    with qtbot.waitSignal(window.model.saved):
        qtbot.keyClick(window.grid, Qt.Key.Key_V, CTRL)
    report = store.reports.get(key)
    got = [(report.row(a).target, report.row(a).served) for a in AREAS[1:4]]
    assert got == [(1250, 1100), (980, 900), (1500, 1499)]
    assert len(calls) == 1 and len(calls[0]) == 6
    assert len(row_sets(store)) == 6
    assert window.save_state.text().startswith("Tersimpan")


def test_bad_paste_changes_nothing_and_says_why(qtbot, window, store, key):
    go_to(window, AREAS[0], "target")
    QGuiApplication.clipboard().setText("100\t90\n80\tdelapan\n70\t60\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, CTRL)
    assert store.reports.get(key).rows == ()
    assert row_sets(store) == []
    assert window.message_bar.isVisible()
    assert "delapan" in window.message_bar.text() and "bukan bilangan bulat" in window.message_bar.text()
    assert window.save_state.text().startswith("Tidak tersimpan")


def test_paste_reaching_a_computed_column_is_refused(qtbot, window, store, key):
    go_to(window, AREAS[0], "target")
    QGuiApplication.clipboard().setText("100\t90\t10\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, CTRL)
    assert store.reports.get(key).rows == ()
    assert "Belum terlayani" in window.message_bar.text()


def test_paste_past_the_last_area_is_refused(qtbot, window, store, key):
    go_to(window, AREAS[4], "target")
    QGuiApplication.clipboard().setText("1\n2\n3\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, CTRL)
    assert store.reports.get(key).rows == ()
    assert window.message_bar.isVisible()


@pytest.mark.parametrize(("typed", "reason"), [("abc", "bukan bilangan bulat"), ("-5", "tidak boleh negatif")])
def test_bad_typed_value_is_refused_with_a_visible_message(qtbot, window, store, key, typed, reason):
    store.reports.set_value(key, AREAS[0], "target", 40)
    window.model.reload()
    go_to(window, AREAS[0], "target")
    qtbot.keyClick(window.grid, typed[0])
    qtbot.keyClicks(editor(window), typed[1:])
    assert editor(window).property("invalid") is True  # flagged while typing, before Enter
    qtbot.keyClick(editor(window), Qt.Key.Key_Return)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert reason in window.message_bar.text()
    assert window.save_state.text().startswith("Tidak tersimpan")
    assert stored(store, key, AREAS[0], "target") == 40
    assert cell(window, AREAS[0], "target").data() == "40"
    assert window.grid.currentIndex() == cell(window, AREAS[0], "target")  # stays on the refused cell


def test_quality_met_above_required_is_refused(qtbot, window, store, key):
    go_to(window, AREAS[0], "quality_required")
    type_value(qtbot, window, "4", end=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(store, key, AREAS[0], "quality_required") == 4)
    type_value(qtbot, window, "5")
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "melebihi" in window.message_bar.text()
    assert stored(store, key, AREAS[0], "quality_met") is None


def test_undo_and_redo_put_stored_values_back(qtbot, window, store, key):
    go_to(window, AREAS[0], "served")
    type_value(qtbot, window, "100")
    qtbot.waitUntil(lambda: stored(store, key, AREAS[0], "served") == 100)
    go_to(window, AREAS[0], "served")
    type_value(qtbot, window, "200")
    qtbot.waitUntil(lambda: stored(store, key, AREAS[0], "served") == 200)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    assert stored(store, key, AREAS[0], "served") == 100
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    assert stored(store, key, AREAS[0], "served") is None
    qtbot.keyClick(window.grid, Qt.Key.Key_Y, CTRL)
    assert stored(store, key, AREAS[0], "served") == 100
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(store, key, AREAS[0], "served") == 200
    # Each undo and redo is itself a stored, audited edit.
    assert [e.after for e in row_sets(store)][:4] == [200, 100, None, 100]
    assert cell(window, AREAS[0], "served").data() == "200"


def test_delete_clears_the_selected_inputs_as_one_undo_step(qtbot, window, store, key):
    store.reports.set_values(key, [CellEdit(a, c, 10) for a in AREAS[:2] for c in ("target", "served")])
    window.model.reload()
    top, bottom = cell(window, AREAS[0], "target"), cell(window, AREAS[1], "achievement")
    window.grid.setCurrentIndex(top)
    window.grid.selectionModel().select(
        type(window.grid.selectionModel().selection())(top, bottom),
        window.grid.selectionModel().SelectionFlag.ClearAndSelect,
    )
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    report = store.reports.get(key)
    assert all(report.row(a).value(c) is None for a in AREAS[:2] for c in ("target", "served"))
    assert window.grid.undo_stack.count() == 1
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, CTRL)
    report = store.reports.get(key)
    assert all(report.row(a).value(c) == 10 for a in AREAS[:2] for c in ("target", "served"))


def test_copy_gives_tab_separated_raw_numbers(qtbot, window, store, key):
    store.reports.set_values(key, [CellEdit(AREAS[0], "target", 1250), CellEdit(AREAS[0], "served", 1000)])
    store.reports.set_values(key, [CellEdit(AREAS[1], "target", 40), CellEdit(AREAS[1], "served", 20)])
    window.model.reload()
    top, bottom = cell(window, AREAS[0], "target"), cell(window, AREAS[1], "served")
    model = window.grid.selectionModel()
    model.select(type(model.selection())(top, bottom), model.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(window.grid, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "1250\t1000\n40\t20\n"


def test_totals_score_and_band_update_as_you_type(qtbot, window, store, key):
    go_to(window, AREAS[0], "target")
    type_value(qtbot, window, "100", end=Qt.Key.Key_Tab)
    type_value(qtbot, window, "65")
    qtbot.waitUntil(lambda: "Tuntas Muda" in window.header.band.text())
    assert "65,00 %" in window.header.totals.text()
    totals = window.model.totals_row()
    assert window.model.index(totals, COLUMN_INDEX["achievement"]).data() == "65,00 %"
    go_to(window, AREAS[0], "served")
    type_value(qtbot, window, "95")
    qtbot.waitUntil(lambda: "Tuntas Utama" in window.header.band.text())
    assert window.model.index(totals, COLUMN_INDEX["not_served"]).data() == "5"
    assert window.tree._items["1.02.01"].text(1) == "95,00"


def test_warnings_flag_the_cell_with_the_reason(qtbot, window, store, key):
    go_to(window, AREAS[3], "target")
    type_value(qtbot, window, "10", end=Qt.Key.Key_Tab)
    type_value(qtbot, window, "12")
    qtbot.waitUntil(lambda: stored(store, key, AREAS[3], "served") == 12)  # saved, but flagged
    served = cell(window, AREAS[3], "served")
    assert served.data(Qt.ItemDataRole.BackgroundRole) == FLAGGED
    assert "melebihi sasaran" in served.data(Qt.ItemDataRole.ToolTipRole)


def test_submitted_report_refuses_edits(qtbot, store, key):
    store.reports.set_value(key, AREAS[0], "target", 50)
    with store.database.write() as conn:
        conn.execute("UPDATE reports SET status = 'submitted'")
    window = open_window(qtbot, store, key)
    assert "Diajukan" in window.header.status.text()
    index = go_to(window, AREAS[0], "target")
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    qtbot.keyClick(window.grid, "7")
    assert editor(window) is None
    QGuiApplication.clipboard().setText("1\t2\n")
    qtbot.keyClick(window.grid, Qt.Key.Key_V, CTRL)
    assert window.message_bar.isVisible()
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    assert not window.model.setData(index, "9")
    assert store.reports.get(key).row(AREAS[0]).target == 50


def test_model_passes_qtmodeltester(qtmodeltester, window, store, key):
    store.reports.set_values(
        key, [CellEdit(a, c, i * 10 + 5) for i, a in enumerate(AREAS) for c in FIGURES if c != "quality_met"]
    )
    window.model.reload()
    qtmodeltester.check(window.model)
