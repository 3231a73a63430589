"""Helpers for the bundle tests: filled data folders, database snapshots, and bundle surgery.

Surgery rebuilds a bundle's ZIP with some entries changed; `resign` recomputes what a forger with
the key would (manifest, Payload-Oxum, tag manifest, signature), so a test reaches the stage it
aims at instead of being stopped by an earlier one.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report
from desktop.exchange import bag
from desktop.exchange.keys import OfficeSigner
from desktop.exchange.submission import CSV_COLUMNS
from desktop.storage.data_dir import DB_NAME, EVIDENCE_DIR
from desktop.storage.reports import CellEdit, ReportKey

PASSPHRASE = "kata sandi kantor 2024"
ORDER = (
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "tagmanifest-sha256.txt.minisig",
)


# --- data -----------------------------------------------------------------------------------------


def fill(store, period: Period, files: dict[str, Path]) -> None:
    """Figures for two health services, and evidence: a PDF on a kecamatan and a PNG on the whole report."""
    office = store.require_installation().office
    first = ReportKey(office.id, "1.02.01", period)
    store.reports.set_values(
        first,
        [
            CellEdit("64.11.01", "target", 212),
            CellEdit("64.11.01", "served", 131),
            CellEdit("64.11.01", "quality_required", 12),
            CellEdit("64.11.01", "quality_met", 10),
            CellEdit("64.11.02", "target", 180),
            CellEdit("64.11.02", "served", 150),
            CellEdit("64.11.02", "budget", 247_000_000),
            CellEdit("64.11.02", "spent", 73_984_000),
        ],
    )
    second = ReportKey(office.id, "1.02.02", period)
    store.reports.set_values(
        second,
        [
            CellEdit("64.11.03", "target", 95),
            CellEdit("64.11.03", "served", 90),
            CellEdit("64.11.03", "problems", 'Akses sungai terbatas; "kemarau", 3 kampung'),
            CellEdit("64.11", "target", 10),
        ],
    )
    store.evidence.add(first, "64.11.01", [files["pdf"]], "Berita acara")
    store.evidence.add(first, None, [files["png"]], "Foto kegiatan")


def copy_folder(template: Path, target: Path) -> Path:
    """A copy of a closed data folder (database, evidence, keys)."""
    shutil.copytree(template, target)
    return target


def snapshot(folder: Path) -> dict:
    """Everything a test can compare: every table's rows, and the evidence files with their hashes."""
    tables = {}
    with closing(sqlite3.connect(Path(folder) / DB_NAME)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
        for name in names:
            tables[name] = sorted(repr(r) for r in conn.execute(f"SELECT * FROM {name}"))
    root = Path(folder) / EVIDENCE_DIR
    files = (
        {
            p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }
        if root.exists()
        else {}
    )
    return {"tables": tables, "files": files}


def remote_reports(store, office_id: str, period: Period) -> dict:
    """An office's reports as stored here: rows, status, revision, evidence (id, sha, name) per service."""
    found = {}
    for code in [
        r[0]
        for r in store.database.conn.execute(
            "SELECT service_code FROM reports WHERE office_id = ? AND year = ? AND quarter = ? ORDER BY service_code",
            (office_id, period.year, period.quarter),
        )
    ]:
        key = ReportKey(office_id, code, period)
        report = store.reports.get(key)
        found[code] = {
            "rows": [r for r in report.rows if not r.is_empty],
            "status": report.status.value,
            "revision": report.revision,
            "evidence": sorted((e.id, e.sha256, e.original_name, e.area_code) for e in store.evidence.list(key)),
        }
    return found


# --- bundle surgery ----------------------------------------------------------------------------------


def entries(path: Path) -> dict[str, bytes]:
    """A bundle's entries in order (name -> bytes)."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, items, compression: int = zipfile.ZIP_STORED) -> Path:
    """Writes entries (name or ZipInfo, bytes) as given, duplicates and all."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some tests want
        with zipfile.ZipFile(path, "w", compression) as archive:
            items = items.items() if isinstance(items, dict) else items
            for name, data in items:
                archive.writestr(name, data)
    return path


def resign(
    items: dict[str, bytes],
    signer: OfficeSigner,
    *,
    manifest: bool = True,
    tagmanifest: bool = True,
    bundle_id: str | None = None,
    oxum: bool = True,
) -> dict[str, bytes]:
    """Recomputes the manifest, Payload-Oxum, tag manifest and signature of changed entries."""
    items = dict(items)
    payload = {n: d for n, d in items.items() if n.startswith("data/")}
    if manifest:
        items["manifest-sha256.txt"] = bag.format_manifest(
            (n, hashlib.sha256(d).hexdigest()) for n, d in payload.items()
        )
    if oxum:
        info = bag.parse_bag_info(items["bag-info.txt"])
        total = sum(len(d) for d in payload.values())
        info = [(k, f"{total}.{len(payload)}" if k == "Payload-Oxum" else v) for k, v in info]
        items["bag-info.txt"] = bag.format_bag_info(info)
    if tagmanifest:
        items["tagmanifest-sha256.txt"] = bag.format_manifest(
            (n, hashlib.sha256(items[n]).hexdigest()) for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
        )
    if bundle_id is None:
        info = dict(bag.parse_bag_info(items["bag-info.txt"]))
        bundle_id = info["External-Identifier"]
    tag = items["tagmanifest-sha256.txt"]
    comment = (
        f"spm-luring-bundle:1\tbundle:{bundle_id}\ttagmanifest-sha256:{hashlib.sha256(tag).hexdigest()}"
        f"\ttimestamp:{int(datetime.now().timestamp())}"
    )
    items["tagmanifest-sha256.txt.minisig"] = signer.sign(tag, comment)
    return {n: items[n] for n in (*ORDER, *[k for k in items if k not in ORDER])}


def rewrite_submission(
    items: dict[str, bytes], change: Callable[[dict], None], *, hashes: bool = True, csv_too: bool = True
) -> dict[str, bytes]:
    """Edits submission.json's document in place, then (by default) recomputes each report's content
    hash and rewrites the CSV to match, as a forger would."""
    document = json.loads(items["data/submission.json"])
    change(document)
    period = Period(document["period"]["year"], document["period"]["quarter"])
    if hashes:
        for report in document["reports"]:
            report["content_hash"] = Report(
                document["office"]["id"],
                report["service"],
                period,
                report["catalog_version"],
                rows=tuple(AreaFigures(**row) for row in report["rows"]),
            ).content_hash()
    items = dict(items)
    items["data/submission.json"] = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    if csv_too:
        items["data/submission.csv"] = csv_of(document)
    return items


def csv_of(document: dict) -> bytes:
    """submission.csv for a (possibly edited) document."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for report in document["reports"]:
        for row in report["rows"]:
            writer.writerow(
                [
                    document["office"]["id"],
                    document["office"]["name"],
                    report["service"],
                    "",
                    document["period"]["year"],
                    document["period"]["quarter"],
                    report["status"],
                    report["revision"],
                    row["area_code"],
                    "",
                    *("" if row[f] is None else row[f] for f in FIGURES),
                    *(row[t] for t in TEXTS),
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
