"""Schema migrations: a fresh folder, a reopened one, a newer one, and an upgrade with its backup."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from desktop.domain.messages import UserError
from desktop.storage import migrations
from desktop.storage.data_dir import BACKUP_DIR, DB_NAME
from desktop.storage.migrations import LATEST
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up

from .helpers import integrity, raw_connect, sha256_of

# A second schema version, as a later release would ship it.
ADD_COMMENTS = """
-- Schema 2 (test): reviewers' comments, and a verified flag on rows.
CREATE TABLE report_comments (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    body TEXT NOT NULL
);
ALTER TABLE report_rows ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
"""

# A migration that fails half-way: its first statements must not survive.
BROKEN = """
CREATE TABLE half_done (id INTEGER PRIMARY KEY);
ALTER TABLE reports ADD COLUMN half_column TEXT;
INSERT INTO no_such_table VALUES (1);
"""


def tables(folder) -> set[str]:
    with closing(raw_connect(folder)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}


def columns(folder, table: str) -> set[str]:
    with closing(raw_connect(folder)) as conn:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def user_version(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def with_extra_migrations(monkeypatch, *scripts: str) -> None:
    """Makes the store see the shipped migrations followed by `scripts` (numbered on from LATEST)."""
    shipped = migrations.migration_scripts()
    extra = [(LATEST + i, sql) for i, sql in enumerate(scripts, start=1)]
    monkeypatch.setattr(migrations, "migration_scripts", lambda: [*shipped, *extra])


def spy_on_apply(monkeypatch) -> list[int]:
    """Records the version of every migration applied."""
    applied: list[int] = []
    real = migrations._apply

    def spy(database, version, sql):
        applied.append(version)
        return real(database, version, sql)

    monkeypatch.setattr(migrations, "_apply", spy)
    return applied


@pytest.fixture
def filled(data_dir):
    """A data folder at the shipped schema with a set-up and two figures entered; closed."""
    with Store.open(data_dir) as store:
        set_up(store)
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_value(key, "64.11.01", "target", 120)
        store.reports.set_value(key, "64.11.01", "served", 95)
    return data_dir


def test_the_shipped_migrations_are_numbered_without_gaps():
    scripts = migrations.migration_scripts()
    assert [v for v, _ in scripts] == list(range(1, LATEST + 1))
    assert LATEST >= 1


def test_a_fresh_folder_gets_the_latest_schema_in_wal_with_full_sync_and_foreign_keys(data_dir, monkeypatch):
    applied = spy_on_apply(monkeypatch)
    with Store.open(data_dir) as store:
        conn = store.database.conn
        assert store.database.user_version == LATEST
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # Foreign keys are enforced, not just declared: a report of an office that does not exist is refused.
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute(
                "INSERT INTO reports (office_id, service_code, year, quarter, catalog_version, created_at, updated_at)"
                " VALUES ('no-such-office', '1.02.01', 2024, 3, 'x', 'now', 'now')"
            )
    assert applied == list(range(1, LATEST + 1))
    # The journal mode is a property of the file: another program opening it sees WAL too.
    with closing(raw_connect(data_dir)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"settings", "offices", "reports", "report_rows", "evidence", "evidence_blobs", "audit_log"} <= tables(
        data_dir
    )
    # A brand-new database has nothing to lose, so no backup is made.
    assert not (data_dir / BACKUP_DIR).exists()
    assert integrity(data_dir) == ["ok"]


def test_reopening_an_up_to_date_folder_runs_nothing_and_changes_nothing(filled, monkeypatch):
    applied = spy_on_apply(monkeypatch)
    before = sha256_of(filled / DB_NAME)
    with Store.open(filled) as store:
        assert store.database.user_version == LATEST
        rows = store.audit.verify().rows
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        assert store.reports.get(key).row("64.11.01").served == 95
    assert applied == []
    assert not (filled / BACKUP_DIR).exists()
    assert sha256_of(filled / DB_NAME) == before
    with Store.open(filled, readonly=True) as store:
        assert store.audit.verify().rows == rows


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_database_from_a_newer_release_is_refused_and_left_untouched(filled, journal_mode):
    with closing(raw_connect(filled)) as conn:
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    listing = sorted(p.name for p in filled.iterdir())
    before = sha256_of(filled / DB_NAME)

    with pytest.raises(UserError) as refused:
        Store.open(filled)
    text = str(refused.value)
    assert "versi SPM Luring yang lebih baru" in text
    assert f"skema {LATEST + 1}" in text and f"versi ini {LATEST}" in text

    assert sha256_of(filled / DB_NAME) == before
    assert sorted(p.name for p in filled.iterdir()) == listing  # no backup, no -wal/-shm left behind

    # Reading is refused with the same reason (not "open the app once to update it").
    with pytest.raises(UserError, match="lebih baru"):
        Store.open(filled, readonly=True)
    assert sha256_of(filled / DB_NAME) == before
    assert user_version(filled / DB_NAME) == LATEST + 1
    # The lock was let go: a second attempt gets the same answer, not "already open".
    with pytest.raises(UserError, match="lebih baru"):
        Store.open(filled)


def test_an_upgrade_makes_a_verified_backup_first_then_migrates(filled, monkeypatch, tmp_path):
    with_extra_migrations(monkeypatch, ADD_COMMENTS)
    backups = filled / BACKUP_DIR
    seen_at_apply: list[list[str]] = []
    real_apply = migrations._apply

    def apply_after_checking_the_backup(database, version, sql):
        # At the moment the new migration runs, the backup must already be complete and sound.
        found = sorted(backups.glob("*"))
        seen_at_apply.append([p.name for p in found])
        assert len(found) == 1 and found[0].suffix == ".sqlite"
        assert user_version(found[0]) == LATEST
        with closing(sqlite3.connect(found[0])) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return real_apply(database, version, sql)

    monkeypatch.setattr(migrations, "_apply", apply_after_checking_the_backup)

    with Store.open(filled) as store:
        assert store.database.user_version == LATEST + 1
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        assert store.reports.get(key).row("64.11.01").served == 95  # the data came through
        assert store.audit.verify().ok

    assert len(seen_at_apply) == 1
    assert "report_comments" in tables(filled)
    assert "verified" in columns(filled, "report_rows")
    (backup,) = backups.iterdir()
    assert backup.name.startswith(f"before-migration-schema{LATEST}-") and backup.suffix == ".sqlite"

    # The backup is the database as it was: the old schema, every figure, an intact audit log.
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup, restored / DB_NAME)
    monkeypatch.undo()
    with Store.open(restored, readonly=True) as old:
        assert old.database.user_version == LATEST
        key = ReportKey(old.require_installation().office.id, "1.02.01", PERIOD)
        row = old.reports.get(key).row("64.11.01")
        assert (row.target, row.served) == (120, 95)
        assert old.audit.verify().ok
    assert "report_comments" not in tables(restored)


def test_a_failing_migration_leaves_the_old_schema_with_nothing_half_applied(filled, monkeypatch):
    with_extra_migrations(monkeypatch, BROKEN)
    before_tables, before_columns = tables(filled), columns(filled, "reports")

    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        Store.open(filled)

    assert user_version(filled / DB_NAME) == LATEST
    assert tables(filled) == before_tables  # no half_done table
    assert columns(filled, "reports") == before_columns  # no half_column
    assert integrity(filled) == ["ok"]
    assert len(list((filled / BACKUP_DIR).glob("*.sqlite"))) == 1  # the backup was made before trying
    monkeypatch.undo()
    with Store.open(filled) as store:  # the lock was released and the data is all there
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        assert store.reports.get(key).row("64.11.01").target == 120
        assert store.audit.verify().ok


def test_each_migration_is_its_own_step_so_a_later_failure_keeps_the_earlier_ones(filled, monkeypatch):
    with_extra_migrations(monkeypatch, ADD_COMMENTS, BROKEN)
    applied = spy_on_apply(monkeypatch)
    with pytest.raises(sqlite3.OperationalError):
        Store.open(filled)
    assert applied == [LATEST + 1, LATEST + 2]
    assert user_version(filled / DB_NAME) == LATEST + 1
    assert "report_comments" in tables(filled)
    assert "half_done" not in tables(filled)
    assert integrity(filled) == ["ok"]


def test_a_damaged_database_is_not_migrated_and_its_bad_copy_is_not_kept_as_a_backup(filled, monkeypatch):
    # Point an index at the wrong column: SQLite still opens the file, but the index no longer matches
    # the table, which is what `PRAGMA integrity_check` (and only it) finds.
    with closing(raw_connect(filled)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_schema SET sql = 'CREATE INDEX reports_by_period ON reports (quarter, year)'"
            " WHERE name = 'reports_by_period'"
        )
    assert integrity(filled) != ["ok"]
    with_extra_migrations(monkeypatch, ADD_COMMENTS)
    applied = spy_on_apply(monkeypatch)

    with pytest.raises(UserError, match="rusak"):
        Store.open(filled)

    assert applied == []
    assert user_version(filled / DB_NAME) == LATEST
    assert "report_comments" not in tables(filled)
    assert list((filled / BACKUP_DIR).iterdir()) == []  # neither a .partial nor a copy passed off as good


def test_a_file_that_is_not_a_database_gives_a_clear_message(data_dir):
    (data_dir / DB_NAME).write_bytes(b"Ini bukan basis data SQLite, hanya teks biasa. " * 100)
    for readonly in (False, True):
        with pytest.raises(UserError, match="rusak"):
            Store.open(data_dir, readonly=readonly)
