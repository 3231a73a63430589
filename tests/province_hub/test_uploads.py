"""Uploads to a real hub on 127.0.0.1 (SQLite and PostgreSQL): each verified once, each fault refused
with its code, and the database holding exactly what it should afterwards."""

from __future__ import annotations

import threading

from tests.province_hub.helpers import bearer, bundle_id_of, create_upload, patch, sha256_of, status, upload


def bundle_rows(setup, bundle_id: str) -> list[tuple]:
    return setup.hub.rows("SELECT office_id, status, reason_code FROM bundles WHERE bundle_id = ?", (bundle_id,))


def leftover_uploads(setup) -> list[str]:
    """Upload files still in the uploads folder (a finished upload leaves none)."""
    root = setup.hub.data_dir / "uploads"
    return sorted(p.name for p in root.rglob("*") if p.is_file() and ".locks" not in p.parts) if root.exists() else []


def test_a_bundle_is_verified_indexed_and_kept_once(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        created, done = upload(http, setup.token_a, data, bundle_id)
        assert created.status_code == 201 and done.status_code == 204, done.text
        assert done.headers["Upload-Offset"] == str(len(data))
        found = status(http, setup.token_a, bundle_id)
    assert found["status"] == "verified" and found["reason"] is None
    assert (found["size"], found["sha256"]) == (len(data), sha256_of(data))
    assert bundle_rows(setup, bundle_id) == [(setup.office_a, "verified", None)]
    reports = setup.hub.rows(
        "SELECT service_code, revision, target, served, quality_required, quality_met, budget, spent FROM reports"
        " WHERE bundle_id = ? ORDER BY service_code",
        (bundle_id,),
    )
    assert reports == [
        ("1.02.01", 1, 392, 281, 12, 10, 247_000_000, 73_984_000),
        ("1.02.02", 1, 105, 90, None, None, None, None),
    ]
    district = setup.hub.rows("SELECT district_code, year, quarter FROM bundles WHERE bundle_id = ?", (bundle_id,))
    assert district == [("64.11", 2024, 3)]
    kept = setup.hub.data_dir / "bundles" / setup.office_a / f"{bundle_id}.spmb"
    assert kept.read_bytes() == data
    assert leftover_uploads(setup) == []


def test_the_same_bundle_again_is_acknowledged_not_stored_twice(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        assert upload(http, setup.token_a, data, bundle_id)[1].status_code == 204
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
        again, _ = upload(http, setup.token_a, data, bundle_id)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "bundle.already_received"
    assert again.json()["status"] == "verified"
    assert bundle_rows(setup, bundle_id) == [(setup.office_a, "verified", None)]
    assert len(setup.hub.rows("SELECT 1 FROM reports WHERE bundle_id = ?", (bundle_id,))) == 2
    assert leftover_uploads(setup) == []


def test_two_uploads_of_one_bundle_at_once_store_it_once(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        first = create_upload(http, setup.token_a, data, bundle_id)
        second = create_upload(http, setup.token_a, data, bundle_id)
        assert first.status_code == second.status_code == 201  # neither is verified yet
    answers = {}

    def send(name: str, url: str) -> None:
        with setup.http() as http:
            answers[name] = patch(http, setup.token_a, url, 0, data).status_code

    threads = [threading.Thread(target=send, args=(n, r.headers["Location"])) for n, r in (("a", first), ("b", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {"a": 204, "b": 204}  # both acknowledged
    with setup.http() as http:
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
    assert bundle_rows(setup, bundle_id) == [(setup.office_a, "verified", None)]
    assert len(setup.hub.rows("SELECT 1 FROM reports WHERE bundle_id = ?", (bundle_id,))) == 2
    assert [p.name for p in (setup.hub.data_dir / "bundles" / setup.office_a).glob(f"{bundle_id}*")] == [
        f"{bundle_id}.spmb"
    ]
    assert leftover_uploads(setup) == []


def test_a_bundle_signed_by_an_unregistered_key_is_rejected_and_may_come_again(setup):
    path = setup.bundle(signer=setup.world.stranger)
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        assert upload(http, setup.token_a, data, bundle_id)[1].status_code == 204
        found = status(http, setup.token_a, bundle_id)
        assert found["status"] == "rejected"
        assert found["reason"]["code"] == "signature.unknown_key"
        assert "tidak dipercaya" in found["reason"]["message"]
        assert bundle_rows(setup, bundle_id) == [(setup.office_a, "rejected", "signature.unknown_key")]
        assert not (setup.hub.data_dir / "bundles" / setup.office_a / f"{bundle_id}.spmb").exists()
        # A rejected bundle may be sent again: the hub takes a new upload of it (ended here: tus termination).
        again = create_upload(http, setup.token_a, data, bundle_id)
        assert again.status_code == 201
        ended = http.delete(again.headers["Location"], headers={**TUS_HEADERS, **bearer(setup.token_a)})
        assert ended.status_code == 204
    assert leftover_uploads(setup) == []
    assert setup.hub.rows("SELECT COUNT(*) FROM reports WHERE bundle_id = ?", (bundle_id,)) == [(0,)]


def test_office_a_bundle_sent_with_office_b_token_is_rejected(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        assert upload(http, setup.token_b, data, bundle_id)[1].status_code == 204
        assert status(http, setup.token_b, bundle_id)["reason"]["code"] == "signature.unknown_key"
        # B's own key cannot speak for A's office either.
        forged = setup.bundle(signer=setup.signer_b)
        assert upload(http, setup.token_b, forged.read_bytes(), bundle_id_of(forged))[1].status_code == 204
        assert status(http, setup.token_b, bundle_id_of(forged))["reason"]["code"] == "references.signer_office"
        # A may still send its own bundle; it replaces the rejected record made by B's upload.
        assert upload(http, setup.token_a, data, bundle_id)[1].status_code == 204
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
        assert http.get(f"/api/v1/bundles/{bundle_id}", headers=bearer(setup.token_b)).status_code == 404
    assert bundle_rows(setup, bundle_id) == [(setup.office_a, "verified", None)]


def test_an_oversize_upload_is_refused_at_creation(setup):
    with setup.http() as http:
        refused = create_upload(http, setup.token_a, b"x", "5b8c2f5e-8d0e-4b8c-9f33-1f6a2b0c4d7e", length=3 * 1024**3)
    assert refused.status_code == 413
    assert refused.json()["error"]["code"] == "upload.too_large"
    assert leftover_uploads(setup) == []
    assert bundle_rows(setup, "5b8c2f5e-8d0e-4b8c-9f33-1f6a2b0c4d7e") == []


def test_a_sha256_other_than_announced_is_rejected(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        assert upload(http, setup.token_a, data, bundle_id, sha256="0" * 64)[1].status_code == 204
        found = status(http, setup.token_a, bundle_id)
    assert found["reason"]["code"] == "upload.sha256_mismatch"
    assert bundle_rows(setup, bundle_id) == [(setup.office_a, "rejected", "upload.sha256_mismatch")]
    assert leftover_uploads(setup) == []


def test_a_tampered_byte_is_rejected(setup):
    path = setup.bundle()
    data, bundle_id = bytearray(path.read_bytes()), bundle_id_of(path)
    at = data.index(b"64.11.01") + 6  # inside submission.json's figures
    data[at] = ord("9") if data[at] != ord("9") else ord("8")
    with setup.http() as http:
        # The sender's announced hash is of the tampered file: only the signature chain can catch it.
        assert upload(http, setup.token_a, bytes(data), bundle_id)[1].status_code == 204
        found = status(http, setup.token_a, bundle_id)
    assert found["status"] == "rejected"
    assert found["reason"]["code"].split(".")[0] in ("container", "manifest")
    assert setup.hub.rows("SELECT COUNT(*) FROM reports WHERE bundle_id = ?", (bundle_id,)) == [(0,)]


def test_metadata_and_tus_rules(setup):
    with setup.http() as http:
        headers = {"Tus-Resumable": "1.0.0", **bearer(setup.token_a), "Upload-Length": "10", "Upload-Metadata": ""}
        missing = http.post("/api/v1/uploads/", headers=headers)
        assert (missing.status_code, missing.json()["error"]["code"]) == (400, "upload.metadata")
        deferred = http.post("/api/v1/uploads/", headers={**headers, "Upload-Defer-Length": "1", "Upload-Length": ""})
        assert deferred.status_code in (400, 411, 422)
        assert http.post("/api/v1/uploads/", headers={**headers, "Tus-Resumable": "0.2"}).status_code == 412
        unknown = http.head("/api/v1/uploads/" + "a" * 32, headers={**TUS_HEADERS, **bearer(setup.token_a)})
        assert unknown.status_code == 404


TUS_HEADERS = {"Tus-Resumable": "1.0.0"}


def test_an_office_never_reaches_another_offices_upload(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        created = create_upload(http, setup.token_a, data, bundle_id)
        url = created.headers["Location"]
        assert patch(http, setup.token_a, url, 0, data[:100]).status_code == 204
        assert http.head(url, headers={**TUS_HEADERS, **bearer(setup.token_b)}).status_code == 404
        assert patch(http, setup.token_b, url, 100, data[100:]).status_code == 404
        assert http.delete(url, headers={**TUS_HEADERS, **bearer(setup.token_b)}).status_code == 404
        assert http.head(url, headers=TUS_HEADERS).status_code == 401
        mine = http.head(url, headers={**TUS_HEADERS, **bearer(setup.token_a)})
        assert mine.headers["Upload-Offset"] == "100"
        assert patch(http, setup.token_a, url, 100, data[100:]).status_code == 204
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
