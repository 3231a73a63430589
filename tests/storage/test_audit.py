"""The audit log: who changed what, when, from what to what; append-only, and tampering is detected."""

from __future__ import annotations

import itertools
import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from desktop.storage.audit import HEAD_KEY, _row_hash
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import OPERATOR_NIP, PERIOD, set_up

from .helpers import pdf_bytes, raw_connect, run_cli, write_bytes

ACTOR = f"Yohanes Ding (NIP {OPERATOR_NIP})"
COLUMNS = "id, at, actor, action, subject, field, before, after, prev_hash, hash"


@pytest.fixture
def logged(data_dir, tmp_path):
    """A closed data folder whose log holds every kind of change (at least 8 rows)."""
    with Store.open(data_dir) as store:
        set_up(store)
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_values(key, [CellEdit("64.11.01", "target", 120), CellEdit("64.11.01", "served", 95)])
        store.reports.set_value(key, "64.11.01", "served", 99)
        (item,) = store.evidence.add(key, "64.11.01", [write_bytes(tmp_path / "ba.pdf", pdf_bytes())])
        store.evidence.remove(item.id, "salah berkas")
        store.reports.set_value(key, "64.11.02", "note", "Puskesmas tutup sementara")
        assert store.database.scalar("SELECT COUNT(*) FROM audit_log") >= 8
    return data_dir


def tamper(folder, *statements, params=()):
    """What an attacker with the file would do: drop the append-only triggers, then edit with plain SQL."""
    with closing(raw_connect(folder)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement, params)


def rows(folder) -> list[tuple]:
    with closing(raw_connect(folder)) as conn:
        return conn.execute(f"SELECT {COLUMNS} FROM audit_log ORDER BY id").fetchall()


def verify(folder):
    with Store.open(folder, readonly=True) as store:
        return store.audit.verify()


def test_every_kind_of_change_is_recorded_with_who_when_before_and_after(data_dir, tmp_path):
    started = datetime.now(UTC) - timedelta(seconds=1)
    with Store.open(data_dir) as store:
        set_up(store)
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_value(key, "64.11.01", "target", 120)
        store.reports.set_value(key, "64.11.01", "target", 125)
        (item,) = store.evidence.add(key, None, [write_bytes(tmp_path / "sk.pdf", pdf_bytes())], "SK Bupati")
        store.evidence.remove(item.id, "dobel")
        entries = list(reversed(store.audit.entries()))
        office_id = store.require_installation().office.id
        areas_below_district = store.database.scalar("SELECT COUNT(*) FROM areas WHERE level > 2")
    ended = datetime.now(UTC) + timedelta(seconds=1)

    summary = [(e.action, e.subject, e.field, e.before, e.after) for e in entries]
    assert summary[0][:3] == ("install.setup", f"office/{office_id}", None)
    assert summary[0][4]["district"] == "64.11" and summary[0][4]["office"] == "Dinas Kesehatan"
    assert summary[0][4]["areas"] == areas_below_district and len(summary[0][4]["services"]) == 12
    assert summary[1:4] == [
        ("report.create", "report/1.02.01/2024Q3", None, None, {"catalog": "2025.1"}),
        ("row.set", "report/1.02.01/2024Q3/64.11.01", "target", None, 120),
        ("row.set", "report/1.02.01/2024Q3/64.11.01", "target", 120, 125),
    ]
    action, subject, field, before, after = summary[4]
    assert (action, subject, field, before) == ("evidence.add", "report/1.02.01/2024Q3/*", "evidence", None)
    assert after == {"id": item.id, "name": "sk.pdf", "sha256": item.sha256, "size": item.size}
    assert summary[5] == (
        "evidence.remove",
        f"evidence/{item.id}",
        "evidence",
        {"name": "sk.pdf", "sha256": item.sha256, "area": None},
        {"reason": "dobel"},
    )
    assert len(entries) == 6
    for entry in entries:
        assert entry.actor == ACTOR
        at = datetime.fromisoformat(entry.at.replace("Z", "+00:00"))
        assert at.tzinfo is not None and started <= at <= ended
    assert [e.at for e in entries] == sorted(e.at for e in entries)


def test_the_log_verifies_on_a_clean_history(logged):
    check = verify(logged)
    assert check.ok and check.broken_at is None and check.reason is None
    assert check.rows == len(rows(logged))


def test_the_rows_form_a_hash_chain_with_a_recorded_head(logged):
    chain = rows(logged)
    assert chain[0][8] == "0" * 64
    for earlier, later in itertools.pairwise(chain):
        assert later[8] == earlier[9]
    with closing(raw_connect(logged)) as conn:
        head = json.loads(conn.execute("SELECT value FROM settings WHERE key = ?", (HEAD_KEY,)).fetchone()[0])
    assert head == {"id": chain[-1][0], "hash": chain[-1][9]}


def test_sql_cannot_update_or_delete_the_log(logged):
    before = rows(logged)
    with closing(raw_connect(logged)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET after = '0' WHERE id = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    assert rows(logged) == before
    # Through the application's own connection too.
    with Store.open(logged) as store, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.database.conn.execute("UPDATE audit_log SET actor = 'orang lain'")
    assert rows(logged) == before


def test_an_edited_row_is_detected(logged):
    tamper(logged, "UPDATE audit_log SET after = '9999' WHERE id = 4")
    check = verify(logged)
    assert not check.ok and check.broken_at == 4 and check.rows == 3
    assert str(check.reason) == "Baris log audit 4 diubah setelah dicatat."


def test_an_edited_row_whose_hash_was_recomputed_is_caught_by_the_next_row(logged):
    row_id, at, actor, action, subject, field, before, _after, prev_hash, _hash = rows(logged)[3]
    forged = _row_hash(prev_hash, at, actor, action, subject, field, before, "9999")
    tamper(logged, f"UPDATE audit_log SET after = '9999', hash = '{forged}' WHERE id = {row_id}")
    check = verify(logged)
    assert not check.ok and check.broken_at == row_id + 1
    assert "tidak menyambung" in str(check.reason)


def test_a_deleted_middle_row_is_detected(logged):
    tamper(logged, "DELETE FROM audit_log WHERE id = 3")
    check = verify(logged)
    assert not check.ok and check.broken_at == 3
    assert str(check.reason) == "Baris log audit 3 hilang (dihapus)."


def test_a_deleted_middle_row_with_the_rest_renumbered_is_detected(logged):
    tamper(logged, "DELETE FROM audit_log WHERE id = 3", "UPDATE audit_log SET id = id - 1 WHERE id > 3")
    check = verify(logged)
    assert not check.ok and check.broken_at == 3
    assert "tidak menyambung" in str(check.reason)


def test_a_deleted_first_row_is_detected(logged):
    tamper(logged, "DELETE FROM audit_log WHERE id = 1")
    assert not verify(logged).ok


def test_a_truncated_log_is_detected(logged):
    last = len(rows(logged))
    tamper(logged, f"DELETE FROM audit_log WHERE id = {last}")
    check = verify(logged)
    assert not check.ok
    assert str(check.reason) == f"Baris log audit setelah baris {last - 1} hilang (dihapus)."
    # Cutting more off, or everything, is caught the same way.
    tamper(logged, "DELETE FROM audit_log WHERE id > 2")
    assert "setelah baris 2" in str(verify(logged).reason)
    tamper(logged, "DELETE FROM audit_log")
    assert not verify(logged).ok


def test_a_removed_chain_head_is_detected(logged):
    with closing(raw_connect(logged)) as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (HEAD_KEY,))
    check = verify(logged)
    assert not check.ok and str(check.reason) == "Penanda akhir log audit hilang."


def test_a_row_inserted_in_the_middle_is_detected(logged):
    # A forged row 3 that chains correctly onto row 2; the old rows 3.. move up by one.
    chain = rows(logged)
    prev_hash = chain[1][9]
    forged = ("2024-07-01T00:00:00.000Z", "Kepala Dinas", "row.set", "report/1.02.01/2024Q3/64.11.02", "target")
    digest = _row_hash(prev_hash, *forged, None, "500")
    with closing(raw_connect(logged)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE id >= 3")
        conn.execute(
            f"INSERT INTO audit_log ({COLUMNS}) VALUES (3, ?, ?, ?, ?, ?, NULL, '500', ?, ?)",
            (*forged, prev_hash, digest),
        )
        for old in chain[2:]:
            conn.execute(
                f"INSERT INTO audit_log ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (old[0] + 1, *old[1:])
            )
    check = verify(logged)
    assert not check.ok and check.broken_at == 4
    assert str(check.reason) == "Baris log audit 4 tidak menyambung ke baris sebelumnya (disisipkan atau diubah)."


def test_a_row_appended_behind_the_applications_back_is_detected(logged):
    # Even a correctly chained row fails, because the recorded head does not know it.
    *_, last = rows(logged)
    forged = ("2024-07-01T00:00:00.000Z", "Kepala Dinas", "row.set", "report/1.02.01/2024Q3/64.11.02", "target")
    digest = _row_hash(last[9], *forged, None, "500")
    with closing(raw_connect(logged)) as conn:
        conn.execute(
            f"INSERT INTO audit_log ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL, '500', ?, ?)",
            (last[0] + 1, *forged, last[9], digest),
        )
    assert not verify(logged).ok


def test_the_cli_audit_verify_exit_status(logged):
    result = run_cli(logged, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"log audit utuh: {len(rows(logged))} baris"
    assert result.stderr == ""

    tamper(logged, "UPDATE audit_log SET actor = 'orang lain' WHERE id = 5")
    result = run_cli(logged, "audit", "verify")
    assert result.returncode == 3
    assert result.stderr == "spm-luring: log audit rusak: Baris log audit 5 diubah setelah dicatat.\n"
    assert result.stdout == ""
