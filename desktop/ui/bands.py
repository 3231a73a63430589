"""How scores and bands look on screen: the text of a score and a colour per band."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.domain.catalog import Band, ScoringRules
from desktop.domain.formatting import format_decimal

# From the highest band down: dark green … red. Bands are catalog data, so colours follow their rank.
_COLOURS = ("#1b5e20", "#2e7d32", "#00796b", "#9e7a00", "#e65100", "#c62828")


def band_colour(rules: ScoringRules, band: Band | None) -> QColor:
    """The colour of a band, by its rank among the catalog's bands; grey when there is none."""
    if band is None:
        return QColor("#757575")
    ranked = sorted(rules.bands, key=lambda b: b.min, reverse=True)
    rank = next((i for i, b in enumerate(ranked) if b.label == band.label), len(ranked) - 1)
    # The lowest band is always red, whatever the number of bands.
    position = len(_COLOURS) - 1 if rank == len(ranked) - 1 else min(rank, len(_COLOURS) - 2)
    return QColor(_COLOURS[position])


def band_of(rules: ScoringRules, score: float | None) -> Band | None:
    """The band a score falls in, rounded as printed (so 59,999 shows as 60,00 and Tuntas Muda)."""
    return None if score is None else rules.band_for(round(score, 2))


def score_text(score: float | None) -> str:
    """A score as shown: "69,82", or "—" when there are no data."""
    return "—" if score is None else format_decimal(score)
