"""Makes docs/screenshots/report-form.png: the first page of a report form from the demo data.

Run: .venv/bin/python build/report_form_png.py   (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "screenshots" / "report-form.png"
sys.path.insert(0, str(HERE))

from demo_data import demo_store  # noqa: E402


def main() -> None:
    """Demo data, the signatories of a Mahakam Ulu health office, then page 1 of the ibu hamil form."""
    from desktop.domain.periods import Period
    from desktop.reports.pdf_report_form import report_pdf
    from desktop.storage.reports import ReportKey
    from desktop.storage.signatories import Signatories, save_signatories
    from desktop.storage.store import Store

    scratch = Path(tempfile.mkdtemp(prefix="spm-form-"))
    store = Store.open(demo_store(scratch / "data"))
    try:
        evidence = scratch / "BA Posyandu Long Apari TW III.pdf"
        evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        key = ReportKey(store.require_installation().office.id, "1.02.01", Period(2024, 3))
        store.evidence.add(key, "64.11.04", [evidence], "Berita acara pelayanan keliling")
        save_signatories(
            store,
            Signatories(
                head_name="dr. Agustinus Lawing, M.Kes.",
                head_nip="197001011995031002",
                head_rank="Pembina Utama Muda (IV/c)",
                place="Ujoh Bilang",
                sign_date=date(2024, 10, 31),
            ),
        )
        pdf = report_pdf(store, Period(2024, 3), scratch / "form.pdf", ["1.02.01"]).path
    finally:
        store.close()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    prefix = OUT.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(prefix)], check=True
    )
    print(OUT)


if __name__ == "__main__":
    main()
