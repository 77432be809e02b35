"""Regulator gateway services: the submission outbox and its worker, SMS verification, case decisions.

Crash safety of a push. The outbox row is claimed with a conditional update (one worker wins);
the adapter is called with the row's idempotency key; the order's transition and the row's
DONE mark are committed in one transaction. A worker that dies anywhere in between leaves the
row IN_FLIGHT with its claim time; after STALE_AFTER another worker retakes it and pushes again
with the same key, and the regulator answers as the first time (same case, no second SMS), so
the order moves exactly once. A push that keeps killing workers is parked after MAX_ATTEMPTS.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed
from beian.filings import numbers, records, states
from beian.filings import services as order_services
from beian.filings.models import Order, SubjectFiling
from beian.reference.models import Province, RejectionReason
from beian.regulator import faults
from beian.regulator.adapters.base import PermanentError, ResendResult, RetryableError, SubmitResult, VerifyResult
from beian.regulator.models import RegulatorCase, Submission, latest_case

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # the 8th failed attempt parks the row for an operator
RETRY_BASE = dt.timedelta(minutes=1)  # backoff after attempt n: 1, 2, 4, 8, 16, 32, 60 minutes
RETRY_CAP = dt.timedelta(hours=1)
STALE_AFTER = dt.timedelta(minutes=10)  # an IN_FLIGHT claim this old belongs to a dead worker
OPEN = (Submission.Status.PENDING, Submission.Status.IN_FLIGHT, Submission.Status.PARKED)


@lru_cache(maxsize=4)
def _adapter_for(name: str):
    if name == "manual":
        # only the configured adapter is loaded; the adapters import this module
        from beian.regulator.adapters.manual import ManualRegulator  # (see above)

        return ManualRegulator()
    from beian.regulator.adapters.sandbox import SandboxRegulator  # the adapters import this module

    return SandboxRegulator()


def adapter():
    return _adapter_for(settings.REGULATOR_ADAPTER)


def retry_delay(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    return min(RETRY_CAP, RETRY_BASE * 2 ** max(0, attempts - 1))


# --- the outbox -------------------------------------------------------------------------------


def submission_enqueue(*, order_pk: int) -> Submission | None:
    """One open outbox row per order waiting in PENDING_SUBMISSION; enqueuing again returns it.

    Safe inside the caller's transaction (the row commits with the order's transition); the
    worker is kicked after commit. Returns None when the order is not waiting to be pushed."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_pk)
        if order.status != states.PENDING_SUBMISSION:
            return None
        existing = order.submissions.filter(status__in=OPEN).first()
        if existing:
            return existing
        now = clock.now()
        key = f"order-{order.pk}-v{order.versions.count()}-p{order.submissions.count() + 1}"
        submission = Submission.objects.create(order=order, idempotency_key=key, next_attempt_at=now, created_at=now)
        transaction.on_commit(_kick_worker)
    return submission


def _kick_worker() -> None:
    from beian.regulator.tasks import process_submissions  # tasks imports this module

    process_submissions.delay()


def submissions_reconcile() -> int:
    """Orders waiting in PENDING_SUBMISSION without an open outbox row (e.g. the process died between
    the reviewer's approval and its after-commit enqueue) get one. Returns how many."""
    orphans = (
        Order.objects.filter(status=states.PENDING_SUBMISSION)
        .exclude(submissions__status__in=OPEN)
        .values_list("pk", flat=True)
    )
    created = sum(1 for pk in orphans if submission_enqueue(order_pk=pk) is not None)
    # parked rows of orders that left the queue (withdrawn) have nothing left to push
    stranded = (
        Submission.objects.filter(status=Submission.Status.PARKED)
        .exclude(order__status=states.PENDING_SUBMISSION)
        .select_related("order")
    )
    for row in stranded:
        Submission.objects.filter(pk=row.pk, status=Submission.Status.PARKED).update(
            status=Submission.Status.CANCELLED,
            finished_at=clock.now(),
            last_error=_("The order left the queue (now %(status)s) while parked: %(error)s")
            % {"status": row.order.status, "error": row.last_error},
        )
    return created


def submission_claim_next(stale_after: dt.timedelta = STALE_AFTER) -> Submission | None:
    """Claim one due row with a conditional update; a crashed worker's claim goes stale and is retaken."""
    now = clock.now()
    due = Q(status=Submission.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Submission.Status.IN_FLIGHT, claimed_at__lt=now - stale_after
    )
    for submission in Submission.objects.filter(due).order_by("next_attempt_at", "pk")[:10]:
        same_row = Submission.objects.filter(
            pk=submission.pk, status=submission.status, claimed_at=submission.claimed_at, attempts=submission.attempts
        )
        stale = submission.status == Submission.Status.IN_FLIGHT
        if stale and submission.attempts >= MAX_ATTEMPTS:
            # the push died with its worker every time: stop feeding it to workers
            error = _("The worker stopped during each of %(n)s attempts.") % {"n": submission.attempts}
            if same_row.update(status=Submission.Status.PARKED, finished_at=now, last_error=error):
                _audit_parked(submission.pk)
            continue
        stale_note: dict[str, str] = {}
        if stale:
            assert submission.claimed_at is not None  # `due` takes an IN_FLIGHT row only by its claimed_at
            stale_note["last_error"] = _(
                "The previous attempt's worker stopped before finishing (claim of %(at)s went stale)."
            ) % {"at": submission.claimed_at.isoformat(timespec="seconds")}
        claimed = same_row.update(
            status=Submission.Status.IN_FLIGHT, claimed_at=now, attempts=F("attempts") + 1, **stale_note
        )
        if claimed:
            submission.refresh_from_db()
            return submission
    return None


def submission_process(submission: Submission) -> None:
    """Push one claimed row. Never raises for the regulator's answers: they land on the row."""
    order = Order.objects.select_related("subject__principal", "website__principal").get(pk=submission.order_id)
    if order.status != states.PENDING_SUBMISSION:
        error = _("The order left the queue (now %(status)s) before it was pushed.") % {"status": order.status}
        _finish_claimed(submission, Submission.Status.CANCELLED, error=error)
        return
    try:
        result = adapter().submit(order, idempotency_key=submission.idempotency_key)
    except PermanentError as exc:
        _finish_claimed(submission, Submission.Status.PARKED, error=str(exc))
        _audit_parked(submission.pk)
        return
    except RetryableError as exc:
        _retry_later(submission, str(exc))
        return
    except Exception as exc:  # a bug or an outage we did not foresee: retried, visible, logged
        logger.exception("regulator push %s failed", submission.idempotency_key)
        _retry_later(submission, f"{type(exc).__name__}: {exc}")
        return
    _record_accepted(submission, result)


def _record_accepted(submission: Submission, result: SubmitResult) -> None:
    """The regulator holds the case: move the order and mark the row done, in one transaction."""
    with transaction.atomic():
        row = Submission.objects.select_for_update().get(pk=submission.pk)
        if row.status == Submission.Status.DONE:
            return  # a worker that retook our stale claim already recorded it
        order = Order.objects.select_for_update().get(pk=row.order_id)
        note = ""
        if order.status == states.PENDING_SUBMISSION:
            target = states.SMS_VERIFICATION if result.sms_roles else states.REGULATOR_REVIEW
            data = {
                "regulator_reference": result.reference,
                "sms_roles": list(result.sms_roles),
                "idempotency_key": row.idempotency_key,
                "replayed": result.replayed,
            }
            case = latest_case(order) if result.sms_roles else None
            if case is not None and case.sms_deadline:
                # published with the transition, so notifications need not read the regulator's case
                data["sms_deadline"] = case.sms_deadline.isoformat()
            order_services.order_transition(
                order=order, to=target, actor_label=f"regulator-{adapter().name}", data=data
            )
        else:
            note = _("The regulator accepted the push while the order was %(status)s.") % {"status": order.status}
        row.status = Submission.Status.DONE
        row.regulator_reference = result.reference
        row.finished_at = clock.now()
        row.last_error = note or row.last_error  # keep what happened on the way (e.g. a worker that died)
        row.save(update_fields=["status", "regulator_reference", "finished_at", "last_error"])
        faults.pause("before_commit")


def _finish_claimed(submission: Submission, status: str, *, error: str) -> None:
    Submission.objects.filter(
        pk=submission.pk, status=Submission.Status.IN_FLIGHT, claimed_at=submission.claimed_at
    ).update(status=status, last_error=error[:4000], finished_at=clock.now())


def _retry_later(submission: Submission, error: str) -> None:
    if submission.attempts >= MAX_ATTEMPTS:
        _finish_claimed(
            submission,
            Submission.Status.PARKED,
            error=_("Gave up after %(n)s attempts: %(error)s") % {"n": submission.attempts, "error": error},
        )
        _audit_parked(submission.pk)
        return
    Submission.objects.filter(
        pk=submission.pk, status=Submission.Status.IN_FLIGHT, claimed_at=submission.claimed_at
    ).update(
        status=Submission.Status.PENDING,
        last_error=error[:4000],
        next_attempt_at=clock.now() + retry_delay(submission.attempts),
    )


def _audit_parked(submission_pk: int) -> None:
    row = Submission.objects.select_related("order").get(pk=submission_pk)
    if row.status == Submission.Status.PARKED:
        audit.record(
            action="regulator.submission_parked",
            target=row,
            organisation_id=row.order.organisation_id,
            actor_label="regulator-worker",
            data={"attempts": row.attempts, "error": row.last_error},
        )


def submissions_process_due(limit: int = 50, *, stale_after: dt.timedelta = STALE_AFTER) -> int:
    done = 0
    while done < limit:
        submission = submission_claim_next(stale_after)
        if submission is None:
            break
        submission_process(submission)
        done += 1
    return done


def submission_retry(*, submission: Submission, actor) -> Submission:
    """Operator: push a parked row again now, with a fresh attempt budget (audited)."""
    with transaction.atomic():
        row = Submission.objects.select_for_update().select_related("order").get(pk=submission.pk)
        if row.status != Submission.Status.PARKED:
            raise ValidationFailed(_("Only a parked submission can be retried."), code="submission.not_parked")
        if row.order.status != states.PENDING_SUBMISSION:
            raise ValidationFailed(
                _("The order is no longer waiting to be pushed to the regulator."), code="submission.order_moved"
            )
        before = {"attempts": row.attempts, "error": row.last_error}
        row.status, row.attempts, row.next_attempt_at = Submission.Status.PENDING, 0, clock.now()
        row.last_error, row.finished_at = "", None
        row.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "finished_at"])
        audit.record(
            action="regulator.submission_retry",
            target=row,
            organisation_id=row.order.organisation_id,
            actor=actor,
            data=before,
        )
        order_services.order_add_event(
            order=row.order,
            event="regulator_push_retry",
            actor=actor,
            reason=str(before["error"]),  # last_error is a CharField
            visible_to_applicant=False,
        )
        transaction.on_commit(_kick_worker)
    return row


def order_push_again(*, order: Order, actor) -> Submission:
    """Operator: after MIIT returned the order for an unfinished SMS verification, push it again
    unchanged (new SMS). The outbox row commits with the transition."""
    with transaction.atomic():
        order_services.order_transition(
            order=order,
            to=states.PENDING_SUBMISSION,
            actor=actor,
            reason=gettext_noop("Pushed to the regulator again after the SMS verification lapsed"),
        )
        submission = submission_enqueue(order_pk=order.pk)
    assert submission is not None  # the transition above left the order in PENDING_SUBMISSION
    return submission


# --- SMS verification -------------------------------------------------------------------------


def sms_verify(*, order: Order, mobile: str, code: str, certificate_tail: str) -> VerifyResult:
    if order.status != states.SMS_VERIFICATION:
        raise ValidationFailed(_("No SMS verification is pending for this order."), code="sms.not_pending")
    with transaction.atomic():
        result = adapter().verify_sms(
            order, mobile=mobile.strip(), code=code.strip(), certificate_tail=certificate_tail.strip()
        )
        if result.all_verified:
            order_services.order_transition(
                order=order,
                to=states.REGULATOR_REVIEW,
                actor_label=f"regulator-{adapter().name}",
                reason=gettext_noop("All principals verified by SMS"),
            )
        elif result.returned:
            case_returned(latest_case(order))
    return result


def sms_resend(*, order: Order, role: str = "", mobile: str = "", actor=None) -> ResendResult:
    """A new MIIT code to a principal (by role, or by mobile); the sandbox limits how many and how often. Audited."""
    if order.status != states.SMS_VERIFICATION:
        raise ValidationFailed(_("No SMS verification is pending for this order."), code="sms.not_pending")
    if not (role or mobile.strip()):
        raise ValidationFailed(_("Choose the principal who should receive the code again."), code="sms.resend_whom")
    result = adapter().resend_sms(order, role=role, mobile=mobile.strip())
    audit.record(
        action="regulator.sms_resend",
        target=order,
        actor=actor,
        data={"role": role, "ok": result.ok, "sent": result.sent, "message": result.message_en},
    )
    return result


def case_returned(case: RegulatorCase | None) -> None:
    if case is None:
        return
    order = case.order
    if order.status == states.SMS_VERIFICATION:
        order_services.order_transition(
            order=order,
            to=states.RETURNED_SMS_TIMEOUT,
            actor_label=f"regulator-{case.adapter}",
            reason=gettext_noop("SMS verification was not completed in time"),
            data={"reason_code": "SMS_VERIFY_TIMEOUT", "regulator_reference": case.reference},
        )


# --- decisions --------------------------------------------------------------------------------


def case_decide(
    case: RegulatorCase,
    *,
    approve: bool,
    decided_by: str,
    reason_code: str = "",
    note: str = "",
    subject_number: str = "",
    actor=None,
    evidence=None,
) -> RegulatorCase:
    """Record the regulator's decision on a case in review and move the order (numbers on approval,
    a catalogue reason on rejection). A case is decided once."""
    with transaction.atomic():
        locked = RegulatorCase.objects.select_for_update().get(pk=case.pk)
        if locked.stage != RegulatorCase.Stage.REVIEW:
            raise ValidationFailed(_("That case is not waiting for a decision."), code="case.not_in_review")
        order = Order.objects.select_related("subject", "website", "subject_filing").get(pk=locked.order_id)
        if order.status != states.REGULATOR_REVIEW:
            raise ValidationFailed(_("The order is not in regulator review."), code="case.order_not_in_review")
        if not approve and not RejectionReason.objects.filter(code=reason_code).exists():
            raise ValidationFailed(
                _("Choose a reason from the catalogue."), code="case.reason_unknown", field="reason_code"
            )
        website_sequence = None
        if approve and subject_number:
            subject_number, website_sequence = _recorded_number(order, subject_number)
        if evidence is not None:
            locked.evidence.save(f"regulator/{locked.reference}-{evidence.name}", evidence, save=False)
        locked.stage = RegulatorCase.Stage.APPROVED if approve else RegulatorCase.Stage.REJECTED
        locked.decision_reason_code = "" if approve else reason_code
        locked.decision_note = note
        locked.decided_by = decided_by
        locked.decided_at = clock.now()
        locked.save(
            update_fields=["stage", "decision_reason_code", "decision_note", "decided_by", "decided_at", "evidence"]
        )
        if approve:
            order_services.order_record_regulator_approval(
                order=order,
                actor_label=decided_by,
                actor=actor,
                subject_number=subject_number,
                website_sequence=website_sequence,
            )
        else:
            order_services.order_record_regulator_rejection(
                order=order, actor_label=decided_by, actor=actor, reason_code=reason_code, note=note
            )
        audit.record(
            action="regulator.case_decided",
            target=locked,
            organisation_id=order.organisation_id,
            actor=actor,
            actor_label=decided_by,
            data={
                "approve": approve,
                "reason_code": reason_code,
                "note": note,
                "subject_number": order.subject.filing_number or "",
                "evidence": locked.evidence.name or "",
            },
        )
    for name in ("stage", "decision_reason_code", "decision_note", "decided_by", "decided_at", "evidence"):
        setattr(case, name, getattr(locked, name))
    return case


def _recorded_number(order: Order, typed: str) -> tuple[str, int | None]:
    """Check a number typed from the regulator's decision. Returns (subject number, website
    sequence or None); the records reserve the sequence when they apply the approval."""
    typed = typed.strip()
    province = Province.objects.get(code=order.subject.province)
    error = numbers.recorded_number_error(typed, province=province.code, icp_abbr=province.icp_abbr)
    if error:
        raise ValidationFailed(error, code="case.number_invalid", field="subject_number")
    subject_number, sequence = numbers.split_recorded_number(typed)
    record = order.subject_filing
    filed = record.filing_number if record is not None else order.subject.filing_number
    if filed and filed != subject_number:
        raise ValidationFailed(
            _("This subject is already filed as %(number)s.") % {"number": filed},
            code="case.number_mismatch",
            field="subject_number",
        )
    if not filed and SubjectFiling.objects.filter(filing_number=subject_number).exists():
        raise ValidationFailed(
            _("Another subject already has the number %(number)s.") % {"number": subject_number},
            code="case.number_taken",
            field="subject_number",
        )
    if sequence is not None and record is not None and sequence <= record.website_sequence:
        raise ValidationFailed(
            _("Website number -%(n)s was already issued under this subject.") % {"n": sequence},
            code="number.sequence_used",
            field="subject_number",
        )
    return subject_number, sequence


def case_record_manual_decision(
    *,
    case: RegulatorCase,
    actor,
    approve: bool,
    subject_number: str = "",
    reason_code: str = "",
    note: str = "",
    evidence=None,
) -> RegulatorCase:
    """Manual bridge: an operator records what the real regulator decided, with evidence (a screenshot
    or the notice). Approval needs the number MIIT issued unless the subject already has one."""
    if case.adapter != "manual":
        raise ValidationFailed(_("Only manual-bridge cases are decided by hand."), code="case.not_manual")
    if evidence is None:
        raise ValidationFailed(
            _("Attach the regulator's notice or a screenshot as evidence."),
            code="case.evidence_missing",
            field="evidence",
        )
    kind = case.order.filing_type
    if approve and subject_number.strip() and not records.issues_numbers(kind):
        raise ValidationFailed(
            _("%(type)s: the regulator issues no new filing number. Leave the number empty.")
            % {"type": case.order.filing_type_label},
            code="case.number_not_issued",
            field="subject_number",
        )
    if approve and not subject_number.strip() and not case.order.subject.filing_number and records.issues_numbers(kind):
        raise ValidationFailed(
            _("Enter the filing number the regulator issued."), code="case.number_missing", field="subject_number"
        )
    if not approve and not note.strip():
        raise ValidationFailed(_("Copy the regulator's opinion into the note."), code="case.note_missing", field="note")
    return case_decide(
        case,
        approve=approve,
        decided_by=actor.get_username(),
        actor=actor,
        subject_number=subject_number,
        reason_code=reason_code,
        note=note.strip(),
        evidence=evidence,
    )


def regulator_progress() -> int:
    """Periodic job: make sure every waiting order has an outbox row, push due rows, let the adapter move its cases."""
    return submissions_reconcile() + submissions_process_due() + adapter().progress()
