"""The district's two sendings, in Berkas: *Kirim keputusan ke kantor…* (the returns and approvals of the
shown office's reports, back to that office) and *Kirim rekap konsolidasi kabupaten…* (every approved
office report of the period, onward to the province); each a bundle signed with this install's key,
written to a stick and checked there."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from desktop.domain.messages import UserError
from desktop.domain.workflow import Permission
from desktop.ui import exchange_dialogs
from desktop.ui.i18n import tr_user_error

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class DecisionActions(QObject):
    """The action, shown while another office's reports are on screen."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("DecisionActions")
        self.window, self.store = window, window.store
        self.action = QAction(self.tr("Kirim &keputusan ke kantor…"), window)
        self.action.setStatusTip(self.tr("Laporan yang dikembalikan atau disetujui, untuk diterima kantor pengirimnya"))
        self.action.triggered.connect(self.send)
        window.add_file_action(self.action)
        self.consolidate_action = QAction(self.tr("Kirim rekap &konsolidasi kabupaten…"), window)
        self.consolidate_action.setStatusTip(
            self.tr("Semua laporan kantor yang disetujui pada triwulan ini, bertanda tangan kabupaten, untuk provinsi")
        )
        self.consolidate_action.triggered.connect(self.consolidate)
        window.add_file_action(self.consolidate_action)
        window.office_choice.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        remote = self.window.office.id != self.window.installation.office.id
        self.action.setVisible(remote and self.store.access.allows(Permission.EXPORT_BUNDLE))
        district = self.window.office_choice.count() > 1 and self.store.access.allows(Permission.APPROVE)
        self.consolidate_action.setVisible(district)

    def send(self, passphrase: str | None = None, target: Path | None = None) -> Path | None:
        """Kirim keputusan ke kantor…: asks the key's passphrase and where to write; writes and checks."""
        from desktop.exchange.decisions import export_decisions

        office, period = self.window.office, self.window.period()
        slug = re.sub(r"[^a-z0-9]+", "-", office.name.lower()).strip("-")[:40] or "kantor"
        result = self._write(
            lambda secret, path: export_decisions(self.store, office.id, period, path, secret),
            f"keputusan-{slug}-{period.key}.spmb",
            passphrase,
            target,
        )
        if result is not None:
            exchange_dialogs.inform(
                self.window,
                self.tr("Keputusan terkirim"),
                self.tr("{count} keputusan untuk {office} tersimpan dan sudah diperiksa:\n{path}").format(
                    count=result.reports, office=office.name, path=str(result.path)
                ),
            )
        return result.path if result else None

    def consolidate(self, passphrase: str | None = None, target: Path | None = None) -> Path | None:
        """Kirim rekap konsolidasi kabupaten…: the approved office reports of the period, for the province."""
        from desktop.exchange.consolidate import export_consolidation

        period = self.window.period()
        code = self.window.installation.district_code
        result = self._write(
            lambda secret, path: export_consolidation(self.store, period, path, secret),
            f"spm-{code}-konsolidasi-{period.key}.spmb",
            passphrase,
            target,
        )
        if result is not None:
            self.window.bundleExported.emit(result.path)
            exchange_dialogs.inform(
                self.window,
                self.tr("Rekap konsolidasi terkirim"),
                self.tr("{count} laporan dan {files} data dukung tersimpan dan sudah diperiksa:\n{path}").format(
                    count=result.reports, files=result.evidence_files, path=str(result.path)
                ),
            )
        return result.path if result else None

    def _write(self, write, suggested: str, passphrase: str | None, target: Path | None):
        window = self.window
        if passphrase is None:
            passphrase, ok = QInputDialog.getText(
                window, self.tr("Kunci kantor"), self.tr("Frasa sandi kunci kantor ini:"), QLineEdit.EchoMode.Password
            )
            if not ok:
                return None
        if target is None:
            chosen = exchange_dialogs.save_bundle_path(window, suggested)
            if not chosen:
                return None
            target = Path(chosen)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # decisions are a few kilobytes; a consolidation copies evidence, still seconds on a stick
            return write(passphrase, target)
        except UserError as exc:
            exchange_dialogs.show_error(window, self.tr("Paket tidak terkirim"), tr_user_error(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()


def install_decision_actions(window: MainWindow) -> DecisionActions:
    """Adds Kirim keputusan ke kantor… to the Berkas menu."""
    return DecisionActions(window)
