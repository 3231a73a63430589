"""What the hub benchmarks share: a hub data folder, a hub in a child process, small signed bundles."""

from __future__ import annotations

import contextlib
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

PASSPHRASE = "frasa sandi benchmark hub"
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def init_hub(folder: Path, database: str | None) -> str:
    """Initialises a hub in `folder` (province key, admin token); returns the admin token."""
    from hub import province
    from hub.db import Database

    folder.mkdir(parents=True, exist_ok=True)
    db = Database.open(database, folder)
    try:
        db.migrate()
        _key, token = province.initialize(db, folder, "Kalimantan Timur", PASSPHRASE)
    finally:
        db.close()
    return token


def register_office(folder: Path, database: str | None, office_id: str, public_key: str) -> str:
    """Registers an office directly in the hub's database; its token."""
    from hub import offices, province
    from hub.db import Database

    db = Database.open(database, folder)
    try:
        found = province.load(db, folder)
        return offices.register_office(db, office_id, "Dinas Kesehatan", "office", public_key, found.key.public_key)
    finally:
        db.close()


@contextlib.contextmanager
def hub_process(command: list[str], port: int) -> Iterator[dict]:
    """Runs a server child until the block ends; the dict gets its peak memory (MB) afterwards."""
    env = {**os.environ, "SPM_HUB_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    facts: dict = {}
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"hub exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("hub did not start")
            time.sleep(0.1)
        # The hub logs a JSON line per request on standard error; drain it so the pipe never fills.
        drain = subprocess.Popen(["cat"], stdin=process.stderr, stdout=subprocess.DEVNULL)
        yield facts
    finally:
        process.terminate()
        _pid, _status, usage = os.wait4(process.pid, 0)
        facts["server_peak_mb"] = round(usage.ru_maxrss / 1024, 1)
        with contextlib.suppress(NameError):
            drain.wait(10)


@contextlib.contextmanager
def postgres_schema(dsn: str) -> Iterator[str]:
    """A PostgreSQL URL on a fresh schema of its own, dropped afterwards."""
    import psycopg

    schema = f"hub_bench_{random.getrandbits(40):010x}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def postgres_dsn() -> str | None:
    """The PostgreSQL to measure on: SPM_HUB_BENCH_POSTGRES, else the tests' SPM_HUB_TEST_POSTGRES."""
    return os.environ.get("SPM_HUB_BENCH_POSTGRES") or os.environ.get("SPM_HUB_TEST_POSTGRES")


# --- small signed bundles, store-free ----------------------------------------------------------------


def make_bundles(folder: Path, count: int, office_id: str) -> tuple[list[Path], str]:
    """`count` real signed bundles of one office (one report each, two kecamatan, random figures) and the
    office's public key text. Built as an export builds them (write_bundle signs, writes and verifies)."""
    import minisign

    from desktop.domain.catalog import CURRENT_VERSION, load_catalog
    from desktop.domain.periods import Period
    from desktop.domain.reports import AreaFigures, Report
    from desktop.exchange.bundle_writer import ExportPlan, write_bundle
    from desktop.exchange.container import ContainerLimits
    from desktop.exchange.keys import OfficeSigner, parse_public_key
    from desktop.exchange.submission import OfficeInfo, SignerInfo, Submission, SubmittedReport, new_bundle_id
    from desktop.storage.audit import now_utc

    folder.mkdir(parents=True, exist_ok=True)
    pair = minisign.KeyPair.generate()
    signer = OfficeSigner(pair.secret_key, parse_public_key(pair.public_key.to_base64()))
    catalog = load_catalog()
    services = tuple(s.code for s in catalog.services_for(["1.02"]))
    office = OfficeInfo(
        office_id, "Dinas Kesehatan", "64.11", "Kabupaten Mahakam Ulu", "Kalimantan Timur", "kecamatan", services
    )
    period = Period(2024, 3)
    rng = random.Random(2024)
    paths = []
    with signer:
        for number in range(count):
            code = services[number % len(services)]
            rows = tuple(
                AreaFigures(area, target=(t := rng.randint(50, 900)), served=rng.randint(0, t))
                for area in ("64.11.01", "64.11.02")
            )
            content_hash = Report(office_id, code, period, CURRENT_VERSION, rows=rows).content_hash()
            report = SubmittedReport(code, CURRENT_VERSION, "submitted", 1, None, content_hash, rows)
            submission = Submission(
                new_bundle_id(),
                now_utc(),
                "spm-luring bench",
                office,
                period,
                CURRENT_VERSION,
                SignerInfo(signer.public.key_id, signer.public.fingerprint, "Benchmark"),
                (report,),
            )
            plan = ExportPlan(
                folder,
                submission,
                (),
                {"64.11.01": "Long Apari", "64.11.02": "Long Pahangai"},
                {s.code: s.name for s in catalog.services},
                signer.public,
                {},
                ContainerLimits(),
            )
            paths.append(write_bundle(plan, folder / f"{submission.bundle_id}.spmb", signer).path)
    return paths, signer.public.file_text()


def run_self(module: str, *args: str) -> list[str]:
    """The command that runs a benchmark module's server mode in a child process."""
    return [sys.executable, "-m", module, *args]
