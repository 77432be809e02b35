"""Reminders to file a filed website at the public-security platform (公安联网备案, rules file §8.2)
until its 公网安备 number is entered: once after approval, once `days before` the deadline and once
at the deadline (filings.psb says when the deadline is). A periodic job; each reminder is sent once
(the dispatch's Delivery rows), and a job that first runs late sends only the latest reminder due.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from beian.core import clock
from beian.filings import psb
from beian.filings.models import RecordStatus, WebsiteFiling
from beian.notifications.models import Kind
from beian.notifications.services import Message, dispatch
from beian.reference.snapshot import setting

# Product policy (no figure in the rules file): the second reminder goes this many days before the
# deadline; an operator may set `timings.psb_reminder_days_before` in reference data instead.
DEFAULT_DAYS_BEFORE = 7

APPROVED, BEFORE, DEADLINE = "approved", "before", "deadline"


def days_before() -> int:
    value = (setting("timings", {}) or {}).get("psb_reminder_days_before")
    try:
        return int(value) if value is not None else DEFAULT_DAYS_BEFORE
    except (TypeError, ValueError):
        return DEFAULT_DAYS_BEFORE


def due_stage(today: dt.date, deadline: dt.date, *, before: int) -> str:
    """The latest reminder due on `today` (the first one is due from approval on)."""
    if today >= deadline:
        return DEADLINE
    if today >= deadline - dt.timedelta(days=before):
        return BEFORE
    return APPROVED


def _compose(record: WebsiteFiling, stage: str, deadline: dt.date) -> Message:
    when = formats.date_format(deadline, "Y-m-d")
    lines = {
        APPROVED: _("File it within %(days)s days of approval.") % {"days": psb.psb_deadline_days()},
        BEFORE: _("The deadline is near."),
        DEADLINE: _("The deadline has come: without the filing the site may be warned or suspended."),
    }
    return Message(
        _("File %(number)s at the public-security platform") % {"number": record.filing_number},
        _(
            "Website %(number)s (%(name)s) must be filed at the national public-security platform "
            "(beian.mps.gov.cn) by %(deadline)s. Then enter its 公网安备 number on your dashboard: "
            "the site's footer shows it."
        )
        % {"number": record.filing_number, "name": record.name, "deadline": when},
        f"{reverse('applicant:dashboard')}#filings",
        [lines[stage]],
    )


def website_filings_remind_psb() -> int:
    """Periodic job: remind about filed websites without a public-security number. Returns reminders sent."""
    today = clock.today()
    before = days_before()
    deadline_days = psb.psb_deadline_days()
    sent = 0
    pending = (
        WebsiteFiling.objects.filter(status=RecordStatus.ACTIVE, psb_number="", website__order__isnull=False)
        .select_related("website__order__organisation", "website__order__subject__principal")
        .order_by("pk")
    )
    for record in pending.iterator():
        order = record.website.order
        if order is None or order.organisation_id != record.subject_filing.organisation_id:
            continue  # filed under another account: its own tenant is reminded through its own order
        deadline = psb.psb_deadline(record, days=deadline_days)
        stage = due_stage(today, deadline, before=before)
        compose = partial(_compose, record, stage, deadline)
        sent += bool(dispatch(order=order, kind=Kind.REMINDER, dedupe_key=f"psb-{record.pk}-{stage}", compose=compose))
    return sent
