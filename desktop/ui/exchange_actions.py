"""Berkas › Kirim paket laporan (USB)…, Terima paket laporan…, Kunci & kepercayaan….

The dialogs (and the exchange modules under them: minisign, age, zipfile) are imported when an
action is first used, so the window starts as quickly as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.ui import exchange_dialogs

if TYPE_CHECKING:
    from desktop.ui.export_dialog import ExportDialog
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.keys_dialog import KeysDialog
    from desktop.ui.main_window import MainWindow


def install_exchange_actions(window: MainWindow) -> ExchangeActions:
    """Adds the bundle and key actions to the window's Berkas menu."""
    return ExchangeActions(window)


class ExchangeActions(QObject):
    """The three bundle actions of one main window, and the dialog each has open (tests look)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("ExchangeActions")
        self.window = window
        self.store = window.store
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.keys_dialog: KeysDialog | None = None

        self.export_action = QAction(self.tr("&Kirim paket laporan (USB)…"), window)
        self.export_action.setStatusTip(
            self.tr("Simpan laporan triwulan beserta data dukungnya sebagai paket bertanda tangan, untuk kabupaten")
        )
        self.export_action.triggered.connect(self.send_bundle)
        self.import_action = QAction(self.tr("&Terima paket laporan…"), window)
        self.import_action.setStatusTip(
            self.tr("Periksa paket dari perangkat daerah, lihat perubahannya, lalu terapkan")
        )
        self.import_action.triggered.connect(self.receive_bundle)
        self.keys_action = QAction(self.tr("Kunci && &kepercayaan…"), window)
        self.keys_action.setStatusTip(
            self.tr("Kunci tanda tangan kantor, kunci mitra yang dipercaya, penerima enkripsi")
        )
        self.keys_action.triggered.connect(self.manage_keys)
        separator = QAction(window)
        separator.setSeparator(True)
        for action in (separator, self.export_action, self.import_action, self.keys_action):
            window.add_file_action(action)

    def actions(self) -> list[QAction]:
        """The three actions, in menu order."""
        return [self.export_action, self.import_action, self.keys_action]

    # --- the actions -------------------------------------------------------------------------------

    def send_bundle(self) -> ExportDialog:
        """Kirim paket laporan (USB)…: the export dialog over the period shown."""
        from desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.store, self.window.period(), self.window)
        dialog.exported.connect(lambda _result: self.window.refresh_report())
        dialog.exported.connect(lambda result: self.window.bundleExported.emit(result.path))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def receive_bundle(self) -> ImportDialog | None:
        """Terima paket laporan…: a bundle file (and, when it is encrypted, an age key file), then the
        import dialog, which verifies it at once."""
        chosen = exchange_dialogs.open_bundle_path(
            self.window, exchange_dialogs.start_folder(exchange_dialogs.IMPORT_FOLDER)
        )
        if not chosen:
            return None
        exchange_dialogs.remember_folder(exchange_dialogs.IMPORT_FOLDER, chosen)
        return self.open_bundle(Path(chosen))

    def open_bundle(self, path: Path) -> ImportDialog | None:
        """The import dialog over one bundle file (chosen above, or double-clicked: `spm-luring FILE.spmb`),
        asking for an age key file first when the bundle is encrypted."""
        from desktop.exchange.encryption import is_age_file
        from desktop.ui.import_dialog import ImportDialog

        identity = None
        if path.name.endswith(".age") or is_age_file(path):
            picked = exchange_dialogs.open_identity_path(
                self.window, exchange_dialogs.start_folder(exchange_dialogs.IDENTITY_FOLDER)
            )
            if not picked:
                return None
            exchange_dialogs.remember_folder(exchange_dialogs.IDENTITY_FOLDER, picked)
            identity = Path(picked)
        dialog = ImportDialog(self.store, path, identity, self.window)
        dialog.applied.connect(lambda _result: self.window.refresh_report())
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def manage_keys(self) -> KeysDialog:
        """Kunci & kepercayaan…: the office key, trusted keys and age recipients."""
        from desktop.ui.keys_dialog import KeysDialog

        dialog = KeysDialog(self.store, self.window)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.keys_dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        for name in ("export_dialog", "import_dialog", "keys_dialog"):
            if getattr(self, name) is dialog:
                setattr(self, name, None)
        dialog.deleteLater()
