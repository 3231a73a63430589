"""The e-SPM rekap workbook, read back with openpyxl and compared with the quarter's summary."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.domain.catalog import load_catalog
from desktop.domain.formatting import round_half_up
from desktop.domain.periods import Period
from desktop.reports.excel_rekap import SHEET, export_rekap
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.summary import period_summary
from tests.conftest import PERIOD

SECTIONS = {
    "A. Penerima pelayanan dasar": ["Jumlah yang harus dilayani", "Jumlah terlayani", "Belum terlayani", "Capaian (%)"],
    "B. Mutu pelayanan dasar": ["Mutu dipersyaratkan", "Mutu terpenuhi", "Capaian mutu (%)"],
    "C. Anggaran": ["Alokasi anggaran (Rp)", "Realisasi (Rp)", "Realisasi (%)"],
    "D. Ringkasan nilai capaian": ["Nilai capaian (%)"],
}


@pytest.fixture
def filled(store):
    office = store.require_installation().office

    def put(service, area, **values):
        store.reports.set_values(
            ReportKey(office.id, service, PERIOD), [CellEdit(area, k, v) for k, v in values.items()]
        )

    put(
        "1.02.01",
        "64.11.01",
        target=212,
        served=131,
        quality_required=12,
        quality_met=10,
        budget=247_000_000,
        spent=73_984_000,
    )
    put(
        "1.02.01",
        "64.11.02",
        target=360,
        served=212,
        quality_required=48,
        quality_met=38,
        budget=639_000_000,
        spent=383_520_000,
    )
    put("1.02.03", "64.11.03", target=90, served=95, quality_required=5, quality_met=5)
    put("1.02.05", "64.11", target=0, served=0)  # not applicable: no percentage
    return store


def sections(path) -> dict[str, dict[str, tuple]]:
    """Each section's rows by service code (the figures after No, Kode, Jenis)."""
    sheet = openpyxl.load_workbook(path)[SHEET]
    found: dict[str, dict[str, tuple]] = {}
    current = None
    for row in sheet.iter_rows(values_only=True):
        if row[0] in SECTIONS:
            current = found.setdefault(row[0], {})
        elif current is not None and isinstance(row[1], str) and row[1].count(".") == 2:
            current[row[1]] = row[3 : 3 + len(SECTIONS[next(reversed(found))])]
    return found


def test_the_rekap_matches_the_summary(filled, tmp_path):
    path = export_rekap(filled, PERIOD, tmp_path / "rekap.xlsx")
    result = period_summary(filled.reports, filled.require_installation().office, PERIOD)
    found = sections(path)
    assert list(found) == list(SECTIONS)

    def pct(value):
        return None if value is None else round_half_up(value, 2)

    for score in result.services:
        t, code = score.totals, score.service_code
        assert found["A. Penerima pelayanan dasar"][code] == (
            t.target,
            t.served,
            t.not_served,
            pct(score.recipients_pct),
        )
        assert found["B. Mutu pelayanan dasar"][code] == (t.quality_required, t.quality_met, pct(score.quality_pct))
        assert found["C. Anggaran"][code] == (t.budget, t.spent, pct(score.budget_pct))
        assert found["D. Ringkasan nilai capaian"][code] == (pct(score.score),)
    assert found["A. Penerima pelayanan dasar"]["1.02.01"] == (572, 343, 229, 59.97)
    assert found["A. Penerima pelayanan dasar"]["1.02.05"] == (0, 0, 0, None)


def test_the_heading_index_and_band(filled, tmp_path):
    sheet = openpyxl.load_workbook(export_rekap(filled, PERIOD, tmp_path / "rekap.xlsx"))[SHEET]
    result = period_summary(filled.reports, filled.require_installation().office, PERIOD)
    assert "Dinas Kesehatan" in sheet["A2"].value and "Kabupaten Mahakam Ulu" in sheet["A2"].value
    assert sheet["A3"].value.startswith("Triwulan III Tahun 2024")
    assert sheet["D6"].value == round_half_up(result.index, 2)
    assert sheet["D6"].number_format == '0.00" %"'
    assert sheet["E6"].value == result.band.label
    labels = [row[2] for row in sheet.iter_rows(values_only=True)]
    assert "Indeks capaian SPM" in labels and "Kategori" in labels


def test_each_section_has_its_headers_and_every_office_service(filled, tmp_path):
    sheet = openpyxl.load_workbook(export_rekap(filled, PERIOD, tmp_path / "rekap.xlsx"))[SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    for title, headers in SECTIONS.items():
        at = next(i for i, row in enumerate(rows) if row[0] == title)
        assert list(rows[at + 1][: 3 + len(headers)]) == ["No", "Kode", "Jenis pelayanan dasar", *headers]
    codes = [s.code for s in load_catalog().services_for(["1.02"])]
    assert list(sections_of(rows)) == codes


def sections_of(rows):
    at = next(i for i, row in enumerate(rows) if row[0] == "A. Penerima pelayanan dasar")
    codes = []
    for row in rows[at + 2 :]:
        if row[0] is None and row[1] is None:
            break
        if isinstance(row[1], str) and row[1].count(".") == 2:
            codes.append(row[1])
    return codes


def test_an_empty_quarter(store, tmp_path):
    sheet = openpyxl.load_workbook(export_rekap(store, Period(2023, 1), tmp_path / "kosong.xlsx"))[SHEET]
    assert sheet["D6"].value is None and sheet["E6"].value == "Belum ada data"
