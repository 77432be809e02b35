from django.conf import settings
from django.db import models

from beian.core.crypto import EncryptedCharField


class Notification(models.Model):
    """In-app notification centre entry. (user, dedupe_key) makes every event notify once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    order = models.ForeignKey("filings.Order", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    dedupe_key = models.CharField(max_length=120)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "dedupe_key"], name="uniq_notification")]


class SmsMessage(models.Model):
    """SMS outbox. The demo shows it on a console page; tests read it from the database."""

    mobile = EncryptedCharField(max_length=32)
    mobile_index = models.CharField(max_length=64, db_index=True)
    body = models.TextField()
    purpose = models.CharField(max_length=40)
    order = models.ForeignKey("filings.Order", null=True, blank=True, on_delete=models.CASCADE, related_name="sms_messages")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
