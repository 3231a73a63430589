"""The Excel template: layout, protection, validation, formulas, the hidden identity, pre-filled figures."""

from __future__ import annotations

import errno
import os

import openpyxl
import pytest

from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.domain.validation import MAX_COUNT
from desktop.reports import excel_common
from desktop.reports.excel_common import HEADER_ROW, IDENTITY_SHEET, TEMPLATE_COLUMNS, TEMPLATE_VERSION
from desktop.reports.excel_template import make_template
from desktop.storage.reports import CellEdit
from tests.conftest import PERIOD

AREAS = ["64.11.01", "64.11.02", "64.11.03", "64.11.04", "64.11.05", "64.11"]
FIRST = HEADER_ROW + 1


@pytest.fixture
def template(store, tmp_path):
    return make_template(store, PERIOD, tmp_path / "templat.xlsx")


def test_sheets_are_instructions_services_and_a_very_hidden_identity(store, template):
    workbook = openpyxl.load_workbook(template)
    services = list(store.require_installation().office.services)
    assert workbook.sheetnames == ["Petunjuk", *services, IDENTITY_SHEET]
    assert workbook[IDENTITY_SHEET].sheet_state == "veryHidden"
    assert all(workbook[s].sheet_state == "visible" for s in ["Petunjuk", *services])
    assert workbook.security.lockStructure
    assert workbook.active.title == "Petunjuk"


def test_identity_names_app_version_office_district_period_level_and_sheets(store, template):
    rows = list(openpyxl.load_workbook(template)[IDENTITY_SHEET].iter_rows(values_only=True))
    values = {r[0]: r[1] for r in rows if r[0] != "sheet"}
    installation = store.require_installation()
    assert values["app"] == "spm-luring" and values["template_version"] == TEMPLATE_VERSION
    assert values["office_id"] == installation.office.id and values["district_code"] == "64.11"
    assert (values["year"], values["quarter"], values["area_level"]) == ("2024", "3", "kecamatan")
    sheets = [r[1:4] for r in rows if r[0] == "sheet"]
    assert sheets == [(code, code, str(HEADER_ROW)) for code in installation.office.services]


def test_a_service_sheet_has_the_columns_and_the_areas_as_rows(template):
    sheet = openpyxl.load_workbook(template)["1.02.01"]
    assert sheet["A1"].value == "1.02.01 Pelayanan kesehatan ibu hamil"
    assert "Triwulan III 2024" in sheet["A2"].value
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers == [
        "Kode wilayah",
        "Nama wilayah",
        "Sasaran",
        "Terlayani",
        "Belum terlayani",
        "Capaian %",
        "Mutu dipersyaratkan",
        "Mutu terpenuhi",
        "Anggaran (Rp)",
        "Realisasi (Rp)",
        "Permasalahan",
        "Tindak lanjut",
    ]
    codes = [sheet.cell(FIRST + i, 1).value for i in range(len(AREAS))]
    assert codes == AREAS
    assert sheet.cell(FIRST, 2).value == "Long Bagun"
    assert sheet.cell(FIRST + len(AREAS) - 1, 2).value == "Kabupaten Mahakam Ulu"
    total = FIRST + len(AREAS)
    assert sheet.cell(total, 2).value == "Jumlah"
    assert sheet.cell(total, 3).value == f'=IF(COUNT(C{FIRST}:C{total - 1})=0,"",SUM(C{FIRST}:C{total - 1}))'
    assert sheet.freeze_panes == f"C{FIRST}"


def test_not_served_and_achievement_are_formulas(template):
    sheet = openpyxl.load_workbook(template)["1.02.01"]
    assert sheet[f"E{FIRST}"].value == f'=IF(C{FIRST}="","",MAX(C{FIRST}-D{FIRST},0))'
    assert sheet[f"F{FIRST}"].value == f'=IF(OR(C{FIRST}="",C{FIRST}=0),"",D{FIRST}/C{FIRST}*100)'
    assert sheet[f"F{FIRST}"].number_format == '0.00" %"'


def test_input_cells_are_unlocked_labels_and_formulas_locked_without_a_password(template):
    sheet = openpyxl.load_workbook(template)["1.02.01"]
    assert sheet.protection.sheet and not sheet.protection.password
    for spec in TEMPLATE_COLUMNS:
        cell = sheet.cell(FIRST, excel_common.COLUMN_NUMBER[spec.key])
        assert cell.protection.locked == (spec.kind != excel_common.INPUT), spec.key
    assert sheet.cell(HEADER_ROW, 3).protection.locked
    assert sheet.cell(FIRST + len(AREAS), 3).protection.locked  # Jumlah


def test_input_cells_take_whole_numbers_only(template):
    sheet = openpyxl.load_workbook(template)["1.02.01"]
    last = FIRST + len(AREAS) - 1
    by_range = {str(r): v for v in sheet.data_validations.dataValidation for r in v.sqref.ranges}
    counts = by_range[f"C{FIRST}:C{last}"]
    assert (counts.type, counts.operator, counts.formula1, counts.formula2) == ("whole", "between", "0", str(MAX_COUNT))
    assert by_range[f"D{FIRST}:D{last}"] is counts and by_range[f"H{FIRST}:H{last}"] is counts
    money = by_range[f"I{FIRST}:J{last}"]
    assert money.type == "custom" and "INT(I7)" in money.formula1 and money.showErrorMessage
    assert by_range[f"K{FIRST}:L{last}"].type == "textLength"


def test_stored_figures_are_filled_in(store, key, tmp_path):
    store.reports.set_values(
        key,
        [
            CellEdit("64.11.02", "target", 212),
            CellEdit("64.11.02", "served", 131),
            CellEdit("64.11.02", "budget", 247_000_000),
            CellEdit("64.11.02", "problems", "Jalan putus"),
        ],
    )
    sheet = openpyxl.load_workbook(make_template(store, PERIOD, tmp_path / "t.xlsx"))["1.02.01"]
    row = FIRST + 1
    assert [sheet[f"{c}{row}"].value for c in "CDIK"] == [212, 131, 247_000_000, "Jalan putus"]
    assert sheet[f"G{row}"].value is None


def test_the_instructions_explain_every_column_and_say_protection_is_no_security(template):
    sheet = openpyxl.load_workbook(template)["Petunjuk"]
    text = "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    for spec in TEMPLATE_COLUMNS:
        assert spec.header in text and spec.help in text
    assert "TANPA kata sandi" in text and "bukan pengaman" in text
    assert "Dinas Kesehatan" in text and "Kabupaten Mahakam Ulu" in text and "Triwulan III 2024" in text


def test_a_frozen_report_is_shown_locked(store, key, tmp_path):
    with store.database.write() as conn:
        store.reports.ensure_report(conn, key, "test")
        conn.execute("UPDATE reports SET status = ? WHERE service_code = ?", (ReportStatus.SUBMITTED.value, "1.02.01"))
    sheet = openpyxl.load_workbook(make_template(store, PERIOD, tmp_path / "t.xlsx"))["1.02.01"]
    assert sheet[f"C{FIRST}"].protection.locked
    assert "Diajukan" in sheet["A4"].value
    assert not sheet.data_validations.dataValidation


def test_a_subset_of_services(store, tmp_path):
    workbook = openpyxl.load_workbook(make_template(store, PERIOD, tmp_path / "t.xlsx", ["1.02.03", "1.02.01"]))
    assert workbook.sheetnames == ["Petunjuk", "1.02.01", "1.02.03", IDENTITY_SHEET]


def test_a_service_the_office_does_not_report_is_refused(store, tmp_path):
    with pytest.raises(UserError, match="tidak termasuk"):
        make_template(store, PERIOD, tmp_path / "t.xlsx", ["1.01.01"])
    assert not (tmp_path / "t.xlsx").exists()


def test_a_full_disk_leaves_no_file_and_no_temporary(store, tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(excel_common, "commit_file", full)
    with pytest.raises(UserError, match="Disk penuh"):
        make_template(store, PERIOD, tmp_path / "t.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_cancelling_writes_nothing(store, tmp_path):
    class StopError(Exception):
        pass

    def progress(done, total):
        if done == 3:
            raise StopError

    with pytest.raises(StopError):
        make_template(store, PERIOD, tmp_path / "t.xlsx", progress=progress)
    assert not (tmp_path / "t.xlsx").exists()
