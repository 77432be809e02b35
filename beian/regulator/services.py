"""Regulator gateway services: outbox enqueue and worker, SMS verification, case decisions."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from beian.core import clock
from beian.core.exceptions import ValidationFailed
from beian.filings import services as order_services
from beian.filings import states
from beian.filings.models import Order
from beian.regulator.adapters.base import PermanentError, RetryableError
from beian.regulator.models import RegulatorCase, Submission

MAX_ATTEMPTS = 8


@lru_cache(maxsize=4)
def _adapter_for(name: str):
    if name == "manual":
        from beian.regulator.adapters.manual import ManualRegulator

        return ManualRegulator()
    from beian.regulator.adapters.sandbox import SandboxRegulator

    return SandboxRegulator()


def adapter():
    return _adapter_for(settings.REGULATOR_ADAPTER)


def submission_enqueue(*, order_pk: int) -> Submission:
    """One outbox row per submitted version; enqueuing twice is harmless."""
    order = Order.objects.get(pk=order_pk)
    version = order.versions.count()
    attempt_no = order.submissions.count() + 1 if order.status == states.PENDING_SUBMISSION else 1
    key = f"order-{order.pk}-v{version}-p{attempt_no}"
    existing = order.submissions.filter(status__in=[Submission.Status.PENDING, Submission.Status.IN_FLIGHT]).first()
    if existing:
        return existing
    now = clock.now()
    submission, _created = Submission.objects.get_or_create(
        idempotency_key=key, defaults={"order": order, "next_attempt_at": now, "created_at": now})
    transaction.on_commit(_kick_worker)
    return submission


def _kick_worker() -> None:
    from beian.regulator.tasks import process_submissions

    process_submissions.delay()


def submission_claim_next(stale_after: dt.timedelta = dt.timedelta(minutes=10)) -> Submission | None:
    """Claim one due row with a conditional update; a crashed worker's claim goes stale and is retaken."""
    now = clock.now()
    candidates = Submission.objects.filter(status=Submission.Status.PENDING, next_attempt_at__lte=now) | \
        Submission.objects.filter(status=Submission.Status.IN_FLIGHT, claimed_at__lt=now - stale_after)
    for submission in candidates.order_by("next_attempt_at", "pk")[:10]:
        claimed = (Submission.objects.filter(pk=submission.pk, status=submission.status, claimed_at=submission.claimed_at)
                   .update(status=Submission.Status.IN_FLIGHT, claimed_at=now, attempts=submission.attempts + 1))
        if claimed:
            submission.refresh_from_db()
            return submission
    return None


def submission_process(submission: Submission) -> None:
    order = submission.order
    try:
        result = adapter().submit(order, idempotency_key=submission.idempotency_key)
    except RetryableError as exc:
        backoff = dt.timedelta(seconds=min(3600, 30 * 2 ** submission.attempts))
        final = submission.attempts >= MAX_ATTEMPTS
        submission.status = Submission.Status.PARKED if final else Submission.Status.PENDING
        submission.next_attempt_at = clock.now() + backoff
        submission.last_error = str(exc)
        submission.save(update_fields=["status", "next_attempt_at", "last_error"])
        return
    except PermanentError as exc:
        submission.status = Submission.Status.PARKED
        submission.last_error = str(exc)
        submission.save(update_fields=["status", "last_error"])
        return
    with transaction.atomic():
        order.refresh_from_db()
        if order.status == states.PENDING_SUBMISSION:
            target = states.SMS_VERIFICATION if result.sms_roles else states.REGULATOR_REVIEW
            order_services.order_transition(order=order, to=target, actor_label=f"regulator-{adapter().name}",
                                            data={"regulator_reference": result.reference,
                                                  "sms_roles": list(result.sms_roles)})
        submission.status = Submission.Status.DONE
        submission.regulator_reference = result.reference
        submission.save(update_fields=["status", "regulator_reference"])


def submissions_process_due(limit: int = 50) -> int:
    done = 0
    while done < limit:
        submission = submission_claim_next()
        if submission is None:
            break
        submission_process(submission)
        done += 1
    return done


def sms_verify(*, order: Order, mobile: str, code: str, certificate_tail: str):
    if order.status != states.SMS_VERIFICATION:
        raise ValidationFailed(_("No SMS verification is pending for this order."), code="sms.not_pending")
    result = adapter().verify_sms(order, mobile=mobile.strip(), code=code.strip(), certificate_tail=certificate_tail.strip())
    if result.all_verified:
        order_services.order_transition(order=order, to=states.REGULATOR_REVIEW, actor_label=f"regulator-{adapter().name}",
                                        reason=_("All principals verified by SMS"))
    elif result.returned:
        case_returned(RegulatorCase.objects.filter(order=order).order_by("-received_at").first())
    return result


def case_returned(case: RegulatorCase) -> None:
    order = case.order
    if order.status == states.SMS_VERIFICATION:
        order_services.order_transition(order=order, to=states.RETURNED_SMS_TIMEOUT, actor_label=f"regulator-{case.adapter}",
                                        reason=_("SMS verification was not completed in time"),
                                        data={"reason_code": "SMS_VERIFY_TIMEOUT"})


def case_decide(case: RegulatorCase, *, approve: bool, decided_by: str, reason_code: str = "", note: str = "",
                subject_number: str = "", actor=None) -> None:
    with transaction.atomic():
        case.stage = RegulatorCase.Stage.APPROVED if approve else RegulatorCase.Stage.REJECTED
        case.decision_reason_code = reason_code
        case.decision_note = note
        case.decided_by = decided_by
        case.save(update_fields=["stage", "decision_reason_code", "decision_note", "decided_by"])
        order = case.order
        if approve:
            order_services.order_record_regulator_approval(order=order, actor_label=decided_by, actor=actor,
                                                           subject_number=subject_number)
        else:
            order_services.order_record_regulator_rejection(order=order, actor_label=decided_by, actor=actor,
                                                            reason_code=reason_code, note=note)


def regulator_progress() -> int:
    """Periodic job: push due submissions, then let the regulator adapter move its cases."""
    return submissions_process_due() + adapter().progress()
