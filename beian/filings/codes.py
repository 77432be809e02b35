"""Service codes (备案服务码, rules file §8.6): their format, states and the provider's policy. Pure Python.

A code is generated for one hosted site (the provider resource a filing is accessed through) and is
bound to one filing: the applicant enters it to start the filing, the filing's approval marks it
filed, and a filing that ends without approval frees it again or voids it (the reference policy
decides, `provider_resources`). Every state change is checked here (`check_transition`); the services
(beian.filings.service_codes) lock the row, check, save and audit.

The format is typed by people: `BA-XXXX-XXXX-XXXX`, Crockford's base-32 alphabet (no I, L, O, U; a
typed O reads as 0, I and L as 1, lower case as upper case, spaces and hyphens are ignored), the last
character a Luhn mod 32 check character: every mistyped character and every swap of two neighbours but
0↔Z is caught before any lookup.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from beian.core.exceptions import IllegalTransition

UNBOUND = "unbound"  # generated, not used yet: the applicant may start a filing with it
IN_FILING = "in_filing"  # bound to an order that is not finished
FILED = "filed"  # the order it is bound to was approved
VOID = "void"  # voided (by the platform or an operator, a single-use code whose filing ended, a filing cancelled)

ALL = (UNBOUND, IN_FILING, FILED, VOID)

# (from, to) -> event. Anything not listed is refused.
TRANSITIONS: dict[tuple[str, str], str] = {
    (UNBOUND, IN_FILING): "bind",  # a filing is started (or prefilled) with it
    (IN_FILING, FILED): "filed",  # the regulator approved the filing
    (IN_FILING, UNBOUND): "release",  # the filing ended without approval; the code may be used again
    (IN_FILING, VOID): "spend",  # the filing ended without approval and the code is single-use
    (UNBOUND, VOID): "void",  # the platform or an operator voids an unused code
    (FILED, VOID): "cancelled",  # the filing it backs was cancelled (or our access to it ended)
}

PREFIX = "BA"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
BODY_LENGTH = 11  # random characters; the check character makes 12, shown in three groups of four
_ALIASES = {"O": "0", "I": "1", "L": "1"}


def check_transition(current: str, target: str) -> str:
    """The event of a legal transition; IllegalTransition (`service_code.illegal_transition`) otherwise."""
    try:
        return TRANSITIONS[(current, target)]
    except KeyError:
        raise IllegalTransition(
            f"{current} → {target} is not allowed", code="service_code.illegal_transition"
        ) from None


def can_transition(current: str, target: str) -> bool:
    return (current, target) in TRANSITIONS


# --- the format ---------------------------------------------------------------------------------


def check_character(body: str) -> str:
    """The Luhn mod 32 check character of `body` (characters of ALPHABET)."""
    factor, total, n = 2, 0, len(ALPHABET)
    for char in reversed(body):
        addend = factor * ALPHABET.index(char)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def is_valid_body(characters: str) -> bool:
    """`characters` (body and check character) pass the Luhn mod 32 check."""
    factor, total, n = 1, 0, len(ALPHABET)
    for char in reversed(characters):
        addend = factor * ALPHABET.index(char)
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return total % n == 0


def display(characters: str) -> str:
    """`BA-XXXX-XXXX-XXXX` from the twelve characters."""
    return f"{PREFIX}-{characters[0:4]}-{characters[4:8]}-{characters[8:12]}"


def new_code(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh code in its display form (random body from the system's secure generator)."""
    body = "".join(ALPHABET[randbelow(len(ALPHABET))] for _ in range(BODY_LENGTH))
    return display(body + check_character(body))


def parse(typed: str) -> str | None:
    """The canonical code (`BA-XXXX-XXXX-XXXX`) of what a person typed, or None when it cannot be one
    (wrong length, a character outside the alphabet, a failed check character)."""
    text = "".join((typed or "").split()).replace("-", "").replace("—", "").upper()
    if text.startswith(PREFIX) and len(text) == 2 + BODY_LENGTH + 1:
        text = text[len(PREFIX) :]
    text = "".join(_ALIASES.get(c, c) for c in text)
    if len(text) != BODY_LENGTH + 1 or any(c not in ALPHABET for c in text):
        return None
    return display(text) if is_valid_body(text) else None


def masked(code: str) -> str:
    """For lists where the reader need not type it again: `BA-****-****-WXYZ`."""
    return f"{PREFIX}-****-****-{code[-4:]}" if code else ""


# --- the provider's policy (reference data `provider_resources`) -------------------------------


@dataclass(frozen=True)
class CodePolicy:
    per_resource: int  # codes a hosted site may have in use
    single_use: bool  # a bound code whose filing ends unapproved is void, not free again
    refund_on_cancel: bool  # a used code that is voided frees its place in the quota
    cross_account_grant: bool  # a code may be granted to another account of the platform


DEFAULT_POLICY = CodePolicy(per_resource=0, single_use=True, refund_on_cancel=False, cross_account_grant=False)


def policy_from(data: Mapping[str, object] | None) -> CodePolicy:
    """The policy from the reference section; a missing or malformed section generates no code."""
    if not isinstance(data, Mapping):
        return DEFAULT_POLICY
    per = data.get("service_codes_per_resource")
    return CodePolicy(
        per_resource=per if isinstance(per, int) and not isinstance(per, bool) and per >= 0 else 0,
        single_use=bool(data.get("single_use", True)),
        refund_on_cancel=bool(data.get("refund_on_cancel", False)),
        cross_account_grant=bool(data.get("cross_account_grant", False)),
    )


def counts_against_quota(state: str, *, spent: bool) -> bool:
    """A code holds a place in its site's quota unless it is void and its place was given back."""
    return state != VOID or spent


def quota_left(policy: CodePolicy, in_use: int) -> int:
    return max(policy.per_resource - in_use, 0)


@dataclass(frozen=True)
class Outcome:
    state: str
    spent: bool  # while void: the code keeps its place in the quota


def after_filing_ended(policy: CodePolicy) -> Outcome:
    """The filing a code is bound to ended without approval (abandoned, expired)."""
    if policy.single_use:
        return Outcome(VOID, spent=not policy.refund_on_cancel)
    return Outcome(UNBOUND, spent=False)


def after_void() -> Outcome:
    """The platform or an operator voids a code, which only an unused code may be: nothing was filed
    with it, so its place in the quota is free again."""
    return Outcome(VOID, spent=False)


def after_filing_cancelled(policy: CodePolicy) -> Outcome:
    """The filing a code backs was cancelled, or our access to it ended."""
    return Outcome(VOID, spent=not policy.refund_on_cancel)


# --- who may start a filing with a code -------------------------------------------------------------


def start_refusal(
    *, state: str, owner: bool, grantee: bool, granted_elsewhere: bool, same_site: bool | None
) -> str | None:
    """Why `state`'s code cannot start a filing for this organisation (a code, None when it can).

    `owner`: the organisation owns the code's site; `grantee`: the code was granted to it;
    `granted_elsewhere`: the owner granted it to another account (then only that account uses it);
    `same_site`: the filing is for the code's site (None: no site named, the code's site is used)."""
    if not (owner or grantee):
        return "service_code.unknown"  # another tenant's code reads as no code at all
    if owner and granted_elsewhere and not grantee:
        return "service_code.granted_elsewhere"
    if state == VOID:
        return "service_code.void"
    if state != UNBOUND:
        return "service_code.used"
    if same_site is False:
        return "service_code.other_site"
    return None
