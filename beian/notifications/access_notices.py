"""Telling the customer about a provider-initiated cancel access (beian.filings.notices, rules file
§1.7, §8.3): when an operator opens the notice (the reason, the deadline, how to rectify), once
`provider_cancel_access.reminder_working_days_before` working days before the deadline (a periodic
job), when it is withdrawn, and when it goes ahead. In-app, email and SMS to the organisation's
members as for every filing event (services.dispatch), each once (its Delivery rows).
"""

from __future__ import annotations

import logging
from functools import partial

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.core import clock
from beian.core.workdays import current_calendar
from beian.filings import changes, notices
from beian.filings.models import AccessCancellationNotice, NoticeStatus, Order
from beian.notifications.models import Kind
from beian.notifications.services import Message, dispatch, order_link
from beian.rules.domains import display_domain

logger = logging.getLogger(__name__)

REMINDED = "reminded"
EVENTS = (notices.OPENED, REMINDED, notices.WITHDRAWN, notices.CONFIRMED)


def _order_to_notify(notice: AccessCancellationNotice) -> Order | None:
    """The order the message hangs on (its organisation's members are told): the cancel access once
    filed, else the order that filed the website as it stands, else the subject's latest."""
    if notice.order_id:
        return notice.order
    order = notice.website_filing.website.order
    if order is not None and order.organisation_id == notice.organisation_id:
        return order
    subject_filing = notice.website_filing.subject_filing
    return (
        Order.objects.filter(
            Q(subject_filing=subject_filing) | Q(subject=subject_filing.subject), organisation_id=notice.organisation_id
        )
        .order_by("-pk")
        .first()
    )


def _compose(notice: AccessCancellationNotice, event: str) -> Message:
    language = get_language() or "zh-hans"
    record = notice.website_filing
    domains = _(", ").join(
        display_domain(d) for d in record.domains.filter(removed_at__isnull=True).values_list("domain", flat=True)
    )
    facts = {
        "number": record.filing_number,
        "domains": domains or record.name,
        "deadline": notice.deadline.isoformat() if notice.deadline else "",
        "reason": changes.reason_text(notice.reason_code, language),
    }
    dashboard = f"{reverse('applicant:dashboard')}#access-notices"
    if event == notices.CONFIRMED and notice.order is not None:
        return Message(
            _("We are cancelling our access to %(number)s") % facts,
            _(
                "The deadline %(deadline)s passed without the problem being fixed (%(reason)s). We filed the "
                "cancellation of our access (取消接入) to website %(number)s (%(domains)s) with the regulator as "
                "order %(reference)s. Once the regulator approves, its domains are no longer served here."
            )
            % {**facts, "reference": notice.order.reference},
            order_link(notice.order),
            [_("If no other provider accesses the website, it becomes an empty shell that the regulator deregisters.")],
        )
    if event == notices.WITHDRAWN:
        return Message(
            _("Notice withdrawn: our access to %(number)s stays") % facts,
            _("The notice to cancel our access to website %(number)s (%(domains)s) is withdrawn. Nothing changes.")
            % facts,
            dashboard,
            [_("Note: %(note)s") % {"note": notice.close_note} if notice.close_note else ""],
        )
    title = (
        _("Reminder: rectify %(number)s by %(deadline)s") % facts
        if event == REMINDED
        else _("Rectify %(number)s by %(deadline)s, or we cancel our access") % facts
    )
    fix = notices.reason_fix(notice.reason_code, language)
    return Message(
        title,
        _(
            "We will cancel our access (取消接入) to website %(number)s (%(domains)s) unless this is fixed by "
            "%(deadline)s: %(reason)s."
        )
        % facts,
        dashboard,
        [
            _("Details: %(note)s") % {"note": notice.note} if notice.note else "",
            _("How to rectify: %(fix)s") % {"fix": fix} if fix else "",
            _(
                "Without our access the website keeps its filing number only if another provider still accesses "
                "it; otherwise it becomes an empty shell that the regulator deregisters. If the website has moved, "
                "complete new access (新增接入) at the new provider first."
            ),
            _("Nothing is cancelled before the deadline. Tell us when it is fixed."),
        ],
    )


def notify_access_notice(*, notice_pk: int, event: str) -> int:
    """After a notice was opened, withdrawn or confirmed (or a reminder is due): tell the customer's
    organisation, once per notice and event. A failure is logged, never raised (the operator's
    action has committed)."""
    try:
        notice = AccessCancellationNotice.objects.select_related(
            "website_filing__website__order", "website_filing__subject_filing__subject", "order", "organisation"
        ).get(pk=notice_pk)
        order = _order_to_notify(notice)
        if order is None:
            logger.warning(
                "cancel-access notice %s: no order of organisation %s to notify", notice_pk, notice.organisation_id
            )
            return 0
        return dispatch(
            order=order,
            kind=Kind.REMINDER,
            dedupe_key=f"access-notice-{notice.pk}-{event}",
            compose=partial(_compose, notice, event),
        )
    except Exception:
        logger.exception("notifying cancel-access notice %s (%s) failed", notice_pk, event)
        return 0


def access_notices_remind() -> int:
    """Periodic job: remind the customer of an open notice `reminder_working_days_before` working
    days before its deadline (not when the whole notice period is that short). Returns reminders sent."""
    before = notices.reminder_working_days_before()
    if before <= 0:
        return 0
    today, calendar = clock.today(), current_calendar()
    sent = 0
    open_notices = AccessCancellationNotice.objects.filter(
        status=NoticeStatus.OPEN, deadline__gte=today, notified_at__isnull=False
    ).order_by("pk")
    for notice in open_notices.iterator():
        assert notice.deadline is not None and notice.notified_at is not None  # the filter's
        if calendar.working_days_between(today, notice.deadline) > before:
            continue
        if calendar.working_days_between(timezone.localdate(notice.notified_at), notice.deadline) <= before:
            continue
        sent += bool(notify_access_notice(notice_pk=notice.pk, event=REMINDED))
    return sent
