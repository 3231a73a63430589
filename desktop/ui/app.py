"""Starting the window: the application object, translations, the data folder, first-run set-up.

Kept light on purpose: start-up time is measured against a bare PySide6 window, so the window's
own modules are imported only once the data folder is open.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.messages import UserError
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
    return app


def show_error(parent: QWidget | None, text: str) -> None:
    """A failure the user can act on, in a message box (tests replace this)."""
    QMessageBox.critical(parent, QCoreApplication.translate("App", "SPM Luring"), text)


def create_main_window(store: Store) -> MainWindow:
    """The main window over an open, set-up store, its evidence panel attached (run_app, tests, benchmarks)."""
    from desktop.ui.evidence_panel import EvidencePanel
    from desktop.ui.excel_actions import install_excel_actions
    from desktop.ui.exchange_actions import install_exchange_actions
    from desktop.ui.main_window import MainWindow
    from desktop.ui.printing_actions import install_printing_actions

    window = MainWindow(store)
    panel = EvidencePanel(store)
    window.contextChanged.connect(panel.set_context)
    panel.changed.connect(window.refresh_evidence_counts)
    window.set_evidence_panel(panel)  # sends the panel the current report and row
    install_printing_actions(window)  # Berkas > Cetak formulir laporan…, rekap kabupaten…, formulir kosong…
    install_excel_actions(window)  # Berkas > Buat templat Excel…, Impor dari Excel…, Ekspor rekap e-SPM…
    install_exchange_actions(window)  # Berkas > Kirim paket laporan (USB)…, Terima paket…, Kunci & kepercayaan…
    return window


def run_app(data_dir: str | None) -> int:
    """Runs the window until it is closed; 0 when all went well, 1 when the data folder cannot be used."""
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
        window = create_main_window(store)
        window.show()
        if os.environ.get(QUIT_WHEN_READY) == "1":
            QTimer.singleShot(0, app.quit)
        return app.exec()
    except UserError as exc:
        show_error(None, tr_user_error(exc))
        return EXIT_USER_ERROR
    finally:
        store.close()
