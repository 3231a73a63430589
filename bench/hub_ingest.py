"""Hub ingest rate: 1,000 small real signed bundles uploaded over tus (creation + one PATCH each, four
clients at once) to a hub on 127.0.0.1, on PostgreSQL and on SQLite; as a ratio to verify_bundle alone
over the same files in the same run (what the hub cannot do without: the desktop's verification).

    python -m bench.hub_ingest               # 1,000 bundles (PostgreSQL from SPM_HUB_BENCH_POSTGRES or
                                             #  SPM_HUB_TEST_POSTGRES; build/postgres.sh prints one)
    python -m bench.hub_ingest --count 200

The figure is bundles per second, end to end: from the first upload until the hub has checked the
SHA-256 of every one, verified it and indexed it (one row per bundle, one per report) in the database
(the hub answers an upload's last byte once the bundle is kept, and verifies it on its checker threads).
The hub runs in its own process (its peak memory is reported); the clients run here.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.common import peak_rss_mb, report
from bench.hub_common import (
    free_port,
    hub_process,
    init_hub,
    make_bundles,
    postgres_dsn,
    postgres_schema,
    register_office,
)
from hub.db import Database

CLIENTS = 4


def baseline(paths: list[Path], public_key: str, office_id: str) -> float:
    """Bundles per second through verify_bundle alone, one after another."""
    from desktop.exchange.keys import parse_public_key
    from desktop.exchange.verify import Trust, TrustedSigner, verify_bundle

    trust = Trust((TrustedSigner(parse_public_key(public_key), "Dinas Kesehatan", "office", office_id),))
    start = time.perf_counter()
    for path in paths:
        verify_bundle(path, trust).close()
    return len(paths) / (time.perf_counter() - start)


def send(http: httpx.Client, path: Path) -> None:
    data = path.read_bytes()
    metadata = {"bundle_id": path.stem, "filename": path.name, "sha256": hashlib.sha256(data).hexdigest()}
    created = http.post(
        "/api/v1/uploads/",
        headers={
            "Tus-Resumable": "1.0.0",
            "Upload-Length": str(len(data)),
            "Upload-Metadata": ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items()),
        },
    )
    created.raise_for_status()
    done = http.patch(
        created.headers["Location"],
        content=data,
        headers={"Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    done.raise_for_status()


def ingest(folder: Path, database: str | None, paths: list[Path], public_key: str, office_id: str) -> dict:
    """Uploads every bundle to a fresh hub; bundles per second, and what the hub holds afterwards."""
    data_dir = folder / f"hub-{uuid.uuid4().hex[:6]}"
    init_hub(data_dir, database)
    token = register_office(data_dir, database, office_id, public_key)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "hub",
        "serve",
        "--data-dir",
        str(data_dir),
        "--port",
        str(port),
        "--rate-limit",
        "0/s",
    ]
    if database:
        command += ["--database", database]
    with hub_process(command, port) as facts:
        clients = [
            httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"}, timeout=60)
            for _ in range(CLIENTS)
        ]
        db = Database.open(database, data_dir)
        start = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(lambda item: send(clients[item[0] % CLIENTS], item[1]), enumerate(paths)))
        sent = time.perf_counter() - start
        # The hub answers the last byte once the bundle is kept; it verifies and indexes right after.
        while checked(db) < len(paths) and time.perf_counter() - start < 600:
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        for client in clients:
            client.close()
    try:
        with db.transaction(write=False) as tx:
            verified = tx.scalar("SELECT COUNT(*) FROM bundles WHERE status = 'verified'")
            reports = tx.scalar("SELECT COUNT(*) FROM reports")
    finally:
        db.close()
    if verified != len(paths) or reports != len(paths):
        raise RuntimeError(f"hub holds {verified} verified bundles and {reports} reports, not {len(paths)}")
    return {"rate": len(paths) / elapsed, "acknowledged_per_s": round(len(paths) / sent, 1), **facts}


def checked(db) -> int:
    with db.transaction(write=False) as tx:
        return tx.scalar("SELECT COUNT(*) FROM bundles WHERE status <> 'received'")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    office_id = str(uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="hub-ingest-") as temporary:
        folder = Path(temporary)
        paths, public_key = make_bundles(folder / "bundles", args.count, office_id)
        verify_rate = baseline(paths, public_key, office_id)
        sqlite = ingest(folder, None, paths, public_key, office_id)
        dsn = postgres_dsn()
        if dsn:
            with postgres_schema(dsn) as database:
                postgres = ingest(folder, database, paths, public_key, office_id)
            report(
                "hub_ingest_postgresql",
                postgres["rate"],
                verify_rate,
                "bundles/s",
                "as close to 1 as the HTTP round trips and the database allow",
                {
                    "bundles": args.count,
                    "clients": CLIENTS,
                    "acknowledged_per_s": postgres["acknowledged_per_s"],
                    "server_peak_mb": postgres["server_peak_mb"],
                    "client_peak_mb": round(peak_rss_mb(), 1),
                },
            )
        else:
            print("hub_ingest_postgresql: skipped (no SPM_HUB_BENCH_POSTGRES / SPM_HUB_TEST_POSTGRES)")
        report(
            "hub_ingest_sqlite",
            sqlite["rate"],
            verify_rate,
            "bundles/s",
            "as close to 1 as the HTTP round trips and the database allow",
            {
                "bundles": args.count,
                "clients": CLIENTS,
                "acknowledged_per_s": sqlite["acknowledged_per_s"],
                "server_peak_mb": sqlite["server_peak_mb"],
                "client_peak_mb": round(peak_rss_mb(), 1),
            },
        )


if __name__ == "__main__":
    main()
