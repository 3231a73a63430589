"""A checklist of the catalog's service types (jenis pelayanan dasar), grouped by field (bidang)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.catalog import Catalog

CODE_ROLE = Qt.ItemDataRole.UserRole
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ServicePicker(QTreeWidget):
    """Every service type as a check box under its field; a field's box ticks all of its services."""

    checkedChanged = Signal()  # the ticked services changed

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._services: dict[str, QTreeWidgetItem] = {}
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)
        for field in catalog.fields:
            group = QTreeWidgetItem([f"{field.code}  {field.name}"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            group.setCheckState(0, UNCHECKED)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for service in field.services:
                item = QTreeWidgetItem(group, [f"{service.code}  {service.name}"])
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren
                )
                item.setData(0, CODE_ROLE, service.code)
                item.setToolTip(0, service.name)
                item.setCheckState(0, UNCHECKED)
                self._services[service.code] = item
            self.addTopLevelItem(group)
        self.expandAll()
        self.itemChanged.connect(self._on_item_changed)

    def checked_codes(self) -> list[str]:
        """The ticked service codes, in catalog order."""
        return [code for code, item in self._services.items() if item.checkState(0) == CHECKED]

    def set_checked(self, codes: Iterable[str]) -> None:
        """Ticks exactly these services (codes the catalog lacks are ignored)."""
        wanted = set(codes)
        self.blockSignals(True)
        try:
            for code, item in self._services.items():
                item.setCheckState(0, CHECKED if code in wanted else UNCHECKED)
        finally:
            self.blockSignals(False)
        self.checkedChanged.emit()

    def total(self) -> int:
        """How many service types the catalog has."""
        return len(self._services)

    def _on_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.checkedChanged.emit()
