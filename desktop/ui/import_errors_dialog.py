"""The refusal of an Excel import: every problem (sheet, row, column, reason) in a table, to save as a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.reports.excel_problems import Problem, write_problems
from desktop.ui.i18n import tr_message, tr_user_error

Role = Qt.ItemDataRole


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("ImportErrorsDialog", "Lembar"),
        QCoreApplication.translate("ImportErrorsDialog", "Baris"),
        QCoreApplication.translate("ImportErrorsDialog", "Kolom"),
        QCoreApplication.translate("ImportErrorsDialog", "Alasan"),
    ]


class ProblemTableModel(QAbstractTableModel):
    """The problems of a refused import, one per row; read-only."""

    def __init__(self, problems: Sequence[Problem], parent=None):
        super().__init__(parent)
        self.problems = list(problems)
        self._rows = [
            (
                p.sheet,
                "" if p.row is None else str(p.row),
                p.column_text(QCoreApplication.translate),
                tr_message(p.message),
            )
            for p in self.problems
        ]
        self._headers = _headers()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        if role in (Role.DisplayRole, Role.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Role.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if role == Role.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def choose_list_path(parent: QWidget, suggested: str) -> str:
    """Asks where to save the list ("" when cancelled); a module function so tests can answer it."""
    filters = ";;".join(
        (
            QCoreApplication.translate("ImportErrorsDialog", "Buku kerja Excel (*.xlsx)"),
            QCoreApplication.translate("ImportErrorsDialog", "CSV untuk Excel (*.csv)"),
        )
    )
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ImportErrorsDialog", "Simpan daftar kesalahan"), suggested, filters
    )
    return path


class ImportErrorsDialog(QDialog):
    """Why a workbook was refused; nothing of it was applied."""

    def __init__(self, problems: Sequence[Problem], source: Path, truncated: bool = False, parent=None):
        super().__init__(parent)
        self.source = source
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Impor ditolak"))
        text = self.tr(
            "{count} masalah ditemukan di {name}. Tidak ada angka yang disimpan: perbaiki semuanya lalu impor lagi."
        ).format(count=len(problems), name=source.name)
        if truncated:
            text += " " + self.tr("Pemeriksaan berhenti setelah banyak masalah; mungkin masih ada yang lain.")
        self.summary = QLabel(text, self)
        self.summary.setWordWrap(True)
        self.model = ProblemTableModel(problems, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Simpan daftar…"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.save_button.clicked.connect(self.save_list)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def save_list(self) -> None:
        """Asks where, then writes the list (XLSX or CSV by the name chosen)."""
        suggested = str(self.source.with_name(f"{self.source.stem}-kesalahan.xlsx"))
        chosen = choose_list_path(self, suggested)
        if not chosen:
            return
        try:
            self.saved_to = write_problems(
                self.model.problems, chosen, translate=QCoreApplication.translate, headers=_headers()
            )
        except UserError as exc:
            self.status.setStyleSheet("color: #b71c1c;")
            self.status.setText(tr_user_error(exc))
        else:
            self.status.setStyleSheet("color: #1b5e20;")
            self.status.setText(self.tr("Daftar disimpan: {path}").format(path=str(self.saved_to)))
        self.status.show()
