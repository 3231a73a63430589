"""A data folder saved by the schema-1 release opens in this one: backed up, migrated, nothing lost.

The fixture (tests/fixtures/schema-1/, made by tests/fixtures/make_fixture.py with that release's
code) is copied first: the committed files are never opened in place.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop.domain.periods import Period
from desktop.storage.data_dir import BACKUP_DIR, DB_NAME
from desktop.storage.migrations import LATEST
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from tests.fixtures.make_fixture import EVIDENCE_NAME, FIGURES, PERIOD

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-1"


def test_the_fixture_is_a_closed_schema_1_folder():
    assert sorted(p.name for p in FIXTURE.iterdir()) == ["evidence", DB_NAME]  # no -wal, -shm or lock
    with closing(sqlite3.connect(f"file:{FIXTURE / DB_NAME}?mode=ro&immutable=1", uri=True)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "trusted_keys" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}


def test_a_schema_1_folder_is_backed_up_and_upgraded_with_figures_evidence_and_audit_intact(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    original = hashlib.sha256((FIXTURE / DB_NAME).read_bytes()).hexdigest()
    assert Period(2024, 3) == PERIOD

    with Store.open(folder) as store:
        assert store.database.user_version == LATEST >= 2
        installation = store.require_installation()
        assert (installation.office.name, installation.district_code) == ("Dinas Kesehatan", "64.11")
        for (service, area), values in FIGURES.items():
            row = store.reports.get(ReportKey(installation.office.id, service, PERIOD)).row(area)
            assert {column: getattr(row, column) for column in values} == values
        key = ReportKey(installation.office.id, "1.02.01", PERIOD)
        (item,) = store.evidence.list(key)
        assert (item.original_name, item.area_code, item.media_type) == (EVIDENCE_NAME, "64.11.01", "application/pdf")
        assert store.evidence.verify_file(item)
        assert store.audit.verify().ok
        # The new tables are there and empty; the trust store and the revision records work.
        assert store.trust.trusted_keys() == [] and store.trust.office_key() is None
        assert store.bundles.list() == []
        assert store.bundles.current(installation.office.id, "1.02.01", PERIOD) is None

    (backup,) = (folder / BACKUP_DIR).iterdir()
    assert backup.name.startswith("before-migration-schema1-")
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The copy was migrated, never the committed fixture.
    assert hashlib.sha256((FIXTURE / DB_NAME).read_bytes()).hexdigest() == original
