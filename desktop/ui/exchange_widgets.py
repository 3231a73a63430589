"""Widgets the key and bundle windows share: an inline message, a fingerprint to read aloud, and the
passphrase pair (masked, repeated, checked as typed) of a new office key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.domain.messages import UserError
from desktop.exchange.keys import MIN_PASSPHRASE, check_passphrase
from desktop.ui.i18n import tr_user_error

STYLES = {
    "error": "background: #fdecea; color: #8c1d18; border: 1px solid #f1b5ae; border-radius: 4px; padding: 8px;",
    "warning": "background: #fff4e5; color: #663c00; border: 1px solid #f5d29b; border-radius: 4px; padding: 8px;",
    "info": "background: #e8f0fb; color: #0d3c61; border: 1px solid #b6cdee; border-radius: 4px; padding: 8px;",
    "ok": "background: #e8f3ec; color: #1e4620; border: 1px solid #b7dcc3; border-radius: 4px; padding: 8px;",
}
HINT_COLOURS = {"error": "#b3261e", "weak": "#8a5300", "fair": "#5f6368", "strong": "#1b5e20", "neutral": "#5f6368"}


class MessageLabel(QLabel):
    """A message inside a dialog (a refusal, a result), coloured by kind; hidden while empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = ""
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, kind: str, text: str, *, rich: bool = False) -> None:
        """Shows `text` styled as "error", "warning", "info" or "ok" (`rich`: it is HTML, already escaped)."""
        self.kind = kind
        self.setStyleSheet(STYLES[kind])
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setText(text)
        self.setVisible(bool(text))

    def plain_text(self) -> str:
        """The message without markup (what tests and screen readers compare)."""
        if self.textFormat() != Qt.TextFormat.RichText:
            return self.text()
        document = QTextDocument()
        document.setHtml(self.text())
        return document.toPlainText()

    def clear_message(self) -> None:
        """Hides the message."""
        self.kind = ""
        self.setText("")
        self.hide()


class FingerprintLabel(QLabel):
    """A key fingerprint in large monospace type, selectable, to compare or read over the phone."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, point_size: int = 20):
        super().__init__(text, parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(point_size)
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 105)
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel { background: palette(base); border: 1px solid palette(mid); padding: 10px; }")
        self.setAccessibleName(QCoreApplication.translate("ExchangeWidgets", "Sidik jari kunci"))


def passphrase_strength(text: str) -> tuple[str, str]:
    """(level, hint) for a new passphrase: "neutral" (empty), "error" (refused), "weak", "fair", "strong"."""
    if not text:
        return "neutral", QCoreApplication.translate(
            "ExchangeWidgets",
            "Paling sedikit {minimum} karakter. Beberapa kata yang mudah Anda ingat lebih kuat daripada "
            "satu kata yang rumit, misalnya: perahu sungai mahakam pagi.",
        ).format(minimum=MIN_PASSPHRASE)
    if len(text) < MIN_PASSPHRASE:
        return "error", QCoreApplication.translate(
            "ExchangeWidgets", "Terlalu pendek: {count} dari paling sedikit {minimum} karakter."
        ).format(count=len(text), minimum=MIN_PASSPHRASE)
    try:
        check_passphrase(text)
    except UserError as exc:
        return "error", tr_user_error(exc)
    words = len(text.split())
    kinds = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() and not c.isspace() for c in text),
        )
    )
    distinct = len(set(text.casefold()))
    if distinct <= 3 or (len(text) < 12 and kinds <= 1 and words < 2):
        return "weak", QCoreApplication.translate(
            "ExchangeWidgets", "Lemah: mudah ditebak. Tambahkan kata lain atau angka."
        )
    if len(text) >= 20 or (len(text) >= 14 and (words >= 3 or kinds >= 3)):
        return "strong", QCoreApplication.translate("ExchangeWidgets", "Kuat.")
    return "fair", QCoreApplication.translate(
        "ExchangeWidgets", "Cukup. Frasa yang lebih panjang (tiga kata atau lebih) lebih aman."
    )


class PassphraseFields(QWidget):
    """A new passphrase typed twice, masked; says as it is typed whether it can be used."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(1024)
            field.textChanged.connect(self._update)
        self.first.setAccessibleName(self.tr("Frasa sandi"))
        self.second.setAccessibleName(self.tr("Ulangi frasa sandi"))
        self.show_text = QCheckBox(self.tr("&Tampilkan frasa sandi"), self)
        self.show_text.toggled.connect(self._show_text)
        self.strength = QLabel(self)
        self.strength.setWordWrap(True)
        self.match = QLabel(self)
        self.match.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Frasa sandi:"), self.first)
        form.addRow("", self.strength)
        form.addRow(self.tr("&Ulangi frasa sandi:"), self.second)
        form.addRow("", self.match)
        form.addRow("", self.show_text)
        self._update()

    def passphrase(self) -> str:
        """The passphrase as typed (both fields), or "" while it cannot be used."""
        return self.first.text() if self.is_acceptable() else ""

    def is_acceptable(self) -> bool:
        """Long enough, plain text, and typed the same twice."""
        return self.problem() is None

    def problem(self) -> str | None:
        """Why the passphrase cannot be used yet (translated), or None."""
        text = self.first.text()
        try:
            check_passphrase(text)
        except UserError as exc:
            return tr_user_error(exc)
        if self.second.text() != text:
            return self.tr("Kedua frasa sandi belum sama.")
        return None

    def clear(self) -> None:
        """Empties both fields (after the key was made)."""
        self.first.clear()
        self.second.clear()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _update(self, *_args) -> None:
        level, hint = passphrase_strength(self.first.text())
        self.strength.setStyleSheet(f"color: {HINT_COLOURS[level]};")
        self.strength.setText(hint)
        first, second = self.first.text(), self.second.text()
        if not second:
            self.match.setText("")
        elif second == first:
            self.match.setStyleSheet(f"color: {HINT_COLOURS['strong']};")
            self.match.setText(self.tr("Sama."))
        elif first.startswith(second):
            self.match.setStyleSheet(f"color: {HINT_COLOURS['neutral']};")
            self.match.setText(self.tr("Ketik sekali lagi sampai habis."))
        else:
            self.match.setStyleSheet(f"color: {HINT_COLOURS['error']};")
            self.match.setText(self.tr("Tidak sama dengan frasa sandi di atas."))
        self.changed.emit()
