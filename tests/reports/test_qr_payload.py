"""The QR payload: compact, documented, and read back exactly."""

from __future__ import annotations

import pytest

from desktop.domain.periods import Period
from desktop.domain.reports import AreaFigures, Report
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
