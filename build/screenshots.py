"""Takes the README's screenshots of the real window on an X display (run under Xvfb: `make screenshots`).

Builds the demo data folder, opens the window at 1366x768 (a common kecamatan-office laptop),
and grabs the screen, as an operator would see it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "screenshots"
sys.path.insert(0, str(HERE))

from demo_data import demo_store  # noqa: E402


def grab(widget, name: str) -> None:
    """Saves what the screen shows of the widget."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    geometry = widget.frameGeometry()
    image = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
    OUT.mkdir(parents=True, exist_ok=True)
    image.save(str(OUT / name))
    print(OUT / name)


def settle(app, qtest, ms: int = 300) -> None:
    """Lets the window paint (and deferred layout run) before a grab."""
    for _ in range(5):
        app.processEvents()
    qtest.qWait(ms)


def last_year(store, office_id: str) -> None:
    """The same services a year earlier, a little lower: the dashboard compares the quarter with it."""
    from demo_data import SHARE_BY_QUARTER, TARGETS

    from desktop.domain.periods import Period
    from desktop.storage.reports import CellEdit, ReportKey

    kecamatan = [a.code for a in store.areas.list(3)]
    for quarter, share in SHARE_BY_QUARTER.items():
        for service, targets in TARGETS.items():
            edits = []
            for area, target in zip(kecamatan, targets, strict=True):
                edits += [CellEdit(area, "target", target), CellEdit(area, "served", int(target * share * 0.8))]
                edits += [CellEdit(area, "quality_required", 12), CellEdit(area, "quality_met", 7)]
            store.reports.set_values(ReportKey(office_id, service, Period(2023, quarter)), edits)


def returned_report(app, qtest, store, window) -> None:
    """A report the district returned: the reviewer's notes above the grid, the row it names marked."""
    from desktop.domain.periods import Period
    from desktop.domain.workflow import Transition
    from desktop.storage.reports import ReportKey

    returned = ReportKey(store.require_installation().office.id, "1.02.01", Period(2024, 3))
    store.review.apply(returned, Transition.SUBMIT)
    store.review.apply(
        returned,
        Transition.RETURN,
        "Lengkapi berita acara posyandu untuk Long Apari dan Long Pahangai.",
        {"64.11.04": "Terlayani jauh di bawah triwulan II; periksa kembali register kohort ibu."},
    )
    window.evidence_dock.show()
    window.tabs.setCurrentIndex(0)
    window.refresh_report()
    window.grid.setCurrentIndex(window.model.index(3, 1))
    settle(app, qtest)
    grab(window, "returned-report.png")


def hub_outbox(app, qtest, store, window) -> None:
    """Far up the river: the hub does not answer; the status bar says when it tries again, the outbox
    shows each bundle's progress and the hub's verdicts."""
    from desktop.domain.periods import Period
    from desktop.ui.sync_actions import SyncActions

    office = store.require_installation().office.id
    store.hub.set("https://spm.kaltimprov.go.id", "token-demo")  # unreachable here: no network
    waiting = [
        ("6f1c2a9e-0d57-4c1e-9a51-2f0e8e1d3b7a", Period(2024, 2), 12, 48_318_221, "verified", None),
        ("0b8e4d1c-93a2-4f0e-8d6b-5a7c1e2f9b04", Period(2024, 3), 12, 61_204_977, "uploading", None),
        (
            "c41d7f02-6a9b-4e15-b3c8-2d9e0f7a6b13",
            Period(2024, 3),
            2,
            3_402_115,
            "rejected",
            "Kunci kantor belum terdaftar di hub",
        ),
    ]
    for bundle_id, period, reports, size, state, reason in waiting:
        store.outbox.add(bundle_id, f"{bundle_id}.spmb", size, "0" * 64, office, period, reports)
        if state == "uploading":
            store.outbox.record_progress(bundle_id, "https://spm.kaltimprov.go.id/api/v1/uploads/x", size * 45 // 100)
        elif state == "verified":
            store.outbox.mark_sent(bundle_id)
            store.outbox.mark_checked(bundle_id, True, None, None)
        else:
            store.outbox.mark_sent(bundle_id)
            store.outbox.mark_checked(bundle_id, False, "signature.unknown_key", reason)
    actions = window.findChild(SyncActions, "SyncActions")
    actions.controller.start(0)
    for _ in range(120):  # the first pass finds no network (a failed name look-up may take a while)
        settle(app, qtest, 250)
        if actions.controller.state.value == "offline":
            break
    dialog = actions.show_outbox()
    dialog.move(window.frameGeometry().center() - dialog.rect().center())
    settle(app, qtest)
    grab(window, "hub-outbox.png")
    dialog.close()


def main() -> None:
    """Main window (entry and summary), the evidence panel, and the set-up wizard."""
    scratch = Path(tempfile.mkdtemp(prefix="spm-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")  # no window state from earlier runs
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from desktop.domain.periods import Period
    from desktop.storage.store import Store
    from desktop.ui.app import application, create_main_window
    from desktop.ui.setup_wizard import SetupWizard

    app = application()
    data = demo_store(scratch / "data")
    evidence = scratch / "BA Posyandu Long Apari TW III.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    store = Store.open(data)
    key_office = store.require_installation().office.id
    from desktop.storage.reports import ReportKey

    store.evidence.add(ReportKey(key_office, "1.02.01", Period(2024, 3)), "64.11.04", [evidence], "Berita acara")
    last_year(store, key_office)
    window = create_main_window(store)
    window.move(QPoint(0, 0))
    window.resize(1366, 768)
    window.show()
    window.select("1.02.01", Period(2024, 3))
    model = window.model
    window.grid.setCurrentIndex(model.index(3, 1))  # Long Apari, Sasaran
    settle(app, QTest)
    grab(window, "main-window.png")
    window.tabs.setCurrentIndex(1)
    settle(app, QTest)
    grab(window, "summary.png")
    # The dashboard with the Data dukung panel closed, as on a projector: two columns of charts.
    window.evidence_dock.hide()
    window.tabs.setCurrentIndex(2)
    settle(app, QTest, 600)
    grab(window, "dashboard.png")
    returned_report(app, QTest, store, window)
    hub_outbox(app, QTest, store, window)
    window.close()
    store.close()

    fresh = Store.open(scratch / "fresh")
    wizard = SetupWizard(fresh)
    wizard.move(QPoint(0, 0))
    wizard.show()
    settle(app, QTest)
    QTest.keyClicks(wizard.focusWidget(), "mahakam")
    settle(app, QTest)
    grab(wizard, "setup-wizard.png")
    wizard.reject()
    fresh.close()


if __name__ == "__main__":
    main()
