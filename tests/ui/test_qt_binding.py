"""The pinned Qt binding does not break the interpreter under the app's own signal traffic.

PySide6 6.12.0 returned a borrowed True from every SignalInstance.emit(); on Python 3.11 the
process aborted after a few hundred emits ("bool_dealloc"). pyproject pins a release without
that fault; this test fails if a later pin brings it back.
"""

from __future__ import annotations

import subprocess
import sys

EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    changed = Signal(int)

app = QCoreApplication([])
source = Source()
received = []
source.changed.connect(received.append)
before = sys.getrefcount(True)
for i in range(20000):
    source.changed.emit(i)
print(len(received), sys.getrefcount(True) - before)
"""


def test_many_signal_emits_leave_the_interpreter_intact():
    done = subprocess.run([sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    received, refcount_drift = map(int, done.stdout.split())
    assert received == 20000
    assert abs(refcount_drift) < 100
