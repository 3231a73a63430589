"""The office's services, grouped by field (bidang), each with its score and band in the period."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.domain.catalog import Catalog
from desktop.domain.scoring import DistrictScore
from desktop.ui.bands import band_colour, band_of, score_text

CODE_ROLE = Qt.ItemDataRole.UserRole
NAME_COLUMN, SCORE_COLUMN = 0, 1


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped name: QTreeView does not tell the delegate its column width."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != NAME_COLUMN:
            return size
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.header().sectionSize(NAME_COLUMN) - self.tree.indentation() * depth - 8
        if width <= 0:
            return size
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, index.data())
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


class ServiceTree(QTreeWidget):
    """Fields as parents, services as children; `serviceSelected(code)` when the user picks one."""

    serviceSelected = Signal(str)

    def __init__(self, catalog: Catalog, services: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self._items: dict[str, QTreeWidgetItem] = {}
        self._fields: dict[str, QTreeWidgetItem] = {}
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Jenis pelayanan dasar"), self.tr("Nilai")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCORE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Service names are long and alike ("Pelayanan kesehatan …"): wrap them rather than cut them.
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setAccessibleName(self.tr("Daftar jenis pelayanan dasar"))
        self.set_services(services)
        self.currentItemChanged.connect(self._current_changed)
        # Wrapped rows take their height from the column width: lay them out again when it changes.
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def set_services(self, services: tuple[str, ...]) -> None:
        """Shows these services (another office's, in district mode), grouped by field, without scores."""
        self.clear()
        self._items.clear()
        self._fields.clear()
        wanted = set(services)
        for field in self.catalog.fields:
            chosen = [s for s in field.services if s.code in wanted]
            if not chosen:
                continue
            group = QTreeWidgetItem(self, [field.name, ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setToolTip(NAME_COLUMN, f"{field.code} {field.name}")
            font = group.font(NAME_COLUMN)
            font.setBold(True)
            group.setFont(NAME_COLUMN, font)
            group.setFont(SCORE_COLUMN, font)
            self._fields[field.code] = group
            for service in chosen:
                # The number part of the code (01, 02 …) keeps the label short; the full code is in the tooltip.
                item = QTreeWidgetItem(group, [f"{service.code.rsplit('.', 1)[-1]}  {service.name}", "—"])
                item.setData(NAME_COLUMN, CODE_ROLE, service.code)
                item.setToolTip(NAME_COLUMN, f"{service.code} {service.name}")
                item.setTextAlignment(SCORE_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._items[service.code] = item
            group.setTextAlignment(SCORE_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.expandAll()

    def services(self) -> list[str]:
        """The service codes shown, in catalog order."""
        return list(self._items)

    def current_service(self) -> str | None:
        """The code of the selected service, or None."""
        item = self.currentItem()
        return item.data(NAME_COLUMN, CODE_ROLE) if item is not None else None

    def select_service(self, code: str) -> bool:
        """Selects a service (emitting serviceSelected); False when the office does not report it."""
        item = self._items.get(code)
        if item is None:
            return False
        self.setCurrentItem(item)
        return True

    def set_scores(self, result: DistrictScore) -> None:
        """Shows each service's and field's score for the period, coloured by band."""
        for field_score in result.fields:
            group = self._fields.get(field_score.field_code)
            if group is not None:
                self._show(group, field_score.score, self.tr("Rata-rata nilai bidang"))
            for service in field_score.services:
                if item := self._items.get(service.service_code):
                    self._show(item, service.score, self.tr("Nilai jenis pelayanan"))

    def _show(self, item: QTreeWidgetItem, score: float | None, what: str) -> None:
        rules = self.catalog.scoring
        band = band_of(rules, score)
        item.setText(SCORE_COLUMN, score_text(score))
        item.setForeground(SCORE_COLUMN, band_colour(rules, band))
        if band is None:
            item.setToolTip(SCORE_COLUMN, self.tr("Belum ada data pada triwulan ini"))
        else:
            item.setToolTip(SCORE_COLUMN, f"{what}: {score_text(score)} — {band.label}")

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        code = current.data(NAME_COLUMN, CODE_ROLE) if current is not None else None
        if code:
            self.serviceSelected.emit(code)
