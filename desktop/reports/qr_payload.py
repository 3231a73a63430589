"""What the QR code on a printed form carries: the report's identity and its content hash.

A signed paper form is matched to the exact digital record by scanning it:

    SPM1|<office uuid>|<service code>|<period key>|rev<revision>|<content sha256>
    SPM1|6f1c…-…|1.02.01|2024Q3|rev0|3b5d…(64 hex)

The hash is `Report.content_hash()` (the identity, the catalog version and every non-empty row), so a
figure changed after printing gives another hash. A district rekap carries

    SPM1R|<office uuid>|<period key>|<sha256 over its reports>

where the hash is the SHA-256 of the lines "<service>|rev<revision>|<content sha256>\\n" of every
report with data in the period, in service-code order. See docs/printing.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from desktop.domain.periods import Period
from desktop.domain.reports import Report

FORM_TAG = "SPM1"
REKAP_TAG = "SPM1R"
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class FormPayload:
    """The identity a report form's QR code carries."""

    office_id: str
    service_code: str
    period_key: str
    revision: int
    content_hash: str

    def text(self) -> str:
        """The compact text encoded in the QR code."""
        return "|".join(
            (FORM_TAG, self.office_id, self.service_code, self.period_key, f"rev{self.revision}", self.content_hash)
        )

    @classmethod
    def of(cls, report: Report) -> FormPayload:
        """The payload of a report as it is now."""
        return cls(report.office_id, report.service_code, report.period.key, report.revision, report.content_hash())

    @classmethod
    def parse(cls, text: str) -> FormPayload:
        """Reads a scanned payload; ValueError when it is not one of ours."""
        parts = text.strip().split("|")
        if len(parts) != 6 or parts[0] != FORM_TAG or not parts[4].startswith("rev"):
            raise ValueError(f"not an SPM form payload: {text!r}")
        _, office, service, period_key, revision, content = parts
        if not _HEX64.fullmatch(content) or not revision[3:].isdigit():
            raise ValueError(f"not an SPM form payload: {text!r}")
        Period.parse(period_key)  # raises on a malformed period
        return cls(office, service, period_key, int(revision[3:]), content)


class ReportDigest(NamedTuple):
    """What a rekap's hash takes of each report: its service, revision and content hash."""

    service_code: str
    revision: int
    content_hash: str


def rekap_hash(reports: Iterable[Report]) -> str:
    """SHA-256 over the identity and content hash of the reports a rekap is made of."""
    return rekap_digest_hash(ReportDigest(r.service_code, r.revision, r.content_hash()) for r in reports)


def rekap_digest_hash(digests: Iterable[ReportDigest]) -> str:
    """rekap_hash of reports whose content hashes are known already."""
    digest = hashlib.sha256()
    for item in sorted(digests, key=lambda d: d.service_code):
        digest.update(f"{item.service_code}|rev{item.revision}|{item.content_hash}\n".encode())
    return digest.hexdigest()


def rekap_payload(office_id: str, period: Period, reports: Iterable[Report]) -> str:
    """The text a rekap's QR code carries."""
    return "|".join((REKAP_TAG, office_id, period.key, rekap_hash(reports)))
