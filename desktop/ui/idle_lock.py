"""Locks the window after a time without keyboard or mouse use: a shared laptop must not stay open.

The minutes come from the install's settings (`idle_lock_minutes`, set by the admin; 0 turns the
lock off). While locked the window's contents are hidden behind the login; the same account unlocks
it, or another account logs in instead (the window then follows that account's role).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMainWindow

from desktop.storage.store import Store
from desktop.storage.user_admin import IDLE_LOCK_SETTING

DEFAULT_MINUTES = 10
WATCH_AFTER_MS = 1000
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(store: Store) -> int:
    """The configured idle time before the lock, in minutes (0: never)."""
    return int(store.settings.get(IDLE_LOCK_SETTING, DEFAULT_MINUTES))


class IdleLock(QObject):
    """Watches the application's input and locks the window when the time runs out."""

    unlocked = Signal()  # after a login over the lock (maybe as another account)

    def __init__(self, window: QMainWindow, store: Store):
        super().__init__(window)
        self.window, self.store = window, store
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        # Watching every event of the application starts once the window is up: the first paint
        # is not kept waiting, and ten idle minutes counted from a second later are the same.
        QTimer.singleShot(WATCH_AFTER_MS, self, self._watch)  # cancelled with the window

    def _watch(self) -> None:
        if not self.window.isVisible():  # closed before it was up (its store may be closed too)
            return
        QApplication.instance().installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        """Starts counting again from now, with the configured minutes."""
        minutes = idle_minutes(self.store)
        self.timer.stop()
        if minutes > 0 and self.store.access.accounts_exist:
            self.timer.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # same interval, from now
        return False

    def lock(self) -> None:
        """Hides the window's contents behind the login until an account logs in."""
        if self.locked or self.store.access.user is None:
            return
        from desktop.ui.login_dialog import LoginDialog

        self.locked = True
        user = self.store.access.user.username
        hidden = [w for w in (self.window.centralWidget(), *self.window.findChildren(QDockWidget)) if w.isVisible()]
        for widget in hidden:
            widget.setVisible(False)
        try:
            while True:
                dialog = LoginDialog(self.store, self.window, locked_user=user)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    break
                # "Ganti pengguna": anyone may log in; nobody leaves the lock without a login.
                self.store.access.logout()
                if LoginDialog(self.store, self.window).exec() == QDialog.DialogCode.Accepted:
                    break
        finally:
            for widget in hidden:
                widget.setVisible(True)
            self.locked = False
        self.restart()
        self.unlocked.emit()
