"""Reading and checking data/submission.json and data/submission.csv (schema spm-luring/submission/1).

The validator is written by hand: every type, every required key, whole numbers within the
validation limits, codes well formed, every list and text bounded. Keys it does not know are
ignored, so a later release may add fields within schema 1 (docs/bundle-format.md).
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, Text, UserError
from desktop.domain.periods import Period
from desktop.domain.region_codes import is_valid_code
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, ReportStatus
from desktop.domain.validation import MAX_TEXT, check_figure, errors, row_findings
from desktop.exchange.errors import refuse
from desktop.exchange.submission import (
    CSV_COLUMNS,
    EVIDENCE_KINDS,
    MAX_AUDIT,
    MAX_EVIDENCE,
    MAX_NOTES,
    MAX_REPORTS,
    MAX_ROWS,
    MAX_SHORT,
    MAX_SOURCES,
    REVIEW_DECISIONS,
    SCHEMA,
    EvidenceRef,
    OfficeInfo,
    ReportSource,
    ReviewDecision,
    SignerInfo,
    Submission,
    SubmittedReport,
)

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_SERVICE_RE = re.compile(r"[0-9]\.[0-9]{2}\.[0-9]{2}")
_KEY_ID_RE = re.compile(r"[0-9A-F]{16}")
_FINGERPRINT_RE = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){4}")
_EXTENSION_RE = re.compile(r"[a-z0-9]{1,8}")


class _InvalidError(Exception):
    def __init__(self, where: str, problem: Text, code: str = "schema.field"):
        super().__init__(where)
        self.where, self.problem, self.code = where, problem, code


def parse(data: bytes) -> Submission:
    """The submission in submission.json's bytes; BundleError (stage "schema") when it breaks a rule."""
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except _InvalidError as exc:
        raise refuse("schema", exc.code, INVALID, where=exc.where, problem=exc.problem) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse("schema", "schema.json", NOT_JSON) from None
    try:
        return _submission(document)
    except _InvalidError as exc:
        raise refuse("schema", exc.code, INVALID, where=exc.where, problem=exc.problem) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    found = {}
    for key, value in pairs:
        if key in found:
            raise _InvalidError(key[:80], P_DUPLICATE_KEY, "schema.duplicate")
        found[key] = value
    return found


def _no_constants(name: str):
    raise _InvalidError(name, P_NOT_NUMBER)


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise _InvalidError(where, P_OBJECT)
    return value


def _get(obj: dict, key: str, where: str) -> Any:
    if key not in obj:
        raise _InvalidError(f"{where}.{key}", P_MISSING)
    return obj[key]


def _string(value: Any, where: str, limit: int = MAX_SHORT, pattern: re.Pattern | None = None) -> str:
    if not isinstance(value, str):
        raise _InvalidError(where, P_STRING)
    if len(value) > limit:
        raise _InvalidError(where, P_TOO_LONG)
    if pattern is not None and not pattern.fullmatch(value):
        raise _InvalidError(where, P_FORMAT)
    return value


def _optional_string(value: Any, where: str, pattern: re.Pattern | None = None) -> str | None:
    return None if value is None else _string(value, where, pattern=pattern)


def _whole(value: Any, where: str, minimum: int = 0, maximum: int = 2**53) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _InvalidError(where, P_WHOLE)
    if not minimum <= value <= maximum:
        raise _InvalidError(where, P_RANGE)
    return value


def _list(value: Any, where: str, limit: int) -> list:
    if not isinstance(value, list):
        raise _InvalidError(where, P_LIST)
    if len(value) > limit:
        raise _InvalidError(where, P_TOO_MANY)
    return value


def _region(value: Any, where: str) -> str:
    code = _string(value, where, 20)
    if not is_valid_code(code):
        raise _InvalidError(where, P_FORMAT)
    return code


def _submission(doc: Any) -> Submission:
    doc = _object(doc, "$")
    schema = _get(doc, "schema", "$")
    if schema != SCHEMA:
        raise _InvalidError("$.schema", P_SCHEMA, "schema.version")
    office = _object(_get(doc, "office", "$"), "$.office")
    district = _object(_get(office, "district", "$.office"), "$.office.district")
    services = tuple(
        _string(s, f"$.office.services[{i}]", pattern=_SERVICE_RE)
        for i, s in enumerate(_list(_get(office, "services", "$.office"), "$.office.services", 1000))
    )
    area_level = _string(_get(office, "area_level", "$.office"), "$.office.area_level")
    if area_level not in ("kecamatan", "desa"):
        raise _InvalidError("$.office.area_level", P_FORMAT)
    info = OfficeInfo(
        id=_string(_get(office, "id", "$.office"), "$.office.id", pattern=_UUID_RE),
        name=_nonblank(_get(office, "name", "$.office"), "$.office.name"),
        district_code=_region(_get(district, "code", "$.office.district"), "$.office.district.code"),
        district_name=_string(_get(district, "name", "$.office.district"), "$.office.district.name"),
        province_name=_string(_get(office, "province", "$.office"), "$.office.province"),
        area_level=area_level,
        services=services,
    )
    period_doc = _object(_get(doc, "period", "$"), "$.period")
    year = _whole(_get(period_doc, "year", "$.period"), "$.period.year")
    quarter = _whole(_get(period_doc, "quarter", "$.period"), "$.period.quarter")
    try:
        period = Period(year, quarter)
    except UserError:
        raise _InvalidError("$.period", P_RANGE) from None
    if _get(period_doc, "key", "$.period") != period.key:
        raise _InvalidError("$.period.key", P_FORMAT)
    signer = _object(_get(doc, "signer", "$"), "$.signer")
    reports_doc = _list(_get(doc, "reports", "$"), "$.reports", MAX_REPORTS)
    reports = tuple(_report(r, f"$.reports[{i}]") for i, r in enumerate(reports_doc))
    codes = [r.service_code for r in reports]
    if len(set(codes)) != len(codes):
        raise _InvalidError("$.reports", P_DUPLICATE_REPORT, "schema.duplicate")
    if not reports:
        raise _InvalidError("$.reports", P_EMPTY)
    return Submission(
        bundle_id=_string(_get(doc, "bundle_id", "$"), "$.bundle_id", pattern=_UUID_RE),
        created_at=_string(_get(doc, "created_at", "$"), "$.created_at", 40),
        software=_string(_get(doc, "software", "$"), "$.software", 100),
        office=info,
        period=period,
        catalog_version=_string(_get(doc, "catalog_version", "$"), "$.catalog_version", 40),
        signer=SignerInfo(
            key_id=_string(_get(signer, "key_id", "$.signer"), "$.signer.key_id", pattern=_KEY_ID_RE),
            fingerprint=_string(
                _get(signer, "fingerprint", "$.signer"), "$.signer.fingerprint", pattern=_FINGERPRINT_RE
            ),
            operator=_string(_get(signer, "operator", "$.signer"), "$.signer.operator"),
        ),
        reports=reports,
    )


def _nonblank(value: Any, where: str) -> str:
    text = _string(value, where)
    if not text.strip():
        raise _InvalidError(where, P_EMPTY)
    return text


def _report(value: Any, where: str) -> SubmittedReport:
    obj = _object(value, where)
    status = _string(_get(obj, "status", where), f"{where}.status")
    if status not in {s.value for s in ReportStatus}:
        raise _InvalidError(f"{where}.status", P_FORMAT)
    rows_doc = _list(_get(obj, "rows", where), f"{where}.rows", MAX_ROWS)
    rows = tuple(_row(r, f"{where}.rows[{i}]") for i, r in enumerate(rows_doc))
    areas = [r.area_code for r in rows]
    if len(set(areas)) != len(areas):
        raise _InvalidError(f"{where}.rows", P_DUPLICATE_AREA, "schema.duplicate")
    evidence_doc = _list(_get(obj, "evidence", where), f"{where}.evidence", MAX_EVIDENCE)
    evidence = tuple(_evidence(e, f"{where}.evidence[{i}]") for i, e in enumerate(evidence_doc))
    ids = [e.id for e in evidence]
    if len(set(ids)) != len(ids):
        raise _InvalidError(f"{where}.evidence", P_DUPLICATE_EVIDENCE, "schema.duplicate")
    audit_doc = _list(obj.get("audit", []), f"{where}.audit", MAX_AUDIT)
    audit = tuple(_audit(a, f"{where}.audit[{i}]") for i, a in enumerate(audit_doc))
    review = _review(obj["review"], f"{where}.review", status) if "review" in obj else None
    sources = tuple(
        _source(x, f"{where}.sources[{i}]")
        for i, x in enumerate(_list(obj.get("sources", []), f"{where}.sources", MAX_SOURCES))
    )
    return SubmittedReport(
        service_code=_string(_get(obj, "service", where), f"{where}.service", pattern=_SERVICE_RE),
        catalog_version=_string(_get(obj, "catalog_version", where), f"{where}.catalog_version", 40),
        status=status,
        revision=_whole(_get(obj, "revision", where), f"{where}.revision", 1, 10**9),
        revises=_optional_string(_get(obj, "revises", where), f"{where}.revises", _UUID_RE),
        content_hash=_string(_get(obj, "content_hash", where), f"{where}.content_hash", pattern=_HEX64_RE),
        rows=rows,
        evidence=evidence,
        audit=audit,
        review=review,
        sources=sources,
    )


def _source(value: Any, where: str) -> ReportSource:
    obj = _object(value, where)
    return ReportSource(
        office_id=_string(_get(obj, "office_id", where), f"{where}.office_id", pattern=_UUID_RE),
        office_name=_nonblank(_get(obj, "office_name", where), f"{where}.office_name"),
        bundle_id=_string(_get(obj, "bundle_id", where), f"{where}.bundle_id", pattern=_UUID_RE),
        revision=_whole(_get(obj, "revision", where), f"{where}.revision", 1, 10**9),
        content_hash=_string(_get(obj, "content_hash", where), f"{where}.content_hash", pattern=_HEX64_RE),
    )


def _review(value: Any, where: str, status: str) -> ReviewDecision:
    obj = _object(value, where)
    decision = _string(_get(obj, "decision", where), f"{where}.decision")
    if decision not in REVIEW_DECISIONS or decision != status:
        raise _InvalidError(f"{where}.decision", P_FORMAT)
    notes = []
    for i, item in enumerate(_list(_get(obj, "notes", where), f"{where}.notes", MAX_NOTES)):
        note = _object(item, f"{where}.notes[{i}]")
        area = _get(note, "area_code", f"{where}.notes[{i}]")
        area = None if area is None else _region(area, f"{where}.notes[{i}].area_code")
        text = _string(_get(note, "note", f"{where}.notes[{i}]"), f"{where}.notes[{i}].note", MAX_TEXT)
        if not text.strip():
            raise _InvalidError(f"{where}.notes[{i}].note", P_EMPTY)
        notes.append((area, text))
    if decision == "returned" and not notes:
        raise _InvalidError(f"{where}.notes", P_FORMAT)
    return ReviewDecision(
        decision=decision,
        decides=_string(_get(obj, "decides", where), f"{where}.decides", pattern=_UUID_RE),
        notes=tuple(notes),
        at=_string(_get(obj, "at", where), f"{where}.at"),
        by=_string(_get(obj, "by", where), f"{where}.by"),
    )


def _row(value: Any, where: str) -> AreaFigures:
    obj = _object(value, where)
    values: dict[str, Any] = {"area_code": _region(_get(obj, "area_code", where), f"{where}.area_code")}
    for name in FIGURES:
        raw = _get(obj, name, where)
        if raw is not None:
            raw = _whole(raw, f"{where}.{name}")
            try:
                check_figure(name, raw)
            except UserError:
                raise _InvalidError(f"{where}.{name}", P_RANGE) from None
        values[name] = raw
    for name in TEXTS:
        values[name] = _string(_get(obj, name, where), f"{where}.{name}", MAX_TEXT)
    row = AreaFigures(**values)
    if row.is_empty:
        raise _InvalidError(where, P_EMPTY_ROW)
    if errors(row_findings(row)):
        raise _InvalidError(where, P_ROW_RULE)
    return row


def _evidence(value: Any, where: str) -> EvidenceRef:
    obj = _object(value, where)
    path = _string(_get(obj, "path", where), f"{where}.path", 200)
    sha = _string(_get(obj, "sha256", where), f"{where}.sha256", pattern=_HEX64_RE)
    stem, dot, extension = path.removeprefix("data/evidence/").rpartition(".")
    if not path.startswith("data/evidence/") or stem != sha or not dot or not _EXTENSION_RE.fullmatch(extension):
        raise _InvalidError(f"{where}.path", P_FORMAT)
    area = _get(obj, "area_code", where)
    kind = _string(obj.get("kind", "evidence"), f"{where}.kind")
    if kind not in EVIDENCE_KINDS:
        raise _InvalidError(f"{where}.kind", P_FORMAT)
    return EvidenceRef(
        id=_string(_get(obj, "id", where), f"{where}.id", pattern=_UUID_RE),
        area_code=None if area is None else _region(area, f"{where}.area_code"),
        sha256=sha,
        path=path,
        media_type=_string(_get(obj, "media_type", where), f"{where}.media_type", 200),
        extension=extension,
        size=_whole(_get(obj, "size", where), f"{where}.size", 1),
        name=_nonblank(_get(obj, "name", where), f"{where}.name"),
        description=_string(_get(obj, "description", where), f"{where}.description", MAX_TEXT),
        added_at=_string(_get(obj, "added_at", where), f"{where}.added_at", 40),
        added_by=_string(_get(obj, "added_by", where), f"{where}.added_by"),
        kind=kind,
    )


def _audit(value: Any, where: str) -> dict:
    obj = _object(value, where)
    entry = {
        key: _string(_get(obj, key, where), f"{where}.{key}", 1000) for key in ("at", "actor", "action", "subject")
    }
    entry["field"] = _optional_string(_get(obj, "field", where), f"{where}.field")
    for key in ("before", "after"):
        entry[key] = _plain(_get(obj, key, where), f"{where}.{key}", 3)
    return entry


def _plain(value: Any, where: str, depth: int) -> Any:
    """A small JSON value (what the audit log holds): scalars, short texts, shallow lists and objects."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return _string(value, where, MAX_TEXT)
    if depth > 0 and isinstance(value, list):
        return [_plain(v, f"{where}[{i}]", depth - 1) for i, v in enumerate(_list(value, where, 100))]
    if depth > 0 and isinstance(value, dict):
        if len(value) > 50:
            raise _InvalidError(where, P_TOO_MANY)
        return {_string(k, where, 100): _plain(v, f"{where}.{k}", depth - 1) for k, v in value.items()}
    raise _InvalidError(where, P_PLAIN)


def check_csv(data: bytes, submission: Submission) -> None:
    """submission.csv holds exactly the figures and texts of submission.json."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error):
        raise refuse("schema", "schema.csv", CSV_DISAGREES, detail="CSV") from None
    if not rows or tuple(rows[0]) != CSV_COLUMNS:
        raise refuse("schema", "schema.csv", CSV_DISAGREES, detail="header")
    expected = {}
    for report in submission.reports:
        for row in report.rows:
            expected[(report.service_code, row.area_code)] = [
                submission.office.id,
                report.service_code,
                str(submission.period.year),
                str(submission.period.quarter),
                report.status,
                str(report.revision),
                *("" if getattr(row, f) is None else str(getattr(row, f)) for f in FIGURES),
                *(getattr(row, t) for t in TEXTS),
            ]
    found = {}
    index = {name: i for i, name in enumerate(CSV_COLUMNS)}
    compared = ("office_id", "service_code", "year", "quarter", "status", "revision", *FIGURES, *TEXTS)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(CSV_COLUMNS):
            raise refuse("schema", "schema.csv", CSV_DISAGREES, detail=f"line {number}")
        key = (row[index["service_code"]], row[index["area_code"]])
        if key in found:
            raise refuse("schema", "schema.csv", CSV_DISAGREES, detail=f"line {number}")
        found[key] = [row[index[name]] for name in compared]
    if found != expected:
        raise refuse("schema", "schema.csv", CSV_DISAGREES, detail="figures")


INVALID = QT_TRANSLATE_NOOP("BundleCheck", "submission.json tidak sesuai skema di {where}: {problem}.")
NOT_JSON = QT_TRANSLATE_NOOP("BundleCheck", "submission.json bukan JSON UTF-8 yang sah.")
CSV_DISAGREES = QT_TRANSLATE_NOOP(
    "BundleCheck", "submission.csv tidak sama dengan submission.json ({detail}); paket ditolak."
)
P_DUPLICATE_KEY = QT_TRANSLATE_NOOP("BundleCheck", "kunci ganda")
P_NOT_NUMBER = QT_TRANSLATE_NOOP("BundleCheck", "bukan angka yang sah")
P_OBJECT = QT_TRANSLATE_NOOP("BundleCheck", "harus objek")
P_MISSING = QT_TRANSLATE_NOOP("BundleCheck", "wajib ada")
P_STRING = QT_TRANSLATE_NOOP("BundleCheck", "harus teks")
P_TOO_LONG = QT_TRANSLATE_NOOP("BundleCheck", "terlalu panjang")
P_FORMAT = QT_TRANSLATE_NOOP("BundleCheck", "format tidak sah")
P_WHOLE = QT_TRANSLATE_NOOP("BundleCheck", "harus bilangan bulat")
P_RANGE = QT_TRANSLATE_NOOP("BundleCheck", "di luar rentang yang diizinkan")
P_LIST = QT_TRANSLATE_NOOP("BundleCheck", "harus daftar")
P_TOO_MANY = QT_TRANSLATE_NOOP("BundleCheck", "terlalu banyak isi")
P_SCHEMA = QT_TRANSLATE_NOOP("BundleCheck", "skema tidak dikenal (harus spm-luring/submission/1)")
P_DUPLICATE_REPORT = QT_TRANSLATE_NOOP("BundleCheck", "laporan layanan yang sama muncul dua kali")
P_DUPLICATE_AREA = QT_TRANSLATE_NOOP("BundleCheck", "wilayah yang sama muncul dua kali")
P_DUPLICATE_EVIDENCE = QT_TRANSLATE_NOOP("BundleCheck", "data dukung yang sama muncul dua kali")
P_EMPTY = QT_TRANSLATE_NOOP("BundleCheck", "kosong")
P_EMPTY_ROW = QT_TRANSLATE_NOOP("BundleCheck", "baris tanpa isi")
P_ROW_RULE = QT_TRANSLATE_NOOP("BundleCheck", "mutu terpenuhi melebihi mutu yang dipersyaratkan")
P_PLAIN = QT_TRANSLATE_NOOP("BundleCheck", "nilai tidak sah")
