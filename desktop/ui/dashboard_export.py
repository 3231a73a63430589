"""The dashboard on paper and as pictures: one chart as PNG, the whole dashboard on one A4 page (PDF).

The PDF is drawn by Qt's PDF writer with the shipped DejaVu Sans, embedded, and every size in
pixels at a fixed resolution: the page is laid out the same on any computer and prints the same
on any printer. Both files are written under a temporary name, synced, then renamed into place.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from desktop import __version__
from desktop.domain.catalog import load_catalog
from desktop.domain.dashboard import Bar, Dashboard
from desktop.domain.formatting import format_date, format_percent
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.resource_files import resource
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error
from desktop.storage.installation import Installation
from desktop.ui.bands import band_colour
from desktop.ui.dashboard_charts import BarChartView, TrendChartView
from desktop.ui.dashboard_texts import comparison_text, coverage_bars, coverage_text

DPI = 96  # the page's unit: 1/96 inch, so an A4 landscape page is about 1123 x 794
PNG_SCALE = 2  # PNGs at twice the screen's pixels: sharp on slides and in documents
MUTED = QColor("#555555")
RULE = QColor("#9e9e9e")


@dataclass(frozen=True)
class PdfPage:
    """What the one-page PDF shows."""

    installation: Installation
    figures: Dashboard
    area_service: str | None  # the service compared per kecamatan
    area_bars: Sequence[Bar]
    printed: date | None = None  # None: today


def save_png(widget: QWidget, path: Path) -> Path:
    """Draws a chart (or table) as shown into a PNG at `path`."""
    image = QImage(widget.size() * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    widget.render(painter)
    painter.end()
    return _atomic(path, lambda temporary: image.save(str(temporary), "PNG"))


def write_pdf(page: PdfPage, path: Path) -> Path:
    """Lays the dashboard out on one A4 landscape page and writes it to `path`."""

    def draw(temporary: Path) -> bool:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(10, 10, 10, 10),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setCreator(f"SPM Luring {__version__}")
        writer.setTitle(QCoreApplication.translate("DashboardPdf", "Dasbor capaian SPM"))
        painter = QPainter()
        if not painter.begin(writer):
            return False
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _draw_page(painter, QRectF(QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(DPI).size())), page)
        finally:
            painter.end()
        return True

    return _atomic(path, draw)


# --- the page ------------------------------------------------------------------------------------------


@cache
def _family() -> str:
    """DejaVu Sans from the shipped fonts (the PDF forms' font too), registered with Qt once."""
    families = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "DejaVu Sans"


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(_family())
    font.setPixelSize(round(pixels))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # the same glyph widths everywhere
    return font


def _text(painter: QPainter, rect: QRectF, text: str, font: QFont, colour=Qt.GlobalColor.black, flags=None) -> None:
    painter.setFont(font)
    painter.setPen(QColor(colour))
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    painter.drawText(rect, int(flags if flags is not None else align), text)


def _draw_page(painter: QPainter, area: QRectF, page: PdfPage) -> None:
    rules = load_catalog().scoring
    _draw_head(painter, area, page)
    footer = 18
    charts_top = area.top() + 120
    _draw_charts(painter, QRectF(area.left(), charts_top, area.width(), area.bottom() - charts_top - footer), page)
    weights = rules.recipients_weight + rules.quality_weight
    note = QCoreApplication.translate(
        "DashboardPdf",
        "Nilai jenis pelayanan = {recipients} capaian penerima + {quality} capaian mutu (paling tinggi 100); "
        "indeks = rata-rata nilai yang berisi data. Dicetak dengan SPM Luring {version}, {date}.",
    ).format(
        recipients=format_percent(100 * rules.recipients_weight / weights, 0),
        quality=format_percent(100 * rules.quality_weight / weights, 0),
        version=__version__,
        date=format_date(page.printed or date.today()),
    )
    _text(painter, QRectF(area.left(), area.bottom() - footer + 4, area.width(), footer), note, _font(9), MUTED)


def _draw_head(painter: QPainter, area: QRectF, page: PdfPage) -> None:
    """The office and quarter, the index in large type with its band, last year, evidence and completeness."""
    figures, installation = page.figures, page.installation
    period = figures.period
    left, top, width = area.left(), area.top(), area.width()
    heading = QCoreApplication.translate("DashboardPdf", "Dasbor capaian SPM — {office}, {district}").format(
        office=installation.office.name, district=installation.district_name
    )
    _text(painter, QRectF(left, top, width * 0.72, 26), heading, _font(18, bold=True))
    quarter = QCoreApplication.translate("DashboardPdf", "Triwulan {roman} {year}").format(
        roman=period.roman, year=period.year
    )
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    _text(painter, QRectF(left + width * 0.72, top, width * 0.28, 26), quarter, _font(18, bold=True), flags=right)
    painter.setPen(QPen(RULE, 1))
    painter.drawLine(QPointF(left, top + 30), QPointF(left + width, top + 30))

    colour = band_colour(load_catalog().scoring, figures.band)
    y = top + 36
    _text(painter, QRectF(left, y, 250, 70), format_percent(figures.index), _font(54, bold=True), colour)
    band = figures.band.label if figures.band else QCoreApplication.translate("DashboardPdf", "Belum ada data")
    _text(painter, QRectF(left + 262, y + 6, 330, 30), band, _font(24, bold=True), colour)
    _text(painter, QRectF(left + 262, y + 40, 330, 36), comparison_text(figures), _font(12), MUTED)
    _text(painter, QRectF(left + 610, y + 4, width - 610, 72), coverage_text(figures), _font(12))


def _draw_charts(painter: QPainter, charts: QRectF, page: PdfPage) -> None:
    """Services (the whole height), then fields and the trend, then the kecamatan and the evidence."""
    figures = page.figures
    catalog = load_catalog()
    rules = catalog.scoring
    gap = 14
    first = charts.width() * 0.34
    other = (charts.width() - first - 2 * gap) / 2
    upper = charts.height() * 0.48
    lower = charts.height() - upper - gap
    base = _font(10)
    areas_title = QCoreApplication.translate("DashboardPdf", "Capaian penerima per kecamatan")
    if page.area_service:
        areas_title += f": {catalog.service(page.area_service).code}"

    services = BarChartView(rules, base)
    services.set_bars(figures.services)
    title = QCoreApplication.translate("DashboardPdf", "Nilai per jenis pelayanan (terendah di atas)")
    _chart(painter, QRectF(charts.left(), charts.top(), first, charts.height()), title, services)
    column = charts.left() + first + gap
    fields = BarChartView(rules, base)
    fields.set_bars(figures.fields)
    _chart(
        painter,
        QRectF(column, charts.top(), other, upper),
        QCoreApplication.translate("DashboardPdf", "Nilai per bidang"),
        fields,
    )
    trend = TrendChartView(base)
    trend.set_points(figures.this_year, figures.last_year, figures.period.quarter)
    _chart(
        painter,
        QRectF(column, charts.top() + upper + gap, other, lower),
        QCoreApplication.translate("DashboardPdf", "Indeks per triwulan"),
        trend,
    )
    column += other + gap
    areas = BarChartView(rules, base)
    areas.set_bars(page.area_bars)
    _chart(painter, QRectF(column, charts.top(), other, upper), areas_title, areas)
    coverage = BarChartView(rules, base)
    coverage.set_bars(*coverage_bars(figures))
    _chart(
        painter,
        QRectF(column, charts.top() + upper + gap, other, lower),
        QCoreApplication.translate("DashboardPdf", "Data dukung dan kelengkapan"),
        coverage,
    )
    for view in (services, fields, trend, areas, coverage):
        view.deleteLater()


def _chart(painter: QPainter, rect: QRectF, title: str, view) -> None:
    """A chart titled and drawn into `rect`, laid out at that size first (it is never shown)."""
    _text(painter, QRectF(rect.left(), rect.top(), rect.width(), 18), title, _font(13, bold=True))
    body = QRectF(rect.left(), rect.top() + 20, rect.width(), rect.height() - 20)
    chart = view.chart()
    chart.setBackgroundVisible(False)
    chart.resize(QSizeF(body.width(), body.height()))
    # Laid out now (no event loop runs while the page is drawn): the size, then the plot area it sets.
    for _ in range(2):
        chart.layout().activate()
    view.labels.place()
    if isinstance(view, BarChartView):
        view.fit()
        chart.layout().activate()
        view.labels.place()
    view.scene().render(painter, body, QRectF(0, 0, body.width(), body.height()))


# --- writing ---------------------------------------------------------------------------------------------


def _atomic(path: Path, write: Callable[[Path], bool]) -> Path:
    """Writes through `write(temporary)` beside `path`, then syncs and renames it into place."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        temporary.touch()  # a read-only or missing folder fails here, with the OS's reason
        if not write(temporary) or temporary.stat().st_size == 0:
            raise user_error(QT_TRANSLATE_NOOP("DashboardExport", "Berkas {path} tidak dapat ditulis."), path=str(path))
        commit_file(temporary, path)
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    finally:
        if temporary.exists():
            os.unlink(temporary)
    return path
