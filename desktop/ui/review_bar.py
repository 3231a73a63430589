"""Below the report header: the period's deadline, the reviewer's notes, and the workflow buttons.

The buttons are those the logged-in role may take from the report's status (Ajukan, Kembalikan,
Setujui); each asks before it acts, and a refusal from storage is shown, never swallowed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.domain.formatting import format_date
from desktop.domain.messages import UserError
from desktop.domain.reports import ReportStatus
from desktop.domain.workflow import TRANSITION_LABELS, Transition, available_transitions
from desktop.storage.reports import ReportKey
from desktop.storage.store import Store
from desktop.ui.i18n import tr_user_error

NOTE_STYLE = "QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5c2c0; padding: 6px; }"
LOCK_STYLE = "QLabel { background: #fff4e5; color: #663c00; border: 1px solid #f5d29b; padding: 6px; }"


class ReviewBar(QWidget):
    """The workflow of the shown report, for the logged-in account."""

    transitioned = Signal()  # a step was taken: the window re-reads the report

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.key: ReportKey | None = None
        self.status: ReportStatus | None = None
        self.deadline = QLabel(self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(NOTE_STYLE)
        self.lock = QLabel(self)
        self.lock.setWordWrap(True)
        self.lock.setStyleSheet(LOCK_STYLE)
        self.buttons: dict[Transition, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.deadline, 1)
        for transition in Transition:
            button = QPushButton(QCoreApplication.translate(*TRANSITION_LABELS[transition]) + "…", self)
            button.setObjectName(f"transition_{transition.value}")
            button.clicked.connect(lambda _checked=False, t=transition: self._take(t))
            row.addWidget(button)
            self.buttons[transition] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(row)
        layout.addWidget(self.lock)
        layout.addWidget(self.notes)
        self.show_report(None, None, None)

    def show_report(self, key: ReportKey | None, status: ReportStatus | None, lock_reason: str | None) -> None:
        """Shows the deadline, notes and the steps the account may take for this report."""
        self.key, self.status = key, status
        self.deadline.setText(self._deadline_text(key))
        self.lock.setVisible(bool(lock_reason) and status is not None and status.editable)
        self.lock.setText(lock_reason or "")
        role = self.store.access.role
        possible = available_transitions(status, role) if status is not None and role is not None else []
        for transition, button in self.buttons.items():
            button.setVisible(transition in possible)
        self._show_notes(key, status)

    def _show_notes(self, key: ReportKey | None, status: ReportStatus | None) -> None:
        notes = self.store.review.notes(key) if key is not None and status is ReportStatus.RETURNED else []
        if not notes:
            self.notes.hide()
            return
        first = notes[0]
        lines = [self.tr("<b>Dikembalikan oleh {who}</b> — perbaiki lalu ajukan lagi.").format(who=first.written_by)]
        lines += [n.note for n in notes if n.area_code is None]
        rows = sum(1 for n in notes if n.area_code is not None)
        if rows:
            lines.append(
                self.tr("Ada catatan pada {count} baris (ditandai ⚑ merah; arahkan tetikus ke nama wilayah).").format(
                    count=rows
                )
            )
        self.notes.setText("<br>".join(_escape(line) if i else line for i, line in enumerate(lines)))
        self.notes.show()

    def _deadline_text(self, key: ReportKey | None) -> str:
        if key is None:
            return ""
        deadline = self.store.deadlines.get(key.period)
        if deadline is None:
            return ""
        today = date.today()
        closes = format_date(deadline.closes_on)
        if deadline.opened_until is not None and today <= deadline.opened_until:
            return self.tr("Batas waktu {closes}; dibuka kembali oleh admin sampai {until}.").format(
                closes=closes, until=format_date(deadline.opened_until)
            )
        if deadline.is_closed(today):
            return self.tr("Periode ditutup sejak {closes}.").format(closes=closes)
        days = deadline.days_left(today)
        if days == 0:
            return self.tr("Batas waktu hari ini, {closes}.").format(closes=closes)
        return self.tr("Batas waktu {closes} ({days} hari lagi).").format(closes=closes, days=days)

    def _take(self, transition: Transition) -> None:
        if self.key is None:
            return
        note, row_notes = "", {}
        if transition is Transition.RETURN:
            from desktop.ui.return_dialog import ReturnDialog

            dialog = ReturnDialog(self.store, self.key, self)
            if not dialog.exec():
                return
            note, row_notes = dialog.note(), dialog.row_notes()
        else:
            question = {
                Transition.SUBMIT: self.tr(
                    "Ajukan laporan ini? Setelah diajukan, isian dan data dukungnya terkunci sampai verifikator "
                    "mengembalikannya."
                ),
                Transition.APPROVE: self.tr("Setujui laporan ini? Laporan yang disetujui terkunci."),
            }[transition]
            answer = QMessageBox.question(self, QCoreApplication.translate(*TRANSITION_LABELS[transition]), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.store.review.apply(self.key, transition, note, row_notes)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Tidak dapat dilakukan"), tr_user_error(exc))
            return
        self.transitioned.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
