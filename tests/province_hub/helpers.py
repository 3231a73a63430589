"""The hub tests' tools: a real hub in a subprocess on 127.0.0.1 (SQLite or PostgreSQL), fresh signed
bundles made from the bundle tests' B1 (tests.exchange), and a small tus client on httpx."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from desktop.exchange import bag
from desktop.exchange.keys import OfficeSigner
from hub.cli import main as hub_cli
from hub.db import Database
from tests.exchange.helpers import entries, resign, rewrite_submission, write_zip

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "frasa sandi provinsi 2024"
POSTGRES_ENV = "SPM_HUB_TEST_POSTGRES"
TUS = {"Tus-Resumable": "1.0.0"}


# --- databases ---------------------------------------------------------------------------------------


def postgres_dsn() -> str:
    """The test PostgreSQL's DSN; the test is skipped without one, except in CI, where it fails."""
    dsn = os.environ.get(POSTGRES_ENV)
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set in CI (.ci/run sets it from build/postgres.sh)")
        pytest.skip(f"{POSTGRES_ENV} not set (build/postgres.sh prints one)")
    return dsn


@contextlib.contextmanager
def database_url(backend: str):
    """None (SQLite in the data folder) or a PostgreSQL URL on a schema of its own, dropped afterwards."""
    if backend == "sqlite":
        yield None
        return
    import psycopg

    dsn = postgres_dsn()
    schema = f"hub_test_{secrets.token_hex(6)}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in dsn else "?"
    try:
        yield f"{dsn}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


# --- the hub ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Hub:
    """A hub data folder and the server process that serves it (started, killed and restarted by tests)."""

    data_dir: Path
    database: str | None
    admin_token: str
    port: int = field(default_factory=free_port)
    args: tuple[str, ...] = ()
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Starts the server and waits until it answers."""
        command = [sys.executable, "-m", "hub", "serve", "--data-dir", str(self.data_dir), "--port", str(self.port)]
        if self.database:
            command += ["--database", self.database]
        self.log = self.data_dir / "serve.log"
        env = {**os.environ, "SPM_HUB_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([*command, *self.args], cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hub exited: {self.log.read_text(errors='replace')[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/api/v1/hello", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("hub did not start")

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """A clean stop (SIGTERM), or a kill if it does not stop."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> None:
        self.kill()
        self.start()

    def register(self, office_id: str, name: str, key_text: str, role: str = "office") -> str:
        """Registers an office over the API (admin token); its token."""
        response = httpx.post(
            f"{self.url}/api/v1/offices",
            json={"office_id": office_id, "name": name, "role": role, "public_key": key_text},
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        return response.json()["token"]

    @property
    def admin(self) -> dict:
        return {"Authorization": f"Bearer {self.admin_token}"}

    def db(self) -> Database:
        """A connection pool of the test's own to the hub's database (close it)."""
        return Database.open(self.database, self.data_dir)

    def rows(self, sql: str, params=()) -> list[tuple]:
        """Runs a query on the hub's database."""
        db = self.db()
        try:
            with db.transaction(write=False) as tx:
                return tx.execute(sql, params)
        finally:
            db.close()


def make_hub(folder: Path, database: str | None, *args: str) -> Hub:
    """A freshly initialised hub (not started)."""
    folder.mkdir(parents=True, exist_ok=True)
    token_file = folder / "admin.token"
    argv = [
        "init",
        "--data-dir",
        str(folder / "hub"),
        "--province",
        "Kalimantan Timur",
        "--admin-token-file",
        str(token_file),
    ]
    if database:
        argv += ["--database", database]
    os.environ["SPM_HUB_PASSPHRASE"] = PASSPHRASE
    try:
        assert hub_cli(argv) == 0
    finally:
        del os.environ["SPM_HUB_PASSPHRASE"]
    return Hub(folder / "hub", database, token_file.read_text().strip(), args=args)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# --- bundles ---------------------------------------------------------------------------------------


def fresh_bundle(source: Path, out: Path, signer: OfficeSigner, *, office_id: str | None = None) -> Path:
    """A copy of a signed bundle under a new bundle UUID (and, if given, another office id), re-signed."""
    bundle_id = str(uuid.uuid4())

    def change(document: dict) -> None:
        document["bundle_id"] = bundle_id
        document["signer"]["key_id"] = signer.public.key_id
        document["signer"]["fingerprint"] = signer.public.fingerprint
        if office_id:
            document["office"]["id"] = office_id

    items = rewrite_submission(entries(source), change)
    replaced = {
        "External-Identifier": bundle_id,
        "SPM-Signer-Key-Id": signer.public.key_id,
        "SPM-Signer-Fingerprint": signer.public.fingerprint,
        **({"SPM-Office-Id": office_id} if office_id else {}),
    }
    info = [(k, replaced.get(k, v)) for k, v in bag.parse_bag_info(items["bag-info.txt"])]
    items["bag-info.txt"] = bag.format_bag_info(info)
    return write_zip(out, resign(items, signer, bundle_id=bundle_id))


def bundle_id_of(path: Path) -> str:
    return json.loads(entries(path)["data/submission.json"])["bundle_id"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- a tus client small enough to see every status ------------------------------------------------


def metadata_header(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def create_upload(
    http: httpx.Client, token: str, data: bytes, bundle_id: str, *, sha256: str | None = None, length: int | None = None
) -> httpx.Response:
    """POST /uploads/ (tus creation)."""
    headers = {
        **TUS,
        **bearer(token),
        "Upload-Length": str(len(data) if length is None else length),
        "Upload-Metadata": metadata_header(
            bundle_id=bundle_id, filename=f"{bundle_id}.spmb", sha256=sha256 or sha256_of(data)
        ),
    }
    return http.post("/api/v1/uploads/", headers=headers)


def patch(http: httpx.Client, token: str, url: str, offset: int, chunk: bytes) -> httpx.Response:
    """One PATCH at `offset`."""
    headers = {**TUS, **bearer(token), "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
    return http.patch(url, content=chunk, headers=headers)


def upload(
    http: httpx.Client, token: str, data: bytes, bundle_id: str, **kwargs
) -> tuple[httpx.Response, httpx.Response | None]:
    """Creation then one PATCH with every byte: (creation response, PATCH response or None when refused)."""
    created = create_upload(http, token, data, bundle_id, **kwargs)
    if created.status_code != 201:
        return created, None
    return created, patch(http, token, created.headers["Location"], 0, data)


def status(http: httpx.Client, token: str, bundle_id: str, *, settled: bool = True) -> dict:
    """`GET /bundles/{id}`; by default once the hub has checked it (no longer `received`)."""
    deadline = time.monotonic() + 30
    while True:
        response = http.get(f"/api/v1/bundles/{bundle_id}", headers=bearer(token))
        assert response.status_code == 200, response.text
        found = response.json()
        if not settled or found["status"] != "received" or time.monotonic() > deadline:
            return found
        time.sleep(0.05)
