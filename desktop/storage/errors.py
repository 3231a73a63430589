"""Turns the operating system's and SQLite's failures into messages an operator can act on."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, UserError, user_error


def disk_full(where: Path | str) -> UserError:
    """The disk holding `where` is full."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "Storage",
            "Disk penuh di {where}. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan tetap aman.",
        ),
        where=str(where),
    )


def read_only(where: Path | str) -> UserError:
    """The folder or file cannot be written."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "Storage",
            "Folder data {where} tidak dapat ditulisi (hanya-baca atau tanpa izin). Perubahan tidak disimpan.",
        ),
        where=str(where),
    )


def damaged(where: Path | str) -> UserError:
    """The database file is damaged."""
    return user_error(
        QT_TRANSLATE_NOOP("Storage", "Berkas basis data {where} rusak. Pulihkan dari cadangan terakhir."),
        where=str(where),
    )


def translate_os_error(exc: OSError, where: Path | str) -> UserError:
    """A UserError for a failed file operation."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return disk_full(where)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(where)
    if exc.errno in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT):
        return user_error(
            QT_TRANSLATE_NOOP(
                "Storage", "Media penyimpanan {where} tidak dapat diakses ({reason}). Periksa apakah masih terpasang."
            ),
            where=str(where),
            reason=exc.strerror or str(exc),
        )
    return user_error(
        QT_TRANSLATE_NOOP("Storage", "Gagal menulis ke {where}: {reason}"),
        where=str(where),
        reason=exc.strerror or str(exc),
    )


def translate_sqlite_error(exc: sqlite3.Error, where: Path | str) -> UserError | None:
    """A UserError for SQLite failures the user can act on; None for what is a bug."""
    text = str(exc).lower()
    if "disk is full" in text or ("disk i/o error" in text and _is_full(where)):
        return disk_full(where)
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return read_only(where)
    if "database is locked" in text or "database is busy" in text:
        return user_error(
            QT_TRANSLATE_NOOP(
                "Storage", "Basis data sedang dipakai proses lain. Tutup aplikasi SPM Luring yang lain lalu coba lagi."
            )
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return damaged(where)
    if "disk i/o error" in text:
        return user_error(
            QT_TRANSLATE_NOOP("Storage", "Kesalahan baca/tulis disk di {where}. Perubahan tidak disimpan."),
            where=str(where),
        )
    return None


def _is_full(where: Path | str) -> bool:
    import shutil

    try:
        return shutil.disk_usage(Path(where).parent if Path(where).is_file() else where).free < 1 << 20
    except OSError:
        return False
