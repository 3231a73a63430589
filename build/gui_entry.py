"""The entry of the windowed program (`spm-luring-gui.exe`): always the window, with an optional file.

Windows starts it from the Start-menu shortcut and for a double-clicked `.spmb` (`spm-luring-gui.exe FILE`).
"""

import sys

from desktop.cli import main

sys.exit(main(["gui", *sys.argv[1:]]))
