"""The report cache (table report_cache, schema 5): each report's content hash and the sums scoring needs.

A rekap of a year scores and hashes every report of four quarters; reading one cached row per report
instead of every area row is most of its reading time. The cache can never be stale: triggers on
reports and report_rows mark a report's row stale (content_hash NULL) on any change its hash or sums
depend on, whoever makes it, and a reader takes a report whose row is stale or missing from its area
rows, as before the cache. The store recomputes the stale rows before each of its write transactions
commits (`refresh_stale`), so what the program writes is cached when it is read.

Only reports whose values all have their columns' own types are cached (all the program ever writes);
any other report (a hand-edited database) is always read from its rows, as is one whose sums would not
fit a SQLite integer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.reports import FigureRow, Totals
from desktop.domain.scoring import over_target
from desktop.storage.reports import COLUMNS, StoredReport, canonical_rows
from desktop.storage.row_hash import content_hash

# The cached sums, in the order of Totals' fields.
SUMS = ("target", "served", "quality_required", "quality_met", "budget", "spent", "served_with_target")
_INT64 = range(-(2**63), 2**63)


@dataclass(frozen=True)
class ReportFigures:
    """A stored report's head with its content hash and sums: what a rekap prints of it."""

    service_code: str
    status: str
    revision: int
    catalog_version: str
    content_hash: str
    totals: Totals
    has_data: bool  # some row has a figure or a text
    over_target: bool  # some row served more than its target


@dataclass(frozen=True)
class _Computed:
    content_hash: str
    totals: Totals
    has_data: bool
    over_target: bool


def period_figures(conn: sqlite3.Connection, office_id: str, period: Period) -> dict[str, ReportFigures]:
    """Every stored report of an office in a period, by service code, in one snapshot.

    Cached reports cost one row each; the others are read from their rows and hashed here.
    """
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    params = (office_id, period.year, period.quarter)
    try:
        found = conn.execute(
            "SELECT r.id, r.service_code, r.status, r.revision, r.catalog_version, c.content_hash,"
            f" {', '.join('c.' + s for s in SUMS)}, c.has_data, c.over_target"
            " FROM reports r LEFT JOIN report_cache c ON c.report_id = r.id"
            " WHERE r.office_id = ? AND r.year = ? AND r.quarter = ?",
            params,
        ).fetchall()
        missing: dict[int, list[FigureRow]] = {head[0]: [] for head in found if head[5] is None}
        if missing:
            make = FigureRow._make
            for report_id, *values in conn.execute(
                f"SELECT w.report_id, {', '.join('w.' + c for c in ('area_code', *COLUMNS))}"
                " FROM reports r JOIN report_rows w ON w.report_id = r.id LEFT JOIN report_cache c ON c.report_id = r.id"
                " WHERE r.office_id = ? AND r.year = ? AND r.quarter = ? AND c.content_hash IS NULL",
                params,
            ):
                missing[report_id].append(make(values))
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
    result = {}
    for report_id, service_code, status, revision, catalog_version, cached_hash, *cache in found:
        head = (service_code, status, revision, catalog_version)
        if cached_hash is None:
            stored = StoredReport(*head, missing[report_id])
            made = _compute(office_id, period, stored, _canonical(stored))
            figures = (made.content_hash, made.totals, made.has_data, made.over_target)
        else:
            figures = (cached_hash, Totals(*cache[: len(SUMS)]), bool(cache[-2]), bool(cache[-1]))
        result[service_code] = ReportFigures(*head, *figures)
    return result


def refresh_stale(conn: sqlite3.Connection) -> int:
    """Recomputes every stale row inside the caller's write transaction; returns how many there were.

    A report that may not be cached (see the module) loses its row, so it is not recomputed again; a row
    of no report goes too.
    """
    heads = conn.execute(
        "SELECT c.report_id, r.office_id, r.service_code, r.status, r.revision, r.catalog_version, r.year, r.quarter"
        " FROM report_cache c LEFT JOIN reports r ON r.id = c.report_id WHERE c.content_hash IS NULL"
    ).fetchall()
    if not heads:
        return 0
    # One query per report: after an edit there is one, and FigureRow is made over each cursor in C.
    select_rows = f"SELECT area_code, {', '.join(COLUMNS)} FROM report_rows WHERE report_id = ?"
    make = FigureRow._make
    updates, dropped = [], []
    for report_id, office_id, service_code, status, revision, catalog_version, year, quarter in heads:
        period = _period(year, quarter)
        rows = list(map(make, conn.execute(select_rows, (report_id,))))
        stored = StoredReport(service_code, status, revision, catalog_version, rows)
        # Decided before anything is summed: a hand edit's text in a figure column must not fail the write.
        if period is None or type(office_id) is not str or not _canonical(stored):
            dropped.append((report_id,))  # no such report any more, or values of other types
            continue
        computed = _compute(office_id, period, stored, canonical=True)
        sums = tuple(getattr(computed.totals, name) for name in SUMS)
        if not all(s is None or s in _INT64 for s in sums):
            dropped.append((report_id,))
            continue
        updates.append((computed.content_hash, *sums, int(computed.has_data), int(computed.over_target), report_id))
    conn.executemany(
        f"UPDATE report_cache SET content_hash = ?, {', '.join(s + ' = ?' for s in SUMS)}, has_data = ?,"
        " over_target = ? WHERE report_id = ?",
        updates,
    )
    conn.executemany("DELETE FROM report_cache WHERE report_id = ?", dropped)
    return len(heads)


def _period(year, quarter) -> Period | None:
    if type(year) is not int or type(quarter) is not int:
        return None
    try:
        return Period(year, quarter)
    except UserError:
        return None


def _canonical(stored: StoredReport) -> bool:
    """Whether the head's codes and every row's values have their columns' own types."""
    return type(stored.service_code) is str and type(stored.catalog_version) is str and canonical_rows(stored.rows)


def _compute(office_id: str, period: Period, stored: StoredReport, canonical: bool) -> _Computed:
    """The hash and sums of a report from its rows, as Report.content_hash() and score_service make them."""
    rows = stored.rows
    return _Computed(
        content_hash=content_hash(office_id, period, stored, canonical),
        totals=Totals.of(rows),
        has_data=any(not row.is_empty for row in rows),
        over_target=over_target(rows),
    )
