"""Report.content_hash() of a report read as FigureRows, without making the Report and its AreaFigures.

The report cache (report_cache.py) hashes each report as it is written, and a rekap hashes those whose
cache is missing. Report.content_hash() builds a dict per row for the JSON encoder; here the same
canonical JSON is written with one format per row: the keys in the same (sorted) order, each text
through the encoder's own string escaping, each whole number as the encoder writes it, None as null.
This holds for values of their columns' own types only (str codes and texts, int or None figures),
which is what reports.canonical_rows checks; any other report is hashed by Report.content_hash()
itself. tests/storage/test_row_hash.py compares the two.
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring
from operator import itemgetter
from typing import TYPE_CHECKING

from desktop.domain.periods import Period
from desktop.domain.reports import FIGURES, TEXTS, AreaFigures, Report, ReportStatus

if TYPE_CHECKING:  # storage.reports reaches this module through the cache: no import cycle at run time
    from desktop.storage.reports import StoredReport

# One row of the canonical JSON, its keys sorted as content_hash sorts them; the arguments are in the
# order of `columns` in _rows_json. None figures are written "None" by %s and made null afterwards.
_ROW = (
    '{"area_code":%s,"budget":%s,"follow_up":%s,"note":%s,"problems":%s,'
    '"quality_met":%s,"quality_required":%s,"served":%s,"spent":%s,"target":%s}'
)
# `"budget":None` is found only where a key is followed by None: inside a JSON string every quote is
# escaped (\"), so no text can hold a quoted key followed by a colon.
_area_code = itemgetter(0)
_EMPTY = (None,) * len(FIGURES) + ("",) * len(TEXTS)  # a canonical empty row, after its area code
_NULLS = tuple((f'"{name}":None', f'"{name}":null') for name in FIGURES)


def content_hash(office_id: str, period: Period, report: StoredReport, canonical: bool) -> str:
    """What Report.content_hash() gives for this report (`canonical`: as reports.canonical_rows says)."""
    if not canonical:
        rows = tuple(AreaFigures(*row) for row in report.rows)
        whole = Report(
            office_id,
            report.service_code,
            period,
            report.catalog_version,
            ReportStatus(report.status),
            report.revision,
            rows,
        )
        return whole.content_hash()
    rows = _rows_json(report.rows)
    for none, null in _NULLS:
        rows = rows.replace(none, null)
    text = (
        f'{{"catalog":{encode_basestring(report.catalog_version)},"office":{encode_basestring(office_id)},'
        f'"period":{encode_basestring(period.key)},"rows":[{rows}],"service":{encode_basestring(report.service_code)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rows_json(rows) -> str:
    """The non-empty rows in area-code order, each as _ROW, joined by commas (None still as None).

    Column by column, so that the loops over rows run in C (map, zip, str.__mod__). In a canonical
    report a row is empty exactly when its figures are None and its texts "".
    """
    kept = sorted((row for row in rows if row[1:] != _EMPTY), key=_area_code)
    if not kept:
        return ""
    area, target, served, required, met, budget, spent, problems, follow_up, note = zip(*kept, strict=True)
    enc = encode_basestring
    columns = (area, budget, follow_up, note, problems, met, required, served, spent, target)
    texts = {0, 2, 3, 4}  # the positions in `columns` of the texts (encoded as JSON strings)
    return ",".join(
        map(_ROW.__mod__, zip(*(map(enc, c) if i in texts else c for i, c in enumerate(columns)), strict=True))
    )
