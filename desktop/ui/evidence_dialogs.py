"""The small questions the evidence panel asks; module functions so tests can answer them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QWidget

FILE_PATTERNS = "*.pdf *.jpg *.jpeg *.png *.xlsx *.docx *.odt *.ods"
LISTED_NAMES = 8
DIALOG_WIDTH = 460


def choose_files(parent: QWidget, folder: str) -> list[str]:
    """Asks which files to attach; an empty list when cancelled."""
    filters = [
        QCoreApplication.translate("EvidenceDialogs", "Data dukung ({patterns})").format(patterns=FILE_PATTERNS),
        # Content is checked anyway, so any file may be picked; a wrong one is refused with its reason.
        QCoreApplication.translate("EvidenceDialogs", "Semua berkas (*)"),
    ]
    files, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("EvidenceDialogs", "Pilih data dukung"), folder, ";;".join(filters)
    )
    return files


def ask_description(parent: QWidget, names: list[str]) -> str | None:
    """Asks an optional description (keterangan) for the files; None when cancelled."""
    dialog = _input_dialog(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Lampirkan data dukung"),
        QCoreApplication.translate("EvidenceDialogs", "Lampirkan"),
    )
    listed = "\n".join(f"• {name}" for name in names[:LISTED_NAMES])
    if len(names) > LISTED_NAMES:
        listed += "\n" + QCoreApplication.translate("EvidenceDialogs", "… dan {count} berkas lain").format(
            count=len(names) - LISTED_NAMES
        )
    dialog.setLabelText(
        QCoreApplication.translate("EvidenceDialogs", "{listed}\n\nKeterangan (boleh dikosongkan):").format(
            listed=listed
        )
    )
    return _answer(dialog)


def ask_remove_reason(parent: QWidget, name: str) -> str | None:
    """Confirms taking a file off the report and asks an optional reason; None when cancelled."""
    dialog = _input_dialog(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Lepas data dukung"),
        QCoreApplication.translate("EvidenceDialogs", "Lepas"),
    )
    dialog.setLabelText(
        QCoreApplication.translate(
            "EvidenceDialogs",
            "Lepaskan '{name}' dari laporan ini?\n"
            "Berkasnya tetap tersimpan dan tindakan ini dicatat di log audit.\n\n"
            "Alasan (boleh dikosongkan):",
        ).format(name=name)
    )
    return _answer(dialog)


def _input_dialog(parent: QWidget, title: str, ok_text: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    # Qt ships no Indonesian translation of its own OK/Cancel.
    dialog.setOkButtonText(ok_text)
    dialog.setCancelButtonText(QCoreApplication.translate("EvidenceDialogs", "Batal"))
    return dialog


def _answer(dialog: QInputDialog) -> str | None:
    # Wide enough for a long file name and a sentence of description.
    dialog.resize(max(DIALOG_WIDTH, dialog.sizeHint().width()), dialog.sizeHint().height())
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.textValue().strip() if accepted else None
    finally:
        dialog.deleteLater()
