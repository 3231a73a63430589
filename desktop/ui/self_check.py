"""The window part of `spm-luring self-test`: the Qt libraries, platform plugin and translations load,
and the main window opens and closes (the command line itself never imports Qt)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.store import Store


def open_and_close_window(store: Store, settings_dir: Path) -> str:
    """Opens the main window over a set-up store, lets the event loop run once, closes it.

    Offscreen unless QT_QPA_PLATFORM says otherwise; window settings go to `settings_dir`, never the
    user's. Returns the platform used and the Qt version; raises when anything does not load.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QEventLoop, QSettings, QTimer, QTranslator, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from desktop.domain.resource_files import resource
    from desktop.ui.app import application, create_main_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    application()
    translator = QTranslator()
    if not translator.load(str(resource("i18n", "spm_luring_en.qm"))):
        raise RuntimeError("the English translation does not load")
    # The offscreen platform chats about what it cannot do (size hints); such notes are no failure.
    previous = qInstallMessageHandler(lambda _kind, _context, _text: None)
    window = create_main_window(store)
    seen: list[bool] = []

    # A local loop, not app.exec(): quitting it ends only this check, never the application.
    loop = QEventLoop()

    def look() -> None:
        seen.append(window.isVisible() and window.width() > 0 and window.menuBar().actions() != [])
        loop.quit()

    try:
        window.show()
        QTimer.singleShot(0, look)  # one pass of the event loop: the window lays out and paints
        loop.exec()
        if seen != [True]:
            raise RuntimeError("the main window did not show")
    finally:
        window.close()
        window.deleteLater()
        qInstallMessageHandler(previous)
    return f"{QGuiApplication.platformName()}, Qt {pyside_version}"
