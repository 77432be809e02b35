"""What may this user do to this order now? One pure answer (no database, no clock of its own).

Plain data in (`OrderState`, `UserState`, `now`), plain data out (`Actions`). Views and templates
render it; services assert it and raise the existing PermissionDenied codes. Build the inputs from
models with `beian.filings.selectors.order_actions_for(order, user)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from beian.filings import states
from beian.filings.fields import BY_PATH, change_only, paths_for, template_path
from beian.rules import record_orders

ALL_FIELD_PATHS = frozenset(BY_PATH)  # the fields of a one-website order


@dataclass(frozen=True)
class OrderState:
    status: str
    filing_type: str = "FIRST_FILING"
    returned_paths: frozenset[str] = frozenset()  # field paths and "materials.<slot>" returned by review
    slots: tuple[str, ...] = ()  # the material slots this order's requirements name
    claim_holder_id: int | None = None
    claimed_at: dt.datetime | None = None
    website_count: int = 1  # websites[0] … websites[website_count - 1]
    subject_on_record: bool = True  # the subject is one of our records (False: filed elsewhere)
    # a provider-initiated cancel access (an operator confirmed a notice): the applicant reads it but
    # neither edits, withdraws nor abandons it
    provider_initiated: bool = False
    # the assisted filing service was granted (beian.plans): staff may fill in the fields
    assisted_service: bool = False


@dataclass(frozen=True)
class UserState:
    id: int | None
    is_member: bool = False  # of the order's organisation (the applicant side)
    is_reviewer: bool = False  # reviewers and operators
    is_operator: bool = False
    is_active: bool = True


@dataclass(frozen=True)
class Actions:
    may_edit: bool = False  # the applicant may change the order (all of it, or only what was returned)
    # staff (an operator) fill in the fields on the customer's behalf (the assisted filing service);
    # the customer still uploads the materials and submits (the declaration is theirs)
    assisting: bool = False
    only_returned: bool = False  # a field-level return: only the returned fields and slots are open
    editable_paths: frozenset[str] = frozenset()
    editable_slots: frozenset[str] = frozenset()
    may_submit: bool = False
    may_withdraw: bool = False
    may_abandon: bool = False
    in_review: bool = False  # the order waits on the provider's reviewers
    may_claim: bool = False  # claim an unclaimed order, or renew one's own claim
    may_act: bool = False  # decide / return fields (acting claims the order)
    held_by_other: bool = False
    may_release: bool = False
    claim_idle: bool = False  # the claim has had no activity for longer than the idle limit
    reasons: dict[str, str] = field(default_factory=dict, compare=False)  # action -> why not (a code)

    def may_edit_slot(self, slot: str) -> bool:
        return slot in self.editable_slots


# A subject filed elsewhere is entered by the applicant (it must equal the regulator's record) except
# its identity, which the first step verified and the record fixes.
SUBJECT_IDENTITY = frozenset(
    {"subject.province", "subject.nature", "subject.certificate_type", "subject.certificate_number"}
)


def _editable_paths(order: OrderState, paths: Iterable[str]) -> frozenset[str]:
    out = set(paths)
    if record_orders.is_record_type(order.filing_type):  # a change opens only what may change (§1.5)
        out = {p for p in out if record_orders.editable(order.filing_type, template_path(p))}
    else:
        out = {p for p in out if not change_only(p)}
        if order.filing_type != "FIRST_FILING":  # the filed subject is not edited by a later new filing
            if order.subject_on_record:
                out = {p for p in out if not p.startswith("subject.")}
            else:
                out -= SUBJECT_IDENTITY
    if order.status in states.FIELD_LEVEL_RETURN:
        out &= order.returned_paths
    return frozenset(out)


def order_actions(
    order: OrderState,
    user: UserState,
    now: dt.datetime | None = None,
    *,
    idle_minutes: int | None = None,
    field_paths: Iterable[str] | None = None,
) -> Actions:
    """Every permission of `user` on `order` at `now`; `idle_minutes` is the claim idle limit."""
    active = user.is_active and user.id is not None
    applicant = active and user.is_member and not order.provider_initiated
    reviewer = active and user.is_reviewer
    status = order.status
    assisting = bool(
        active
        and user.is_operator
        and not user.is_member
        and order.assisted_service
        and not order.provider_initiated
        and status in states.APPLICANT_EDITABLE
    )

    may_edit = applicant and status in states.APPLICANT_EDITABLE
    only_returned = (may_edit or assisting) and status in states.FIELD_LEVEL_RETURN
    if field_paths is None:
        field_paths = paths_for(order.website_count)
    editable_paths = _editable_paths(order, field_paths) if may_edit or assisting else frozenset()
    editable_slots = (
        frozenset(s for s in order.slots if not only_returned or f"materials.{s}" in order.returned_paths)
        if may_edit
        else frozenset()
    )

    in_review = status in states.AWAITING_PROVIDER
    holder = order.claim_holder_id
    mine = holder is not None and holder == user.id
    may_claim = reviewer and in_review and (holder is None or mine)
    claim_idle = bool(
        holder is not None
        and idle_minutes is not None
        and now is not None
        and (order.claimed_at is None or now - order.claimed_at > dt.timedelta(minutes=idle_minutes))
    )
    reasons: dict[str, str] = {}
    if not reviewer:
        reasons["act"] = "review.not_reviewer"
    elif in_review and holder is not None and not mine:
        reasons["act"] = "order.claimed"
    elif not in_review:
        reasons["act"] = "order.illegal_transition"
    if not in_review:  # the decision ended the claim
        reasons["release"] = "order.not_in_review"
    elif holder is None:
        reasons["release"] = "order.not_claimed"
    elif not (active and (mine or user.is_operator)):
        reasons["release"] = "order.claimed"
    return Actions(
        may_edit=may_edit,
        assisting=assisting,
        only_returned=only_returned,
        editable_paths=editable_paths,
        editable_slots=editable_slots,
        may_submit=may_edit,
        may_withdraw=applicant and status != states.DRAFT and states.can_transition(status, states.DRAFT),
        may_abandon=applicant and states.can_transition(status, states.ABANDONED),
        in_review=in_review,
        may_claim=may_claim,
        may_act=may_claim,
        held_by_other=in_review and holder is not None and not mine,
        may_release=in_review and holder is not None and active and (mine or user.is_operator),
        claim_idle=claim_idle,
        reasons=reasons,
    )


# --- provider-initiated cancel access: the notice (rules file §1.7, §8.3) ----------------------------
#
# An operator (or the compliance monitor, as a proposal) starts a notice; the customer is notified
# and has until the deadline to rectify; only after the deadline may an operator confirm, which files
# the cancel access. The statuses are the values of filings.models.NoticeStatus.

NOTICE_PROPOSED = "proposed"  # proposed (the monitor): the customer is not told yet
NOTICE_OPEN = "open"  # the customer is notified and has until the deadline
NOTICE_WITHDRAWN = "withdrawn"  # an operator withdrew it (rectified, a mistake) or dismissed the proposal
NOTICE_CONFIRMED = "confirmed"  # an operator confirmed after the deadline: the cancel access order is filed
NOTICE_RESOLVED = "resolved"  # our access ended otherwise (the customer cancelled it, the website ended)
NOTICE_PENDING = frozenset({NOTICE_PROPOSED, NOTICE_OPEN})


@dataclass(frozen=True)
class NoticeActions:
    may_start: bool = False  # notify the customer of a proposed notice (the deadline starts)
    may_withdraw: bool = False
    may_confirm: bool = False
    confirm_from: dt.date | None = None  # the first day an operator may confirm (the day after the deadline)
    reasons: dict[str, str] = field(default_factory=dict, compare=False)  # action -> why not (a code)


def notice_actions(*, status: str, deadline: dt.date | None, today: dt.date, is_operator: bool) -> NoticeActions:
    """What an operator may do to a cancel-access notice on `today`. Only operators act; a notice is
    confirmed only once its deadline has passed (the customer has the whole deadline day)."""
    reasons: dict[str, str] = {}
    confirm_from = deadline + dt.timedelta(days=1) if deadline is not None else None
    if not is_operator:
        reasons = {"start": "notice.not_operator", "withdraw": "notice.not_operator", "confirm": "notice.not_operator"}
        return NoticeActions(confirm_from=confirm_from, reasons=reasons)
    if status != NOTICE_PROPOSED:
        reasons["start"] = "notice.not_proposed"
    if status not in NOTICE_PENDING:
        reasons["withdraw"] = "notice.closed"
    if status != NOTICE_OPEN:
        reasons["confirm"] = "notice.closed" if status not in NOTICE_PENDING else "notice.not_notified"
    elif confirm_from is None or today < confirm_from:
        reasons["confirm"] = "notice.before_deadline"
    return NoticeActions(
        may_start="start" not in reasons,
        may_withdraw="withdraw" not in reasons,
        may_confirm="confirm" not in reasons,
        confirm_from=confirm_from,
        reasons=reasons,
    )
