"""The sync tests' world: an office that submitted and exported its quarter, and a real hub (tests.province_hub)
that registered the office's key; the province page driven as a browser would."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop.domain.workflow import Transition
from desktop.exchange.export import export_bundle
from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up
from tests.exchange.helpers import PASSPHRASE, fill
from tests.province_hub.helpers import Hub
from tests.storage.helpers import pdf_bytes, png_bytes

SERVICES = ("1.02.01", "1.02.02")


@dataclass
class Office:
    """A closed office data folder, its bundle of the period and its public key."""

    data_dir: Path
    bundle: Path
    bundle_id: str
    office_id: str
    name: str
    public_key: Path

    def open(self) -> Store:
        return Store.open(self.data_dir)

    def key(self, service: str) -> ReportKey:
        return ReportKey(self.office_id, service, PERIOD)


def make_office(root: Path, *, evidence: bytes | None = None) -> Office:
    """Dinas Kesehatan with figures and evidence, both reports submitted, the quarter exported to a file."""
    root.mkdir(parents=True, exist_ok=True)
    files = {"pdf": root / "berita-acara.pdf", "png": root / "foto.png"}
    files["pdf"].write_bytes(evidence or pdf_bytes("Berita acara pelayanan ibu hamil"))
    files["png"].write_bytes(png_bytes(8, 8, 200))
    folder = root / "office"
    with Store.open(folder) as store:
        set_up(store)
        fill(store, PERIOD, files)
        office = store.require_installation().office
        for service in SERVICES:
            store.review.apply(ReportKey(office.id, service, PERIOD), Transition.SUBMIT)
        create_office_key(store, PASSPHRASE)
        export_public_key(store, root / "office.pub")
        result = export_bundle(store, PERIOD, root / "b1.spmb", PASSPHRASE)
    return Office(folder, result.path, result.bundle_id, office.id, office.name, root / "office.pub")


def link_office(office: Office, hub: Hub, *, trust_province: bool = True) -> str:
    """Registers the office on the hub, sets the hub in the office and trusts the province key; the token."""
    token = hub.register(office.office_id, office.name, office.public_key.read_text(encoding="utf-8"))
    with office.open() as store:
        store.hub.set(hub.url, token)
        if trust_province:
            trust_key(
                store, read_key_file(hub.data_dir / "keys" / "office.pub"), "Provinsi Kalimantan Timur", "province"
            )
    return token


def decide_on_page(
    hub: Hub, bundle_id: str, service: str, decision: str, note: str = "", area_notes: dict[str, str] | None = None
) -> None:
    """Approves or returns one report on the province page, logged in with the admin token."""
    with httpx.Client(base_url=hub.url, timeout=30, follow_redirects=True) as browser:
        browser.post("/provinsi/masuk", data={"token": hub.admin_token}).raise_for_status()
        page = browser.get(f"/provinsi/paket/{bundle_id}")
        page.raise_for_status()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        form = {"csrf": csrf, "service": service, "decision": decision, "note": note, "by": "Biro Pemerintahan"}
        form.update({f"note_area_{area}": text for area, text in (area_notes or {}).items()})
        answer = browser.post(f"/provinsi/paket/{bundle_id}/keputusan", data=form)
        answer.raise_for_status()
        assert "ditandatangani" in answer.text, answer.text[:3000]
