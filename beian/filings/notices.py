"""Provider-initiated cancel access (取消接入, rules file §1.7, §8.3): the notice that comes first.

The provider ends its access to a filed website when the customer does not rectify a problem
(resources expired, the site is no longer hosted here, a failed verification, a violation). The
customer is told first and given a deadline; nothing happens to the filing until an operator
confirms after the deadline:

1. `access_notice_create` (an operator) opens a notice with a provider reason from reference
   `cancellation_reasons` and notifies the customer (after commit: `access_notice_changed`,
   received by notifications) with the deadline: `provider_cancel_access.notice_working_days`
   working days from the notice (beian.core.workdays). `access_notice_propose` is the monitor's
   way in: a proposal the customer is not told about until an operator starts it
   (`access_notice_start`) or dismisses it (`access_notice_withdraw`).
2. `access_notice_withdraw` (an operator: rectified, a mistake) closes it; the customer is told.
3. `access_notice_confirm` (an operator, only after the deadline: filings.actions.notice_actions)
   files the cancel access: a CANCEL_ACCESS order against the record (services.order_start_from_
   record, in the customer's organisation, created by the operator), marked provider-initiated
   (the applicant cannot edit, withdraw or abandon it), with the notice's reason, submitted and
   approved in provider review by the confirming operator, so it goes to the regulator outbox. The
   order's timeline says it was started by the provider. The regulator's approval ends our access
   (records.py), and the gate blocks the domains.
4. A pending notice whose access ended otherwise (the customer cancelled access or the website) is
   resolved when the records change (filings.signals).

One pending (proposed or open) notice per website. Every change is audited; operators act on any
tenant's records, customers read only their organisation's notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from beian.core.models import AuditEvent
from beian.core.workdays import current_calendar
from beian.filings import actions, changes, services, states
from beian.filings import fields as order_fields
from beian.filings.models import (
    AccessCancellationNotice,
    AccessRecord,
    FiledDomain,
    NoticeStatus,
    Order,
    OrderVersion,
    RecordStatus,
    WebsiteFiling,
)
from beian.filings.precheck import order_precheck
from beian.filings.signals import access_notice_changed
from beian.reference.snapshot import setting
from beian.rules import record_orders
from beian.rules.domains import display_domain, record_domain

SETTING = "provider_cancel_access"
# Fallbacks while reference data lacks the setting: the rules file's "~10 working days to fix"
# (§1.5, providers' verification checks) and a reminder 3 working days before (product policy).
DEFAULT_NOTICE_WORKING_DAYS = 10
DEFAULT_REMINDER_WORKING_DAYS_BEFORE = 3
NOTE_LIMIT = 2000

OPENED, WITHDRAWN, CONFIRMED = "opened", "withdrawn", "confirmed"


# --- policy (reference data) -----------------------------------------------------------------------


def _setting_int(name: str, default: int) -> int:
    value = (setting(SETTING, {}) or {}).get(name)
    try:
        number = int(value) if value is not None else default
    except (TypeError, ValueError):
        return default
    return number if number >= 0 else default


def notice_working_days() -> int:
    """Working days the customer has to rectify (reference `provider_cancel_access`)."""
    return _setting_int("notice_working_days", DEFAULT_NOTICE_WORKING_DAYS)


def reminder_working_days_before() -> int:
    return _setting_int("reminder_working_days_before", DEFAULT_REMINDER_WORKING_DAYS_BEFORE)


def notice_deadline(notified_at: dt.datetime, *, working_days: int | None = None, calendar=None) -> dt.date:
    """The last day to rectify: `working_days` working days after the (mainland) day of the notice;
    the day of the notice does not count, nor do weekends and holidays (make-up days do)."""
    calendar = calendar or current_calendar()
    days = notice_working_days() if working_days is None else working_days
    return calendar.add_working_days(timezone.localdate(notified_at), days)


def provider_reasons() -> list[dict]:
    """The reasons an operator may give (reference `cancellation_reasons`, provider or both)."""
    return changes.cancellation_reasons(record_orders.CANCEL_ACCESS, provider=True)


def reason_fix(code: str, language: str = "zh") -> str:
    """How the customer can rectify, for a provider reason (reference `fix_zh` / `fix_en`)."""
    for reason in provider_reasons():
        if reason.get("code") == code:
            return reason.get("fix_en" if language.startswith("en") else "fix_zh") or ""
    return ""


# --- checks ----------------------------------------------------------------------------------------


def _check_operator(user) -> None:
    if user is None or not getattr(user, "is_operator", False) or not user.is_active:
        raise PermissionDenied(_("Only operators can cancel a customer's access."), code="notice.not_operator")


def _check_reason(code: str) -> str:
    code = (code or "").strip()
    if code not in {r.get("code") for r in provider_reasons()}:
        raise ValidationFailed(
            _("Choose one of the provider's reasons for cancelling access."),
            code="notice.reason_unknown",
            field="reason_code",
        )
    return code


def _clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationFailed(
            _("The details are too long (at most %(limit)s characters).") % {"limit": NOTE_LIMIT},
            code="field.too_long",
            field="note",
        )
    return note


def _has_our_access(record: WebsiteFiling) -> bool:
    return AccessRecord.objects.filter(website_filing=record, is_ours=True, status=RecordStatus.ACTIVE).exists()


def _check_accessed(record: WebsiteFiling) -> None:
    if not record.is_active or not record.subject_filing.is_active:
        raise ValidationFailed(
            _("Website %(number)s is cancelled: there is no access to cancel.") % {"number": record.filing_number},
            code="record.not_active",
        )
    if not _has_our_access(record):
        raise ValidationFailed(
            _("Website %(number)s is not accessed through us: there is no access of ours to cancel.")
            % {"number": record.filing_number},
            code="record.not_accessed_here",
        )


def _pending(record: WebsiteFiling) -> AccessCancellationNotice | None:
    return AccessCancellationNotice.objects.filter(website_filing=record, status__in=actions.NOTICE_PENDING).first()


def _lock_record(website_filing: WebsiteFiling) -> WebsiteFiling:
    return (
        WebsiteFiling.objects.select_for_update(of=("self",)).select_related("subject_filing").get(pk=website_filing.pk)
    )


def _lock_notice(notice: AccessCancellationNotice) -> AccessCancellationNotice:
    return (
        AccessCancellationNotice.objects.select_for_update(of=("self",))
        .select_related("website_filing__subject_filing")
        .get(pk=notice.pk)
    )


def _actions(notice: AccessCancellationNotice, user) -> actions.NoticeActions:
    return actions.notice_actions(
        status=notice.status,
        deadline=notice.deadline,
        today=clock.today(),
        is_operator=bool(getattr(user, "is_operator", False)) and bool(getattr(user, "is_active", False)),
    )


def _refuse(notice: AccessCancellationNotice, acts: actions.NoticeActions, action: str) -> None:
    code = acts.reasons.get(action)
    if code is None:
        return
    if code == "notice.before_deadline" and notice.deadline and acts.confirm_from:
        raise ValidationFailed(
            _("The customer has until %(deadline)s to rectify. The cancel access can be confirmed from %(date)s on.")
            % {"deadline": notice.deadline.isoformat(), "date": acts.confirm_from.isoformat()},
            code=code,
        )
    if code == "notice.not_operator":
        _check_operator(None)
    raise ValidationFailed(
        _("This notice is %(status)s: it cannot be changed.") % {"status": notice.get_status_display()}, code=code
    )


def _audit_data(notice: AccessCancellationNotice, **extra) -> dict:
    return {
        "website": notice.website_filing.filing_number,
        "reason_code": notice.reason_code,
        "status": notice.status,
        "deadline": notice.deadline.isoformat() if notice.deadline else "",
        "source": notice.source,
        **extra,
    }


def _announce(notice_pk: int, event: str) -> None:
    access_notice_changed.send(sender=AccessCancellationNotice, notice_pk=notice_pk, event=event)


def _open(notice: AccessCancellationNotice, operator, now: dt.datetime) -> None:
    notice.status = NoticeStatus.OPEN
    notice.notified_at, notice.notified_by = now, operator
    notice.deadline = notice_deadline(now)


# --- services --------------------------------------------------------------------------------------


def access_notice_create(
    *, website_filing: WebsiteFiling, operator, reason_code: str, note: str = ""
) -> AccessCancellationNotice:
    """An operator starts a provider-initiated cancel access: the customer is notified (after
    commit) and has until the deadline to rectify. Refused unless the website is filed and accessed
    through us, or while another notice for it is pending."""
    _check_operator(operator)
    reason_code, note = _check_reason(reason_code), _clean_note(note)
    with transaction.atomic():
        record = _lock_record(website_filing)
        _check_accessed(record)
        pending = _pending(record)
        if pending is not None:
            raise ValidationFailed(
                _("Website %(number)s already has a pending notice (%(status)s).")
                % {"number": record.filing_number, "status": pending.get_status_display()},
                code="notice.pending_exists",
            )
        now = clock.now()
        notice = AccessCancellationNotice(
            organisation_id=record.subject_filing.organisation_id,
            website_filing=record,
            reason_code=reason_code,
            note=note,
            source="operator",
            created_at=now,
            created_by=operator,
        )
        _open(notice, operator, now)
        notice.save()
        audit.record(action="access_notice.open", target=notice, actor=operator, data=_audit_data(notice))
        transaction.on_commit(partial(_announce, notice.pk, OPENED))
    return notice


@dataclass(frozen=True)
class Proposed:
    notice: AccessCancellationNotice
    created: bool  # False: the website's pending notice was returned


def access_notice_propose(
    *, website_filing: WebsiteFiling, reason_code: str, source: str, note: str = "", actor_label: str = ""
) -> Proposed:
    """Propose a provider-initiated cancel access to the operators (the compliance monitor, for a
    risk past its deadline: `source` e.g. "monitor:risk:12"). Never notifies the customer and never
    cancels: an operator starts it (the customer is told, the deadline runs) or dismisses it. A
    website with a pending notice gets no second one: that notice is returned (created=False)."""
    reason_code, note = _check_reason(reason_code), _clean_note(note)
    source = (source or "").strip()[:80]
    try:
        with transaction.atomic():
            record = _lock_record(website_filing)
            _check_accessed(record)
            pending = _pending(record)
            if pending is not None:
                return Proposed(notice=pending, created=False)
            notice = AccessCancellationNotice.objects.create(
                organisation_id=record.subject_filing.organisation_id,
                website_filing=record,
                reason_code=reason_code,
                note=note,
                source=source,
                status=NoticeStatus.PROPOSED,
                created_at=clock.now(),
            )
            audit.record(
                action="access_notice.propose",
                target=notice,
                actor_label=actor_label or source or "system",
                data=_audit_data(notice),
            )
    except IntegrityError:  # a concurrent proposal for the same website won
        pending = _pending(website_filing)
        if pending is None:
            raise
        return Proposed(notice=pending, created=False)
    return Proposed(notice=notice, created=True)


def access_notice_start(*, notice: AccessCancellationNotice, operator, note: str | None = None):
    """An operator starts a proposed notice: the customer is notified and the deadline runs from now."""
    _check_operator(operator)
    with transaction.atomic():
        locked = _lock_notice(notice)
        _refuse(locked, _actions(locked, operator), "start")
        _check_accessed(locked.website_filing)
        if note is not None:
            locked.note = _clean_note(note)
        _open(locked, operator, clock.now())
        locked.save(update_fields=["status", "notified_at", "notified_by", "deadline", "note"])
        audit.record(action="access_notice.start", target=locked, actor=operator, data=_audit_data(locked))
        transaction.on_commit(partial(_announce, locked.pk, OPENED))
    return locked


def access_notice_withdraw(*, notice: AccessCancellationNotice, operator, note: str):
    """An operator withdraws a notice (the customer rectified, or it was a mistake) or dismisses a
    proposal; a customer who was notified is told that the access stays."""
    _check_operator(operator)
    note = _clean_note(note)
    if not note:
        raise ValidationFailed(_("Say why the notice is withdrawn."), code="notice.note_required", field="close_note")
    with transaction.atomic():
        locked = _lock_notice(notice)
        _refuse(locked, _actions(locked, operator), "withdraw")
        was_open = locked.status == NoticeStatus.OPEN
        locked.status = NoticeStatus.WITHDRAWN
        locked.closed_at, locked.closed_by, locked.close_note = clock.now(), operator, note
        locked.save(update_fields=["status", "closed_at", "closed_by", "close_note"])
        audit.record(
            action="access_notice.withdraw", target=locked, actor=operator, data=_audit_data(locked, note=note)
        )
        if was_open:
            transaction.on_commit(partial(_announce, locked.pk, WITHDRAWN))
    return locked


def _open_order_for(record: WebsiteFiling) -> Order | None:
    """An unfinished order of the customer about this website (or its whole subject) that a cancel
    access may not overtake (one open order per record, §1.8)."""
    return (
        Order.objects.filter(subject_filing_id=record.subject_filing_id, filing_type__in=record_orders.RECORD_TYPES)
        .filter(Q(websites__website_filing=record) | Q(filing_type=record_orders.CANCEL_SUBJECT))
        .exclude(status__in=states.TERMINAL)
        .distinct()
        .order_by("-created_at", "-pk")
        .first()
    )


def _provider_submit(order: Order, operator, notice: AccessCancellationNotice) -> None:
    """Submit the cancel access as the provider (the applicant does not confirm it): the pre-review
    must find no error (a cancellation files no data: the reason is the notice's); its warnings,
    the empty shell it may leave, are the provider's decision."""
    check = order_precheck(order)
    if check.errors:
        raise ValidationFailed(
            _("The cancel access cannot be filed: %(problem)s") % {"problem": check.errors[0].message(_language())},
            code="order.has_errors",
            findings=check.errors,
        )
    now = clock.now()
    number = order.versions.count() + 1
    OrderVersion.objects.create(order=order, number=number, at=now, data=order_fields.snapshot(order))
    services.order_transition(
        order=order,
        to=states.PENDING_PROVIDER_REVIEW,
        actor=operator,
        reason=gettext_noop("Submitted by the access provider: the customer did not rectify by the deadline"),
        data={"version": number, "provider_initiated": True, "notice": notice.pk},
        extra_updates={
            "submitted_at": now,
            "acknowledged_warnings": check.warning_codes,
            **services.review_queue_fields(order, findings=check.automated, queued_at=now),
        },
    )


def _language() -> str:
    return get_language() or "zh-hans"


def access_notice_confirm(*, notice: AccessCancellationNotice, operator) -> Order:
    """After the deadline, an operator confirms: the cancel access is filed with the regulator (see
    the module docstring). Refused before the deadline, for a notice that is not open, when our
    access already ended, and while the customer has another open order about the website."""
    _check_operator(operator)
    with transaction.atomic():
        locked = _lock_notice(notice)
        _refuse(locked, _actions(locked, operator), "confirm")
        record = locked.website_filing
        _check_accessed(record)
        blocking = _open_order_for(record)
        if blocking is not None:
            raise ValidationFailed(
                _(
                    "The customer's order %(reference)s (%(type)s, %(status)s) about this website is still open. "
                    "Wait until it is finished, or ask the customer to abandon it."
                )
                % {
                    "reference": blocking.reference,
                    "type": blocking.filing_type_label,
                    "status": blocking.status_label,
                },
                code="order.open_for_target",
            )
        subject_filing = record.subject_filing
        started = services.order_start_from_record(
            organisation=subject_filing.organisation,
            user=operator,  # the operator creates it; the customer's organisation owns it
            filing_type=record_orders.CANCEL_ACCESS,
            subject_number=subject_filing.filing_number,
            website_number=record.filing_number,
        )
        order = started.order
        order.reason_code, order.reason_note = locked.reason_code, locked.note
        order.initiated_by_provider = True
        order.save(update_fields=["reason_code", "reason_note", "initiated_by_provider"])
        services.order_add_event(
            order=order,
            event="provider_initiated",
            actor=operator,
            reason=locked.note,
            data={
                "notice": locked.pk,
                "reason_code": locked.reason_code,
                "notified_at": locked.notified_at.isoformat() if locked.notified_at else "",
                "deadline": locked.deadline.isoformat() if locked.deadline else "",
            },
        )
        _provider_submit(order, operator, locked)
        services.order_review_approve(
            order=order,
            reviewer=operator,
            note=gettext_noop("Provider-initiated cancel access, approved by the operator who confirmed it"),
        )
        locked.status = NoticeStatus.CONFIRMED
        locked.closed_at, locked.closed_by, locked.order = clock.now(), operator, order
        locked.save(update_fields=["status", "closed_at", "closed_by", "order"])
        audit.record(
            action="access_notice.confirm",
            target=locked,
            actor=operator,
            data=_audit_data(locked, order=order.pk, reference=order.reference),
        )
        transaction.on_commit(partial(_announce, locked.pk, CONFIRMED))
    return Order.objects.get(pk=order.pk)


def access_notices_resolve_ended(*, subject_filing_pk: int) -> int:
    """The records of a subject changed: a pending notice whose website no longer has our access
    (the customer cancelled access or the website, or the subject) is resolved. Returns how many."""
    resolved = 0
    pending = AccessCancellationNotice.objects.filter(
        website_filing__subject_filing_id=subject_filing_pk, status__in=actions.NOTICE_PENDING
    ).select_related("website_filing__subject_filing")
    for notice in pending:
        record = notice.website_filing
        if record.is_active and record.subject_filing.is_active and _has_our_access(record):
            continue
        with transaction.atomic():
            done = AccessCancellationNotice.objects.filter(pk=notice.pk, status=notice.status).update(
                status=NoticeStatus.RESOLVED, closed_at=clock.now()
            )
            if done:
                audit.record(
                    action="access_notice.resolve",
                    target=notice,
                    actor_label="system",
                    data=_audit_data(notice, status=NoticeStatus.RESOLVED),
                )
                resolved += 1
    return resolved


# --- selectors -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeRow:
    """A notice as pages show it: the website, the reason and the fix in the reader's language, and
    what an operator may do now."""

    notice: AccessCancellationNotice
    filing_number: str
    website_name: str
    domains: tuple[str, ...]  # as people read them (U-labels)
    organisation_name: str
    reason: str
    fix: str
    actions: actions.NoticeActions
    working_days_left: int | None  # working days until the deadline (0 on the deadline day), while open

    @property
    def pk(self) -> int:
        return self.notice.pk

    @property
    def due(self) -> bool:
        return self.actions.may_confirm


def _domains(record: WebsiteFiling) -> tuple[str, ...]:
    rows = getattr(record, "active_domains", None)
    if rows is None:
        rows = list(
            FiledDomain.objects.filter(website_filing=record, removed_at__isnull=True).order_by("added_at", "pk")
        )
    return tuple(display_domain(d.domain) for d in rows)


def _with_related(qs: QuerySet[AccessCancellationNotice]) -> QuerySet[AccessCancellationNotice]:
    return qs.select_related(
        "website_filing__subject_filing", "organisation", "order", "created_by", "notified_by", "closed_by"
    ).prefetch_related(
        Prefetch(
            "website_filing__domains",
            queryset=FiledDomain.objects.filter(removed_at__isnull=True).order_by("added_at", "pk"),
            to_attr="active_domains",
        )
    )


def _row(notice: AccessCancellationNotice, user=None, *, today: dt.date | None = None, calendar=None) -> NoticeRow:
    language = _language()
    today = today or clock.today()
    left = None
    if notice.status == NoticeStatus.OPEN and notice.deadline is not None:
        calendar = calendar or current_calendar()
        left = calendar.working_days_between(today, notice.deadline) if today <= notice.deadline else 0
    return NoticeRow(
        notice=notice,
        filing_number=notice.website_filing.filing_number,
        website_name=notice.website_filing.name,
        domains=_domains(notice.website_filing),
        organisation_name=notice.organisation.name,
        reason=changes.reason_text(notice.reason_code, language),
        fix=reason_fix(notice.reason_code, language),
        actions=actions.notice_actions(
            status=notice.status,
            deadline=notice.deadline,
            today=today,
            is_operator=bool(getattr(user, "is_operator", False)),
        ),
        working_days_left=left,
    )


@dataclass(frozen=True)
class NoticesOverview:
    due: list[NoticeRow]  # open, past the deadline: the operator decides
    waiting: list[NoticeRow]  # open, the customer still has time
    proposed: list[NoticeRow]  # proposed (the monitor): not told to the customer yet
    closed: list[NoticeRow]  # the latest confirmed, withdrawn and resolved


def access_notices_overview(*, user, closed_limit: int = 30) -> NoticesOverview:
    """Every pending notice (any tenant: operators only) and the latest closed ones."""
    _check_operator(user)
    today, calendar = clock.today(), current_calendar()
    pending = _with_related(AccessCancellationNotice.objects.filter(status__in=actions.NOTICE_PENDING)).order_by(
        "deadline", "created_at", "pk"
    )
    rows = [_row(n, user, today=today, calendar=calendar) for n in pending]
    closed = _with_related(
        AccessCancellationNotice.objects.exclude(status__in=actions.NOTICE_PENDING).order_by("-closed_at", "-pk")
    )[:closed_limit]
    return NoticesOverview(
        due=[r for r in rows if r.notice.status == NoticeStatus.OPEN and r.due],
        waiting=[r for r in rows if r.notice.status == NoticeStatus.OPEN and not r.due],
        proposed=[r for r in rows if r.notice.status == NoticeStatus.PROPOSED],
        closed=[_row(n, user, today=today, calendar=calendar) for n in closed],
    )


HISTORY_LABELS = {
    "access_notice.open": gettext_lazy("Started; the customer was notified"),
    "access_notice.propose": gettext_lazy("Proposed"),
    "access_notice.start": gettext_lazy("Proposal started; the customer was notified"),
    "access_notice.withdraw": gettext_lazy("Withdrawn"),
    "access_notice.confirm": gettext_lazy("Confirmed: cancel access filed"),
    "access_notice.resolve": gettext_lazy("Resolved: our access ended otherwise"),
}


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    actor_label: str
    label: str
    note: str


@dataclass(frozen=True)
class NoticeDetail:
    row: NoticeRow
    history: list[HistoryRow]


def access_notice_detail(*, pk, user) -> NoticeDetail:
    """One notice for an operator, with its audit history."""
    _check_operator(user)
    try:
        notice = _with_related(AccessCancellationNotice.objects.all()).get(pk=pk)
    except (AccessCancellationNotice.DoesNotExist, ValueError, TypeError):
        raise NotFound(_("No such notice.")) from None
    events = AuditEvent.objects.filter(
        target_type=AccessCancellationNotice._meta.label_lower, target_id=str(notice.pk)
    ).order_by("at", "pk")
    history = [
        HistoryRow(
            at=e.at,
            actor_label=e.actor_label,
            label=str(HISTORY_LABELS.get(e.action, e.action)),
            note=str((e.data or {}).get("note", "")),
        )
        for e in events
    ]
    return NoticeDetail(row=_row(notice, user), history=history)


@dataclass(frozen=True)
class Candidate:
    """A website an operator may start a notice for (or why not)."""

    record: WebsiteFiling
    domains: tuple[str, ...]
    organisation_name: str
    accessed_here: bool
    pending: AccessCancellationNotice | None


def access_notice_candidates(*, user, query: str, limit: int = 20) -> list[Candidate]:
    """Filed websites (any tenant) by website or subject filing number, or by domain (typed as
    people type it: Unicode or A-label, with or without www.)."""
    _check_operator(user)
    query = (query or "").strip()
    if not query:
        return []
    if "ICP" in query.upper():
        number = query.upper()  # 京icp备… as typed: the numbers are stored with ICP in capitals
        match = Q(filing_number=number) | Q(filing_number__startswith=f"{number}-")
    else:
        wire = record_domain(query)
        match = Q(domains__domain=wire, domains__removed_at__isnull=True) | Q(
            domains__domain__icontains=query.lower(), domains__removed_at__isnull=True
        )
    ours = AccessRecord.objects.filter(website_filing=OuterRef("pk"), is_ours=True, status=RecordStatus.ACTIVE)
    records = (
        WebsiteFiling.objects.filter(match, status=RecordStatus.ACTIVE)
        .annotate(accessed_here=Exists(ours))
        .select_related("subject_filing__organisation")
        .prefetch_related(
            Prefetch(
                "domains",
                queryset=FiledDomain.objects.filter(removed_at__isnull=True).order_by("added_at", "pk"),
                to_attr="active_domains",
            ),
            Prefetch(
                "access_notices",
                queryset=AccessCancellationNotice.objects.filter(status__in=actions.NOTICE_PENDING),
                to_attr="pending_notices",
            ),
        )
        .distinct()
        .order_by("filing_number")[:limit]
    )
    return [
        Candidate(
            record=r,
            domains=_domains(r),
            organisation_name=r.subject_filing.organisation.name,
            accessed_here=r.accessed_here,
            pending=r.pending_notices[0] if r.pending_notices else None,
        )
        for r in records
    ]


def access_notice_website(*, user, pk) -> WebsiteFiling:
    """The website record an operator starts a notice for."""
    _check_operator(user)
    try:
        record = WebsiteFiling.objects.select_related("subject_filing").filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        record = None
    if record is None:
        raise NotFound(_("No such filed website."))
    return record


def access_notices_for_organisation(organisation) -> list[NoticeRow]:
    """The customer's notices that still matter: open ones (rectify by the deadline) and confirmed
    ones whose cancel access is not finished yet. Only this organisation's."""
    unfinished = Q(status=NoticeStatus.CONFIRMED) & Q(order__isnull=False) & ~Q(order__status__in=states.TERMINAL)
    notices = _with_related(
        AccessCancellationNotice.objects.filter(organisation=organisation).filter(
            Q(status=NoticeStatus.OPEN) | unfinished
        )
    ).order_by("deadline", "pk")
    today, calendar = clock.today(), current_calendar()
    return [_row(n, today=today, calendar=calendar) for n in notices]


def access_notices_addressed_to(organisation, *, status: str = "") -> list[NoticeRow]:
    """Every notice the customer was told about (a proposal the operators dismissed or have not
    started yet never was), newest first, or only those in `status`. Only this organisation's."""
    notices = AccessCancellationNotice.objects.filter(organisation=organisation, notified_at__isnull=False)
    if status:
        notices = notices.filter(status=status)
    today, calendar = clock.today(), current_calendar()
    rows = _with_related(notices.order_by("-notified_at", "-pk"))
    return [_row(n, today=today, calendar=calendar) for n in rows]
