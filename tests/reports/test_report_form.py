"""The report form, read back from the PDF: every figure, name and signature, the QR code, page flow."""

from __future__ import annotations

import errno
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.formatting import format_date, format_int, format_percent
from desktop.domain.messages import UserError
from desktop.reports.pdf_report_form import collect_report_forms, report_pdf, services_with_data, write_report_forms
from desktop.reports.qr_payload import FormPayload
from desktop.storage.reports import CellEdit, ReportKey
from desktop.storage.store import Store
from tests.conftest import PERIOD, set_up

from .helpers import FOLLOW_UP, HEAD, PROBLEM, fill, fonts, page_count, pdf_text, qr_codes, squeezed


@pytest.fixture
def filled(store, key):
    fill(store, key)
    return store


def written(store, tmp_path, services=("1.02.01",), name="form.pdf") -> Path:
    result = report_pdf(store, PERIOD, tmp_path / name, list(services) if services else None)
    assert result.path.is_file()
    assert result.pages == page_count(result.path)
    return result.path


def test_the_form_shows_the_header_every_figure_and_the_totals(filled, key, tmp_path):
    text = squeezed(pdf_text(written(filled, tmp_path)))
    for line in (
        "PEMERINTAH KABUPATEN MAHAKAM ULU",
        "DINAS KESEHATAN",
        "LAPORAN CAPAIAN STANDAR PELAYANAN MINIMAL (SPM)",
        "TRIWULAN III TAHUN 2024",
        "1.02.01 Pelayanan kesehatan ibu hamil",
        "Ibu hamil di wilayah kerja dalam 1 tahun",
        "Periode : Triwulan III Tahun 2024",
        "Cakupan data : kumulatif 1 Januari s.d. 30 September 2024",
        "Draf, revisi 0",
    ):
        assert line in text, line
    # One row per kecamatan: name, target, served, not served, achievement, quality, budget, spent, realisation.
    rows = {
        "Long Bagun": ["212", "131", "81", "61,79 %", "12", "10", "83,33 %", "247.000.000", "73.984.000", "29,95 %"],
        "Long Hubung": ["168", "101", "67", "60,12 %", "12", "10", "83,33 %", "126.000.000", "110.976.000", "88,08 %"],
        "Laham": ["41", "26", "15", "63,41 %", "12", "9", "75,00 %", "249.000.000", "75.616.000", "30,37 %"],
        "Long Apari": ["63", "70", "0", "111,11 % *", "12", "9", "75,00 %", "1.141.000.000", "915.872.500", "80,27 %"],
        "Long Pahangai": ["88", "62", "26", "70,45 %", "12", "11", "91,67 %", "123.000.000", "81.056.000", "65,90 %"],
    }
    for number, (name, cells) in enumerate(rows.items(), 1):
        assert f"{number} {name} {' '.join(cells)}" in text, name
    assert "6 Tingkat kabupaten (tidak dirinci)" in text
    assert "Jumlah 572 390 182 68,18 % 60 49 81,67 % 1.886.000.000 1.257.504.500 66,68 %" in text
    assert "* Terlayani melebihi sasaran" in text
    # The summary: recipients, quality, the service's score and band, budget realisation.
    assert "68,18 % (390 dari 572 ibu hamil)" in text
    assert "81,67 % (49 dari 60 butir mutu terpenuhi)" in text
    assert "70,88 — Tuntas Pratama" in text
    assert "66,68 % (Rp 1.257.504.500 dari Rp 1.886.000.000" in text


def test_the_form_carries_problems_evidence_and_the_signature_blocks(filled, key, tmp_path):
    evidence = tmp_path / "Berita acara pelayanan keliling posyandu Long Apari triwulan III 2024 (ditandatangani).pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    (item,) = filled.evidence.add(key, "64.11.04", [evidence], "Berita acara")
    raw = pdf_text(written(filled, tmp_path))
    text = squeezed(raw)
    flat = " ".join(raw.split())
    for words in (PROBLEM, FOLLOW_UP):  # long texts wrap in their cells: every word is there
        assert all(word in flat for word in words.split())
    assert "Berita acara pelayanan keliling posyandu Long Apari triwulan III 2024" in flat
    assert item.sha256[:16] in text
    assert format_date(date.today()) in text or format_date(date.fromisoformat(item.added_at[:10])) in text
    assert "Berita acara" in text
    # Signatures: the head of office ("Mengetahui") with name, rank, NIP and the stamp's place; the operator.
    for line in (
        "Mengetahui,",
        "Kepala Dinas Kesehatan",
        "Kabupaten Mahakam Ulu",
        "cap dinas",
        HEAD.head_name,
        "Pembina Utama Muda (IV/c)",
        "NIP 19700101 199503 1 002",
        "Ujoh Bilang, 31 Oktober 2024",
        "Yang membuat,",
        "Operator SPM",
        "Yohanes Ding",
        "NIP 19850101 201001 1 001",
    ):
        assert line in text, line
    # Both blocks end on the same printed line: the NIP of the head and of the operator.
    nip_line = next(line for line in raw.splitlines() if "NIP 19700101" in line)
    assert "NIP 19850101 201001 1 001" in nip_line


def test_the_qr_code_carries_the_reports_identity_and_hash(filled, key, tmp_path):
    path = written(filled, tmp_path)
    report = filled.reports.get(key)
    found = [code for page in range(1, page_count(path) + 1) for code in qr_codes(path, page, tmp_path)]
    assert len(found) == 1
    payload = FormPayload.parse(found[0])
    assert payload == FormPayload(key.office_id, "1.02.01", "2024Q3", 0, report.content_hash())
    assert found[0] == f"SPM1|{key.office_id}|1.02.01|2024Q3|rev0|{report.content_hash()}"
    # The footer of every page names the same record.
    for page in range(1, page_count(path) + 1):
        assert f"SHA-256 {report.content_hash()[:16]}" in pdf_text(path, page)


def test_a_changed_figure_changes_the_printed_hash(filled, key, tmp_path):
    before = qr_codes(written(filled, tmp_path, name="a.pdf"), page_count(tmp_path / "a.pdf"), tmp_path)
    filled.reports.set_value(key, "64.11.01", "served", 132)
    after = qr_codes(written(filled, tmp_path, name="b.pdf"), page_count(tmp_path / "b.pdf"), tmp_path)
    assert before != after
    assert FormPayload.parse(after[0]).content_hash == filled.reports.get(key).content_hash()


def test_the_fonts_are_embedded(filled, tmp_path):
    found = fonts(written(filled, tmp_path))
    assert {name.split("+")[-1] for name, _ in found} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(embedded for _, embedded in found)


def test_pages_are_numbered_x_of_y(filled, tmp_path):
    path = written(filled, tmp_path)
    count = page_count(path)
    assert count >= 2
    for page in range(1, count + 1):
        assert f"Halaman {page} dari {count}" in pdf_text(path, page)


def test_fifty_desa_with_long_texts_flow_over_pages(data_dir, tmp_path):
    store = Store.open(data_dir)
    try:
        set_up(store, area_level="desa")
        key = ReportKey(store.require_installation().office.id, "1.02.01", PERIOD)
        areas = store.areas.reporting_areas("desa")
        desa = [a for a in areas if a.level == 4]
        assert len(desa) == 50
        long_problem = (
            "Akses sungai Mahakam terputus selama musim kemarau panjang sehingga tenaga kesehatan dari puskesmas"
            " induk tidak dapat menjangkau posyandu desa selama beberapa minggu berturut-turut"
        )
        edits = []
        for i, area in enumerate(desa):
            edits += [CellEdit(area.code, "target", 100 + i), CellEdit(area.code, "served", 50 + i)]
            if i % 5 == 0:
                edits += [
                    CellEdit(area.code, "problems", f"{area.name}: {long_problem}"),
                    CellEdit(area.code, "follow_up", "Pengadaan perahu motor dan pelayanan keliling setiap bulan"),
                ]
        store.reports.set_values(key, edits)
        path = written(store, tmp_path)
        report = store.reports.get(key)
    finally:
        store.close()

    count = page_count(path)
    assert count >= 3
    pages = [pdf_text(path, p) for p in range(1, count + 1)]
    table_pages = [p for p, text in enumerate(pages, 1) if re.search(r"^\s+\d+\s+\S", text, re.MULTILINE)]
    for number, text in enumerate(pages, 1):
        assert f"Halaman {number} dari {count}" in text
        if number > 1:  # the running header names the form on every following page
            assert "Laporan capaian SPM Triwulan III Tahun 2024 · 1.02.01 Pelayanan kesehatan ibu hamil" in text
    # The table's header is repeated on every page the rows reach.
    rows_pages = [p for p in table_pages if "Penerima pelayanan dasar" in pages[p - 1]]
    assert len(rows_pages) >= 2
    whole = "\n".join(pages)
    assert len(re.findall(r"^\s+Jumlah\s", whole, re.MULTILINE)) == 1  # the totals once, at the end
    totals_page = next(p for p, text in enumerate(pages, 1) if re.search(r"^\s+Jumlah\s", text, re.MULTILINE))
    assert all(p <= totals_page for p in rows_pages)
    totals = report.totals()
    totals_line = next(line for line in whole.splitlines() if re.match(r"^\s+Jumlah\s", line))
    expected = [format_int(totals.target), format_int(totals.served), format_int(totals.not_served)]
    assert f"Jumlah {' '.join(expected)} {format_percent(totals.recipients_pct)}" in squeezed(totals_line)
    for area in desa:
        assert area.name in whole
    for number in range(1, 52):  # 50 desa and the kabupaten-wide row, numbered through
        assert re.search(rf"^\s+{number}\s+\S", whole, re.MULTILINE), number
    assert "Kecamatan Long Bagun" in whole and "Kecamatan Long Pahangai" in whole
    flat = " ".join(whole.split())
    assert flat.count("Akses sungai Mahakam terputus") == 10
    assert "Mengetahui," in pages[-1]


def test_every_service_with_data_one_form_after_another(filled, key, tmp_path):
    other = ReportKey(key.office_id, "1.02.04", PERIOD)
    filled.reports.set_values(other, [CellEdit("64.11.01", "target", 1010), CellEdit("64.11.01", "served", 700)])
    assert services_with_data(filled, PERIOD) == ["1.02.01", "1.02.04"]
    result = report_pdf(filled, PERIOD, tmp_path / "all.pdf")
    assert result.sections == 2
    pages = [pdf_text(result.path, p) for p in range(1, result.pages + 1)]
    firsts = [p for p, text in enumerate(pages) if "LAPORAN CAPAIAN STANDAR PELAYANAN MINIMAL" in text]
    assert len(firsts) == 2
    assert "1.02.01 Pelayanan kesehatan ibu hamil" in pages[firsts[0]]
    assert "1.02.04 Pelayanan kesehatan balita" in pages[firsts[1]]
    # Each form numbers its own pages.
    first_count = firsts[1]
    second_count = len(pages) - firsts[1]
    assert f"Halaman 1 dari {first_count}" in pages[0]
    assert f"Halaman 1 dari {second_count}" in pages[firsts[1]]
    assert f"Halaman {second_count} dari {second_count}" in pages[-1]
    codes = {code for p in range(1, result.pages + 1) for code in qr_codes(result.path, p, tmp_path)}
    assert codes == {FormPayload.of(filled.reports.get(k)).text() for k in (key, other)}


def test_nothing_to_print_is_explained(store, tmp_path):
    with pytest.raises(UserError) as caught:
        report_pdf(store, PERIOD, tmp_path / "none.pdf")
    assert str(caught.value) == "Belum ada data untuk Triwulan III 2024; tidak ada formulir yang dapat dicetak."
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
    with pytest.raises(UserError, match=r"Layanan 1\.01\.01 tidak termasuk"):
        report_pdf(store, PERIOD, tmp_path / "x.pdf", ["1.01.01"])


def test_an_empty_service_can_still_be_printed_on_request(store, tmp_path):
    path = written(store, tmp_path)
    text = squeezed(pdf_text(path))
    assert "1 Long Bagun" in text and "Belum ada data dukung yang dilampirkan." in text
    assert "Tidak ada permasalahan yang dicatat." in text


def test_a_cancel_leaves_no_file(filled, tmp_path):
    forms = collect_report_forms(filled, PERIOD)
    calls = []

    class StopError(Exception):
        pass

    def progress(done, total):
        calls.append((done, total))
        if len(calls) > 2:
            raise StopError

    with pytest.raises(StopError):
        write_report_forms(tmp_path / "out.pdf", forms, progress)
    assert calls[0] == (0, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_an_existing_file_is_replaced_whole(filled, tmp_path):
    target = tmp_path / "form.pdf"
    target.write_bytes(b"old")
    written(filled, tmp_path)
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_missing_folder_is_explained(filled, tmp_path):
    with pytest.raises(UserError, match="tidak dapat diakses"):
        report_pdf(filled, PERIOD, tmp_path / "gone" / "form.pdf", ["1.02.01"])


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB tmpfs (root is needed to mount; CI runs as root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    target = tmp_path / "usb"
    target.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(target)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield target
    if subprocess.run(["umount", str(target)], capture_output=True, check=False).returncode != 0:
        subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)
        pytest.fail("a file on the small disk was still open after the test")


def test_a_full_disk_gives_the_indonesian_message_and_leaves_nothing(filled, small_disk):
    filler = small_disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    target = small_disk / "laporan.pdf"
    with pytest.raises(UserError) as caught:
        report_pdf(filled, PERIOD, target, ["1.02.01"])
    assert str(caught.value) == (
        f"Disk penuh di {target}. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan tetap aman."
    )
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]
    filler.unlink()
    assert report_pdf(filled, PERIOD, target, ["1.02.01"]).path.is_file()
