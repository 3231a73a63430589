"""Starting the window: the application object, translations, the data folder, first-run set-up.

Kept light on purpose: start-up time is measured against a bare PySide6 window, so the window's
own modules are imported only once the data folder is open.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.messages import UserError
from desktop.domain.resource_files import resource
from desktop.ui.i18n import current_language, install_translator, tr_user_error

if TYPE_CHECKING:
    from desktop.storage.store import Store
    from desktop.ui.main_window import MainWindow

APP_NAME = "SPM Luring"
EXIT_OK, EXIT_USER_ERROR = 0, 1
# Set to 1, the window quits as soon as it is shown and the event loop is idle: for the start-up
# benchmark and for checking an installed copy without anyone at the keyboard.
QUIT_WHEN_READY = "SPM_LURING_QUIT_WHEN_READY"


def application() -> QApplication:
    """The QApplication (made once), named so that QSettings and the data folder agree."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons", "spm-luring.png"))))
    return app


def show_error(parent: QWidget | None, text: str) -> None:
    """A failure the user can act on, in a message box (tests replace this)."""
    QMessageBox.critical(parent, QCoreApplication.translate("App", "SPM Luring"), text)


def create_main_window(store: Store) -> MainWindow:
    """The main window over an open, set-up store, its evidence panel attached (run_app, tests, benchmarks)."""
    from desktop.ui.account_actions import install_account_actions
    from desktop.ui.backup_actions import install_backup_actions
    from desktop.ui.completeness_view import install_completeness_actions
    from desktop.ui.decision_actions import install_decision_actions
    from desktop.ui.evidence_panel import EvidencePanel
    from desktop.ui.excel_actions import install_excel_actions
    from desktop.ui.exchange_actions import install_exchange_actions
    from desktop.ui.main_window import MainWindow
    from desktop.ui.printing_actions import install_printing_actions
    from desktop.ui.sync_actions import install_sync_actions

    window = MainWindow(store)
    panel = EvidencePanel(store)
    window.contextChanged.connect(panel.set_context)
    panel.changed.connect(window.refresh_evidence_counts)
    window.set_evidence_panel(panel)  # sends the panel the current report and row
    install_printing_actions(window)  # Berkas > Cetak formulir laporan…, rekap kabupaten…, formulir kosong…
    install_excel_actions(window)  # Berkas > Buat templat Excel…, Impor dari Excel…, Ekspor rekap e-SPM…
    install_exchange_actions(window)  # Berkas > Kirim paket laporan (USB)…, Terima paket…, Kunci & kepercayaan…
    install_backup_actions(window)  # Berkas > Cadangkan data…, Pulihkan dari cadangan…
    install_decision_actions(window)  # Berkas > Kirim keputusan ke kantor… (district mode)
    install_completeness_actions(window)  # Tampilan > Kelengkapan laporan…
    install_sync_actions(window)  # status bar: the hub's state; Berkas > Sinkronkan sekarang, Antrean…, Hub…
    install_account_actions(window)  # Akun > Kunci sekarang, Kelola akun…, Batas waktu…, Riwayat sel…
    return window


def open_bundle_in(window: MainWindow, bundle: str) -> None:
    """Opens the import dialog of a bundle given on the command line (Terima paket laporan…)."""
    from pathlib import Path

    from desktop.ui.exchange_actions import ExchangeActions

    actions = window.findChild(ExchangeActions, "ExchangeActions")
    actions.open_bundle(Path(bundle))


def run_app(data_dir: str | None, bundle: str | None = None) -> int:
    """Runs the window until it is closed; 0 when all went well, 1 when the data folder cannot be used.

    With `bundle` (a double-clicked .spmb), its import dialog opens over the window.
    """
    app = application()
    install_translator(app, current_language())
    from desktop.storage.store import Store

    try:
        store = Store.open(data_dir)
    except UserError as exc:
        show_error(None, tr_user_error(exc))
        return EXIT_USER_ERROR
    try:
        if store.installation is None:
            from desktop.ui.setup_wizard import run_setup

            if not run_setup(store, parent=None):
                return EXIT_OK
            store.forget_installation()
        if store.access.accounts_exist and store.access.user is None:
            from desktop.ui.login_dialog import log_in

            if not log_in(store):
                return EXIT_OK
        window = create_main_window(store)
        window.show()
        if bundle:
            open_bundle_in(window, bundle)
        if os.environ.get(QUIT_WHEN_READY) == "1":
            QTimer.singleShot(0, app.quit)
        return app.exec()
    except UserError as exc:
        show_error(None, tr_user_error(exc))
        return EXIT_USER_ERROR
    finally:
        store.close()
