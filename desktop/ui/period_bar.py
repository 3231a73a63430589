"""The period chooser at the top of the window: a year and a quarter (Triwulan I-IV)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from desktop.domain.periods import FIRST_YEAR, ROMAN, Period

MONTH_SPANS = (
    QT_TRANSLATE_NOOP("PeriodBar", "Jan–Mar"),
    QT_TRANSLATE_NOOP("PeriodBar", "Apr–Jun"),
    QT_TRANSLATE_NOOP("PeriodBar", "Jul–Sep"),
    QT_TRANSLATE_NOOP("PeriodBar", "Okt–Des"),
)


class PeriodBar(QWidget):
    """Year and quarter; `periodChanged(Period)` fires once per change made by the user or by code."""

    periodChanged = Signal(object)

    def __init__(self, period: Period | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        period = period or Period.last_closed(date.today())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year = QSpinBox(self)
        # Reports are written for past and current years; next year is allowed for early planning.
        self.year.setRange(FIRST_YEAR, max(date.today().year + 1, period.year))
        self.year.setValue(period.year)
        self.year.setAccessibleName(self.tr("Tahun"))
        self.quarter = QComboBox(self)
        for number, roman in enumerate(ROMAN, start=1):
            text = self.tr("Triwulan {roman} ({months})").format(roman=roman, months=self.tr(MONTH_SPANS[number - 1]))
            self.quarter.addItem(text, number)
        self.quarter.setCurrentIndex(period.quarter - 1)
        self.quarter.setAccessibleName(self.tr("Triwulan"))
        year_label = QLabel(self.tr("Ta&hun"), self)
        year_label.setBuddy(self.year)
        quarter_label = QLabel(self.tr("T&riwulan"), self)
        quarter_label.setBuddy(self.quarter)
        for widget in (year_label, self.year, quarter_label, self.quarter):
            layout.addWidget(widget)
        self._period = period
        self.year.valueChanged.connect(self._changed)
        self.quarter.currentIndexChanged.connect(self._changed)

    def period(self) -> Period:
        """The chosen period."""
        return self._period

    def set_period(self, period: Period) -> None:
        """Shows a period (emits periodChanged if it differs)."""
        if period.year > self.year.maximum():
            self.year.setMaximum(period.year)
        self.year.blockSignals(True)
        self.year.setValue(period.year)
        self.year.blockSignals(False)
        self.quarter.setCurrentIndex(period.quarter - 1)  # emits if the quarter changed
        self._changed()

    def _changed(self, *_args) -> None:
        chosen = Period(self.year.value(), self.quarter.currentData())
        if chosen != self._period:
            self._period = chosen
            self.periodChanged.emit(chosen)
