"""The district's returns and approvals travel back to the office in a bundle signed by the district."""

from __future__ import annotations

import pytest

from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import Transition
from desktop.exchange.consolidate import export_consolidation
from desktop.exchange.decisions import apply_decisions, export_decisions, is_decision_bundle, plan_decisions
from desktop.exchange.errors import BundleError
from desktop.exchange.export import export_bundle
from desktop.exchange.import_bundle import apply_import, plan_import
from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up
from tests.exchange.conftest import DISTRICT_OFFICE
from tests.exchange.helpers import PASSPHRASE, fill
from tests.storage.helpers import pdf_bytes, png_bytes

DISTRICT_PASSPHRASE = "kata sandi kabupaten 2024"


@pytest.fixture
def pair(tmp_path):
    """An office that submitted and sent two reports, and a district that trusts it and is trusted by it."""
    files = {"pdf": tmp_path / "ba.pdf", "png": tmp_path / "foto.png"}
    files["pdf"].write_bytes(pdf_bytes())
    files["png"].write_bytes(png_bytes())
    office, district = Store.open(tmp_path / "office"), Store.open(tmp_path / "district")
    set_up(office)
    set_up(district, office=DISTRICT_OFFICE)
    fill(office, PERIOD, files)
    create_office_key(office, PASSPHRASE)
    create_office_key(district, DISTRICT_PASSPHRASE)
    export_public_key(office, tmp_path / "dinkes.pub")
    export_public_key(district, tmp_path / "kabupaten.pub")
    trust_key(district, read_key_file(tmp_path / "dinkes.pub"), "Dinas Kesehatan", "office")
    trust_key(office, read_key_file(tmp_path / "kabupaten.pub"), "Bagian Pemerintahan", "district")
    yield office, district, tmp_path
    office.close()
    district.close()


def _keys(store, office_id):
    return [ReportKey(office_id, code, PERIOD) for code in ("1.02.01", "1.02.02")]


def _send(office, district, path):
    """Office -> district: export, verify, import."""
    export_bundle(office, PERIOD, path, PASSPHRASE)
    with verify_bundle(path, trust_of_store(district)) as verified:
        apply_import(district, plan_import(district, verified))


def _decide(district, office_id, path):
    export_decisions(district, office_id, PERIOD, path, DISTRICT_PASSPHRASE)


def _receive(office, path) -> int:
    with verify_bundle(path, trust_of_store(office)) as verified:
        assert is_decision_bundle(office, verified)
        return apply_decisions(office, plan_decisions(office, verified))


def test_return_and_approve_reach_the_office_and_the_loop_closes(pair):
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, second = _keys(office, office_id)
    for key in (first, second):
        office.review.apply(key, Transition.SUBMIT)
    _send(office, district, folder / "b1.spmb")
    assert district.reports.get(first).status is ReportStatus.SUBMITTED  # as it came
    district.review.apply(first, Transition.RETURN, "Lengkapi berita acara", {"64.11.01": "Sasaran terlalu tinggi"})
    district.review.apply(second, Transition.APPROVE)
    _decide(district, office_id, folder / "d1.spmb")

    assert _receive(office, folder / "d1.spmb") == 2
    assert office.reports.get(first).status is ReportStatus.RETURNED
    assert office.reports.get(second).status is ReportStatus.APPROVED
    notes = [(n.area_code, n.note) for n in office.review.notes(first)]
    assert notes == [(None, "Lengkapi berita acara"), ("64.11.01", "Sasaran terlalu tinggi")]
    step = office.review.history(first)[-1]
    assert step.source_bundle_id is not None and "Yohanes Ding" in step.actor  # the district's reviewer
    assert _receive(office, folder / "d1.spmb") == 0  # the same bundle again changes nothing
    with pytest.raises(UserError, match="berstatus Disetujui"):
        office.reports.set_value(second, "64.11.03", "served", 91)

    office.reports.set_values(first, [CellEdit("64.11.01", "target", 150)])
    office.review.apply(first, Transition.SUBMIT)
    _send(office, district, folder / "b2.spmb")
    assert {r.area_code: r for r in district.reports.get(first).rows}["64.11.01"].target == 150
    assert district.reports.get(first).status is ReportStatus.SUBMITTED
    district.review.apply(first, Transition.APPROVE)
    _decide(district, office_id, folder / "d2.spmb")
    assert _receive(office, folder / "d2.spmb") == 1
    assert office.reports.get(first).status is ReportStatus.APPROVED
    assert office.audit.verify().ok and district.audit.verify().ok


def test_a_decision_on_other_content_is_refused_whole(pair):
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, second = _keys(office, office_id)
    for key in (first, second):
        office.review.apply(key, Transition.SUBMIT)
    _send(office, district, folder / "b1.spmb")
    district.review.apply(first, Transition.APPROVE)
    district.review.apply(second, Transition.APPROVE)
    _decide(district, office_id, folder / "d1.spmb")
    # Meanwhile the office's admin... cannot change a submitted report; the district returned it by another
    # route and the office corrected it: the approval is for content that no longer exists here.
    office.review.apply(first, Transition.RETURN, "dikembalikan lewat telepon")
    office.reports.set_value(first, "64.11.01", "served", 132)
    office.review.apply(first, Transition.SUBMIT)
    before = office.audit.verify().rows
    with (
        verify_bundle(folder / "d1.spmb", trust_of_store(office)) as verified,
        pytest.raises(UserError, match="isi yang berbeda"),
    ):
        plan_decisions(office, verified)
    assert office.reports.get(second).status is ReportStatus.SUBMITTED  # nothing applied, not even the other
    assert office.audit.verify().rows == before


def test_decisions_from_an_untrusted_district_are_refused(pair, tmp_path):
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, _second = _keys(office, office_id)
    office.review.apply(first, Transition.SUBMIT)
    _send(office, district, folder / "b1.spmb")
    district.review.apply(first, Transition.APPROVE)
    _decide(district, office_id, folder / "d1.spmb")
    office.trust.remove_key(read_key_file(folder / "kabupaten.pub").fingerprint)
    with pytest.raises(BundleError) as refused:
        verify_bundle(folder / "d1.spmb", trust_of_store(office))
    assert refused.value.stage == "signature"
    assert office.reports.get(first).status is ReportStatus.SUBMITTED


def test_the_district_sends_only_what_it_decided(pair):
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, _second = _keys(office, office_id)
    office.review.apply(first, Transition.SUBMIT)
    _send(office, district, folder / "b1.spmb")
    with pytest.raises(UserError, match="Belum ada laporan"):
        _decide(district, office_id, folder / "d0.spmb")
    assert not (folder / "d0.spmb").exists()


def test_the_district_consolidates_the_approved_reports_with_their_sources(pair):
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, second = _keys(office, office_id)
    for key in (first, second):
        office.review.apply(key, Transition.SUBMIT)
    _send(office, district, folder / "b1.spmb")
    with pytest.raises(UserError, match="Belum ada laporan kantor yang disetujui"):
        export_consolidation(district, PERIOD, folder / "k0.spmb", DISTRICT_PASSPHRASE)
    district.review.apply(first, Transition.APPROVE)
    result = export_consolidation(district, PERIOD, folder / "k1.spmb", DISTRICT_PASSPHRASE)
    assert result.reports == 1  # only what was approved
    # The province (trusting the district's key) can verify it; each report names where it came from.
    with verify_bundle(folder / "k1.spmb", trust_of_store(office)) as verified:
        submission = verified.submission
        (report,) = submission.reports
        assert submission.office.name == DISTRICT_OFFICE and report.status == "approved"
        (source,) = report.sources
        assert (source.office_id, source.revision) == (office_id, 1)
        assert source.content_hash == office.reports.get(first).content_hash()
        assert {r.area_code: r.target for r in report.rows} == {"64.11.01": 212, "64.11.02": 180}
        assert len(report.evidence) == 2  # the office's evidence travels on to the province
    # Approving the second report and consolidating again revises the first consolidated bundle.
    district.review.apply(second, Transition.APPROVE)
    again = export_consolidation(district, PERIOD, folder / "k2.spmb", DISTRICT_PASSPHRASE)
    with verify_bundle(folder / "k2.spmb", trust_of_store(office)) as verified:
        revised = verified.submission.report("1.02.01")
        assert (revised.revision, revised.revises) == (2, result.bundle_id)
        assert verified.submission.report("1.02.02").revision == 1
    assert again.reports == 2
