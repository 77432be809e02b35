"""Infrastructure tables only (no domain models): the business clock offset and the audit log."""

from django.conf import settings
from django.db import models


class ClockOffset(models.Model):
    """A single row: how far business time is moved ahead of wall time (sandbox/demo/tests)."""

    seconds = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)


class AuditEvent(models.Model):
    """Append-only record of every state change, PII view and reference-data edit."""

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=150, blank=True)  # "system", "regulator-sandbox", username
    organisation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=80, db_index=True)  # e.g. order.transition, pii.view
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("_allow_update", False):
            raise ValueError("Audit events are append-only")
        super().save(*args, **kwargs)
