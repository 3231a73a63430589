"""The folder choosers and questions of backup and restore; module functions, so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.domain.formatting import format_int
from desktop.storage.backup_manifest import Manifest
from desktop.ui import exchange_dialogs

BACKUP_FOLDER = "backup/folder"  # where the last backup went (usually a USB stick)


def start_folder() -> str:
    """Where the folder choosers open: the last backup folder while it is there, or the home folder."""
    value = QSettings().value(BACKUP_FOLDER)
    return value if isinstance(value, str) and value and Path(value).is_dir() else str(Path.home())


def remember(folder: str | Path) -> None:
    """Remembers the folder that holds backups."""
    QSettings().setValue(BACKUP_FOLDER, str(folder))


def choose_target(parent: QWidget) -> str:
    """The folder to write a backup into ("" when cancelled)."""
    return QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("BackupDialogs", "Pilih folder tujuan cadangan (misalnya flashdisk)"),
        start_folder(),
    )


def choose_backup(parent: QWidget) -> str:
    """The backup folder to restore (spm-luring-cadangan-…; "" when cancelled)."""
    return QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("BackupDialogs", "Pilih folder cadangan yang akan dipulihkan"),
        start_folder(),
    )


def describe(manifest: Manifest) -> str:
    """What a backup holds, in one sentence for the confirmation."""
    return QCoreApplication.translate(
        "BackupDialogs", "Cadangan dibuat {when} oleh SPM Luring {version}: {files} berkas, {size} MB."
    ).format(
        when=manifest.created_at.replace("T", " ").replace("Z", " UTC"),
        version=manifest.app_version,
        files=format_int(len(manifest.files)),
        size=f"{manifest.total_bytes / 1024 / 1024:.1f}".replace(".", ","),
    )


def confirm_restore(parent: QWidget, manifest: Manifest) -> bool:
    """Asks before the data is replaced; True to go on."""
    text = (
        describe(manifest)
        + "\n\n"
        + QCoreApplication.translate(
            "BackupDialogs",
            "Semua data di aplikasi ini akan diganti dengan isi cadangan. Data yang sekarang tidak dihapus: "
            "disimpan di folder 'backups' di folder data. Aplikasi akan ditutup setelah pemulihan; buka kembali.",
        )
    )
    return exchange_dialogs.confirm(
        parent,
        QCoreApplication.translate("BackupDialogs", "Pulihkan dari cadangan"),
        text,
        QCoreApplication.translate("BackupDialogs", "Pulihkan"),
    )


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A finished backup or restore."""
    exchange_dialogs.inform(parent, title, text)
