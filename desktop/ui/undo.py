"""Undo and redo of grid edits: each step puts values back through the model, as a stored, audited edit."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.ui.report_model import CellChange, ReportTableModel


class CellsCommand(QUndoCommand):
    """One user edit (a typed value, a paste, a clear) over one or more cells of a report.

    The edit is already stored when the command is pushed, so the first redo() does nothing.
    """

    def __init__(self, model: ReportTableModel, changes: list[CellChange], text: str):
        super().__init__(text)
        self.model, self.changes = model, list(changes)
        self.key = model.key
        self._stored = True

    def undo(self) -> None:
        self._apply([(c.area_code, c.column, c.old) for c in self.changes])

    def redo(self) -> None:
        if self._stored:
            self._stored = False
            return
        self._apply([(c.area_code, c.column, c.new) for c in self.changes])

    def _apply(self, values: list[tuple[str, str, object]]) -> None:
        # A refused step (the report was submitted meanwhile, say) is dropped from the stack:
        # the model has already shown why.
        if self.model.key != self.key or not self.model.apply_values(values):
            self.setObsolete(True)


class ReportUndoStack(QUndoStack):
    """The undo stack of the grid's model: records each user edit; cleared when another report is shown."""

    def __init__(self, model: ReportTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        model.edited.connect(self._record)
        model.reportChanged.connect(self.clear)

    def _record(self, changes: list[CellChange], text: str) -> None:
        self.push(CellsCommand(self.model, changes, text))
