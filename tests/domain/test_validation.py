"""What an operator types: numbers as Indonesians write them, errors that refuse, warnings that flag."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.messages import UserError
from desktop.domain.reports import FIGURES, MONEY, TEXTS, AreaFigures
from desktop.domain.validation import (
    MAX_COUNT,
    MAX_MONEY,
    MAX_TEXT,
    Severity,
    apply_edit,
    check_figure,
    errors,
    parse_figure,
    row_findings,
    set_column,
)

# --- parse_figure -------------------------------------------------------------------------------

ACCEPTED = [
    ("1.250", 1250),  # Indonesian thousands separator
    ("1 250", 1250),
    ("1\u00a0250", 1250),  # no-break space, as spreadsheets paste it
    ("1250", 1250),
    ("  1250  ", 1250),
    ("0", 0),
    ("007", 7),
    ("1.234.567", 1_234_567),
    ("", None),
    ("   ", None),
    ("-", None),  # a dash in a form cell means "nothing"
    (None, None),
    ("12,00", 12),  # a spreadsheet cell formatted with decimals
    ("12,0", 12),
    ("Rp 1.500.000", 1_500_000),
    ("Rp1.500.000", 1_500_000),
    ("rp 1 500 000", 1_500_000),
    (1250, 1250),
    (0, 0),
    ("999.999.999", MAX_COUNT),
]


@pytest.mark.parametrize(("text", "value"), ACCEPTED)
def test_parse_figure_accepts(text, value):
    assert parse_figure("target", text) == value


def test_money_columns_allow_bigger_figures():
    assert parse_figure("budget", "Rp 1.500.000.000") == 1_500_000_000
    assert parse_figure("spent", str(MAX_MONEY)) == MAX_MONEY


REFUSED = [
    # (column, text, label the message must name, Indonesian words it must contain)
    ("target", "abc", "Sasaran", "bukan bilangan bulat"),
    ("served", "1,5", "Terlayani", "bukan bilangan bulat"),  # a decimal comma: counts are whole numbers
    ("served", "1.5", "Terlayani", "bukan bilangan bulat"),  # not a thousands group
    ("served", "12.34.5", "Terlayani", "bukan bilangan bulat"),
    ("served", "1.2345", "Terlayani", "bukan bilangan bulat"),
    ("quality_met", "12,50", "Mutu terpenuhi", "bukan bilangan bulat"),
    ("quality_required", "3 orang", "Mutu dipersyaratkan", "bukan bilangan bulat"),
    ("target", True, "Sasaran", "bukan bilangan bulat"),  # a checkbox value is not a count
    ("target", False, "Sasaran", "bukan bilangan bulat"),
    ("target", 1.5, "Sasaran", "bukan bilangan bulat"),
    ("served", "²", "Terlayani", "bukan bilangan bulat"),  # a digit to str.isdigit(), not to int()
    ("served", "9" * 5000, "Terlayani", "bukan bilangan bulat"),  # beyond Python's int-from-text limit
    ("served", "-3", "Terlayani", "tidak boleh negatif"),
    ("budget", "-Rp 5", "Anggaran (Rp)", "bukan bilangan bulat"),
    ("spent", "Rp -1.000", "Realisasi (Rp)", "tidak boleh negatif"),
    ("target", -1, "Sasaran", "tidak boleh negatif"),
    ("target", "1.000.000.000", "Sasaran", "terlalu besar"),  # a billion people: a typing slip
    ("served", MAX_COUNT + 1, "Terlayani", "terlalu besar"),
    ("budget", str(MAX_MONEY + 1), "Anggaran (Rp)", "terlalu besar"),
]


@pytest.mark.parametrize(("column", "text", "label", "words"), REFUSED)
def test_parse_figure_refuses_with_an_indonesian_message_naming_the_column(column, text, label, words):
    with pytest.raises(UserError) as caught:
        parse_figure(column, text)
    shown = caught.value.message.format()
    assert shown.startswith(label) or f"{label} " in shown
    assert words in shown
    assert str(caught.value) == shown


def test_refusal_message_is_translatable_with_the_column_name():
    with pytest.raises(UserError) as caught:
        parse_figure("served", "abc")
    seen = []

    def translate(context, text):
        seen.append((context, text))
        return {"Terlayani": "Served"}.get(text, text)

    assert caught.value.message.format(translate).startswith("Served: 'abc'")
    assert ("Column", "Terlayani") in seen
    assert any(context == "Validation" for context, _ in seen)


@given(text=st.text(max_size=40))
def test_parse_figure_returns_a_valid_figure_or_refuses(text):
    try:
        value = parse_figure("target", text)
    except UserError:
        return
    assert value is None or 0 <= value <= MAX_COUNT


@given(value=st.integers(0, MAX_COUNT))
def test_parse_figure_reads_what_the_forms_print(value):
    grouped = f"{value:,}".replace(",", ".")
    assert parse_figure("target", grouped) == value
    assert parse_figure("target", str(value)) == value
    assert parse_figure("budget", f"Rp {grouped}") == value


def test_check_figure():
    check_figure("target", None)
    check_figure("budget", MAX_MONEY)
    with pytest.raises(UserError):
        check_figure("target", MAX_COUNT + 1)
    with pytest.raises(KeyError):
        check_figure("problems", 1)
    assert set(FIGURES) >= MONEY


# --- row_findings -------------------------------------------------------------------------------

E, W = Severity.ERROR, Severity.WARNING
FINDING_CASES = {
    "clean row": (AreaFigures("64.11.01", 100, 80, 10, 8, 1000, 900), None, []),
    "empty row": (AreaFigures("64.11.01"), None, []),
    "quality met above required": (
        AreaFigures("64.11.01", quality_required=5, quality_met=6),
        None,
        [(E, "quality_met")],
    ),
    "quality met equal to required": (AreaFigures("64.11.01", quality_required=5, quality_met=5), None, []),
    "served above target": (AreaFigures("64.11.01", target=100, served=101), None, [(W, "served")]),
    "served equal to target": (AreaFigures("64.11.01", target=100, served=100), None, []),
    "target 0 but served": (AreaFigures("64.11.01", target=0, served=3), None, [(W, "served")]),
    "target 0 and nobody served": (AreaFigures("64.11.01", target=0, served=0), None, []),
    "spent above budget": (AreaFigures("64.11.01", budget=1000, spent=1001), None, [(W, "spent")]),
    "served lower than last quarter": (
        AreaFigures("64.11.01", target=100, served=40),
        AreaFigures("64.11.01", target=100, served=45),
        [(W, "served")],
    ),
    "spent lower than last quarter": (
        AreaFigures("64.11.01", budget=1000, spent=100),
        AreaFigures("64.11.01", budget=1000, spent=300),
        [(W, "spent")],
    ),
    "cumulative figures that grew": (
        AreaFigures("64.11.01", 100, 60, budget=1000, spent=500),
        AreaFigures("64.11.01", 100, 45, budget=1000, spent=300),
        [],
    ),
    "last quarter empty": (AreaFigures("64.11.01", 100, 60), AreaFigures("64.11.01"), []),
    "everything wrong at once": (
        AreaFigures("64.11.01", 10, 20, 2, 3, 100, 200),
        AreaFigures("64.11.01", 10, 25, 2, 2, 100, 300),
        [(E, "quality_met"), (W, "served"), (W, "spent"), (W, "served"), (W, "spent")],
    ),
}


@pytest.mark.parametrize("name", FINDING_CASES, ids=list(FINDING_CASES))
def test_row_findings(name):
    row, previous, expected = FINDING_CASES[name]
    found = row_findings(row, previous)
    assert [(f.severity, f.column) for f in found] == expected
    assert [f.severity for f in errors(found)] == [E] * sum(1 for s, _ in expected if s is E)


@pytest.mark.parametrize(
    ("row", "previous", "words"),
    [
        (
            AreaFigures("a", quality_required=5, quality_met=6),
            None,
            "Mutu terpenuhi (6) melebihi mutu yang dipersyaratkan (5).",
        ),
        (AreaFigures("a", target=100, served=101), None, "Terlayani (101) melebihi sasaran (100)"),
        (AreaFigures("a", target=0, served=3), None, "Sasaran 0 (tidak berlaku) tetapi terlayani 3"),
        (AreaFigures("a", budget=1, spent=2), None, "Realisasi melebihi anggaran"),
        (AreaFigures("a", served=7), None, "Terlayani sudah diisi tetapi sasaran belum"),
        (
            AreaFigures("a", target=50, served=40),
            AreaFigures("a", target=50, served=45),
            "Terlayani (40) lebih kecil dari triwulan sebelumnya (45)",
        ),
        (
            AreaFigures("a", spent=1),
            AreaFigures("a", spent=2),
            "Realisasi (Rp) (1) lebih kecil dari triwulan sebelumnya",
        ),
    ],
)
def test_finding_messages_are_indonesian(row, previous, words):
    (finding,) = row_findings(row, previous)
    assert words in finding.message.format()


# --- apply_edit ---------------------------------------------------------------------------------

ROW = AreaFigures("64.11.01", target=100, served=80, quality_required=5, quality_met=4)


def test_apply_edit_returns_the_changed_row_and_leaves_the_old_one():
    changed = apply_edit(ROW, "served", "1.250")
    assert changed.served == 1250
    assert changed == AreaFigures("64.11.01", 100, 1250, 5, 4)
    assert ROW.served == 80


def test_apply_edit_accepts_a_warning():
    assert apply_edit(ROW, "served", "120").served == 120  # above target: flagged, saved


def test_apply_edit_clears_a_figure():
    assert apply_edit(ROW, "served", "").served is None
    assert apply_edit(ROW, "served", None).served is None


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("quality_met", "6", "Mutu terpenuhi (6) melebihi"),  # row rule: an error
        ("quality_required", "3", "Mutu terpenuhi (4) melebihi"),  # lowering what is required below what is met
        ("served", "abc", "bukan bilangan bulat"),
        ("served", "-1", "tidak boleh negatif"),
    ],
)
def test_apply_edit_refuses_errors(column, value, words):
    with pytest.raises(UserError) as caught:
        apply_edit(ROW, column, value)
    assert words in caught.value.message.format()


def test_apply_edit_texts():
    assert apply_edit(ROW, "problems", "  Jalan ke Long Apari terputus  ").problems == "Jalan ke Long Apari terputus"
    assert apply_edit(ROW.with_value("note", "x"), "note", None).note == ""
    assert apply_edit(ROW, "follow_up", "a" * MAX_TEXT).follow_up == "a" * MAX_TEXT
    assert apply_edit(ROW, "follow_up", " " + "a" * MAX_TEXT + "\n").follow_up == "a" * MAX_TEXT  # trimmed first


@pytest.mark.parametrize("column", TEXTS)
def test_text_length_limit(column):
    with pytest.raises(UserError) as caught:
        apply_edit(ROW, column, "a" * (MAX_TEXT + 1))
    shown = caught.value.message.format()
    assert "terlalu panjang" in shown
    assert f"{MAX_TEXT + 1} karakter" in shown
    assert str(MAX_TEXT) in shown


def test_unknown_column():
    with pytest.raises(KeyError):
        apply_edit(ROW, "area_code", "64.11.02")
    with pytest.raises(KeyError):
        set_column(ROW, "nonsense", "1")
