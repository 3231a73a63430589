"""The blank form for field collection: the areas pre-printed, nothing filled in."""

from __future__ import annotations

import re

import pytest

from desktop.domain.messages import UserError
from desktop.reports.pdf_blank_form import blank_form_pdf
from desktop.storage.signatories import save_signatories
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up

from .helpers import HEAD, fonts, page_count, pdf_text, squeezed


def test_the_blank_form_has_the_areas_and_no_figures(store, key, tmp_path):
    save_signatories(store, HEAD)
    store.reports.set_value(key, "64.11.01", "target", 212)  # figures are never printed on a blank form
    result = blank_form_pdf(store, "1.02.01", tmp_path / "blank.pdf")
    text = squeezed(pdf_text(result.path))
    for line in (
        "PEMERINTAH KABUPATEN MAHAKAM ULU",
        "FORMULIR ISIAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)",
        "1.02.01 Pelayanan kesehatan ibu hamil",
        "Triwulan ........ Tahun ..........",
        "Standar jumlah dan kualitas barang dan/atau jasa",
        "Sasaran Terlayani Disyaratkan Terpenuhi Alokasi Realisasi",
        "1 Long Bagun",
        "5 Long Pahangai",
        "6 Tingkat kabupaten (tidak dirinci)",
        "Jumlah",
        "Mengetahui,",
        HEAD.head_name,
        "Petugas pengumpul data,",
    ):
        assert line in text, line
    assert "212" not in text
    assert all(embedded for _, embedded in fonts(result.path))
    assert f"Halaman 1 dari {page_count(result.path)}" in text


def test_a_period_can_be_printed_on_it(store, tmp_path):
    result = blank_form_pdf(store, "1.02.04", tmp_path / "blank.pdf", PERIOD)
    assert "Triwulan III Tahun 2024" in squeezed(pdf_text(result.path))


def test_desa_rows_are_grouped_by_kecamatan_over_pages(data_dir, tmp_path):
    store = Store.open(data_dir)
    try:
        set_up(store, area_level="desa")
        result = blank_form_pdf(store, "1.02.01", tmp_path / "blank.pdf")
    finally:
        store.close()
    pages = [pdf_text(result.path, p) for p in range(1, result.pages + 1)]
    assert result.pages >= 3
    whole = "\n".join(pages)
    assert whole.count("Kecamatan Long Bagun") == 1 and "Kabupaten Mahakam Ulu" in whole
    assert all("Sasaran" in text for text in pages if re.search(r"^\s+\d+\s+\S", text, re.MULTILINE))
    assert re.search(r"^\s+51\s+Tingkat kabupaten", whole, re.MULTILINE)


def test_another_offices_service_is_refused(store, tmp_path):
    with pytest.raises(UserError, match=r"Layanan 1\.01\.01 tidak termasuk layanan yang dilaporkan Dinas Kesehatan\."):
        blank_form_pdf(store, "1.01.01", tmp_path / "blank.pdf")
