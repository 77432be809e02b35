"""The customer of an open cancel-access notice is reminded once, a few working days before the
deadline (reference `provider_cancel_access.reminder_working_days_before`); not after a withdrawal."""

from __future__ import annotations

import datetime as dt

from beian.core import clock, jobs
from beian.core.workdays import current_calendar
from beian.filings import notices
from beian.notifications.access_notices import access_notices_remind
from beian.notifications.models import Notification


def _advance_to(day) -> None:
    clock.advance(days=(day - clock.today()).days)


def _reminders(user):
    return list(Notification.objects.filter(user=user, dedupe_key__endswith="-reminded"))


def test_one_reminder_a_few_working_days_before_the_deadline(orders, operator, applicant):
    record = orders.filed_record().websites.get()
    start = clock.today()
    notice = notices.access_notice_create(website_filing=record, operator=operator, reason_code="VIOLATION")
    calendar, before = current_calendar(), notices.reminder_working_days_before()
    assert before == 3  # reference `provider_cancel_access`

    _advance_to(calendar.add_working_days(start, notices.notice_working_days() - before - 1))
    assert access_notices_remind() == 0
    _advance_to(calendar.add_working_days(start, notices.notice_working_days() - before))
    assert access_notices_remind() == 1
    assert access_notices_remind() == 0  # once
    [reminder] = _reminders(applicant)
    assert record.filing_number in reminder.title and notice.deadline.isoformat() in reminder.title

    _advance_to(notice.deadline + dt.timedelta(days=1))
    assert access_notices_remind() == 0  # past the deadline: the operator decides, no more reminders


def test_no_reminder_for_a_withdrawn_notice(orders, operator, applicant):
    record = orders.filed_record().websites.get()
    notice = notices.access_notice_create(website_filing=record, operator=operator, reason_code="VIOLATION")
    notices.access_notice_withdraw(notice=notice, operator=operator, note="内容已删除。")
    _advance_to(notice.deadline)
    assert access_notices_remind() == 0
    assert _reminders(applicant) == []


def test_the_reminder_job_is_registered_with_the_periodic_jobs():
    assert "access_notice_reminders" in {job.name for job in jobs.registered()}
