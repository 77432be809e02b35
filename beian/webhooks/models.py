"""Webhooks to the partner platforms: their endpoints and signing secrets, the events (an outbox,
written in the transaction of the change that caused them) and one delivery per event and
endpoint with its attempts.

Payloads hold ids, statuses, filing numbers, field paths and domains, never PII (no names, ID
numbers or mobiles). A secret is kept encrypted (the key signs every delivery) and shown once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.crypto import EncryptedCharField


class WebhookEndpoint(models.Model):
    """A URL of a partner platform that receives its events, signed with the endpoint's secrets."""

    platform = models.ForeignKey("accounts.Platform", on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(_("URL"), max_length=500)
    description = models.CharField(_("description"), max_length=200, blank=True)
    # the event types it receives (webhooks.events.SUBSCRIBABLE); empty: all of them
    event_types = models.JSONField(_("event types"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # the last attempt to it failed (cleared by a success): a delivery kicked after a commit skips
    # it, so a slow or absent receiver never holds up the request that caused an event
    failing_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("webhook endpoint")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url

    def wants(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types


class EndpointSecret(models.Model):
    """A signing secret (`whsec_` + base64, as Standard Webhooks has it). Rotating adds a new one and
    gives the others an expiry a grace period away: until then every delivery carries a signature
    by each (`webhook-signature: v1,<new> v1,<old>`), so the receiver can switch at its pace."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="secrets")
    secret = EncryptedCharField(max_length=100)
    prefix = models.CharField(max_length=12)  # "whsec_AbCd": which one it is, on screen
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class WebhookEvent(models.Model):
    """Something the platform acts on, for one platform: the outbox row. `public_id` (`msg_…`) is
    the `webhook-id` every attempt of every delivery carries, for receivers to drop repeats.
    `source` names the row it came from (an order's timeline event, a record event, a risk, a
    gate decision): one webhook event per source and type, however often the receiver runs."""

    public_id = models.CharField(max_length=40, unique=True)
    type = models.CharField(max_length=60, db_index=True)
    platform = models.ForeignKey("accounts.Platform", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    ordering_key = models.CharField(max_length=300)  # order:<id>, record:<id>, domain:<domain>, test:<id>
    source = models.CharField(max_length=120, null=True, blank=True, unique=True)
    payload = models.JSONField()  # {"type", "timestamp", "data"} as sent
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["ordering_key", "type"], name="webhookevent_key")]

    def __str__(self) -> str:
        return self.public_id


class DeliveryStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for an earlier event")
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    FAILED = "failed", _("Failed, will retry")
    SUCCEEDED = "succeeded", _("Delivered")
    DEAD = "dead", _("Gave up")


class WebhookDelivery(models.Model):
    """One event to one endpoint. Waiting behind an earlier delivery of its ordering key (see
    beian.webhooks.schedule), pending, being sent (claimed by a worker; a claim left by a worker
    that died goes stale and is retaken), failed (retried after the backoff), delivered, or dead
    (after the last retry; a replay queues it again)."""

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    ordering_key = models.CharField(max_length=300)  # the event's: the ordering reads one table
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.WAITING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_response = models.TextField(blank=True)  # the start of the receiver's answer
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    succeeded_at = models.DateTimeField(null=True, blank=True)  # the first success: never cleared

    class Meta:
        ordering = ["-pk"]
        constraints = [models.UniqueConstraint(fields=["event", "endpoint"], name="uniq_webhook_delivery")]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhookdelivery_due"),
            models.Index(fields=["endpoint", "ordering_key", "event"], name="webhookdelivery_order"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} -> {self.endpoint_id}"


class DeliveryAttempt(models.Model):
    """One HTTP POST of a delivery (or why it could not be made), for the delivery log."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.TextField(blank=True)
    error = models.TextField(blank=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
