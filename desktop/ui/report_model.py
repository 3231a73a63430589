"""The item model of one report: a row per reporting area, the computed columns, and a totals row.

Every accepted edit goes straight to storage (`store.reports.set_values`, one transaction), so
what the grid shows is what is stored; a refused edit changes nothing and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from desktop.domain.catalog import Catalog
from desktop.domain.formatting import format_int
from desktop.domain.messages import UserError
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report, ReportStatus, Totals
from desktop.domain.scoring import ServiceScore, score_service
from desktop.domain.validation import Finding, Severity, row_findings, set_column
from desktop.storage.areas import Area
from desktop.storage.reports import CellEdit, ReportKey, RowChange
from desktop.storage.store import Store
from desktop.ui.i18n import tr_message, tr_user_error
from desktop.ui.report_columns import AREA, COLUMN_INDEX, COLUMNS, COMPUTED, INPUT, ColumnSpec, computed_text, tr_text

Role = Qt.ItemDataRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
FLAGGED = QColor("#fff1c2")  # soft amber: saved, but worth explaining
READ_ONLY = QColor("#f3f4f6")
TOTALS = QColor("#e6edf5")
REVIEW_NOTE = QColor("#fde2e1")  # a row the reviewer wrote a note on
NOTE_TEXT = QColor("#b71c1c")
NOTE_MARK = "⚑"


@dataclass(frozen=True)
class CellChange:
    """One stored value before and after an edit: what undo and redo put back."""

    area_code: str
    column: str
    old: object
    new: object


class ReportTableModel(QAbstractTableModel):
    """One report's rows; edits are checked and stored at once (autosave)."""

    saved = Signal(object)  # list[RowChange] after a durable edit
    refused = Signal(QModelIndex, str)  # where, and the translated reason; nothing was stored
    edited = Signal(object, str)  # list[CellChange], undo label: a user edit the undo stack records
    reportChanged = Signal()  # another report (or none) is shown

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.key: ReportKey | None = None
        self.report: Report | None = None
        self.catalog: Catalog | None = None
        self._areas: list[Area] = []
        self._rows: dict[str, AreaFigures] = {}
        self._previous: dict[str, AreaFigures] = {}
        self._warnings: dict[str, tuple[Finding, ...]] = {}
        self._evidence: dict[str | None, int] = {}
        self._review_notes: dict[str, str] = {}
        self.lock_reason: str | None = None  # why an editable report cannot be changed now (role, deadline)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- loading -------------------------------------------------------------------------

    def set_report(self, key: ReportKey | None) -> None:
        """Shows the report of `key` (re-read from storage), or nothing."""
        self.beginResetModel()
        self.key = key
        if key is None:
            self.report, self.catalog, self._areas = None, None, []
            self._rows, self._previous, self._warnings, self._evidence = {}, {}, {}, {}
            self._review_notes, self.lock_reason = {}, None
        else:
            office = self.store.installation_repo.find_office(key.office_id) or self.store.require_installation().office
            self.report = self.store.reports.get(key)
            self.catalog = self.store.reports.catalog_of(self.report)
            self._areas = self.store.areas.reporting_areas(office.area_level)
            self._rows = {r.area_code: r for r in self.report.rows}
            self._previous = self.store.reports.previous_rows(key)
            self._warnings = {
                code: _warnings(row_findings(row, self._previous.get(code))) for code, row in self._rows.items()
            }
            self._evidence = self.store.evidence.counts_by_area(key)
            notes = self.store.review.notes(key) if self.report.status is ReportStatus.RETURNED else []
            self._review_notes = {n.area_code: n.note for n in notes if n.area_code}
            self.lock_reason = self._lock_reason(key)
        self.endResetModel()
        self.reportChanged.emit()

    def reload(self) -> None:
        """Re-reads the shown report (its status may have changed elsewhere)."""
        self.set_report(self.key)

    def reload_evidence_counts(self) -> None:
        """Re-reads how many evidence files each row has."""
        if self.key is None:
            return
        self._evidence = self.store.evidence.counts_by_area(self.key)
        column = COLUMN_INDEX["evidence"]
        self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column), [Role.DisplayRole])

    # --- what the window asks --------------------------------------------------------------

    @property
    def editable(self) -> bool:
        """Whether the shown report may be changed now: its status, the account's role, the deadline."""
        return self.report is not None and self.report.status.editable and self.lock_reason is None

    def _lock_reason(self, key: ReportKey) -> str | None:
        try:
            self.store.reports.guard(key)
        except UserError as exc:
            return tr_user_error(exc)
        return None

    def review_note(self, area_code: str) -> str | None:
        """The reviewer's note on an area's row in the latest return, if any."""
        return self._review_notes.get(area_code)

    def totals_row(self) -> int:
        """The row number of the Jumlah row."""
        return len(self._areas)

    def area_at(self, row: int) -> Area | None:
        """The area of a row; None for the Jumlah row."""
        return self._areas[row] if 0 <= row < len(self._areas) else None

    def row_of(self, area_code: str) -> int:
        """The row showing an area."""
        return next(i for i, area in enumerate(self._areas) if area.code == area_code)

    def area_label(self, area: Area) -> str:
        """The name a row shows: a kecamatan's name, or what the kabupaten-wide row stands for."""
        if area.level <= 2:
            if area.name.lower().startswith("kota"):
                return self.tr("Tingkat kota (tidak dirinci)")
            return self.tr("Tingkat kabupaten (tidak dirinci)")
        return area.name

    def figures(self, area_code: str) -> AreaFigures:
        """The stored row of an area (empty if nothing was entered)."""
        return self._rows.get(area_code) or AreaFigures(area_code)

    def totals(self) -> Totals:
        """Sums over every row of the report."""
        return Totals.of(self._rows.values())

    def service_score(self) -> ServiceScore | None:
        """The service's achievement and score from the rows as they stand now."""
        if self.key is None or self.catalog is None:
            return None
        return score_service(self.key.service_code, self._rows.values(), self.catalog.scoring)

    def is_input(self, index: QModelIndex) -> bool:
        """Whether a cell is one the operator types into (status aside)."""
        return index.isValid() and COLUMNS[index.column()].kind == INPUT and index.row() < self.totals_row()

    def is_editable(self, index: QModelIndex) -> bool:
        """Whether a cell may be changed now."""
        return self.editable and self.is_input(index)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.key is None:
            return 0
        return len(self._areas) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(QModelIndex(index)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            spec = COLUMNS[section]
            if role == Role.DisplayRole:
                return tr_text(spec.label)
            if role == Role.ToolTipRole and spec.hint is not None:
                return tr_text(spec.hint)
        elif orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            # The grid shows the area in the row header, so it stays in view when scrolling sideways.
            if role in (Role.DisplayRole, Role.ToolTipRole, Role.FontRole, Role.ForegroundRole):
                return self.data(self.index(section, COLUMN_INDEX["area"]), role)
            if role == Role.TextAlignmentRole:
                return int(LEFT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole):
        if not index.isValid() or self.key is None:
            return None
        spec, row = COLUMNS[index.column()], index.row()
        area = self.area_at(row)
        if role == Role.DisplayRole:
            if spec.kind == AREA and area is not None and area.code in self._review_notes:
                return f"{NOTE_MARK} {self._display(spec, area)}"  # the reviewer wrote on this row
            return self._display(spec, area)
        if role == Role.ForegroundRole and spec.kind == AREA and area is not None and area.code in self._review_notes:
            return NOTE_TEXT
        if role == Role.EditRole:
            if spec.kind == INPUT and area is not None:
                return self.figures(area.code).value(spec.name)
            return self._display(spec, area)
        if role == Role.TextAlignmentRole:
            return int(LEFT if spec.kind == AREA or spec.name in TEXTS else RIGHT)
        if role == Role.FontRole and area is None:
            return self._bold
        if role == Role.BackgroundRole:
            if area is None:
                return TOTALS
            if spec.kind == AREA and area.code in self._review_notes:
                return REVIEW_NOTE
            if self._flags(area.code, spec.name):
                return FLAGGED
            if spec.kind == COMPUTED:
                return READ_ONLY
            return None
        if role == Role.ToolTipRole:
            return self._tooltip(spec, area)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Role.EditRole) -> bool:
        if role != Role.EditRole or not self.is_editable(QModelIndex(index)):
            return False
        area = self._areas[index.row()]
        return self._write(
            [CellEdit(area.code, COLUMNS[index.column()].name, value)], QModelIndex(index), self.tr("isi sel")
        )

    # --- batch edits -----------------------------------------------------------------------

    def set_block(self, top_left: QModelIndex, rows_of_values: list[list[object]]) -> bool:
        """Stores a pasted block starting at `top_left`: every cell, or none (one transaction)."""
        if not top_left.isValid() or not rows_of_values:
            return False
        problem = self._block_problem(top_left, rows_of_values)
        if problem:
            self.refused.emit(top_left, problem)
            return False
        edits = [
            CellEdit(self._areas[top_left.row() + r].code, COLUMNS[top_left.column() + c].name, value)
            for r, values in enumerate(rows_of_values)
            for c, value in enumerate(values)
        ]
        return self._write(edits, top_left, self.tr("tempel"))

    def clear_cells(self, indexes: list[QModelIndex]) -> bool:
        """Empties the given input cells in one transaction (read-only cells are left alone)."""
        cells = [i for i in indexes if self.is_editable(i)]
        if not cells:
            return False
        edits = [CellEdit(self._areas[i.row()].code, COLUMNS[i.column()].name, None) for i in cells]
        return self._write(edits, cells[0], self.tr("hapus isi"))

    def apply_values(self, values: list[tuple[str, str, object]]) -> bool:
        """Stores (area, column, value) triples as one edit that the undo stack does not record."""
        if not values or self.key is None:
            return False
        first = self.index(self.row_of(values[0][0]), COLUMN_INDEX[values[0][1]])
        return self._write([CellEdit(*v) for v in values], first, None)

    def _block_problem(self, top_left: QModelIndex, rows_of_values: list[list[object]]) -> str | None:
        if not self.editable:
            return self.tr("Laporan ini tidak dapat diubah karena statusnya bukan draf.")
        if top_left.row() + len(rows_of_values) > self.totals_row():
            return self.tr(
                "Blok yang ditempel berisi {rows} baris, tetapi dari baris ini hanya ada {room} baris wilayah."
            ).format(rows=len(rows_of_values), room=self.totals_row() - top_left.row())
        width = max(len(values) for values in rows_of_values)
        for offset in range(width):
            column = top_left.column() + offset
            if column >= len(COLUMNS):
                return self.tr("Blok yang ditempel berisi {columns} kolom dan melewati kolom terakhir.").format(
                    columns=width
                )
            if COLUMNS[column].kind != INPUT:
                return self.tr("Blok yang ditempel mengenai kolom {column}, yang tidak dapat diisi.").format(
                    column=tr_text(COLUMNS[column].label)
                )
        return None

    def _write(self, edits: list[CellEdit], anchor: QModelIndex, undo_label: str | None) -> bool:
        if self.key is None:
            return False
        if self._unchanged(edits):
            return True  # an editor opened and closed without a change: nothing to store or undo
        try:
            changes = self.store.reports.set_values(self.key, edits)
        except UserError as exc:
            self.refused.emit(anchor, tr_user_error(exc))
            return False
        cell_changes = self._take(changes)
        if undo_label is not None and cell_changes:
            self.edited.emit(cell_changes, undo_label)
        self.saved.emit(changes)
        return True

    def _unchanged(self, edits: list[CellEdit]) -> bool:
        rows = {}
        try:
            for edit in edits:
                row = rows.get(edit.area_code) or self.figures(edit.area_code)
                rows[edit.area_code] = set_column(row, edit.column, edit.value)
        except UserError:
            return False  # storage refuses it with the area's name in the message
        return all(row == self.figures(code) for code, row in rows.items())

    def _take(self, changes: list[RowChange]) -> list[CellChange]:
        taken = []
        for change in changes:
            old = self.figures(change.area_code)
            for column in FIGURES + TEXTS:
                before, after = getattr(old, column), getattr(change.row, column)
                if before != after:
                    taken.append(CellChange(change.area_code, column, before, after))
            self._rows[change.area_code] = change.row
            self._warnings[change.area_code] = _warnings(change.findings)
            row = next((i for i, a in enumerate(self._areas) if a.code == change.area_code), None)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        totals = self.totals_row()
        self.dataChanged.emit(self.index(totals, 0), self.index(totals, len(COLUMNS) - 1))
        return taken

    # --- cell contents -----------------------------------------------------------------------

    def _display(self, spec: ColumnSpec, area: Area | None) -> str:
        if area is None:
            return self._totals_display(spec)
        row = self.figures(area.code)
        if spec.kind == AREA:
            return self.area_label(area)
        if spec.name in TEXTS:
            return " ".join(row.value(spec.name).split())  # one line in the grid; the tooltip has it all
        if spec.kind == INPUT:
            return format_int(row.value(spec.name))
        if spec.name == "evidence":
            count = self._evidence.get(area.code, 0)
            return format_int(count) if count else ""
        return computed_text(spec.name, row)

    def _totals_display(self, spec: ColumnSpec) -> str:
        totals = self.totals()
        if spec.kind == AREA:
            return self.tr("Jumlah")
        if spec.name in TEXTS:
            return ""
        if spec.kind == INPUT:
            return format_int(getattr(totals, spec.name))
        if spec.name == "evidence":
            count = sum(self._evidence.values())
            return format_int(count) if count else ""
        return computed_text(spec.name, totals)

    def _flags(self, area_code: str, column: str) -> list[Finding]:
        return [f for f in self._warnings.get(area_code, ()) if f.column == column]

    def _tooltip(self, spec: ColumnSpec, area: Area | None) -> str | None:
        if area is None:
            return self.tr("Jumlah seluruh baris laporan") if spec.kind == AREA else None
        reasons = [tr_message(f.message) for f in self._flags(area.code, spec.name)]
        if reasons:
            return "\n".join(reasons)
        if spec.kind == AREA and (note := self._review_notes.get(area.code)):
            return self.tr("Catatan pemeriksa: {note}").format(note=note)
        if spec.kind == AREA:
            if area.level <= 2:
                if self.store.require_installation().office.area_level == "desa":
                    text = self.tr(
                        "{name} ({code}): angka yang tidak dirinci per desa/kelurahan, misalnya layanan di rumah sakit daerah."
                    )
                else:
                    text = self.tr(
                        "{name} ({code}): angka yang tidak dirinci per kecamatan, misalnya layanan di rumah sakit daerah."
                    )
                return text.format(name=area.name, code=area.code)
            return self.tr("Kode wilayah: {code}").format(code=area.code)
        if spec.name in TEXTS:
            return self.figures(area.code).value(spec.name) or None
        if spec.name == "achievement" and self.figures(area.code).target == 0:
            return self.tr("Sasaran 0: tidak berlaku, tidak dihitung")
        return None


def _warnings(findings) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.severity is Severity.WARNING)
