"""Report rows: every edit checked, durable when it returns, audited, and all-or-nothing."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace

import pytest

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.domain.validation import Severity
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import OPERATOR_NIP, PERIOD

from .helpers import raw_connect

ACTOR = f"Yohanes Ding (NIP {OPERATOR_NIP})"


def audit_count(store: Store) -> int:
    return store.database.scalar("SELECT COUNT(*) FROM audit_log")


def row_sets(store: Store) -> list:
    """The row.set audit entries, oldest first."""
    return [e for e in reversed(store.audit.entries()) if e.action == "row.set"]


def stored_value(folder, key: ReportKey, area: str, column: str):
    """A value as another connection (another program) sees it in the file."""
    with closing(raw_connect(folder)) as conn:
        row = conn.execute(
            f"SELECT w.{column} FROM report_rows w JOIN reports r ON r.id = w.report_id"
            " WHERE r.service_code = ? AND r.year = ? AND r.quarter = ? AND w.area_code = ?",
            (key.service_code, key.period.year, key.period.quarter, area),
        ).fetchone()
    return row[0] if row else None


def set_status(store: Store, key: ReportKey, status: ReportStatus) -> None:
    """Moves a report along the workflow (the workflow commands are not built yet)."""
    with store.database.write() as conn:
        store.reports.ensure_report(conn, key, "test")
        conn.execute(
            "UPDATE reports SET status = ? WHERE service_code = ? AND year = ? AND quarter = ?",
            (status.value, key.service_code, key.period.year, key.period.quarter),
        )


def test_an_empty_report_reads_as_an_empty_draft(store, key):
    report = store.reports.get(key)
    assert report.status is ReportStatus.DRAFT and report.rows == ()
    assert store.reports.report_id(key) is None
    assert store.reports.set_values(key, []) == []
    assert store.reports.report_id(key) is None  # nothing to store, nothing created


def test_set_value_is_committed_to_the_file_when_it_returns(store, key, data_dir):
    change = store.reports.set_value(key, "64.11.01", "target", 120)
    assert change.area_code == "64.11.01" and change.row.target == 120 and change.findings == ()
    assert not store.database.conn.in_transaction
    # Another connection sees it at once: nothing waits in a pending transaction or a cache.
    assert stored_value(data_dir, key, "64.11.01", "target") == 120
    store.close()
    with Store.open(data_dir, readonly=True) as again:
        assert again.reports.get(key).row("64.11.01").target == 120


def test_typed_text_is_read_as_indonesian_numbers(store, key):
    store.reports.set_values(
        key,
        [
            CellEdit("64.11.02", "target", "1.250"),
            CellEdit("64.11.02", "served", " 1 100 "),
            CellEdit("64.11.02", "budget", "Rp 15.000.000"),
            CellEdit("64.11.02", "spent", "12,00"),
            CellEdit("64.11.02", "problems", "  Jalan ke Long Apari putus  "),
        ],
    )
    row = store.reports.get(key).row("64.11.02")
    assert (row.target, row.served, row.budget, row.spent) == (1250, 1100, 15_000_000, 12)
    assert row.problems == "Jalan ke Long Apari putus"


def test_every_changed_column_is_audited_with_the_report_and_area(store, key):
    before = audit_count(store)
    store.reports.set_values(key, [CellEdit("64.11.01", "target", 120), CellEdit("64.11.01", "served", 95)])
    created = [e for e in store.audit.entries() if e.action == "report.create"]
    assert [e.subject for e in created] == ["report/1.02.01/2024Q3"]
    sets = row_sets(store)
    assert [(e.subject, e.field, e.before, e.after) for e in sets] == [
        ("report/1.02.01/2024Q3/64.11.01", "target", None, 120),
        ("report/1.02.01/2024Q3/64.11.01", "served", None, 95),
    ]
    assert all(e.actor == ACTOR for e in sets)
    assert audit_count(store) == before + 3

    store.reports.set_value(key, "64.11.01", "served", "100")
    last = row_sets(store)[-1]
    assert (last.subject, last.field, last.before, last.after) == ("report/1.02.01/2024Q3/64.11.01", "served", 95, 100)
    assert audit_count(store) == before + 4
    assert store.audit.verify().ok


def test_an_edit_that_changes_nothing_records_nothing(store, key):
    store.reports.set_values(key, [CellEdit("64.11.01", "target", 120), CellEdit("64.11.01", "note", "cek")])
    count = audit_count(store)
    updated = store.database.scalar("SELECT updated_at FROM reports")
    row_stamp = store.database.scalar("SELECT updated_at FROM report_rows")
    store.reports.set_value(key, "64.11.01", "target", "120")  # same number, typed as text
    store.reports.set_value(key, "64.11.01", "note", "  cek ")  # same text, with spaces
    store.reports.set_value(key, "64.11.02", "target", "")  # an empty cell left empty
    store.reports.set_value(key, "64.11.02", "problems", None)
    assert audit_count(store) == count
    assert store.database.scalar("SELECT updated_at FROM reports") == updated
    assert store.database.scalar("SELECT updated_at FROM report_rows") == row_stamp
    assert store.database.scalar("SELECT COUNT(*) FROM report_rows") == 1  # no empty row for 64.11.02


def test_clearing_a_cell_is_an_audited_change(store, key):
    store.reports.set_value(key, "64.11.01", "target", 120)
    store.reports.set_value(key, "64.11.01", "target", "")
    assert store.reports.get(key).row("64.11.01").target is None
    last = row_sets(store)[-1]
    assert (last.field, last.before, last.after) == ("target", 120, None)


def test_set_values_stores_all_or_nothing_and_names_the_area_at_fault(store, key, data_dir):
    store.reports.set_value(key, "64.11.01", "target", 100)
    count = audit_count(store)
    with pytest.raises(UserError) as refused:
        store.reports.set_values(
            key,
            [
                CellEdit("64.11.01", "target", 150),
                CellEdit("64.11.02", "target", 80),
                CellEdit("64.11.03", "served", "sebelas"),
                CellEdit("64.11.04", "target", 70),
            ],
        )
    text = str(refused.value)
    assert text.startswith("Laham:")  # 64.11.03
    assert "'sebelas' bukan bilangan bulat" in text
    assert audit_count(store) == count
    assert stored_value(data_dir, key, "64.11.01", "target") == 100
    assert [r.area_code for r in store.reports.get(key).rows] == ["64.11.01"]


def test_a_refused_first_edit_does_not_even_create_the_report(store, key):
    count = audit_count(store)
    with pytest.raises(UserError):
        store.reports.set_values(key, [CellEdit("64.11.01", "target", 5), CellEdit("64.11.02", "served", -3)])
    assert store.reports.report_id(key) is None
    assert audit_count(store) == count


def test_quality_met_above_quality_required_is_refused(store, key):
    store.reports.set_value(key, "64.11.05", "quality_required", 10)
    count = audit_count(store)
    with pytest.raises(UserError) as refused:
        store.reports.set_value(key, "64.11.05", "quality_met", 11)
    assert str(refused.value) == (
        "Long Pahangai, kolom Mutu terpenuhi: Mutu terpenuhi (11) melebihi mutu yang dipersyaratkan (10)."
    )
    assert store.reports.get(key).row("64.11.05").quality_met is None
    assert audit_count(store) == count
    # Lowering the requirement below what is met is refused the same way.
    store.reports.set_value(key, "64.11.05", "quality_met", 8)
    with pytest.raises(UserError, match="Mutu terpenuhi"):
        store.reports.set_value(key, "64.11.05", "quality_required", 7)
    assert store.reports.get(key).row("64.11.05").quality_required == 10


def test_a_pasted_row_is_checked_as_a_whole_in_any_column_order(store, key):
    # quality_met arrives before quality_required: judged on the finished row, not cell by cell.
    (change,) = store.reports.set_values(
        key, [CellEdit("64.11.01", "quality_met", 8), CellEdit("64.11.01", "quality_required", 10)]
    )
    assert (change.row.quality_required, change.row.quality_met) == (10, 8)


def test_served_above_target_is_stored_with_a_warning(store, key, data_dir):
    store.reports.set_value(key, "64.11.01", "target", 100)
    change = store.reports.set_value(key, "64.11.01", "served", 130)
    assert stored_value(data_dir, key, "64.11.01", "served") == 130
    (finding,) = [f for f in change.findings if f.column == "served"]
    assert finding.severity is Severity.WARNING
    assert str(finding.message) == "Terlayani (130) melebihi sasaran (100); jelaskan di Permasalahan."


def test_a_cumulative_figure_lower_than_the_previous_quarter_is_flagged(store, key):
    def cumulative(change):
        return [f for f in change.findings if "triwulan sebelumnya" in str(f.message)]

    q2 = replace(key, period=Period(2024, 2))
    row = [CellEdit("64.11.01", "target", 100), CellEdit("64.11.01", "budget", 9_000)]
    store.reports.set_values(q2, [*row, CellEdit("64.11.01", "served", 60), CellEdit("64.11.01", "spent", 5_000)])
    (change,) = store.reports.set_values(
        key, [*row, CellEdit("64.11.01", "served", 45), CellEdit("64.11.01", "spent", 6_000)]
    )
    (finding,) = cumulative(change)
    assert finding.severity is Severity.WARNING and finding.column == "served"
    assert str(finding.message) == (
        "Terlayani (45) lebih kecil dari triwulan sebelumnya (60); angka triwulan bersifat kumulatif."
    )
    assert store.reports.get(key).row("64.11.01").served == 45  # stored anyway: a warning, not an error
    # Spent going down is flagged the same way (and served, still below Q2, still is).
    flagged = cumulative(store.reports.set_value(key, "64.11.01", "spent", 4_000))
    assert sorted(f.column for f in flagged) == ["served", "spent"]
    # Back up to the Q2 figure: nothing to flag any more.
    assert (
        cumulative(
            store.reports.set_values(key, [CellEdit("64.11.01", "served", 60), CellEdit("64.11.01", "spent", 5_000)])[0]
        )
        == []
    )
    # Another area, with no Q2 figure, is not compared with anything.
    assert cumulative(store.reports.set_value(key, "64.11.02", "served", 1)) == []
    # Quarter I starts the year: nothing before it to compare with.
    q1 = replace(key, period=Period(2024, 1))
    assert cumulative(store.reports.set_value(q1, "64.11.01", "served", 70)) == []


def test_an_area_outside_the_district_is_refused(store, key):
    count = audit_count(store)
    with pytest.raises(UserError, match=r"Wilayah 64\.10\.01 bukan bagian dari kabupaten/kota ini"):
        store.reports.set_value(key, "64.10.01", "target", 5)
    assert store.reports.report_id(key) is None
    assert audit_count(store) == count


@pytest.mark.parametrize(
    ("status", "label"), [(ReportStatus.SUBMITTED, "Diajukan"), (ReportStatus.APPROVED, "Disetujui")]
)
def test_a_report_that_is_not_a_draft_cannot_be_changed(store, key, data_dir, status, label):
    store.reports.set_value(key, "64.11.01", "target", 100)
    set_status(store, key, status)
    count = audit_count(store)
    with pytest.raises(UserError) as refused:
        store.reports.set_value(key, "64.11.01", "target", 90)
    assert str(refused.value) == f"Laporan ini berstatus {label} dan tidak dapat diubah."
    assert stored_value(data_dir, key, "64.11.01", "target") == 100
    assert audit_count(store) == count


def test_a_returned_report_can_be_corrected(store, key):
    store.reports.set_value(key, "64.11.01", "target", 100)
    set_status(store, key, ReportStatus.RETURNED)
    store.reports.set_value(key, "64.11.01", "target", 90)
    assert store.reports.get(key).row("64.11.01").target == 90


def test_rows_by_service_and_periods_with_data(store, key):
    office = key.office_id
    store.reports.set_values(key, [CellEdit("64.11.01", "target", 10), CellEdit("64.11.02", "target", 20)])
    store.reports.set_value(replace(key, service_code="1.02.04"), "64.11", "served", 7)
    store.reports.set_value(replace(key, period=Period(2024, 1)), "64.11.01", "target", 99)
    store.reports.set_value(replace(key, period=Period(2023, 4)), "64.11.01", "target", 98)

    by_service = store.reports.rows_by_service(office, PERIOD)
    assert sorted(by_service) == ["1.02.01", "1.02.04"]
    assert sorted((r.area_code, r.target) for r in by_service["1.02.01"]) == [("64.11.01", 10), ("64.11.02", 20)]
    assert [(r.area_code, r.served) for r in by_service["1.02.04"]] == [("64.11", 7)]
    assert store.reports.rows_by_service(office, Period(2024, 2)) == {}
    assert store.reports.rows_by_service("another-office", PERIOD) == {}

    assert store.reports.periods_with_data(office) == [Period(2024, 3), Period(2024, 1), Period(2023, 4)]
    assert store.reports.periods_with_data("another-office") == []
