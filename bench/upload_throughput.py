"""Upload throughput: a ~200 MB bundle-sized file sent to the hub on 127.0.0.1 over tus, by the
desktop's own uploader (desktop.sync.upload, httpx, adaptive chunks), as a ratio to a plain HTTP PUT
of the same bytes to the same server process (a route only this benchmark adds to the app it builds).

    python -m bench.upload_throughput            # 200 MB, 3 rounds each (goal: ratio >= 0.5)
    python -m bench.upload_throughput --mb 50

The tus figure is the time until the hub acknowledged the last byte (it has then kept the file and
claimed its bundle UUID); `until_verified_mb_s` is the same file over the time until the hub reported
it verified (SHA-256 of the whole file and the desktop's verification, on the hub's checker threads). The file is a real signed bundle (one report,
eight 25 MB evidence files of incompressible bytes), built once in bench/out/hub-upload/; tuspy's own
client (`tusclient`, 8 MiB chunks) is measured too, for comparison. The server runs in a child process
(its peak memory is reported); the clients run here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fastapi import Request  # at module level: the route's annotations are resolved here
from fastapi.responses import Response

from bench.common import OUT, peak_rss_mb, report
from bench.hub_common import PASSPHRASE, free_port, hub_process, init_hub, register_office

ROUNDS = 3
PUT_ROUTE = "/bench/put"


# --- the server child --------------------------------------------------------------------------------


def serve(data_dir: Path, port: int) -> None:
    """The hub's app with a plain PUT route that writes the body to a file, as tus writes it."""
    import uvicorn

    from hub import jsonlog
    from hub.app import create_app
    from hub.config import HubConfig, RateLimit

    jsonlog.configure()
    app = create_app(HubConfig(data_dir, rate_limit=RateLimit(0, 1), passphrase=PASSPHRASE, max_upload_bytes=2**34))
    target = data_dir / "put"
    target.mkdir(exist_ok=True)

    @app.put(PUT_ROUTE)
    async def put(request: Request) -> Response:
        with (target / uuid.uuid4().hex).open("wb") as handle:
            async for chunk in request.stream():
                handle.write(chunk)
        return Response(status_code=204)

    uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)).run()


# --- the bundle --------------------------------------------------------------------------------------


def big_bundle(megabytes: int) -> tuple[Path, str, str]:
    """A signed bundle of about `megabytes` MB (cached), its office id and public key text."""
    folder = OUT / "hub-upload"
    bundle, office_file, key_file = folder / f"bundle-{megabytes}mb.spmb", folder / "office-id", folder / "office.pub"
    if bundle.exists() and office_file.exists() and key_file.exists():
        return bundle, office_file.read_text().strip(), key_file.read_text()
    from desktop.cli.self_test import PERIOD, set_up_office
    from desktop.exchange.export import export_bundle
    from desktop.exchange.trust import create_office_key, export_public_key
    from desktop.storage.reports import ReportKey

    folder.mkdir(parents=True, exist_ok=True)
    files = max(1, megabytes // 25)
    with (
        tempfile.TemporaryDirectory(prefix="hub-upload-") as temporary,
        set_up_office(Path(temporary) / "office") as store,  # Mahakam Ulu's Dinas Kesehatan, a few figures
    ):
        office = store.require_installation().office
        key = ReportKey(office.id, "1.02.01", PERIOD)
        for number in range(files):
            evidence = Path(temporary) / f"scan-{number:03d}.pdf"
            with evidence.open("wb") as handle:
                handle.write(b"%PDF-1.4\n")
                for _ in range(25):
                    handle.write(os.urandom(1024 * 1024))
            store.evidence.add(key, "64.11.01", [evidence], f"Pindaian {number}")
        create_office_key(store, PASSPHRASE)
        export_public_key(store, key_file)
        export_bundle(store, PERIOD, bundle, PASSPHRASE)
        office_file.write_text(office.id + "\n")
    return bundle, office_file.read_text().strip(), key_file.read_text()


# --- the clients -------------------------------------------------------------------------------------


def put(url: str, path: Path) -> float:
    import httpx

    with httpx.Client(timeout=120) as http, path.open("rb") as handle:
        start = time.perf_counter()
        response = http.put(f"{url}{PUT_ROUTE}", content=handle, headers={"Content-Length": str(path.stat().st_size)})
        elapsed = time.perf_counter() - start
    response.raise_for_status()
    return elapsed


def tus_desktop(url: str, token: str, path: Path, bundle_id: str, sha: str) -> float:
    """The desktop's uploader; the time until the last byte is acknowledged (and the bundle checked)."""
    from desktop.sync.hub_client import HubClient
    from desktop.sync.upload import UploadItem, UploadOutcome, upload_bundle

    item = UploadItem(path, bundle_id, sha, path.stat().st_size)
    with HubClient(url, token) as client:
        start = time.perf_counter()
        outcome = upload_bundle(client, item, lambda _url, _offset: None)
        elapsed = time.perf_counter() - start
        while (status := client.http.get(f"/api/v1/bundles/{bundle_id}").json()["status"]) == "received":
            time.sleep(0.01)
        VERIFIED_AFTER.append(time.perf_counter() - start)
    if outcome is not UploadOutcome.SENT or status != "verified":
        raise RuntimeError(f"upload {outcome}, bundle {status}")
    return elapsed


VERIFIED_AFTER: list[float] = []  # seconds from the first byte until the hub said "verified"


def tus_tuspy(url: str, token: str, path: Path, bundle_id: str, sha: str) -> float:
    """tuspy's own client, 8 MiB chunks."""
    from tusclient.client import TusClient

    client = TusClient(f"{url}/api/v1/uploads/", headers={"Authorization": f"Bearer {token}"})
    with path.open("rb") as stream:
        uploader = client.uploader(
            file_stream=stream,
            chunk_size=8 * 1024 * 1024,
            metadata={"bundle_id": bundle_id, "filename": path.name, "sha256": sha},
        )
        start = time.perf_counter()
        uploader.upload()
        elapsed = time.perf_counter() - start
    _wait_checked(url, token, bundle_id)
    return elapsed


def _wait_checked(url: str, token: str, bundle_id: str) -> None:
    import httpx

    while (
        httpx.get(f"{url}/api/v1/bundles/{bundle_id}", headers={"Authorization": f"Bearer {token}"}).json()["status"]
        == "received"
    ):
        time.sleep(0.01)


def forget(data_dir: Path, bundle_id: str) -> None:
    """Drops the received bundle so the next round sends it in full again."""
    from hub.db import Database

    db = Database.open(None, data_dir)
    try:
        with db.transaction() as tx:
            tx.execute("DELETE FROM reports WHERE bundle_id = ?", (bundle_id,))
            tx.execute("DELETE FROM bundles WHERE bundle_id = ?", (bundle_id,))
    finally:
        db.close()
    for kept in (data_dir / "bundles").rglob(f"{bundle_id}.spmb"):
        kept.unlink()
    for put_file in (data_dir / "put").glob("*") if (data_dir / "put").exists() else ():
        put_file.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--serve", nargs=2, metavar=("DATA_DIR", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(Path(args.serve[0]), int(args.serve[1]))
        return
    import hashlib
    import json
    import zipfile

    bundle, office_id, public_key = big_bundle(args.mb)
    digest = hashlib.sha256()
    with bundle.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    sha = digest.hexdigest()
    with zipfile.ZipFile(bundle) as archive:
        bundle_id = json.loads(archive.read("data/submission.json"))["bundle_id"]
    size_mb = bundle.stat().st_size / 1e6
    with tempfile.TemporaryDirectory(prefix="hub-upload-") as temporary:
        data_dir = Path(temporary) / "hub"
        init_hub(data_dir, None)
        token = register_office(data_dir, None, office_id, public_key)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        times: dict[str, list[float]] = {"put": [], "tus": [], "tuspy": []}
        with hub_process(
            [sys.executable, "-m", "bench.upload_throughput", "--serve", str(data_dir), str(port)], port
        ) as facts:
            for _ in range(ROUNDS):  # interleaved, so a busy moment of the machine hits all three alike
                times["put"].append(put(url, bundle))
                forget(data_dir, bundle_id)
                times["tus"].append(tus_desktop(url, token, bundle, bundle_id, sha))
                forget(data_dir, bundle_id)
                times["tuspy"].append(tus_tuspy(url, token, bundle, bundle_id, sha))
                forget(data_dir, bundle_id)
    put_mbs = size_mb / statistics.median(times["put"])
    tus_mbs = size_mb / statistics.median(times["tus"])
    tuspy_mbs = size_mb / statistics.median(times["tuspy"])
    report(
        "upload_throughput",
        tus_mbs,
        put_mbs,
        "MB/s",
        ">= 0.5",
        {
            "file_mb": round(size_mb, 1),
            "until_verified_mb_s": round(size_mb / statistics.median(VERIFIED_AFTER), 1),
            "tuspy_client_ratio": round(tuspy_mbs / put_mbs, 3),
            "server_peak_mb": facts["server_peak_mb"],
            "client_peak_mb": round(peak_rss_mb(), 1),
        },
    )


if __name__ == "__main__":
    main()
