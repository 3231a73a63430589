"""The row-level list of what stops an Excel import (sheet, row, column, reason), and its file.

The list is written as CSV (UTF-8 with a byte-order mark, so Excel shows the accents right) or, when
the name ends in .xlsx, as a workbook; either appears complete or not at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import Message, Text
from desktop.reports.excel_common import save_workbook
from desktop.storage.durable_files import commit_file
from desktop.storage.errors import translate_os_error

HEADERS = ("Lembar", "Baris", "Kolom", "Alasan")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the workbook: where (sheet, Excel row, column letter) and why.

    `row` and `column` are None when the problem is about a whole sheet or a whole column.
    `label` is the column's name as the forms show it (Terlayani, …), when known.
    """

    sheet: str
    row: int | None
    column: str | None
    message: Message
    label: Text | str | None = None

    def column_text(self, translate: Callable[[str, str], str] | None = None) -> str:
        """ "D (Terlayani)", "D", or "" — the column as the list shows it."""
        if self.column is None:
            return ""
        if self.label is None:
            return self.column
        label = (
            self.label if isinstance(self.label, str) else (translate(*self.label) if translate else self.label.text)
        )
        return f"{self.column} ({label})"

    def location(self, translate: Callable[[str, str], str] | None = None) -> str:
        """ "1.02.01!D7 (Terlayani)" — where, in one piece, for one-line listings."""
        where = self.sheet
        if self.row is not None or self.column is not None:
            where += f"!{self.column or ''}{self.row or ''}"
        if self.label is not None:
            label = (
                self.label
                if isinstance(self.label, str)
                else (translate(*self.label) if translate else self.label.text)
            )
            where += f" ({label})"
        return where

    def as_row(self, translate: Callable[[str, str], str] | None = None) -> tuple[str, str, str, str]:
        """(sheet, row, column, reason) as text."""
        return (
            self.sheet,
            "" if self.row is None else str(self.row),
            self.column_text(translate),
            self.message.format(translate),
        )


def write_problems(
    problems: Sequence[Problem],
    path: Path | str,
    translate: Callable[[str, str], str] | None = None,
    headers: Sequence[str] = HEADERS,
) -> Path:
    """Writes the list to `path` (CSV, or XLSX when the name ends in .xlsx); UserError on a disk failure."""
    final = Path(path)
    rows = [p.as_row(translate) for p in problems]
    if final.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Kesalahan impor"
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for sheet_name, row, column, reason in rows:
            sheet.append([sheet_name, int(row) if row else None, column, reason])
        for letter, width in zip("ABCD", (14, 8, 24, 100), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        return save_workbook(workbook, final)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(headers))
    writer.writerows(rows)
    data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    temporary = final.with_name(f".{final.name}.part")
    try:
        temporary.write_bytes(data)
        commit_file(temporary, final)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, final) from exc
    return final
