"""What a verified bundle would change, shown before anything is applied: the reports with a verdict each,
and for the selected report each figure before and after and the evidence added or taken off; or, for a
decision bundle, the decision and notes on each report. The import dialog shows it under its facts."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.domain.formatting import format_int
from desktop.domain.validation import COLUMN_LABELS
from desktop.exchange.decisions import DecisionPlan
from desktop.exchange.import_bundle import ImportPlan, ReportPlan, Verdict
from desktop.storage.reports import STATUS_LABELS, ReportKey
from desktop.storage.store import Store
from desktop.ui.evidence_model import format_size
from desktop.ui.exchange_tables import Row, RowsModel, make_table, selected_row

VERDICT_COLOURS = {
    Verdict.NEW: "#1b5e20",
    Verdict.UPDATE: "#0d47a1",
    Verdict.UNCHANGED: "#5f6368",
    Verdict.OUT_OF_DATE: "#b3261e",
    Verdict.CONFLICT: "#8a5300",
}
VALUE_WIDTH = 230  # px of the Sebelum and Sesudah columns
MAX_CHANGES_SHOWN = 5000  # a report's changes beyond this are counted, not listed


def _tr(text) -> str:
    return QCoreApplication.translate(text.context, text.text)


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int):
        return format_int(value)
    return " ".join(str(value).split())


class ImportPreview(QSplitter):
    """The reports with their verdicts above; the selected report's changes below."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.store = store
        self.plan: ImportPlan | None = None
        self.reports_model = RowsModel(
            [
                self.tr("Jenis pelayanan"),
                self.tr("Keputusan"),
                self.tr("Revisi"),
                self.tr("Perubahan"),
                self.tr("Data dukung"),
            ],
            self,
            right_aligned=[2, 3],
        )
        self.reports_table = make_table(self.reports_model, self, stretch=0)
        self.reports_table.selectionModel().selectionChanged.connect(self._show_details)
        self.explanations = QLabel(self)
        self.explanations.setWordWrap(True)
        self.explanations.setTextFormat(Qt.TextFormat.RichText)
        self.explanations.hide()

        self.details_caption = QLabel(self)
        font = self.details_caption.font()
        font.setBold(True)
        self.details_caption.setFont(font)
        self.changes_model = RowsModel(
            [self.tr("Wilayah"), self.tr("Kolom"), self.tr("Sebelum"), self.tr("Sesudah")], self, right_aligned=[2, 3]
        )
        self.changes_table = make_table(self.changes_model, self)
        header = self.changes_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (2, 3):  # before and after side by side, close to the column they belong to
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, VALUE_WIDTH)
        self.evidence = QLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Laporan dalam paket:"), top))
        top_layout.addWidget(self.reports_table, 1)
        top_layout.addWidget(self.explanations)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.details_caption)
        bottom_layout.addWidget(self.changes_table, 1)
        bottom_layout.addWidget(self.evidence)
        self.addWidget(top)
        self.addWidget(bottom)
        self.setChildrenCollapsible(False)
        self.setSizes([220, 300])

    def show_plan(self, plan: ImportPlan) -> None:
        """A verdict per report, why where it needs saying, and the first report's changes."""
        self.plan = plan
        rows = []
        for report in plan.reports:
            revision = str(report.revision)
            if report.current_revision is not None and report.verdict is not Verdict.UNCHANGED:
                revision = self.tr("{revision} (sebelumnya {current})").format(
                    revision=report.revision, current=report.current_revision
                )
            evidence = []
            if report.evidence_added:
                evidence.append(self.tr("+{count} baru").format(count=len(report.evidence_added)))
            if report.evidence_removed:
                evidence.append(self.tr("−{count} dilepas").format(count=len(report.evidence_removed)))
            rows.append(
                Row(
                    (
                        f"{report.service_code} {report.service_name}",
                        _tr(report.label),
                        revision,
                        self.tr("{count} sel").format(count=format_int(len(report.changes))) if report.changes else "—",
                        ", ".join(evidence) or "—",
                    ),
                    report,
                    colour={1: VERDICT_COLOURS[report.verdict]},
                    bold=frozenset({1}),
                )
            )
        self.reports_model.set_rows(rows)
        self._show_explanations(plan)
        if rows:
            self.reports_table.selectRow(0)

    def show_decisions(self, plan: DecisionPlan) -> None:
        """Each report's decision, with the reviewer's notes."""
        rows, lines = [], []
        for decision in plan.decisions:
            name = f"{decision.service_code} {plan.service_names.get(decision.service_code, '')}".strip()
            status = QCoreApplication.translate(*STATUS_LABELS[decision.transition_target])
            notes = [f"{area or self.tr('seluruh laporan')}: {note}" for area, note in decision.notes]
            rows.append(
                Row(
                    (name, status, "—", self.tr("{count} catatan").format(count=len(notes)) if notes else "—", "—"),
                    None,
                    tooltips={3: "\n".join(notes)} if notes else {},
                    bold=frozenset({1}),
                )
            )
            lines += [f"<b>{html.escape(name)}</b> — {html.escape(status)} ({html.escape(decision.decided_by)})"]
            lines += [f"&nbsp;&nbsp;• {html.escape(n)}" for n in notes]
        self.reports_model.set_rows(rows)
        self.explanations.setText("<br>".join(lines))
        self.explanations.show()

    def _show_explanations(self, plan: ImportPlan) -> None:
        notes = []
        for report in plan.reports:
            name = html.escape(f"{report.service_code} {report.service_name}")
            if report.verdict is Verdict.CONFLICT:
                notes.append(
                    self.tr(
                        "<b>{service}</b>: bertentangan. Paket ini dan revisi {current} yang sudah diterima sama-sama "
                        "memperbarui revisi yang sama. Paket ini disimpan terpisah; angka yang berlaku sekarang tidak "
                        "ditimpa sampai verifikator memilih salah satunya."
                    ).format(service=name, current=report.current_revision)
                )
            elif report.verdict is Verdict.OUT_OF_DATE:
                notes.append(
                    self.tr(
                        "<b>{service}</b>: usang. Paket ini membawa revisi {revision}, padahal revisi {current} yang "
                        "lebih baru sudah diterima; karena itu seluruh paket ditolak."
                    ).format(service=name, revision=report.revision, current=report.current_revision)
                )
            elif report.gap:
                notes.append(
                    self.tr(
                        "<b>{service}</b>: revisi {revision} diterima, tetapi revisi sebelumnya belum pernah sampai "
                        "ke sini (ada paket yang terlewat)."
                    ).format(service=name, revision=report.revision)
                )
        self.explanations.setText("<br>".join(notes))
        self.explanations.setVisible(bool(notes))

    def _show_details(self, *_args) -> None:
        row = selected_row(self.reports_table)
        report: ReportPlan | None = row.value if row is not None else None
        if report is None or self.plan is None:
            self.details_caption.setText("")
            self.changes_model.set_rows([])
            self.evidence.setText("")
            return
        name = f"{report.service_code} {report.service_name}"
        if report.verdict is Verdict.UNCHANGED:
            self.details_caption.setText(self.tr("{service}: tidak ada yang berubah.").format(service=name))
        else:
            self.details_caption.setText(
                self.tr("Perubahan pada {service} ({count} sel):").format(
                    service=name, count=format_int(len(report.changes))
                )
            )
        self.changes_model.set_rows(
            [
                Row(
                    (
                        change.area_name or change.area_code,
                        _tr(COLUMN_LABELS[change.column]) if change.column in COLUMN_LABELS else change.column,
                        _value(change.before),
                        _value(change.after),
                    ),
                    change,
                    tooltips={0: change.area_code, 2: str(change.before or ""), 3: str(change.after or "")},
                )
                for change in report.changes[:MAX_CHANGES_SHOWN]
            ]
        )
        self.evidence.setText(self._evidence_text(report))

    def _evidence_text(self, report: ReportPlan) -> str:
        assert self.plan is not None
        lines = []
        areas = {a.code: a.name for a in self.store.areas.list()}
        for item in report.evidence_added:
            where = areas.get(item.area_code or "", item.area_code) if item.area_code else self.tr("seluruh laporan")
            lines.append(
                self.tr("+ {name} ({size}), {area}").format(name=item.name, size=format_size(item.size), area=where)
            )
        if report.evidence_removed:
            key = ReportKey(self.plan.office.id, report.service_code, self.plan.period)
            names = {e.id: e.original_name for e in self.store.evidence.list(key)}
            lines += [
                self.tr("− {name} (dilepas dari laporan)").format(name=names.get(i, i)) for i in report.evidence_removed
            ]
        if len(report.changes) > MAX_CHANGES_SHOWN:
            lines.insert(
                0,
                self.tr("Hanya {shown} perubahan pertama yang ditampilkan.").format(
                    shown=format_int(MAX_CHANGES_SHOWN)
                ),
            )
        if not lines:
            return self.tr("Data dukung: tidak ada yang ditambahkan atau dilepas.")
        return self.tr("Data dukung:") + "\n" + "\n".join(lines)
