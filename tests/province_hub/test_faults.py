"""The hub killed in the middle of things, clients over their limit, and tokens that are not right."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from tusclient.client import TusClient
from tusclient.uploader import Uploader

from tests.province_hub.helpers import TUS, bearer, bundle_id_of, create_upload, patch, sha256_of, status


def test_a_hub_killed_mid_upload_resumes_from_its_offset_and_stores_the_bundle_once(setup):
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    third = len(data) // 3
    with setup.http() as http:
        url = create_upload(http, setup.token_a, data, bundle_id).headers["Location"]
        assert patch(http, setup.token_a, url, 0, data[:third]).status_code == 204

    def body():
        yield data[third : 2 * third]  # the hub writes these bytes, but never acknowledges them
        time.sleep(0.5)
        setup.hub.kill()
        yield data[2 * third :]

    headers = {**TUS, **bearer(setup.token_a), "Upload-Offset": str(third)}
    headers |= {"Content-Type": "application/offset+octet-stream", "Content-Length": str(len(data) - third)}
    with pytest.raises(httpx.HTTPError):
        httpx.patch(url, content=body(), headers=headers, timeout=10)
    stray = setup.hub.data_dir / "uploads" / setup.office_a / url.rsplit("/", 1)[1]
    assert stray.stat().st_size > third  # bytes past the acknowledged offset are on disk
    setup.hub.start()

    client = TusClient(f"{setup.hub.url}/api/v1/uploads/", headers=bearer(setup.token_a))
    with path.open("rb") as stream:  # tusclient leaves a file it opened itself unclosed
        uploader = Uploader(file_stream=stream, client=client, url=url, chunk_size=max(1, third // 2))
        assert uploader.offset == third  # HEAD: the hub reports what it acknowledged, not what it wrote
        uploader.upload()
    with setup.http() as http:
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
        assert status(http, setup.token_a, bundle_id)["sha256"] == sha256_of(data)
    assert setup.hub.rows("SELECT status FROM bundles WHERE bundle_id = ?", (bundle_id,)) == [("verified",)]
    kept = setup.hub.data_dir / "bundles" / setup.office_a / f"{bundle_id}.spmb"
    assert kept.read_bytes() == data


def test_an_upload_completed_just_before_a_kill_is_taken_in_at_the_next_start(setup):
    """The last byte was written and acknowledged on disk, but the hub died before taking the bundle in."""
    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    setup.hub.kill()
    folder = setup.hub.data_dir / "uploads" / setup.office_a
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("c" * 32)).write_bytes(data)
    info = {
        "metadata": {"bundle_id": bundle_id, "filename": "x.spmb", "sha256": sha256_of(data), "filetype": "x"},
        "size": len(data),
        "offset": len(data),
        "upload_part": 1,
        "created_at": "2024-10-05 00:00:00",
        "defer_length": False,
        "upload_chunk_size": len(data),
        "expires": "Tue, 01 Jan 2999 00:00:00 GMT",
    }
    (folder / ("c" * 32 + ".info")).write_text(json.dumps(info))
    setup.hub.start()
    with setup.http() as http:
        assert status(http, setup.token_a, bundle_id)["status"] == "verified"
    assert not (folder / ("c" * 32)).exists()
    started = [json.loads(line) for line in setup.hub.log.read_text().splitlines() if '"hub.started"' in line]
    assert started[-1]["recovered"] == 1


def test_a_client_over_its_rate_limit_gets_429_with_retry_after(setup):
    with setup.http() as http:
        # /hello needs no database, so the requests come faster than the bucket refills even on a busy machine;
        # the limit counts per client (here a token of its own) whatever the route.
        client = bearer(f"pengguna-sibuk-{time.monotonic_ns()}")
        answers = [http.get("/api/v1/hello", headers=client) for _ in range(150)]
        limited = [a for a in answers if a.status_code == 429]
        assert limited, "no request was limited"
        assert int(limited[0].headers["Retry-After"]) >= 1
        assert limited[0].json()["error"]["code"] == "rate.limited"
        # Another office's bucket is its own.
        assert http.get("/api/v1/me", headers=bearer(setup.token_a)).status_code == 200


def test_tokens(setup):
    with setup.http() as http:
        assert http.get("/api/v1/hello").json()["province"]["name"] == "Kalimantan Timur"
        assert http.get("/api/v1/me").status_code == 401
        bad = http.get("/api/v1/me", headers=bearer("bukan-token"))
        assert (bad.status_code, bad.json()["error"]["code"]) == (401, "auth.invalid_token")
        assert http.get("/api/v1/me", headers=bearer(setup.token_a)).json()["office_id"] == setup.office_a
        new_office = {"office_id": "x1", "name": "X", "role": "office", "public_key": "RWQ"}
        assert http.post("/api/v1/offices", json=new_office, headers=bearer(setup.token_a)).status_code == 403
        assert http.post("/api/v1/offices", json=new_office, headers=bearer("salah")).status_code == 401
        assert http.post("/api/v1/offices", json=new_office).status_code == 401
        bad_key = http.post("/api/v1/offices", json=new_office, headers=setup.hub.admin)
        assert (bad_key.status_code, bad_key.json()["error"]["code"]) == (400, "office.bad_key")
        again = {**new_office, "office_id": setup.office_a, "public_key": setup.world.public_key.read_text()}
        assert (
            http.post("/api/v1/offices", json=again, headers=setup.hub.admin).json()["error"]["code"] == "office.exists"
        )
        login = http.post("/provinsi/masuk", data={"token": "salah"})
        assert login.status_code == 401 and "Token admin salah" in login.text
        assert http.post("/api/v1/uploads/", headers={**TUS, "Upload-Length": "1"}).status_code == 401
    stored = setup.hub.rows("SELECT token_sha256 FROM offices")
    assert all(len(h) == 64 and setup.token_a not in h for (h,) in stored)  # hashes only


def test_an_abandoned_upload_is_removed_once_it_expires_and_a_live_one_stays(setup):
    from datetime import UTC, datetime, timedelta

    from hub.expiry import remove_expired_uploads

    path = setup.bundle()
    data, bundle_id = path.read_bytes(), bundle_id_of(path)
    with setup.http() as http:
        url = create_upload(http, setup.token_a, data, bundle_id).headers["Location"]
        assert patch(http, setup.token_a, url, 0, data[:100]).status_code == 204
        upload = setup.hub.data_dir / "uploads" / setup.office_a / url.rsplit("/", 1)[1]
        assert remove_expired_uploads(setup.hub.data_dir / "uploads") == 0, "not expired yet"
        assert upload.exists()
        later = datetime.now(UTC) + timedelta(days=8)  # past tus's 7 days
        assert remove_expired_uploads(setup.hub.data_dir / "uploads", later) == 1
        assert not upload.exists() and not upload.with_name(upload.name + ".info").exists()
        assert http.head(url, headers={**TUS, **bearer(setup.token_a)}).status_code in (404, 410)
