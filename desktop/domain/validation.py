"""Checks of what an operator types: errors refuse an edit, warnings flag a row for explanation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Text, UserError, user_error
from desktop.domain.reports import FIGURES, MONEY, TEXTS, AreaFigures

# Headcounts above a billion are a typing slip (Indonesia has 280 million people); rupiah go higher.
MAX_COUNT = 999_999_999
MAX_MONEY = 999_999_999_999_999
MAX_TEXT = 4000


# Column names as the messages show them.
COLUMN_LABELS: dict[str, Text] = {
    "target": QT_TRANSLATE_NOOP("Column", "Sasaran"),
    "served": QT_TRANSLATE_NOOP("Column", "Terlayani"),
    "quality_required": QT_TRANSLATE_NOOP("Column", "Mutu dipersyaratkan"),
    "quality_met": QT_TRANSLATE_NOOP("Column", "Mutu terpenuhi"),
    "budget": QT_TRANSLATE_NOOP("Column", "Anggaran (Rp)"),
    "spent": QT_TRANSLATE_NOOP("Column", "Realisasi (Rp)"),
    "problems": QT_TRANSLATE_NOOP("Column", "Permasalahan"),
    "follow_up": QT_TRANSLATE_NOOP("Column", "Tindak lanjut"),
    "note": QT_TRANSLATE_NOOP("Column", "Catatan"),
}

# "1.234.567" (Indonesian grouping), "1 234 567" or plain digits.
_GROUPED = re.compile(r"\d{1,3}(?:[.\s]\d{3})+")


class Severity(StrEnum):
    """An error refuses the edit; a warning is saved and shown beside the row."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing wrong or worth explaining in a row."""

    severity: Severity
    column: str
    message: Message


def parse_figure(column: str, text: str | int | None) -> int | None:
    """Reads a whole number as typed or pasted ("1.234", "1234", ""); raises UserError otherwise."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise _not_a_number(column, text)
    if isinstance(text, int):
        value = text
    else:
        cleaned = str(text).strip().replace("\u00a0", " ")
        if cleaned.lower().startswith("rp"):
            cleaned = cleaned[2:].strip()
        if cleaned in ("", "-"):
            return None
        negative = cleaned.startswith("-")
        digits = cleaned.lstrip("-").strip()
        try:  # int() refuses some str.isdigit() digits ("²") and texts over 4300 digits: not a number either
            if digits.isdigit():
                value = int(digits)
            elif _GROUPED.fullmatch(digits):
                value = int(re.sub(r"[.\s]", "", digits))
            elif re.fullmatch(r"\d+,0+", digits):  # "12,00" from a spreadsheet cell formatted with decimals
                value = int(digits.split(",")[0])
            else:
                raise ValueError(digits)
        except ValueError:
            raise _not_a_number(column, text) from None
        if negative:
            value = -value
    check_figure(column, value)
    return value


def _not_a_number(column: str, text) -> Exception:
    return user_error(
        QT_TRANSLATE_NOOP(
            "Validation", "{column}: '{text}' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250."
        ),
        column=COLUMN_LABELS[column],
        text=text,
    )


def check_figure(column: str, value: int | None) -> None:
    """Refuses a negative or implausibly large whole number."""
    if value is None:
        return
    if column not in FIGURES:
        raise KeyError(column)
    if value < 0:
        raise user_error(
            QT_TRANSLATE_NOOP("Validation", "{column} tidak boleh negatif ({value})."),
            column=COLUMN_LABELS[column],
            value=value,
        )
    limit = MAX_MONEY if column in MONEY else MAX_COUNT
    if value > limit:
        raise user_error(
            QT_TRANSLATE_NOOP("Validation", "{column} terlalu besar ({value}); periksa kembali angkanya."),
            column=COLUMN_LABELS[column],
            value=value,
        )


def check_text(column: str, value: str) -> None:
    """Refuses an over-long text."""
    if column not in TEXTS:
        raise KeyError(column)
    if len(value) > MAX_TEXT:
        raise user_error(
            QT_TRANSLATE_NOOP("Validation", "{column} terlalu panjang ({length} karakter, paling banyak {limit})."),
            column=COLUMN_LABELS[column],
            length=len(value),
            limit=MAX_TEXT,
        )


def row_findings(row: AreaFigures, previous: AreaFigures | None = None) -> list[Finding]:
    """Everything wrong (errors) or worth explaining (warnings) in a row.

    `previous` is the same area's row in the quarter before, in the same year: figures are
    cumulative, so a served count that goes down is flagged.
    """
    # Each rule reads its figures once and builds nothing unless it fires: an Excel import asks this of
    # every one of 100,000 rows, nearly all of which have nothing to say.
    found: list[Finding] = []
    met, required = row.quality_met, row.quality_required
    if met is not None and required is not None and met > required:
        found.append(_finding(Severity.ERROR, "quality_met", _MET_ABOVE_REQUIRED, met=met, required=required))
    served, target = row.served, row.target
    if served is not None and target is not None and served > target:
        if target == 0:
            found.append(_finding(Severity.WARNING, "served", _SERVED_WITHOUT_APPLICABLE_TARGET, served=served))
        else:
            found.append(_finding(Severity.WARNING, "served", _SERVED_ABOVE_TARGET, served=served, target=target))
    if served is not None and target is None:
        found.append(_finding(Severity.WARNING, "target", _SERVED_WITHOUT_TARGET))
    spent, budget = row.spent, row.budget
    if spent is not None and budget is not None and spent > budget:
        found.append(_finding(Severity.WARNING, "spent", _SPENT_ABOVE_BUDGET))
    if previous is not None:
        for column, now in (("served", served), ("spent", spent)):
            before = getattr(previous, column)
            if now is not None and before is not None and now < before:
                found.append(
                    _finding(
                        Severity.WARNING,
                        column,
                        _BELOW_PREVIOUS_QUARTER,
                        column=COLUMN_LABELS[column],
                        now=now,
                        before=before,
                    )
                )
    return found


def _finding(severity: Severity, flagged: str, text: Text, /, **params) -> Finding:
    return Finding(severity, flagged, Message(text, params))


_MET_ABOVE_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "Mutu terpenuhi ({met}) melebihi mutu yang dipersyaratkan ({required})."
)
_SERVED_WITHOUT_APPLICABLE_TARGET = QT_TRANSLATE_NOOP(
    "Validation", "Sasaran 0 (tidak berlaku) tetapi terlayani {served}; jelaskan di Permasalahan."
)
_SERVED_ABOVE_TARGET = QT_TRANSLATE_NOOP(
    "Validation", "Terlayani ({served}) melebihi sasaran ({target}); jelaskan di Permasalahan."
)
_SERVED_WITHOUT_TARGET = QT_TRANSLATE_NOOP(
    "Validation", "Terlayani sudah diisi tetapi sasaran belum; baris ini belum dihitung dalam capaian."
)
_SPENT_ABOVE_BUDGET = QT_TRANSLATE_NOOP("Validation", "Realisasi melebihi anggaran; jelaskan di Permasalahan.")
_BELOW_PREVIOUS_QUARTER = QT_TRANSLATE_NOOP(
    "Validation",
    "{column} ({now}) lebih kecil dari triwulan sebelumnya ({before}); angka triwulan bersifat kumulatif.",
)


def errors(findings: list[Finding]) -> list[Finding]:
    """Only the findings that refuse an edit."""
    return [f for f in findings if f.severity is Severity.ERROR]


def set_column(row: AreaFigures, column: str, value) -> AreaFigures:
    """The row with one column parsed and set; row-wide rules are left to `row_findings`."""
    if column in FIGURES:
        return row.with_value(column, parse_figure(column, value))
    if column in TEXTS:
        text = "" if value is None else str(value).strip()
        check_text(column, text)
        return row.with_value(column, text)
    raise KeyError(column)


def apply_edit(row: AreaFigures, column: str, value) -> AreaFigures:
    """The row with one column set, after checking it; raises UserError if the edit is refused."""
    changed = set_column(row, column, value)
    refused = errors(row_findings(changed))
    if refused:
        raise UserError(refused[0].message)
    return changed
