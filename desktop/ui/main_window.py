"""The main window: services on the left, the period on top, the report grid and summary in the centre."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTime, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from desktop.ui.dashboard_tab import DashboardTab
from desktop.ui.i18n import language_menu
from desktop.ui.period_bar import PeriodBar
from desktop.ui.report_columns import COLUMNS, INPUT
from desktop.ui.report_grid import ReportGrid
from desktop.ui.report_header import ReportHeader
from desktop.ui.report_model import ReportTableModel
from desktop.ui.review_bar import ReviewBar
from desktop.ui.service_tree import ServiceTree
from desktop.ui.summary_view import SummaryView

SETTINGS = "main_window"
ENTRY_TAB, SUMMARY_TAB, DASHBOARD_TAB = 0, 1, 2


class MainWindow(QMainWindow):
    """One office's quarterly reports: pick a service and period, type the figures, see the scores."""

    # (ReportKey | None, area code | None, area name): what the evidence panel should show.
    contextChanged = Signal(object, object, str)
    # The path of a bundle this install wrote and checked (the sync queues it for the hub when one is set).
    bundleExported = Signal(object)
    closing = Signal()  # background work that reaches the store stops now

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.installation = store.require_installation()
        self.office = self.installation.office
        self.catalog = load_catalog()
        self.key: ReportKey | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(
            self.tr("SPM Luring — {office}, {district}").format(
                office=self.office.name, district=self.installation.district_name
            )
        )

        self._build_centre()
        self._build_sides()
        self._build_menus()

        self.tree.serviceSelected.connect(self._service_chosen)
        self.period_bar.periodChanged.connect(self._period_chosen)
        self.model.saved.connect(self._saved)
        self.grid.problem.connect(self._refused)
        self.grid.selectionModel().currentRowChanged.connect(self._row_changed)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.summary.set_period(self.period_bar.period())
        self.dashboard.set_period(self.period_bar.period())
        self.dashboard.serviceActivated.connect(self._open_service)
        self._restore_settings()
        self._refresh_scores()
        if self.tree.current_service() is None and self.tree.services():
            self.tree.select_service(self.tree.services()[0])
        if self.key is None:
            self.header.show_service(None, None)
            self._emit_context()

    # --- public ------------------------------------------------------------------------------

    def period(self) -> Period:
        """The period shown."""
        return self.period_bar.period()

    def set_evidence_panel(self, widget: QWidget) -> None:
        """Puts the evidence panel into the right-hand Data dukung area."""
        old = self.evidence_dock.widget()
        self.evidence_dock.setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()
        self._emit_context()

    def add_file_action(self, action: QAction) -> None:
        """Adds a feature's action (print, export, import…) to the Berkas menu, above Keluar."""
        self.file_menu.insertAction(self._file_separator, action)

    def refresh_report(self) -> None:
        """Re-reads the shown report, the scores and the summary after figures changed outside the grid."""
        self.refresh_offices()
        if self.key is not None:
            self._show_report(self.key.service_code)
        self._refresh_scores()
        self.summary.mark_dirty()
        self.dashboard.mark_dirty()

    def refresh_offices(self) -> None:
        """Lists the offices whose reports are here (this one, and those whose bundles were imported)."""
        offices = self.store.installation_repo.offices()
        chosen = self.office.id
        self.office_choice.blockSignals(True)
        self.office_choice.clear()
        for office in offices:
            label = (
                office.name
                if office.id != self.installation.office.id
                else self.tr("{name} (kantor ini)").format(name=office.name)
            )
            self.office_choice.addItem(label, office)
        self.office_choice.setCurrentIndex(next((i for i, o in enumerate(offices) if o.id == chosen), 0))
        self.office_choice.blockSignals(False)
        self.office_action.setVisible(len(offices) > 1)

    def choose_office(self, office_id: str) -> None:
        """Shows another office's reports (district mode: to review them), or this office's again."""
        index = next(i for i in range(self.office_choice.count()) if self.office_choice.itemData(i).id == office_id)
        self.office_choice.setCurrentIndex(index)

    def _office_chosen(self, index: int) -> None:
        office = self.office_choice.itemData(index)
        if office is None or office.id == self.office.id:
            return
        self.office = office
        self.key = None
        self.tree.set_services(office.services)
        self._refresh_scores()
        if self.tree.services():
            self.tree.select_service(self.tree.services()[0])

    @Slot()
    def refresh_evidence_counts(self) -> None:
        """Re-reads the per-row evidence counts (after files were attached or removed)."""
        self.model.reload_evidence_counts()

    def select(self, service_code: str, period: Period | None = None) -> None:
        """Shows a service's report (in another period if given)."""
        if period is not None:
            self.period_bar.set_period(period)
        self.tree.select_service(service_code)

    # --- reacting ------------------------------------------------------------------------------

    def _service_chosen(self, code: str) -> None:
        self._show_report(code)

    def _open_service(self, code: str) -> None:
        self.select(code)
        self.tabs.setCurrentIndex(ENTRY_TAB)

    def _period_chosen(self, period: Period) -> None:
        self.summary.set_period(period)
        self.dashboard.set_period(period)
        self._refresh_scores()
        if self.key is not None:
            self._show_report(self.key.service_code)

    def _show_report(self, code: str) -> None:
        self.key = ReportKey(self.office.id, code, self.period())
        self.model.set_report(self.key)
        self.header.show_service(code, self.model.report.status if self.model.report else None)
        self.header.show_score(self.model.service_score())
        self.review_bar.show_report(
            self.key, self.model.report.status if self.model.report else None, self.model.lock_reason
        )
        self.message_bar.hide()
        first_input = next(i for i, spec in enumerate(COLUMNS) if spec.kind == INPUT)
        self.grid.setCurrentIndex(self.model.index(0, first_input))
        self._emit_context()

    def _saved(self, _changes) -> None:
        self.message_bar.hide()
        self.save_state.setStyleSheet("color: #1b5e20;")
        self.save_state.setText(self.tr("Tersimpan pukul {time}").format(time=QTime.currentTime().toString("HH.mm.ss")))
        self.header.show_score(self.model.service_score())
        self._refresh_scores()
        self.summary.mark_dirty()
        self.dashboard.mark_dirty()

    def _refused(self, reason: str) -> None:
        self.message_bar.setText(reason)
        self.message_bar.show()
        self.save_state.setStyleSheet("color: #c62828; font-weight: bold;")
        self.save_state.setText(self.tr("Tidak tersimpan: {reason}").format(reason=reason))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._emit_context()

    def _tab_changed(self, index: int) -> None:
        if index == SUMMARY_TAB:
            self.summary.mark_dirty()

    def _refresh_scores(self) -> None:
        self.tree.set_scores(period_summary(self.store.reports, self.office, self.period()))

    def _emit_context(self) -> None:
        if self.key is None:
            self.contextChanged.emit(None, None, "")
            return
        current = self.grid.currentIndex()
        area = self.model.area_at(current.row()) if current.isValid() else None
        if area is None:
            self.contextChanged.emit(self.key, None, self.tr("Seluruh laporan"))
        else:
            self.contextChanged.emit(self.key, area.code, self.model.area_label(area))

    # --- building ------------------------------------------------------------------------------

    def _build_centre(self) -> None:
        self.period_bar = PeriodBar(Period.last_closed(date.today()), self)
        self.tree = ServiceTree(self.catalog, self.office.services, self)
        self.model = ReportTableModel(self.store, self)
        self.grid = ReportGrid(self.model, self)
        self.header = ReportHeader(self.catalog, self)
        self.review_bar = ReviewBar(self.store, self)
        self.review_bar.transitioned.connect(self.refresh_report)
        self.message_bar = QLabel(self)
        self.message_bar.setWordWrap(True)
        self.message_bar.setStyleSheet(
            "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0; padding: 6px; }"
        )
        self.message_bar.hide()
        self.summary = SummaryView(self.store, self)
        self.dashboard = DashboardTab(self.store, self)  # QtCharts is imported when it is first shown

        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(4, 4, 4, 4)
        entry_layout.addWidget(self.header)
        entry_layout.addWidget(self.review_bar)
        entry_layout.addWidget(self.grid, 1)
        entry_layout.addWidget(self.message_bar)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(entry, self.tr("&Isian"))
        self.tabs.addTab(self.summary, self.tr("Ri&ngkasan"))
        self.tabs.addTab(self.dashboard, self.tr("&Dasbor"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_sides(self) -> None:
        self.evidence_dock = QDockWidget(self.tr("Data dukung"), self)
        self.evidence_dock.setObjectName("EvidenceDock")
        self.evidence_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        placeholder = QLabel(self.tr("Panel data dukung belum tersedia."), self.evidence_dock)
        placeholder.setWordWrap(True)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        placeholder.setMargin(8)
        self.evidence_dock.setWidget(placeholder)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.evidence_dock)
        # Wide enough for a file name, its type, size and date at 1366 px.
        self.resizeDocks([self.evidence_dock], [330], Qt.Orientation.Horizontal)

        toolbar = QToolBar(self.tr("Periode"), self)
        toolbar.setObjectName("PeriodToolBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.period_bar)
        self.office_choice = QComboBox(self)
        self.office_choice.setObjectName("office_choice")
        self.office_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.office_choice.setAccessibleName(self.tr("Kantor yang laporannya ditampilkan"))
        office_box = QWidget(self)
        office_layout = QHBoxLayout(office_box)
        office_layout.setContentsMargins(16, 0, 0, 0)
        office_layout.addWidget(QLabel(self.tr("Kantor:"), office_box))
        office_layout.addWidget(self.office_choice)
        self.office_action = toolbar.addWidget(office_box)
        self.office_choice.currentIndexChanged.connect(self._office_chosen)
        self.refresh_offices()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

        self.save_state = QLabel(self)
        self.save_state.setAccessibleName(self.tr("Status penyimpanan"))
        self.statusBar().addWidget(self.save_state, 1)
        place = QLabel(f"{self.office.name} · {self.installation.district_name}", self)
        self.statusBar().addPermanentWidget(place)

    # --- menus ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        # Features add their actions above Keluar (see add_file_action), so the menu's last entry stays Keluar.
        self.file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        self._quit_action = QAction(self.tr("&Keluar"), self)
        self._quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self._quit_action.triggered.connect(self.close)
        self._file_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self._quit_action)

        edit = self.menuBar().addMenu(self.tr("&Ubah"))
        stack = self.grid.undo_stack
        undo = stack.createUndoAction(self, self.tr("Urungkan"))
        redo = stack.createRedoAction(self, self.tr("Ulangi"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        copy = QAction(self.tr("&Salin"), self, shortcut=QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.grid.copy_selection)
        paste = QAction(self.tr("&Tempel"), self, shortcut=QKeySequence.StandardKey.Paste)
        paste.triggered.connect(self.grid.paste)
        clear = QAction(self.tr("&Kosongkan sel"), self, shortcut=QKeySequence(Qt.Key.Key_Delete))
        clear.triggered.connect(self.grid.clear_selection)
        for action in (undo, redo, copy, paste, clear):
            # Only while the grid itself has focus, so a cell editor keeps its own copy, paste and undo.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.grid.addAction(action)
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addActions([copy, paste, clear])

        view = self.view_menu = self.menuBar().addMenu(self.tr("&Tampilan"))
        view.addAction(self.evidence_dock.toggleViewAction())

        help_menu = self.menuBar().addMenu(self.tr("B&antuan"))
        help_menu.addMenu(language_menu(self))
        about = QAction(self.tr("&Tentang SPM Luring"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Tentang SPM Luring"),
            self.tr(
                "SPM Luring {version}\n\nPencatatan capaian Standar Pelayanan Minimal per triwulan, tanpa jaringan."
            ).format(version=__version__),
        )

    # --- settings ------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(f"{SETTINGS}/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 740)
        state = settings.value(f"{SETTINGS}/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value(f"{SETTINGS}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        service = settings.value(f"{SETTINGS}/service")
        if isinstance(service, str):
            self.tree.select_service(service)

    def save_settings(self) -> None:
        """Remembers the window's size, layout and service for the next start."""
        settings = QSettings()
        settings.setValue(f"{SETTINGS}/geometry", self.saveGeometry())
        settings.setValue(f"{SETTINGS}/state", self.saveState())
        settings.setValue(f"{SETTINGS}/splitter", self.splitter.saveState())
        if self.key is not None:
            settings.setValue(f"{SETTINGS}/service", self.key.service_code)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.closing.emit()
        super().closeEvent(event)
