"""Idle orders: reminders at 7/15/30 days, expiry at 45 (from the reference data), each once;
abandoning from the order page."""

import datetime as dt

import pytest
from django.core import mail

from beian.core import clock
from beian.core.jobs import run_periodic_jobs
from beian.filings import lifecycle, services, states
from beian.filings.lifecycle import IdlePolicy, due_action, parse_policy
from beian.filings.models import Order
from beian.notifications.models import Notification, SmsMessage
from tests.factories import VALID_ENTERPRISE, valid_order


@pytest.fixture
def order(applicant, hosted_site):
    return valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )


@pytest.fixture
def jobs(django_capture_on_commit_callbacks):
    """Run the periodic jobs with the transitions' on-commit callbacks (notifications) executed."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return run_periodic_jobs()

    return run


def sent(order, kind):
    """(in-app, email, SMS) deliveries of one kind about the order."""
    notes = Notification.objects.filter(order=order, kind=kind)
    subjects = {f"[{order.reference}] {title}" for title in notes.values_list("title", flat=True)}
    return (
        notes.count(),
        sum(1 for m in mail.outbox if m.subject in subjects),
        SmsMessage.objects.filter(purpose=f"notice:{kind}").count(),
    )


def to_day(order, days):
    """Move the business clock to `days` days after the order's idle period began."""
    order.refresh_from_db()
    target = lifecycle.idle_since(order) + dt.timedelta(days=days, minutes=1)
    if target > clock.now():
        clock.advance(hours=(target - clock.now()).total_seconds() / 3600)


# --- the policy ---------------------------------------------------------------------------------


def test_the_policy_is_the_reference_data(db):
    assert lifecycle.idle_policy() == IdlePolicy((7, 15, 30), 45)


def test_parse_policy():
    assert parse_policy({"remind_days": [30, 7, 15, 7], "expire_days": 45}) == IdlePolicy((7, 15, 30), 45)
    assert parse_policy({"remind_days": [7, 60], "expire_days": 45}) == IdlePolicy((7,), 45)  # after expiry: dropped
    assert parse_policy({"remind_days": [7]}) is None
    assert parse_policy({"remind_days": ["x"], "expire_days": 45}) is None
    assert parse_policy(None) is None


@pytest.mark.parametrize(
    "days, action",
    [
        (0, None),
        (6, None),
        (7, ("remind", 7)),
        (14, ("remind", 7)),
        (15, ("remind", 15)),
        (29, ("remind", 15)),
        (30, ("remind", 30)),
        (44, ("remind", 30)),
        (45, ("expire", 45)),
        (400, ("expire", 45)),
    ],
)
def test_due_action(days, action):
    policy = IdlePolicy((7, 15, 30), 45)
    assert due_action(dt.timedelta(days=days, hours=3), policy) == action


def test_the_jobs_follow_an_operator_edit_of_the_reference_data(order, jobs):
    from beian.reference.models import ReferenceSetting

    row = ReferenceSetting.objects.get(key="timings")
    row.value = {
        **row.value,
        "order_expiry": {**row.value["order_expiry"], "recommended": {"remind_days": [2], "expire_days": 5}},
    }
    row.save()
    to_day(order, 2)
    jobs()
    assert sent(order, "reminder")[0] == 1
    to_day(order, 5)
    jobs()
    order.refresh_from_db()
    assert order.status == states.EXPIRED


def test_without_the_reference_data_nothing_expires(order, jobs):
    from beian.reference.models import ReferenceSetting

    row = ReferenceSetting.objects.get(key="timings")
    row.value = {k: v for k, v in row.value.items() if k != "order_expiry"}
    row.save()
    to_day(order, 100)
    report = jobs()
    order.refresh_from_db()
    assert order.status == states.DRAFT and report["idle_expiry"] == 0 and report["idle_reminders"] == 0


def test_jobs_are_registered(db):
    report = run_periodic_jobs()
    assert report["idle_expiry"] == 0 and report["idle_reminders"] == 0


# --- reminders and expiry -----------------------------------------------------------------------


def test_reminders_at_7_15_30_days_then_expiry_each_sent_once(order, jobs, django_capture_on_commit_callbacks):
    to_day(order, 6)
    jobs()
    assert sent(order, "reminder") == (0, 0, 0)

    for day, expected in ((7, 1), (15, 2), (30, 3), (44, 3)):
        to_day(order, day)
        jobs()
        jobs()  # twice: nothing new
        assert sent(order, "reminder") == (expected, expected, expected), day

    reminder = Notification.objects.filter(order=order, kind="reminder").first()
    assert reminder.link == f"/apply/orders/{order.pk}/step/checklist/"  # a draft: back into the wizard
    assert "30" in reminder.body

    to_day(order, 45)
    report = jobs()
    order.refresh_from_db()
    assert report["idle_expiry"] == 1
    assert order.status == states.EXPIRED
    assert order.events.last().event == "expire" and order.events.last().actor_label == "system"
    assert order.subject.name == VALID_ENTERPRISE["subject.name"]  # the data is kept
    assert sent(order, "expired") == (1, 1, 1)

    jobs()
    with django_capture_on_commit_callbacks(execute=True):
        services._after_transition(order.pk, "expire")  # the transition's callback replayed
    assert sent(order, "expired") == (1, 1, 1)
    assert sent(order, "reminder") == (3, 3, 3)  # an expired order gets no more reminders


def test_the_reminder_of_a_cancellation_draft_links_to_its_order_page(orders, jobs):
    order = orders.against_record("CANCEL_WEBSITE").draft()  # a cancellation has no checklist step
    to_day(order, 7)
    jobs()
    reminder = Notification.objects.get(order=order, kind="reminder")
    assert reminder.link == f"/apply/orders/{order.pk}/"


def test_a_job_that_was_down_sends_only_the_latest_reminder(order, jobs):
    to_day(order, 20)
    jobs()
    assert sent(order, "reminder") == (1, 1, 1)
    assert "15" in Notification.objects.get(order=order, kind="reminder").body
    to_day(order, 29)
    jobs()
    assert sent(order, "reminder") == (1, 1, 1)


def test_an_applicant_action_starts_a_new_idle_period(order, applicant, jobs):
    to_day(order, 10)
    jobs()
    assert sent(order, "reminder")[0] == 1
    services.order_update(order=order, user=applicant, values={"subject.mailing_address": "海淀区中关村大街2号"})
    to_day(order, 6)
    jobs()
    assert sent(order, "reminder")[0] == 1
    to_day(order, 7)
    jobs()
    assert sent(order, "reminder")[0] == 2  # the 7-day reminder of the new idle period
    to_day(order, 44)
    jobs()
    order.refresh_from_db()
    assert order.status == states.DRAFT  # 54 days since creation, 44 since the last change


def test_idle_time_starts_when_the_order_came_back_to_the_applicant(order, jobs):
    """Returned today after a long review: the applicant's last action is old, the step is new."""
    now = clock.now()
    Order.objects.filter(pk=order.pk).update(
        status=states.PROVIDER_NEEDS_CHANGES, status_changed_at=now, last_customer_action_at=now - dt.timedelta(days=60)
    )
    jobs()
    order.refresh_from_db()
    assert order.status == states.PROVIDER_NEEDS_CHANGES and sent(order, "reminder")[0] == 0
    assert (
        lifecycle.expires_on(order)
        == (now + dt.timedelta(days=45)).astimezone(dt.timezone(dt.timedelta(hours=8))).date()
    )


@pytest.mark.parametrize(
    "status",
    [
        states.PENDING_PROVIDER_REVIEW,
        states.PENDING_SUBMISSION,
        states.SMS_VERIFICATION,
        states.REGULATOR_REVIEW,
        states.RETURNED_SMS_TIMEOUT,
    ],
)
def test_orders_waiting_on_others_never_expire(order, jobs, status):
    Order.objects.filter(pk=order.pk).update(status=status)
    to_day(order, 60)
    jobs_report = jobs()
    order.refresh_from_db()
    assert order.status != states.EXPIRED and jobs_report["idle_expiry"] == 0  # (the regulator job may move it on)
    assert sent(order, "reminder")[0] == 0 and lifecycle.expires_on(order) is None


@pytest.mark.parametrize("status", [states.PROVIDER_REJECTED, states.REGULATOR_REJECTED])
def test_rejected_orders_waiting_on_the_applicant_expire(order, jobs, status):
    Order.objects.filter(pk=order.pk).update(status=status)
    to_day(order, 45)
    jobs()
    order.refresh_from_db()
    assert order.status == states.EXPIRED


def test_expiry_is_rechecked_under_the_lock(order, jobs, monkeypatch):
    """Picked as idle, but the applicant saved something just before the lock: not expired."""
    to_day(order, 46)
    stale = list(lifecycle._candidates(dt.timedelta(days=45)))
    assert [o.pk for o in stale] == [order.pk]
    Order.objects.filter(pk=order.pk).update(last_customer_action_at=clock.now())
    monkeypatch.setattr(lifecycle, "_candidates", lambda idle_for: stale)
    assert lifecycle.order_expire_idle() == 0
    order.refresh_from_db()
    assert order.status == states.DRAFT


# --- abandoning from the order page ------------------------------------------------------------


def test_the_applicant_abandons_a_draft_from_the_order_page(client, order, applicant):
    client.force_login(applicant)
    page = client.get(f"/apply/orders/{order.pk}/").content.decode()
    assert 'id="abandon"' in page and f"/apply/orders/{order.pk}/abandon/" in page
    response = client.post(f"/apply/orders/{order.pk}/abandon/")
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == states.ABANDONED
    assert order.events.last().event == "abandon" and order.events.last().actor == applicant
    assert order.subject.name == VALID_ENTERPRISE["subject.name"]
    assert 'id="abandon"' not in client.get(f"/apply/orders/{order.pk}/").content.decode()


def test_abandon_is_refused_where_the_state_does_not_allow_it(client, order, applicant):
    Order.objects.filter(pk=order.pk).update(status=states.REGULATOR_REVIEW)
    client.force_login(applicant)
    assert 'id="abandon"' not in client.get(f"/apply/orders/{order.pk}/").content.decode()
    client.post(f"/apply/orders/{order.pk}/abandon/")
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW


def test_another_tenant_cannot_abandon(client, order, other_tenant):
    client.force_login(other_tenant)
    assert client.post(f"/apply/orders/{order.pk}/abandon/").status_code == 404
    order.refresh_from_db()
    assert order.status == states.DRAFT
