"""What can be done to a filed subject or website now (the filed dashboard's actions). PURE: plain
facts in (`SubjectFacts`, `WebsiteFacts`, the open orders), plain answers out (`RecordActions`);
no database, no clock. `beian.filings.dashboard` gathers the facts and words the answers.

Rules file §1.5–§1.7 and §8.4, and the services' own checks (`filings.services.order_start_from_record`):
- a cancelled subject or website has no action left (it stays listed, marked cancelled);
- changes and cancellations go through the provider that accesses the site: a website we no longer
  access is changed or cancelled at its other provider; a subject of which we access no website
  likewise, and an empty-shell subject (no website accessed by anyone) is cancelled by an
  application to the regulator itself;
- cancel access and change access need our access to be active; change access needs another
  hosted site of the tenant to move to;
- add website (新增网站) to an empty-shell subject only where the province allows it; otherwise
  the path is cancel the shell at the regulator, then a first filing. It waits while a change or
  cancellation of the subject is open (§1.3);
- one open order per record, as `order_start_from_record` decides (`blocking_order` mirrors
  `services._open_record_order`): an open order of the same type is continued instead of starting
  another; an open order of another type holds the action back until it is finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from beian.rules import record_orders

NEW_WEBSITE = "NEW_WEBSITE"

# action keys (the dashboard's buttons); `add_domain` is a website change opened at the domains
CHANGE_SUBJECT = "change_subject"
CANCEL_SUBJECT = "cancel_subject"
ADD_WEBSITE = "add_website"
CHANGE_WEBSITE = "change_website"
ADD_DOMAIN = "add_domain"
CHANGE_BOTH = "change_both"
CHANGE_ACCESS = "change_access"
CANCEL_WEBSITE = "cancel_website"
CANCEL_ACCESS = "cancel_access"
CONTINUE = "continue"

# the order type each action starts (the POST of a dashboard button names the action, never the type)
FILING_TYPES: dict[str, str] = {
    CHANGE_SUBJECT: record_orders.CHANGE_SUBJECT,
    CANCEL_SUBJECT: record_orders.CANCEL_SUBJECT,
    ADD_WEBSITE: NEW_WEBSITE,
    CHANGE_WEBSITE: record_orders.CHANGE_WEBSITE,
    ADD_DOMAIN: record_orders.CHANGE_WEBSITE,
    CHANGE_BOTH: record_orders.CHANGE_FILING,
    CHANGE_ACCESS: record_orders.CHANGE_ACCESS,
    CANCEL_WEBSITE: record_orders.CANCEL_WEBSITE,
    CANCEL_ACCESS: record_orders.CANCEL_ACCESS,
}
SUBJECT_ACTIONS = frozenset({CHANGE_SUBJECT, CANCEL_SUBJECT, ADD_WEBSITE})
WEBSITE_ACTIONS = frozenset({CHANGE_WEBSITE, ADD_DOMAIN, CHANGE_BOTH, CHANGE_ACCESS, CANCEL_WEBSITE, CANCEL_ACCESS})
DESTRUCTIVE = frozenset({CANCEL_SUBJECT, CANCEL_WEBSITE, CANCEL_ACCESS})

# what an action does to the live site (the dashboard words each)
KEEPS_SERVING = "keeps_serving"  # a change: the site serves throughout, the record changes on approval
KEEPS_SERVING_DOMAINS = "keeps_serving_domains"  # added domains serve, removed ones block, on approval
MOVES_SITE = "moves_site"  # change access: another hosted site serves it after approval
BLOCKS_WEBSITE = "blocks_website"  # cancel website: its domains blocked after approval
BLOCKS_SUBJECT = "blocks_subject"  # cancel subject: every website of the subject blocked after approval
BLOCKS_HERE_KEPT = "blocks_here_kept"  # cancel access: blocked here, the filing stays with another provider
BLOCKS_HERE_SHELL = "blocks_here_shell"  # cancel access, no other provider: an empty shell the regulator cancels
NEW_SITE = "new_site"  # add website: the filed sites keep serving, the new one serves once filed

# why something is not offered (explained on the dashboard)
EMPTY_SHELL_NO_NEW_WEBSITE = "empty_shell_no_new_website"  # the province does not allow it (§8.4)
EMPTY_SHELL = "empty_shell"  # no website of the subject is accessed by anyone (§8.4)
ACCESSED_ELSEWHERE = "accessed_elsewhere"  # another provider accesses it, we do not (§1.6, §1.7)
NOT_ACCESSED = "not_accessed"  # nobody accesses the website any more (an empty-shell website)
HELD = "held"  # an open order of another type holds it back


@dataclass(frozen=True)
class OpenOrder:
    """An open (not finished) change or cancellation of the subject's records, or a new website."""

    id: int
    reference: str
    filing_type: str
    website_numbers: frozenset[str] = frozenset()  # the website records its websites apply against


@dataclass(frozen=True)
class WebsiteFacts:
    number: str  # 京ICP备2026000001号-1
    active: bool = True
    our_access: bool = True  # our access record is active
    other_providers: tuple[str, ...] = ()  # other providers whose access is active
    hosted_site_id: int | None = None  # the hosted site our access serves it from


@dataclass(frozen=True)
class SubjectFacts:
    number: str
    active: bool = True
    websites: tuple[WebsiteFacts, ...] = ()
    # reference Province.empty_shell_subject_can_add_website: None where reference data does not say
    province_allows_shell_website: bool | None = None
    hosted_site_ids: frozenset[int] = frozenset()  # the tenant's hosted sites
    open_orders: tuple[OpenOrder, ...] = ()  # newest first

    @property
    def accessed_here(self) -> bool:
        return any(w.active and w.our_access for w in self.websites)

    @property
    def empty_shell(self) -> bool:
        """No website of the subject is accessed by any provider (§8.4)."""
        return not any(w.active and (w.our_access or w.other_providers) for w in self.websites)


@dataclass(frozen=True)
class RecordAction:
    key: str  # one of the action keys above
    filing_type: str  # the order type it starts (or continues)
    target: str  # the subject's or the website's number
    effect: str = ""  # what it does to the live site (none for `continue`)
    order: OpenOrder | None = None  # `continue`: the open order
    available: bool = True  # False: shown with `reason` instead of a button
    reason: str = ""

    @property
    def destructive(self) -> bool:
        return self.key in DESTRUCTIVE


@dataclass(frozen=True)
class RecordActions:
    actions: tuple[RecordAction, ...] = ()
    held_by: OpenOrder | None = None  # an open order of another type holds some actions back
    notes: tuple[str, ...] = ()  # why actions are missing (codes above)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(a.key for a in self.actions)

    @property
    def available(self) -> tuple[RecordAction, ...]:
        return tuple(a for a in self.actions if a.available)

    def get(self, key: str) -> RecordAction | None:
        return next((a for a in self.actions if a.key == key), None)


def blocking_order(open_orders: tuple[OpenOrder, ...], filing_type: str, website_number: str = "") -> OpenOrder | None:
    """The open order that stands in the way of a new order of `filing_type` (the newest first), as
    `order_start_from_record` decides: an open subject cancellation stands in the way of all, and
    all of them of it; two changes of the subject's data exclude each other; two orders about one
    website too. A new website waits for an open change or cancellation of the subject (§1.3)."""
    record_orders_open = tuple(o for o in open_orders if record_orders.is_record_type(o.filing_type))
    if filing_type == NEW_WEBSITE:
        held = record_orders.SUBJECT_PARTS | {record_orders.CANCEL_SUBJECT}
        return next((o for o in record_orders_open if o.filing_type in held), None)
    for order in record_orders_open:
        if filing_type == record_orders.CANCEL_SUBJECT or order.filing_type == record_orders.CANCEL_SUBJECT:
            return order
        if filing_type in record_orders.SUBJECT_PARTS and order.filing_type in record_orders.SUBJECT_PARTS:
            return order
        if website_number and website_number in order.website_numbers:
            return order
    return None


def _resolve(candidates: list[RecordAction], open_orders: tuple[OpenOrder, ...], website_number: str) -> RecordActions:
    """Each candidate as it stands with the open orders: started, continued, or held back."""
    out: list[RecordAction] = []
    continued: set[int] = set()
    held_by: OpenOrder | None = None
    for action in candidates:
        if not action.available:
            out.append(action)
            continue
        order = blocking_order(open_orders, action.filing_type, website_number)
        if order is None:
            out.append(action)
        elif order.filing_type == action.filing_type:
            if order.id not in continued:
                continued.add(order.id)
                out.append(RecordAction(CONTINUE, order.filing_type, action.target, order=order))
        else:
            held_by = held_by or order
    # the open orders first: finishing them is what comes next
    out.sort(key=lambda a: a.key != CONTINUE)
    return RecordActions(tuple(out), held_by=held_by, notes=(HELD,) if held_by else ())


def subject_actions(subject: SubjectFacts) -> RecordActions:
    """Change subject, cancel subject, add website — as they stand now."""
    if not subject.active:
        return RecordActions()
    number = subject.number
    candidates: list[RecordAction] = []
    notes: list[str] = []
    if subject.accessed_here:
        candidates.append(RecordAction(CHANGE_SUBJECT, record_orders.CHANGE_SUBJECT, number, KEEPS_SERVING))
        candidates.append(RecordAction(CANCEL_SUBJECT, record_orders.CANCEL_SUBJECT, number, BLOCKS_SUBJECT))
    else:
        notes.append(EMPTY_SHELL if subject.empty_shell else ACCESSED_ELSEWHERE)
    if subject.empty_shell and subject.province_allows_shell_website is False:
        candidates.append(
            RecordAction(ADD_WEBSITE, NEW_WEBSITE, number, NEW_SITE, available=False, reason=EMPTY_SHELL_NO_NEW_WEBSITE)
        )
    else:
        candidates.append(RecordAction(ADD_WEBSITE, NEW_WEBSITE, number, NEW_SITE))
    resolved = _resolve(candidates, subject.open_orders, "")
    return RecordActions(resolved.actions, held_by=resolved.held_by, notes=tuple(notes) + resolved.notes)


def website_actions(subject: SubjectFacts, website: WebsiteFacts) -> RecordActions:
    """Change website, add or remove a domain, change both, change access, cancel website, cancel
    access — as they stand now for one website of the subject."""
    if not (subject.active and website.active):
        return RecordActions()
    if not website.our_access:
        return RecordActions(notes=(ACCESSED_ELSEWHERE if website.other_providers else NOT_ACCESSED,))
    number = website.number
    candidates = [
        RecordAction(CHANGE_WEBSITE, record_orders.CHANGE_WEBSITE, number, KEEPS_SERVING),
        RecordAction(ADD_DOMAIN, record_orders.CHANGE_WEBSITE, number, KEEPS_SERVING_DOMAINS),
        RecordAction(CHANGE_BOTH, record_orders.CHANGE_FILING, number, KEEPS_SERVING),
    ]
    if subject.hosted_site_ids - {website.hosted_site_id}:
        candidates.append(RecordAction(CHANGE_ACCESS, record_orders.CHANGE_ACCESS, number, MOVES_SITE))
    candidates.append(RecordAction(CANCEL_WEBSITE, record_orders.CANCEL_WEBSITE, number, BLOCKS_WEBSITE))
    effect = BLOCKS_HERE_KEPT if website.other_providers else BLOCKS_HERE_SHELL
    candidates.append(RecordAction(CANCEL_ACCESS, record_orders.CANCEL_ACCESS, number, effect))
    return _resolve(candidates, subject.open_orders, number)
