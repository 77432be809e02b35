"""The order lifecycle: one transition table, one place that checks it. Pure Python.

States follow `order_statuses` in the reference data (rules file §2.1).
"""

from __future__ import annotations

from beian.core.exceptions import IllegalTransition

DRAFT = "DRAFT"
PENDING_PROVIDER_REVIEW = "PENDING_PROVIDER_REVIEW"
PROVIDER_NEEDS_CHANGES = "PROVIDER_NEEDS_CHANGES"
PROVIDER_RESUBMITTED = "PROVIDER_RESUBMITTED"
PROVIDER_REJECTED = "PROVIDER_REJECTED"
PENDING_SUBMISSION = "PENDING_SUBMISSION"
SMS_VERIFICATION = "SMS_VERIFICATION"
REGULATOR_REVIEW = "REGULATOR_REVIEW"
REGULATOR_REJECTED = "REGULATOR_REJECTED"
RETURNED_SMS_TIMEOUT = "RETURNED_SMS_TIMEOUT"
APPROVED = "APPROVED"
ABANDONED = "ABANDONED"
EXPIRED = "EXPIRED"

ALL = (
    DRAFT,
    PENDING_PROVIDER_REVIEW,
    PROVIDER_NEEDS_CHANGES,
    PROVIDER_RESUBMITTED,
    PROVIDER_REJECTED,
    PENDING_SUBMISSION,
    SMS_VERIFICATION,
    REGULATOR_REVIEW,
    REGULATOR_REJECTED,
    RETURNED_SMS_TIMEOUT,
    APPROVED,
    ABANDONED,
    EXPIRED,
)

# (from, to) -> event name. Anything not listed is illegal.
TRANSITIONS: dict[tuple[str, str], str] = {
    (DRAFT, PENDING_PROVIDER_REVIEW): "submit",
    (DRAFT, ABANDONED): "abandon",
    (DRAFT, EXPIRED): "expire",
    (PENDING_PROVIDER_REVIEW, DRAFT): "withdraw",
    (PENDING_PROVIDER_REVIEW, PROVIDER_NEEDS_CHANGES): "return_fields",
    (PENDING_PROVIDER_REVIEW, PROVIDER_REJECTED): "reject",
    (PENDING_PROVIDER_REVIEW, PENDING_SUBMISSION): "approve",
    (PROVIDER_NEEDS_CHANGES, PROVIDER_RESUBMITTED): "resubmit",
    (PROVIDER_NEEDS_CHANGES, ABANDONED): "abandon",
    (PROVIDER_NEEDS_CHANGES, EXPIRED): "expire",
    (PROVIDER_RESUBMITTED, DRAFT): "withdraw",
    (PROVIDER_RESUBMITTED, PROVIDER_NEEDS_CHANGES): "return_fields",
    (PROVIDER_RESUBMITTED, PROVIDER_REJECTED): "reject",
    (PROVIDER_RESUBMITTED, PENDING_SUBMISSION): "approve",
    (PROVIDER_REJECTED, PROVIDER_RESUBMITTED): "resubmit",
    (PROVIDER_REJECTED, ABANDONED): "abandon",
    (PROVIDER_REJECTED, EXPIRED): "expire",
    (PENDING_SUBMISSION, SMS_VERIFICATION): "regulator_accepted",
    (PENDING_SUBMISSION, REGULATOR_REVIEW): "regulator_accepted_no_sms",
    (PENDING_SUBMISSION, DRAFT): "withdraw",
    (SMS_VERIFICATION, REGULATOR_REVIEW): "sms_verified",
    (SMS_VERIFICATION, RETURNED_SMS_TIMEOUT): "sms_failed",
    (RETURNED_SMS_TIMEOUT, PENDING_SUBMISSION): "resubmit_to_regulator",
    (RETURNED_SMS_TIMEOUT, ABANDONED): "abandon",
    (REGULATOR_REVIEW, APPROVED): "regulator_approved",
    (REGULATOR_REVIEW, REGULATOR_REJECTED): "regulator_rejected",
    (REGULATOR_REJECTED, PROVIDER_RESUBMITTED): "resubmit",
    (REGULATOR_REJECTED, ABANDONED): "abandon",
    (REGULATOR_REJECTED, EXPIRED): "expire",
}

TERMINAL = frozenset({APPROVED, ABANDONED, EXPIRED})
# The applicant may edit (all fields, or only the returned ones) in these states.
APPLICANT_EDITABLE = frozenset({DRAFT, PROVIDER_NEEDS_CHANGES, PROVIDER_REJECTED, REGULATOR_REJECTED})
# Only the returned fields are open in these states.
FIELD_LEVEL_RETURN = frozenset({PROVIDER_NEEDS_CHANGES})
# The provider's reviewers act in these states.
AWAITING_PROVIDER = frozenset({PENDING_PROVIDER_REVIEW, PROVIDER_RESUBMITTED})
# Submitted and not finished: the hosted site of a new filing stays in maintenance.
IN_PROGRESS = frozenset(set(ALL) - TERMINAL - {DRAFT})
# States in which the order waits on the applicant (idle expiry and reminders apply).
AWAITING_APPLICANT = frozenset({DRAFT, PROVIDER_NEEDS_CHANGES, PROVIDER_REJECTED, REGULATOR_REJECTED})


def can_transition(current: str, target: str) -> bool:
    return (current, target) in TRANSITIONS


def check_transition(current: str, target: str) -> str:
    """The event name of a legal transition; IllegalTransition otherwise."""
    try:
        return TRANSITIONS[(current, target)]
    except KeyError:
        raise IllegalTransition(f"{current} → {target} is not allowed", code="order.illegal_transition") from None


def targets(current: str) -> set[str]:
    return {to for (frm, to) in TRANSITIONS if frm == current}
