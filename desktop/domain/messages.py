"""User-facing messages raised below the window, translatable by the window.

Source texts are Indonesian (the app's first language). `QT_TRANSLATE_NOOP` marks a text for
Qt Linguist (pyside6-lupdate finds the calls by name) without importing Qt; the window looks the
text up with QCoreApplication.translate, the command line prints it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Text(NamedTuple):
    """A source text and the translation context it belongs to."""

    context: str
    text: str


def QT_TRANSLATE_NOOP(context: str, text: str) -> Text:
    """Marks `text` for extraction under `context`; returns both for a later look-up."""
    return Text(context, text)


@dataclass(frozen=True)
class Message:
    """A translatable text with named {placeholders} and their values."""

    source: Text
    params: dict[str, Any] = field(default_factory=dict)

    def format(self, translate=None) -> str:
        """The text with its placeholders filled, translated first when `translate` is given.

        A parameter that is itself a marked Text (a column name, say) or a Message is translated too.
        """

        def render(value: Any) -> Any:
            if isinstance(value, Text):
                return translate(*value) if translate else value.text
            if isinstance(value, Message):
                return value.format(translate)
            return value

        template = render(self.source)
        return template.format(**{k: render(v) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.format()


class UserError(Exception):
    """A failure the user can act on (bad input, full disk, wrong file): shown, never a crash."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


class LoginRequiredError(UserError):
    """The act needs a logged-in account and nobody is logged in."""


def user_error(source: Text, **params: Any) -> UserError:
    """A UserError for a marked text: `raise user_error(QT_TRANSLATE_NOOP(ctx, "…{x}"), x=1)`."""
    return UserError(Message(source, params))
