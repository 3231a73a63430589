"""The page frame of every printed PDF and its writing to disk.

A document is a list of sections (one form, or one quarter's rekap); each section starts on a new
page and numbers its own pages, so a form taken out of a combined PDF still says "Halaman 2 dari 3".
The numbers are drawn once the whole document is laid out (a canvas that keeps its pages until
save), which is how the last page is known. The file is written atomically.
"""

from __future__ import annotations

import io
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from desktop import __version__
from desktop.reports.collector_pause import cycles_uncollected
from desktop.reports.pdf_fonts import REGULAR, register_fonts
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error

PORTRAIT = portrait(A4)
LANDSCAPE = landscape(A4)
MARGIN_X = 15 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 16 * mm  # the footer sits in here
RULE = colors.HexColor("#555555")
MUTED = colors.HexColor("#555555")
T = TypeVar("T")  # what a section is made of: a form, a quarter's rekap
# A progress callback: (sections begun, sections in all). It may raise to stop the build (a cancel);
# nothing is written then.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    """A written PDF: where, how many pages, how many sections (forms or quarters)."""

    path: Path
    pages: int
    sections: int


@dataclass(frozen=True)
class Section:
    """One form or rekap within a document: its running header and the code in its footer."""

    running_header: str  # on every page of the section but its first (which has the letterhead)
    footer: str  # small text at the bottom left of every page, e.g. the report's identity and hash


class SectionStart(Flowable):
    """Marks where a section begins (zero size): the canvas learns which section its pages belong to."""

    def __init__(self, section: Section, index: int, total: int, progress: Progress | None):
        super().__init__()
        self.section, self.index, self.total, self.progress = section, index, total, progress
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.spm_section = self.section
        self.canv.spm_section_index = self.index
        if self.progress is not None:
            self.progress(self.index, self.total)


class _Canvas(Canvas):
    """Keeps every page until the end, then draws the running header, the footer and "Halaman x dari y"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spm_pages: list[dict] = []
        self.spm_section: Section | None = None
        self.spm_section_index = 0

    def showPage(self) -> None:
        self.spm_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self.spm_pages
        in_section = Counter(state["spm_section_index"] for state in pages)
        seen: Counter = Counter()
        for state in pages:
            self.__dict__.update(state)
            seen[self.spm_section_index] += 1
            self._decorate(seen[self.spm_section_index], in_section[self.spm_section_index])
            Canvas.showPage(self)
        self.spm_page_count = len(pages)
        Canvas.save(self)

    def _decorate(self, number: int, count: int) -> None:
        width, _height = self._pagesize
        section = self.spm_section
        self.saveState()
        self.setFillColor(colors.black)
        if section is not None and number > 1:
            self.setFont(REGULAR, 7)
            self.drawString(MARGIN_X, self._pagesize[1] - 9 * mm, _fit(section.running_header, width - 2 * MARGIN_X))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, self._pagesize[1] - 10.5 * mm, width - MARGIN_X, self._pagesize[1] - 10.5 * mm)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN_X, 11.5 * mm, width - MARGIN_X, 11.5 * mm)
        self.setFont(REGULAR, 7.5)
        self.drawRightString(width - MARGIN_X, 7.5 * mm, f"Halaman {number} dari {count}")
        self.setFont(REGULAR, 6.5)
        self.setFillColor(MUTED)
        footer = section.footer if section is not None else ""
        self.drawString(MARGIN_X, 7.5 * mm, _fit(footer, width - 2 * MARGIN_X - 32 * mm, 6.5))
        self.restoreState()


def _fit(value: str, width: float, size: float = 7) -> str:
    """Shortens a one-line text with an ellipsis so it fits `width` points."""
    if stringWidth(value, REGULAR, size) <= width:
        return value
    while value and stringWidth(value + "…", REGULAR, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


class _Document(BaseDocTemplate):
    """One frame per page; calls the progress callback as each page begins (so a cancel is prompt)."""

    def __init__(self, target, pagesize, tick: Callable[[], None] | None, **meta):
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # The canvas's starting font would otherwise be Helvetica: referenced by every page, never embedded.
            initialFontName=REGULAR,
            **meta,
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", leftPadding=0, rightPadding=0
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._tick = tick

    def handle_pageBegin(self) -> None:
        if self._tick is not None:
            self._tick()
        super().handle_pageBegin()


def frame_width(pagesize: tuple[float, float]) -> float:
    """The width of the text frame on a page of this size."""
    return pagesize[0] - 2 * MARGIN_X


@dataclass(frozen=True)
class PdfMeta:
    """The document's properties (shown by PDF viewers)."""

    title: str
    subject: str = ""
    author: str = ""


def build_pdf(
    path: Path | str,
    items: Sequence[T],
    section: Callable[[T], Section],
    story: Callable[[T], list[Flowable]],
    *,
    pagesize: tuple[float, float],
    meta: PdfMeta,
    progress: Progress | None = None,
) -> PdfResult:
    """Lays out one section per item (`section(item)` and its flowables `story(item)`), one after
    another, each from a new page, and writes the PDF atomically.

    The file appears complete or not at all: it is written to a temporary name beside the target,
    synced, then renamed. A full disk or a read-only folder raises the Indonesian UserError and
    leaves nothing behind; so does a progress callback that raises (a cancel).
    """
    register_fonts()
    # Binary (deflated) streams only: ASCII85 on top makes the file a quarter larger and, without
    # reportlab's optional C accelerator, costs more time than laying out the tables.
    rl_config.useA85 = 0
    # The stories are made here, not by the caller, so that all the layout makes is gone when _lay_out
    # returns, before the collector resumes. Every table piece keeps maps of its spans and unsplittable
    # rows with a tuple per cell while the document is built (tens of thousands for a year's rekap):
    # counted, they would have the collector run some twenty times a build.
    with cycles_uncollected():
        data, pages = _lay_out(items, section, story, pagesize, meta, progress)
    if progress is not None:
        progress(len(items), len(items))
    final = Path(path)
    write_file_atomically(final, data.getbuffer())
    return PdfResult(final, pages, len(items))


def _lay_out(
    items: Sequence[T],
    section: Callable[[T], Section],
    story: Callable[[T], list[Flowable]],
    pagesize: tuple[float, float],
    meta: PdfMeta,
    progress: Progress | None,
) -> tuple[io.BytesIO, int]:
    """The PDF's bytes and its number of pages."""
    total = len(items)
    flowables: list[Flowable] = []
    for index, item in enumerate(items):
        if index:
            flowables.append(PageBreak())
        flowables.append(SectionStart(section(item), index, total, progress))
        flowables.extend(story(item))
    if progress is not None:
        progress(0, total)
    state: dict = {}

    def tick() -> None:
        if progress is not None and "canvas" in state:
            progress(state["canvas"].spm_section_index, total)

    def canvas_maker(*args, **kwargs) -> _Canvas:
        canvas = _Canvas(*args, **kwargs)
        state["canvas"] = canvas
        return canvas

    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize,
        tick,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator=f"SPM Luring {__version__}",
        producer=f"SPM Luring {__version__} (reportlab)",
    )
    document.build(flowables, canvasmaker=canvas_maker)
    return buffer, state["canvas"].spm_page_count


def write_file_atomically(final: Path, data: bytes | memoryview) -> None:
    """Writes bytes to a temporary name in the target's folder, syncs, renames; UserError on failure."""
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
        commit_file(temporary, final)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, final) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def copy_file_atomically(source: Path, final: Path) -> None:
    """Copies a finished PDF (from the preview's temporary file) to where the user chose, atomically."""
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise translate_os_error(exc, source) from exc
    write_file_atomically(Path(final), data)
