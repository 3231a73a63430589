"""Translatable messages raised below the window."""

from __future__ import annotations

import pytest

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Text, UserError, user_error

ENGLISH = {
    ("Validation", "{column} tidak boleh negatif ({value})."): "{column} must not be negative ({value}).",
    ("Column", "Terlayani"): "Served",
    ("Outer", "Gagal menyimpan: {reason}"): "Could not save: {reason}",
    ("Inner", "disk penuh ({free} MB tersisa)"): "disk full ({free} MB left)",
}


def to_english(context: str, text: str) -> str:
    return ENGLISH.get((context, text), text)


def test_noop_marks_without_translating():
    marked = QT_TRANSLATE_NOOP("Column", "Terlayani")
    assert marked == Text("Column", "Terlayani")
    assert (marked.context, marked.text) == ("Column", "Terlayani")


def test_format_without_translation_fills_placeholders():
    message = Message(
        QT_TRANSLATE_NOOP("Validation", "{column} tidak boleh negatif ({value})."), {"column": "Sasaran", "value": -3}
    )
    assert message.format() == "Sasaran tidak boleh negatif (-3)."
    assert str(message) == message.format()


def test_format_without_params():
    assert Message(Text("X", "Tersimpan.")).format() == "Tersimpan."
    assert Message(Text("X", "Tersimpan.")).format(to_english) == "Tersimpan."  # no translation known: the source


def test_format_with_translate():
    message = Message(
        QT_TRANSLATE_NOOP("Validation", "{column} tidak boleh negatif ({value})."),
        {"column": QT_TRANSLATE_NOOP("Column", "Terlayani"), "value": -3},
    )
    assert message.format() == "Terlayani tidak boleh negatif (-3)."
    assert message.format(to_english) == "Served must not be negative (-3)."


def test_nested_message_is_translated_with_its_own_context():
    inner = Message(QT_TRANSLATE_NOOP("Inner", "disk penuh ({free} MB tersisa)"), {"free": 12})
    outer = Message(QT_TRANSLATE_NOOP("Outer", "Gagal menyimpan: {reason}"), {"reason": inner})
    assert outer.format() == "Gagal menyimpan: disk penuh (12 MB tersisa)"
    assert outer.format(to_english) == "Could not save: disk full (12 MB left)"


def test_translate_is_called_with_context_and_text():
    calls = []

    def spy(context, text):
        calls.append((context, text))
        return f"<{text}>"

    message = Message(Text("Ctx", "a {x} b {y}"), {"x": Text("Column", "Sasaran"), "y": "plain"})
    assert message.format(spy) == "<a <Sasaran> b plain>"  # only marked texts go through translation
    assert calls == [("Ctx", "a {x} b {y}"), ("Column", "Sasaran")]


def test_values_are_not_reformatted():
    message = Message(Text("X", "{a} dan {b}"), {"a": "{b}", "b": 1_250})
    assert message.format() == "{b} dan 1250"


def test_user_error_carries_its_message():
    error = user_error(
        QT_TRANSLATE_NOOP("Validation", "{column} tidak boleh negatif ({value})."), column="Sasaran", value=-1
    )
    assert isinstance(error, UserError)
    assert isinstance(error, Exception)
    assert str(error) == "Sasaran tidak boleh negatif (-1)."
    assert error.message.params == {"column": "Sasaran", "value": -1}
    with pytest.raises(UserError, match="tidak boleh negatif"):
        raise error


def test_user_error_translated_later():
    error = UserError(Message(QT_TRANSLATE_NOOP("Outer", "Gagal menyimpan: {reason}"), {"reason": "x"}))
    assert error.message.format(to_english) == "Could not save: x"
