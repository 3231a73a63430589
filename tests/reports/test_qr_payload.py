"""The QR payload: compact, documented, and read back exactly."""

from __future__ import annotations

import hashlib
import json

import pytest

from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, Report
from desktop.reports.qr_matrix import qr_rows
from desktop.reports.qr_payload import FormPayload, rekap_hash, rekap_payload

OFFICE = "9e55adb3-e422-4791-ac13-33479c77f664"


def report(served: int = 131, service: str = "1.02.01") -> Report:
    return Report(OFFICE, service, Period(2024, 3), "2025.1", revision=2, rows=(AreaFigures("64.11.01", 212, served),))


def test_the_payload_names_office_service_period_revision_and_hash():
    payload = FormPayload.of(report())
    text = payload.text()
    assert text == f"SPM1|{OFFICE}|1.02.01|2024Q3|rev2|{report().content_hash()}"
    assert len(text) < 140  # a small QR code (version 7 at level M) holds it
    assert FormPayload.parse(text) == payload
    assert FormPayload.parse(f"  {text}\n") == payload


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SPM2|a|1.02.01|2024Q3|rev0|" + "0" * 64,
        "SPM1|a|1.02.01|2024Q3|0|" + "0" * 64,
        "SPM1|a|1.02.01|2024Q3|rev0|" + "0" * 63,
        "SPM1|a|1.02.01|2024Q3|revx|" + "0" * 64,
        "SPM1|a|1.02.01|2024Q3|rev0|" + "G" * 64,
        "SPM1|a|1.02.01|rev0|" + "0" * 64,
    ],
)
def test_anything_else_is_not_a_payload(text):
    with pytest.raises(ValueError, match="not an SPM form payload"):
        FormPayload.parse(text)


def test_the_rekap_hash_follows_every_report_in_code_order():
    a, b = report(131, "1.02.01"), report(10, "1.02.04")
    assert rekap_hash([a, b]) == rekap_hash([b, a])
    assert rekap_hash([a, b]) != rekap_hash([report(132, "1.02.01"), b])
    assert rekap_payload(OFFICE, Period(2024, 3), [a, b]) == f"SPM1R|{OFFICE}|2024Q3|{rekap_hash([a, b])}"


def test_the_content_hash_is_the_sha256_of_the_documented_canonical_json():
    rows = (
        AreaFigures("64.11.02", 90, 45, 4, 3, 5_000_000, 1_250_000, "Jalan putus", "Perahu", "catatan é"),
        AreaFigures("64.11.01", 212, 131),
        AreaFigures("64.11.03"),  # empty: not hashed
    )
    subject = Report(OFFICE, "1.02.01", Period(2024, 3), "2025.1", revision=2, rows=rows)
    body = {
        "office": OFFICE,
        "service": "1.02.01",
        "period": "2024Q3",
        "catalog": "2025.1",
        "rows": [rows[1].as_dict(), rows[0].as_dict()],
    }
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert subject.content_hash() == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "payload",
    [
        "SPM1R|9e55adb3-e422-4791-ac13-33479c77f664|2024Q3|" + "ab" * 32,
        f"SPM1|{OFFICE}|1.02.01|2024Q3|rev2|" + "0" * 64,
        "HELLO WORLD",
        "x" * 300,
    ],
)
def test_the_qr_matrix_is_module_for_module_reportlabs_own(payload):
    """Our faster path (Reed-Solomon and mask choice on integers) makes exactly the symbol that
    reportlab's encoder makes, mask included (the lowest ISO/IEC 18004 penalty)."""
    from reportlab.graphics.barcode import qrencoder

    expected = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    expected.addData(payload)
    expected.make()
    size, rows = qr_rows(payload)
    assert size == expected.getModuleCount()
    assert rows == [int("".join("1" if expected.isDark(r, c) else "0" for c in range(size)), 2) for r in range(size)]
