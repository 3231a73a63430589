"""Importing, again and in every order: idempotent re-imports, updates, out-of-date replays refused
whole, conflicts kept side by side; and the round trip office -> district with the same summary."""

from __future__ import annotations

import pytest

from desktop.domain.messages import UserError
from desktop.exchange.export import export_bundle
from desktop.exchange.import_bundle import Verdict, apply_import, decide, plan_import
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.bundle_records import Revision
from desktop.storage.installation import Office
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE, copy_folder, remote_reports, snapshot


def import_file(store, path):
    with verify_bundle(path, trust_of_store(store), work_dir=store.data_dir / "incoming") as verified:
        plan = plan_import(store, verified)
        return plan, apply_import(store, plan)


def plan_file(store, path):
    with verify_bundle(path, trust_of_store(store)) as verified:
        return plan_import(store, verified)


def set_served(office, service, area, value):
    key = ReportKey(office.require_installation().office.id, service, PERIOD)
    office.reports.set_values(key, [CellEdit(area, "served", value)])


def test_the_round_trip_gives_the_district_the_offices_figures_evidence_and_summary(world, office, district):
    plan, result = import_file(district, world.bundle)
    assert plan.new_office and [r.verdict for r in plan.reports] == [Verdict.NEW, Verdict.NEW]
    assert (result.added, result.updated, result.conflicts, result.evidence_added) == (2, 0, 0, 2)
    assert result.figures_changed == sum(len(r.changes) for r in plan.reports) > 0
    office_id = world.office_id
    assert remote_reports(district, office_id, PERIOD) == remote_reports(office, office_id, PERIOD)
    # The sender became an office of its own, never the district's; its services came along.
    row = district.database.query(
        "SELECT name, region_code, area_level, is_local FROM offices WHERE id = ?", (office_id,)
    )
    assert row == [{"name": "Dinas Kesehatan", "region_code": "64.11", "area_level": "kecamatan", "is_local": 0}]
    remote = Office(
        office_id, "Dinas Kesehatan", "64.11", "kecamatan", tuple(office.require_installation().office.services)
    )
    assert district.installation_repo.load().office.id != office_id
    assert period_summary(district.reports, remote, PERIOD) == period_summary(
        office.reports, office.require_installation().office, PERIOD
    )
    # Evidence landed in the evidence store with its bytes checked.
    for item in district.evidence.list(ReportKey(office_id, "1.02.01", PERIOD)):
        assert district.evidence.verify_file(item)
    # The key is now bound to the office it signed for.
    (key,) = district.trust.trusted_keys()
    assert key.office_id == office_id
    assert district.audit.verify().ok
    actions = {e.action for e in district.audit.entries(limit=10_000)}
    assert {"bundle.import", "office.add", "report.import", "row.import", "evidence.import", "trust.bind"} <= actions


def test_importing_the_same_bundle_again_changes_nothing(world, district):
    import_file(district, world.bundle)
    before = snapshot(district.data_dir)
    plan, result = import_file(district, world.bundle)
    assert plan.already_imported and not plan.changes_anything
    assert [r.verdict for r in plan.reports] == [Verdict.UNCHANGED, Verdict.UNCHANGED]
    assert result.already_imported and "sudah pernah diimpor" in str(result.message)
    assert snapshot(district.data_dir) == before


def test_an_update_replaces_figures_and_evidence_and_supersedes_the_revision(world, office, district, tmp_path):
    import_file(district, world.bundle)
    set_served(office, "1.02.01", "64.11.01", 150)
    key = ReportKey(world.office_id, "1.02.01", PERIOD)
    removed = office.evidence.list(key)[0]
    office.evidence.remove(removed.id, "salah unggah")
    b2 = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE)
    plan = plan_file(district, b2.path)
    first = next(r for r in plan.reports if r.service_code == "1.02.01")
    assert first.verdict is Verdict.UPDATE and (first.revision, first.current_revision) == (2, 1)
    assert [(c.area_code, c.column, c.before, c.after) for c in first.changes] == [("64.11.01", "served", 131, 150)]
    assert first.evidence_removed == (removed.id,) and first.evidence_added == ()
    _, result = import_file(district, b2.path)
    assert (result.updated, result.figures_changed) == (2, 1)
    assert remote_reports(district, world.office_id, PERIOD) == remote_reports(office, world.office_id, PERIOD)
    states = [r.state for r in district.bundles.revisions(world.office_id, "1.02.01", PERIOD)]
    assert states == ["superseded", "current"]
    assert district.audit.verify().ok


def test_a_replayed_older_revision_is_refused_whole_and_changes_nothing(world, office, district, tmp_path):
    set_served(office, "1.02.01", "64.11.01", 150)
    b2 = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE)
    import_file(district, b2.path)  # the newer one arrives first
    before = snapshot(district.data_dir)
    plan = plan_file(district, world.bundle)
    assert {r.verdict for r in plan.reports} == {Verdict.OUT_OF_DATE}
    with pytest.raises(UserError, match=r"usang: laporan 1\.02\.01 .* revisi 1, padahal revisi 2"):
        import_file(district, world.bundle)
    assert snapshot(district.data_dir) == before
    # After it, the newer one is still what the district has.
    assert remote_reports(district, world.office_id, PERIOD) == remote_reports(office, world.office_id, PERIOD)


def test_a_bundle_revising_an_older_revision_is_refused(world, office, district, tmp_path):
    b2 = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE)
    b3 = export_bundle(office, PERIOD, tmp_path / "b3.spmb", PASSPHRASE)
    # A copy of the office made right after b2 exports b3' (revises b2), but b3 (revises b2) and a
    # b4 (revises b3) are already in: b3' revises an older revision than the current one.
    import_file(district, world.bundle)
    import_file(district, b2.path)
    import_file(district, b3.path)
    b4 = export_bundle(office, PERIOD, tmp_path / "b4.spmb", PASSPHRASE)
    import_file(district, b4.path)
    assert [r.verdict for r in plan_file(district, b2.path).reports] == [Verdict.UNCHANGED] * 2
    revisions = district.bundles.revisions(world.office_id, "1.02.01", PERIOD)
    stale = decide(revisions, "ffffffff-ffff-4fff-8fff-ffffffffffff", 3, b2.bundle_id)
    assert stale == (Verdict.OUT_OF_DATE, False)


def test_two_bundles_revising_the_same_revision_are_kept_side_by_side(world, office, district, tmp_path):
    import_file(district, world.bundle)
    twin_dir = copy_folder(office.data_dir, tmp_path / "twin")  # the same install, restored from a copy
    set_served(office, "1.02.01", "64.11.01", 150)
    b2 = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE)
    with Store.open(twin_dir) as twin:
        set_served(twin, "1.02.01", "64.11.01", 160)
        b2_twin = export_bundle(twin, PERIOD, tmp_path / "b2-twin.spmb", PASSPHRASE)
    import_file(district, b2.path)
    before = remote_reports(district, world.office_id, PERIOD)
    plan, result = import_file(district, b2_twin.path)
    assert {r.verdict for r in plan.reports} == {Verdict.CONFLICT}
    assert result.conflicts == 2 and (result.added, result.updated, result.figures_changed) == (0, 0, 0)
    assert remote_reports(district, world.office_id, PERIOD) == before  # nothing overwritten
    revisions = district.bundles.revisions(world.office_id, "1.02.01", PERIOD)
    assert sorted((r.bundle_id, r.state) for r in revisions if r.revision == 2) == sorted(
        [(b2.bundle_id, "current"), (b2_twin.bundle_id, "conflict")]
    )
    (conflict,) = [r for r in district.bundles.conflicts() if r.service_code == "1.02.01"]
    assert conflict.rows[0].served == 160
    # The verifier resolves it: the twin's figures become the report's.
    district.bundles.resolve_conflict(world.office_id, "1.02.01", PERIOD, b2_twin.bundle_id)
    row = district.reports.get(ReportKey(world.office_id, "1.02.01", PERIOD)).row("64.11.01")
    assert row.served == 160
    assert district.bundles.current(world.office_id, "1.02.01", PERIOD).bundle_id == b2_twin.bundle_id
    assert district.audit.verify().ok


def test_a_bundle_after_a_missed_one_updates_and_says_so(world, office, district, tmp_path):
    import_file(district, world.bundle)
    export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE)  # lost on the way
    set_served(office, "1.02.02", "64.11.03", 95)
    b3 = export_bundle(office, PERIOD, tmp_path / "b3.spmb", PASSPHRASE)
    plan, _ = import_file(district, b3.path)
    assert {(r.verdict, r.gap) for r in plan.reports} == {(Verdict.UPDATE, True)}
    assert remote_reports(district, world.office_id, PERIOD) == remote_reports(office, world.office_id, PERIOD)


def revision(bundle, number, revises, state="superseded"):
    return Revision("o", "1.02.01", PERIOD, bundle, number, revises, "h", state, "draft", "2025.1", (), (), "")


@pytest.mark.parametrize(
    ("incoming", "expected"),
    [
        (("B3", 3, "B2"), (Verdict.UPDATE, False)),
        (("B2", 2, "B1"), (Verdict.UNCHANGED, False)),
        (("B1", 1, None), (Verdict.UNCHANGED, False)),
        (("X2", 2, "B1"), (Verdict.CONFLICT, False)),
        (("X1", 1, None), (Verdict.OUT_OF_DATE, False)),
        (("X0", 5, "B0"), (Verdict.OUT_OF_DATE, False)),
        (("Y4", 4, "C2"), (Verdict.CONFLICT, False)),
        (("Z4", 4, "never-seen"), (Verdict.UPDATE, True)),
        (("Z2", 2, "never-seen"), (Verdict.CONFLICT, False)),
    ],
)
def test_the_revision_rules(incoming, expected):
    chain = [
        revision("B1", 1, "B0"),  # B0 was never imported here
        revision("B2", 2, "B1", "current"),
        revision("C2", 2, "B1", "conflict"),
    ]
    assert decide(chain, *incoming) == expected
    assert decide([], "N1", 1, None) == (Verdict.NEW, False)
    assert decide([], "N4", 4, "lost") == (Verdict.NEW, False)
