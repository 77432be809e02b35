"""Review deadlines follow the operator's calendar and SLA: a change recomputes the deadline of
every order waiting in the queue, once the change commits."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from beian.filings import services
from beian.filings.models import Order
from tests.factories import valid_order

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def queued_on_new_years_eve(applicant, hosted_site, frozen_clock):
    """Submitted on Thursday 2026-12-31 at 15:00; one working day later is the first working day of 2027."""
    frozen_clock(dt.datetime(2026, 12, 31, 15, 0, tzinfo=SH))
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    return Order.objects.get(pk=order.pk)


def due_day(order) -> dt.date:
    due = Order.objects.get(pk=order.pk).review_due_at
    assert due is not None
    return due.astimezone(SH).date()


def test_a_deadline_skips_the_statutory_new_year_of_2027(queued_on_new_years_eve):
    assert due_day(queued_on_new_years_eve) == dt.date(2027, 1, 4)  # Friday 01-01 is 元旦


def test_entering_a_day_off_moves_the_waiting_orders_deadline(
    queued_on_new_years_eve, django_capture_on_commit_callbacks
):
    from beian.reference.models import CalendarDay

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        CalendarDay.objects.create(date=dt.date(2027, 1, 4), kind=CalendarDay.Kind.DAY_OFF, name="test")
        CalendarDay.objects.create(date=dt.date(2027, 1, 5), kind=CalendarDay.Kind.DAY_OFF, name="test")
    assert len(callbacks) == 1  # one refresh for the whole change
    assert due_day(queued_on_new_years_eve) == dt.date(2027, 1, 6)


def test_changing_the_sla_moves_the_deadline(queued_on_new_years_eve, django_capture_on_commit_callbacks):
    from beian.reference.models import ReferenceSetting

    with django_capture_on_commit_callbacks(execute=True):
        ReferenceSetting.objects.update_or_create(key="provider_review_sla_working_days", defaults={"value": 2})
    assert due_day(queued_on_new_years_eve) == dt.date(2027, 1, 5)


def test_unrelated_settings_do_not_recompute(queued_on_new_years_eve, django_capture_on_commit_callbacks):
    from beian.reference.models import ReferenceSetting

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ReferenceSetting.objects.update_or_create(key="something_else", defaults={"value": 1})
    assert callbacks == []


def test_orders_out_of_the_queue_keep_their_deadline(queued_on_new_years_eve, reviewer):
    from beian.reference.models import CalendarDay

    services.order_claim(order=queued_on_new_years_eve, reviewer=reviewer)
    services.order_review_approve(order=Order.objects.get(pk=queued_on_new_years_eve.pk), reviewer=reviewer)
    before = Order.objects.get(pk=queued_on_new_years_eve.pk).review_due_at
    CalendarDay.objects.create(date=dt.date(2027, 1, 4), kind=CalendarDay.Kind.DAY_OFF, name="test")
    assert services.review_deadlines_refresh() == 0
    assert Order.objects.get(pk=queued_on_new_years_eve.pk).review_due_at == before
