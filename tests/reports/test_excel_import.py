"""Excel import: the round trip through the template, plain sheets, and every hostile workbook refused
with the right message and nothing applied (database and audit log unchanged)."""

from __future__ import annotations

import csv
import random
import time
import zipfile
from types import SimpleNamespace

import openpyxl
import pytest

from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.domain.reports import ReportStatus
from desktop.reports import excel_guard, excel_import
from desktop.reports.excel_common import HEADER_ROW, IDENTITY_SHEET
from desktop.reports.excel_import import apply_plan, apply_plan_apart, open_workbook, plan_import
from desktop.reports.excel_plan import MAX_PROBLEMS
from desktop.reports.excel_problems import write_problems
from desktop.reports.excel_segments import used_rows
from desktop.reports.excel_template import make_template
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from desktop.storage.summary import period_summary
from tests.conftest import PERIOD, set_up

from .excel_helpers import (
    compound_file,
    fill,
    header_row,
    million_rows,
    plain_sheet,
    raw_xlsx,
    sheet_xml,
    snapshot,
)

R = HEADER_ROW + 1  # the first area row of a template sheet: 64.11.01 Long Bagun, then 02 … 05, then 64.11
HEAD = ["Kode wilayah", "Nama wilayah", "Sasaran", "Terlayani", "Mutu dipersyaratkan", "Mutu terpenuhi"]


@pytest.fixture
def template(store, tmp_path):
    return make_template(store, PERIOD, tmp_path / "templat.xlsx")


def operator_fills(template, out):
    """What an operator types into the template: two services, five kecamatan and the kabupaten row."""
    cells = {}
    for offset, (target, served) in enumerate([(212, 131), (120, 96), (80, 80), (60, 30), (100, 6), (0, 0)]):
        row = R + offset
        cells |= {
            ("1.02.01", f"C{row}"): target,
            ("1.02.01", f"D{row}"): served,
            ("1.02.01", f"G{row}"): 12,
            ("1.02.01", f"H{row}"): 10,
            ("1.02.01", f"I{row}"): 50_000_000,
            ("1.02.01", f"J{row}"): 20_000_000,
        }
    cells[("1.02.01", f"K{R + 4}")] = "Jalan ke Long Apari putus"
    cells[("1.02.02", f"C{R}")] = "1.250"  # typed as text, Indonesian grouping: as the grid takes it
    cells[("1.02.02", f"D{R}")] = 1000
    return fill(template, out, cells)


def refused(store, path, **target):
    """Plans an import that must be refused; checks nothing was applied; the plan."""
    before = snapshot(store)
    plan = plan_import(store, path, **target)
    assert not plan.ok
    with pytest.raises(ValueError, match="never applied"):
        apply_plan(store, plan)
    assert snapshot(store) == before
    return plan


def refused_file(store, path, match, **target):
    """A file refused outright (UserError, one line), nothing applied."""
    before = snapshot(store)
    with pytest.raises(UserError, match=match) as caught:
        plan_import(store, path, **target)
    assert snapshot(store) == before
    return str(caught.value)


def reasons(plan) -> list[tuple]:
    return [(p.sheet, p.row, p.column, str(p.message)) for p in plan.problems]


# --- the round trip --------------------------------------------------------------------------------


def test_template_filled_by_a_script_imports_and_the_summary_shows_it(store, template, tmp_path):
    filled = operator_fills(template, tmp_path / "terisi.xlsx")
    plan = plan_import(store, filled)
    assert plan.ok and plan.is_template and plan.period == PERIOD
    assert {r.key.service_code: r.cells for r in plan.reports} == {"1.02.01": 36 + 1, "1.02.02": 2}
    apply_plan(store, plan)

    office = store.require_installation().office
    score = {s.service_code: s for s in period_summary(store.reports, office, PERIOD).services}
    ibu_hamil = score["1.02.01"]
    assert (ibu_hamil.totals.target, ibu_hamil.totals.served) == (572, 343)
    assert round(ibu_hamil.recipients_pct, 2) == 59.97
    assert (ibu_hamil.totals.quality_required, ibu_hamil.totals.quality_met) == (72, 60)
    assert ibu_hamil.totals.budget == 300_000_000
    assert score["1.02.02"].totals.target == 1250
    report = store.reports.get(ReportKey(office.id, "1.02.01", PERIOD))
    assert report.row("64.11.05").problems == "Jalan ke Long Apari putus"
    assert report.row("64.11").target == 0


def test_the_import_is_audited_and_importing_again_changes_nothing(store, template, tmp_path):
    filled = operator_fills(template, tmp_path / "terisi.xlsx")
    apply_plan(store, plan_import(store, filled))
    entries = store.audit.entries(subject_prefix="report/1.02.01/2024Q3/64.11.01", field="target")
    assert [e.after for e in entries] == [212]
    again = plan_import(store, filled)
    assert again.ok and again.cells_changed == 0 and again.rows_read > 0


def test_a_new_template_carries_the_stored_figures_and_corrects_them(store, template, tmp_path):
    apply_plan(store, plan_import(store, operator_fills(template, tmp_path / "a.xlsx")))
    fresh = make_template(store, PERIOD, tmp_path / "b.xlsx")
    corrected = fill(fresh, tmp_path / "c.xlsx", {("1.02.01", f"D{R}"): 140, ("1.02.01", f"K{R + 4}"): None})
    plan = plan_import(store, corrected)
    assert plan.ok and plan.cells_changed == 2
    apply_plan(store, plan)
    row = store.reports.get(ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)).row
    assert row("64.11.01").served == 140 and row("64.11.05").problems == ""


def test_warnings_are_kept_and_listed(store, template, tmp_path):
    filled = fill(template, tmp_path / "w.xlsx", {("1.02.01", f"C{R}"): 10, ("1.02.01", f"D{R}"): 12})
    plan = plan_import(store, filled)
    assert plan.ok and len(plan.warnings) == 1
    assert (plan.warnings[0].sheet, plan.warnings[0].row, plan.warnings[0].column) == ("1.02.01", R, "D")
    assert "melebihi sasaran" in str(plan.warnings[0].message)


def test_a_service_option_imports_one_sheet_and_a_wrong_period_is_refused(store, template, tmp_path):
    filled = operator_fills(template, tmp_path / "terisi.xlsx")
    plan = plan_import(store, filled, service="1.02.02")
    assert [r.key.service_code for r in plan.reports] == ["1.02.02"]
    refused_file(store, filled, "Triwulan III 2024, bukan Triwulan II 2024", period=Period(2024, 2))
    refused_file(store, filled, "tidak memuat layanan 1.01.01", service="1.01.01")


# --- hostile workbooks: refused outright -----------------------------------------------------------


def test_not_an_xlsx(store, tmp_path):
    text = tmp_path / "angka.xlsx"
    text.write_text("Kode wilayah;Sasaran\n64.11.01;12\n")
    refused_file(store, text, "bukan buku kerja Excel")
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    refused_file(store, pdf, "bukan buku kerja Excel")
    docx = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    refused_file(store, docx, "bukan buku kerja Excel")
    refused_file(store, tmp_path / "tidak-ada.xlsx", "tidak ditemukan")


def test_a_password_protected_workbook(store, tmp_path):
    # An encrypted workbook is an OLE2/CFB container, not a ZIP (what Excel writes for "Encrypt with Password").
    locked = compound_file(tmp_path / "terkunci.xlsx", ["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"])
    assert locked.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    message = refused_file(store, locked, "dilindungi kata sandi")
    assert "terkunci.xlsx" in message


def test_an_old_xls_workbook(store, tmp_path):
    old = compound_file(tmp_path / "lama.xls", ["Workbook", "\x05SummaryInformation"])
    refused_file(store, old, r"Excel lama \(.xls\)")


def test_a_damaged_workbook(store, template, tmp_path):
    data = template.read_bytes()
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    refused_file(store, cut, "rusak atau tidak lengkap")


def test_a_part_that_inflates_beyond_its_declared_size(store, tmp_path):
    path = raw_xlsx(tmp_path / "bom.xlsx", sheet_xml(header_row() + '<row r="2"><c r="A2"><v>1</v></c></row>' * 50))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.rfind(name) - 46  # the central directory record of the sheet (its name follows 46 bytes of header)
    assert data[at : at + 4] == b"PK\x01\x02"
    data[at + 24 : at + 28] = (100).to_bytes(4, "little")  # declared inflated size: 100 bytes
    path.write_bytes(bytes(data))
    refused_file(store, path, "rusak", service="1.02.01", period=PERIOD)


@pytest.mark.parametrize("seed", range(8))
def test_a_sheet_whose_compressed_bytes_are_spoilt(store, tmp_path, seed):
    """A stick pulled out mid-copy or a bad sector: bytes inside the sheet's deflate stream changed.
    Whatever the inflater makes of them (an invalid stream, other bytes), the file is refused as damaged."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>{r * 7}</v></c></row>' for r in range(2, 400)
    )
    path = raw_xlsx(tmp_path / "rusak.xlsx", sheet_xml(header_row() + rows))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    start = data.find(name) + len(name)  # the sheet's compressed bytes follow its local header
    rng = random.Random(seed)
    for at in rng.sample(range(start + 40, start + 600), 4):
        data[at] ^= rng.randrange(1, 256)
    path.write_bytes(bytes(data))
    refused_file(store, path, "rusak atau tidak lengkap", service="1.02.01", period=PERIOD)


def test_a_template_of_another_version(store, template, tmp_path):
    workbook = openpyxl.load_workbook(template)
    workbook[IDENTITY_SHEET]["B2"] = "99"
    workbook.save(tmp_path / "v99.xlsx")
    refused_file(store, tmp_path / "v99.xlsx", "templat versi 99, sedangkan aplikasi ini membaca templat versi 1")


def test_a_template_of_another_office_or_district(store, template, tmp_path, data_dir):
    other = Store.open(tmp_path / "lain")
    try:
        set_up(other)  # the same office name and district, but another install
        message = refused_file(other, template, "instalasi SPM Luring lain")
        assert "Dinas Kesehatan" in message
    finally:
        other.close()
    workbook = openpyxl.load_workbook(template)
    workbook[IDENTITY_SHEET]["B5"] = "64.02"
    workbook.save(tmp_path / "kutai.xlsx")
    refused_file(store, tmp_path / "kutai.xlsx", r"bukan untuk kabupaten/kota aplikasi ini \(64.11\)")


def test_a_million_rows_is_refused_quickly_without_reading_the_sheet(store, tmp_path, monkeypatch):
    path = raw_xlsx(tmp_path / "sejuta.xlsx", million_rows())
    monkeypatch.setattr(excel_import, "_sheet_rows", lambda *a: pytest.fail("calamine must not read the sheet"))
    start = time.perf_counter()
    message = refused_file(store, path, "paling banyak 150.000 baris", service="1.02.01", period=PERIOD)
    assert time.perf_counter() - start < 5
    assert "berisi sampai baris 150.001" in message


def test_a_huge_sheet_is_refused_from_its_dimension(store, tmp_path):
    xml = sheet_xml(header_row(), root=f'<worksheet xmlns="{excel_guard.MAIN_NS[0]}"><dimension ref="A1:L1048576"/>')
    refused_file(
        store, raw_xlsx(tmp_path / "dim.xlsx", xml), "sampai baris 1.048.576", service="1.02.01", period=PERIOD
    )


def test_a_far_cell_that_would_exhaust_memory_is_refused(store, tmp_path):
    # calamine lays a sheet out densely from A1 to its last cell: XFD1048576 would ask for ~500 TB and abort.
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    refused_file(
        store,
        raw_xlsx(tmp_path / "jauh.xlsx", sheet_xml(header_row() + far)),
        "sampai baris 1.048.576",
        service="1.02.01",
        period=PERIOD,
    )
    wide = '<row r="2"><c r="ZZ2"><v>1</v></c></row>'
    refused_file(
        store,
        raw_xlsx(tmp_path / "lebar.xlsx", sheet_xml(header_row() + wide)),
        "sampai kolom ZZ",
        service="1.02.01",
        period=PERIOD,
    )


@pytest.mark.parametrize(
    "cell",
    [
        '<c s="0" r="XFD1048576"><v>1</v></c>',  # the address not first
        '<c\nr="XFD1048576"><v>1</v></c>',
        '<x:c xmlns:x="urn:other" r="XFD1048576"><x:v>1</x:v></x:c>',  # calamine reads any prefix
        "<c><v>1</v></c>",  # no address at all
    ],
)
def test_cells_written_unlike_any_spreadsheet_program_are_refused(store, tmp_path, cell):
    path = raw_xlsx(tmp_path / "aneh.xlsx", sheet_xml(header_row() + f'<row r="2">{cell}</row>'))
    refused_file(store, path, "struktur yang tidak biasa", service="1.02.01", period=PERIOD)


# --- hostile workbooks: listed cell by cell --------------------------------------------------------


def test_text_and_decimals_in_number_cells_are_listed_with_sheet_row_and_column(store, template, tmp_path):
    filled = fill(
        template,
        tmp_path / "teks.xlsx",
        {
            ("1.02.01", f"C{R}"): "dua ratus",
            ("1.02.01", f"D{R + 1}"): 12.5,
            ("1.02.01", f"G{R + 2}"): -3,
            ("1.02.03", f"C{R}"): 100,  # a good cell elsewhere is not applied either
        },
    )
    plan = refused(store, filled)
    assert reasons(plan) == [
        ("1.02.01", R, "C", "Sasaran: 'dua ratus' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250."),
        ("1.02.01", R + 1, "D", "Terlayani: '12,5' bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250."),
        ("1.02.01", R + 2, "G", "Mutu dipersyaratkan tidak boleh negatif (-3)."),
    ]
    assert plan.problems[0].column_text() == "C (Sasaran)"


def test_formulas_in_input_cells_are_refused(store, template, tmp_path):
    filled = fill(template, tmp_path / "rumus.xlsx", {("1.02.01", f"C{R}"): "=100+12", ("1.02.01", f"D{R}"): 50})
    plan = refused(store, filled)
    assert reasons(plan) == [
        ("1.02.01", R, "C", "Sel ini berisi rumus. Isi angkanya saja: salin sel, lalu Tempel Khusus → Nilai.")
    ]


def test_a_formula_with_a_cached_value_is_refused_too(store, tmp_path):
    # As Excel saves it: the formula and its last result; calamine alone would return 112.
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>64.11.01</t></is></c><c r="B2"><f>100+12</f><v>112</v></c></row>'
    plan = refused(
        store, raw_xlsx(tmp_path / "cache.xlsx", sheet_xml(header_row() + row)), service="1.02.01", period=PERIOD
    )
    assert [(p.row, p.column) for p in plan.problems] == [(2, "B")]


def test_merged_cells_in_the_table_are_refused(store, template, tmp_path):
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["1.02.01"]
    sheet[f"C{R}"] = 100
    sheet.merge_cells(f"C{R}:D{R}")
    workbook.save(tmp_path / "gabung.xlsx")
    plan = refused(store, tmp_path / "gabung.xlsx")
    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [("1.02.01", R, "C")]
    assert f"C{R}:D{R}" in str(plan.problems[0].message)


def test_merged_title_cells_above_the_header_are_fine(store, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Capaian SPM Dinas Kesehatan"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["Kode wilayah", "Sasaran", "Terlayani"])
    sheet.append(["64.11.01", 10, 5])
    workbook.save(tmp_path / "judul.xlsx")
    assert plan_import(store, tmp_path / "judul.xlsx", service="1.02.01", period=PERIOD).ok


def test_unknown_and_misplaced_area_codes(store, tmp_path):
    desa = next(a for a in store.areas.list(4) if a.parent_code == "64.11.01")
    path = plain_sheet(
        tmp_path / "kode.xlsx",
        [HEAD[:4], ["64.11.09", "", 10, 5], ["64.02.01", "", 10, 5], [desa.code, "", 10, 5], ["64.11.02", "", 1, 1]],
    )
    plan = refused(store, path, service="1.02.01", period=PERIOD)
    assert [(p.row, p.column) for p in plan.problems] == [(2, "A"), (3, "A"), (4, "A")]
    texts = [str(p.message) for p in plan.problems]
    assert texts[0] == "Kode wilayah '64.11.09' tidak dikenal di Kabupaten Mahakam Ulu."
    assert texts[1] == "Kode wilayah '64.02.01' tidak dikenal di Kabupaten Mahakam Ulu."
    assert (
        texts[2] == f"{desa.name} ({desa.code}) adalah desa/kelurahan, sedangkan laporan Dinas Kesehatan per kecamatan."
    )


def test_quality_met_above_required_and_an_area_twice(store, tmp_path):
    path = plain_sheet(
        tmp_path / "mutu.xlsx",
        [HEAD, ["64.11.01", "", 10, 5, 4, 6], ["64.11.02", "", 1, 1, 1, 1], ["64.11.02", "", 2, 2, 1, 1]],
    )
    plan = refused(store, path, service="1.02.01", period=PERIOD)
    assert [(p.row, p.column) for p in plan.problems] == [(2, "F"), (4, "A")]
    assert "Mutu terpenuhi (6) melebihi mutu yang dipersyaratkan (4)." in str(plan.problems[0].message)
    assert "Long Hubung (64.11.02) sudah ada di baris 3" in str(plan.problems[1].message)


def test_a_frozen_report_is_not_changed(store, template, key, tmp_path):
    with store.database.write() as conn:
        store.reports.ensure_report(conn, key, "test")
        conn.execute("UPDATE reports SET status = ? WHERE service_code = '1.02.01'", (ReportStatus.APPROVED.value,))
    plan = refused(store, operator_fills(template, tmp_path / "terisi.xlsx"))
    assert reasons(plan) == [
        ("1.02.01", None, None, "Laporan 1.02.01 berstatus Disetujui; angkanya tidak dapat diubah.")
    ]


def test_the_problem_list_stops_at_its_limit(store, tmp_path):
    rows = [HEAD[:4]] + [["64.11.99", "", "x", "y"] for _ in range(1200)]
    plan = refused(store, plain_sheet(tmp_path / "banyak.xlsx", rows), service="1.02.01", period=PERIOD)
    assert plan.truncated and len(plan.problems) == MAX_PROBLEMS + 1


def test_a_cancelled_import_applies_nothing(store, template, tmp_path):
    class StopError(Exception):
        pass

    def progress(done, total):
        if done:
            raise StopError

    before = snapshot(store)
    with pytest.raises(StopError):
        plan_import(store, operator_fills(template, tmp_path / "t.xlsx"), progress=progress)
    assert snapshot(store) == before


def test_set_many_is_one_transaction_for_all_reports(store, key):
    office = store.require_installation().office
    other = ReportKey(office.id, "1.02.02", PERIOD)
    before = snapshot(store)
    with pytest.raises(UserError, match="Mutu terpenuhi"):
        store.reports.set_many(
            {
                key: [CellEdit("64.11.01", "target", 10)],
                other: [CellEdit("64.11.01", "quality_required", 1), CellEdit("64.11.01", "quality_met", 2)],
            }
        )
    assert snapshot(store) == before
    done = store.reports.set_many(
        {key: [CellEdit("64.11.01", "target", 10)], other: [CellEdit("64.11.01", "target", 7)]}
    )
    assert {k.service_code: [c.row.target for c in v] for k, v in done.items()} == {"1.02.01": [10], "1.02.02": [7]}


# --- plain sheets ----------------------------------------------------------------------------------


def test_a_plain_sheet_by_code(store, key, tmp_path):
    path = plain_sheet(
        tmp_path / "biasa.xlsx",
        [
            [
                "No",
                "Kode Wilayah",
                "KECAMATAN",
                "Jumlah  Sasaran",
                "Terlayani",
                "Capaian (%)",
                "Anggaran (Rp)",
                "Keterangan",
            ],
            [1, "64.11.01", "Long Bagun", 212, 131, 61.79, "Rp 15.000.000", "lain"],
            [2, 6411.0, "", 5, 5, None, None, None],  # the kabupaten row, its code typed as a number
            [None, None, "Jumlah", 217, 136, None, None, None],
        ],
    )
    plan = plan_import(store, path, service="1.02.01", period=PERIOD)
    assert plan.ok, reasons(plan)
    apply_plan(store, plan)
    report = store.reports.get(key)
    assert (report.row("64.11.01").target, report.row("64.11.01").budget) == (212, 15_000_000)
    assert report.row("64.11").served == 5


def test_a_plain_sheet_by_name_ignores_case_and_spaces(store, key, tmp_path):
    path = plain_sheet(
        tmp_path / "nama.xlsx",
        [["Kecamatan", "Sasaran", "Terlayani"], ["  long   BAGUN ", 10, 4], ["Kecamatan Long Hubung", 8, 8]],
    )
    apply_plan(store, plan_import(store, path, service="1.02.01", period=PERIOD))
    assert [(r.area_code, r.served) for r in store.reports.get(key).rows] == [("64.11.01", 4), ("64.11.02", 8)]


def test_a_plain_sheet_with_an_unknown_or_ambiguous_name(tmp_path):
    store = Store.open(tmp_path / "desa")
    try:
        set_up(store, area_level="desa")
        areas = {a.code: a for a in store.areas.list()}
        names: dict[str, list[str]] = {}
        for area in store.areas.reporting_areas("desa"):
            names.setdefault(area.name, []).append(area.code)
        twice = next((n for n, codes in names.items() if len(codes) > 1), None)
        if twice is None:  # make one: two desa of the same name in different kecamatan
            first, second = [a for a in areas.values() if a.level == 4][:1] + [
                a for a in areas.values() if a.level == 4 and a.parent_code != "64.11.01"
            ][:1]
            store.database.conn.execute("UPDATE areas SET name = ? WHERE code = ?", (first.name, second.code))
            twice = first.name
            names[twice] = [first.code, second.code]
        rows = [["Desa", "Sasaran"], [twice, 10], ["Desa Tidak Ada", 3]]
        plan = refused(store, plain_sheet(tmp_path / "ambigu.xlsx", rows), service="1.02.01", period=PERIOD)
        texts = [str(p.message) for p in plan.problems]
        assert f"Nama wilayah '{twice}' dipakai lebih dari satu wilayah" in texts[0]
        assert all(code in texts[0] for code in names[twice])
        assert (
            texts[1]
            == "Nama wilayah 'Desa Tidak Ada' tidak ditemukan di Kabupaten Mahakam Ulu; periksa ejaannya atau isi kode wilayahnya."
        )
        # A Kecamatan column beside Desa tells them apart.
        code = names[twice][0]
        kecamatan = areas[areas[code].parent_code].name
        path = plain_sheet(
            tmp_path / "jelas.xlsx", [["Kecamatan", "Desa/Kelurahan", "Sasaran"], [kecamatan, twice, 10]]
        )
        plan = plan_import(store, path, service="1.02.01", period=PERIOD)
        assert plan.ok and [r.area_code for r in plan.reports[0].rows] == [code]
    finally:
        store.close()


def test_a_plain_sheet_found_below_title_rows_and_off_the_first_column(store, key, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["B2"] = "Laporan capaian"
    for offset, row in enumerate([["Kode wilayah", "Sasaran", "Terlayani"], ["64.11.03", "x", 1]]):
        for column, value in enumerate(row):
            sheet.cell(4 + offset, 3 + column, value)
    workbook.save(tmp_path / "geser.xlsx")
    plan = refused(store, tmp_path / "geser.xlsx", service="1.02.01", period=PERIOD)
    assert [(p.row, p.column) for p in plan.problems] == [(5, "D")]


def test_rows_are_read_from_the_first_used_one_however_calamine_pads_them():
    rows = [["Kode wilayah", "Sasaran"], ["64.11.01", 2.0], ["", ""]]
    as_09 = SimpleNamespace(iter_rows=lambda: iter([["", ""], ["", ""], *rows]), to_python=lambda: rows)
    unpadded = SimpleNamespace(iter_rows=lambda: iter([*rows, ["64.11.02", 3.0]]), to_python=lambda: rows)
    assert list(used_rows(as_09, 2)) == rows
    assert list(used_rows(unpadded, 2)) == rows  # a "padding" row with values: to_python() is taken


def test_a_sheet_without_a_header_row(store, tmp_path):
    plan = refused(store, plain_sheet(tmp_path / "x.xlsx", [["a", "b"], [1, 2]]), service="1.02.01", period=PERIOD)
    assert "Baris kepala kolom tidak ditemukan" in str(plan.problems[0].message)


def test_a_plain_sheet_needs_its_service_and_period(store, tmp_path):
    path = plain_sheet(tmp_path / "x.xlsx", [HEAD[:4], ["64.11.01", "", 1, 1]])
    refused_file(store, path, "bukan templat SPM Luring")
    refused_file(store, path, "tidak termasuk layanan", service="1.01.01", period=PERIOD)
    assert not open_workbook(path).is_template


# --- the list of problems as a file ----------------------------------------------------------------


def test_the_problem_list_saves_as_csv_with_a_bom_and_as_xlsx(store, template, tmp_path):
    plan = refused(store, fill(template, tmp_path / "t.xlsx", {("1.02.01", f"C{R}"): "abc"}))
    saved = write_problems(plan.problems, tmp_path / "kesalahan.csv")
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows == [
        ["Lembar", "Baris", "Kolom", "Alasan"],
        ["1.02.01", str(R), "C (Sasaran)", str(plan.problems[0].message)],
    ]
    book = openpyxl.load_workbook(write_problems(plan.problems, tmp_path / "kesalahan.xlsx"))
    assert list(book.active.iter_rows(values_only=True))[1][:3] == ("1.02.01", R, "C (Sasaran)")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_applying_on_a_connection_of_its_own(store, template, tmp_path):
    # What the window does on its worker thread; the store's own connection then sees the result.
    plan = plan_import(store, operator_fills(template, tmp_path / "terisi.xlsx"))
    actor = store.actor()
    changes = apply_plan_apart(store.database.path, actor, plan)
    assert set(k.service_code for k in changes) == {"1.02.01", "1.02.02"}
    office = store.require_installation().office
    assert store.reports.get(ReportKey(office.id, "1.02.01", PERIOD)).totals().target == 572
    assert store.audit.entries(field="target")[0].actor == actor
    assert store.audit.verify().ok


def test_an_apply_stopped_between_reports_is_rolled_back(store, template, tmp_path):
    class StopError(Exception):
        pass

    def progress(done, total):
        if done == 1:
            raise StopError

    plan = plan_import(store, operator_fills(template, tmp_path / "terisi.xlsx"))
    before = snapshot(store)
    with pytest.raises(StopError):
        apply_plan_apart(store.database.path, store.actor(), plan, progress)
    assert snapshot(store) == before
