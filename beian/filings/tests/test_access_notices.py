"""Provider-initiated cancel access (rules file §1.7, §8.3): an operator opens a notice with a provider
reason, the customer is told the deadline, and only an operator's confirmation after the deadline
files the cancel access — which the regulator's approval then applies to the records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from beian.core import clock
from beian.core.exceptions import NotFound, PermissionDenied, ValidationFailed
from beian.core.models import AuditEvent
from beian.core.workdays import current_calendar
from beian.filings import actions, notices, services, states
from beian.filings.models import AccessCancellationNotice, NoticeStatus, Order, RecordStatus, WebsiteFiling
from beian.notifications.models import Notification, SmsMessage
from beian.regulator.models import Submission, latest_case
from beian.regulator.services import case_decide, submissions_process_due
from tests.records import add_website_filing


@pytest.fixture
def record(orders) -> WebsiteFiling:
    return orders.filed_record().websites.get()


def _open(record, operator, reason_code="RESOURCES_EXPIRED", note="云服务器已于 11 月到期。"):
    return notices.access_notice_create(website_filing=record, operator=operator, reason_code=reason_code, note=note)


def _past(deadline: dt.date) -> None:
    """Move business time to the first day after `deadline`."""
    clock.advance(days=(deadline - clock.today()).days + 1)


# --- the pure decision -------------------------------------------------------------------------------

DEADLINE = dt.date(2026, 12, 18)


@pytest.mark.parametrize(
    ("status", "today", "operator", "expected"),
    [
        ("open", DEADLINE - dt.timedelta(days=1), True, {"withdraw"}),
        ("open", DEADLINE, True, {"withdraw"}),  # the customer has the whole deadline day
        ("open", DEADLINE + dt.timedelta(days=1), True, {"withdraw", "confirm"}),
        ("open", DEADLINE + dt.timedelta(days=1), False, set()),
        ("proposed", DEADLINE + dt.timedelta(days=1), True, {"start", "withdraw"}),
        ("confirmed", DEADLINE + dt.timedelta(days=9), True, set()),
        ("withdrawn", DEADLINE + dt.timedelta(days=9), True, set()),
        ("resolved", DEADLINE + dt.timedelta(days=9), True, set()),
    ],
)
def test_who_may_do_what_to_a_notice(status, today, operator, expected):
    acts = actions.notice_actions(
        status=status, deadline=DEADLINE if status != "proposed" else None, today=today, is_operator=operator
    )
    allowed = {name for name in ("start", "withdraw", "confirm") if getattr(acts, f"may_{name}")}
    assert allowed == expected


def test_confirm_waits_for_the_day_after_the_deadline():
    acts = actions.notice_actions(status="open", deadline=DEADLINE, today=DEADLINE, is_operator=True)
    assert acts.reasons["confirm"] == "notice.before_deadline"
    assert acts.confirm_from == DEADLINE + dt.timedelta(days=1)


# --- opening a notice --------------------------------------------------------------------------------


def test_an_operator_opens_a_notice_and_the_customer_is_told_the_deadline(
    record, operator, applicant, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notice = _open(record, operator)
    assert notice.status == NoticeStatus.OPEN
    assert notice.organisation_id == record.subject_filing.organisation_id
    expected = current_calendar().add_working_days(clock.today(), notices.notice_working_days())
    assert notices.notice_working_days() == 10  # reference `provider_cancel_access`
    assert notice.deadline == expected

    message = Notification.objects.get(user=applicant, dedupe_key=f"access-notice-{notice.pk}-opened")
    assert record.filing_number in message.title and expected.isoformat() in message.title
    assert "云服务器已于 11 月到期。" in message.body  # the operator's details
    assert "续费备案所用的云资源" in message.body  # how to rectify (reference `fix_zh`: the applicant reads Chinese)
    assert message.link.endswith("#access-notices")
    assert any(expected.isoformat() in m.body and record.filing_number in m.subject for m in mail.outbox)
    assert SmsMessage.objects.filter(purpose="notice:reminder").count() == 1

    event = AuditEvent.objects.get(action="access_notice.open")
    assert event.actor == operator and event.organisation_id == notice.organisation_id
    assert event.data["reason_code"] == "RESOURCES_EXPIRED" and event.data["deadline"] == expected.isoformat()


def test_only_operators_open_notices_with_a_providers_reason(record, operator, applicant, reviewer):
    for user in (applicant, reviewer, None):
        with pytest.raises(PermissionDenied) as refused:
            _open(record, user)
        assert refused.value.code == "notice.not_operator"
    with pytest.raises(ValidationFailed) as refused:
        _open(record, operator, reason_code="MOVED_TO_OTHER_PROVIDER")  # the customer's reason
    assert refused.value.code == "notice.reason_unknown"
    assert not AccessCancellationNotice.objects.exists()


def test_one_pending_notice_per_website_and_only_where_we_give_access(record, operator):
    _open(record, operator)
    with pytest.raises(ValidationFailed) as refused:
        _open(record, operator, reason_code="VIOLATION")
    assert refused.value.code == "notice.pending_exists"
    elsewhere = add_website_filing(record.subject_filing, domain="elsewhere.cn", provider_name="其他接入商")
    with pytest.raises(ValidationFailed) as refused:
        _open(elsewhere, operator)
    assert refused.value.code == "record.not_accessed_here"


# --- the deadline, then the confirmation ---------------------------------------------------------------


def test_confirm_is_refused_until_the_deadline_has_passed(record, operator):
    notice = _open(record, operator)
    with pytest.raises(ValidationFailed) as refused:
        notices.access_notice_confirm(notice=notice, operator=operator)
    assert refused.value.code == "notice.before_deadline"
    assert notice.deadline.isoformat() in refused.value.message

    clock.advance(days=(notice.deadline - clock.today()).days)  # the deadline day itself
    with pytest.raises(ValidationFailed):
        notices.access_notice_confirm(notice=notice, operator=operator)
    assert not Order.objects.filter(filing_type="CANCEL_ACCESS").exists()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.OPEN


def test_confirmed_after_the_deadline_the_cancel_access_goes_to_the_regulator_and_ends_our_access(
    record, operator, applicant, reviewer, django_capture_on_commit_callbacks
):
    notice = _open(record, operator)
    _past(notice.deadline)
    with pytest.raises(PermissionDenied):
        notices.access_notice_confirm(notice=notice, operator=reviewer)
    with django_capture_on_commit_callbacks() as after_commit:
        order = notices.access_notice_confirm(notice=notice, operator=operator)

    assert order.filing_type == "CANCEL_ACCESS" and order.initiated_by_provider
    assert order.organisation_id == record.subject_filing.organisation_id and order.created_by == operator
    assert order.reason_code == "RESOURCES_EXPIRED" and order.reason_note == "云服务器已于 11 月到期。"
    # submitted and approved in provider review by the confirming operator: waiting for the outbox
    assert order.status == states.PENDING_SUBMISSION
    timeline = [(e.event, e.actor) for e in order.events.all()]
    assert timeline == [
        ("create", operator),
        ("provider_initiated", operator),
        ("submit", operator),
        ("claim", operator),
        ("approve", operator),
    ]
    started = order.events.get(event="provider_initiated")
    assert "Started by the access provider" in started.label and started.visible_to_applicant
    # the applicant reads it but cannot stop it (a customer's own order could be withdrawn here)
    acts = order.actions_for(applicant)
    assert not (acts.may_edit or acts.may_withdraw or acts.may_abandon)
    with pytest.raises(NotFound):
        services.order_withdraw(order=order, user=applicant)

    for callback in after_commit:  # the commit: the outbox row, the customer told
        callback()
    assert Submission.objects.filter(order=order).exists()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.CONFIRMED and notice.order == order and notice.closed_by == operator
    assert AuditEvent.objects.filter(action="access_notice.confirm", actor=operator).exists()
    told = Notification.objects.get(user=applicant, dedupe_key=f"access-notice-{notice.pk}-confirmed")
    assert order.reference in told.body and told.link.endswith(f"/orders/{order.pk}/")

    submissions_process_due()  # pushed to the sandbox: no SMS for a cancel access
    order.refresh_from_db()
    assert order.status == states.REGULATOR_REVIEW
    # the sandbox regulator approves: our access ends
    with django_capture_on_commit_callbacks(execute=True):
        case_decide(latest_case(order), decided_by="regulator-sandbox", approve=True)
    record.refresh_from_db()
    assert record.status == RecordStatus.ACTIVE  # the filing stays (an empty shell now)
    assert not record.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).exists()
    assert record.events.filter(action="access_cancelled").exists()


def test_confirm_waits_for_the_customers_open_order_about_the_website(record, operator, orders):
    notice = _open(record, operator)
    change = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": "示例科技新官网"}).draft()
    _past(notice.deadline)
    with pytest.raises(ValidationFailed) as refused:
        notices.access_notice_confirm(notice=notice, operator=operator)
    assert refused.value.code == "order.open_for_target" and change.reference in refused.value.message
    assert not Order.objects.filter(filing_type="CANCEL_ACCESS").exists()


# --- withdrawn, proposed, resolved -------------------------------------------------------------------


def test_a_withdrawn_notice_tells_the_customer_and_can_no_longer_be_confirmed(
    record, operator, applicant, django_capture_on_commit_callbacks
):
    notice = _open(record, operator)
    with pytest.raises(ValidationFailed) as refused:
        notices.access_notice_withdraw(notice=notice, operator=operator, note=" ")
    assert refused.value.code == "notice.note_required"
    with django_capture_on_commit_callbacks(execute=True):
        notices.access_notice_withdraw(notice=notice, operator=operator, note="已续费。")
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.WITHDRAWN and notice.close_note == "已续费。"
    told = Notification.objects.get(user=applicant, dedupe_key=f"access-notice-{notice.pk}-withdrawn")
    assert "已续费。" in told.body
    _past(notice.deadline)
    with pytest.raises(ValidationFailed) as refused:
        notices.access_notice_confirm(notice=notice, operator=operator)
    assert refused.value.code == "notice.closed"
    # a new notice may be opened for the website again
    assert _open(record, operator, reason_code="VIOLATION").status == NoticeStatus.OPEN


def test_a_proposal_waits_for_an_operator_before_the_customer_is_told(
    record, operator, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposed = notices.access_notice_propose(
            website_filing=record, reason_code="VERIFICATION_FAILED", source="monitor:risk:7", note="域名已过期。"
        )
    assert proposed.created and proposed.notice.status == NoticeStatus.PROPOSED
    assert proposed.notice.deadline is None and proposed.notice.created_by is None
    assert not Notification.objects.filter(dedupe_key__startswith="access-notice-").exists()
    again = notices.access_notice_propose(
        website_filing=record, reason_code="VERIFICATION_FAILED", source="monitor:risk:8"
    )
    assert not again.created and again.notice.pk == proposed.notice.pk
    with pytest.raises(ValidationFailed) as refused:
        notices.access_notice_confirm(notice=proposed.notice, operator=operator)
    assert refused.value.code == "notice.not_notified"

    with django_capture_on_commit_callbacks(execute=True):
        started = notices.access_notice_start(notice=proposed.notice, operator=operator)
    assert started.status == NoticeStatus.OPEN and started.notified_by == operator
    assert started.deadline == current_calendar().add_working_days(clock.today(), notices.notice_working_days())
    assert Notification.objects.filter(user=applicant, dedupe_key=f"access-notice-{started.pk}-opened").exists()
    assert AuditEvent.objects.filter(action="access_notice.propose", actor_label="monitor:risk:7").exists()


def test_a_pending_notice_is_resolved_when_the_customer_cancels_access_first(
    record, operator, orders, django_capture_on_commit_callbacks
):
    notice = _open(record, operator)
    with django_capture_on_commit_callbacks(execute=True):
        orders.against_record("CANCEL_ACCESS").approved(acknowledge_warnings=True)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.RESOLVED
    assert AuditEvent.objects.filter(action="access_notice.resolve", actor_label="system").exists()


# --- tenants ------------------------------------------------------------------------------------------


def test_a_customer_sees_and_hears_only_about_their_own_notices(
    record, operator, applicant, other_tenant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = _open(record, operator)
    mine = notices.access_notices_for_organisation(applicant.memberships.get().organisation)
    assert [r.pk for r in mine] == [notice.pk]
    assert notices.access_notices_for_organisation(other_tenant.memberships.get().organisation) == []
    assert Notification.objects.filter(user=applicant).exists()
    assert not Notification.objects.filter(user=other_tenant).exists()
    with pytest.raises(PermissionDenied):
        notices.access_notices_overview(user=applicant)
    with pytest.raises(PermissionDenied):
        notices.access_notice_candidates(user=applicant, query=record.filing_number)
