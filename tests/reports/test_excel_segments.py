"""A sheet read in segments is the sheet read whole, or is refused as unusable and read whole.

The reads are compared row by row (the segmented rows list columns from A and end at their segment's
last used column, so both are padded alike), for sheets openpyxl writes and for sheets tampered with
where a cut might land: comments, CDATA, processing instructions, rows out of order, data after
</sheetData>, odd heads.
"""

from __future__ import annotations

import io
import math
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineError, CalamineWorkbook

from desktop.domain.messages import UserError
from desktop.reports import excel_guard, excel_segments
from desktop.reports.excel_guard import check_workbook
from desktop.reports.excel_import import ImportPlan, Target, build_plan, open_workbook
from desktop.reports.excel_segments import SEGMENT_BYTES, SheetRead, UnusableSegmentsError, segment_count, whole_grid
from tests.reports.test_excel_bulk import HEADER, SERVICE, cases, context_of

SHEET = "Data"
PART = "xl/worksheets/sheet2.xml"

values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.booleans(),
    st.sampled_from([datetime(2024, 9, 30, 12, 0), datetime(1999, 1, 1)]),
)
grids = st.dictionaries(st.tuples(st.integers(1, 60), st.integers(1, 9)), values, max_size=120)


def workbook_bytes(cells: dict[tuple[int, int], object]) -> bytes:
    """A workbook as openpyxl writes it (shared strings, styles for the dates), the sheet after another."""
    book = Workbook()
    book.active.title = "Petunjuk"
    book.active["A1"] = "Isi lembar Data."
    sheet = book.create_sheet(SHEET)
    for (row, column), value in cells.items():
        sheet.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet_xml(data: bytes, xml: bytes) -> bytes:
    """The workbook with its sheet's XML replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, xml if info.filename == PART else source.read(info.filename))
    return out.getvalue()


def sheet_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(PART)


def whole_rows(path: Path) -> tuple[int | None, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    try:
        grid = whole_grid(book.get_sheet_by_name(SHEET))
    finally:
        book.close()
    if grid.start is None:
        return None, []
    return grid.start[0], [[""] * grid.start[1] + row for row in grid.rows]


def segmented_rows(path: Path, count: int, cuts: list[int]) -> tuple[int | None, list[list], int]:
    """The sheet read in `count` segments, its XML handed over in chunks cut at `cuts` (the first holds
    the head, as the scan's first chunk of 4 MB does); also how many segments it was read in."""
    checked = check_workbook(path)
    xml = sheet_xml(path.read_bytes())
    with ThreadPoolExecutor(4) as pool:

        def whole():
            book = CalamineWorkbook.from_path(str(path))
            try:
                return book.get_sheet_by_name(SHEET)
            finally:
                book.close()

        size, head = len(xml), xml.find(b"<sheetData>") + len(b"<sheetData>")
        with SheetRead.of(pool, whole, checked.sheet(SHEET), checked.other_parts, count) as read:
            edges = [0, *sorted({head + c % (size - head) for c in cuts} - {head}), size]
            for start, end in pairwise(edges):
                read.take(xml[start:end])
            read.start()
            segments = len(read.futures)
            grid = read.grid()
            rows = list(grid.rows)
            grid.check()
    if grid.start is None:
        return None, [], segments
    return grid.start[0], [[""] * grid.start[1] + row for row in rows], segments


def trimmed(rows: list[list]) -> list[list]:
    """Each row without its trailing blanks, and the trailing blank rows dropped."""
    out = []
    for row in rows:
        end = len(row)
        while end and row[end - 1] == "":
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out


def assert_same_or_unusable(tmp_path: Path, data: bytes, count: int, cuts: list[int], *, usable: bool) -> int:
    """Asserts the two reads agree (or the segments are unusable); how many segments were read."""
    path = tmp_path / "uji.xlsx"
    path.write_bytes(data)
    try:
        expected_start, expected = whole_rows(path)
    except CalamineError as exc:  # the whole read fails: so must the segments (and then the whole read)
        with pytest.raises((UnusableSegmentsError, type(exc))):
            segmented_rows(path, count, cuts)
        return 0
    try:
        start, rows, segments = segmented_rows(path, count, cuts)
    except UnusableSegmentsError:
        assert not usable, "a sheet as openpyxl writes it was refused"
        return 0
    assert start == expected_start
    assert trimmed(rows) == trimmed(expected)
    return segments


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=grids, count=st.integers(2, 4), cuts=st.lists(st.integers(0, 10**6), max_size=6))
def test_a_sheet_read_in_segments_is_the_sheet_read_whole(tmp_path, cells, count, cuts):
    event(f"segments: {assert_same_or_unusable(tmp_path, workbook_bytes(cells), count, cuts, usable=True)}")


TAMPERINGS = [
    (b"</row>", b'</row><!-- </row><row r="3"><c r="A3"><v>99</v></c></row> -->'),
    (b"</row>", b'</row><![CDATA[</row><row r="4"><c r="B4"><v>7</v></c></row>]]>'),
    (b"</row>", b'</row><?pi </row><row r="5"><c r="C5"><v>7</v></c></row> ?>'),
    (b"</sheetData>", b'</sheetData><extLst></row><row r="70"><c r="A70"><v>1</v></c></row></extLst>'),
    (b"<sheetData>", b"<!-- <sheetData> --><sheetData>"),
    (b"</row>", b'</row><row r="2"><c r="D2"><v>5</v></c></row>'),  # a row again, out of order
    (b"</c>", b'</c><c r="E1"><v>5</v></c>'),  # a cell of row 1 in every row
    (b"</row>", b"</row></row>"),
    (b'<c r="', b'<c x="</row>" r="'),
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=grids,
    tampering=st.sampled_from(TAMPERINGS),
    where=st.integers(0, 50),
    count=st.integers(2, 4),
    cuts=st.lists(st.integers(0, 10**6), max_size=6),
)
def test_a_tampered_sheet_read_in_segments_is_the_sheet_read_whole_or_unusable(
    tmp_path, cells, tampering, where, count, cuts
):
    data = workbook_bytes(cells)
    xml = sheet_xml(data)
    old, new = tampering
    places = [i for i in range(len(xml)) if xml.startswith(old, i)]
    if places:
        at = places[where % len(places)]
        xml = xml[:at] + new + xml[at + len(old) :]
    event(f"segments: {assert_same_or_unusable(tmp_path, with_sheet_xml(data, xml), count, cuts, usable=False)}")


def test_a_long_sheet_is_read_in_as_many_segments_as_asked(tmp_path):
    cells = {
        (row, column): row * 10 + column if column != 3 or row % 7 else "teks"
        for row in range(1, 400)
        for column in range(1, 6)
    }
    cells[(250, 8)] = "lebih lebar"  # one segment's rows reach further right
    for count in (2, 3, 4):
        assert assert_same_or_unusable(tmp_path, workbook_bytes(cells), count, [5000], usable=True) == count


FAKE_ROW = b'</row><row r="3"><c r="A3"><v>99999</v></c></row>'
HIDING_PLACES = [
    (b"<!-- ", b" -->"),
    (b"<![CDATA[", b"]]>"),
    (b"<?pi ", b" ?>"),
]


@pytest.mark.parametrize(("opening", "closing"), HIDING_PLACES)
def test_a_cut_inside_a_comment_cdata_or_instruction_leaves_the_segments_unusable(tmp_path, opening, closing):
    cells = {(row, 1): row for row in range(1, 300)}
    data = workbook_bytes(cells)
    xml = sheet_xml(data)
    hidden = opening + b"x" * 4000 + FAKE_ROW + closing
    # Hidden after the row end nearest before the middle, so that the cut's target falls in the filler.
    at = xml.rfind(b"</row>", 0, (len(xml) + len(hidden)) // 2 - 2000) + len(b"</row>")
    tampered = with_sheet_xml(data, xml[:at] + hidden + xml[at:])
    path = tmp_path / "uji.xlsx"
    path.write_bytes(tampered)
    _, expected = whole_rows(path)
    assert 99999 not in (row[0] for row in expected if row)
    assert assert_same_or_unusable(tmp_path, tampered, 2, [], usable=False) == 0


# --- the import: a sheet read in segments is planned as the sheet read whole -------------------------


def plain_sheet_bytes(body: list[list]) -> bytes:
    """A plain sheet a user made of the rows (blanks "" left empty, as calamine hands them back)."""
    book = Workbook()
    book.active.title = "Catatan"
    sheet = book.create_sheet(SHEET)
    sheet.append(HEADER)
    for row in body:
        sheet.append([None if v == "" or (isinstance(v, float) and not math.isfinite(v)) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plans_both_ways(path: Path, context) -> tuple:
    """The plan of the sheet read whole, and read in four segments (cut every few hundred bytes)."""
    plans, segments, rewinds = [], [], []
    read_segment, rewind = excel_segments._read_segment, ImportPlan.rewind
    for cores, segment_bytes in ((1, SEGMENT_BYTES), (4, 1)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(excel_segments, "_cores", lambda cores=cores: cores)
            patch.setattr(excel_segments, "SEGMENT_BYTES", segment_bytes)
            patch.setattr(excel_segments, "_read_segment", lambda *a: segments.append(1) or read_segment(*a))
            patch.setattr(ImportPlan, "rewind", lambda *a: rewinds.append(1) or rewind(*a))
            source = open_workbook(path)
            target = Target(context.period, ((SERVICE, SHEET, None),))
            plans.append(build_plan(source, target, context))
    event(f"segments read: {len(segments)}, rewound: {len(rewinds)}")
    return tuple(plans)


def assert_same_plan(whole, segmented) -> None:
    assert [r.rows for r in segmented.reports] == [r.rows for r in whole.reports]
    assert segmented.problems == whole.problems
    assert segmented.warnings == whole.warnings
    assert (segmented.rows_read, segmented.truncated) == (whole.rows_read, whole.truncated)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(case=cases(), rows_out_of_order=st.booleans())
def test_an_import_read_in_segments_is_planned_as_one_read_whole(tmp_path, case, rows_out_of_order):
    body, stored, previous = case
    data = plain_sheet_bytes(body * 20)  # long enough to be cut several times
    if rows_out_of_order and len(body) > 1:
        # The last row's element moved to the front: its cells keep their addresses, so the whole read
        # lists the same rows, and the segments' rows no longer follow one another.
        xml = sheet_xml(data)
        last = xml.rindex(b"<row ")
        end = xml.index(b"</row>", last) + len(b"</row>")
        first = xml.index(b"<row ")
        data = with_sheet_xml(data, xml[:first] + xml[last:end] + xml[first:last] + xml[end:])
    path = tmp_path / "uji.xlsx"
    path.write_bytes(data)
    whole, segmented = plans_both_ways(path, context_of(stored, previous))
    assert_same_plan(whole, segmented)


def test_a_sheet_is_cut_only_when_big_enough(monkeypatch):
    monkeypatch.setattr(excel_segments, "_cores", lambda: 2)
    assert segment_count(1 << 20) == 1
    assert segment_count(40 << 20) == 2
    monkeypatch.setattr(excel_segments, "_cores", lambda: 1)
    assert segment_count(40 << 20) == 1


def test_a_far_cell_after_the_first_segment_is_refused_and_nothing_is_left_open(tmp_path, monkeypatch):
    """The first segments go to calamine before the scan reaches the far cell: the sheet is still refused
    as the scan refuses it, and the segment being written is let go."""
    monkeypatch.setattr(excel_segments, "_cores", lambda: 4)
    monkeypatch.setattr(excel_segments, "SEGMENT_BYTES", 1)
    monkeypatch.setattr(excel_guard, "OUT_CHUNK", 2000)  # the scan's chunks: many, so segments are cut early
    read_segment, submitted = excel_segments._read_segment, []
    monkeypatch.setattr(excel_segments, "_read_segment", lambda *a: submitted.append(1) or read_segment(*a))
    data = plain_sheet_bytes([[f"64.11.0{i % 5 + 1}", "", float(i), 0.0, "", "", "", "", "", ""] for i in range(300)])
    xml = sheet_xml(data)
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    at = xml.rindex(b"</sheetData>")
    path = tmp_path / "jauh.xlsx"
    path.write_bytes(with_sheet_xml(data, xml[:at] + far + xml[at:]))
    context = context_of({}, {})
    with pytest.raises(UserError, match=r"baris 1\.048\.576"):
        build_plan(open_workbook(path), Target(context.period, ((SERVICE, SHEET, None),)), context)
    assert submitted  # a segment was read before the refusal
