"""The regulator gateway: an outbox of submissions, and the regulator's cases as we know them
(kept by the sandbox, or recorded by operators through the manual bridge)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Submission(models.Model):
    """Outbox row: one push of an order to the regulator. Claimed by a worker with a conditional update;
    the idempotency key travels with every attempt, so a retried push never makes a second case."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be pushed")
        IN_FLIGHT = "in_flight", _("Being pushed")
        DONE = "done", _("Accepted by the regulator")
        PARKED = "parked", _("Parked: needs an operator")
        CANCELLED = "cancelled", _("Cancelled: the order left the queue")

    order = models.ForeignKey("filings.Order", on_delete=models.CASCADE, related_name="submissions")
    idempotency_key = models.CharField(max_length=80, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    regulator_reference = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.idempotency_key


class RegulatorCase(models.Model):
    """The regulator's view of one submission (what MIIT would hold)."""

    class Stage(models.TextChoices):
        SMS = "sms", _("SMS verification")
        REVIEW = "review", _("Regulator review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        RETURNED = "returned", _("Returned (SMS)")

    reference = models.CharField(max_length=80, unique=True)
    idempotency_key = models.CharField(max_length=80, unique=True)
    order = models.ForeignKey("filings.Order", on_delete=models.CASCADE, related_name="regulator_cases")
    adapter = models.CharField(max_length=20, default="sandbox")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    province = models.CharField(max_length=2)
    received_at = models.DateTimeField()
    sms_deadline = models.DateTimeField(null=True, blank=True)
    review_started_at = models.DateTimeField(null=True, blank=True)
    review_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    decide_on = models.DateField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason_code = models.CharField(max_length=60, blank=True)
    decision_note = models.TextField(blank=True)
    evidence = models.FileField(blank=True, max_length=300)
    decided_by = models.CharField(max_length=150, blank=True)
    # What a change or cancellation asked the regulator, as pushed (filings.changes.record_summary):
    # the changed field paths, the domains added and removed, the reason code; never values or PII.
    summary = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return self.reference


def latest_case(order, *, lock: bool = False) -> RegulatorCase | None:
    """The order's most recent regulator case (locked for update if asked), or None."""
    cases = RegulatorCase.objects.filter(order=order).order_by("-received_at", "-pk")
    return (cases.select_for_update() if lock else cases).first()


class SmsChallenge(models.Model):
    """One MIIT verification SMS to one principal (never to an emergency phone)."""

    case = models.ForeignKey(RegulatorCase, on_delete=models.CASCADE, related_name="challenges")
    role = models.CharField(max_length=30)  # subject_principal | website_principal
    mobile_index = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    certificate_tail_hash = models.CharField(max_length=64)
    sent_at = models.DateTimeField()
    resend_count = models.PositiveSmallIntegerField(default=0)
    wrong_attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(null=True, blank=True)
