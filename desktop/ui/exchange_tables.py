"""Small read-only tables of the key and bundle dialogs: one text per cell, optional colours and tips."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One table row: its cell texts, what it stands for, and how it looks."""

    cells: tuple[str, ...]
    value: Any = None  # the object behind the row (a key, a report plan…)
    tooltips: dict[int, str] = field(default_factory=dict)
    colour: dict[int, str] = field(default_factory=dict)  # column -> "#rrggbb"
    bold: frozenset[int] = frozenset()


class RowsModel(QAbstractTableModel):
    """A read-only table of Rows under fixed headers."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        right_aligned: Sequence[int] = (),
        monospace: Sequence[int] = (),
    ):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self._right = set(right_aligned)
        self._mono = set(monospace)
        self._fixed_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Shows these rows instead of the ones before."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row:
        """The Row shown at a position."""
        return self._rows[number]

    def rows(self) -> list[Row]:
        """Every row, in order."""
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._headers):
            return None
        row, column = self._rows[index.row()], index.column()
        text = row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltips.get(column) or (text if len(text) > 30 else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right and not _is_words(text):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in row.colour:
            return QBrush(QColor(row.colour[column]))
        if role == Qt.ItemDataRole.FontRole and (column in self._mono or column in row.bold):
            font = QFont(self._fixed_font) if column in self._mono else QFont()
            font.setBold(column in row.bold)
            return font
        return None


def _is_words(text: str) -> bool:
    """Whether a cell holds words (left-aligned even in a column of figures) rather than a figure."""
    return sum(ch.isalpha() for ch in text) > 1 and not text[:1].isdigit()


def make_table(
    model: RowsModel, parent: QWidget | None = None, *, stretch: int | Sequence[int] | None = None
) -> QTableView:
    """A table view as the dialogs use it: whole rows selected, one at a time, nothing editable."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        for column in [stretch] if isinstance(stretch, int) else stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def selected_row(table: QTableView) -> Row | None:
    """The Row selected in a table made by make_table, or None."""
    rows = table.selectionModel().selectedRows()
    model = table.model()
    return model.row(rows[0].row()) if rows and isinstance(model, RowsModel) else None
