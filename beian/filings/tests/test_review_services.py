"""Provider review services: exclusive claims, idle release, release and reassignment, the SLA
deadline in working days, and what a submission carries into the queue."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings

from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.core.models import AuditEvent
from beian.core.workdays import Calendar, current_calendar
from beian.filings import deadlines, selectors, services, states
from beian.filings import fields as order_fields
from beian.filings.models import Order
from tests.factories import valid_order

SH = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=SH)


@pytest.fixture
def submitted(orders):
    return orders.submitted()


def fresh(order) -> Order:
    return Order.objects.select_related("assigned_reviewer").get(pk=order.pk)


def events(order, name):
    return list(order.events.filter(event=name).order_by("at", "id"))


# --- deadline in working days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "queued, days, due",
    [
        (at(2025, 10, 17, 18, 0), 1, at(2025, 10, 20, 18, 0)),  # Friday evening -> Monday, same time
        (at(2025, 10, 18, 11, 0), 1, at(2025, 10, 21, 0, 0)),  # Saturday: clock starts Monday 00:00 -> end of Monday
        (at(2025, 9, 30, 15, 0), 1, at(2025, 10, 9, 15, 0)),  # before National Day (10-01..10-08 off)
        (at(2025, 10, 4, 11, 0), 1, at(2025, 10, 10, 0, 0)),  # during the holiday: end of the first working day
        (at(2025, 9, 26, 10, 0), 1, at(2025, 9, 28, 10, 0)),  # Sunday 09-28 is a make-up working day
        (at(2025, 10, 10, 16, 0), 1, at(2025, 10, 11, 16, 0)),  # Saturday 10-11 is a make-up working day
        (at(2025, 10, 16, 9, 0), 2, at(2025, 10, 20, 9, 0)),  # two working days over a weekend
        (at(2025, 10, 16, 9, 0), 0, at(2025, 10, 16, 9, 0)),
    ],
)
def test_review_deadline_counts_working_days_of_the_mainland_calendar(queued, days, due):
    assert deadlines.review_deadline(queued, working_days=days, calendar=Calendar()) == due


def test_review_deadline_honours_operator_calendar_overrides(db):
    from beian.reference.models import CalendarDay

    CalendarDay.objects.create(date=dt.date(2025, 10, 20), kind=CalendarDay.Kind.DAY_OFF)
    due = deadlines.review_deadline(at(2025, 10, 17, 18, 0), working_days=1, calendar=current_calendar())
    assert due == at(2025, 10, 21, 18, 0)


def test_sla_is_a_reference_setting_with_a_default(db):
    from beian.reference.models import ReferenceSetting

    assert deadlines.provider_review_sla_working_days() == 1
    ReferenceSetting.objects.create(key="provider_review_sla_working_days", value=2)
    assert deadlines.provider_review_sla_working_days() == 2
    ReferenceSetting.objects.filter(key="provider_review_sla_working_days").update(value="not a number")
    assert deadlines.provider_review_sla_working_days() == 1


# --- what a submission carries into the queue -----------------------------------------------------


def test_submission_sets_deadline_finding_count_and_submitted_subject(applicant, hosted_site, frozen_clock):
    from beian.reference.models import ReferenceSetting

    ReferenceSetting.objects.create(key="provider_review_sla_working_days", value=2)
    frozen_clock(at(2025, 9, 30, 15, 0))
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    order = fresh(order)
    assert order.review_due_at == at(2025, 10, 10, 15, 0)  # 10-09 and 10-10 are the first working days
    assert order.submitted_province == "11" and order.submitted_subject_name == order.subject.name
    assert order.finding_count == 0
    assert order.assigned_reviewer is None and order.claimed_at is None


def test_a_domain_search_finds_the_order_by_the_domain_it_was_submitted_with(orders, reviewer):
    """The reviewer's domain search reads the domain on the order (set on each submission, the first
    website's): an order of two websites is found by its first website's domain or a prefix of it,
    in the queue and, once it has left the queue, among the other orders; a draft never submitted
    is not."""
    order = orders.with_websites(2).submitted()
    first, second = (w.domain for w in order_fields.websites_of(order))
    assert order.submitted_domain == first == order.website.domain and second != first

    def found(q, search="auto"):
        filters = selectors.QueueFilters(q=q, search=search)
        queue = [o.pk for o in selectors.review_queue(filters)]
        others = [o.pk for o in selectors.other_orders(filters)[0]]
        return queue, others

    assert found(first) == ([order.pk], [])
    assert found(f"https://{first.upper()}/index.html") == ([order.pk], [])
    assert found(first[:4], search="domain") == ([order.pk], [])
    services.order_claim(order=order, reviewer=reviewer)
    services.order_review_approve(order=order, reviewer=reviewer)
    assert found(first) == ([], [order.pk])
    assert found("nothing-like-it.cn") == ([], [])
    draft = orders.complete_draft()
    assert draft.submitted_domain == ""
    assert draft.pk not in found(draft.website.domain)[1]


def test_finding_count_from_a_submission_with_warnings(applicant, hosted_site, monkeypatch):
    from beian.filings import validation
    from beian.rules.findings import Finding, Severity

    real = validation.order_findings

    def with_extra(order, *, complete=False):
        extra = [
            Finding(code=f"test.{s.value}", severity=s, field="subject.name", message_zh="", message_en="")
            for s in (Severity.WARNING, Severity.WARNING, Severity.INFO)
        ]
        return list(real(order, complete=complete)) + extra

    monkeypatch.setattr(validation, "order_findings", with_extra)
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant, acknowledged_warnings=["test.warning"])
    assert fresh(order).finding_count == 2


# --- exclusive claims -----------------------------------------------------------------------------


def test_claim_is_exclusive_between_two_reviewers(submitted, reviewer, second_reviewer):
    services.order_claim(order=submitted, reviewer=reviewer)
    with pytest.raises(PermissionDenied):
        services.order_claim(order=Order.objects.get(pk=submitted.pk), reviewer=second_reviewer)
    with pytest.raises(PermissionDenied):
        services.order_review_approve(order=Order.objects.get(pk=submitted.pk), reviewer=second_reviewer)
    assert fresh(submitted).assigned_reviewer == reviewer
    assert fresh(submitted).status == states.PENDING_PROVIDER_REVIEW
    assert len(events(submitted, "claim")) == 1


def test_applicants_cannot_claim(submitted, applicant):
    with pytest.raises(PermissionDenied):
        services.order_claim(order=submitted, reviewer=applicant)
    assert fresh(submitted).assigned_reviewer is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row-level concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_have_exactly_one_winner(applicant, hosted_site, reviewer, second_reviewer):
    from django.db import connections

    order = valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )
    Order.objects.filter(pk=order.pk).update(status=states.PENDING_PROVIDER_REVIEW)
    barrier, outcomes = threading.Barrier(2), []

    def claim(user):
        try:
            barrier.wait()
            services.order_claim(order=Order.objects.get(pk=order.pk), reviewer=user)
            outcomes.append(("won", user.username))
        except PermissionDenied:
            outcomes.append(("lost", user.username))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(u,)) for u in (reviewer, second_reviewer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o[0] for o in outcomes) == ["lost", "won"]
    winner = next(name for result, name in outcomes if result == "won")
    assert fresh(order).assigned_reviewer.username == winner
    assert len(events(order, "claim")) == 1


def test_claim_next_takes_own_reserved_order_first_then_the_most_urgent(organisation, reviewer, second_reviewer):
    from beian.review.tests.helpers import queued_order

    urgent = queued_order(organisation=organisation, due=at(2025, 10, 20, 9))
    later = queued_order(organisation=organisation, due=at(2025, 10, 21, 9))
    mine = queued_order(organisation=organisation, due=at(2025, 10, 22, 9), reviewer=reviewer)
    taken_by_other = queued_order(organisation=organisation, due=at(2025, 10, 19, 9), reviewer=second_reviewer)

    def take(user, candidates=None):
        order = services.order_claim_next(reviewer=user, candidates=candidates or selectors.review_queue())
        return order and order.pk

    assert take(reviewer) == mine.pk  # own reserved order first, though less urgent
    assert take(second_reviewer) == taken_by_other.pk
    services.order_release_claim(order=taken_by_other, actor=second_reviewer)
    assert take(second_reviewer) == taken_by_other.pk  # back in the pool, and the most urgent
    services.order_release_claim(order=mine, actor=reviewer)
    assert take(reviewer) == urgent.pk  # the most urgent that nobody holds
    assert take(second_reviewer) == taken_by_other.pk  # still theirs
    assert take(second_reviewer, selectors.review_queue().filter(pk=urgent.pk)) is None  # held by the other one
    assert fresh(urgent).assigned_reviewer == reviewer and fresh(later).assigned_reviewer is None


# --- idle release -----------------------------------------------------------------------------------


@override_settings(REVIEW_CLAIM_IDLE_MINUTES=30)
def test_idle_claims_are_released_by_the_periodic_job(submitted, reviewer, frozen_clock):
    from beian.core.jobs import run_periodic_jobs

    start = frozen_clock(at(2025, 10, 20, 9, 0))
    services.order_claim(order=submitted, reviewer=reviewer)
    frozen_clock(start + dt.timedelta(minutes=29))
    assert run_periodic_jobs()["review_claims"] == 0
    assert fresh(submitted).assigned_reviewer == reviewer
    frozen_clock(start + dt.timedelta(minutes=31))
    assert run_periodic_jobs()["review_claims"] == 1
    order = fresh(submitted)
    assert order.assigned_reviewer is None and order.claimed_at is None
    release = events(order, "release")[-1]
    assert release.visible_to_applicant is False and release.data["kind"] == "idle"
    assert release.data["reviewer"] == reviewer.username and release.actor is None
    audit = AuditEvent.objects.filter(action="order.release", target_id=str(order.pk)).get()
    assert audit.actor_label == "system" and audit.data["kind"] == "idle"
    assert not selectors.timeline(order).filter(event="release").exists()


@override_settings(REVIEW_CLAIM_IDLE_MINUTES=10)
def test_activity_renews_the_claim_and_the_idle_time_is_configurable(submitted, reviewer, frozen_clock):
    start = frozen_clock(at(2025, 10, 20, 9, 0))
    services.order_claim(order=submitted, reviewer=reviewer)
    frozen_clock(start + dt.timedelta(minutes=8))
    assert services.order_claim_touch(order=submitted, reviewer=reviewer)
    frozen_clock(start + dt.timedelta(minutes=15))
    assert services.order_release_idle_claims() == 0
    frozen_clock(start + dt.timedelta(minutes=19))
    assert services.order_release_idle_claims() == 1
    assert fresh(submitted).assigned_reviewer is None


def test_touch_does_not_claim_for_someone_who_does_not_hold_the_order(submitted, reviewer, second_reviewer):
    assert not services.order_claim_touch(order=submitted, reviewer=reviewer)
    services.order_claim(order=submitted, reviewer=reviewer)
    assert not services.order_claim_touch(order=submitted, reviewer=second_reviewer)
    assert fresh(submitted).assigned_reviewer == reviewer


def test_idle_release_leaves_orders_out_of_review_alone(submitted, reviewer, frozen_clock):
    start = frozen_clock(at(2025, 10, 20, 9, 0))
    services.order_return_fields(
        order=submitted,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_INVALID", "note": ""}],
    )
    frozen_clock(start + dt.timedelta(days=3))
    assert services.order_release_idle_claims() == 0
    assert fresh(submitted).assigned_reviewer == reviewer  # kept for the resubmission


# --- resubmission goes to the same reviewer first -------------------------------------------------


@override_settings(REVIEW_CLAIM_IDLE_MINUTES=30)
def test_resubmission_goes_back_to_the_same_reviewer_under_mine(
    submitted, applicant, reviewer, second_reviewer, frozen_clock
):
    start = frozen_clock(at(2025, 10, 20, 9, 0))
    services.order_return_fields(
        order=submitted,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "请使用公司简称"}],
    )
    frozen_clock(start + dt.timedelta(days=2))  # long after the claim, the applicant resubmits
    order = Order.objects.get(pk=submitted.pk)
    services.order_update(order=order, user=applicant, values={"websites[0].name": "示例科技公司官网"})
    services.order_submit(order=order, user=applicant)
    order = fresh(order)
    assert order.status == states.PROVIDER_RESUBMITTED
    assert order.assigned_reviewer == reviewer and order.claimed_at == start + dt.timedelta(days=2)
    assert order.review_due_at == at(2025, 10, 23, 9, 0)  # from the resubmission, not the first submission
    mine = selectors.review_queue(selectors.QueueFilters(assignee="me"), reviewer=reviewer)
    assert list(mine) == [order]
    assert not selectors.review_queue(selectors.QueueFilters(assignee="me"), reviewer=second_reviewer).exists()
    assert services.order_release_idle_claims() == 0  # the resubmission renewed the claim
    with pytest.raises(PermissionDenied):
        services.order_claim(order=order, reviewer=second_reviewer)


# --- release and reassignment -----------------------------------------------------------------------


def test_release_by_the_holder_is_audited_and_internal(submitted, reviewer, second_reviewer):
    services.order_claim(order=submitted, reviewer=reviewer)
    with pytest.raises(PermissionDenied):
        services.order_release_claim(order=submitted, actor=second_reviewer)
    services.order_release_claim(order=submitted, actor=reviewer, reason="需要二审同事判断")
    order = fresh(submitted)
    assert order.assigned_reviewer is None
    release = events(order, "release")[-1]
    assert not release.visible_to_applicant and release.reason == "需要二审同事判断" and release.actor == reviewer
    assert AuditEvent.objects.filter(action="order.release", target_id=str(order.pk), actor=reviewer).exists()
    with pytest.raises(ValidationFailed):
        services.order_release_claim(order=order, actor=reviewer)
    services.order_claim(order=order, reviewer=second_reviewer)  # back in the pool


def test_operator_reassigns_and_releases_audited_and_hidden_from_the_applicant(
    submitted, reviewer, second_reviewer, operator
):
    services.order_claim(order=submitted, reviewer=reviewer)
    services.order_reassign(order=submitted, operator=operator, to_reviewer=second_reviewer, reason="休假")
    order = fresh(submitted)
    assert order.assigned_reviewer == second_reviewer
    event = events(order, "reassign")[-1]
    assert event.data == {"from": "reviewer", "to": "reviewer2"} and event.actor == operator
    assert event.reason == "休假" and event.visible_to_applicant is False
    audit = AuditEvent.objects.get(action="order.reassign", target_id=str(order.pk))
    assert audit.actor == operator and audit.data["from"] == "reviewer" and audit.data["to"] == "reviewer2"
    assert not selectors.timeline(order).filter(event__in=["reassign", "claim"]).exists()
    # the new holder decides; the previous one no longer can
    with pytest.raises(PermissionDenied):
        services.order_review_approve(order=order, reviewer=reviewer)
    services.order_release_claim(order=order, actor=operator)
    assert fresh(order).assigned_reviewer is None


def test_only_operators_reassign_and_only_to_reviewers(submitted, reviewer, second_reviewer, operator, applicant):
    with pytest.raises(PermissionDenied):
        services.order_reassign(order=submitted, operator=reviewer, to_reviewer=second_reviewer)
    with pytest.raises(PermissionDenied):
        services.order_reassign(order=submitted, operator=operator, to_reviewer=applicant)
    services.order_reassign(order=submitted, operator=operator, to_reviewer=reviewer)
    with pytest.raises(ValidationFailed):
        services.order_reassign(order=submitted, operator=operator, to_reviewer=reviewer)
    assert AuditEvent.objects.filter(action="order.reassign").count() == 1
