"""Window tests: settings kept in the test's own folder; one known warnings of the offscreen platform ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

HERE = Path(__file__).parent
# The offscreen platform (no display) says this whenever a main window lays itself out or a tooltip
# raises itself; a real display does not. (A regular expression, as pytest-qt's qt_log_ignore takes.)
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every test starts from empty settings, written under tmp_path, never to the user's own."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("SPM Luring Tests")
    qapp.setApplicationName("SPM Luring Tests")
    yield folder
    QSettings().clear()
