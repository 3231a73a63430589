"""The province page and its decisions, end to end: a real desktop office submits and uploads, the
province returns one report and approves the other on the page, and the office's own verification
and decision code take both in (a returned report editable again, with the province's notes)."""

from __future__ import annotations

import re

import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_percent
from desktop.domain.reports import ReportStatus
from desktop.domain.scoring import score_district
from desktop.domain.workflow import Transition
from desktop.exchange.decisions import apply_decisions, is_decision_bundle, plan_decisions
from desktop.exchange.errors import BundleError
from desktop.exchange.export import export_bundle
from desktop.exchange.keys import parse_public_key
from desktop.exchange.trust import trust_key
from desktop.exchange.verify import Trust, TrustedSigner, trust_of_store, verify_bundle
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD
from tests.exchange.helpers import PASSPHRASE, copy_folder, entries, resign, write_zip
from tests.province_hub.helpers import bearer, bundle_id_of, status, upload


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


@pytest.fixture
def office(setup, tmp_path):
    """A copy of the world's office (key registered at the hub as office A) that submitted its reports."""
    with Store.open(copy_folder(setup.world.office_template, tmp_path / "office")) as store:
        for code in ("1.02.01", "1.02.02"):
            store.review.apply(ReportKey(setup.office_a, code, PERIOD), Transition.SUBMIT)
        yield store


def test_the_province_returns_and_approves_and_the_office_applies_both(setup, office, tmp_path):
    bundle = export_bundle(office, PERIOD, tmp_path / "b2.spmb", PASSPHRASE).path
    bundle_id = bundle_id_of(bundle)
    with setup.http() as http:
        assert upload(http, setup.token_a, bundle.read_bytes(), bundle_id)[1].status_code == 204
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"

        # The page: login with the admin token, then the figures as the desktop scores them.
        assert "Token admin provinsi" in http.get("/provinsi/").text
        assert http.post("/provinsi/masuk", data={"token": setup.hub.admin_token}).status_code == 303
        overview = http.get("/provinsi/?periode=2024Q3").text
        assert "Kabupaten Mahakam Ulu" in overview and bundle_id in overview
        rows = {
            code: office.reports.get(ReportKey(setup.office_a, code, PERIOD)).rows for code in ("1.02.01", "1.02.02")
        }
        expected = score_district(load_catalog(), rows, list(rows))
        assert format_percent(expected.index) in overview
        assert format_percent(expected.services[0].score) in overview

        page = http.get(f"/provinsi/paket/{bundle_id}").text
        csrf = csrf_of(page)
        action = f"/provinsi/paket/{bundle_id}/keputusan"
        forged = http.post(action, data={"service": "1.02.01", "decision": "approved", "csrf": "0" * 64})
        assert forged.status_code == 403
        no_note = http.post(action, data={"csrf": csrf, "service": "1.02.01", "decision": "returned", "note": " "})
        assert no_note.status_code == 400 and "perlu catatan" in no_note.text
        returned = http.post(
            action,
            data={
                "csrf": csrf,
                "service": "1.02.01",
                "decision": "returned",
                "by": "Rina (Biro Pemerintahan)",
                "note": "Lengkapi berita acara",
                "note_area_64.11.01": "Sasaran tidak sesuai data Pusdatin",
                "note_area_64.11.02": "",
            },
        )
        assert returned.status_code == 303, returned.text
        approved = http.post(action, data={"csrf": csrf, "service": "1.02.02", "decision": "approved"})
        assert approved.status_code == 303
        twice = http.post(action, data={"csrf": csrf, "service": "1.02.02", "decision": "returned", "note": "x"})
        assert twice.status_code == 409
        assert "Dikembalikan oleh Rina" in http.get(f"/provinsi/paket/{bundle_id}").text

        # The office fetches its decisions; another office sees none of them.
        listed = http.get("/api/v1/decisions", params={"since": 0}, headers=bearer(setup.token_a)).json()
        assert [d["decides"] for d in listed["decisions"]] == [bundle_id, bundle_id]
        assert listed["cursor"] == listed["decisions"][-1]["id"]
        after = http.get("/api/v1/decisions", params={"since": listed["cursor"]}, headers=bearer(setup.token_a)).json()
        assert after == {"decisions": [], "cursor": listed["cursor"]}
        other = http.get("/api/v1/decisions", params={"since": 0}, headers=bearer(setup.token_b)).json()
        assert other["decisions"] == []
        files = []
        for entry in listed["decisions"]:
            url = f"/api/v1/decisions/{entry['id']}/bundle"
            assert http.get(url, headers=bearer(setup.token_b)).status_code == 404
            assert http.get(f"/api/v1/bundles/{bundle_id}", headers=bearer(setup.token_b)).status_code == 404
            response = http.get(url, headers=bearer(setup.token_a))
            assert response.headers["content-type"] == "application/octet-stream"
            path = tmp_path / f"{entry['bundle_id']}.spmb"
            path.write_bytes(response.content)
            files.append(path)
        province_key = http.get("/api/v1/hello").json()["province"]["public_key"]

    # The desktop verifies each decision with the province key (role "province") and applies it.
    key = parse_public_key(province_key)
    with verify_bundle(files[0], Trust((TrustedSigner(key, "Provinsi", "province", None),))) as verified:
        assert verified.signer.role == "province"
    trust_key(office, key, "Biro Pemerintahan Provinsi", "province")
    for path in files:
        with verify_bundle(path, trust_of_store(office)) as verified:
            assert is_decision_bundle(office, verified)
            assert apply_decisions(office, plan_decisions(office, verified)) == 1
    first, second = (ReportKey(setup.office_a, code, PERIOD) for code in ("1.02.01", "1.02.02"))
    assert office.reports.get(first).status is ReportStatus.RETURNED
    assert office.reports.get(first).status.editable
    assert [(n.area_code, n.note) for n in office.review.notes(first)] == [
        (None, "Lengkapi berita acara"),
        ("64.11.01", "Sasaran tidak sesuai data Pusdatin"),
    ]
    assert "Rina" in office.review.history(first)[-1].actor
    assert office.reports.get(second).status is ReportStatus.APPROVED
    assert setup.hub.rows("SELECT COUNT(*) FROM decisions WHERE decides = ?", (bundle_id,)) == [(2,)]

    # A forged decision (the same content, signed by a key the office does not trust) is refused.
    forged_file = write_zip(tmp_path / "forged.spmb", resign(entries(files[0]), setup.world.stranger))
    with pytest.raises(BundleError) as refused:
        verify_bundle(forged_file, trust_of_store(office))
    assert refused.value.code == "signature.unknown_key"


def test_the_page_needs_a_login(setup):
    with setup.http() as http:
        assert "Token admin provinsi" in http.get("/provinsi/").text
        assert http.get("/provinsi/paket/abc", follow_redirects=False).status_code == 303
        refused = http.post("/provinsi/paket/abc/keputusan", data={"decision": "approved"}, follow_redirects=False)
        assert refused.status_code == 303
        http.cookies.set("spm_hub_session", "palsu", path="/provinsi")
        assert "Token admin provinsi" in http.get("/provinsi/").text
