"""Batas waktu periode (admin): set the day a period closes for operators, or reopen a closed one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.formatting import format_date
from desktop.domain.messages import UserError
from desktop.domain.periods import Period
from desktop.storage.store import Store
from desktop.ui.i18n import tr_user_error


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DeadlineDialog(QDialog):
    """The period's deadline and, when it has passed, a reopening with its reason."""

    def __init__(self, store: Store, period: Period, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.period = store, period
        self.setWindowTitle(self.tr("Batas waktu {period}").format(period=period.label))
        current = store.deadlines.get(period)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.closes = QDateEdit(self)
        self.closes.setObjectName("closes_on")
        self.closes.setCalendarPopup(True)
        self.closes.setDisplayFormat("dd-MM-yyyy")
        # e-SPM's usual rhythm: a quarter's report is due about three weeks after it ends.
        suggested = current.closes_on if current else date.fromordinal(period.end_date().toordinal() + 20)
        self.closes.setDate(_qdate(suggested))
        save = QPushButton(self.tr("&Tetapkan batas waktu"), self)
        save.clicked.connect(self._save)
        self.until = QDateEdit(self)
        self.until.setObjectName("opened_until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd-MM-yyyy")
        self.until.setDate(_qdate(date.today()))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("mis. susulan data Puskesmas"))
        self.reopen = QPushButton(self.tr("&Buka kembali"), self)
        self.reopen.clicked.connect(self._reopen)
        form = QFormLayout()
        form.addRow(self.tr("Hari terakhir operator mengisi:"), self.closes)
        form.addRow("", save)
        form.addRow(self.tr("Buka kembali sampai:"), self.until)
        form.addRow(self.tr("Alasan:"), self.reason)
        form.addRow("", self.reopen)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(close)
        self._show_state()

    def _show_state(self) -> None:
        current = self.store.deadlines.get(self.period)
        if current is None:
            self.state.setText(self.tr("Periode ini belum punya batas waktu: operator dapat mengisi kapan saja."))
        elif current.is_closed(date.today()):
            self.state.setText(self.tr("Ditutup sejak {date}.").format(date=format_date(current.closes_on)))
        else:
            self.state.setText(self.tr("Terbuka; batas waktu {date}.").format(date=format_date(current.closes_on)))
        self.reopen.setEnabled(current is not None)

    def _save(self) -> None:
        self._act(lambda: self.store.deadlines.set(self.period, _date(self.closes.date()), self.store.actor()))

    def _reopen(self) -> None:
        until = _date(self.until.date())
        self._act(lambda: self.store.deadlines.reopen(self.period, until, self.store.actor(), self.reason.text()))

    def _act(self, act) -> None:
        try:
            act()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Tidak dapat dilakukan"), tr_user_error(exc))
        self._show_state()
