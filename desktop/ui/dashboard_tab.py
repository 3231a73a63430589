"""The Dasbor tab's place in the window: an empty page until first shown, then the dashboard itself.

QtCharts is heavy to import, so the dashboard module is imported (and the figures read) only when
the tab is first shown; afterwards changes only mark the figures stale until the tab is visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.domain.periods import Period
from desktop.storage.store import Store
from desktop.ui.refresh_when_shown import RefreshWhenShown

if TYPE_CHECKING:
    from desktop.ui.dashboard_view import DashboardView


class DashboardTab(RefreshWhenShown, QWidget):
    """Holds the dashboard; `serviceActivated(code)` when a service's bar or row is clicked."""

    serviceActivated = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.period: Period | None = None
        self.view: DashboardView | None = None
        self._dirty = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def refresh(self) -> None:
        """Builds the dashboard on first use, then shows the period's figures."""
        if self.period is None:
            return
        self._dirty = False
        if self.view is None:
            from desktop.ui.dashboard_view import DashboardView

            self.view = DashboardView(self.store, self)
            self.view.serviceActivated.connect(self.serviceActivated)
            self._layout.addWidget(self.view)
        self.view.show_period(self.period)
