"""Every earlier schema version opens in this release: backed up, migrated, nothing lost.

tests/fixtures/schema-<N>/ is a closed data folder made by tests/fixtures/make_fixture.py with the
code of the release that shipped schema N (the same operator work every time). Each is copied and
opened; after the upgrade every one must give the same summary and the same evidence hashes as a
folder made with this release's code. A release whose schema has no fixture fails here: run
`.venv/bin/python tests/fixtures/make_fixture.py` after adding a migration, and commit its output.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.cli.inspection import summary_json
from desktop.storage.data_dir import BACKUP_DIR, DB_NAME, EVIDENCE_DIR
from desktop.storage.migrations import LATEST
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from tests.fixtures.make_fixture import EVIDENCE_NAME, FIGURES, PERIOD, build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_versions() -> list[int]:
    """The schema versions that have a fixture folder."""
    found = (re.fullmatch(r"schema-(\d+)", p.name) for p in FIXTURES.iterdir() if p.is_dir())
    return sorted(int(m.group(1)) for m in found if m)


def sha256_tree(folder: Path) -> dict[str, str]:
    root = folder / EVIDENCE_DIR
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def outcome(folder: Path) -> dict:
    """What must come through an upgrade: the summary (office id aside, it is random per install) and evidence."""
    with Store.open(folder) as store:
        installation = store.require_installation()
        summary = summary_json(period_summary(store.reports, installation.office, PERIOD), installation, PERIOD)
        summary["office"].pop("id")
        key = ReportKey(installation.office.id, "1.02.01", PERIOD)
        items = store.evidence.list(key)
        assert all(store.evidence.verify_file(i) for i in items)
        assert store.audit.verify().ok
        rows = {
            (service, area): {
                column: getattr(store.reports.get(ReportKey(installation.office.id, service, PERIOD)).row(area), column)
                for column in values
            }
            for (service, area), values in FIGURES.items()
        }
        evidence = [(i.original_name, i.area_code, i.media_type, i.sha256) for i in items]
        return {"summary": summary, "rows": rows, "evidence": evidence, "files": sha256_tree(folder)}


@pytest.fixture(scope="module")
def made_now(tmp_path_factory) -> dict:
    """The same operator work done with this release's code."""
    folder = tmp_path_factory.mktemp("now") / "data"
    build(folder)
    return outcome(folder)


def test_the_current_schema_and_every_earlier_one_has_a_fixture():
    assert fixture_versions() == list(range(1, LATEST + 1)), (
        f"schema {LATEST} has no fixture: run .venv/bin/python tests/fixtures/make_fixture.py and commit "
        f"tests/fixtures/schema-{LATEST}/"
    )


@pytest.mark.parametrize("version", fixture_versions())
def test_a_fixture_is_a_closed_folder_of_its_schema(version):
    fixture = FIXTURES / f"schema-{version}"
    assert sorted(p.name for p in fixture.iterdir()) == sorted([DB_NAME, EVIDENCE_DIR])  # no -wal, -shm or lock
    with closing(sqlite3.connect(f"file:{fixture / DB_NAME}?mode=ro&immutable=1", uri=True)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("version", fixture_versions())
def test_a_fixture_upgrades_with_the_same_summary_figures_and_evidence(version, made_now, tmp_path):
    fixture = FIXTURES / f"schema-{version}"
    original = hashlib.sha256((fixture / DB_NAME).read_bytes()).hexdigest()
    folder = tmp_path / "data"
    shutil.copytree(fixture, folder)

    upgraded = outcome(folder)
    assert upgraded == made_now
    assert [e[0] for e in upgraded["evidence"]] == [EVIDENCE_NAME]
    with Store.open(folder, readonly=True) as store:
        assert store.database.user_version == LATEST
        assert store.trust.trusted_keys() == [] and store.bundles.list() == []

    backups = sorted((folder / BACKUP_DIR).glob("*.sqlite")) if (folder / BACKUP_DIR).exists() else []
    if version < LATEST:  # a migration ran, after a verified copy of the old file
        (backup,) = backups
        assert backup.name.startswith(f"before-migration-schema{version}-")
        with closing(sqlite3.connect(backup)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == version
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    else:
        assert backups == []
    # The copy was upgraded, never the committed fixture.
    assert hashlib.sha256((fixture / DB_NAME).read_bytes()).hexdigest() == original
