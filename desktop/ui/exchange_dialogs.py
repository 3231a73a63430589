"""The file and message dialogs of the bundle windows; module functions, so tests can answer them.

Folders are remembered per kind in QSettings (a USB stick for bundles, a documents folder for keys);
a remembered folder that is gone (the stick was pulled out) falls back to the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

EXPORT_FOLDER = "exchange/export_folder"
IMPORT_FOLDER = "exchange/import_folder"
KEY_FOLDER = "exchange/key_folder"
IDENTITY_FOLDER = "exchange/identity_folder"


def remembered_folder(setting: str) -> Path | None:
    """The folder last used for this kind of file, if it is still there."""
    value = QSettings().value(setting)
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return None


def remember_folder(setting: str, path: str | Path) -> None:
    """Remembers the folder of a chosen file for the next time."""
    QSettings().setValue(setting, str(Path(path).parent))


def start_folder(setting: str) -> str:
    """Where a file dialog opens: the remembered folder, or the home folder."""
    return str(remembered_folder(setting) or Path.home())


def save_bundle_path(parent: QWidget, suggested: str) -> str:
    """Where to write a bundle ("" when cancelled); ".spmb" is added when the name has no suffix."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Simpan paket laporan"),
        suggested,
        ";;".join(
            (
                QCoreApplication.translate("ExchangeDialogs", "Paket laporan SPM (*.spmb)"),
                QCoreApplication.translate("ExchangeDialogs", "Semua berkas (*)"),
            )
        ),
    )
    if path and not Path(path).suffix:
        path += ".spmb"
    return path


def _open_path(parent: QWidget, title: str, folder: str, kind: str) -> str:
    """A file to open, of `kind` (a file-dialog filter) or any ("" when cancelled)."""
    every = QCoreApplication.translate("ExchangeDialogs", "Semua berkas (*)")
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, f"{kind};;{every}")
    return path


def open_bundle_path(parent: QWidget, folder: str) -> str:
    """Which bundle to receive ("" when cancelled)."""
    return _open_path(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Terima paket laporan"),
        folder,
        QCoreApplication.translate("ExchangeDialogs", "Paket laporan SPM (*.spmb *.spmb.age *.age)"),
    )


def open_identity_path(parent: QWidget, folder: str) -> str:
    """The age key file that opens an encrypted bundle ("" when cancelled)."""
    return _open_path(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Pilih kunci age untuk membuka paket terenkripsi"),
        folder,
        QCoreApplication.translate("ExchangeDialogs", "Kunci age (*.txt *.key *.age-key)"),
    )


def open_public_key_path(parent: QWidget, folder: str) -> str:
    """A partner's public key file to trust ("" when cancelled)."""
    return _open_path(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Pilih kunci publik mitra"),
        folder,
        QCoreApplication.translate("ExchangeDialogs", "Kunci publik minisign (*.pub)"),
    )


def save_public_key_path(parent: QWidget, suggested: str) -> str:
    """Where to write the office's public key ("" when cancelled); ".pub" is added when missing."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExchangeDialogs", "Ekspor kunci publik kantor"),
        suggested,
        QCoreApplication.translate("ExchangeDialogs", "Kunci publik minisign (*.pub)"),
    )
    if path and not Path(path).suffix:
        path += ".pub"
    return path


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A finished job's result."""
    QMessageBox.information(parent, title, text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A failure the user can act on."""
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None) -> bool:
    """A yes/no question with the answers spelled out (Qt ships no Indonesian Yes/No); True for `yes`."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(
        box.addButton(no or QCoreApplication.translate("ExchangeDialogs", "Batal"), QMessageBox.ButtonRole.RejectRole)
    )
    try:
        box.exec()
        return box.clickedButton() is accept
    finally:
        box.deleteLater()
