"""The fonts embedded in every PDF: DejaVu Sans and DejaVu Sans Bold (shipped under resources/fonts/).

A TrueType font is embedded as a subset of the glyphs used, so a form prints the same on any
computer and printer, with every Indonesian letter and the Rupiah and en-dash signs.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.domain.resource_files import resource

REGULAR = "SPMSans"
BOLD = "SPMSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


def register_fonts() -> tuple[str, str]:
    """Registers the fonts with reportlab once per process (safe from any thread); returns their names."""
    global _registered  # noqa: PLW0603 - reportlab's font registry is process-wide too
    with _lock:
        if not _registered:
            for name, file in FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
            # <b> in a paragraph picks the bold face; there is no italic face, so italic stays upright.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR, BOLD
