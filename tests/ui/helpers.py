"""Driving the report grid the way an operator does: select a cell, type, press keys."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from desktop.storage.reports import ReportKey
from desktop.ui.app import create_main_window
from desktop.ui.main_window import MainWindow
from desktop.ui.report_columns import COLUMN_INDEX

AREAS = ("64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05")


def open_window(qtbot, store, key: ReportKey) -> MainWindow:
    """The main window, shown, with the report of `key` selected."""
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select(key.service_code, key.period)
    assert window.model.key == key
    window.grid.setFocus()
    return window


def cell(window: MainWindow, area_code: str, column: str) -> QModelIndex:
    """The grid index of an area's column."""
    return window.model.index(window.model.row_of(area_code), COLUMN_INDEX[column])


def go_to(window: MainWindow, area_code: str, column: str) -> QModelIndex:
    """Makes a cell the current one."""
    index = cell(window, area_code, column)
    window.grid.setCurrentIndex(index)
    return index


def editor(window: MainWindow) -> QLineEdit | None:
    """The open cell editor, if any."""
    found = window.grid.viewport().findChildren(QLineEdit)
    return found[0] if found else None


def type_value(qtbot, window: MainWindow, text: str, end=Qt.Key.Key_Return) -> None:
    """Types into the current cell (the first key opens the editor, as in a spreadsheet), then `end`."""
    qtbot.keyClick(window.grid, text[0])
    line = editor(window)
    assert line is not None, "typing on a cell did not open its editor"
    qtbot.keyClicks(line, text[1:])
    qtbot.keyClick(line, end)
    qtbot.waitUntil(lambda: editor(window) is None)


def stored(store, key: ReportKey, area_code: str, column: str):
    """What the database holds for a cell."""
    return store.reports.get(key).row(area_code).value(column)
