"""Evidence files (data dukung): typed by content, stored once under their SHA-256, never half-added."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.storage import file_types
from desktop.storage.data_dir import EVIDENCE_DIR
from tests.conftest import OPERATOR_NIP

from .helpers import (
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    raw_connect,
    write_bytes,
    write_docx,
    write_ods,
    write_odt,
    write_xlsx,
)


def stored_files(data_dir: Path) -> list[Path]:
    """Every file under the evidence folder (blobs and anything left half-way)."""
    root = data_dir / EVIDENCE_DIR
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def counts(store) -> tuple[int, int, int]:
    db = store.database
    return (
        db.scalar("SELECT COUNT(*) FROM evidence"),
        db.scalar("SELECT COUNT(*) FROM evidence_blobs"),
        db.scalar("SELECT COUNT(*) FROM audit_log"),
    )


@pytest.fixture
def sources(tmp_path) -> dict[str, Path]:
    """One real file of each accepted type, named as an operator's scanner or office suite would."""
    folder = tmp_path / "dari-flashdisk"
    folder.mkdir()
    return {
        "pdf": write_bytes(folder / "berita-acara.pdf", pdf_bytes()),
        "png": write_bytes(folder / "foto-posyandu.png", png_bytes()),
        "jpg": write_bytes(folder / "IMG_0001.JPG", jpeg_bytes()),
        "docx": write_docx(folder / "laporan.docx"),
        "xlsx": write_xlsx(folder / "rekap.xlsx"),
        "odt": write_odt(folder / "notulen.odt"),
        "ods": write_ods(folder / "sasaran.ods"),
    }


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pdf", file_types.PDF),
        ("png", file_types.PNG),
        ("jpg", file_types.JPEG),
        ("docx", file_types.DOCX),
        ("xlsx", file_types.XLSX),
        ("odt", file_types.ODT),
        ("ods", file_types.ODS),
    ],
)
def test_each_accepted_type_is_stored_and_typed_by_content(store, key, sources, data_dir, kind, expected):
    source = sources[kind]
    (item,) = store.evidence.add(key, "64.11.02", [source], "bukti layanan")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert item.sha256 == digest
    assert (item.media_type, item.extension, item.type_label) == (
        expected.media_type,
        expected.extension,
        expected.label,
    )
    assert item.original_name == source.name and item.size == source.stat().st_size
    assert (item.area_code, item.description) == ("64.11.02", "bukti layanan")
    assert item.added_by == f"Yohanes Ding (NIP {OPERATOR_NIP})"
    path = store.evidence.path_of(item)
    assert path == data_dir / EVIDENCE_DIR / digest[:2] / f"{digest}.{expected.extension}"
    assert path.read_bytes() == source.read_bytes()
    assert stored_files(data_dir) == [path]  # no temporary file left behind
    assert store.evidence.verify_file(item)
    assert [i.id for i in store.evidence.list(key)] == [item.id]


def test_a_text_file_named_pdf_is_refused(store, key, tmp_path, data_dir):
    fake = write_bytes(tmp_path / "scan.pdf", b"Ini hanya catatan, bukan PDF.\n" * 20)
    before = counts(store)
    with pytest.raises(UserError) as refused:
        store.evidence.add(key, None, [fake])
    assert str(refused.value) == (
        "Isi berkas 'scan.pdf' tidak dikenali sebagai PDF. Data dukung yang diterima: PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS."
    )
    assert counts(store) == before
    assert stored_files(data_dir) == []


def test_a_zip_that_is_no_office_document_is_refused(store, key, tmp_path):
    import zipfile

    archive = tmp_path / "dokumen.docx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "bukan dokumen Word")
    with pytest.raises(UserError, match="tidak dikenali sebagai DOCX"):
        store.evidence.add(key, None, [archive])


def test_content_wins_over_the_name(store, key, tmp_path):
    renamed = write_bytes(tmp_path / "foto.pdf", png_bytes(shade=7))
    (item,) = store.evidence.add(key, None, [renamed])
    assert (item.media_type, item.extension) == ("image/png", "png")
    assert item.original_name == "foto.pdf"  # what the operator called it is kept for display
    assert store.evidence.path_of(item).suffix == ".png"


def test_identical_files_are_stored_once(store, key, tmp_path, data_dir):
    first = write_bytes(tmp_path / "ba-long-bagun.pdf", pdf_bytes("sama"))
    second = write_bytes(tmp_path / "ba-salinan.pdf", pdf_bytes("sama"))
    (a,) = store.evidence.add(key, "64.11.01", [first])
    (b,) = store.evidence.add(key, "64.11.02", [second])
    assert a.id != b.id and a.sha256 == b.sha256
    assert len(stored_files(data_dir)) == 1
    assert store.database.scalar("SELECT COUNT(*) FROM evidence_blobs") == 1
    assert store.database.scalar("SELECT COUNT(*) FROM evidence") == 2
    assert store.evidence.counts_by_area(key) == {"64.11.01": 1, "64.11.02": 1}
    assert [i.original_name for i in store.evidence.list(key, "64.11.02")] == ["ba-salinan.pdf"]


def test_the_size_limit_is_explained(store, key, tmp_path, data_dir):
    with store.database.write() as conn:
        store.settings.put(conn, "evidence_max_bytes", 2 * 1024 * 1024)
    big = write_bytes(tmp_path / "scan-600dpi.pdf", pdf_bytes() + b"\0" * (3 * 1024 * 1024))
    with pytest.raises(UserError) as refused:
        store.evidence.add(key, None, [big])
    assert str(refused.value) == (
        "Berkas 'scan-600dpi.pdf' berukuran 3,0 MB, melebihi batas 2,0 MB. "
        "Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah)."
    )
    assert stored_files(data_dir) == []
    # Exactly at the limit is accepted.
    exact = write_bytes(tmp_path / "pas.pdf", pdf_bytes().ljust(2 * 1024 * 1024, b"\0"))
    (item,) = store.evidence.add(key, None, [exact])
    assert item.size == 2 * 1024 * 1024


def test_an_empty_file_is_refused(store, key, tmp_path):
    empty = write_bytes(tmp_path / "kosong.pdf", b"")
    with pytest.raises(UserError, match=r"^Berkas 'kosong\.pdf' kosong\.$"):
        store.evidence.add(key, None, [empty])


def test_a_missing_file_and_a_folder_are_refused(store, key, tmp_path):
    with pytest.raises(UserError, match="tidak ditemukan"):
        store.evidence.add(key, None, [tmp_path / "hilang.pdf"])
    with pytest.raises(UserError, match="bukan berkas"):
        store.evidence.add(key, None, [tmp_path])
    assert store.evidence.list(key) == []


def test_several_files_are_attached_all_or_none(store, key, sources, tmp_path, data_dir):
    bad = write_bytes(tmp_path / "catatan.pdf", b"bukan pdf")
    before = counts(store)
    with pytest.raises(UserError, match=r"catatan\.pdf"):
        store.evidence.add(key, "64.11.01", [sources["pdf"], sources["png"], bad, sources["xlsx"]])
    assert counts(store) == before
    assert stored_files(data_dir) == []
    assert store.reports.report_id(key) is None

    items = store.evidence.add(key, "64.11.01", [sources["pdf"], sources["png"], sources["xlsx"]])
    assert [i.original_name for i in items] == ["berita-acara.pdf", "foto-posyandu.png", "rekap.xlsx"]
    assert len(stored_files(data_dir)) == 3


def test_an_unknown_area_is_refused_before_anything_is_copied(store, key, sources, data_dir):
    with pytest.raises(UserError, match=r"Wilayah 64\.10\.01 bukan bagian"):
        store.evidence.add(key, "64.10.01", [sources["pdf"]])
    assert stored_files(data_dir) == []


def test_when_the_database_refuses_the_rows_the_copied_bytes_are_taken_out_again(store, key, sources, data_dir):
    # Another program holds the write lock: the files get copied, then the transaction cannot start.
    (kept,) = store.evidence.add(key, None, [sources["odt"]])  # a blob that existed before must stay
    store.database.conn.execute("PRAGMA busy_timeout = 50")
    before = counts(store)
    with closing(raw_connect(data_dir)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(UserError, match="sedang dipakai proses lain"):
            store.evidence.add(key, None, [sources["pdf"], sources["odt"], sources["jpg"]])
        other.execute("ROLLBACK")
    assert counts(store) == before
    assert stored_files(data_dir) == [store.evidence.path_of(kept)]


def test_removal_is_audited_and_the_bytes_stay(store, key, sources):
    (item,) = store.evidence.add(key, "64.11.03", [sources["pdf"]])
    store.evidence.remove(item.id, "salah unggah")
    assert store.evidence.list(key) == []
    (removed,) = store.evidence.list(key, include_removed=True)
    assert removed.removed_at is not None
    assert store.evidence.path_of(item).read_bytes() == sources["pdf"].read_bytes()
    assert store.evidence.verify_file(removed)
    entry = store.audit.entries()[0]
    assert (entry.action, entry.subject, entry.field) == ("evidence.remove", f"evidence/{item.id}", "evidence")
    assert entry.before == {"name": "berita-acara.pdf", "sha256": item.sha256, "area": "64.11.03"}
    assert entry.after == {"reason": "salah unggah"}
    count = store.database.scalar("SELECT COUNT(*) FROM audit_log")
    store.evidence.remove(item.id)  # removing twice records nothing more
    assert store.database.scalar("SELECT COUNT(*) FROM audit_log") == count
    assert store.audit.verify().ok
    with pytest.raises(KeyError):
        store.evidence.remove("no-such-id")


@pytest.mark.parametrize("status", [ReportStatus.SUBMITTED, ReportStatus.APPROVED])
def test_a_frozen_report_takes_no_evidence_and_keeps_what_it_has(store, key, sources, data_dir, status):
    (item,) = store.evidence.add(key, "64.11.01", [sources["pdf"]])
    with store.database.write() as conn:
        conn.execute("UPDATE reports SET status = ?", (status.value,))
    before = (counts(store), stored_files(data_dir))
    with pytest.raises(UserError, match="tidak dapat diubah"):
        store.evidence.add(key, "64.11.01", [sources["png"]])
    with pytest.raises(UserError, match="tidak dapat diubah"):
        store.evidence.remove(item.id)
    assert (counts(store), stored_files(data_dir)) == before
    assert [i.id for i in store.evidence.list(key)] == [item.id]


def test_a_flipped_byte_in_a_stored_file_is_detected(store, key, sources):
    items = store.evidence.add(key, None, [sources["png"], sources["docx"]])
    assert all(store.evidence.verify_file(i) for i in items)
    path = store.evidence.path_of(items[0])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert not store.evidence.verify_file(items[0])
    assert store.evidence.verify_file(items[1])
    path.unlink()
    assert not store.evidence.verify_file(items[0])  # a missing file does not verify either


def test_evidence_rows_cannot_point_at_a_blob_that_is_not_recorded(store, key, sources):
    # The foreign key keeps the metadata honest even against a careless script.
    store.evidence.add(key, None, [sources["pdf"]])
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.database.conn.execute(
            "INSERT INTO evidence (id, report_id, sha256, original_name, added_at, added_by)"
            " VALUES ('x', 1, 'no-such-blob', 'x.pdf', 'now', 'me')"
        )


def test_staging_runs_off_the_connection_thread_and_attach_records_it(store, key, sources, data_dir):
    from concurrent.futures import ThreadPoolExecutor

    limit = store.settings.evidence_max_bytes
    with ThreadPoolExecutor(1) as pool:  # a worker thread may not touch the store's connection
        staged = pool.submit(store.evidence.stage, [sources["pdf"], sources["png"]], limit).result()
    assert [s.name for s in staged] == ["berita-acara.pdf", "foto-posyandu.png"]
    assert store.database.scalar("SELECT COUNT(*) FROM evidence") == 0  # nothing recorded yet
    assert len(stored_files(data_dir)) == 2
    items = store.evidence.attach(key, "64.11.02", staged, "foto kegiatan")
    assert [i.original_name for i in store.evidence.list(key)] == ["berita-acara.pdf", "foto-posyandu.png"]
    assert {i.description for i in items} == {"foto kegiatan"}


def test_discarding_a_cancelled_stage_takes_its_new_bytes_out(store, key, sources, data_dir):
    (kept,) = store.evidence.add(key, None, [sources["pdf"]])
    staged = store.evidence.stage([sources["pdf"], sources["png"]], store.settings.evidence_max_bytes)
    assert [s.created for s in staged] == [False, True]  # the PDF was in the store already
    store.evidence.discard(staged)
    assert stored_files(data_dir) == [store.evidence.path_of(kept)]
    assert store.evidence.verify_file(kept)
