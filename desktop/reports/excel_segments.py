"""A worksheet read by calamine, whole or in segments read side by side.

calamine reads a sheet on one core, and a kecamatan laptop has two or more. So a big sheet's XML, as
the byte scan streams it (excel_guard), is cut after row ends into segments, and each segment is made
a workbook of its own: the workbook's other parts, the sheet's head (up to <sheetData>), the segment's
rows and the closing tags. A segment goes to calamine on a worker thread once the scan has passed all
its bytes, so the first are read while the scan goes on.

Read together, the segments are the sheet, because each is read from the state the whole read is in at
its cut, between two rows of <sheetData>: every cell has its address (the scan refuses one without),
so no row or column is counted on from the segment before. A cut anywhere else — in a comment, a
CDATA section, a tag, or past </sheetData> — leaves the segment before it unreadable (it ends inside
that construct) or is not made; and the segments' rows must follow one another. When a segment fails
to read or the rows do not follow, the sheet is read whole instead. tests/reports/test_excel_segments.py
holds the two reads together.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from itertools import chain, islice

from python_calamine import CalamineWorkbook

from desktop.reports.excel_guard import SheetEntry
from desktop.reports.excel_sheet_scan import ROOT

SEGMENT_BYTES = 4 << 20  # a sheet's XML below twice this is read whole: splitting it would gain little
MAX_SEGMENTS = 4
MAX_HEAD = 1 << 20  # a sheet whose <sheetData> starts later than this is read whole

_END_MARK = b"sheetData"  # the rows end at </sheetData>: no cut after it


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def segment_count(size: int) -> int:
    """How many segments a sheet of `size` bytes of XML is read in, on this machine."""
    return max(1, min(_cores(), MAX_SEGMENTS, size // SEGMENT_BYTES))


# --- the grid: a sheet's rows as calamine's to_python() lists them --------------------------------


class UnusableSegmentsError(Exception):
    """The segments cannot stand for the sheet (one failed to read, or their rows do not follow one
    another): what was read of them is dropped and the sheet is read whole."""


@dataclass(frozen=True)
class SheetGrid:
    """A sheet's used area, row by row from its first used row.

    Read whole, every row lists the same columns, from the first used one (as to_python() lists them).
    Read in segments, the rows list the columns from A, and each segment's rows end at its own last used
    column: a reader pads them as it needs (SheetReader does). Its rows raise UnusableSegmentsError when a
    segment turns out unusable, and so does check() for the segments the reader did not reach.
    """

    start: tuple[int, int] | None  # (row, column) of the first cell listed, 0-based; None when empty
    height: int  # rows from the first used one to the last (an estimate while segments are read)
    rows: Iterator[list]  # read once
    check: Callable[[], None] = lambda: None


def whole_grid(sheet) -> SheetGrid:
    """The grid of a sheet calamine read whole."""
    start = sheet.start
    if start is None:
        return SheetGrid(None, 0, iter(()))
    return SheetGrid(start, sheet.height, used_rows(sheet, start[0]))


def used_rows(sheet, leading: int) -> Iterator[list]:
    """The sheet's rows from its first used row, as to_python() lists them, made one by one.

    iter_rows() makes each row's values as it is read, so a block's values are checked while they are
    fresh in the cache and freed after it, where to_python() makes a million at once. It starts at row 1
    (python-calamine 0.9 pads the `leading` rows above the first used one, empty), the columns at the
    first used one. Should that ever differ (a padding row with a value, or a first used row without
    one), to_python() is taken instead.
    """
    rows = sheet.iter_rows()
    padding = list(islice(rows, leading))
    first = next(rows, None)
    padded = all(value == "" for row in padding for value in row)
    if first is None or not padded or all(value == "" for value in first):
        return iter(sheet.to_python())
    return chain((first,), rows)


class _Joined:
    """The segments' sheets, taken in order as each is read, each checked to follow the one before."""

    def __init__(self, futures: list[Future]):
        self.futures = futures
        self.last_row: int | None = None  # the last used row of the segments taken

    def next_sheet(self):
        try:
            sheet = self.futures.pop(0).result()
        except Exception as exc:  # whatever a segment's read says, the whole read decides
            raise UnusableSegmentsError from exc
        if sheet.start is not None:
            if self.last_row is not None and sheet.start[0] <= self.last_row:
                raise UnusableSegmentsError
            self.last_row = sheet.end[0]
        return sheet

    def rows(self, sheet) -> Iterator[list]:
        row = sheet.start[0]
        while True:
            for _ in range(sheet.start[0] - row):  # the rows between two segments, empty
                yield []
            rows, left, row = sheet.to_python(), [""] * sheet.start[1], sheet.end[0] + 1
            sheet = None  # not kept once listed: its cells are freed while the next is read
            if left:
                yield from (left + values for values in rows)
            else:
                yield from rows
            del rows
            while sheet is None or sheet.start is None:
                if not self.futures:
                    return
                sheet = self.next_sheet()

    def check(self) -> None:
        while self.futures:
            self.next_sheet()


def joined_grid(futures: list[Future]) -> SheetGrid:
    """The grid of a sheet read in segments, once the first with a cell is read (UnusableSegmentsError
    when one failed); the others are taken as its rows reach them."""
    joined = _Joined(futures)
    count = len(futures)
    first = joined.next_sheet()
    while first.start is None:
        if not joined.futures:
            return SheetGrid(None, 0, iter(()))
        first = joined.next_sheet()
    height = (first.end[0] - first.start[0] + 1) * count
    return SheetGrid((first.start[0], 0), height, joined.rows(first), joined.check)


# --- the read: whole, or in segments cut from the scan's stream ----------------------------------


class SheetRead:
    """calamine's read of one worksheet on the pool's threads: whole, or in segments.

    The scan hands each chunk of the sheet's XML to take() once it has searched it; start() is called
    when the scan has passed the whole sheet, grid() waits for the read.
    """

    def __init__(self, pool: Executor, whole: Callable[[], object], segmented: _Segments | None):
        self.pool, self.whole, self.segments = pool, whole, segmented
        self.futures: list[Future] = []

    @classmethod
    def of(
        cls,
        pool: Executor,
        whole: Callable[[], object],
        sheet: SheetEntry,
        parts: Callable[[], dict],
        count: int | None = None,
    ) -> SheetRead:
        """The read of a sheet: in `count` segments (by default as many as pay on this machine for its
        size). `parts()` gives the workbook's other parts (CheckedWorkbook.other_parts), `whole()` reads
        the sheet whole."""
        count = segment_count(sheet.size) if count is None else count
        segmented = _Segments(parts(), sheet, count) if count > 1 else None
        return cls(pool, whole, segmented)

    def __enter__(self) -> SheetRead:
        return self

    def __exit__(self, *exc) -> None:
        """Lets go of a segment left half written (the scan refused the sheet)."""
        if self.segments is not None and self.segments.writer is not None:
            self.segments.writer.discard()

    def take(self, chunk: bytes) -> None:
        """A chunk of the sheet's XML, in order, searched by the scan."""
        if self.segments is not None:
            for segment in self.segments.take(chunk):
                self.futures.append(self.pool.submit(_read_segment, segment, self.segments.sheet.name))

    def start(self) -> None:
        """The scan has passed the whole sheet: its last segment, or the whole sheet, is read."""
        if self.segments is not None and self.segments.cuts:
            self.futures.append(self.pool.submit(_read_segment, self.segments.finish(), self.segments.sheet.name))
        else:
            self.segments = None
            self.futures = [self.pool.submit(self.whole)]

    def grid(self) -> SheetGrid:
        """The sheet's grid, once read (in segments: once the first with a cell is read);
        UnusableSegmentsError when a segment failed: whole_grid(whole()) then."""
        futures, self.futures = self.futures, []
        if self.segments is None:
            return whole_grid(futures.pop().result())
        return joined_grid(futures)


def _read_segment(workbook: io.BytesIO, name: str):
    book = CalamineWorkbook.from_filelike(workbook)  # reads it all in: the buffer can go
    workbook.close()
    try:
        return book.get_sheet_by_name(name)
    finally:
        book.close()


class _Segments:
    """Cuts a worksheet's XML, taken chunk by chunk, into segment workbooks."""

    def __init__(self, parts: dict[str, bytes], sheet: SheetEntry, count: int):
        self.parts, self.sheet = parts, sheet
        self.targets = [sheet.size * k // count for k in range(1, count)]  # the offsets after which to cut
        self.offset = 0  # bytes taken so far
        self.writer: _SegmentWriter | None = None  # the segment being written
        self.cuts = 0
        self.abandoned = False  # not cut after all: the sheet is read whole
        self.last = b""  # the end of the chunk before, for a "sheetData" across two chunks

    def take(self, chunk: bytes) -> Iterator[io.BytesIO]:
        """Takes a chunk; yields the segments it completes."""
        if self.abandoned:
            return
        begin, self.offset = self.offset, self.offset + len(chunk)
        view, written, searched = memoryview(chunk), 0, 0
        if self.writer is None:
            if not self._begin(chunk):
                self.abandoned = True
                return
            self.writer = _SegmentWriter(self.parts, self.sheet.part)
            searched = len(self.head)
        elif self.targets and _END_MARK in self.last + chunk[: len(_END_MARK) - 1]:
            self.targets.clear()
        # Cut after the first row end past each target, unless </sheetData> (or anything named so) comes
        # first: a cut after it would read rows the whole read never reaches.
        while self.targets and self.offset > self.targets[0]:
            cut = chunk.find(self.row_end, max(self.targets[0] - begin, searched))
            if cut < 0:
                break
            cut += len(self.row_end)
            if chunk.find(_END_MARK, searched, cut) >= 0:
                self.targets.clear()
                break
            self.writer.write(view[written:cut])
            yield self.writer.close(self.tail)
            self.cuts += 1
            self.targets.pop(0)
            self.writer = _SegmentWriter(self.parts, self.sheet.part)
            self.writer.write(self.head)
            written = searched = cut
        if self.targets and chunk.find(_END_MARK, searched) >= 0:
            self.targets.clear()
        if not self.targets and not self.cuts:
            self.abandoned, self.writer = True, None
            return
        self.writer.write(view[written:])
        self.last = chunk[-(len(_END_MARK) - 1) :]

    def finish(self) -> io.BytesIO:
        """The last segment, ending as the sheet ends."""
        last, self.writer = self.writer, None
        return last.close(b"")

    def _begin(self, chunk: bytes) -> bool:
        """Finds the head in the first chunk; False when the sheet is not to be cut."""
        root = ROOT.search(chunk, 0, MAX_HEAD)
        if root is None:
            return False
        prefix = root.group(1) + b":" if root.group(1) else b""
        data = re.compile(rb"<" + re.escape(prefix) + rb"sheetData(?:\s[^>]*)?>").search(chunk, root.start(), MAX_HEAD)
        if data is None or chunk[data.end() - 2 : data.end()] == b"/>":
            return False
        declaration = chunk.find(b"?>") + 2 if chunk.startswith(b"<?xml") else 0
        head = chunk[: data.end()]
        # A comment or an instruction in the head might hide what the head seems to be.
        if head.find(b"<!", declaration) >= 0 or head.find(b"<?", declaration) >= 0:
            return False
        self.head = head
        self.row_end = b"</" + prefix + b"row>"
        self.tail = b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"
        return True


class _SegmentWriter:
    """One segment as a workbook in memory: the other parts, then the sheet's part, stored."""

    def __init__(self, parts: dict[str, bytes], part: str):
        self.open = True
        self.buffer = io.BytesIO()
        self.archive = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_STORED)
        for name, data in parts.items():
            self.archive.writestr(name, data)
        self.sheet = self.archive.open(part, "w")

    def write(self, data) -> None:
        self.sheet.write(data)

    def close(self, tail: bytes) -> io.BytesIO:
        self.open = False
        self.sheet.write(tail)
        self.sheet.close()
        self.archive.close()
        self.buffer.seek(0)
        return self.buffer

    def discard(self) -> None:
        if self.open:
            self.close(b"").close()
