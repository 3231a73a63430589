"""Who may do what: the roles of local accounts, and the review workflow of a report.

A report moves draft -> submitted (frozen) -> returned (editable again, with the reviewer's notes)
-> submitted -> approved (frozen). Operators fill and submit; verifiers (the district SPM team)
return or approve; the admin sets the install up and may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP, Text
from desktop.domain.reports import ReportStatus


class Role(StrEnum):
    """The role of a local account."""

    OPERATOR = "operator"
    VERIFIER = "verifier"
    ADMIN = "admin"


class Permission(StrEnum):
    """One kind of act the install guards."""

    EDIT_FIGURES = "edit_figures"  # figures, texts and evidence of a report; Excel import
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    EXPORT_BUNDLE = "export_bundle"
    IMPORT_BUNDLE = "import_bundle"
    MANAGE_USERS = "manage_users"
    MANAGE_PERIODS = "manage_periods"  # deadlines, and opening a closed period
    MANAGE_KEYS = "manage_keys"  # the office key, trusted keys, age recipients, signatories
    WORK_AFTER_DEADLINE = "work_after_deadline"


_OPERATOR = frozenset({Permission.EDIT_FIGURES, Permission.SUBMIT, Permission.EXPORT_BUNDLE, Permission.IMPORT_BUNDLE})
_VERIFIER = frozenset({Permission.RETURN, Permission.APPROVE, Permission.EXPORT_BUNDLE, Permission.IMPORT_BUNDLE})
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: _OPERATOR,
    Role.VERIFIER: _VERIFIER,
    Role.ADMIN: frozenset(Permission),
}

ROLE_LABELS: dict[Role, Text] = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Roles", "Operator"),
    Role.VERIFIER: QT_TRANSLATE_NOOP("Roles", "Verifikator"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Admin"),
}


def allows(role: Role, permission: Permission) -> bool:
    """Whether an account of this role may do this."""
    return permission in PERMISSIONS[role]


class Transition(StrEnum):
    """A step of the review workflow."""

    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"


@dataclass(frozen=True)
class Step:
    """Where a transition may start, where it leads, and the permission it takes."""

    sources: frozenset[ReportStatus]
    target: ReportStatus
    permission: Permission
    needs_note: bool


STEPS: dict[Transition, Step] = {
    Transition.SUBMIT: Step(
        frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED}), ReportStatus.SUBMITTED, Permission.SUBMIT, False
    ),
    Transition.RETURN: Step(frozenset({ReportStatus.SUBMITTED}), ReportStatus.RETURNED, Permission.RETURN, True),
    Transition.APPROVE: Step(frozenset({ReportStatus.SUBMITTED}), ReportStatus.APPROVED, Permission.APPROVE, False),
}

TRANSITION_LABELS: dict[Transition, Text] = {
    Transition.SUBMIT: QT_TRANSLATE_NOOP("Workflow", "Ajukan"),
    Transition.RETURN: QT_TRANSLATE_NOOP("Workflow", "Kembalikan"),
    Transition.APPROVE: QT_TRANSLATE_NOOP("Workflow", "Setujui"),
}


def available_transitions(status: ReportStatus, role: Role) -> list[Transition]:
    """The steps an account of this role may take from this status, in workflow order."""
    return [t for t, step in STEPS.items() if status in step.sources and allows(role, step.permission)]
