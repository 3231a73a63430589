"""The evidence store (data dukung): files kept under their SHA-256 name, linked to reports and areas.

A file is streamed into a temporary name while it is hashed, synced, then renamed into place;
identical files are stored once. Files are never edited; removing one from a report is audited
and its bytes stay in the store.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.periods import Period
from desktop.storage import file_types
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database
from desktop.storage.durable_files import commit_file, fsync_dir
from desktop.storage.errors import translate_os_error
from desktop.storage.reports import ReportKey, ReportRepository, require_editable
from desktop.storage.settings import Settings

CHUNK = 1024 * 1024


def new_uuid() -> str:
    """A random UUID; uuid is imported on first use (it imports platform, a cost at every start)."""
    import uuid

    return str(uuid.uuid4())


EVIDENCE, SIGNED_FORM = "evidence", "signed_form"
KINDS = (EVIDENCE, SIGNED_FORM)
ALL_AREAS = object()  # list() filter: every row's evidence and the report's own


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence file attached to a report (and maybe one of its areas)."""

    id: str
    report_id: int
    area_code: str | None
    sha256: str
    original_name: str
    description: str
    media_type: str
    extension: str
    size: int
    added_at: str
    added_by: str
    removed_at: str | None
    kind: str = EVIDENCE  # or SIGNED_FORM: the printed report form, signed and scanned back

    @property
    def type_label(self) -> str:
        """PDF, JPEG, … as shown in the list."""
        found = file_types.BY_MEDIA_TYPE.get(self.media_type)
        return found.label if found else self.extension.upper()


@dataclass(frozen=True)
class StagedFile:
    """A checked file copied into the store under its hash, not yet recorded on any report."""

    name: str
    sha256: str
    file_type: file_types.FileType
    size: int
    created: bool  # this staging brought the bytes in (they were not in the store before)


@dataclass(frozen=True)
class _Checked:
    source: Path
    file_type: file_types.FileType
    size: int


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


class EvidenceStore:
    """Adds, lists and removes evidence files of one install."""

    def __init__(
        self,
        database: Database,
        audit: AuditLog,
        reports: ReportRepository,
        settings: Settings,
        root: Path,
        actor: Callable[[], str],
    ):
        self.database, self.audit, self.reports, self.settings = database, audit, reports, settings
        self.root, self.actor = root, actor

    def blob_path(self, sha256: str, extension: str) -> Path:
        """Where the bytes of a stored file are."""
        return self.root / sha256[:2] / f"{sha256}.{extension}"

    def path_of(self, item: EvidenceItem) -> Path:
        """The stored file of an item (open it read-only)."""
        return self.blob_path(item.sha256, item.extension)

    def check(self, source: Path, limit: int | None = None) -> _Checked:
        """Refuses a missing, over-large or unrecognised file before anything is copied.

        `limit` (bytes) defaults to the install's setting; pass it when calling off the GUI thread.
        """
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise user_error(QT_TRANSLATE_NOOP("Evidence", "'{name}' bukan berkas."), name=source.name)
            found = file_types.sniff(source)
        except FileNotFoundError as exc:
            raise user_error(
                QT_TRANSLATE_NOOP("Evidence", "Berkas '{name}' tidak ditemukan."), name=str(source)
            ) from exc
        except OSError as exc:
            raise translate_os_error(exc, source) from exc
        if limit is None:
            limit = self.settings.evidence_max_bytes
        if size > limit:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Evidence",
                    "Berkas '{name}' berukuran {size} MB, melebihi batas {limit} MB. Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah).",
                ),
                name=source.name,
                size=_megabytes(size),
                limit=_megabytes(limit),
            )
        if size == 0:
            raise user_error(QT_TRANSLATE_NOOP("Evidence", "Berkas '{name}' kosong."), name=source.name)
        if found is None:
            suffix = source.suffix.lower().lstrip(".")
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Evidence",
                    "Isi berkas '{name}' tidak dikenali sebagai {claimed}. Data dukung yang diterima: PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS.",
                ),
                name=source.name,
                claimed=suffix.upper() if suffix else QT_TRANSLATE_NOOP("Evidence", "jenis yang diterima"),
            )
        return _Checked(source, found, size)

    def add(
        self,
        key: ReportKey,
        area_code: str | None,
        sources: Sequence[Path],
        description: str = "",
        kind: str = EVIDENCE,
    ) -> list[EvidenceItem]:
        """Attaches files to a report (or one of its areas): all of them, or none."""
        staged = self.stage(sources, self.settings.evidence_max_bytes)
        return self.attach(key, area_code, staged, description, kind)

    def stage(self, sources: Sequence[Path], limit: int) -> list[StagedFile]:
        """Checks every file, then copies each into the store under its hash; no database work.

        Safe on a worker thread (the slow part of attaching); all or none: on failure the bytes
        this call brought in are taken out again.
        """
        checked = [self.check(Path(s), limit) for s in sources]
        staged: list[StagedFile] = []
        try:
            for item in checked:
                sha, created = self._store_bytes(item)
                staged.append(StagedFile(item.source.name, sha, item.file_type, item.size, created))
        except BaseException:
            self._remove_new_bytes(staged, check_database=False)
            raise
        return staged

    def attach(
        self,
        key: ReportKey,
        area_code: str | None,
        staged: Sequence[StagedFile],
        description: str = "",
        kind: str = EVIDENCE,
    ) -> list[EvidenceItem]:
        """Records staged files on a report in one transaction; on failure no row and no new bytes stay."""
        if kind not in KINDS:
            raise ValueError(kind)
        try:
            self.reports.guard(key)
            if (
                area_code is not None
                and self.database.scalar("SELECT 1 FROM areas WHERE code = ?", (area_code,)) is None
            ):
                raise user_error(
                    QT_TRANSLATE_NOOP("Evidence", "Wilayah {code} bukan bagian dari kabupaten/kota ini."),
                    code=area_code,
                )
            actor = self.actor()
            ids = []
            with self.database.write() as conn:
                report_id, status = self.reports.ensure_report(conn, key, actor)
                require_editable(status)
                now = now_utc()
                for item in staged:
                    conn.execute(
                        "INSERT OR IGNORE INTO evidence_blobs (sha256, size, media_type, extension, stored_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (item.sha256, item.size, item.file_type.media_type, item.file_type.extension, now),
                    )
                    evidence_id = new_uuid()
                    conn.execute(
                        "INSERT INTO evidence (id, report_id, area_code, sha256, original_name, description, added_at,"
                        " added_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            evidence_id,
                            report_id,
                            area_code,
                            item.sha256,
                            item.name,
                            description.strip(),
                            now,
                            actor,
                            kind,
                        ),
                    )
                    self.audit.record(
                        conn,
                        actor,
                        "evidence.add",
                        f"{key.subject}/{area_code or '*'}",
                        "evidence",
                        after={
                            "id": evidence_id,
                            "name": item.name,
                            "sha256": item.sha256,
                            "size": item.size,
                            **({"kind": kind} if kind != EVIDENCE else {}),
                        },
                    )
                    ids.append(evidence_id)
        except BaseException:
            self._remove_new_bytes(staged, check_database=True)
            raise
        return [self.get(i) for i in ids]

    def discard(self, staged: Sequence[StagedFile]) -> None:
        """Takes out the bytes of staged files that were never attached (a cancelled attach); any thread."""
        self._remove_new_bytes(staged, check_database=True)

    def _remove_new_bytes(self, staged: Sequence[StagedFile], *, check_database: bool) -> None:
        for item in staged:
            if not item.created:
                continue
            # A row recorded meanwhile (the same file attached elsewhere) keeps the bytes.
            if check_database and self.database.read_one(
                "SELECT 1 FROM evidence_blobs WHERE sha256 = ?", (item.sha256,)
            ):
                continue
            self.blob_path(item.sha256, item.file_type.extension).unlink(missing_ok=True)

    def _store_bytes(self, item: _Checked) -> tuple[str, bool]:
        incoming = self.root / ".incoming"
        temporary = incoming / f"{new_uuid()}.part"
        digest = hashlib.sha256()
        copied = 0
        reading = False  # which side failed: reading the source, or writing into the store
        try:
            incoming.mkdir(parents=True, exist_ok=True)
            with item.source.open("rb") as src, temporary.open("wb") as dst:
                while True:
                    reading = True
                    chunk = src.read(CHUNK)
                    reading = False
                    if not chunk:
                        break
                    digest.update(chunk)
                    dst.write(chunk)
                    copied += len(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            if copied != item.size:
                # The source changed or was cut off (a pulled USB stick) after it was checked.
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Evidence", "Berkas '{name}' berubah atau terputus saat disalin; tidak dilampirkan. Coba lagi."
                    ),
                    name=item.source.name,
                )
            sha = digest.hexdigest()
            final = self.blob_path(sha, item.file_type.extension)
            if final.exists():
                temporary.unlink()
                return sha, False
            final.parent.mkdir(exist_ok=True)
            commit_file(temporary, final)
            fsync_dir(self.root)
            return sha, True
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            # A write error (a full disk) carries no file name: it is the store's, not the source's.
            where = item.source if reading or str(exc.filename or "") == str(item.source) else self.root
            raise translate_os_error(exc, where) from exc
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def store_stream(
        self,
        reader,
        sha256: str,
        size: int,
        file_type: file_types.FileType,
        name: str,
        check: Callable[[], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> StagedFile:
        """Streams bytes (an imported bundle's evidence) into the store under their hash; no database work.

        The bytes must be exactly `size` long, hash to `sha256` and look like `file_type` by their
        content, or nothing is kept and a UserError says so. `check` is called between chunks and may
        raise to stop (a cancel); `progress` gets the bytes of each chunk. Like `stage`, safe on a
        worker thread; pass the result to `discard` if it is not recorded after all.
        """
        final = self.blob_path(sha256, file_type.extension)
        if final.exists():
            return StagedFile(name, sha256, file_type, size, False)
        incoming = self.root / ".incoming"
        temporary = incoming / f"{new_uuid()}.part"
        digest = hashlib.sha256()
        copied = 0
        try:
            incoming.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as dst:
                while chunk := reader.read(CHUNK):
                    if check is not None:
                        check()
                    digest.update(chunk)
                    dst.write(chunk)
                    copied += len(chunk)
                    if progress is not None:
                        progress(len(chunk))
                dst.flush()
                os.fsync(dst.fileno())
            if copied != size or digest.hexdigest() != sha256 or file_types.sniff(temporary) != file_type:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Evidence", "Berkas '{name}' tidak cocok dengan hash atau jenisnya; tidak disimpan."
                    ),
                    name=name,
                )
            final.parent.mkdir(exist_ok=True)
            commit_file(temporary, final)
            fsync_dir(self.root)
            return StagedFile(name, sha256, file_type, size, True)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise translate_os_error(exc, self.root) from exc
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    _SELECT = (
        "SELECT e.id, e.report_id, e.area_code, e.sha256, e.original_name, e.description, b.media_type,"
        " b.extension, b.size, e.added_at, e.added_by, e.removed_at, e.kind"
        " FROM evidence e JOIN evidence_blobs b ON b.sha256 = e.sha256"
    )

    def get(self, evidence_id: str) -> EvidenceItem:
        """One item by id; KeyError when there is none."""
        rows = self.database.query(self._SELECT + " WHERE e.id = ?", (evidence_id,))
        if not rows:
            raise KeyError(evidence_id)
        return EvidenceItem(**rows[0])

    def list(self, key: ReportKey, area_code=ALL_AREAS, include_removed: bool = False) -> list[EvidenceItem]:
        """A report's evidence: all of it, the report's own (area None), or one area's."""
        report_id = self.reports.report_id(key)
        if report_id is None:
            return []
        sql, params = self._SELECT + " WHERE e.report_id = ?", [report_id]
        if area_code is None:
            sql += " AND e.area_code IS NULL"
        elif area_code is not ALL_AREAS:
            sql += " AND e.area_code = ?"
            params.append(area_code)
        if not include_removed:
            sql += " AND e.removed_at IS NULL"
        return [EvidenceItem(**r) for r in self.database.query(sql + " ORDER BY e.added_at, e.rowid", tuple(params))]

    def counts_by_area(self, key: ReportKey) -> dict[str | None, int]:
        """How many files each area (None: the report itself) has."""
        report_id = self.reports.report_id(key)
        if report_id is None:
            return {}
        rows = self.database.conn.execute(
            "SELECT area_code, COUNT(*) FROM evidence WHERE report_id = ? AND removed_at IS NULL GROUP BY area_code",
            (report_id,),
        )
        return dict(rows.fetchall())

    def remove(self, evidence_id: str, reason: str = "") -> None:
        """Takes a file off its report (audited); its bytes stay in the store."""
        item = self.get(evidence_id)
        if item.removed_at is not None:
            return
        office_id, service_code, year, quarter = self.database.conn.execute(
            "SELECT office_id, service_code, year, quarter FROM reports WHERE id = ?", (item.report_id,)
        ).fetchone()
        self.reports.guard(ReportKey(office_id, service_code, Period(year, quarter)))
        actor = self.actor()
        with self.database.write() as conn:
            status = conn.execute("SELECT status FROM reports WHERE id = ?", (item.report_id,)).fetchone()[0]
            require_editable(status)
            conn.execute(
                "UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?", (now_utc(), actor, evidence_id)
            )
            self.audit.record(
                conn,
                actor,
                "evidence.remove",
                f"evidence/{evidence_id}",
                "evidence",
                before={"name": item.original_name, "sha256": item.sha256, "area": item.area_code},
                after={"reason": reason} if reason else None,
            )

    def verify_file(self, item: EvidenceItem) -> bool:
        """Whether the stored bytes still hash to their name."""
        digest = hashlib.sha256()
        try:
            with self.path_of(item).open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except OSError:
            return False
        return digest.hexdigest() == item.sha256
