"""The provider's review deadline: when an order that entered the review queue must be reviewed.

An order's deadline is `review_deadline(the moment it entered the queue)` under the SLA and the
calendar as they are now: `services.review_queue_fields` sets it on each (re)submission and
`services.review_deadlines_refresh` moves every waiting order's when an operator changes either.
The deadline rises with that moment, so the queue's age filters are ranges of deadlines too
(`deadline_range`), which is how the queue seeks its deadline index for them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from beian.core.workdays import current_calendar
from beian.reference.snapshot import setting

# SLA in working days (ReferenceSetting `provider_review_sla_working_days`, default 1; operators
# add or change it in the admin under Reference data → Settings).
DEFAULT_REVIEW_SLA_WORKING_DAYS = 1


def provider_review_sla_working_days() -> int:
    value = setting("provider_review_sla_working_days", DEFAULT_REVIEW_SLA_WORKING_DAYS)
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_REVIEW_SLA_WORKING_DAYS
    return days if days >= 0 else DEFAULT_REVIEW_SLA_WORKING_DAYS


def review_deadline(queued_at, *, working_days: int, calendar):
    """`working_days` working days after `queued_at`, at the same local time of day.

    Queued on a day off (weekend, holiday), the clock starts at 00:00 of the next working day, so
    one working day then means "by the end of that working day". Make-up working days count.
    Never earlier for a later `queued_at`.
    """
    local = timezone.localtime(queued_at)
    day, time_of_day = local.date(), local.time()
    if not calendar.is_working_day(day):
        day, time_of_day = calendar.next_working_day(day), dt.time(0, 0)
    due = calendar.add_working_days(day, working_days)
    return dt.datetime.combine(due, time_of_day, tzinfo=local.tzinfo)


def current_review_deadline(queued_at):
    """The deadline of an order entering the queue at `queued_at`, under today's SLA and calendar."""
    return review_deadline(queued_at, working_days=provider_review_sla_working_days(), calendar=current_calendar())


def deadline_range(queued_after=None, queued_until=None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The earliest and the latest deadline an order that entered the queue in
    [`queued_after`, `queued_until`] can have (None: that side is open)."""
    if queued_after is None and queued_until is None:
        return None, None
    days, calendar = provider_review_sla_working_days(), current_calendar()
    return (
        review_deadline(queued_after, working_days=days, calendar=calendar) if queued_after is not None else None,
        review_deadline(queued_until, working_days=days, calendar=calendar) if queued_until is not None else None,
    )
