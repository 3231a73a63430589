"""What a report still lacks before the district can count it: figures, evidence, the signed form, submission."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.messages import QT_TRANSLATE_NOOP, Text
from desktop.domain.reports import ReportStatus

MISSING_FIGURES = QT_TRANSLATE_NOOP("Completeness", "angka")
PARTIAL_FIGURES = QT_TRANSLATE_NOOP("Completeness", "angka sebagian wilayah")
MISSING_EVIDENCE = QT_TRANSLATE_NOOP("Completeness", "data dukung")
MISSING_SIGNATURE = QT_TRANSLATE_NOOP("Completeness", "formulir bertanda tangan")
MISSING_SUBMISSION = QT_TRANSLATE_NOOP("Completeness", "pengajuan")


@dataclass(frozen=True)
class Completeness:
    """One office's report of one service in a period, and what it has."""

    office_id: str
    office_name: str
    service_code: str
    status: ReportStatus | None  # None: no report at all yet
    areas_filled: int  # areas with both target and served
    areas_expected: int  # the office's reporting areas (kecamatan or desa)
    evidence: int  # supporting files
    signed_forms: int  # printed forms signed and scanned back

    @property
    def submitted(self) -> bool:
        """Submitted or approved: what the district can count."""
        return self.status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED)

    @property
    def missing(self) -> list[Text]:
        """What is still lacking, in the order an operator would deal with it."""
        found = []
        if self.areas_filled == 0:
            found.append(MISSING_FIGURES)
        elif self.areas_filled < self.areas_expected:
            found.append(PARTIAL_FIGURES)
        if self.evidence == 0:
            found.append(MISSING_EVIDENCE)
        if self.signed_forms == 0:
            found.append(MISSING_SIGNATURE)
        if not self.submitted:
            found.append(MISSING_SUBMISSION)
        return found

    @property
    def complete(self) -> bool:
        """Nothing lacking."""
        return not self.missing
