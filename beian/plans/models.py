"""An organisation's plan, and the payments for the assisted filing service with their receipts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanAssignment(models.Model):
    """The plan an organisation is on (none: the default plan, reference Plan.is_default)."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="plan_assignment",
        verbose_name=_("organisation"),
    )
    plan = models.ForeignKey("reference.Plan", on_delete=models.PROTECT, related_name="+", verbose_name=_("plan"))
    assigned_at = models.DateTimeField(_("assigned at"))

    class Meta:
        verbose_name = _("plan of an organisation")
        verbose_name_plural = _("plans of organisations")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.plan}"


class Payment(models.Model):
    """One attempt to pay for the assisted filing service of an order, at the payment gateway.
    Paid: it has a receipt number and the service is granted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        PAID = "paid", _("Paid")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("payment number"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="payments", verbose_name=_("organisation")
    )
    order = models.ForeignKey(
        "filings.Order", on_delete=models.PROTECT, related_name="payments", verbose_name=_("order")
    )
    plan_code = models.CharField(_("plan"), max_length=40)
    amount = models.DecimalField(_("amount (CNY)"), max_digits=10, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    gateway = models.CharField(_("gateway"), max_length=20)
    gateway_payment_id = models.CharField(_("gateway payment id"), max_length=80, blank=True)
    checkout_url = models.CharField(_("checkout address"), max_length=2000, blank=True)
    gateway_message = models.CharField(_("gateway message"), max_length=300, blank=True)
    receipt_number = models.CharField(_("receipt number"), max_length=40, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created at"))
    settled_at = models.DateTimeField(_("settled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        indexes = [models.Index(fields=["order", "status"], name="payment_order_status")]

    def __str__(self) -> str:
        return self.number
