"""The report grid: spreadsheet keys, copy and paste of blocks from Excel/LibreOffice, undo and redo."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.domain.formatting import format_int
from desktop.domain.messages import UserError
from desktop.domain.reports import FIGURES
from desktop.domain.validation import MAX_TEXT, parse_figure
from desktop.ui.i18n import tr_user_error
from desktop.ui.report_columns import COLUMN_INDEX, COLUMNS, INPUT
from desktop.ui.report_model import ReportTableModel
from desktop.ui.undo import ReportUndoStack

Hint = QAbstractItemDelegate.EndEditHint
Action = QAbstractItemView.CursorAction
# Widths at which the headers and Indonesian-formatted figures fit (billions of rupiah included).
WIDTHS = {"area": 190, "problems": 220, "follow_up": 220, "budget": 130, "spent": 130, "evidence": 80}
NUMBER_WIDTH = 96


class FigureValidator(QValidator):
    """Lets every keystroke through (a blocked key would be lost silently) and marks what will not parse.

    Digits and dots ("1.250") are valid; anything else turns the editor red with the reason in its
    tooltip, and committing it is refused by the domain's check with the same reason beside the cell.
    """

    def __init__(self, column: str, editor: QLineEdit):
        super().__init__(editor)
        self.column, self.editor = column, editor

    def validate(self, text: str, pos: int):
        try:
            parse_figure(self.column, text)
        except UserError as exc:
            self.editor.setProperty("invalid", True)
            self.editor.setStyleSheet("QLineEdit { border: 2px solid #c62828; }")
            self.editor.setToolTip(tr_user_error(exc))
        else:
            self.editor.setProperty("invalid", False)
            self.editor.setStyleSheet("")
            self.editor.setToolTip("")
        return QValidator.State.Acceptable, text, pos


class CellDelegate(QStyledItemDelegate):
    """A line editor for every input cell: figures shown Indonesian-formatted, texts as typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        column = COLUMNS[index.column()].name
        if column in FIGURES:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setValidator(FigureValidator(column, editor))
        else:
            editor.setMaxLength(MAX_TEXT)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, int):
            editor.setText(format_int(value))
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ReportGrid(QTableView):
    """The table of one report; `problem(text)` when an edit or paste is refused."""

    problem = Signal(str)

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        # The corner above the row headers names them (made first: setModel lays the view out).
        self.corner = QLabel(self.tr("Wilayah"), self)
        self.corner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.corner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setModel(model)
        self.report_model = model
        self.undo_stack = ReportUndoStack(model, self)
        self._refused = False
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        # The area names are the row headers: they stay in view while the figures scroll sideways.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 12)
        rows.setMinimumWidth(WIDTHS["area"])
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 12)
        header.setHighlightSections(False)
        self.setAccessibleName(self.tr("Isian laporan"))
        model.refused.connect(self._on_refused)
        model.modelReset.connect(self._apply_widths)
        self._apply_widths()

    # --- layout ----------------------------------------------------------------------------

    def _apply_widths(self) -> None:
        for i, spec in enumerate(COLUMNS):
            self.setColumnWidth(i, WIDTHS.get(spec.name, NUMBER_WIDTH))
        self.setColumnHidden(COLUMN_INDEX["area"], True)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        frame = self.frameWidth()
        self.corner.setGeometry(frame, frame, self.verticalHeader().width(), self.horizontalHeader().height())

    # --- keys --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_stack.undo()
                return
            if event.matches(QKeySequence.StandardKey.Redo) or _is_redo(event):
                self.undo_stack.redo()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down()
                return
        super().keyPressEvent(event)

    def moveCursor(self, action: Action, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        # Tab and Shift+Tab go from input cell to input cell, row by row, never into read-only columns.
        if action in (Action.MoveNext, Action.MovePrevious):
            return self._next_input(self.currentIndex(), forward=action == Action.MoveNext)
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        refused, self._refused = self._refused, False
        if hint in (Hint.SubmitModelCache, Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            if refused:
                return  # stay on the refused cell, its reason beside it
            if hint == Hint.SubmitModelCache:
                self._move_down()
            else:
                self.setCurrentIndex(self._next_input(self.currentIndex(), forward=hint == Hint.EditNextItem))
            return
        super().closeEditor(editor, hint)

    def _move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            row = min(current.row() + 1, self.report_model.totals_row() - 1)
            self.setCurrentIndex(self.report_model.index(row, current.column()))

    def _next_input(self, current: QModelIndex, forward: bool) -> QModelIndex:
        model = self.report_model
        inputs = [i for i, spec in enumerate(COLUMNS) if spec.kind == INPUT]
        if not current.isValid() or not inputs:
            return current
        row, column = current.row(), current.column()
        if forward:
            later = [c for c in inputs if c > column]
            if later:
                return model.index(row, later[0])
            return model.index(row + 1, inputs[0]) if row + 1 < model.totals_row() else current
        earlier = [c for c in inputs if c < column]
        if earlier:
            return model.index(row, earlier[-1])
        return model.index(row - 1, inputs[-1]) if row > 0 else current

    # --- clipboard and clearing ------------------------------------------------------------

    def copy_selection(self) -> None:
        """Copies the selected cells as tab-separated lines (raw numbers, so spreadsheets read them)."""
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for row in range(rows[0], rows[-1] + 1):
            cells = []
            for column in range(columns[0], columns[-1] + 1):
                cells.append(self._copy_text(row, column) if (row, column) in chosen else "")
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def _copy_text(self, row: int, column: int) -> str:
        index = self.report_model.index(row, column)
        value = index.data(Qt.ItemDataRole.EditRole) if self.report_model.is_input(index) else index.data()
        text = "" if value is None else str(value)
        return " ".join(text.split())  # a tab or newline inside a text would break the block apart

    def paste(self) -> bool:
        """Pastes a tab-separated block at the current cell: all of it stored, or none with the reason."""
        current = self.currentIndex()
        block = parse_block(QGuiApplication.clipboard().text())
        if not current.isValid() or not block:
            self._show_problem(current, self.tr("Papan klip kosong: salin dulu sel dari lembar kerja."))
            return False
        self._refused = False
        return self.report_model.set_block(current, block)

    def clear_selection(self) -> bool:
        """Empties the selected input cells as one undo step."""
        return self.report_model.clear_cells(self.selectedIndexes() or [self.currentIndex()])

    # --- refusals ------------------------------------------------------------------------------

    def _on_refused(self, index: QModelIndex, message: str) -> None:
        self._refused = True
        self._show_problem(index, message)

    def _show_problem(self, index: QModelIndex, message: str) -> None:
        if index.isValid():
            rect = self.visualRect(index)
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self.viewport(), rect, 8000)
        self.problem.emit(message)


def parse_block(text: str) -> list[list[str]]:
    """Cells of a block copied from a spreadsheet: lines of tab-separated values (quoted cells allowed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text.strip():
        return []
    # A blank line is one empty cell (a single-column copy with a gap), not nothing.
    return [row or [""] for row in csv.reader(io.StringIO(text), delimiter="\t")]


def _is_redo(event: QKeyEvent) -> bool:
    # Ctrl+Y and Ctrl+Shift+Z both redo, whatever the platform's standard key says.
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    mods = event.modifiers()
    return (event.key() == Qt.Key.Key_Y and mods == ctrl) or (event.key() == Qt.Key.Key_Z and mods == ctrl | shift)
