from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beian.core.crypto import EncryptedCharField
from beian.core.masking import mask_mobile
from beian.integrations.sms.base import Failure


class Kind(models.TextChoices):
    """What a notification is about; users switch channels on and off per kind."""

    RETURNED = "returned", _("Returned or rejected in provider review")
    SMS_VERIFICATION = "sms_verification", _("MIIT SMS verification")
    REGULATOR_REJECTED = "regulator_rejected", _("Rejected by the regulator")
    APPROVED = "approved", _("Filing approved")
    REMINDER = "reminder", _("Reminders about filings waiting for you")
    EXPIRED = "expired", _("Filings that expired")
    SUPPORT = "support", _("Messages from customer service")


# Kinds never sent by SMS (beian.notifications.services.notify_users): their SMS switch is not offered.
IN_APP_AND_EMAIL_ONLY = frozenset({Kind.SUPPORT})


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In the app")
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")


class Notification(models.Model):
    """In-app notification centre entry. (user, dedupe_key) makes every event notify once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    order = models.ForeignKey(
        "filings.Order", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, blank=True)
    dedupe_key = models.CharField(_("dedupe key"), max_length=120)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "dedupe_key"], name="uniq_notification")]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """A user's channels for one kind. No row: every channel is on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    in_app = models.BooleanField(_("in app"), default=True)
    email = models.BooleanField(_("email"), default=True)
    sms = models.BooleanField(_("SMS"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="uniq_notification_preference")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()}"

    def channels(self) -> set[str]:
        return {channel for channel in Channel.values if getattr(self, channel)}


class Delivery(models.Model):
    """One row per (event, channel, recipient), created before sending: nothing goes out twice,
    whether a job runs twice or a transition's callback is replayed."""

    dedupe_key = models.CharField(_("dedupe key"), max_length=120)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=80)  # "user:<pk>" or the mobile's blind index
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["dedupe_key", "channel", "recipient"], name="uniq_delivery")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.dedupe_key}"


class SmsStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("sms status", "Queued")  # waiting for its (next) attempt
    SENDING = "sending", pgettext_lazy("sms status", "Sending")
    SENT = "sent", pgettext_lazy("sms status", "Sent")
    FAILED = "failed", pgettext_lazy("sms status", "Failed")  # refused for good, or every retry used up


# What the operator reads for each kind of gateway failure (beian.integrations.sms.base.Failure).
SMS_FAILURE_REASONS: dict[str, object] = {
    Failure.RATE_LIMITED: _("The SMS service limits how often this number may be texted; tried again later."),
    Failure.BALANCE: _("The SMS account or package has no balance left; top it up."),
    Failure.UNAVAILABLE: _("The SMS service could not be reached or failed; tried again later."),
    Failure.TEMPLATE: _(
        "The SMS service refused the template or its values; check the template in the reference setting sms_templates."
    ),
    Failure.SIGNATURE: _("The SMS service refused the signature; check the approved signature name in sms_templates."),
    Failure.MOBILE: _("The mobile number is invalid, unreachable or blocked by the SMS service."),
    Failure.CONTENT: _("The SMS service refused words or a link in the message."),
    Failure.CONFIGURATION: _(
        "The SMS gateway is not set up: credentials, permissions, app id, signature or the template of this message."
    ),
}


class SmsMessage(models.Model):
    """SMS outbox: the record of every SMS, whichever gateway sends it. Written in the business
    transaction (queued); sent after the commit by beian.notifications.sms (a Celery task, in-process
    by default), retried on its schedule. The operator console shows it; tests read it."""

    mobile = EncryptedCharField(max_length=32)
    mobile_index = models.CharField(max_length=64, db_index=True)
    body = models.TextField()  # the text as the sandbox shows it; a real gateway sends its template
    purpose = models.CharField(max_length=40)
    # the template's values (role, name, website, code, deadline, reference, link): a real gateway
    # fills the purpose's registered template with those its reference setting names
    params = models.JSONField(default=dict, blank=True)
    order = models.ForeignKey(
        "filings.Order", null=True, blank=True, on_delete=models.CASCADE, related_name="sms_messages"
    )
    created_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=SmsStatus.choices, default=SmsStatus.QUEUED, db_index=True)
    gateway = models.CharField(max_length=20, blank=True)  # the gateway of the last attempt
    gateway_message_id = models.CharField(max_length=100, blank=True)  # Aliyun BizId / Tencent SerialNo
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error_kind = models.CharField(max_length=20, blank=True)  # beian.integrations.sms.base.Failure
    error_code = models.CharField(max_length=100, blank=True)  # the provider's code (isv.…, LimitExceeded.…)
    error_message = models.CharField(max_length=300, blank=True)  # the provider's words

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="sms_due")]

    @property
    def mobile_masked(self) -> str:
        """What a page shows: 138****5678 (the full number only through an audited reveal)."""
        return mask_mobile(self.mobile)

    @property
    def failure_reason(self) -> str:
        """The last failed attempt, as the operator reads it (empty when none failed)."""
        return str(SMS_FAILURE_REASONS.get(self.error_kind, "")) if self.error_kind else ""
