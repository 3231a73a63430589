"""Office -> district -> province and back: the district sends its consolidated bundle to the hub, the
province returns one service, the return reaches the office report it was made from, through the district."""

from __future__ import annotations

import pytest

from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import Transition
from desktop.exchange.consolidate import export_consolidation
from desktop.exchange.decisions import apply_decisions, export_decisions, plan_decisions
from desktop.exchange.export import export_bundle
from desktop.exchange.import_bundle import apply_import, plan_import
from desktop.exchange.trust import export_public_key, read_key_file, trust_key
from desktop.exchange.verify import trust_of_store, verify_bundle
from desktop.storage.reports import ReportKey
from desktop.sync.engine import run_sync
from desktop.sync.outbox_queue import queue_bundle
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE
from tests.exchange.test_decisions import DISTRICT_PASSPHRASE, pair  # noqa: F401 - fixture
from tests.sync.helpers import decide_on_page

pytestmark = pytest.mark.slow


def carry(source, target, path) -> None:
    """A bundle from one install to the other (a stick), verified and applied there."""
    with verify_bundle(path, trust_of_store(target)) as verified:
        if verified.signer.role == "district":
            apply_decisions(target, plan_decisions(target, verified))
        else:
            apply_import(target, plan_import(target, verified))


def test_a_province_return_of_the_consolidated_report_reaches_the_office(pair, hub):  # noqa: F811
    office, district, folder = pair
    office_id = office.require_installation().office.id
    first, second = (ReportKey(office_id, code, PERIOD) for code in ("1.02.01", "1.02.02"))
    for key in (first, second):
        office.review.apply(key, Transition.SUBMIT)
    export_bundle(office, PERIOD, folder / "b1.spmb", PASSPHRASE)
    carry(office, district, folder / "b1.spmb")
    for key in (first, second):
        district.review.apply(key, Transition.APPROVE)
    export_decisions(district, office_id, PERIOD, folder / "d1.spmb", DISTRICT_PASSPHRASE)
    carry(district, office, folder / "d1.spmb")
    assert office.reports.status(first) is ReportStatus.APPROVED

    # The district sends its consolidated bundle over the network.
    installation = district.require_installation()
    token = hub.register(installation.office.id, installation.office.name, _public_key(district, folder), "district")
    district.hub.set(hub.url, token)
    trust_key(district, read_key_file(hub.data_dir / "keys" / "office.pub"), "Provinsi Kalimantan Timur", "province")
    consolidated = export_consolidation(district, PERIOD, folder / "k1.spmb", DISTRICT_PASSPHRASE)
    queue_bundle(district, consolidated.path)
    link = district.hub.require()
    assert run_sync(link, district.data_dir, lambda fn: fn(district)).verified == [consolidated.bundle_id]

    decide_on_page(hub, consolidated.bundle_id, "1.02.01", "returned", "Sasaran ibu hamil tidak sesuai data Dukcapil.")
    decide_on_page(hub, consolidated.bundle_id, "1.02.02", "approved")
    report = run_sync(link, district.data_dir, lambda fn: fn(district))
    assert report.decisions_applied == 1 and not report.decisions_refused

    # At the district the office's report is open again, with the province's note and name.
    assert district.reports.status(first) is ReportStatus.RETURNED
    assert district.reports.status(second) is ReportStatus.APPROVED
    assert [n.note for n in district.review.notes(first)] == ["Sasaran ibu hamil tidak sesuai data Dukcapil."]
    assert district.review.history(first)[-1].actor == "Biro Pemerintahan"

    # The district passes the return on to the office, whose approved report opens for correction.
    export_decisions(district, office_id, PERIOD, folder / "d2.spmb", DISTRICT_PASSPHRASE)
    carry(district, office, folder / "d2.spmb")
    assert office.reports.status(first) is ReportStatus.RETURNED
    assert office.reports.status(second) is ReportStatus.APPROVED
    assert [n.note for n in office.review.notes(first)] == ["Sasaran ibu hamil tidak sesuai data Dukcapil."]
    assert office.audit.verify().ok and district.audit.verify().ok


def _public_key(store, folder):
    path = folder / "kabupaten-hub.pub"
    export_public_key(store, path)
    return path.read_text(encoding="utf-8")
