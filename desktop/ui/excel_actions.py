"""Berkas → Buat templat Excel…, Impor dari Excel…, Ekspor rekap e-SPM….

Each reads what it needs from the store on the GUI thread (the connection lives there), does the file
work on a worker with progress and Batal (run_in_background), and writes to the database back on the
GUI thread, in one transaction. An import runs in two worker steps — open and check the file, then
read and check every cell — because a plain sheet needs the operator to say which service and period
it holds in between; it is applied only after the operator confirms what will change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_int
from desktop.domain.messages import UserError
from desktop.ui import app, excel_dialogs
from desktop.ui.i18n import tr_user_error
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import Job, run_in_background

if TYPE_CHECKING:  # openpyxl and calamine load on first use: the window opens without them
    from desktop.reports.excel_import import ImportPlan, Source, Target

FOLDER_KEY = "excel/folder"
LISTED_REPORTS = 12


def install_excel_actions(window: MainWindow) -> ExcelActions:
    """Adds the three Excel actions to the window's Berkas menu."""
    return ExcelActions(window)


def _progress(job: Job):
    """A progress callback for desktop.reports that also stops the work when Batal was pressed."""

    def report(done: int, total: int) -> None:
        job.check()
        job.progress(done, total)

    return report


class ExcelActions(QObject):
    """The Excel actions of one main window, and the state of the one job they may run at a time."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.template_action = QAction(self.tr("Buat templat E&xcel…"), window)
        self.import_action = QAction(self.tr("&Impor dari Excel…"), window)
        self.rekap_action = QAction(self.tr("Ekspor rekap e-&SPM…"), window)
        self.template_action.setStatusTip(self.tr("Templat isian triwulan yang tampil, berisi angka yang tersimpan"))
        self.import_action.setStatusTip(
            self.tr("Baca angka dari templat atau lembar Excel; semua atau tidak sama sekali")
        )
        self.rekap_action.setStatusTip(self.tr("Rekap triwulan yang tampil, tersusun seperti isian e-SPM"))
        self.template_action.triggered.connect(self.make_template)
        self.import_action.triggered.connect(self.import_workbook)
        self.rekap_action.triggered.connect(self.export_rekap)
        for action in self.actions():
            window.add_file_action(action)
        self.last_path: Path | None = None  # the file the last job wrote or read (tests look)

    def actions(self) -> list[QAction]:
        """The three actions, in menu order."""
        return [self.template_action, self.import_action, self.rekap_action]

    # --- helpers -----------------------------------------------------------------------------------

    def _folder(self) -> Path:
        value = QSettings().value(FOLDER_KEY)
        return Path(value) if isinstance(value, str) and Path(value).is_dir() else Path.home()

    def _remember(self, path: str | Path) -> None:
        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))

    def _busy(self, busy: bool) -> None:
        for action in self.actions():
            action.setEnabled(not busy)

    def _fail(self, reason: str) -> None:
        self._busy(False)
        app.show_error(self.window, reason)

    def _cancelled(self) -> None:
        self._busy(False)
        self.window.statusBar().showMessage(self.tr("Dibatalkan; tidak ada yang diubah."), 8000)

    def _run(self, work, on_success, label: str) -> None:
        self._busy(True)
        run_in_background(
            self.window,
            work,
            on_success=on_success,
            on_failure=self._fail,
            on_cancelled=self._cancelled,
            progress_label=label,
        )

    def _written(self, path: Path) -> None:
        self._busy(False)
        self.last_path = path
        self.window.statusBar().showMessage(self.tr("Disimpan: {path}").format(path=str(path)), 15000)

    # --- template ----------------------------------------------------------------------------------

    def make_template(self) -> None:
        """Asks where, then writes the template of the period shown."""
        period = self.window.period()
        suggested = self._folder() / f"templat-spm-{period.key}.xlsx"
        path = excel_dialogs.save_path(self.window, self.tr("Buat templat Excel"), str(suggested))
        if not path:
            return
        self._remember(path)
        from desktop.reports.excel_template import template_data, write_template

        try:
            data = template_data(self.store, period)
        except UserError as exc:
            app.show_error(self.window, tr_user_error(exc))
            return
        self._run(
            lambda job: write_template(data, path, _progress(job)),
            self._written,
            self.tr("Membuat templat Excel…"),
        )

    # --- rekap -------------------------------------------------------------------------------------

    def export_rekap(self) -> None:
        """Asks where, then writes the e-SPM rekap of the period shown."""
        period = self.window.period()
        suggested = self._folder() / f"rekap-spm-{period.key}.xlsx"
        path = excel_dialogs.save_path(self.window, self.tr("Ekspor rekap e-SPM"), str(suggested))
        if not path:
            return
        self._remember(path)
        from desktop.reports.excel_rekap import rekap_data, write_rekap

        data = rekap_data(self.store, period)
        self._run(lambda job: write_rekap(data, path, _progress(job)), self._written, self.tr("Menyusun rekap…"))

    # --- import ------------------------------------------------------------------------------------

    def import_workbook(self) -> None:
        """Asks which workbook, then checks it (worker), asks what a plain sheet holds, checks every cell
        (worker), shows the problems or what will change, and applies it on confirmation."""
        path = excel_dialogs.open_path(self.window, str(self._folder()))
        if not path:
            return
        self._remember(path)
        from desktop.reports.excel_import import open_workbook

        self._run(lambda _job: open_workbook(path), self._opened, self.tr("Memeriksa berkas…"))

    def _opened(self, source: Source) -> None:
        from desktop.reports.excel_import import build_plan, import_context, target_of

        office = self.window.office
        try:
            if source.is_template:
                target = target_of(source, office)
            else:
                asked = excel_dialogs.ask_target(
                    self.window,
                    source.path.name,
                    [s for s in load_catalog().services if s.code in office.services],
                    self.window.key.service_code if self.window.key else None,
                    self.window.period(),
                )
                if asked is None:
                    self._busy(False)
                    return
                target = target_of(source, office, service=asked[0], period=asked[1])
            context = import_context(self.store, target)
        except UserError as exc:
            self._fail(tr_user_error(exc))
            return
        self._run(
            lambda job: build_plan(source, target, context, _progress(job)),
            lambda plan: self._planned(plan, target),
            self.tr("Memeriksa setiap sel…"),
        )

    def _planned(self, plan: ImportPlan, target: Target) -> None:
        self._busy(False)
        self.last_path = plan.path
        if not plan.ok:
            excel_dialogs.show_errors(self.window, plan.problems, plan.path, plan.truncated)
            return
        if not plan.cells_changed:
            excel_dialogs.inform(
                self.window,
                self.tr("{name}: tidak ada angka yang berbeda dari yang tersimpan ({rows} baris dibaca).").format(
                    name=plan.path.name, rows=format_int(plan.rows_read)
                ),
            )
            return
        if not excel_dialogs.confirm_import(self.window, self._summary(plan)):
            return
        # The one transaction runs on the worker over a connection of its own (see apply_plan_apart): a big
        # workbook takes long to audit. The window's grid is disabled meanwhile, so no edit waits on it.
        from desktop.reports.excel_import import apply_plan_apart

        database_path, actor = self.store.database.path, self.store.actor()
        self._frozen(True)
        self._busy(True)
        task = run_in_background(
            self.window,
            lambda job: apply_plan_apart(database_path, actor, plan, _progress(job)),
            on_success=lambda _changes: self._applied(plan, target),
            on_failure=self._fail,
            on_cancelled=self._cancelled,
            progress_label=self.tr("Menyimpan angka…"),
        )
        task.finished.connect(lambda: self._frozen(False))

    def _frozen(self, frozen: bool) -> None:
        self.window.centralWidget().setEnabled(not frozen)

    def _applied(self, plan: ImportPlan, target: Target) -> None:
        self._busy(False)
        self._frozen(False)
        self._show(plan, target)
        self.window.statusBar().showMessage(
            self.tr("Diimpor dari {name}: {cells} sel di {reports} laporan.").format(
                name=plan.path.name, cells=format_int(plan.cells_changed), reports=len(plan.reports)
            ),
            15000,
        )

    def _summary(self, plan: ImportPlan) -> str:
        catalog = load_catalog()
        lines = [
            self.tr("Impor {name} akan mengubah {cells} sel di {reports} laporan, Triwulan {roman} {year}:").format(
                name=plan.path.name,
                cells=format_int(plan.cells_changed),
                reports=len(plan.reports),
                roman=plan.period.roman,
                year=plan.period.year,
            )
        ]
        for report in plan.reports[:LISTED_REPORTS]:
            name = catalog.service(report.key.service_code).name
            lines.append(
                self.tr("• {code} {name}: {cells} sel, {rows} wilayah").format(
                    code=report.key.service_code, name=name, cells=format_int(report.cells), rows=len(report.rows)
                )
            )
        if len(plan.reports) > LISTED_REPORTS:
            lines.append(self.tr("• … dan {count} laporan lain").format(count=len(plan.reports) - LISTED_REPORTS))
        if plan.warnings:
            lines.append(
                self.tr("{count} peringatan (misalnya terlayani melebihi sasaran) akan ditandai di barisnya.").format(
                    count=len(plan.warnings)
                )
            )
        lines.append(self.tr("Semua disimpan sekaligus dan tercatat di log audit. Lanjutkan?"))
        return "\n".join(lines)

    def _show(self, plan: ImportPlan, target: Target) -> None:
        """Shows the imported period (and a service of it when the one shown is not), re-read."""
        window = self.window
        shown = window.key.service_code if window.key else None
        if window.period() != plan.period or shown not in target.services:
            window.select(shown if shown in target.services else plan.reports[0].key.service_code, plan.period)
        window.refresh_report()
