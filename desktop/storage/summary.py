"""The quarter's summary: an office's stored figures scored by the domain rules."""

from __future__ import annotations

from desktop.domain.catalog import load_catalog
from desktop.domain.periods import Period
from desktop.domain.scoring import DistrictScore, score_district
from desktop.storage.installation import Office
from desktop.storage.reports import ReportRepository


def period_summary(reports: ReportRepository, office: Office, period: Period) -> DistrictScore:
    """Achievement per service and field, the index and band, over the services the office reports."""
    return score_district(load_catalog(), reports.rows_by_service(office.id, period), office.services)
