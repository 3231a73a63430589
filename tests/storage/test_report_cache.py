"""The report cache (schema 5): whatever writes the rows, a cached hash or sum is never one the rows would
not give, and a reader without the cache (missing, stale, a read-only copy) gets the same figures."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, Totals
from desktop.domain.workflow import Transition
from desktop.reports.pdf_rekap import collect_rekaps, write_rekaps
from desktop.storage.audit import AuditLog
from desktop.storage.bundle_records import CONFLICT, BundleRecord, CarriedReport, RemoteOffice
from desktop.storage.data_dir import DB_NAME
from desktop.storage.database import Database
from desktop.storage.report_cache import SUMS
from desktop.storage.reports import CellEdit, ReportKey, ReportRepository
from desktop.storage.store import Store, settle_on_commit
from tests.conftest import KECAMATAN, PERIOD, set_up
from tests.reports.helpers import pdf_text

from .helpers import raw_connect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SERVICES = ("1.02.01", "1.02.02", "1.02.03")
PERIODS = (PERIOD, Period(2024, 4))
TODAY = date(2024, 10, 31)


# --- what the rows say -------------------------------------------------------------------------------


def truth(store: Store) -> dict[tuple, tuple]:
    """Every stored report's hash, sums, has-data and over-target, from its rows through the domain alone
    (Report.content_hash, Totals.of), with its head."""
    found = {}
    for office_id, service, year, quarter in store.database.conn.execute(
        "SELECT office_id, service_code, year, quarter FROM reports"
    ).fetchall():
        report = store.reports.get(ReportKey(office_id, service, Period(year, quarter)))
        rows = report.rows
        over = any(r.served is not None and r.target is not None and r.served > r.target for r in rows)
        found[(office_id, service, year, quarter)] = (
            report.content_hash(),
            Totals.of(rows),
            any(not r.is_empty for r in rows),
            over,
            report.status.value,
            report.revision,
            report.catalog_version,
        )
    return found


def cached(store: Store) -> dict[tuple, tuple | None]:
    """The cache rows by report (None for a stale one); a row of no report is a key of Nones."""
    found = {}
    for row in store.database.query(
        "SELECT r.office_id, r.service_code, r.year, r.quarter, c.*"
        " FROM report_cache c LEFT JOIN reports r ON r.id = c.report_id"
    ):
        key = (row["office_id"], row["service_code"], row["year"], row["quarter"])
        if row["content_hash"] is None:
            found[key] = None
        else:
            totals = Totals(*(row[s] for s in SUMS))
            found[key] = (row["content_hash"], totals, bool(row["has_data"]), bool(row["over_target"]))
    return found


def assert_cache_agrees(store: Store, *, settled: bool) -> None:
    """Each cached row is what the rows give; the readers give it for every report, cached or not.

    `settled`: the program wrote last, so nothing is left stale (a report of values of other types
    than its columns', as only a hand edit leaves, is never cached)."""
    expected = truth(store)
    rows = cached(store)
    assert set(rows) <= set(expected), "a cache row without its report"
    for key, row in rows.items():
        if row is not None:
            assert row == expected[key][:4], key
    if settled:
        assert None not in rows.values()
        assert set(rows) == {key for key in expected if _cacheable(store, key)}
    for office_id, _service, year, quarter in {(k[0], None, k[2], k[3]) for k in expected}:
        figures = store.reports.period_figures(office_id, Period(year, quarter))
        for service, found in figures.items():
            want = expected[(office_id, service, year, quarter)]
            got = (found.content_hash, found.totals, found.has_data, found.over_target)
            assert (*got, found.status, found.revision, found.catalog_version) == want


def _cacheable(store: Store, key: tuple) -> bool:
    """Whether the report's values all have their columns' types, and its sums fit a SQLite integer."""
    office_id, service, year, quarter = key
    report = store.reports.get(ReportKey(office_id, service, Period(year, quarter)))
    figures = [getattr(r, c) for r in report.rows for c in SUMS[:6]]
    texts = [getattr(r, c) for r in report.rows for c in ("area_code", "problems", "follow_up", "note")]
    sums = (
        [getattr(Totals.of(report.rows), s) for s in SUMS] if all(type(f) in (int, type(None)) for f in figures) else []
    )
    return (
        all(type(f) in (int, type(None)) for f in figures)
        and all(type(t) is str for t in texts)
        and all(s is None or s < 2**63 for s in sums)
    )


# --- every way rows get written ----------------------------------------------------------------------

# Few reports and areas, so that writes meet rows written before; mostly figures an operator may type,
# sometimes ones whose sums outgrow a SQLite integer (a bundle or a hand edit may bring them).
SMALL = st.one_of(st.none(), st.integers(0, 300))
FIGURE = st.one_of(SMALL, SMALL, st.integers(2**61, 2**62))
TEXT = st.sampled_from(["", "banjir", 'kutip " dan \\ garis', "≥ 100 — ü"])
COLUMN = st.sampled_from(["target", "served", "quality_required", "quality_met", "budget", "spent"])
AREA = st.sampled_from(KECAMATAN[:3])
SERVICE = st.sampled_from(SERVICES[:2])
WHEN = st.sampled_from(PERIODS)
ROW = st.builds(
    lambda area, figures, texts: AreaFigures(area, *figures, *texts),
    AREA,
    st.tuples(*[FIGURE] * 6),
    st.tuples(TEXT, TEXT, TEXT),
)
ROWS = st.lists(ROW, max_size=4, unique_by=lambda r: r.area_code).map(tuple)
REMOTE = RemoteOffice("6f4b2c1e-0000-4000-8000-000000000001", "Dinas Pendidikan", "64.11", "kecamatan", SERVICES)

OPERATIONS = st.one_of(
    st.tuples(st.just("edit"), SERVICE, WHEN, st.lists(st.tuples(AREA, COLUMN, SMALL), min_size=1, max_size=4)),
    st.tuples(st.just("text"), SERVICE, WHEN, AREA, st.sampled_from(["problems", "follow_up", "note"]), TEXT),
    st.tuples(st.just("many"), st.lists(st.tuples(SERVICE, WHEN, AREA, COLUMN, SMALL), min_size=1, max_size=5)),
    st.tuples(st.just("import"), SERVICE, WHEN, ROWS, st.sampled_from(["2025.1", "2024.1"])),
    st.tuples(st.just("conflict"), SERVICE, WHEN, ROWS),
    st.tuples(st.just("export"), SERVICE, WHEN),
    st.tuples(st.just("submit"), SERVICE, WHEN),
    st.tuples(st.just("sql"), st.sampled_from(range(7)), SERVICE, AREA, FIGURE),
    st.tuples(st.just("outside"), st.sampled_from(range(7)), SERVICE, AREA, FIGURE),
    st.tuples(st.just("reopen")),
)

# Hand edits, as a program of its own (or an old release, or a migration) might make them.
RAW = [
    "UPDATE report_rows SET served = :value WHERE area_code = :area"
    " AND report_id IN (SELECT id FROM reports WHERE service_code = :service)",
    "DELETE FROM report_rows WHERE area_code = :area",
    "INSERT OR REPLACE INTO report_rows (report_id, area_code, target, updated_at, updated_by)"
    " SELECT id, :area, :value, 'now', 'sql' FROM reports WHERE service_code = :service",
    "INSERT OR IGNORE INTO report_rows (report_id, area_code, budget, updated_at, updated_by)"
    " SELECT id, :area, :value, 'now', 'sql' FROM reports WHERE service_code = :service",
    "UPDATE reports SET catalog_version = '2023.9' WHERE service_code = :service",
    "UPDATE report_rows SET target = 12.5, note = 'tangan' WHERE area_code = :area",  # other types than the columns'
    "UPDATE report_rows SET report_id = (SELECT max(id) FROM reports) WHERE area_code = :area"
    " AND report_id = (SELECT min(id) FROM reports) AND NOT EXISTS (SELECT 1 FROM report_rows w"
    " WHERE w.area_code = :area AND w.report_id = (SELECT max(id) FROM reports))",
]


class World:
    """A data folder and its open store, and the bundles recorded so far."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.outside = False  # a hand edit from outside since the program's last write
        self.store = self._open()
        self.office_id = self.store.require_installation().office.id

    def _open(self) -> Store:
        store = Store.open(self.folder)  # settles what was left stale
        self.outside = False
        store.database.before_commit.append(self._committed)  # after the store's own upkeep
        return store

    def _committed(self, conn) -> None:
        self.outside = False

    def reopen(self) -> None:
        self.store.close()
        self.store = self._open()

    def record(self, office_id: str, period: Period, direction: str) -> BundleRecord:
        bundle_id = str(uuid.uuid4())
        return BundleRecord(
            bundle_id,
            direction,
            office_id,
            period.year,
            period.quarter,
            "2025.1",
            "K",
            "F",
            "b.spmb",
            "0",
            1,
            "0",
            False,
            "t",
        )

    def carried(self, office_id: str, service: str, period: Period, rows, catalog: str, verdict: str) -> CarriedReport:
        current = self.store.bundles.current(office_id, service, period)
        revision = (current.revision + 1) if current else 1
        expected = current.bundle_id if current else None
        return CarriedReport(service, catalog, "submitted", revision, expected, "0" * 64, rows, (), verdict, expected)


def apply(world: World, operation: tuple) -> None:
    """Applies one operation (refused ones change nothing)."""
    store, kind = world.store, operation[0]
    try:
        if kind == "edit":
            _, service, period, edits = operation
            store.reports.set_values(
                ReportKey(world.office_id, service, period), [CellEdit(a, c, v) for a, c, v in edits]
            )
        elif kind == "text":
            _, service, period, area, column, value = operation
            store.reports.set_value(ReportKey(world.office_id, service, period), area, column, value)
        elif kind == "many":
            edits: dict[ReportKey, list[CellEdit]] = {}
            for service, period, area, column, value in operation[1]:
                edits.setdefault(ReportKey(world.office_id, service, period), []).append(CellEdit(area, column, value))
            store.reports.set_many(edits)
        elif kind in ("import", "conflict"):
            _, service, period, rows, *catalog = operation
            verdict = "new" if store.bundles.current(REMOTE.id, service, period) is None else "update"
            report = world.carried(REMOTE.id, service, period, rows, catalog[0] if catalog else "2025.1", verdict)
            if kind == "conflict" and verdict == "update":
                first = store.bundles.current(REMOTE.id, service, period)
                # A second bundle revising what the current one revised: kept aside, then chosen.
                report = CarriedReport(
                    service,
                    "2025.1",
                    "submitted",
                    first.revision,
                    first.revises_bundle_id,
                    "0" * 64,
                    rows,
                    (),
                    CONFLICT,
                    first.bundle_id,
                )
                record = world.record(REMOTE.id, period, "import")
                store.bundles.apply_import(record, REMOTE, [report])
                store.bundles.resolve_conflict(REMOTE.id, service, period, record.bundle_id)
            else:
                store.bundles.apply_import(world.record(REMOTE.id, period, "import"), REMOTE, [report])
        elif kind == "export":
            _, service, period = operation
            if store.reports.report_id(ReportKey(world.office_id, service, period)) is not None:
                report = world.carried(world.office_id, service, period, (), "2025.1", "new")
                store.bundles.record_export(world.record(world.office_id, period, "export"), [report])
        elif kind == "submit":
            _, service, period = operation
            store.review.apply(ReportKey(world.office_id, service, period), Transition.SUBMIT)
        elif kind == "sql":
            _, number, service, area, value = operation
            with store.database.write() as conn:
                conn.execute(RAW[number], {"service": service, "area": area, "value": value})
        elif kind == "outside":
            _, number, service, area, value = operation
            with closing(raw_connect(world.folder)) as conn:
                conn.execute(RAW[number], {"service": service, "area": area, "value": value})
            world.outside = True
        elif kind == "reopen":
            world.reopen()
    except UserError:
        pass  # refused (a figure out of range, a submitted report, …): nothing was written


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cache") / "data"
    with Store.open(folder) as store:
        set_up(store)
    return folder


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=12))
def test_after_any_writes_the_cache_is_what_the_rows_give(template, tmp_path_factory, operations):
    folder = tmp_path_factory.mktemp("world") / "data"
    shutil.copytree(template, folder)
    world = World(folder)
    try:
        for operation in operations:
            apply(world, operation)
            assert_cache_agrees(world.store, settled=not world.outside)
    finally:
        world.store.close()


# --- the cache and its absence, one at a time ---------------------------------------------------------


def filled(store: Store, key: ReportKey) -> None:
    store.reports.set_values(
        key,
        [CellEdit("64.11.01", "target", 212), CellEdit("64.11.01", "served", 250), CellEdit("64.11.02", "note", "x")],
    )
    other = ReportKey(key.office_id, "1.02.04", key.period)
    store.reports.set_values(other, [CellEdit("64.11.03", "target", 80), CellEdit("64.11.03", "served", 40)])


def test_a_write_is_cached_in_its_own_transaction(store, key):
    filled(store, key)
    rows = cached(store)
    assert None not in rows.values() and len(rows) == 2
    assert_cache_agrees(store, settled=True)


def test_a_write_through_raw_sql_on_the_rows_clears_the_cache(store, key, data_dir):
    filled(store, key)
    report_id = store.reports.report_id(key)
    with closing(raw_connect(data_dir)) as conn:  # another program: no cache upkeep of ours
        conn.execute("UPDATE report_rows SET served = 100 WHERE report_id = ? AND area_code = '64.11.01'", (report_id,))
        assert conn.execute("SELECT content_hash FROM report_cache WHERE report_id = ?", (report_id,)).fetchone() == (
            None,
        )
        conn.execute("DELETE FROM report_rows WHERE area_code = '64.11.03'")
    assert list(cached(store).values()) == [None, None]
    assert_cache_agrees(store, settled=False)  # read from the rows meanwhile
    assert store.reports.period_figures(key.office_id, PERIOD)["1.02.01"].totals.served == 100
    store.reports.set_value(key, "64.11.04", "target", 5)  # the next write of ours settles every stale row
    assert_cache_agrees(store, settled=True)


@pytest.mark.parametrize(
    ("statement", "stale"),
    [
        ("UPDATE reports SET catalog_version = '2023.9'", 2),
        ("UPDATE reports SET service_code = '1.02.09' WHERE service_code = '1.02.04'", 1),
        ("UPDATE reports SET year = 2023", 2),
        ("UPDATE reports SET office_id = office_id WHERE service_code = '1.02.01'", 1),
        (
            "INSERT INTO report_rows (report_id, area_code, updated_at, updated_by)"
            " SELECT id, '64.11.05', 'now', 'x' FROM reports",
            2,
        ),
        ("UPDATE report_rows SET updated_by = 'x' WHERE area_code = '64.11.03'", 1),
    ],
)
def test_a_change_of_what_the_hash_covers_clears_the_cache(store, key, data_dir, statement, stale):
    filled(store, key)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute(statement)
    assert list(cached(store).values()).count(None) == stale
    assert_cache_agrees(store, settled=False)


def test_a_change_of_status_or_revision_keeps_the_cache(store, key, data_dir):
    filled(store, key)
    before = cached(store)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute("UPDATE reports SET status = 'approved', revision = 7, updated_at = 'later'")
    assert cached(store) == before
    assert_cache_agrees(store, settled=True)


def test_a_deleted_report_takes_its_cache_row_along(store, key, data_dir):
    filled(store, key)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute("DELETE FROM report_rows")
        conn.execute("DELETE FROM reports WHERE service_code = '1.02.04'")
    assert len(cached(store)) == 1
    store.reports.set_value(key, "64.11.04", "target", 5)
    assert_cache_agrees(store, settled=True)


def test_a_read_only_copy_without_the_cache_prints_the_same_rekap(data_dir, tmp_path):
    with Store.open(data_dir) as store:
        set_up(store)
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        filled(store, key)
        store.reports.set_values(
            ReportKey(key.office_id, "1.02.01", Period(2024, 1)), [CellEdit("64.11.02", "target", 9)]
        )
        with_cache = collect_rekaps(store, 2024, today=TODAY)
        write_rekaps(tmp_path / "with.pdf", with_cache)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute("DELETE FROM report_cache WHERE report_id % 2 = 0")  # some missing,
        conn.execute("UPDATE report_cache SET content_hash = NULL")  # the others stale
    with Store.open(data_dir, readonly=True) as reader:
        assert all(row is None for row in cached(reader).values())
        without = collect_rekaps(reader, 2024, today=TODAY)
        write_rekaps(tmp_path / "without.pdf", without)
    assert without == with_cache  # scores, reports and their hashes, the QR code's payload
    assert [r.payload for r in without] == [r.payload for r in with_cache]
    assert pdf_text(tmp_path / "without.pdf") == pdf_text(tmp_path / "with.pdf")
    with Store.open(data_dir) as writer:  # opening it for writing settles the stale rows (the missing
        rows = cached(writer)  # ones stay missing: read from the report's rows until it is written again)
        assert len(rows) == 2 and None not in rows.values()
        assert_cache_agrees(writer, settled=False)
        assert collect_rekaps(writer, 2024, today=TODAY) == with_cache


def test_a_schema_4_folder_is_cached_when_upgraded(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "schema-4", folder)
    with Store.open(folder) as store:
        assert store.database.user_version >= 5
        assert_cache_agrees(store, settled=True)
        assert len(cached(store)) == store.database.scalar("SELECT count(*) FROM reports") > 0
    with closing(sqlite3.connect(folder / "spm-luring.sqlite")) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")}
    assert {n for n in names if n.startswith("report_cache_")} == {
        "report_cache_row_insert",
        "report_cache_row_update",
        "report_cache_row_delete",
        "report_cache_report_insert",
        "report_cache_report_update",
        "report_cache_report_delete",
    }


def test_a_hand_edit_the_sums_cannot_take_leaves_its_report_uncached_and_writes_working(store, key, data_dir):
    filled(store, key)
    with closing(raw_connect(data_dir)) as conn:
        conn.execute("UPDATE report_rows SET target = 'banyak' WHERE area_code = '64.11.01'")
        conn.execute("UPDATE reports SET year = 1990 WHERE service_code = '1.02.04'")
    store.reports.set_value(ReportKey(key.office_id, "1.02.05", PERIOD), "64.11.02", "target", 7)
    assert list(cached(store)) == [(key.office_id, "1.02.05", 2024, 3)]  # the other two are read from rows


def test_a_repository_on_a_connection_of_its_own_settles_the_cache(store, key, data_dir):
    # As an Excel import applies its plan on a worker thread: no store, the store's commit hook all the same.
    database = settle_on_commit(Database(data_dir / DB_NAME))
    try:
        reports = ReportRepository(database, AuditLog(database), lambda: "excel")
        reports.set_values(key, [CellEdit("64.11.01", "target", 5), CellEdit("64.11.02", "served", 3)])
    finally:
        database.close()
    assert len(cached(store)) == 1
    assert_cache_agrees(store, settled=True)
