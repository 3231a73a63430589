"""The list of a report's evidence files (data dukung), as a read-only table model."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.formatting import format_date, format_decimal
from desktop.storage.evidence import EvidenceItem

NAME, AREA, TYPE, SIZE, ADDED, DESCRIPTION = range(6)
KIB, MIB, GIB = 1024, 1024**2, 1024**3

_Index = QModelIndex | QPersistentModelIndex


def format_size(size: int) -> str:
    """12_345 -> "13 KB"; 1_250_000 -> "1,2 MB" (as file managers show it, rounded up below 1 MB)."""
    if size < MIB:
        return f"{max(1, math.ceil(size / KIB))} KB" if size else "0 KB"
    if size < GIB:
        return f"{format_decimal(size / MIB, 1)} MB"
    return f"{format_decimal(size / GIB, 1)} GB"


def format_timestamp(iso_utc: str) -> str:
    """ "2024-10-31T06:05:00.000Z" -> "31 Oktober 2024 14.05" in the computer's time zone."""
    try:
        moment = datetime.fromisoformat(iso_utc).astimezone()
    except ValueError:
        return iso_utc
    return f"{format_date(moment.date())} {moment:%H.%M}"


class EvidenceModel(QAbstractTableModel):
    """Rows are EvidenceItems; the Wilayah column is shown only for the whole report."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[EvidenceItem] = []
        self._area_names: dict[str, str] = {}
        self._columns = [NAME, TYPE, SIZE, ADDED, DESCRIPTION]

    def set_items(self, items: list[EvidenceItem], area_names: dict[str, str] | None = None) -> None:
        """Shows these files; with area_names, a Wilayah column names each file's area."""
        self.beginResetModel()
        self._items = list(items)
        self._area_names = dict(area_names or {})
        self._columns = [NAME, AREA, TYPE, SIZE, ADDED, DESCRIPTION] if area_names is not None else [
            NAME, TYPE, SIZE, ADDED, DESCRIPTION,
        ]  # fmt: skip
        self.endResetModel()

    def item(self, row: int) -> EvidenceItem:
        """The file shown in a row."""
        return self._items[row]

    def column_of(self, kind: int) -> int:
        """Where a column kind (NAME, AREA, …) is shown, or -1."""
        return self._columns.index(kind) if kind in self._columns else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self._columns):
            return None
        return {
            NAME: self.tr("Nama berkas"),
            AREA: self.tr("Wilayah"),
            TYPE: self.tr("Jenis"),
            SIZE: self.tr("Ukuran"),
            ADDED: self.tr("Tanggal"),
            DESCRIPTION: self.tr("Keterangan"),
        }[self._columns[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items) or index.column() >= len(self._columns):
            return None
        item, kind = self._items[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == NAME:
                return self.tr("{name}\nDitambahkan oleh {who}\nSHA-256: {sha}").format(
                    name=item.original_name, who=item.added_by, sha=item.sha256
                )
            return self._text(item, kind) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and kind == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: EvidenceItem, kind: int) -> str:
        if kind == NAME:
            return item.original_name
        if kind == AREA:
            if item.area_code is None:
                return self.tr("Seluruh laporan")
            return self._area_names.get(item.area_code, item.area_code)
        if kind == TYPE:
            return item.type_label
        if kind == SIZE:
            return format_size(item.size)
        if kind == ADDED:
            return format_timestamp(item.added_at)
        return item.description
