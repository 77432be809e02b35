"""The access gate (PURE): what one domain serves, from plain facts about its filing records and
the orders that name it. No database, no Django; `beian.hosting.entries` gathers the facts.

Rules file §8.5, §6.3, §1.4 (ARCHITECTURE "Filing records and orders"), decided per domain:
- a main domain filed with us (active website filing) whose OUR access record is active serves,
  with the number of the website the domain belongs to — whatever other order about it or its site
  is open (a new draft, a change…); its subdomains (www., blog.) are covered by it (§6.3);
- while a first filing or new website of that domain is in progress: maintenance (503);
- a new-access order (the domain is filed elsewhere) may serve from the point the operator setting
  `new_access_serve_from` names (default: once our provider's first review passed, as Tencent does;
  §1.4, §8.5) with the number the order recorded from the external filing;
- everything else is blocked (451): never filed, filed elsewhere but not accessed through us,
  our access cancelled, no domain at all.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from enum import Enum

from beian.filings import states

FIRST_FILING = "FIRST_FILING"
NEW_WEBSITE = "NEW_WEBSITE"
NEW_ACCESS = "NEW_ACCESS"
# the filing types during which the domain itself is being filed: offline until approval (§8.5)
FILING_THE_DOMAIN = frozenset({FIRST_FILING, NEW_WEBSITE})


class Access(str, Enum):
    SERVE = "serve"
    MAINTENANCE = "maintenance"
    BLOCK = "block"


class Reason(str, Enum):
    FILED = "filed"  # filed with us, our access active
    NEW_ACCESS = "new_access"  # new access past the point the setting names, with the recorded number
    FILING_IN_PROGRESS = "filing_in_progress"  # first filing / new website of the domain in progress
    NEW_ACCESS_PENDING = "new_access_pending"  # new access not yet far enough to serve
    NOT_ACCESSED = "not_accessed"  # filed (recorded here) but not, or no longer, accessed through us
    NOT_FILED = "not_filed"  # no filing we know of (filed elsewhere and never accessed: blocked too)
    NO_DOMAIN = "no_domain"  # a platform address of a site without any domain


class NewAccessServe(str, Enum):
    """Operator setting `new_access_serve_from`: from when a new-access domain may be served."""

    SUBMITTED = "submitted"  # as soon as the order is submitted (Huawei: the filing already exists)
    PROVIDER_REVIEW_PASSED = "provider_review_passed"  # our first review passed (Tencent; the default)
    APPROVED = "approved"  # only once the regulator approved (the records then say so)


DEFAULT_NEW_ACCESS_SERVE = NewAccessServe.PROVIDER_REVIEW_PASSED
# Past our provider review and not sent back to it. RETURNED_SMS_TIMEOUT keeps the provider's
# approval (it goes back to PENDING_SUBMISSION), so the domain does not flap while it is resent.
PAST_PROVIDER_REVIEW = frozenset(
    {states.PENDING_SUBMISSION, states.SMS_VERIFICATION, states.REGULATOR_REVIEW, states.RETURNED_SMS_TIMEOUT}
)
NEW_ACCESS_SERVING: dict[NewAccessServe, frozenset[str]] = {
    NewAccessServe.SUBMITTED: states.IN_PROGRESS,
    NewAccessServe.PROVIDER_REVIEW_PASSED: PAST_PROVIDER_REVIEW,
    NewAccessServe.APPROVED: frozenset(),
}

STATUS_CODES = {Access.SERVE: 200, Access.MAINTENANCE: 503, Access.BLOCK: 451}
MAINTENANCE_RETRY_AFTER = 3600


@dataclass(frozen=True)
class OrderFact:
    """An order that names the domain: its type, state, and the number its website recorded (new
    access: the external filing's number, set at detection; "" when unknown)."""

    filing_type: str
    status: str
    filing_number: str = ""


@dataclass(frozen=True)
class DomainFacts:
    """What the records and the orders say about one main domain."""

    domain: str = ""  # the main domain ("" : no domain at all)
    filing_number: str = ""  # the active website filing the domain belongs to ("" : none recorded)
    our_access: bool = False  # our access record of that website filing is active
    orders: tuple[OrderFact, ...] = ()


@dataclass(frozen=True)
class GateDecision:
    access: Access
    reason: Reason
    filing_number: str = ""

    @property
    def status_code(self) -> int:
        return STATUS_CODES[self.access]

    @property
    def retry_after_seconds(self) -> int | None:
        return MAINTENANCE_RETRY_AFTER if self.access == Access.MAINTENANCE else None


def new_access_policy(value: object) -> NewAccessServe:
    """The operator setting as a policy; anything unknown is the default (§8.5)."""
    try:
        return NewAccessServe(str(value))
    except ValueError:
        return DEFAULT_NEW_ACCESS_SERVE


def decide(facts: DomainFacts, *, new_access_serve_from: NewAccessServe = DEFAULT_NEW_ACCESS_SERVE) -> GateDecision:
    """What the domain serves now."""
    if not facts.domain:
        return GateDecision(Access.BLOCK, Reason.NO_DOMAIN)
    if facts.filing_number and facts.our_access:
        return GateDecision(Access.SERVE, Reason.FILED, facts.filing_number)
    if any(o.filing_type in FILING_THE_DOMAIN and o.status in states.IN_PROGRESS for o in facts.orders):
        return GateDecision(Access.MAINTENANCE, Reason.FILING_IN_PROGRESS)
    serving = NEW_ACCESS_SERVING[new_access_serve_from]
    for order in facts.orders:
        if order.filing_type == NEW_ACCESS and order.status in serving and order.filing_number:
            return GateDecision(Access.SERVE, Reason.NEW_ACCESS, order.filing_number)
    if any(o.filing_type == NEW_ACCESS and o.status in states.IN_PROGRESS for o in facts.orders):
        return GateDecision(Access.BLOCK, Reason.NEW_ACCESS_PENDING)
    if facts.filing_number:
        return GateDecision(Access.BLOCK, Reason.NOT_ACCESSED)
    return GateDecision(Access.BLOCK, Reason.NOT_FILED)


def host_key(host: str) -> str:
    """A Host header as the gate looks it up: no port, lower case, no trailing dot. Non-ASCII hosts
    are compared as A-labels (browsers send those; a U-label here is a hand-made request)."""
    key = host.split(":", 1)[0].strip().lower().rstrip(".")
    if not key.isascii():
        with contextlib.suppress(UnicodeError):
            key = key.encode("idna").decode("ascii")
    return key


def host_candidates(key: str) -> list[str]:
    """The host and every parent domain of two labels or more, longest first: the gate entry of
    the most specific bound domain answers (blog.example.cn falls back to example.cn, §6.3)."""
    labels = key.split(".")
    return [".".join(labels[i:]) for i in range(max(len(labels) - 1, 1))] if key else []
