"""Berkas › Cadangkan data…, Pulihkan dari cadangan….

A backup runs on a worker (it reads the database through its own connection, so editing may go on)
and is verified on the medium before it is reported. A restore verifies and copies the backup into
the data folder on a worker; only after the operator confirms is the database closed and the copy
swapped in (a few renames, on the GUI thread, under the window's own lock). The window then closes:
every view holds the old data, and the next start opens (and if need be migrates) the restored one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.domain.messages import UserError
from desktop.ui import app, backup_dialogs
from desktop.ui.i18n import tr_user_error
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import Job, run_in_background

if TYPE_CHECKING:  # the backup and restore code (zip, shutil, uuid) loads when first used
    from desktop.storage.backup import BackupResult
    from desktop.storage.restore import StagedRestore


def install_backup_actions(window: MainWindow) -> BackupActions:
    """Adds Cadangkan data… and Pulihkan dari cadangan… to the window's Berkas menu."""
    return BackupActions(window)


def _progress(job: Job):
    def report(done: int, total: int) -> None:
        job.progress(done, total)

    return report


class BackupActions(QObject):
    """The two actions of one main window; `last_backup` and `restored` are for tests to look at."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("BackupActions")
        self.window = window
        self.store = window.store
        self.last_backup: BackupResult | None = None
        self.restored = False
        self.backup_action = QAction(self.tr("Ca&dangkan data…"), window)
        self.backup_action.setStatusTip(
            self.tr("Salin basis data, data dukung dan kunci kantor ke folder lain (misalnya flashdisk), lalu periksa")
        )
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("&Pulihkan dari cadangan…"), window)
        self.restore_action.setStatusTip(
            self.tr("Ganti data aplikasi ini dengan isi folder cadangan yang sudah diperiksa")
        )
        self.restore_action.triggered.connect(self.restore)
        separator = QAction(window)
        separator.setSeparator(True)
        for action in (separator, self.backup_action, self.restore_action):
            window.add_file_action(action)

    def actions(self) -> list[QAction]:
        """The two actions, in menu order."""
        return [self.backup_action, self.restore_action]

    def _busy(self, busy: bool) -> None:
        for action in self.actions():
            action.setEnabled(not busy)

    def _fail(self, reason: str) -> None:
        self._busy(False)
        app.show_error(self.window, reason)

    def _cancelled(self) -> None:
        self._busy(False)
        self.window.statusBar().showMessage(self.tr("Dibatalkan; tidak ada yang diubah."), 8000)

    # --- backup ------------------------------------------------------------------------------------

    def back_up(self) -> None:
        """Asks for a folder, then writes and verifies a backup there."""
        target = backup_dialogs.choose_target(self.window)
        if not target:
            return
        backup_dialogs.remember(target)
        data_dir = self.store.data_dir
        self._busy(True)
        run_in_background(
            self.window,
            lambda job: _create_backup(data_dir, Path(target), _progress(job), job.check),
            on_success=self._backed_up,
            on_failure=self._fail,
            on_cancelled=self._cancelled,
            progress_label=self.tr("Mencadangkan dan memeriksa cadangan…"),
        )

    def _backed_up(self, result: BackupResult) -> None:
        self._busy(False)
        self.last_backup = result
        text = self.tr("Cadangan tersimpan dan sudah diperiksa:\n{path}").format(path=str(result.path))
        text += "\n\n" + backup_dialogs.describe(result.manifest)
        if result.manifest.missing_evidence:
            text += "\n\n" + self.tr(
                "{count} data dukung sudah tidak ada di folder data dan tidak ikut dicadangkan."
            ).format(count=len(result.manifest.missing_evidence))
        self.window.statusBar().showMessage(self.tr("Cadangan tersimpan: {path}").format(path=str(result.path)), 15000)
        backup_dialogs.inform(self.window, self.tr("Cadangkan data"), text)

    # --- restore -----------------------------------------------------------------------------------

    def restore(self) -> None:
        """Asks for a backup folder, verifies and stages it, then asks before swapping it in."""
        chosen = backup_dialogs.choose_backup(self.window)
        if not chosen:
            return
        backup_dialogs.remember(Path(chosen).parent)
        data_dir = self.store.data_dir
        self._busy(True)
        run_in_background(
            self.window,
            lambda job: _stage_restore(Path(chosen), data_dir, _progress(job), job.check),
            on_success=self._staged,
            on_failure=self._fail,
            on_cancelled=self._cancelled,
            progress_label=self.tr("Memeriksa dan menyalin cadangan…"),
        )

    def _staged(self, staged: StagedRestore) -> None:
        self._busy(False)
        if not backup_dialogs.confirm_restore(self.window, staged.manifest):
            from desktop.storage.restore import discard_staged

            discard_staged(staged)
            self.window.statusBar().showMessage(self.tr("Pemulihan dibatalkan; tidak ada yang diubah."), 8000)
            return
        # The swap needs the database closed: from here on the window cannot go on with this data.
        self.store.database.close()
        try:
            from desktop.storage.restore import install_staged

            result = install_staged(staged, self.store.lock)
        except UserError as exc:
            app.show_error(
                self.window,
                tr_user_error(exc)
                + "\n\n"
                + self.tr("Data lama tetap utuh. Aplikasi ditutup; buka kembali lalu coba lagi."),
            )
        else:
            self.restored = True
            text = self.tr(
                "Data sudah dipulihkan dari cadangan. Aplikasi ditutup; buka kembali untuk memakai data ini."
            )
            if result.previous is not None:
                text += "\n\n" + self.tr("Data sebelumnya disimpan di:\n{path}").format(path=str(result.previous))
            backup_dialogs.inform(self.window, self.tr("Pulihkan dari cadangan"), text)
        # The last window closing ends the application (run_app's exec returns and closes the store).
        self.window.close()


def _create_backup(*args):
    from desktop.storage.backup import create_backup

    return create_backup(*args)


def _stage_restore(*args):
    from desktop.storage.restore import stage_restore

    return stage_restore(*args)
