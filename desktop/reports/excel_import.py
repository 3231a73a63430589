"""Importing figures from an Excel workbook: the app's own template, or a plain sheet a user made.

The work is split by thread, as the window needs it:

1. `open_workbook(path)` — file checks (excel_guard) and the template's hidden identity; no database.
2. `target_of(source, office, …)` — which period and which sheet holds which service.
3. `import_context(store, target)` — a snapshot of the stored rows, areas and statuses (GUI thread).
4. `build_plan(source, target, context, progress)` — reads every sheet with calamine and checks every
   cell with the same rules as the grid (parse_figure, check_text, row_findings); no database, so it
   runs on a worker thread. The plan holds the changed cells per report, or the row-level problems.
5. `apply_plan(store, plan)` — every report of the workbook in ONE transaction (set_many), or none.

A workbook with any problem is refused whole: nothing is applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, user_error
from desktop.domain.periods import Period
from desktop.reports.collector_pause import cycles_uncollected
from desktop.reports.excel_common import APP, IDENTITY_SHEET, TEMPLATE_VERSION, Progress
from desktop.reports.excel_guard import CheckedWorkbook, check_workbook, damaged
from desktop.reports.excel_plan import ImportContext, ImportPlan, ReportPlan, RowPlan
from desktop.reports.excel_problems import Problem
from desktop.reports.excel_segments import MAX_SEGMENTS, SheetRead, UnusableSegmentsError, whole_grid
from desktop.reports.excel_sheets import AreaIndex, SheetReader
from desktop.storage.audit import AuditLog
from desktop.storage.database import Database
from desktop.storage.installation import Office
from desktop.storage.reports import ReportKey, ReportRepository, RowChange
from desktop.storage.store import Store, settle_on_commit

__all__ = [  # the plan's types are used with these functions: importable from here
    "ImportContext",
    "ImportPlan",
    "Problem",
    "ReportPlan",
    "RowPlan",
    "Source",
    "Target",
    "apply_plan",
    "apply_plan_apart",
    "build_plan",
    "import_context",
    "open_workbook",
    "plan_import",
    "target_of",
]


# --- what the import finds -----------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateIdentity:
    """The hidden identity of a workbook made by `excel-template`."""

    version: str
    office_id: str
    office_name: str
    district_code: str
    district_name: str
    period: Period
    area_level: str
    sheets: tuple[tuple[str, str, int], ...]  # (service code, sheet name, header row)


@dataclass(frozen=True)
class Source:
    """A workbook that passed the file checks, with its identity when it is a template."""

    path: Path
    checked: CheckedWorkbook
    identity: TemplateIdentity | None

    @property
    def is_template(self) -> bool:
        """Whether the workbook is an SPM Luring template (else a plain sheet)."""
        return self.identity is not None


@dataclass(frozen=True)
class Target:
    """The period a workbook fills and the sheet of each service (header row None: find it)."""

    period: Period
    sheets: tuple[tuple[str, str, int | None], ...]

    @property
    def services(self) -> tuple[str, ...]:
        """The service codes, in sheet order."""
        return tuple(s for s, _, _ in self.sheets)


# --- messages ------------------------------------------------------------------------------------

MISSING_SHEET = QT_TRANSLATE_NOOP("ExcelImport", "Lembar '{sheet}' untuk layanan {service} tidak ada.")


def _identity_error(path: Path, detail: str) -> UserError:
    return user_error(
        QT_TRANSLATE_NOOP("ExcelImport", "Identitas templat di {name} rusak ({detail}); buat templat baru."),
        name=path.name,
        detail=detail,
    )


# --- 1. the workbook -------------------------------------------------------------------------------


@contextmanager
def _calamine(checked: CheckedWorkbook) -> Iterator[CalamineWorkbook]:
    try:
        book = CalamineWorkbook.from_path(str(checked.path))
    except (CalamineError, OSError, ValueError) as exc:
        raise damaged(checked.path, exc) from exc
    try:
        yield book
    finally:
        book.close()


def _sheet_rows(book: CalamineWorkbook, checked: CheckedWorkbook, name: str):
    try:
        return book.get_sheet_by_name(name)
    except (CalamineError, ValueError) as exc:
        raise damaged(checked.path, exc) from exc


def open_workbook(path: Path | str) -> Source:
    """Checks the file (see excel_guard) and reads the template identity if it has one."""
    checked = check_workbook(path)
    identity = None
    if checked.sheet(IDENTITY_SHEET) is not None:
        checked.scan(IDENTITY_SHEET)  # within the limits before calamine lays it out
        with _calamine(checked) as book:
            rows = _sheet_rows(book, checked, IDENTITY_SHEET).to_python()
        identity = _parse_identity(rows, checked.path)
    return Source(checked.path, checked, identity)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _parse_identity(rows: list[list], path: Path) -> TemplateIdentity:
    values: dict[str, str] = {}
    sheets = []
    for row in rows:
        if not row or not isinstance(row[0], str):
            continue
        key = row[0].strip()
        if key == "sheet":
            if len(row) < 4:
                raise _identity_error(path, "sheet")
            try:
                sheets.append((_text(row[2]), _text(row[1]), int(_text(row[3]))))
            except ValueError as exc:
                raise _identity_error(path, "sheet") from exc
        elif len(row) > 1:
            values[key] = _text(row[1])
    if values.get("app") != APP:
        raise user_error(
            QT_TRANSLATE_NOOP("ExcelImport", "Lembar identitas di {name} bukan buatan SPM Luring."), name=path.name
        )
    version = values.get("template_version", "")
    if version != TEMPLATE_VERSION:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelImport",
                "{name} adalah templat versi {found}, sedangkan aplikasi ini membaca templat versi {expected}. "
                "Buat templat baru lalu salin angkanya ke sana.",
            ),
            name=path.name,
            found=version or "?",
            expected=TEMPLATE_VERSION,
        )
    try:
        period = Period(int(values["year"]), int(values["quarter"]))
        return TemplateIdentity(
            version=version,
            office_id=values["office_id"],
            office_name=values.get("office_name", ""),
            district_code=values["district_code"],
            district_name=values.get("district_name", ""),
            period=period,
            area_level=values["area_level"],
            sheets=tuple(sheets),
        )
    except (KeyError, ValueError, UserError) as exc:
        raise _identity_error(path, str(exc)) from exc


# --- 2. what it fills ------------------------------------------------------------------------------


def target_of(source: Source, office: Office, *, service: str | None = None, period: Period | None = None) -> Target:
    """The period and sheets to import. A template names them itself (a given service or period must
    agree with it); a plain sheet needs both, and its first visible sheet is read."""
    identity = source.identity
    if identity is None:
        if service is None or period is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "ExcelImport", "{name} bukan templat SPM Luring: tentukan layanan dan periode yang diisinya."
                ),
                name=source.path.name,
            )
        require_service(office, service)
        visible = [s for s in source.checked.sheets if s.state == "visible"] or list(source.checked.sheets)
        return Target(period, ((service, visible[0].name, None),))
    if identity.district_code != office.region_code:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelImport", "Templat ini untuk {district} ({code}), bukan untuk kabupaten/kota aplikasi ini ({own})."
            ),
            district=identity.district_name,
            code=identity.district_code,
            own=office.region_code,
        )
    if identity.office_id != office.id:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelImport",
                "Templat ini dibuat oleh {office} di instalasi SPM Luring lain. Buat templat dari aplikasi ini "
                "(Berkas → Buat templat Excel…) lalu salin angkanya ke sana.",
            ),
            office=identity.office_name,
        )
    if identity.area_level != office.area_level:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelImport", "Templat ini berisi baris per {level}, sedangkan laporan {office} per {own}."
            ),
            level=identity.area_level,
            office=office.name,
            own=office.area_level,
        )
    if period is not None and period != identity.period:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "ExcelImport", "Templat ini untuk Triwulan {roman} {year}, bukan Triwulan {wanted_roman} {wanted_year}."
            ),
            roman=identity.period.roman,
            year=identity.period.year,
            wanted_roman=period.roman,
            wanted_year=period.year,
        )
    sheets = identity.sheets
    if service is not None:
        sheets = tuple(s for s in sheets if s[0] == service)
        if not sheets:
            raise user_error(QT_TRANSLATE_NOOP("ExcelImport", "Templat ini tidak memuat layanan {code}."), code=service)
    for code, _, _ in sheets:
        require_service(office, code)
    return Target(identity.period, sheets)


def require_service(office: Office, code: str) -> None:
    if code not in office.services:
        raise user_error(
            QT_TRANSLATE_NOOP("ExcelImport", "Layanan {code} tidak termasuk layanan yang dilaporkan {office}."),
            code=code,
            office=office.name,
        )


# --- 3. the snapshot -------------------------------------------------------------------------------


def import_context(store: Store, target: Target) -> ImportContext:
    """Reads what the checks compare against: stored rows (and the quarter before), areas, statuses.

    Refuses first (UserError) when the acting account may not change these reports now (role, deadline):
    the apply itself may run on a worker's connection of its own, without the store's login.
    """
    installation = store.require_installation()
    office = installation.office
    rows, previous, statuses = {}, {}, {}
    for code in dict.fromkeys(target.services):
        key = ReportKey(office.id, code, target.period)
        store.reports.guard(key)
        report = store.reports.get(key)
        rows[code] = {r.area_code: r for r in report.rows}
        statuses[code] = report.status
        previous[code] = store.reports.previous_rows(key)
    return ImportContext(
        office=office,
        district_name=installation.district_name,
        period=target.period,
        areas=tuple(store.areas.reporting_areas(office.area_level)),
        district_areas={a.code: a for a in store.areas.list()},
        rows=rows,
        previous=previous,
        statuses=statuses,
    )


# --- 4. the plan -----------------------------------------------------------------------------------


def build_plan(source: Source, target: Target, context: ImportContext, progress: Progress | None = None) -> ImportPlan:
    """Reads and checks every sheet of the target; touches no database (safe on a worker thread).

    File-level refusals (limits, damage) raise UserError; cell and row problems are listed in the plan.
    `progress(done, total)` may raise to cancel.
    """
    plan = ImportPlan(source.path, source.is_template, target.period)
    total = len(target.sheets) * 1000
    checked = source.checked
    # calamine reads a sheet without holding the GIL, and a big one in segments side by side, each once
    # the scan has passed it (calamine would abort on a cell beyond the limits): see excel_segments.
    # The index of areas is made meanwhile. The collector is held off: a million cells and some 100,000
    # row plans, none in a cycle, would have it walk every object of the process (the snapshot's
    # 100,000 areas too) again and again.
    with _calamine(checked) as book, cycles_uncollected(), ThreadPoolExecutor(MAX_SEGMENTS) as pool:
        areas, other_parts = None, cache(checked.other_parts)
        for index, (service, sheet, header_row) in enumerate(target.sheets):
            if progress is not None:
                progress(index * 1000, total)
            entry = checked.sheet(sheet)
            if entry is None:
                plan.problems.append(
                    Problem(sheet, None, None, Message(MISSING_SHEET, {"sheet": sheet, "service": service}))
                )
                continue
            whole = partial(_sheet_rows, book, checked, sheet)
            step = _step(progress, index, total)
            with SheetRead.of(pool, whole, entry, other_parts) as read:
                scan = checked.scan(sheet, taken=read.take)
                read.start()
                areas = areas or AreaIndex(context)
                mark = plan.mark()
                try:
                    grid = read.grid()
                    SheetReader(plan, context, areas, service, sheet, scan).read(grid, header_row, step)
                    grid.check()
                except UnusableSegmentsError:
                    plan.rewind(mark)
                    grid = whole_grid(whole())
                    SheetReader(plan, context, areas, service, sheet, scan).read(grid, header_row, step)
            if plan.truncated:
                break
    if progress is not None:
        progress(total, total)
    return plan


def _step(progress: Progress | None, index: int, total: int):
    if progress is None:
        return None
    return lambda fraction: progress(index * 1000 + int(fraction * 1000), total)


# --- 5. applying -----------------------------------------------------------------------------------


def apply_plan(store: Store, plan: ImportPlan, progress: Progress | None = None) -> dict[ReportKey, list[RowChange]]:
    """Applies every report of an accepted plan in one transaction (or none, raising UserError)."""
    if not plan.ok:
        raise ValueError("a plan with problems is never applied")
    return store.reports.set_many(plan.edits(), progress)


def apply_plan_apart(
    database_path: Path, actor: str, plan: ImportPlan, progress: Progress | None = None
) -> dict[ReportKey, list[RowChange]]:
    """apply_plan on a connection of its own, for a worker thread (the store's connection belongs to the
    GUI thread). A large workbook writes one hash-chained audit row per changed cell — a minute for
    600,000 cells — which must not freeze the window. Still one transaction: SQLite lets one writer in
    at a time (WAL, BEGIN IMMEDIATE), so the window's own edits wait or are refused, never interleaved."""
    if not plan.ok:
        raise ValueError("a plan with problems is never applied")
    database = settle_on_commit(Database(database_path))
    try:
        reports = ReportRepository(database, AuditLog(database), lambda: actor)
        return reports.set_many(plan.edits(), progress)
    finally:
        database.close()


def plan_import(
    store: Store,
    path: Path | str,
    *,
    service: str | None = None,
    period: Period | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Steps 1-4 in one go, for the command line and tests (the window runs them on two threads)."""
    source = open_workbook(path)
    target = target_of(source, store.require_installation().office, service=service, period=period)
    return build_plan(source, target, import_context(store, target), progress)
