"""What the exchange functions raise and take: refusals with their stage, cancellation, progress callbacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message, Text, UserError

# (done_bytes, total_bytes); total 0 when unknown. Called from the thread doing the work.
Progress = Callable[[int, int], None]
# Returns True when the user asked to stop. It may also raise its own exception (the window's
# Job.check raises CancelledError); either way the work stops after cleaning up.
CancelCheck = Callable[[], bool]

# Verification stages, in the order DESIGN.md gives them; the first failure stops.
STAGES = ("decrypt", "container", "signature", "tagmanifest", "manifest", "schema", "references")


class BundleError(UserError):
    """A bundle refused by a verification stage.

    `stage` is one of STAGES and `code` a stable identifier of the failure ("container.symlink"),
    for tests, scripts (`verify-bundle --json`) and the window; `message` is the Indonesian reason.
    """

    def __init__(self, stage: str, code: str, message: Message):
        super().__init__(message)
        self.stage, self.code = stage, code


def refuse(stage: str, code: str, text: Text, /, **params: Any) -> BundleError:
    """A BundleError: `raise refuse("container", "container.not_zip", NOT_ZIP, name=...)`."""
    return BundleError(stage, code, Message(text, params))


class UserCancelledError(UserError):
    """The user stopped the work; whatever it had written is removed again."""

    def __init__(self) -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP("Exchange", "Dibatalkan; tidak ada yang disimpan.")))


def no_progress(done: int, total: int) -> None:
    """The default progress callback: ignores the figures."""


def never_cancelled() -> bool:
    """The default cancel check: the work always runs to its end."""
    return False


def check_cancel(cancelled: CancelCheck) -> None:
    """Raises UserCancelledError when the cancel check says so (or lets the check's own exception through)."""
    if cancelled():
        raise UserCancelledError
