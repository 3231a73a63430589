"""Reading one sheet of a workbook into an import plan: its header row, then every row and cell.

The checks are the grid's: parse_figure for every number, check_text for every text, row_findings for
every changed row. Areas are found by code, or by name within the district (within a kecamatan when
the sheet has a Kecamatan column beside Desa). Rows are taken a block at a time: the plain ones are
checked column by column (excel_bulk), the others one by one here, where every message is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from desktop.domain.region_codes import RegionLevel
from desktop.domain.reports import FIGURES, MONEY, TEXTS, FigureRow, ReportStatus
from desktop.domain.validation import (
    COLUMN_LABELS,
    MAX_COUNT,
    MAX_MONEY,
    Severity,
    check_text,
    parse_figure,
    row_findings,
)
from desktop.reports.excel_bulk import EMPTY_ROW, Block, BulkLayout, SeenAreas, plan_block, quiet, stored_values
from desktop.reports.excel_common import header_key
from desktop.reports.excel_plan import (
    MAX_PROBLEMS,
    POSITION,
    ImportContext,
    Problem,
    ReportPlan,
    RowPlan,
)
from desktop.reports.excel_segments import SheetGrid
from desktop.reports.excel_sheet_scan import SheetScan, column_letter
from desktop.storage.areas import Area
from desktop.storage.reports import STATUS_LABELS, ReportKey

INPUTS = ("target", "served", "quality_required", "quality_met", "budget", "spent", "problems", "follow_up")
HEADER_SEARCH_ROWS = 20
TOTAL_NAMES = frozenset({"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah seluruhnya"})
BLOCK_ROWS = 4096  # rows checked together (and between progress reports and cancel checks)

FORMULA = QT_TRANSLATE_NOOP(
    "ExcelImport", "Sel ini berisi rumus. Isi angkanya saja: salin sel, lalu Tempel Khusus → Nilai."
)
MERGED = QT_TRANSLATE_NOOP(
    "ExcelImport", "Sel gabungan {cells} tidak boleh ada di tabel. Batalkan penggabungan lalu isi setiap sel."
)
NO_HEADER = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Baris kepala kolom tidak ditemukan di {rows} baris pertama: perlu kolom 'Kode wilayah' atau 'Nama wilayah' "
    "dan kolom angka seperti 'Sasaran' dan 'Terlayani'.",
)
DUPLICATE_HEADER = QT_TRANSLATE_NOOP("ExcelImport", "Kolom '{header}' muncul lebih dari sekali (kolom {columns}).")
TEMPLATE_HEADER = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Kepala kolom di baris {row} tidak sesuai templat (tidak ada: {columns}). "
    "Jangan mengubah, memindahkan atau menghapus kolom templat.",
)
NO_AREA = QT_TRANSLATE_NOOP("ExcelImport", "Baris ini berisi angka tetapi tanpa kode atau nama wilayah.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("ExcelImport", "Kode wilayah '{code}' tidak dikenal di {district}.")
UNKNOWN_NAME = QT_TRANSLATE_NOOP(
    "ExcelImport", "Nama wilayah '{name}' tidak ditemukan di {district}; periksa ejaannya atau isi kode wilayahnya."
)
AMBIGUOUS_NAME = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Nama wilayah '{name}' dipakai lebih dari satu wilayah ({choices}); isi kode wilayahnya agar jelas yang mana.",
)
WRONG_LEVEL = QT_TRANSLATE_NOOP(
    "ExcelImport", "{name} ({code}) adalah {level}, sedangkan laporan {office} per {area_level}."
)
DUPLICATE_AREA = QT_TRANSLATE_NOOP(
    "ExcelImport", "{name} ({code}) sudah ada di baris {row}; setiap wilayah hanya boleh satu baris."
)
NAME_DIFFERS = QT_TRANSLATE_NOOP(
    "ExcelImport", "Nama '{given}' berbeda dengan nama wilayah {code} ({name}); angkanya dibaca untuk {name}."
)
FROZEN = QT_TRANSLATE_NOOP("ExcelImport", "Laporan {service} berstatus {status}; angkanya tidak dapat diubah.")
TOO_MANY = QT_TRANSLATE_NOOP(
    "ExcelImport", "Pemeriksaan dihentikan setelah {count} masalah; perbaiki yang tercantum lalu impor lagi."
)


def _code_text(value: object) -> str:
    """A kode wilayah as typed: "64.11.01", 64.11 (a number), or 6411012001 (without dots)."""
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else f"{value:.2f}"  # 64.1 is the kabupaten 64.10
    else:
        text = str(value).strip()
    if text.isascii() and text.isdigit() and len(text) in (4, 6, 10):
        text = ".".join(part for part in (text[:2], text[2:4], text[4:6], text[6:]) if part)
    return text


_NAME_PREFIX = re.compile(r"^(?:kecamatan|kec\.?|desa|kelurahan|kel\.?|kabupaten|kab\.?|kota)\s+")


def normalize_name(value: object) -> str:
    """An area name as compared: case and spacing ignored, a leading "Kecamatan"/"Desa"/… dropped."""
    return _NAME_PREFIX.sub("", " ".join(str(value).casefold().split()))


class AreaIndex:
    """Finds an area by code, or by name within the district (and within a kecamatan when given)."""

    def __init__(self, context: ImportContext):
        self.context = context
        self.by_code = {a.code: a for a in context.areas}
        self.names = {a.code: a.name for a in context.areas}  # what the column-wise checks compare

    @cached_property
    def by_name(self) -> dict[str, list[Area]]:
        """The reporting areas by normalised name (made on the first look-up by name)."""
        found: dict[str, list[Area]] = {}
        for area in self.context.areas:
            found.setdefault(normalize_name(area.name), []).append(area)
        return found

    @cached_property
    def any_by_name(self) -> dict[str, list[Area]]:
        """Every area of the district by normalised name."""
        found: dict[str, list[Area]] = {}
        for area in self.context.district_areas.values():
            found.setdefault(normalize_name(area.name), []).append(area)
        return found

    def same_name(self, given: object, area: Area) -> bool:
        """Whether a name in the sheet is the area's name (case, spacing and a "Kecamatan" prefix aside)."""
        return normalize_name(given) == normalize_name(area.name)

    def find(self, code: object, name: object, parent: object) -> tuple[Area | None, Message | None]:
        context = self.context
        if code != "":
            text = _code_text(code)
            if found := self.by_code.get(text):
                return found, None
            if other := context.district_areas.get(text):
                return None, self._wrong_level(other)
            return None, Message(UNKNOWN_CODE, {"code": text, "district": context.district_name})
        normal = normalize_name(name)
        candidates = self.by_name.get(normal, [])
        if parent != "" and len(candidates) > 1:
            parents = {a.code for a in self.any_by_name.get(normalize_name(parent), ())}
            candidates = [a for a in candidates if a.parent_code in parents]
        if len(candidates) == 1:
            return candidates[0], None
        if not candidates:
            others = self.any_by_name.get(normal, [])
            if len(others) == 1:
                return None, self._wrong_level(others[0])
            return None, Message(UNKNOWN_NAME, {"name": str(name).strip(), "district": context.district_name})
        choices = ", ".join(f"{a.code} {self._parent_name(a)}".strip() for a in candidates)
        return None, Message(AMBIGUOUS_NAME, {"name": str(name).strip(), "choices": choices})

    def _parent_name(self, area: Area) -> str:
        parent = self.context.district_areas.get(area.parent_code or "")
        return f"(Kec. {parent.name})" if parent is not None and parent.level == int(RegionLevel.DISTRICT) else ""

    def _wrong_level(self, area: Area) -> Message:
        office = self.context.office
        return Message(
            WRONG_LEVEL,
            {
                "name": area.name,
                "code": area.code,
                "level": RegionLevel(area.level).label,
                "office": office.name,
                "area_level": office.area_level,
            },
        )


@dataclass
class _Layout:
    """Where a sheet's columns are (0-based positions in calamine's rows) and its header row."""

    header_row: int
    code: int | None = None
    name: int | None = None
    parent: int | None = None
    figures: list[tuple[str, int, int, int]] = field(default_factory=list)  # key, index, position, limit
    texts: list[tuple[str, int, int]] = field(default_factory=list)  # key, index, position


def _header_keys(values: list) -> dict[str, list[int]]:
    keys: dict[str, list[int]] = {}
    for index, value in enumerate(values):
        if isinstance(value, str) and (key := header_key(value)):
            keys.setdefault(key, []).append(index)
    return keys


def _is_header(keys: dict[str, list[int]]) -> bool:
    has_area = bool({"area_code", "area_name", "village_name", "district_name"} & keys.keys())
    return has_area and bool(set(INPUTS) & keys.keys())


class SheetReader:
    """Reads one sheet into the plan: its layout, then every data row."""

    def __init__(self, plan, context, areas, service, sheet, scan: SheetScan, *, bulk: bool = True):
        self.plan, self.context, self.areas, self.bulk = plan, context, areas, bulk
        self.service, self.sheet, self.scan = service, sheet, scan
        self.first_column = 0
        self.report = ReportPlan(ReportKey(context.office.id, service, context.period), sheet)

    def problem(self, row: int | None, index: int | None, message: Message, label=None, *, warning=False) -> None:
        column = None if index is None else column_letter(self.first_column + index + 1)
        target = self.plan.warnings if warning else self.plan.problems
        if len(target) >= MAX_PROBLEMS:
            if not warning and not self.plan.truncated:
                self.plan.truncated = True
                target.append(Problem(self.sheet, None, None, Message(TOO_MANY, {"count": MAX_PROBLEMS})))
            return
        target.append(Problem(self.sheet, row, column, message, label))

    def read(self, grid: SheetGrid, header_row: int | None, step) -> None:
        """Reads the sheet's grid: the header row (given, or searched for), then every row after it."""
        start = grid.start
        if start is None:  # nothing in the sheet at all
            self.problem(None, None, Message(NO_HEADER, {"rows": HEADER_SEARCH_ROWS}))
            return
        first_row, self.first_column = start[0] + 1, start[1]
        height = max(grid.height, 1)
        rows = grid.rows
        del grid  # the rows iterator holds calamine's cells for as long as it is read
        layout, searched = None, False
        row_number = first_row - 1
        for values in rows:
            row_number += 1
            if header_row is not None:
                if row_number == header_row:
                    layout, searched = self.template_layout(values, row_number), True
                    break
                if row_number > header_row:
                    break
            elif row_number >= first_row + HEADER_SEARCH_ROWS:
                break
            elif _is_header(keys := _header_keys(values)):
                layout, searched = self.plain_layout(keys, values, row_number), True
                break
        if layout is None:
            if not searched:  # a header row that was found but refused has its problem listed already
                self.problem(None, None, Message(NO_HEADER, {"rows": HEADER_SEARCH_ROWS}))
            return
        self.merged(layout.header_row)
        self.rows(rows, layout, row_number, height, first_row, step)
        if self.report.rows:
            status = self.context.statuses.get(self.service, ReportStatus.DRAFT)
            if not status.editable:
                self.problem(None, None, Message(FROZEN, {"service": self.service, "status": STATUS_LABELS[status]}))
            self.plan.reports.append(self.report)

    # --- layout ---

    def template_layout(self, values: list, row_number: int) -> _Layout | None:
        keys = _header_keys(values)
        missing = [k for k in ("area_code", *INPUTS) if k not in keys]
        if missing:
            labels = ", ".join(COLUMN_LABELS[k].text if k in COLUMN_LABELS else "Kode wilayah" for k in missing)
            self.problem(row_number, None, Message(TEMPLATE_HEADER, {"row": row_number, "columns": labels}))
            return None
        return self.plain_layout(keys, values, row_number)

    def plain_layout(self, keys: dict[str, list[int]], values: list, row_number: int) -> _Layout | None:
        for indices in keys.values():
            if len(indices) > 1:
                columns = ", ".join(column_letter(self.first_column + i + 1) for i in indices)
                self.problem(
                    row_number,
                    indices[1],
                    Message(DUPLICATE_HEADER, {"header": values[indices[0]], "columns": columns}),
                )
        if any(len(indices) > 1 for indices in keys.values()):
            return None
        one = {k: v[0] for k, v in keys.items()}
        layout = _Layout(row_number, code=one.get("area_code"))
        if "village_name" in one:
            layout.name, layout.parent = one["village_name"], one.get("district_name")
        elif "area_name" in one:
            layout.name, layout.parent = one["area_name"], one.get("district_name")
        else:
            layout.name = one.get("district_name")
        for key in FIGURES:
            if key in one:
                layout.figures.append((key, one[key], POSITION[key], MAX_MONEY if key in MONEY else MAX_COUNT))
        for key in TEXTS:
            if key in one:
                layout.texts.append((key, one[key], POSITION[key]))
        return layout

    def merged(self, header_row: int) -> None:
        for first_row, first_col, last_row, last_col in self.scan.merged:
            if last_row >= header_row:
                cells = f"{column_letter(first_col)}{first_row}:{column_letter(last_col)}{last_row}"
                self.problem(first_row, first_col - 1 - self.first_column, Message(MERGED, {"cells": cells}))

    # --- rows: a block at a time, column by column (excel_bulk), the rows it leaves one by one ---

    def rows(self, rows, layout: _Layout, row_number: int, height: int, first_row: int, step) -> None:
        """Reads the rows after the header (row_number) into the plan, a block at a time."""
        self.layout = layout
        self.stored = self.context.rows.get(self.service, {})
        self.previous = self.context.previous.get(self.service, {})
        self.inputs = {index: key for key, index, *_ in (*layout.figures, *layout.texts)}
        self.formula_rows = {r for r, c in self.scan.formulas if (c - self.first_column - 1) in self.inputs}
        self.seen = SeenAreas()
        bulk = None
        if layout.code is not None and self.bulk:
            bulk = BulkLayout(
                layout.code,
                layout.name,
                tuple((index, position, limit) for _, index, position, limit in layout.figures),
                tuple((index, position) for _, index, position in layout.texts),
            )
        width = 1 + max(i for i in (layout.code, layout.name, layout.parent, *self.inputs) if i is not None)
        while block := list(islice(rows, BLOCK_ROWS)):
            block = _even(block, width)
            if step is not None:
                step(min(1.0, (row_number + 1 - first_row) / height))
            if bulk is None or self.plan.truncated:
                checked = None
            else:
                checked = plan_block(
                    block,
                    row_number + 1,
                    bulk,
                    self.areas.names,
                    self.stored,
                    self.previous,
                    self.seen,
                    self.formula_rows,
                )
            if not self.block(block, row_number + 1, checked):
                break
            row_number += len(block)

    def block(self, block: list[list], first: int, checked: Block | None) -> bool:
        """Takes a block's plain rows as planned and reads the others one by one; False once the
        problem list is full."""
        report_rows = self.report.rows
        if checked is not None and not checked.slow:
            self.seen.add_block(checked.codes, first)
            report_rows.extend(filter(None, checked.plans))
            self.plan.rows_read += len(block)
            return True
        slow = set(range(len(block))) if checked is None else set(checked.slow)
        seen = self.seen
        for i, values in enumerate(block):
            row_number = first + i
            if i in slow or checked.codes[i] in seen:
                planned = self.row(values, row_number)
            else:
                seen.add(checked.codes[i], row_number)
                self.plan.rows_read += 1
                planned = checked.plans[i]
                if planned is not None:
                    report_rows.append(planned)
            if planned is not None and self.plan.truncated:
                return False
        return True

    def row(self, values: list, row_number: int) -> RowPlan | None:
        """Reads one row into the plan; its plan when it has one (else None: a problem, or no change)."""
        layout = self.layout
        code_i, name_i = layout.code, layout.name
        code = values[code_i] if code_i is not None else ""
        area = self.areas.by_code.get(code) if type(code) is str else None
        if area is None:
            area = self.locate(values, layout, row_number, code, self.inputs)
            if area is None:
                return None
        self.plan.rows_read += 1
        area_code = area.code
        if area_code in self.seen:
            details = {"name": area.name, "code": area_code, "row": self.seen.row(area_code)}
            self.problem(row_number, code_i if code != "" else name_i, Message(DUPLICATE_AREA, details))
            return None
        self.seen.add(area_code, row_number)
        if name_i is not None and code != "":
            name = values[name_i]
            if name not in (area.name, "") and not self.areas.same_name(name, area):
                given = {"given": str(name).strip(), "code": area_code, "name": area.name}
                self.problem(row_number, name_i, Message(NAME_DIFFERS, given), warning=True)
        if row_number in self.formula_rows:
            self.formula_cells(row_number, self.inputs)
            return None
        old = self.stored.get(area_code)
        old_values = EMPTY_ROW if old is None else stored_values(old)
        new_values = list(old_values)
        bad = False
        for key, index, position, limit in layout.figures:
            value = values[index]
            try:
                new_values[position] = _figure(key, value, limit)
            except UserError as exc:
                self.problem(row_number, index, exc.message, COLUMN_LABELS[key])
                bad = True
        for key, index, position in layout.texts:
            value = values[index]
            text = "" if value == "" else value.strip() if type(value) is str else _cell_text(value)
            try:
                check_text(key, text)
            except UserError as exc:
                self.problem(row_number, index, exc.message, COLUMN_LABELS[key])
                bad = True
            new_values[position] = text
        new = tuple(new_values)
        if bad or new == old_values:
            return None
        before = self.previous.get(area_code)
        if not quiet(new, before):
            findings = row_findings(FigureRow(area_code, *new), before)  # type: ignore[arg-type]
            if findings and self.findings(findings, row_number, layout):
                return None
        planned = RowPlan(area_code, old, new)
        self.report.rows.append(planned)
        return planned

    def locate(self, values: list, layout: _Layout, row_number: int, code, inputs) -> Area | None:
        """The area of a row not found by its code at once; None (and maybe a problem) when there is none."""
        name = values[layout.name] if layout.name is not None else ""
        if code == "" and name == "":
            if any(values[i] != "" for i in inputs):
                self.problem(row_number, layout.code if layout.code is not None else layout.name, Message(NO_AREA, {}))
            return None
        if code == "" and isinstance(name, str) and normalize_name(name) in TOTAL_NAMES:
            return None  # a totals row (the template's Jumlah): computed, never read
        parent = values[layout.parent] if layout.parent is not None else ""
        area, refused = self.areas.find(code, name, parent)
        if area is None:
            self.plan.rows_read += 1
            self.problem(row_number, layout.code if code != "" else layout.name, refused)
        return area

    def formula_cells(self, row_number: int, inputs: dict[int, str]) -> None:
        for formula_row, column in sorted(self.scan.formulas):
            index = column - self.first_column - 1
            if formula_row == row_number and index in inputs:
                self.problem(row_number, index, Message(FORMULA, {}), COLUMN_LABELS[inputs[index]])

    def findings(self, findings, row_number: int, layout: _Layout) -> bool:
        """Lists a changed row's findings; True when one of them refuses the row."""
        refused = False
        for finding in findings:
            warning = finding.severity is not Severity.ERROR
            index = _index_of(layout, finding.column)
            self.problem(row_number, index, finding.message, COLUMN_LABELS[finding.column], warning=warning)
            refused = refused or not warning
        return refused


def _even(block: list[list], width: int) -> list[list]:
    """The block's rows all as long, and at least `width` long: a sheet read in segments lists each
    segment's rows to its own last used column, and the checks take a block column by column."""
    lengths = set(map(len, block))
    if len(lengths) == 1 and min(lengths) >= width:
        return block
    longest = max(width, *lengths)
    return [values if len(values) == longest else values + [""] * (longest - len(values)) for values in block]


def _index_of(layout: _Layout, column: str) -> int | None:
    for key, index, *_ in (*layout.figures, *layout.texts):
        if key == column:
            return index
    return None


def _figure(column: str, value: object, limit: int) -> int | None:
    """A figure cell through parse_figure: the grid's rule, whatever type the cell has."""
    # The common case, a whole number within the limits, without a call: exactly what
    # parse_figure(int(value)) returns.
    if type(value) is float and 0.0 <= value <= limit and value.is_integer():
        return int(value)
    if value == "":
        return None
    if isinstance(value, float):
        if value.is_integer():
            return parse_figure(column, int(value))
        # A decimal, shown as an Indonesian Excel shows it ("12,5") and refused as typed text is.
        return parse_figure(column, repr(value).replace(".", ","))
    if value is None or isinstance(value, (str, int)):  # bool is an int: parse_figure refuses it
        return parse_figure(column, value)
    return parse_figure(column, str(value))  # a date or time: not a number


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
