"""The evidence (data dukung) of the current report: list, attach (button or drop), open, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.messages import UserError
from desktop.storage.evidence import EVIDENCE, SIGNED_FORM, EvidenceItem
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.ui import evidence_dialogs
from desktop.ui.evidence_files import viewable_copy
from desktop.ui.evidence_model import ADDED, AREA, DESCRIPTION, NAME, SIZE, TYPE, EvidenceModel
from desktop.ui.i18n import tr_user_error
from desktop.ui.workers import run_in_background

MESSAGE_STYLES = {
    "error": "background: #fdecea; color: #8c1d18; border: 1px solid #f1b5ae; border-radius: 4px; padding: 6px;",
    "info": "background: #e8f3ec; color: #1e4620; border: 1px solid #b7dcc3; border-radius: 4px; padding: 6px;",
}
NAME_MIN_WIDTH = 150
DROP_STYLE = "QTableView { border: 2px dashed palette(highlight); }"


class EvidencePanel(QWidget):
    """Lists and manages the data dukung of one report, for one area or the whole report."""

    changed = Signal()  # files were attached or removed

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._key: ReportKey | None = None
        self._area_code: str | None = None
        self._area_name = ""
        self._busy = False
        self._editable = False  # whether the shown report takes new files now
        self._prefer_whole_report = False
        self._last_folder = str(Path.home())
        self.setAcceptDrops(True)

        self._build_widgets()
        self._build_layout()
        self._scopes.buttonClicked.connect(self._scope_clicked)
        self.add_button.clicked.connect(self.add_files)
        self.signed_button.clicked.connect(self.add_signed_form)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.set_context(None, None, "")

    def _build_widgets(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.placeholder = QLabel(self.tr("Pilih jenis pelayanan dan triwulan untuk melihat data dukungnya."))
        self.placeholder.setWordWrap(True)

        self.area_scope = QRadioButton()
        self.report_scope = QRadioButton(self.tr("Seluruh laporan"))
        self.area_scope.setChecked(True)
        self._scopes = QButtonGroup(self)
        self._scopes.addButton(self.area_scope)
        self._scopes.addButton(self.report_scope)
        self.target_hint = QLabel()
        self.target_hint.setWordWrap(True)
        self.target_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.model = EvidenceModel(self)
        self.table = self._build_table()
        self.add_button = QPushButton(self.tr("T&ambah…"))
        self.open_button = QPushButton(self.tr("B&uka"))
        self.remove_button = QPushButton(self.tr("&Lepas"))
        self.signed_button = QPushButton(self.tr("Formulir &TTD…"))
        self.signed_button.setToolTip(
            self.tr(
                "Lampirkan formulir laporan yang sudah ditandatangani dan dicap (hasil pindai) untuk seluruh laporan"
            )
        )
        self.add_button.setToolTip(self.tr("Lampirkan berkas PDF, JPEG, PNG, XLSX, DOCX, ODT atau ODS"))
        self.open_button.setToolTip(self.tr("Buka salinan hanya-baca dengan aplikasi penampil di komputer ini"))
        self.remove_button.setToolTip(
            self.tr("Lepaskan dari laporan (dicatat di log audit; berkasnya tetap tersimpan)")
        )

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.drop_hint = QLabel(self.tr("Berkas juga dapat diseret dari pengelola berkas ke daftar ini."))
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setHighlightSections(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the extension in sight
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.viewport().installEventFilter(self)

        remove_action = QAction(table)
        remove_action.setShortcut(Qt.Key.Key_Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_selected)
        table.addAction(remove_action)
        return table

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # On a row of its own: the dock stays narrow enough for a 1366-pixel screen beside the grid.
        signed = QHBoxLayout()
        signed.addWidget(self.signed_button)
        signed.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.area_scope)
        layout.addWidget(self.report_scope)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.target_hint)
        layout.addLayout(buttons)
        layout.addLayout(signed)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.drop_hint)
        layout.addStretch(0)  # takes the room of the hidden list while no report is chosen

    # --- context ---------------------------------------------------------------------------

    def set_context(self, key: ReportKey | None, area_code: str | None, area_name: str) -> None:
        """Shows the evidence of this report (and of the grid's current row); None disables the panel."""
        moved = (key, area_code) != (self._key, self._area_code)
        # Re-checked on every move (a few small queries): a submit or a new login changes it in place.
        self._editable = key is not None and self._may_change(key)
        self._key, self._area_code, self._area_name = key, area_code, area_name
        if area_code is None:
            self.area_scope.setText(self.tr("Wilayah terpilih: (tidak ada)"))
        else:
            self.area_scope.setText(self.tr("Wilayah terpilih: {area}").format(area=area_name))
        # The operator's own scope choice holds from row to row; a missing row forces the whole report.
        whole = self._prefer_whole_report or area_code is None
        (self.report_scope if whole else self.area_scope).setChecked(True)
        self.area_scope.setEnabled(key is not None and area_code is not None)
        self.placeholder.setVisible(key is None)
        if moved:  # a message about another report or row would mislead
            self.message.hide()
        self.refresh()

    def _may_change(self, key: ReportKey) -> bool:
        """Whether files may be attached or taken off now: the report's status, the role, the deadline."""
        try:
            self.store.reports.guard(key)
        except UserError:
            return False
        return self.store.reports.status(key).editable

    def _scope_clicked(self) -> None:
        self._prefer_whole_report = self.report_scope.isChecked()
        self.refresh()

    @property
    def shows_whole_report(self) -> bool:
        """Whether the list shows every file of the report (and Tambah attaches to the report itself)."""
        return self.report_scope.isChecked() or self._area_code is None

    @property
    def target_area(self) -> str | None:
        """The area new files are attached to; None for the report as a whole."""
        return None if self.shows_whole_report else self._area_code

    def refresh(self) -> None:
        """Reloads the list from the store."""
        if self._key is None:
            self.model.set_items([])
        elif self.shows_whole_report:
            names = {area.code: area.name for area in self.store.areas.list()}
            self.model.set_items(self.store.evidence.list(self._key), names)
        else:
            self.model.set_items(self.store.evidence.list(self._key, self._area_code))
        count = self.model.rowCount()
        # The dock around the panel already says "Data dukung"; the title says how many.
        self.title.setText(self.tr("{count} berkas").format(count=count) if count else self.tr("Belum ada berkas"))
        if self.target_area is None:
            self.target_hint.setText(self.tr("Berkas baru dilampirkan ke laporan secara keseluruhan."))
        else:
            self.target_hint.setText(self.tr("Berkas baru dilampirkan ke wilayah {area}.").format(area=self._area_name))
        self._size_columns()
        self._update_actions()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # A long description is elided (its tooltip has it whole); the name gets what room is left.
        modes = {
            NAME: (QHeaderView.ResizeMode.Interactive, 0),
            AREA: (QHeaderView.ResizeMode.Interactive, 120),
            TYPE: (QHeaderView.ResizeMode.ResizeToContents, 0),
            SIZE: (QHeaderView.ResizeMode.ResizeToContents, 0),
            ADDED: (QHeaderView.ResizeMode.ResizeToContents, 0),
            DESCRIPTION: (QHeaderView.ResizeMode.Interactive, 160),
        }
        for kind, (mode, width) in modes.items():
            if (column := self.model.column_of(kind)) >= 0:
                header.setSectionResizeMode(column, mode)
                if width:
                    header.resizeSection(column, width)
        self._fit_name_column()

    def _fit_name_column(self) -> None:
        # Not a Stretch section: in a narrow dock that would push type and size out of sight.
        header, name = self.table.horizontalHeader(), self.model.column_of(NAME)
        others = sum(header.sectionSize(c) for c in range(self.model.columnCount()) if c != name)
        header.resizeSection(name, max(NAME_MIN_WIDTH, self.table.viewport().width() - others))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def _update_actions(self) -> None:
        active = self._key is not None
        for widget in (self.title, self.area_scope, self.report_scope, self.table, self.target_hint, self.drop_hint):
            widget.setVisible(active)
        self.report_scope.setEnabled(active)
        changeable = active and self._editable and not self._busy
        self.add_button.setEnabled(changeable)
        self.signed_button.setEnabled(changeable)
        has_row = active and self.selected_item() is not None
        self.open_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row and changeable)

    def selected_item(self) -> EvidenceItem | None:
        """The file of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    # --- attach ----------------------------------------------------------------------------

    def add_files(self) -> None:
        """Tambah…: asks for files, then attaches them."""
        if self._key is None or self._busy:
            return
        chosen = evidence_dialogs.choose_files(self, self._last_folder)
        if chosen:
            self._last_folder = str(Path(chosen[0]).parent)
            self.attach_files([Path(f) for f in chosen])

    def add_signed_form(self) -> None:
        """Formulir TTD…: the printed report form, signed and stamped, scanned back; for the whole report."""
        if self._key is None or self._busy:
            return
        chosen = evidence_dialogs.choose_files(self, self._last_folder)
        if chosen:
            self._last_folder = str(Path(chosen[0]).parent)
            self.attach_files([Path(f) for f in chosen], kind=SIGNED_FORM)

    def attach_files(self, paths: list[Path], kind: str = EVIDENCE) -> None:
        """Checks the files, asks a description, then attaches them all (or none) off the GUI thread.

        A signed form (kind SIGNED_FORM) belongs to the whole report and is described as what it is.
        """
        if self._key is None or self._busy or not paths:
            return
        problems = []
        for path in paths:
            try:
                self.store.evidence.check(path)
            except UserError as exc:
                problems.append(tr_user_error(exc))
        if problems:
            self._show_message("error", "\n".join([*problems, self.tr("Tidak ada berkas yang dilampirkan.")]))
            return
        if kind == SIGNED_FORM:
            description = self.tr("Formulir laporan bertanda tangan")
            key, area, area_name = self._key, None, self.tr("Seluruh laporan")
        else:
            description = evidence_dialogs.ask_description(self, [p.name for p in paths])
            if description is None:
                return
            key, area, area_name = self._key, self.target_area, self._area_name
        self._set_busy(True)
        self._show_message(
            "info", self.tr("Menyalin {count} berkas ke penyimpanan data dukung…").format(count=len(paths))
        )
        # Copying and hashing (the slow part) runs on a worker; the short transaction that records
        # the files runs back here, on the thread that owns the store's connection.
        evidence, limit = self.store.evidence, self.store.settings.evidence_max_bytes
        run_in_background(
            self,
            lambda _job: evidence.stage(paths, limit),
            on_success=lambda staged: self._record(key, area, area_name, staged, description, kind),
            on_failure=self._attach_failed,
        )

    def _record(self, key, area: str | None, area_name: str, staged, description: str, kind: str) -> None:
        try:
            items = self.store.evidence.attach(key, area, staged, description, kind)
        except UserError as exc:
            self._attach_failed(tr_user_error(exc))
            return
        self._attached(items, area, area_name)

    def _attached(self, items: list[EvidenceItem], area: str | None, area_name: str) -> None:
        self._set_busy(False)
        if area is None:
            text = self.tr("{count} berkas dilampirkan ke laporan.").format(count=len(items))
        else:
            text = self.tr("{count} berkas dilampirkan ke wilayah {area}.").format(count=len(items), area=area_name)
        self.refresh()
        self._show_message("info", text)
        self.changed.emit()

    def _attach_failed(self, reason: str) -> None:
        self._set_busy(False)
        self._show_message("error", "\n".join([reason, self.tr("Tidak ada berkas yang dilampirkan.")]))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self._update_actions()

    # --- drag and drop ---------------------------------------------------------------------

    def _dropped_files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if self._key is None or self._busy or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
            self.table.setStyleSheet(DROP_STYLE)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.table.setStyleSheet("")
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self.table.setStyleSheet("")
        paths = self._dropped_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(paths)

    # --- open and remove -------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_item(self.model.item(index.row()))

    def open_selected(self) -> None:
        """Buka: opens a read-only copy of the selected file."""
        item = self.selected_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: EvidenceItem) -> None:
        """Opens a read-only temporary copy with the system viewer (never the stored file itself)."""
        try:
            copy = viewable_copy(self.store, item)
        except FileNotFoundError:
            self._show_message(
                "error",
                self.tr("Berkas '{name}' tidak ditemukan di penyimpanan data dukung. Pulihkan dari cadangan.").format(
                    name=item.original_name
                ),
            )
            return
        except OSError as exc:
            self._show_message(
                "error",
                self.tr("Salinan '{name}' untuk dibuka tidak dapat dibuat: {reason}").format(
                    name=item.original_name, reason=exc.strerror or exc
                ),
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self._show_message(
                "error",
                self.tr("Tidak ada aplikasi di komputer ini untuk membuka berkas {type} '{name}'.").format(
                    type=item.type_label, name=item.original_name
                ),
            )

    def remove_selected(self) -> None:
        """Lepas: takes the selected file off the report after a confirmation (audited)."""
        item = self.selected_item()
        if item is None or self._busy:
            return
        reason = evidence_dialogs.ask_remove_reason(self, item.original_name)
        if reason is None:
            return
        try:
            self.store.evidence.remove(item.id, reason)
        except UserError as exc:
            self._show_message("error", tr_user_error(exc))
            return
        self.refresh()
        self._show_message("info", self.tr("'{name}' dilepas dari laporan.").format(name=item.original_name))
        self.changed.emit()

    def _show_message(self, kind: str, text: str) -> None:
        self.message.setStyleSheet(MESSAGE_STYLES[kind])
        self.message.setProperty("kind", kind)
        self.message.setText(text)
        self.message.show()
