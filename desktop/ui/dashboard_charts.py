"""The dashboard's charts (QtCharts): sorted horizontal bars coloured by band with the 100 % target
marked, and the index trend over the quarters. Values are written beside the bars in Indonesian
format by the chart itself (QtCharts' own labels know no "62,28"), so screen, PNG and PDF agree.

Imported only when the dashboard is first shown: QtCharts costs start-up time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

from desktop.domain.catalog import ScoringRules
from desktop.domain.dashboard import Bar, TrendPoint
from desktop.domain.formatting import format_percent
from desktop.ui.bands import band_colour

TARGET = 100.0
BAR_HEIGHT = 30  # pixels per bar on screen: a projector at the back of a room still reads the labels
TARGET_PEN = QColor("#37474f")
TEXT = QColor("#212121")
MUTED = QColor("#616161")
LAST_YEAR = QColor("#9e9e9e")
THIS_YEAR = QColor("#1565c0")
INSIDE = QColor("#ffffff")
NEUTRAL = QColor("#1976d2")  # shares that are not achievements (evidence, completeness): no band


def chart_font(base: QFont, scale: float = 1.0, bold: bool = False) -> QFont:
    """The base font scaled (charts are read from a distance)."""
    font = QFont(base)
    if base.pixelSize() > 0:  # the PDF's fonts are sized in pixels, so every screen lays them out alike
        font.setPixelSize(max(1, round(base.pixelSize() * scale)))
    else:
        font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(bold)
    return font


def translate(text) -> str:
    """A domain text (context, source) in the window's language."""
    return QCoreApplication.translate(*text)


class _ValueLabels:
    """Texts pinned to points of a series, placed again whenever the plot area moves."""

    def __init__(self, chart: QChart, font: QFont):
        self.chart, self.font = chart, font
        self.items: list[tuple[QGraphicsSimpleTextItem, QPointF, object, Callable]] = []
        chart.plotAreaChanged.connect(lambda _area: self.place())

    def clear(self) -> None:
        for item, *_ in self.items:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items = []

    def add(self, text: str, at: QPointF, series, anchor: Callable, colour: QColor = TEXT) -> QGraphicsSimpleTextItem:
        """A text at a data point; `anchor(point, size)` gives its top-left from the point's position."""
        item = QGraphicsSimpleTextItem(text, self.chart)
        item.setFont(self.font)
        item.setBrush(QBrush(colour))
        item.setZValue(20)
        item.setData(0, colour)  # its own colour, for when it leaves a bar's inside
        self.items.append((item, at, series, anchor))
        return item

    def restyle(self, index: int, anchor: Callable, colour: QColor | None = None) -> None:
        """Moves one text to another side of its point (and colour, when given)."""
        item, at, series, _anchor = self.items[index]
        self.items[index] = (item, at, series, anchor)
        if colour is not None:
            item.setBrush(QBrush(colour))
        elif item.data(0) is not None:
            item.setBrush(QBrush(item.data(0)))

    def place(self) -> None:
        for item, at, series, anchor in self.items:
            point = self.chart.mapToPosition(at, series)
            item.setPos(anchor(point, item.boundingRect().size()))

    def texts(self) -> list[str]:
        """The texts, in the order added."""
        return [item.text() for item, *_ in self.items]


def _right_of(point: QPointF, size) -> QPointF:
    return QPointF(point.x() + 6, point.y() - size.height() / 2)


def _inside_end(point: QPointF, size) -> QPointF:
    return QPointF(point.x() - size.width() - 6, point.y() - size.height() / 2)


def _above(point: QPointF, size) -> QPointF:
    return QPointF(point.x() - size.width() / 2, point.y() - size.height() - 6)


def _below(point: QPointF, size) -> QPointF:
    return QPointF(point.x() - size.width() / 2, point.y() + 6)


class BarChartView(QChartView):
    """Horizontal bars, first bar on top, one colour per band; `barClicked(code)` when a bar is clicked.

    The plot area is laid out here, not by QtCharts: its category axis cuts names at a third of the
    width, while a service name needs up to 40 %, and the value axis must leave room for each label.
    """

    barClicked = Signal(str)

    def __init__(self, rules: ScoringRules, base_font: QFont, parent: QWidget | None = None, *, scale: float = 1.0):
        chart = QChart()
        super().__init__(chart, parent)
        self.rules, self.scale = rules, scale
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.setBackgroundRoundness(0)
        chart.legend().setVisible(False)
        self.axis_font = chart_font(base_font, 1.0 * scale)
        self.value_font = chart_font(base_font, 1.05 * scale, bold=True)
        self.labels = _ValueLabels(chart, self.value_font)
        self.names: list[QGraphicsSimpleTextItem] = []
        self.bars: tuple[Bar, ...] = ()
        self.texts: list[str] = []
        self.categories: list[str] = []
        self.series: QHorizontalStackedBarSeries | None = None
        self.value_axis: QValueAxis | None = None
        self.target_line: QLineSeries | None = None
        chart.plotAreaChanged.connect(lambda _area: self._place_names())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # resizes the chart to the view
        self.fit()

    def set_bars(self, bars: Sequence[Bar], texts: Sequence[str] | None = None) -> None:
        """Shows the bars in the given order (top to bottom), each labelled with its value or why it has none.

        `texts` replaces the value written beside each bar; bars without a band are drawn in one neutral colour.
        """
        self._clear()
        self.bars = tuple(bars)
        # Qt draws category 0 at the bottom; reversed, the first (lowest) bar is on top.
        order = list(reversed(self.bars))
        self.categories = _unique([b.label for b in order])
        self.series = self._bar_series(order)
        self._axes(len(order))
        self._texts(order, texts)
        self.setMinimumHeight(int(max(len(order), 2) * BAR_HEIGHT * self.scale + 70))
        self.fit()

    def _clear(self) -> None:
        chart = self.chart()
        self.labels.clear()
        for item in self.names:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.names = []
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _bar_series(self, order: list[Bar]) -> QHorizontalStackedBarSeries:
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.72)
        groups = [(band.label, band, band_colour(self.rules, band)) for band in self.rules.bands]
        for name, band, colour in [*groups, ("", None, NEUTRAL)]:
            values = [b.value if b.value is not None and b.band == band else 0.0 for b in order]
            if not any(values):
                continue
            bar_set = QBarSet(name)
            bar_set.append(values)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.clicked.connect(self._clicked)
            bar_set.hovered.connect(self._hovered)
            series.append(bar_set)
        self.chart().addSeries(series)
        return series

    def _axes(self, count: int) -> None:
        chart, series = self.chart(), self.series
        categories = QBarCategoryAxis()
        categories.append(self.categories or [""])
        categories.setLabelsVisible(False)  # the names are drawn by _place_names, as wide as they need
        categories.setGridLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)

        values = QValueAxis()
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setLabelFormat("%.0f")
        values.setLabelsFont(self.axis_font)
        values.setTitleText(QCoreApplication.translate("Dashboard", "Capaian (%)"))
        values.setTitleFont(self.axis_font)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        self.value_axis = values

        # The 100 % target: a dashed line over the whole height, on a hidden axis matching the categories.
        line = QLineSeries()
        line.setName(QCoreApplication.translate("Dashboard", "Target 100 %"))
        line.append(TARGET, -0.5)
        line.append(TARGET, max(count, 1) - 0.5)
        line.setPen(QPen(TARGET_PEN, 2 * self.scale, Qt.PenStyle.DashLine))
        chart.addSeries(line)
        rows = QValueAxis()
        rows.setRange(-0.5, max(count, 1) - 0.5)
        rows.setVisible(False)
        chart.addAxis(rows, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(values)
        line.attachAxis(rows)
        self.target_line = line

    def _texts(self, order: list[Bar], texts: Sequence[str] | None) -> None:
        written = list(reversed(texts)) if texts is not None else [None] * len(order)
        self.texts = []
        for index, (bar, given) in enumerate(zip(order, written, strict=True)):
            if bar.value is None:
                text = given or (translate(bar.missing) if bar.missing else "—")
                self.labels.add(text, QPointF(0, index), self.series, _right_of, MUTED)
            else:
                text = given or format_percent(bar.value)
                self.labels.add(text, QPointF(bar.value, index), self.series, _right_of)
            self.texts.append(text)
            name = QGraphicsSimpleTextItem(self.categories[index], self.chart())
            name.setFont(self.axis_font)
            name.setBrush(QBrush(TEXT))
            name.setZValue(20)
            self.names.append(name)

    def fit(self) -> None:
        """Lays the plot out for the chart's size: room for the names, the value labels and the axis below."""
        chart = self.chart()
        size = chart.size()
        if self.series is None or size.width() < 50 or size.height() < 50:
            return
        names = QFontMetricsF(self.axis_font)
        widest = max((names.horizontalAdvance(c) for c in self.categories), default=0.0)
        self.names_width = min(widest, size.width() * 0.42)
        left = self.names_width + 14 * self.scale
        below = names.height() * 2 + 18 * self.scale
        # The names get a left margin of their own; QtCharts lays out the rest (axes, plot) consistently.
        chart.setMargins(QMargins(round(left), 4, round(12 * self.scale), 4))
        plot = QRectF(left, 6, max(size.width() - left - 24 * self.scale, 10), max(size.height() - 6 - below, 10))
        labels = QFontMetricsF(self.value_font)
        widths = [labels.horizontalAdvance(text) + 10 * self.scale for text in self.texts]
        reach = TARGET * 1.04
        for bar, width in zip(reversed(self.bars), widths, strict=True):
            room = plot.width() - width
            if bar.value and room > plot.width() * 0.35:
                reach = max(reach, bar.value * plot.width() / room)
        highest = max((b.value for b in self.bars if b.value is not None), default=0.0)
        reach = min(reach, max(TARGET, highest) * 1.5)  # bars stay long; a label that does not fit goes inside
        # As many ticks as fit without QtCharts cutting "100" to "1…".
        ticks = max(2, int(plot.width() // (names.horizontalAdvance("1000") + 12 * self.scale)))
        step = next((s for s in (20, 25, 50, 100, 200, 500) if reach / s <= ticks), 1000)
        top = math.ceil(reach / step) * step
        self.value_axis.setTickInterval(step)
        self.value_axis.setRange(0, top)
        # A label that finds no room right of its bar is written inside the bar's end, in white.
        for index, (bar, width) in enumerate(zip(reversed(self.bars), widths, strict=True)):
            end = (bar.value or 0) / top * plot.width()
            inside = end + width > plot.width() and end > width
            self.labels.restyle(index, _inside_end if inside else _right_of, INSIDE if inside else None)
        slot = plot.height() / max(len(self.bars), 1)
        self.series.setBarWidth(min(0.72, 34 * self.scale / slot))  # a lone bar stays a bar, not a block
        self.labels.place()
        self._place_names()

    def _place_names(self) -> None:
        if self.series is None:
            return
        metrics = QFontMetricsF(self.axis_font)
        width = getattr(self, "names_width", 0.0)
        plot = self.chart().plotArea()
        for index, item in enumerate(self.names):
            text = metrics.elidedText(self.categories[index], Qt.TextElideMode.ElideRight, width)
            item.setText(text)
            centre = self.chart().mapToPosition(QPointF(0, index), self.series).y()
            box = item.boundingRect()
            item.setPos(plot.left() - 8 * self.scale - box.width(), centre - box.height() / 2)

    def name_texts(self) -> list[str]:
        """The names as drawn (elided when too long), top to bottom."""
        return [item.text() for item in reversed(self.names)]

    def values(self) -> dict[str, float | None]:
        """What the bars show, read back from the series: label -> value (None when no set has one)."""
        shown: dict[str, float | None] = dict.fromkeys(self.categories)
        if self.series is None:
            return shown
        for bar_set in self.series.barSets():
            for index, category in enumerate(self.categories):
                if bar_set.at(index):
                    shown[category] = (shown[category] or 0.0) + bar_set.at(index)
        return shown

    def value_texts(self) -> list[str]:
        """The texts beside the bars, top to bottom."""
        return list(reversed(self.labels.texts()))

    def bar_centre(self, code: str) -> QPoint:
        """Where a bar is drawn, in the view's coordinates (for tests and keyboard-less clicks)."""
        order = list(reversed(self.bars))
        index = next(i for i, b in enumerate(order) if b.code == code)
        value = order[index].value or 0.0
        scene = self.chart().mapToPosition(QPointF(value / 2, index), self.series)
        return self.mapFromScene(scene)

    def _bar_at(self, index: int) -> Bar:
        return list(reversed(self.bars))[index]

    def _clicked(self, index: int) -> None:
        self.barClicked.emit(self._bar_at(index).code)

    def _hovered(self, status: bool, index: int) -> None:
        if status:
            bar = self._bar_at(index)
            band = f" — {bar.band.label}" if bar.band else ""
            QToolTip.showText(self.cursor().pos(), f"{bar.code} {bar.label}: {format_percent(bar.value)}{band}", self)
        else:
            QToolTip.hideText()


class TrendChartView(QChartView):
    """The index per quarter: this year's line, last year's beside it, the chosen quarter marked."""

    def __init__(self, base_font: QFont, parent: QWidget | None = None, *, scale: float = 1.0):
        chart = QChart()
        super().__init__(chart, parent)
        self.scale = scale
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 12, 4))
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend.setFont(chart_font(base_font, 1.0 * scale))
        self.axis_font = chart_font(base_font, 1.0 * scale)
        self.labels = _ValueLabels(chart, chart_font(base_font, 1.0 * scale, bold=True))
        self.lines: dict[int, QLineSeries] = {}
        self.setMinimumHeight(int(260 * scale))

    def set_points(self, this_year: Sequence[TrendPoint], last_year: Sequence[TrendPoint], chosen: int) -> None:
        """Shows both years' quarters (points without data are left out); `chosen` is the quarter shown (1-4)."""
        chart = self.chart()
        self.labels.clear()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.lines = {}
        self.axes = self._axes(this_year)
        self._year(last_year, LAST_YEAR, Qt.PenStyle.DashLine, _below)
        self._year(this_year, THIS_YEAR, Qt.PenStyle.SolidLine, _above)
        # The quarter shown in the rest of the dashboard: a ring around this year's point.
        current = this_year[chosen - 1]
        if current.index is not None:
            ring = QScatterSeries()
            ring.setMarkerSize(22 * self.scale)
            ring.setColor(QColor(0, 0, 0, 0))
            ring.setBorderColor(THIS_YEAR)
            ring.setPen(QPen(THIS_YEAR, 2 * self.scale))
            ring.append(chosen - 1, current.index)
            self._add(ring)
        self.labels.place()

    def _axes(self, points: Sequence[TrendPoint]) -> tuple[QBarCategoryAxis, QValueAxis]:
        quarters = QBarCategoryAxis()
        quarters.append(
            [QCoreApplication.translate("Dashboard", "TW {roman}").format(roman=p.period.roman) for p in points]
        )
        quarters.setLabelsFont(self.axis_font)
        quarters.setTitleText(QCoreApplication.translate("Dashboard", "Triwulan"))
        quarters.setTitleFont(self.axis_font)
        self.chart().addAxis(quarters, Qt.AlignmentFlag.AlignBottom)
        values = QValueAxis()
        values.setRange(0, 115)  # room above 100 for a label
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(20)
        values.setLabelFormat("%.0f")
        values.setLabelsFont(self.axis_font)
        values.setTitleText(QCoreApplication.translate("Dashboard", "Indeks (%)"))
        values.setTitleFont(self.axis_font)
        self.chart().addAxis(values, Qt.AlignmentFlag.AlignLeft)
        return quarters, values

    def _add(self, series, in_legend: bool = False) -> None:
        self.chart().addSeries(series)
        for axis in self.axes:
            series.attachAxis(axis)
        if not in_legend:
            self.chart().legend().markers(series)[0].setVisible(False)

    def _year(self, points: Sequence[TrendPoint], colour: QColor, style: Qt.PenStyle, anchor: Callable) -> None:
        year = points[0].period.year
        line = QLineSeries()
        line.setName(str(year))
        line.setPen(QPen(colour, 3 * self.scale, style))
        dots = QScatterSeries()
        dots.setColor(colour)
        dots.setBorderColor(colour)
        dots.setMarkerSize(10 * self.scale)
        for position, point in enumerate(points):
            if point.index is not None:
                line.append(position, point.index)
                dots.append(position, point.index)
        self._add(line, in_legend=True)
        self._add(dots)
        self.lines[year] = line
        for position, point in enumerate(points):
            if point.index is not None:
                self.labels.add(format_percent(point.index), QPointF(position, point.index), line, anchor, colour)

    def points(self, year: int) -> list[tuple[float, float]]:
        """The (quarter position, index) points of a year's line, read back from the series."""
        line = self.lines.get(year)
        return [(p.x(), p.y()) for p in line.points()] if line is not None else []


def _unique(labels: list[str]) -> list[str]:
    # A category axis merges equal labels; two kecamatan of one name must stay two bars.
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result
