"""A view that reads the store only while it is on screen: marked dirty when figures change, read on show."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent

from desktop.domain.periods import Period


class RefreshWhenShown:
    """Mixin for a QWidget with a `refresh()`: changes while hidden cost nothing until it is shown."""

    period: Period | None
    _dirty: bool

    def set_period(self, period: Period) -> None:
        """Shows another period (read now if visible, else when next shown)."""
        self.period = period
        self.mark_dirty()

    def mark_dirty(self) -> None:
        """The figures changed: read them again now if the view is visible, otherwise when it is shown."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
