"""The district rekap, read back from the PDF: every service, per field and overall, the index and band."""

from __future__ import annotations

import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import format_percent
from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.reports.pdf_rekap import rekap_pdf
from desktop.reports.qr_payload import REKAP_TAG, rekap_hash
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.summary import period_summary
from tests.conftest import PERIOD

from .helpers import HEAD, fill, fonts, page_count, pdf_text, qr_codes, squeezed


@pytest.fixture
def filled(store, key):
    fill(store, key)
    # A second service with recipients only (no quality items), and Q1 data for the year's rekap.
    balita = ReportKey(key.office_id, "1.02.04", PERIOD)
    store.reports.set_values(balita, [CellEdit("64.11.01", "target", 1010), CellEdit("64.11.01", "served", 505)])
    q1 = ReportKey(key.office_id, "1.02.01", Period(2024, 1))
    store.reports.set_values(q1, [CellEdit("64.11.02", "target", 168), CellEdit("64.11.02", "served", 40)])
    return store


def test_the_rekap_lists_every_service_per_field_with_the_index_and_band(filled, key, tmp_path):
    result = rekap_pdf(filled, 2024, 3, tmp_path / "rekap.pdf")
    assert result.sections == 1 and result.pages == page_count(result.path)
    text = squeezed(pdf_text(result.path))
    summary = period_summary(filled.reports, filled.installation.office, PERIOD)
    catalog = load_catalog()
    for line in (
        "REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)",
        "KABUPATEN MAHAKAM ULU",
        "TRIWULAN III TAHUN 2024",
        "12 dilaporkan, 2 memiliki data yang dinilai",
    ):
        assert line in text, line
    for service in catalog.services_for(["1.02"]):  # every service of the office, with or without data
        assert f"{service.code} {service.name[:30]}" in text, service.code
    # 1.02.01: 68,18 % recipients, 49/60 quality, score 70,88; 1.02.04: 50 % recipients, score 50,00.
    assert "1.02.01 Pelayanan kesehatan ibu hamil 572 390 182 68,18 % 49 / 60 81,67 %" in text
    assert "1.886.000.000 1.257.504.500 66,68 % 70,88" in text
    assert "1.02.04 Pelayanan kesehatan balita 1.010 505 505 50,00 %" in text
    field_score = format_percent(summary.fields[0].score).removesuffix(" %")
    assert f"1.02 Kesehatan {field_score}" in text
    assert summary.index is not None and round(summary.index, 2) == 60.44
    assert "Indeks Pencapaian SPM (IP SPM) Kabupaten Mahakam Ulu 60,44 %" in text
    assert "Kategori TUNTAS MUDA" in text
    assert "Nilai layanan = 80 % × capaian penerima + 20 % × capaian mutu" in text
    assert "Tuntas Paripurna ≥ 100" in text and "Belum Tuntas < 60" in text
    for line in ("Mengetahui,", HEAD.head_name, "NIP 19700101 199503 1 002", "Ujoh Bilang, 31 Oktober 2024"):
        assert line in text
    assert f"Halaman 1 dari {result.pages}" in text
    assert all(embedded for _, embedded in fonts(result.path))


def test_the_rekap_qr_code_covers_its_reports(filled, key, tmp_path):
    result = rekap_pdf(filled, 2024, 3, tmp_path / "rekap.pdf")
    codes = [c for p in range(1, result.pages + 1) for c in qr_codes(result.path, p, tmp_path)]
    reports = [filled.reports.get(ReportKey(key.office_id, s, PERIOD)) for s in ("1.02.01", "1.02.04")]
    assert codes == [f"{REKAP_TAG}|{key.office_id}|2024Q3|{rekap_hash(reports)}"]


def test_the_years_rekap_has_each_quarter_with_data(filled, tmp_path):
    result = rekap_pdf(filled, 2024, None, tmp_path / "year.pdf")
    assert result.sections == 2  # Q1 and Q3 have data; Q2 and Q4 none
    pages = [pdf_text(result.path, p) for p in range(1, result.pages + 1)]
    firsts = [i for i, text in enumerate(pages) if "REKAPITULASI CAPAIAN" in text]
    assert ["TRIWULAN I TAHUN 2024" in pages[firsts[0]], "TRIWULAN III TAHUN 2024" in pages[firsts[1]]] == [True, True]
    assert "Halaman 1 dari" in pages[firsts[1]]


def test_a_rekap_without_data_is_explained(store, tmp_path):
    with pytest.raises(UserError, match=r"Belum ada data untuk Triwulan III 2024; rekap tidak dapat dicetak\."):
        rekap_pdf(store, 2024, 3, tmp_path / "r.pdf")
    with pytest.raises(UserError, match=r"Belum ada data untuk 2023; rekap tidak dapat dicetak\."):
        rekap_pdf(store, 2023, None, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
