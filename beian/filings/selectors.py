"""Queries. Applicant queries always take the tenant; a foreign id is simply not found."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, F, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.translation import get_language

from beian.accounts.agents import PlatformAgent
from beian.core import clock
from beian.core.crypto import blind_index
from beian.filings import actions, psb, states
from beian.filings import changes as record_changes
from beian.filings import fields as order_fields
from beian.filings.deadlines import deadline_range
from beian.filings.models import (
    AWAITING_REVIEW,
    AccessRecord,
    FiledDomain,
    Order,
    RecordEvent,
    RecordStatus,
    ReviewDecision,
    ReviewReturnReason,
    SubjectFiling,
    WebsiteFiling,
)
from beian.reference.models import FilingType, Province, SubjectNature
from beian.rules.domains import display_domain

ORDER_RELATED = ("subject", "subject__principal", "website", "website__principal", "website__hosted_site")


def with_filing_type_names(qs: QuerySet[Order]) -> QuerySet[Order]:
    """Each order carries its filing type's names, so `filing_type_label` needs no query per row."""
    from django.db.models import OuterRef, Subquery

    names = FilingType.objects.filter(code=OuterRef("filing_type"))
    return qs.annotate(
        filing_type_name_zh=Subquery(names.values("name_zh")[:1]),
        filing_type_name_en=Subquery(names.values("name_en")[:1]),
    )


def orders_for_organisation(organisation) -> QuerySet[Order]:
    return with_filing_type_names(Order.objects.filter(organisation=organisation).select_related(*ORDER_RELATED))


def order_for_organisation(organisation, pk) -> Order:
    try:
        return orders_for_organisation(organisation).get(pk=pk)
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def order_for_assisting(pk) -> Order:
    """An order staff may open on the customer's behalf: one with the assisted filing service
    (404 for any other, as for another tenant's order)."""
    try:
        return Order.objects.select_related(*ORDER_RELATED, "organisation").get(pk=pk, assisted_service=True)
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- what a user may do now (the inputs of the pure actions.order_actions) ----------------------


def order_state(order: Order, *, slots=(), website_count: int | None = None) -> actions.OrderState:
    return actions.OrderState(
        website_count=website_count or len(order_fields.websites_of(order)),
        status=order.status,
        filing_type=order.filing_type,
        returned_paths=frozenset(order.returned_field_paths),
        slots=tuple(slots),
        claim_holder_id=order.assigned_reviewer_id,
        claimed_at=order.claimed_at,
        # a new website / new access for a subject filed elsewhere has no record of ours yet
        subject_on_record=order.filing_type == "FIRST_FILING"
        or bool(order.subject_filing_id)
        or not order.subject.filing_number,
        provider_initiated=order.initiated_by_provider,
        assisted_service=order.assisted_service,
    )


def user_state(user, *, organisation_id: int | None = None, member: bool | None = None) -> actions.UserState:
    """`member`: the caller already knows whether the user belongs to the order's organisation
    (an order read through the tenant's selectors); otherwise it is looked up."""
    if isinstance(user, PlatformAgent):  # a platform acting for one of its organisations: its side only
        return actions.UserState(id=0, is_member=user.organisation_id == organisation_id, is_active=True)
    if user is None or not getattr(user, "is_authenticated", False):
        return actions.UserState(id=None, is_active=False)
    if member is None:
        member = organisation_id is not None and user.memberships.filter(organisation_id=organisation_id).exists()
    return actions.UserState(
        id=user.pk,
        is_member=member,
        is_reviewer=bool(getattr(user, "is_reviewer", False)),
        is_operator=bool(getattr(user, "is_operator", False)),
        is_active=user.is_active,
    )


def order_actions_for(
    order: Order, user, *, slots=(), member: bool | None = None, now=None, website_count: int | None = None
) -> actions.Actions:
    """What `user` may do to `order` now. `slots`: the order's material slots, when the caller
    needs `editable_slots` (materials.services.order_requirements). `website_count`: judge the
    fields of that many websites (an update that adds websites) instead of the order's own."""
    return actions.order_actions(
        order_state(order, slots=slots, website_count=website_count),
        user_state(user, organisation_id=order.organisation_id, member=member),
        now or clock.now(),
        idle_minutes=settings.REVIEW_CLAIM_IDLE_MINUTES,
    )


# --- review queue ------------------------------------------------------------------------------

QUEUE_RELATED = ("subject", "website", "assigned_reviewer")
# age filter: hours since the order entered the queue (its latest submission), [low, high)
AGE_BUCKETS = {"lt1h": (0, 1), "1to24h": (1, 24), "1to3d": (24, 72), "gt3d": (72, None)}
FINDING_BUCKETS = {"0": (0, 0), "1-2": (1, 2), "3+": (3, None)}
ASSIGNEES = ("anyone", "me", "unassigned")
SEARCH_KINDS = ("auto", "domain", "number", "uscc", "name")
_USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
_DOMAIN = re.compile(r"^[a-z0-9.-]*\.[a-z0-9.-]*$")
_BLIND_INDEX = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class QueueFilters:
    province: str = ""  # Province code, e.g. "11"
    filing_type: str = ""  # FilingType code
    age: str = ""  # a key of AGE_BUCKETS, or "overdue"
    assignee: str = "anyone"  # anyone | me | unassigned
    findings: str = ""  # a key of FINDING_BUCKETS
    q: str = ""  # search text
    search: str = "auto"  # a key of SEARCH_KINDS
    # A search by certificate (USCC or ID) number travels as its blind index (`cert=` in the URL),
    # never as the number itself: URLs end up in access logs and browser histories.
    certificate_index: str = ""

    @classmethod
    def from_query(cls, params) -> QueueFilters:
        def pick(name, allowed, default=""):
            value = (params.get(name) or "").strip()
            return value if value in allowed else default

        return cls(
            province=(params.get("province") or "").strip()[:2],
            filing_type=(params.get("filing_type") or "").strip()[:40],
            age=pick("age", {*AGE_BUCKETS, "overdue"}),
            assignee=pick("assignee", ASSIGNEES, "anyone"),
            findings=pick("findings", FINDING_BUCKETS),
            q=(params.get("q") or "").strip()[:200],
            search=pick("search", SEARCH_KINDS, "auto"),
            certificate_index=cert if _BLIND_INDEX.match(cert := (params.get("cert") or "").strip()) else "",
        )

    @property
    def searching(self) -> bool:
        return bool(self.q or self.certificate_index)

    @property
    def is_certificate_search(self) -> bool:
        """The search text is (or is asked to be read as) a USCC or an ID number."""
        if not self.q:
            return False
        return self.search == "uscc" or (self.search == "auto" and search_kind(self.q) == "uscc")

    def certificate_hashed(self) -> QueueFilters:
        """The same filters with a certificate number replaced by its blind index."""
        if not self.is_certificate_search:
            return self
        return replace(self, q="", search="uscc", certificate_index=blind_index(self.q, purpose="certificate"))


def search_kind(text: str) -> str:
    """What a search box entry looks like: a filing number, a USCC (or ID number), a domain, or a name."""
    value = unicodedata.normalize("NFKC", text).strip()
    upper = value.replace(" ", "").upper()
    if "ICP" in upper:
        return "number"
    if _USCC.match(upper) or _ID_NUMBER.match(upper):
        return "uscc"
    if _DOMAIN.match(_domain_text(value)) and not value.startswith(".") and len(value) > 2:
        return "domain"
    return "name"


def _domain_text(value: str) -> str:
    value = value.strip().lower()
    value = re.sub(r"^[a-z]+://", "", value).split("/", 1)[0].rstrip(".")
    return value


def _search_by(qs: QuerySet[Order], filters: QueueFilters) -> QuerySet[Order]:
    if filters.certificate_index:
        qs = qs.filter(subject__certificate_number_index=filters.certificate_index)
    return _search(qs, filters.q, filters.search) if filters.q else qs


def _search(qs: QuerySet[Order], text: str, kind: str) -> QuerySet[Order]:
    kind = search_kind(text) if kind == "auto" else kind
    if kind == "domain":
        # the domain the order was submitted with (the first website's): one index of orders
        # (order_queue_domain, order_domain_recent), not a join with every website ever filed
        return qs.filter(submitted_domain__startswith=_domain_text(text)).exclude(submitted_domain="")
    if kind == "number":
        number = unicodedata.normalize("NFKC", text).replace(" ", "")
        number = re.sub("icp", "ICP", number, flags=re.IGNORECASE)
        if re.search(r"号-\d+$", number):
            return qs.filter(website__filing_number=number)
        return qs.filter(subject__filing_number=number if number.endswith("号") else number + "号")
    if kind == "uscc":
        return qs.filter(subject__certificate_number_index=blind_index(text, purpose="certificate"))
    name = unicodedata.normalize("NFKC", text).strip()
    # Text without cased letters (a Chinese name) matches the same with or without case folding;
    # without it, PostgreSQL can use the trigram index on the name (3+ characters). A matching
    # name is never empty: saying so lets the planner walk order_named_recent for common words.
    caseless = name.upper() == name.lower()
    if caseless and len(name) == 2 and connection.vendor == "postgresql":
        # Two characters: PostgreSQL finds them among the names' two-character pieces (migration
        # 0014's GIN index on order_name_bigrams), the same test as LIKE '%ab%'. The planner
        # estimates from the pieces' frequencies; strpos, cheap, is what a walk of
        # order_named_recent tests first (a LIKE would be estimated as well, as if independent,
        # and a common word taken for a rare one).
        matches = Q(
            RawSQL(
                'order_name_bigrams("filings_order"."submitted_subject_name") @> ARRAY[%s]::text[] '
                'AND strpos("filings_order"."submitted_subject_name", %s) > 0',
                [name, name],
                output_field=BooleanField(),
            )
        )
    elif caseless:
        matches = Q(submitted_subject_name__contains=name)
    else:
        matches = Q(submitted_subject_name__icontains=name)
    return qs.filter(matches).exclude(submitted_subject_name="")


def _in_queue(filters: QueueFilters, *, reviewer=None, now=None) -> Q:
    """What puts an order in the queue list: awaiting provider review and matching every filter
    but the search text (the caller applies that)."""
    cond = Q(status__in=AWAITING_REVIEW)
    if filters.province:
        cond &= Q(submitted_province=filters.province)
    if filters.filing_type:
        cond &= Q(filing_type=filters.filing_type)
    if filters.assignee == "me" and reviewer is not None:
        cond &= Q(assigned_reviewer=reviewer)
    elif filters.assignee == "unassigned":
        cond &= Q(assigned_reviewer__isnull=True)
    if filters.findings:
        low, high = FINDING_BUCKETS[filters.findings]
        cond &= Q(finding_count__gte=low)
        if high is not None:
            cond &= Q(finding_count__lte=high)
    if filters.age:
        now = now or clock.now()
        if filters.age == "overdue":
            cond &= Q(review_due_at__lt=now)
        else:
            low, high = AGE_BUCKETS[filters.age]
            cond &= Q(status_changed_at__lte=now - dt.timedelta(hours=low))
            if high is not None:
                cond &= Q(status_changed_at__gt=now - dt.timedelta(hours=high))
    return cond


def review_queue(filters: QueueFilters | None = None, *, reviewer=None, now=None) -> QuerySet[Order]:
    """Orders awaiting provider review, narrowed by `filters`: those with the assisted filing
    service (beian.plans) first, then the nearest deadline first."""
    filters = filters or QueueFilters()
    qs = (
        Order.objects.filter(_in_queue(filters, reviewer=reviewer, now=now))
        .select_related(*QUEUE_RELATED)
        .order_by("-assisted_service", F("review_due_at").asc(nulls_last=True), "pk")
    )
    if filters.searching:
        qs = _search_by(qs, filters)
    return qs


# The queue page counts matches up to this many and then says "more than"; it pages by keyset
# (the last or first row shown), so no page view counts or skips the whole queue.
QUEUE_COUNT_LIMIT = 1000
QUEUE_PAGE_SIZE = 50


@dataclass(frozen=True)
class QueuePage:
    orders: list[Order]
    count: int  # matches, at most QUEUE_COUNT_LIMIT
    more_than: bool  # there are more than `count` matches
    next_after: int | None  # the last row's pk when a next page follows (?after=)
    previous_before: int | None  # the first row's pk when a previous page precedes (?before=)


def _dated(keys: QuerySet, floor, ceiling) -> QuerySet:
    keys = keys.filter(review_due_at__isnull=False)
    if floor is not None:
        keys = keys.filter(review_due_at__gte=floor)
    return keys if ceiling is None else keys.filter(review_due_at__lte=ceiling)


def _queue_keys_after(keys: QuerySet, cursor: tuple | None, size: int, *, floor=None, ceiling=None) -> list[int]:
    """The pks of the `size` rows that follow `cursor` (priority, due, pk) in queue order, or the
    first ones (no cursor): assisted orders first, then deadline ascending, no deadline last, then
    pk. Each part seeks the (…, review_due_at, id) indexes instead of reading past rows, starting
    at `floor` and stopping at `ceiling` when no matching row can have a deadline beyond them."""
    found: list[int] = []
    for priority in (True, False):
        if cursor and priority and not cursor[0]:  # the cursor is past the assisted orders
            continue
        same = keys.filter(assisted_service=priority)
        dated, undated = _dated(same, floor, ceiling), same.filter(review_due_at__isnull=True)
        if cursor and cursor[0] == priority:
            _, due, pk = cursor
            if due is None:
                dated, undated = dated.none(), undated.filter(pk__gt=pk)
            else:
                dated = dated.filter(Q(review_due_at__gte=due) & (Q(review_due_at__gt=due) | Q(pk__gt=pk)))
        for part in (dated, undated):
            if len(found) < size:
                found += part[: size - len(found)]
    return found


def _queue_keys_before(keys: QuerySet, cursor: tuple, size: int, *, floor=None, ceiling=None) -> list[int]:
    """The pks of the `size` rows that precede `cursor` (priority, due, pk) in queue order, in
    queue order (each part walked backwards from the cursor, bounded like _queue_keys_after)."""
    backwards = keys.order_by(F("review_due_at").desc(nulls_first=True), "-pk")
    found: list[int] = []
    for priority in (False, True):
        if cursor[0] and not priority:  # the cursor is among the assisted orders: none of the others precedes it
            continue
        same = backwards.filter(assisted_service=priority)
        dated, undated = _dated(same, floor, ceiling), same.filter(review_due_at__isnull=True)
        if cursor[0] == priority:
            _, due, pk = cursor
            if due is None:
                undated = undated.filter(pk__lt=pk)
            else:
                undated = undated.none()
                dated = dated.filter(Q(review_due_at__lte=due) & (Q(review_due_at__lt=due) | Q(pk__lt=pk)))
        for part in (undated, dated):
            if len(found) < size:
                found += part[: size - len(found)]
    return found[::-1]


def _deadline_bounds(filters: QueueFilters, now: dt.datetime) -> tuple:
    """The earliest and the latest deadline an order the age filter keeps can have (None: open).
    A deadline rises with the moment the order entered the queue (beian.filings.deadlines), so an
    age bucket is a range of deadlines: the page's walk seeks to the newest orders' deadlines
    instead of reading past every older order's."""
    if filters.age == "overdue":
        return None, now
    if filters.age not in AGE_BUCKETS:
        return None, None
    low, high = AGE_BUCKETS[filters.age]
    return deadline_range(now - dt.timedelta(hours=high) if high is not None else None, now - dt.timedelta(hours=low))


def queue_page(
    filters: QueueFilters | None = None,
    *,
    reviewer=None,
    now=None,
    after: int | None = None,
    before: int | None = None,
    size: int = QUEUE_PAGE_SIZE,
) -> QueuePage:
    """One page of `review_queue(filters)`: the first, the one after the order `after` or the one
    before the order `before` (pks of the rows at the edges of the page the reviewer saw; an order
    that has left the queue since still marks its place). An unknown pk gives the first page."""
    filters, now = filters or QueueFilters(), now or clock.now()  # one moment for the filter and its bounds
    qs = review_queue(filters, reviewer=reviewer, now=now)
    matches = qs.order_by().values("pk")[: QUEUE_COUNT_LIMIT + 1].count()
    # The page's pks first: on PostgreSQL a walk of the queue's deadline index that reads every
    # filter column from the index itself (order_queue_due includes them), then those rows whole.
    keys = qs.values_list("pk", flat=True)
    floor, ceiling = _deadline_bounds(filters, now)
    cursor_pk = after if after is not None else before
    found = (
        list(Order.objects.filter(pk=cursor_pk).values_list("assisted_service", "review_due_at", "pk"))
        if cursor_pk
        else []
    )
    if not found:
        bounded = floor is not None or ceiling is not None
        pks = _queue_keys_after(keys, None, size + 1, floor=floor, ceiling=ceiling) if bounded else []
        if len(pks) < min(matches, size + 1):  # unbounded, or deadlines still moving to a new SLA
            pks = list(keys[: size + 1])
        pks, has_next, has_previous = pks[:size], len(pks) > size, False
    elif after is not None:
        pks = _queue_keys_after(keys, found[0], size + 1, floor=floor, ceiling=ceiling)
        pks, has_next, has_previous = pks[:size], len(pks) > size, True
    else:
        pks = _queue_keys_before(keys, found[0], size + 1, floor=floor, ceiling=ceiling)
        pks, has_next, has_previous = pks[-size:], True, len(pks) > size
    if found and not pks:  # paged past an end (the queue shrank): start again
        return queue_page(filters, reviewer=reviewer, now=now, size=size)
    # those rows by primary key (filtered again, a search would read every match's row)
    rows = (
        Order.objects.select_related(*QUEUE_RELATED)
        .defer("subject__certificate_number")  # not shown: not decrypted
        .in_bulk(pks)
    )
    orders = [rows[pk] for pk in pks if pk in rows]
    return QueuePage(
        orders=orders,
        count=min(matches, QUEUE_COUNT_LIMIT),
        more_than=matches > QUEUE_COUNT_LIMIT,
        next_after=pks[-1] if has_next and pks else None,
        previous_before=pks[0] if has_previous and pks else None,
    )


OTHER_ORDERS_LIMIT = 50
OTHER_ORDERS_RELATED = ("subject", "website")


def other_orders(
    filters: QueueFilters, *, reviewer=None, now=None, limit: int | None = None
) -> tuple[list[Order], bool]:
    """A reviewer's search beyond the queue: orders in any status that match the search text and
    are not in `review_queue(filters)` (filed, at the regulator, returned, rejected, drafts, and
    orders awaiting review that the queue's other filters leave out), most recently changed first.
    Returns (at most `limit` orders, OTHER_ORDERS_LIMIT by default; whether there are more).
    Nothing without a search text."""
    if not filters.searching:
        return [], False
    limit = limit or OTHER_ORDERS_LIMIT
    qs = _search_by(Order.objects.exclude(_in_queue(filters, reviewer=reviewer, now=now)), filters)
    # The pks first (on PostgreSQL a name search walks order_named_recent, which carries the name
    # and every queue filter column, until it has enough), then those rows whole.
    pks = list(qs.order_by("-status_changed_at", "-pk").values_list("pk", flat=True)[: limit + 1])
    rows = (
        Order.objects.filter(pk__in=pks[:limit])
        .select_related(*OTHER_ORDERS_RELATED)
        .defer("subject__certificate_number")  # not shown: not decrypted
        .order_by("-status_changed_at", "-pk")
    )
    return list(rows), len(pks) > limit


def order_for_reviewer(pk) -> Order:
    try:
        return Order.objects.select_related(*ORDER_RELATED, "organisation").get(pk=pk)
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def order_for_reveal(pk) -> Order:
    """An order whose unmasked values a reviewer may see: one submitted to provider review (now in
    review or any later state), never a draft (including one withdrawn back to draft) nor an order
    abandoned or expired before it was ever submitted. Anything else is 404."""
    try:
        return (
            Order.objects.select_related(*ORDER_RELATED, "organisation")
            .exclude(status=states.DRAFT)
            .exclude(submitted_at__isnull=True)
            .get(pk=pk)
        )
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def timeline(order):
    return order.events.filter(visible_to_applicant=True).select_related("actor")


# --- order page: what changed since the last return ----------------------------------------------

RETURN_EVENTS = ("return_fields", "reject", "regulator_rejected")
SUBMIT_EVENTS = ("submit", "resubmit")


@dataclass(frozen=True)
class FieldChange:
    path: str
    old: object
    new: object
    returned: bool  # the reviewer asked for this field
    reason_code: str = ""
    note: str = ""

    @property
    def changed(self) -> bool:
        return self.old != self.new


def changes_since_last_return(order: Order) -> list[FieldChange] | None:
    """Field by field, the version the applicant resubmitted against the version that was returned
    (raw values: the caller masks PII). None when the order was never returned and resubmitted.
    Returned fields come first and are listed even when the applicant left them unchanged."""
    events = list(
        order.events.filter(event__in=(*RETURN_EVENTS, *SUBMIT_EVENTS)).order_by("at", "id").values("event", "data")
    )
    last_return = max((i for i, e in enumerate(events) if e["event"] in RETURN_EVENTS), default=None)
    if last_return is None:
        return None
    returned_version = next(
        (
            e["data"].get("version")
            for e in reversed(events[:last_return])
            if e["event"] in SUBMIT_EVENTS and e["data"].get("version")
        ),
        None,
    )
    resubmitted = [
        e["data"].get("version")
        for e in events[last_return + 1 :]
        if e["event"] in SUBMIT_EVENTS and e["data"].get("version")
    ]
    if returned_version is None or not resubmitted:
        return None
    versions = {v.number: v.data for v in order.versions.filter(number__in=[returned_version, resubmitted[-1]])}
    old, new = versions.get(returned_version, {}), versions.get(resubmitted[-1], {})
    returns = {r.get("field"): r for r in (events[last_return]["data"].get("returns") or [])}
    rows = []
    for path in dict.fromkeys([*returns, *new, *old]):
        ret = returns.get(path)
        if ret is None and old.get(path) == new.get(path):
            continue
        if path.startswith("materials.") and ret is not None:
            rows.append(FieldChange(path, None, None, True, ret.get("reason_code", ""), ret.get("note", "")))
            continue
        rows.append(
            FieldChange(
                path,
                old.get(path),
                new.get(path),
                ret is not None,
                (ret or {}).get("reason_code", ""),
                (ret or {}).get("note", ""),
            )
        )
    rows.sort(key=lambda r: not r.returned)
    return rows


# --- reviewer metrics (operators) -----------------------------------------------------------------


@dataclass(frozen=True)
class Percentiles:
    label: str
    count: int
    p50_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class ReasonRate:
    code: str
    returns: int  # decisions in the period that cited this reason
    fields: int  # fields returned with this reason
    rate: float  # returns / decisions

    @property
    def percent(self) -> float:
        return self.rate * 100


@dataclass(frozen=True)
class ReviewMetrics:
    start: object
    end: object
    decisions: int  # provider review decisions in the period
    returned: int  # of which returns
    first_reviews: int
    overall: Percentiles
    by_province: list[Percentiles]
    by_reviewer: list[Percentiles]
    reasons: list[ReasonRate]

    @property
    def return_rate(self) -> float:
        return self.returned / self.decisions if self.decisions else 0.0

    @property
    def return_percent(self) -> float:
        return self.return_rate * 100


def percentile(values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (p in [0, 1]); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _percentiles(label: str, hours: list[float]) -> Percentiles:
    return Percentiles(label, len(hours), percentile(hours, 0.5), percentile(hours, 0.9))


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 3600


def _first_review_percentiles(*, start, end) -> tuple[Percentiles, list[Percentiles], list[Percentiles]]:
    """(overall, by province, by reviewer) of the waits of the first reviews decided in [start,
    end), in hours. PostgreSQL computes them in the database in one pass over the period's rows
    (percentile_cont interpolates between closest ranks, as `percentile` does); SQLite sends one
    narrow row per first review and Python computes the same."""
    from collections import defaultdict

    first_reviews = ReviewDecision.objects.filter(
        at__gte=start,
        at__lt=end,
        first=True,
        waited_seconds__isnull=False,  # no submission: not a review
    ).order_by()
    if connection.vendor == "postgresql":
        sql, params = first_reviews.values("province", "reviewer", "waited_seconds").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT province, reviewer, GROUPING(province, reviewer), count(*), "
                "percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY waited_seconds) "
                f"FROM ({sql}) AS first_reviews GROUP BY GROUPING SETS ((), (province), (reviewer))",
                params,
            )
            rows = cursor.fetchall()
        found: dict[int, list[Percentiles]] = defaultdict(list)
        for province, reviewer, grouping, count, percentiles in rows:
            p50, p90 = percentiles or (None, None)  # no first review at all: NULL
            label = {0b01: province, 0b10: reviewer}.get(grouping, "")  # GROUPING: 1 = not grouped by it
            found[grouping].append(Percentiles(label or "", count, _hours(p50), _hours(p90)))
        total = found[0b11][0] if found[0b11] else Percentiles("", 0, None, None)
        return total, sorted(found[0b01], key=lambda p: p.label), sorted(found[0b10], key=lambda p: p.label)

    overall: list[float] = []
    by_province: defaultdict[str, list[float]] = defaultdict(list)
    by_reviewer: defaultdict[str, list[float]] = defaultdict(list)
    for waited, reviewer, province in first_reviews.values_list("waited_seconds", "reviewer", "province"):
        hours = (waited or 0.0) / 3600  # never None: filtered above
        overall.append(hours)
        by_province[province or ""].append(hours)
        by_reviewer[reviewer].append(hours)
    return (
        _percentiles("", overall),
        [_percentiles(k, v) for k, v in sorted(by_province.items())],
        [_percentiles(k, v) for k, v in sorted(by_reviewer.items())],
    )


def review_metrics(*, start, end) -> ReviewMetrics:
    """Provider review figures for decisions taken in [start, end), from the order timeline.

    Time to first review: from an order's first submission to its first review decision (approve,
    return or reject), for orders whose first decision falls in the period; grouped by the
    subject's province and by the reviewer who decided. Return rate by reason code: the share of
    all decisions in the period that returned at least one field with that reason.

    The figures come from the decision rows derived from the timeline (beian.filings.metrics keeps
    them as events are saved): a period's counts and reasons are summed in the database from
    one index each, and the first reviews' percentiles in the database on PostgreSQL
    (percentile_cont), in Python on SQLite (the same interpolation, the same answers). Every
    decision follows the order's first submission (no path in states.py reaches review without
    one), so an order's first decision is simply the earliest decision in its timeline (ties broken
    by id, as the timeline is ordered).
    """

    from django.db.models import Count, Sum

    in_period = ReviewDecision.objects.filter(at__gte=start, at__lt=end)
    counts = in_period.aggregate(decisions=Count("pk"), returned=Count("pk", filter=Q(returned=True)))
    decisions, returned = counts["decisions"], counts["returned"]
    reasons = (
        ReviewReturnReason.objects.filter(at__gte=start, at__lt=end)
        .order_by()
        .values("code")
        .annotate(returns=Count("id"), fields=Sum("fields"))
        .values_list("code", "returns", "fields")
    )
    overall, by_province, by_reviewer = _first_review_percentiles(start=start, end=end)
    return ReviewMetrics(
        start=start,
        end=end,
        decisions=decisions,
        returned=returned,
        first_reviews=overall.count,
        overall=overall,
        by_province=by_province,
        by_reviewer=by_reviewer,
        reasons=sorted(
            (ReasonRate(code, n, fields, n / decisions) for code, n, fields in reasons),
            key=lambda r: (-r.returns, r.code),
        ),
    )


# --- the standing filing records ------------------------------------------------------------------


def subject_filing_by_certificate(certificate_number: str) -> SubjectFiling | None:
    """The active subject record of a certificate number, in any tenant (blind index): the
    identity of a subject is its certificate, not the account that filed it."""
    index = blind_index(certificate_number or "", purpose="certificate")
    if not index:
        return None
    return (
        SubjectFiling.objects.filter(certificate_number_index=index, status=RecordStatus.ACTIVE).order_by("pk").first()
    )


def website_filing_by_domain(domain: str) -> WebsiteFiling | None:
    """The active website record a (main) domain is filed for, in any tenant; `domain` as the
    records store it (records.wire_domain)."""
    filed = (
        FiledDomain.objects.filter(domain=domain, removed_at__isnull=True, website_filing__status=RecordStatus.ACTIVE)
        .select_related("website_filing__subject_filing")
        .first()
    )
    return filed.website_filing if filed else None


def website_filing_served_by(site) -> WebsiteFiling | None:
    """The active website record our hosted `site` gives access to (its active access record with
    us), if it is filed: where a launch link for a filed site lands (the dashboard's record)."""
    access = (
        AccessRecord.objects.filter(
            hosted_site=site,
            is_ours=True,
            status=RecordStatus.ACTIVE,
            website_filing__status=RecordStatus.ACTIVE,
            website_filing__subject_filing__organisation_id=site.organisation_id,
        )
        .select_related("website_filing")
        .order_by("-since", "-pk")
        .first()
    )
    return access.website_filing if access else None


def filings_for_organisation(organisation) -> QuerySet[SubjectFiling]:
    """The tenant's subject records with their websites (by -n), domains, access records and
    history (each event with its order): a constant number of queries however many there are."""
    return (
        SubjectFiling.objects.filter(organisation=organisation)
        .order_by("pk")
        .prefetch_related(
            Prefetch("websites", queryset=WebsiteFiling.objects.order_by("sequence", "pk")),
            Prefetch("websites__domains", queryset=FiledDomain.objects.order_by("added_at", "pk")),
            Prefetch("websites__accesses", queryset=AccessRecord.objects.order_by("-is_ours", "since", "pk")),
            Prefetch("events", queryset=RecordEvent.objects.select_related("order").order_by("at", "pk")),
        )
    )


# What people and partners read of the records (the API's `GET /filings`, the applicant's "Filings"
# section): plain rows built from `filings_for_organisation`, domains as U-label and A-label, no PII.


@dataclass(frozen=True)
class OrderRef:
    id: int
    reference: str


@dataclass(frozen=True)
class DomainRow:
    domain: str  # U-label, as people read it
    domain_ascii: str  # A-label, as stored and sent to the regulator
    added_at: object = None  # datetime it was filed
    removed_at: object = None  # datetime it stopped being filed (a change removed it, or a cancellation)


@dataclass(frozen=True)
class AccessRow:
    is_ours: bool
    provider_name: str  # empty for our own access
    status: str
    status_label: str
    since: object  # datetime
    hosted_site_id: int | None = None  # our access: the hosted site that serves the website
    until: object = None  # datetime the access ended (cancel access, cancellation), None while active


@dataclass(frozen=True)
class HistoryChange:
    """One field a record change changed: its label, the value as filed before and after (masked)."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    at: object  # datetime
    action: str
    label: str
    filing_number: str
    order: OrderRef | None
    website_number: str = ""  # the website the event is about ("" for the subject's own events)
    domains: tuple[str, ...] = ()  # U-labels of the domains it added, removed or ended
    reason: str = ""  # a cancellation's reason, in the reader's language
    reason_code: str = ""  # … and its code (reference `cancellation_reasons`)
    # changes: the fields it changed; the filed version before and after (filings.dashboard fills
    # the values in; `filing_records` gives the labels only)
    changes: tuple[HistoryChange, ...] = ()
    # a change: the paths it changed and the rows (Subject or Website ids) filed before and after
    paths: tuple[str, ...] = ()
    before_row: int | None = None
    after_row: int | None = None


@dataclass(frozen=True)
class WebsiteRecord:
    filing_number: str
    sequence: int
    name: str
    status: str
    status_label: str
    filed_at: object
    domains: tuple[DomainRow, ...]
    accesses: tuple[AccessRow, ...]
    created_by: OrderRef | None  # the order whose approval filed (or recorded) the website
    last_changed_by: OrderRef | None  # the order of its latest record change
    psb_number: str = ""  # the 公网安备 number the applicant entered (§8.2), "" while none
    psb_deadline: object = None  # date: file at the public-security platform by then (while none is entered)
    psb_overdue_since: object = None  # date: the first day past psb_deadline, once it passed with no number
    removed_domains: tuple[DomainRow, ...] = ()  # domains no longer filed (removed by a change, or cancelled)
    history: tuple[HistoryRow, ...] = ()  # the events about this website, oldest first
    # Filled in for the filed dashboard (filings.dashboard): what can be done now
    # (record_actions.RecordActions, worded), and the monitor's risks (rendered when present).
    actions: object = None
    risks: tuple = ()

    @property
    def our_access(self) -> AccessRow | None:
        return next((a for a in self.accesses if a.is_ours and a.status == RecordStatus.ACTIVE), None)


@dataclass(frozen=True)
class SubjectRecord:
    filing_number: str
    province: str
    province_name: str
    nature: int | None
    nature_label: str
    name: str
    status: str
    status_label: str
    filed_at: object
    websites: tuple[WebsiteRecord, ...]
    history: tuple[HistoryRow, ...]  # every event of the subject and its websites, oldest first
    actions: object = None  # the filed dashboard's (filings.dashboard)

    @property
    def subject_history(self) -> tuple[HistoryRow, ...]:
        """The events about the subject itself (each website's are on the website)."""
        return tuple(h for h in self.history if not h.website_number)


def _order_ref(order: Order | None, organisation_id: int) -> OrderRef | None:
    """The order of a record change, when it is the tenant's own (a record may be changed by the
    same subject's order under another account: that order is not shown)."""
    if order is None or order.organisation_id != organisation_id:
        return None
    return OrderRef(id=order.pk, reference=order.reference)


def _history_row(
    event: RecordEvent, organisation_id: int, website_numbers: dict[int, str], reasons: dict[str, str]
) -> HistoryRow:
    data = event.data or {}
    reason = data.get("reason_code") or ""
    fields_changed = (data.get("fields") or []) if event.action in CHANGE_EVENTS else []
    return HistoryRow(
        at=event.at,
        action=event.action,
        label=event.label,
        filing_number=str(data.get("number", "")),
        order=_order_ref(event.order, organisation_id),
        website_number=website_numbers.get(event.website_filing_id or 0, ""),
        domains=tuple(display_domain(d) for d in data.get("domains") or [] if d),
        reason=reasons.get(reason, reason) if reason else "",
        reason_code=reason,
        changes=tuple(HistoryChange(str(_field_label(p)), "", "") for p in fields_changed if _field_label(p)),
        paths=tuple(p for p in fields_changed if _field_label(p)),
        before_row=data.get("before") if event.action in CHANGE_EVENTS else None,
        after_row=data.get("after") if event.action in CHANGE_EVENTS else None,
    )


def _domain_row(domain: FiledDomain) -> DomainRow:
    return DomainRow(
        domain=display_domain(domain.domain),
        domain_ascii=domain.domain,
        added_at=domain.added_at,
        removed_at=domain.removed_at,
    )


# record events whose data["fields"] name the changed fields (paths of the order that changed them)
CHANGE_EVENTS = frozenset({"subject_changed", "website_changed"})


def _field_label(path: str):
    """A changed field's label as its record's history says it: a website's own history does not
    say which website of the order ("网站名称", not "网站 2 网站名称")."""
    template = order_fields.template_path(path)
    concrete = order_fields.at_index(template, 0) if template.startswith(order_fields.TEMPLATE_PREFIX) else template
    field = order_fields.BY_PATH.get(concrete)
    return field.full_label if field is not None else ""


def _website_record(
    website: WebsiteFiling,
    events: list[RecordEvent],
    organisation_id: int,
    *,
    psb_days: int,
    today,
    history: tuple[HistoryRow, ...] = (),
) -> WebsiteRecord:
    mine = [e for e in events if e.website_filing_id == website.pk and e.order_id]
    domains = list(website.domains.all())
    psb_deadline = None if website.psb_number else psb.psb_deadline(website, days=psb_days)
    return WebsiteRecord(
        filing_number=website.filing_number,
        sequence=website.sequence,
        name=website.name,
        status=website.status,
        status_label=str(website.get_status_display()),
        filed_at=website.filed_at,
        domains=tuple(_domain_row(d) for d in domains if d.removed_at is None),
        accesses=tuple(
            AccessRow(
                is_ours=a.is_ours,
                provider_name="" if a.is_ours else a.provider_name,
                status=a.status,
                status_label=str(a.get_status_display()),
                since=a.since,
                until=a.until,
                hosted_site_id=a.hosted_site_id
                if a.is_ours and a.hosted_site is not None and a.hosted_site.organisation_id == organisation_id
                else None,
            )
            for a in website.accesses.all()
        ),
        created_by=_order_ref(mine[0].order, organisation_id) if mine else None,
        last_changed_by=_order_ref(mine[-1].order, organisation_id) if mine else None,
        psb_number=website.psb_number,
        psb_deadline=psb_deadline,
        psb_overdue_since=psb.psb_overdue_since(psb_deadline, today) if website.is_active else None,
        removed_domains=tuple(_domain_row(d) for d in domains if d.removed_at is not None),
        history=history,
    )


def filing_records(organisation) -> list[SubjectRecord]:
    """The tenant's standing records as people and partners read them (see the dataclasses above)."""
    subjects = list(filings_for_organisation(organisation))
    if not subjects:
        return []
    english = (get_language() or "").startswith("en")
    provinces = {
        p.code: (p.name_en if english and p.name_en else p.name)
        for p in Province.objects.filter(code__in={s.province for s in subjects})
    }
    natures = {
        n.code: (n.name_en if english and n.name_en else n.name_zh)
        for n in SubjectNature.objects.filter(code__in={s.nature for s in subjects if s.nature is not None})
    }
    psb_days, today = psb.psb_deadline_days(), clock.today()
    # the cancellation reasons the history names, in the reader's language (read once)
    codes = {(e.data or {}).get("reason_code") for s in subjects for e in s.events.all()} - {None, ""}
    reasons = record_changes.reason_texts("en" if english else "zh") if codes else {}
    out = []
    for subject in subjects:
        events = list(subject.events.all())
        websites = list(subject.websites.all())
        numbers = {w.pk: w.filing_number for w in websites}
        history = tuple(_history_row(e, subject.organisation_id, numbers, reasons) for e in events)
        out.append(
            SubjectRecord(
                filing_number=subject.filing_number,
                province=subject.province,
                province_name=provinces.get(subject.province, subject.province),
                nature=subject.nature,
                nature_label=natures.get(subject.nature, "") if subject.nature is not None else "",
                name=subject.name,
                status=subject.status,
                status_label=str(subject.get_status_display()),
                filed_at=subject.filed_at,
                websites=tuple(
                    _website_record(
                        w,
                        events,
                        subject.organisation_id,
                        psb_days=psb_days,
                        today=today,
                        history=tuple(h for h in history if h.website_number == w.filing_number),
                    )
                    for w in websites
                ),
                history=history,
            )
        )
    return out
