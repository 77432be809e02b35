"""Reminders to file at the public-security platform (§8.2): after approval, days before the
deadline, at the deadline — each once — and none once the number is entered."""

from __future__ import annotations

from beian.core import clock, jobs
from beian.filings import psb as filing_psb
from beian.filings.models import WebsiteFiling
from beian.notifications import psb
from beian.notifications.models import Notification


def _keys(user) -> list[str]:
    return sorted(
        Notification.objects.filter(user=user)
        .filter(dedupe_key__startswith="psb-")
        .values_list("dedupe_key", flat=True)
    )


def test_each_reminder_is_sent_once_at_approval_before_and_at_the_deadline(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    deadline = filing_psb.psb_deadline(record)
    assert psb.website_filings_remind_psb() == 1
    assert psb.website_filings_remind_psb() == 0  # idempotent
    notice = Notification.objects.get(dedupe_key=f"psb-{record.pk}-approved")
    assert record.filing_number in notice.title and deadline.strftime("%Y-%m-%d") in notice.body
    assert notice.link.endswith("#filings")

    clock.advance(days=30 - psb.DEFAULT_DAYS_BEFORE)
    assert psb.website_filings_remind_psb() == 1
    assert psb.website_filings_remind_psb() == 0
    clock.advance(days=psb.DEFAULT_DAYS_BEFORE)
    assert psb.website_filings_remind_psb() == 1
    assert psb.website_filings_remind_psb() == 0
    assert _keys(applicant) == [f"psb-{record.pk}-{stage}" for stage in ("approved", "before", "deadline")]


def test_no_reminder_once_the_number_is_entered(orders, applicant):
    orders.approved()
    filing_psb.website_filing_set_psb_number(
        website_filing=WebsiteFiling.objects.get(), user=applicant, number="京公网安备11010502030143号"
    )
    assert psb.website_filings_remind_psb() == 0
    assert _keys(applicant) == []


def test_a_late_first_run_sends_only_the_latest_reminder_due(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    clock.advance(days=40)
    assert psb.website_filings_remind_psb() == 1
    assert _keys(applicant) == [f"psb-{record.pk}-deadline"]


def test_the_job_is_registered_with_the_periodic_jobs():
    assert "psb_reminders" in {job.name for job in jobs.registered()}
