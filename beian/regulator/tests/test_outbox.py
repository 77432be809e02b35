"""The submission outbox: backoff, attempt limit, parking with a visible reason, the operator's
audited "retry now", stale claims, reconciliation and cancellation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from beian.core import clock
from beian.core.exceptions import ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import services as order_services
from beian.filings import states
from beian.regulator import services
from beian.regulator.adapters.base import PermanentError, RetryableError
from beian.regulator.adapters.sandbox import SandboxRegulator
from beian.regulator.models import RegulatorCase, Submission


class Flaky:
    """Patches the sandbox's submit to fail with `error` while `failing` is true."""

    def __init__(self, monkeypatch, error: Exception):
        self.error, self.failing, self.calls = error, True, 0
        real = SandboxRegulator.submit

        def submit(adapter, order, *, idempotency_key):
            self.calls += 1
            if self.failing:
                raise self.error
            return real(adapter, order, idempotency_key=idempotency_key)

        monkeypatch.setattr(SandboxRegulator, "submit", submit)


def test_backoff_doubles_from_one_minute_up_to_an_hour():
    minutes = [services.retry_delay(n) / dt.timedelta(minutes=1) for n in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert services.MAX_ATTEMPTS == 8


def test_retryable_errors_back_off_then_park_and_the_operator_retries(awaiting_push, monkeypatch, operator):
    order, submission = awaiting_push()
    flaky = Flaky(monkeypatch, RetryableError("MIIT gateway timed out"))
    for attempt in range(1, services.MAX_ATTEMPTS):
        assert services.submissions_process_due() == 1
        submission.refresh_from_db()
        assert (submission.status, submission.attempts) == (Submission.Status.PENDING, attempt)
        assert submission.last_error == "MIIT gateway timed out"
        wait = submission.next_attempt_at - clock.now()
        assert services.retry_delay(attempt) - dt.timedelta(seconds=5) < wait <= services.retry_delay(attempt)
        assert services.submissions_process_due() == 0  # not due before its time
        clock.advance(hours=(wait + dt.timedelta(seconds=1)) / dt.timedelta(hours=1))
    assert services.submissions_process_due() == 1  # the 8th attempt fails too
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PARKED
    assert submission.last_error == "Gave up after 8 attempts: MIIT gateway timed out"
    assert flaky.calls == services.MAX_ATTEMPTS
    assert AuditEvent.objects.filter(action="regulator.submission_parked", target_id=str(submission.pk)).exists()
    clock.advance(days=1)
    assert services.submissions_process_due() == 0  # parked rows wait for an operator

    client = Client()
    client.force_login(operator)
    page = client.get(reverse("operator:console")).content.decode()
    assert "Gave up after 8 attempts: MIIT gateway timed out" in page
    assert reverse("operator:submission_retry", args=[submission.pk]) in page

    flaky.failing = False
    response = client.post(reverse("operator:submission_retry", args=[submission.pk]))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.attempts, submission.last_error) == (Submission.Status.PENDING, 0, "")
    event = AuditEvent.objects.get(action="regulator.submission_retry", target_id=str(submission.pk))
    assert event.actor == operator
    assert event.data == {"attempts": 8, "error": "Gave up after 8 attempts: MIIT gateway timed out"}
    assert order.events.filter(event="regulator_push_retry", actor=operator, visible_to_applicant=False).exists()

    assert services.submissions_process_due() == 1
    order.refresh_from_db()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DONE and order.status == states.SMS_VERIFICATION


def test_permanent_error_parks_at_once_with_the_regulators_reason(awaiting_push, operator):
    order, submission = awaiting_push()
    principal = order.subject.principal
    principal.mobile = ""  # the regulator refuses a push it cannot text
    principal.save()
    assert services.submissions_process_due() == 1
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (Submission.Status.PARKED, 1)
    assert "subject principal has no mobile number" in submission.last_error
    assert not RegulatorCase.objects.filter(order=order).exists()
    order.refresh_from_db()
    assert order.status == states.PENDING_SUBMISSION


def test_an_unexpected_exception_is_retried_and_visible(awaiting_push, monkeypatch):
    _order, submission = awaiting_push()
    Flaky(monkeypatch, KeyError("province"))
    assert services.submissions_process_due() == 1
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING and submission.last_error == "KeyError: 'province'"


def test_retry_now_only_for_parked_rows_and_only_for_operators(awaiting_push, monkeypatch, operator, reviewer):
    _order, submission = awaiting_push()
    with pytest.raises(ValidationFailed):
        services.submission_retry(submission=submission, actor=operator)
    Flaky(monkeypatch, PermanentError("rejected by MIIT: duplicate domain"))
    services.submissions_process_due()
    client = Client()
    client.force_login(reviewer)
    assert client.post(reverse("operator:submission_retry", args=[submission.pk])).status_code == 403
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PARKED
    assert not AuditEvent.objects.filter(action="regulator.submission_retry").exists()


def test_a_dead_workers_claim_is_retaken_only_when_stale(awaiting_push):
    order, submission = awaiting_push()
    claimed = services.submission_claim_next()  # a worker claims the row ... and dies
    assert claimed.pk == submission.pk and claimed.attempts == 1
    assert services.submission_claim_next() is None  # a live claim is respected
    clock.advance(hours=(services.STALE_AFTER + dt.timedelta(minutes=1)) / dt.timedelta(hours=1))
    retaken = services.submission_claim_next()
    assert retaken.pk == submission.pk and retaken.attempts == 2
    assert "worker stopped before finishing" in retaken.last_error
    services.submission_process(retaken)
    order.refresh_from_db()
    assert order.status == states.SMS_VERIFICATION


def test_a_push_that_kills_every_worker_is_parked(awaiting_push):
    _order, submission = awaiting_push()
    Submission.objects.filter(pk=submission.pk).update(
        status=Submission.Status.IN_FLIGHT, claimed_at=clock.now(), attempts=services.MAX_ATTEMPTS
    )
    clock.advance(hours=1)
    assert services.submission_claim_next() is None
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PARKED
    assert submission.last_error == "The worker stopped during each of 8 attempts."


def test_enqueue_is_idempotent_and_an_orphaned_order_is_reconciled(submitted, reviewer):
    order = submitted()
    order_services.order_review_approve(order=order, reviewer=reviewer)  # its after-commit enqueue never ran
    assert not order.submissions.exists()
    assert services.regulator_progress() >= 2  # one row created, one pushed
    order.refresh_from_db()
    [submission] = order.submissions.all()
    assert submission.status == Submission.Status.DONE and order.status == states.SMS_VERIFICATION
    assert services.submission_enqueue(order_pk=order.pk) is None  # not waiting to be pushed any more


def test_enqueue_twice_gives_the_same_row(awaiting_push):
    order, submission = awaiting_push()
    assert services.submission_enqueue(order_pk=order.pk) == submission
    assert order.submissions.count() == 1


def test_an_order_withdrawn_before_the_push_is_not_pushed(awaiting_push, applicant):
    order, submission = awaiting_push()
    order_services.order_withdraw(order=order, user=applicant)
    assert services.submissions_process_due() == 1
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CANCELLED and "DRAFT" in submission.last_error
    assert not RegulatorCase.objects.filter(order=order).exists()


def test_a_parked_row_of_a_withdrawn_order_is_cancelled(awaiting_push, monkeypatch, applicant):
    order, submission = awaiting_push()
    Flaky(monkeypatch, PermanentError("MIIT refused the push"))
    services.submissions_process_due()
    order_services.order_withdraw(order=order, user=applicant)
    services.regulator_progress()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CANCELLED
    assert submission.last_error == "The order left the queue (now DRAFT) while parked: MIIT refused the push"
