"""The province page writes periods, times, areas and quality pairs as the printed forms do."""

from __future__ import annotations

from hub.page_filters import area_text, pair_text, period_text, time_text


def test_periods_times_areas_and_pairs_read_as_on_the_forms():
    assert period_text(2024, 3) == "Triwulan III 2024"
    assert period_text(None, None) == "—"
    assert time_text("2026-11-23T18:28:24.564Z") == "23 November 2026 18.28 UTC"
    assert time_text(None) == "—" and time_text("kemarin") == "kemarin"
    assert area_text("64.11.01") == "Long Bagun (64.11.01)"
    assert area_text("99.99.99") == "99.99.99"
    assert pair_text("10", "12") == "10 / 12" and pair_text("", "") == "—"
