"""`spm-luring self-test`: checks an installed copy end to end in a minute, in a temporary folder.

Each check is a function that returns a short detail or raises; the command prints one line per
check and succeeds only when all pass. Nothing of the user's data or settings is touched: every
check works in its own temporary data folder.
"""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, Text, UserError
from desktop.domain.periods import Period

PERIOD = Period(2024, 3)
DISTRICT = "64.11"  # Kabupaten Mahakam Ulu
PASSPHRASE = "uji mandiri spm luring"


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: its name, whether it passed, and a detail or the reason it failed."""

    name: Text
    ok: bool
    detail: str


def set_up_office(folder: Path, office: str = "Dinas Kesehatan"):
    """A store in `folder`, set up as a Mahakam Ulu office, with a few figures for PERIOD (open; close it)."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.regions import shipped_regions
    from desktop.storage.reports import CellEdit, ReportKey
    from desktop.storage.store import Store

    catalog = load_catalog()
    store = Store.open(folder)
    try:
        store.installation_repo.initialize(
            catalog=catalog,
            regions=shipped_regions(),
            district_code=DISTRICT,
            office_name=office,
            operator_name="Uji Mandiri",
            services=[s.code for s in catalog.services_for(["1.02"])],
        )
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        store.reports.set_values(key, [CellEdit("64.11.01", "target", 212), CellEdit("64.11.01", "served", 131)])
    except BaseException:
        store.close()
        raise
    return store


def check_resources(_work: Path) -> str:
    """The catalog, the region codes, the fonts and the compiled translations are where the app looks."""
    from desktop.domain.catalog import load_catalog
    from desktop.domain.regions import shipped_regions
    from desktop.domain.resource_files import resource

    catalog = load_catalog()
    region = shipped_regions().get(DISTRICT)
    if region is None:
        raise RuntimeError(f"region {DISTRICT} missing")
    missing = [
        name
        for name in ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "i18n/spm_luring_en.qm")
        if not resource(*name.split("/")).is_file()
    ]
    if missing:
        raise RuntimeError("missing: " + ", ".join(missing))
    return f"katalog {catalog.version}, {region.name}, {resources_root()}"


def resources_root() -> str:
    """The resources folder in use (a frozen build's own, or the source tree's)."""
    from desktop.domain.resource_files import resources_dir

    return str(resources_dir())


def check_database(work: Path) -> str:
    """A new database: created, migrated, set up, figures written and scored, audit chain intact."""
    from desktop.domain.formatting import format_percent
    from desktop.storage.summary import period_summary

    store = set_up_office(work / "database")
    try:
        installation = store.require_installation()
        result = period_summary(store.reports, installation.office, PERIOD)
        verdict = store.audit.verify()
        if not verdict.ok:
            raise RuntimeError("audit chain broken")
        if result.index is None:
            raise RuntimeError("no index computed")
        return f"skema {store.database.user_version}, indeks {format_percent(result.index)}"
    finally:
        store.close()


def check_bundle(work: Path) -> str:
    """An office signs and exports a bundle; a district that trusts its key verifies and imports it."""
    from desktop.exchange.export import export_bundle
    from desktop.exchange.import_bundle import apply_import, plan_import
    from desktop.exchange.trust import create_office_key, export_public_key, read_key_file, trust_key
    from desktop.exchange.verify import trust_of_store, verify_bundle
    from desktop.reports.pdf_report_form import report_pdf
    from desktop.storage.reports import ReportKey

    office = set_up_office(work / "office")
    try:
        # Evidence travels too: the quarter's own form, attached as a PDF.
        report_pdf(office, PERIOD, work / "bukti.pdf")
        key = ReportKey(office.require_installation().office.id, "1.02.01", PERIOD)
        office.evidence.add(key, "64.11.01", [work / "bukti.pdf"], "Uji mandiri")
        create_office_key(office, PASSPHRASE)
        export_public_key(office, work / "office.pub")
        exported = export_bundle(office, PERIOD, work / "uji.spmb", PASSPHRASE)
    finally:
        office.close()
    district = set_up_office(work / "district", office="Sekretariat Daerah")
    try:
        trust_key(district, read_key_file(work / "office.pub"), "Dinas Kesehatan", "office")
        with verify_bundle(exported.path, trust_of_store(district), work_dir=work / "incoming") as verified:
            plan = plan_import(district, verified)
            result = apply_import(district, plan)
        if result.added != 1 or result.evidence_files_copied != 1:
            raise RuntimeError(f"imported {result.added} reports, {result.evidence_files_copied} evidence files")
        return f"{exported.file_size} B, {result.message}"
    finally:
        district.close()


def check_pdf(work: Path) -> str:
    """The quarter's report form is rendered with the shipped fonts."""
    from desktop.reports.pdf_report_form import report_pdf

    store = set_up_office(work / "pdf")
    try:
        result = report_pdf(store, PERIOD, work / "formulir.pdf")
    finally:
        store.close()
    head = (work / "formulir.pdf").read_bytes()[:5]
    if head != b"%PDF-":
        raise RuntimeError("not a PDF")
    return f"{result.pages} halaman"


def check_excel(work: Path) -> str:
    """A template is made, filled as an operator would (openpyxl) and read back (calamine, zlib-ng)."""
    import openpyxl

    from desktop.reports.excel_common import COLUMN_NUMBER, HEADER_ROW
    from desktop.reports.excel_import import apply_plan, plan_import
    from desktop.reports.excel_template import make_template
    from desktop.storage.reports import ReportKey

    store = set_up_office(work / "excel")
    try:
        template = make_template(store, PERIOD, work / "templat.xlsx", ["1.02.01"])
        workbook = openpyxl.load_workbook(template)
        workbook["1.02.01"].cell(HEADER_ROW + 1, COLUMN_NUMBER["served"], 150)  # 64.11.01, the first area
        workbook.save(work / "isian.xlsx")
        plan = plan_import(store, work / "isian.xlsx")
        if not plan.ok:
            raise RuntimeError(plan.problems[0].message.format())
        apply_plan(store, plan)
        row = store.reports.get(ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)).rows[0]
    finally:
        store.close()
    if (row.area_code, row.served) != ("64.11.01", 150):
        raise RuntimeError(f"{row.area_code}: {row.served}")
    return f"{plan.cells_changed} sel"


def check_backup(work: Path) -> str:
    """A backup is written and verified, then restored into an empty folder."""
    from desktop.storage.backup import create_backup
    from desktop.storage.restore import restore_backup

    set_up_office(work / "original").close()
    made = create_backup(work / "original", work / "stick")
    restore_backup(made.path, work / "restored")
    return f"{len(made.manifest.files)} berkas"


def check_window(work: Path) -> str:
    """The main window opens and closes (offscreen unless a display platform is chosen)."""
    from desktop.ui.self_check import open_and_close_window

    store = set_up_office(work / "window")
    try:
        return open_and_close_window(store, work / "settings")
    finally:
        store.close()


def check_hub_client(work: Path) -> str:
    """The hub client (httpx, its TLS certificates) greets and uploads to a stand-in hub on 127.0.0.1."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from desktop.sync.hub_client import HubClient
    from desktop.sync.upload import UploadItem, UploadOutcome, upload_bundle

    received = bytearray()

    class StandIn(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(200, b'{"service": "spm-hub", "api": 1, "province": {}}', {"Content-Type": "application/json"})

        def do_POST(self) -> None:
            self._answer(201, b"", {"Location": "/api/v1/uploads/uji"})

        def do_PATCH(self) -> None:
            received.extend(self.rfile.read(int(self.headers["Content-Length"])))
            self._answer(204, b"", {"Upload-Offset": str(len(received))})

        def _answer(self, status: int, body: bytes, headers: dict) -> None:
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:  # quiet
            pass

    payload = work / "uji.spmb"
    payload.write_bytes(b"SPM Luring uji mandiri " * 4096)
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with HubClient(f"http://127.0.0.1:{server.server_address[1]}", "uji") as client:
            client.hello()
            item = UploadItem(payload, "00000000-0000-4000-8000-000000000000", "0" * 64, payload.stat().st_size)
            outcome = upload_bundle(client, item, lambda _url, _offset: None)
    finally:
        server.shutdown()
        server.server_close()
    if outcome is not UploadOutcome.SENT or bytes(received) != payload.read_bytes():
        raise RuntimeError("unggahan uji tidak utuh")
    return f"{len(received)} bita"


CHECKS: list[tuple[Text, Callable[[Path], str]]] = [
    (QT_TRANSLATE_NOOP("SelfTest", "Berkas bawaan (katalog, wilayah, huruf, terjemahan)"), check_resources),
    (QT_TRANSLATE_NOOP("SelfTest", "Basis data sementara"), check_database),
    (QT_TRANSLATE_NOOP("SelfTest", "Paket laporan: ekspor, verifikasi, impor"), check_bundle),
    (QT_TRANSLATE_NOOP("SelfTest", "Formulir PDF"), check_pdf),
    (QT_TRANSLATE_NOOP("SelfTest", "Templat dan impor Excel"), check_excel),
    (QT_TRANSLATE_NOOP("SelfTest", "Cadangan dan pemulihan"), check_backup),
    (QT_TRANSLATE_NOOP("SelfTest", "Sambungan ke hub provinsi (unggah uji)"), check_hub_client),
    (QT_TRANSLATE_NOOP("SelfTest", "Jendela aplikasi"), check_window),
]


def run_checks(report: Callable[[CheckResult], None]) -> list[CheckResult]:
    """Runs every check in its own temporary folder, calling `report` after each."""
    results = []
    for name, check in CHECKS:
        with tempfile.TemporaryDirectory(prefix="spm-luring-uji-") as tmp:
            try:
                result = CheckResult(name, True, check(Path(tmp)))
            except UserError as exc:
                result = CheckResult(name, False, str(exc))
            except Exception as exc:  # a broken install shows as a failed check, with where it broke
                where = traceback.extract_tb(exc.__traceback__)[-1]
                result = CheckResult(
                    name, False, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
                )
        results.append(result)
        report(result)
    return results
