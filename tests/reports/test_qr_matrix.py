"""The QR matrix against a plain, cell-by-cell reading of ISO/IEC 18004: reportlab's encoder draws each
of the eight masked candidates, the penalty rules are counted the slow way, the lowest wins."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode import qrencoder

from desktop.reports.qr_matrix import mask_penalty, qr_rows

FINDER_AFTER = [True, False, True, True, True, False, True, False, False, False, False]
FINDER_BEFORE = FINDER_AFTER[::-1]


def plain_penalty(modules: list[list[bool]]) -> int:
    """N1 runs of five or more, N2 2x2 blocks, N3 finder-like patterns, N4 the dark share, cell by cell."""
    size = len(modules)
    lines = [list(row) for row in modules] + [list(column) for column in zip(*modules, strict=True)]
    score = 0
    for line in lines:
        run = 1
        for before, module in itertools.pairwise(line):
            run = run + 1 if module == before else 1
            if run == 5:
                score += 3
            elif run > 5:
                score += 1
        for start in range(size - 10):
            window = line[start : start + 11]
            score += 40 * ((window == FINDER_AFTER) + (window == FINDER_BEFORE))
    for r in range(size - 1):
        for c in range(size - 1):
            if modules[r][c] == modules[r][c + 1] == modules[r + 1][c] == modules[r + 1][c + 1]:
                score += 3
    dark = sum(map(sum, modules))
    return score + 10 * (abs(dark * 100 // (size * size) - 50) // 5)


def rows_of(modules) -> list[int]:
    return [int("".join("1" if dark else "0" for dark in row), 2) for row in modules]


def plain_symbol(payload: str) -> list[int]:
    """The symbol with the mask of the lowest plain penalty (the lowest mask number on a tie)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    penalties = []
    for mask in range(8):
        code.makeImpl(True, mask)  # the format information left light while candidates are scored
        penalties.append((plain_penalty(code.modules), mask))
    code.makeImpl(False, min(penalties)[1])
    return rows_of(code.modules)


PAYLOAD = st.one_of(
    st.text(min_size=1, max_size=220),
    st.text(alphabet="0123456789", min_size=1, max_size=300),
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", min_size=1, max_size=250),
    st.builds(
        lambda h: f"SPM1R|9e55adb3-e422-4791-ac13-33479c77f664|2024Q3|{h}",
        st.text("0123456789abcdef", min_size=64, max_size=64),
    ),
)


@settings(max_examples=60, deadline=None)
@given(PAYLOAD)
def test_the_symbol_is_the_one_the_standards_penalty_picks(payload):
    size, rows = qr_rows(payload)
    assert rows == plain_symbol(payload)
    assert len(rows) == size


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([21, 25, 29, 45]).flatmap(
        lambda n: st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=n, max_size=n)
    )
)
def test_the_penalty_is_the_plain_count(modules):
    assert mask_penalty(rows_of(modules)) == plain_penalty(modules)
