"""The questions the Excel actions ask; module functions so tests can answer them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.catalog import ServiceType
from desktop.domain.periods import FIRST_YEAR, LAST_YEAR, ROMAN, Period

if TYPE_CHECKING:  # the Excel code loads with the first Excel action, not at start-up
    from desktop.reports.excel_problems import Problem


def _filter() -> str:
    return QCoreApplication.translate("ExcelDialogs", "Buku kerja Excel (*.xlsx)")


def save_path(parent: QWidget, title: str, suggested: str) -> str:
    """Where to write a workbook ("" when cancelled); ".xlsx" is added when the name has no suffix."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, _filter())
    if path and not Path(path).suffix:
        path += ".xlsx"
    return path


def open_path(parent: QWidget, folder: str) -> str:
    """Which workbook to import ("" when cancelled)."""
    filters = ";;".join((_filter(), QCoreApplication.translate("ExcelDialogs", "Semua berkas (*)")))
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ExcelDialogs", "Impor dari Excel"), folder, filters
    )
    return path


def ask_target(
    parent: QWidget, name: str, services: Sequence[ServiceType], service: str | None, period: Period
) -> tuple[str, Period] | None:
    """For a plain sheet (not a template): which service and period its figures are; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ExcelDialogs", "Lembar biasa"))
    intro = QLabel(
        QCoreApplication.translate(
            "ExcelDialogs",
            "{name} bukan templat SPM Luring. Angka di lembar pertamanya akan dibaca menurut kepala kolomnya; "
            "pilih layanan dan periode yang diisinya.",
        ).format(name=name),
        dialog,
    )
    intro.setWordWrap(True)
    service_box = QComboBox(dialog)
    for item in services:
        service_box.addItem(f"{item.code} {item.name}", item.code)
    if service is not None and (found := service_box.findData(service)) >= 0:
        service_box.setCurrentIndex(found)
    year = QSpinBox(dialog)
    year.setRange(FIRST_YEAR, LAST_YEAR)
    year.setValue(period.year)
    quarter = QComboBox(dialog)
    for number, roman in enumerate(ROMAN, start=1):
        quarter.addItem(QCoreApplication.translate("ExcelDialogs", "Triwulan {roman}").format(roman=roman), number)
    quarter.setCurrentIndex(period.quarter - 1)
    form = QFormLayout()
    form.addRow(QCoreApplication.translate("ExcelDialogs", "Layanan"), service_box)
    form.addRow(QCoreApplication.translate("ExcelDialogs", "Tahun"), year)
    form.addRow(QCoreApplication.translate("ExcelDialogs", "Triwulan"), quarter)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(QCoreApplication.translate("ExcelDialogs", "Lanjut"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QCoreApplication.translate("ExcelDialogs", "Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(buttons)
    dialog.resize(520, dialog.sizeHint().height())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return service_box.currentData(), Period(year.value(), quarter.currentData())
    finally:
        dialog.deleteLater()


def confirm_import(parent: QWidget, text: str) -> bool:
    """Shows what an import will change; True to apply it."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ExcelDialogs", "Impor dari Excel"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    apply = box.addButton(
        QCoreApplication.translate("ExcelDialogs", "Simpan angkanya"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("ExcelDialogs", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(apply)
    try:
        box.exec()
        return box.clickedButton() is apply
    finally:
        box.deleteLater()


def inform(parent: QWidget, text: str) -> None:
    """A short notice (nothing to change, a file written)."""
    QMessageBox.information(parent, QCoreApplication.translate("ExcelDialogs", "Excel"), text)


def show_errors(parent: QWidget, problems: Sequence[Problem], source: Path, truncated: bool) -> None:
    """The refusal with its list of problems."""
    from desktop.ui.import_errors_dialog import ImportErrorsDialog

    dialog = ImportErrorsDialog(problems, source, truncated, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
