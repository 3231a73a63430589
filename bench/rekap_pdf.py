"""The district rekap PDF for a full year, as a ratio to a bare reportlab build of the same tables.

"A full year" is the rekap of each of the four quarters of 2024, one after another in one PDF, as
`spm-luring rekap-pdf --year 2024` writes it: 29 services over the 40 kecamatan of Kabupaten Bogor
(every service and kecamatan filled). Ours runs end to end: reading the store, scoring, laying out
(texts, repeated headers, letterhead, signatures, QR code, "Halaman x dari y") and the atomic
write. The baseline is a bare SimpleDocTemplate with one plain-string Table per quarter holding the
same cell texts, the same embedded font and page size, with reportlab's default settings, written
to a file: what any reportlab PDF of this content costs. Both are measured in the same process, interleaved; the figure is the median.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import median_seconds, peak_rss_mb, report
from bench.fixtures import ten_year_store

RUNS = 7
YEAR = 2024


def table_texts(rekaps) -> list[list[list[str]]]:
    """The cell texts of each quarter's table (headings, field rows, service rows), exactly as ours prints them."""
    from desktop.reports.pdf_rekap import rekap_rows

    return [rekap_rows(rekap)[0] for rekap in rekaps]


def bare_build(path: Path, tables: list[list[list[str]]]) -> None:
    """A plain reportlab document of the same tables: no paragraphs, no page decoration."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from desktop.reports.pdf_fonts import register_fonts
    from desktop.reports.pdf_rekap import COLUMN_WIDTHS

    regular, _bold = register_fonts()
    rl_config.useA85 = 1  # reportlab's default (ours turns it off: see build_pdf)
    story = []
    for index, rows in enumerate(tables):
        if index:
            story.append(PageBreak())
        table = Table(rows, colWidths=COLUMN_WIDTHS, repeatRows=2)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), regular),
                    ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ("GRID", (0, 0), (-1, -1), 0.5, "grey"),
                ]
            )
        )
        story.append(table)
    document = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm)
    document.build(story)


def main() -> None:
    """Builds a year of data, then times ours (end to end, and its layout alone) and the baseline."""
    from desktop.reports.pdf_fonts import register_fonts
    from desktop.reports.pdf_rekap import collect_rekaps, rekap_pdf, write_rekaps
    from desktop.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="spm-bench-", dir=Path(__file__).parent) as tmp:
        folder = Path(tmp)
        ten_year_store(folder / "data", last_year=YEAR, years=1)
        register_fonts()  # both sides use the same embedded fonts; loading them once is not the figure
        with Store.open(folder / "data", readonly=True) as store:
            rekaps = collect_rekaps(store, YEAR)
            tables = table_texts(rekaps)
            results = {}

            def ours() -> None:
                results["ours"] = rekap_pdf(store, YEAR, None, folder / "ours.pdf")

            def bare() -> None:
                bare_build(folder / "bare.pdf", tables)

            ours(), bare()  # warm-up: imports, caches
            base_a = median_seconds(bare, RUNS)
            mine = median_seconds(ours, RUNS)
            reading = median_seconds(lambda: collect_rekaps(store, YEAR), RUNS)
            layout = median_seconds(lambda: write_rekaps(folder / "layout.pdf", rekaps), RUNS)
            base_b = median_seconds(bare, RUNS)
        baseline = min(base_a, base_b)
        result = results["ours"]
        report(
            "rekap_pdf",
            mine * 1000,
            baseline * 1000,
            "ms",
            "<= 1.5x",
            {
                "read_and_hash_ms": round(reading * 1000, 1),
                "layout_and_write_ms": round(layout * 1000, 1),
                "layout_ratio": round(layout / baseline, 2),
                "quarters": result.sections,
                "pages": result.pages,
                "pdf_kb": round((folder / "ours.pdf").stat().st_size / 1024),
                "peak_rss_mb": round(peak_rss_mb(), 1),
            },
        )


if __name__ == "__main__":
    sys.exit(main())
