"""Choosing the install's kabupaten/kota: a province filter, a name search and the matching list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.formatting import format_int
from desktop.domain.regions import Region, RegionIndex, RegionLevel

CODE_ROLE = Qt.ItemDataRole.UserRole


class RegionPicker(QWidget):
    """Province combo + search box + list of kabupaten/kota; tells which one is chosen."""

    districtChanged = Signal(object)  # the chosen code, or None

    def __init__(self, regions: RegionIndex, parent: QWidget | None = None):
        super().__init__(parent)
        self._regions = regions
        self._chosen: str | None = None

        self.province = QComboBox()
        self.province.addItem(self.tr("Semua provinsi"), None)
        for region in sorted(regions.children(None), key=lambda r: r.name):
            self.province.addItem(region.name, region.code)
        self.province.setMaxVisibleItems(20)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Ketik nama, misalnya: mahakam"))
        self.search.setClearButtonEnabled(True)

        self.list = QTreeWidget()
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Kabupaten/kota"), self.tr("Provinsi"), self.tr("Kode")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("&Provinsi:"), self.province)
        form.addRow(self.tr("&Cari kabupaten/kota:"), self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)

        self.province.currentIndexChanged.connect(self._refill)
        self.search.textChanged.connect(self._refill)
        self.list.currentItemChanged.connect(self._on_current)
        self._refill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Typing a name is the quickest way in; the province list is there for browsing.
        if self._chosen is None:
            self.search.setFocus()

    @property
    def district_code(self) -> str | None:
        """The chosen kabupaten/kota code, or None."""
        return self._chosen

    def choose(self, code: str) -> None:
        """Selects a kabupaten/kota by code (showing it when the filters hide it)."""
        if self._item_of(code) is None:
            self.search.clear()
            self.province.setCurrentIndex(max(0, self.province.findData(code.split(".", maxsplit=1)[0])))
        item = self._item_of(code)
        if item is not None:
            self.list.setCurrentItem(item)

    def counts(self, code: str) -> tuple[int, int]:
        """How many kecamatan and desa/kelurahan the kabupaten/kota has."""
        kecamatan = self._regions.children(code)
        return len(kecamatan), sum(len(self._regions.children(k.code)) for k in kecamatan)

    def _found(self) -> list[Region]:
        province = self.province.currentData()
        text = self.search.text().strip()
        if text:
            return self._regions.search(text, level=RegionLevel.REGENCY, within=province, limit=200)
        if province:
            return self._regions.children(province)
        return [r for p in self._regions.children(None) for r in self._regions.children(p.code)]

    def _refill(self) -> None:
        keep = self._chosen
        self.list.blockSignals(True)
        self.list.clear()
        items = []
        for region in self._found():
            province = self._regions.get(region.parent_code or "")
            item = QTreeWidgetItem([region.name, province.name if province else "", region.code])
            item.setData(0, CODE_ROLE, region.code)
            items.append(item)
        self.list.addTopLevelItems(items)
        self.list.blockSignals(False)
        # Keep the choice while it is still listed; a lone hit is the one meant.
        current = self._item_of(keep) if keep else None
        if current is None and len(items) == 1:
            current = items[0]
        if current is not None:
            self.list.setCurrentItem(current)
            self.list.scrollToItem(current)
        else:
            self._set_chosen(None)

    def _item_of(self, code: str) -> QTreeWidgetItem | None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, CODE_ROLE) == code:
                return item
        return None

    def _on_current(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        self._set_chosen(current.data(0, CODE_ROLE) if current is not None else None)

    def _set_chosen(self, code: str | None) -> None:
        font = self.details.font()
        font.setBold(code is not None)  # the choice, confirmed; a hint otherwise
        self.details.setFont(font)
        if code is None:
            shown = self.list.topLevelItemCount()
            if shown:
                self.details.setText(
                    self.tr("Pilih satu kabupaten/kota dari daftar ({count} ditemukan).").format(
                        count=format_int(shown)
                    )
                )
            else:
                self.details.setText(
                    self.tr("Tidak ada kabupaten/kota yang cocok. Periksa ejaan atau pilih provinsi lain.")
                )
        else:
            region = self._regions.get(code)
            province = self._regions.get(region.parent_code or "")
            kecamatan, desa = self.counts(code)
            self.details.setText(
                self.tr("{name} ({code}), Provinsi {province}: {kecamatan} kecamatan, {desa} desa/kelurahan.").format(
                    name=region.name,
                    code=code,
                    province=province.name if province else "",
                    kecamatan=format_int(kecamatan),
                    desa=format_int(desa),
                )
            )
        if code != self._chosen:
            self._chosen = code
            self.districtChanged.emit(code)
