"""Uploaded materials (every version kept) and the operator-editable requirement matrix."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.crypto import EncryptedCharField, EncryptedJSONField


class MaterialRequirement(models.Model):
    """Which material a filing needs, per filing type x subject holder x province (blank = all)."""

    class Holder(models.TextChoices):
        ANY = "any", _("Any subject")
        PERSON = "person", _("Individual")
        ORGANISATION = "organisation", _("Organisation")

    slot = models.CharField(_("slot"), max_length=40)
    check_kind = models.CharField(_("automated check"), max_length=40)
    label_zh = models.CharField(_("label (zh)"), max_length=100)
    label_en = models.CharField(_("label (en)"), max_length=150)
    help_zh = models.TextField(_("requirements (zh)"), blank=True)
    help_en = models.TextField(_("requirements (en)"), blank=True)
    filing_types = models.JSONField(_("filing types"), default=list, help_text=_("empty = all"))
    holder = models.CharField(_("subject holder"), max_length=20, choices=Holder.choices, default=Holder.ANY)
    provinces = models.JSONField(_("provinces"), default=list, blank=True, help_text=_("empty = all provinces"))
    required = models.BooleanField(_("required"), default=True)
    per_website = models.BooleanField(
        _("one per website"),
        default=False,
        help_text=_("Asked for each website of the order (e.g. the website principal's ID, the domain certificate)."),
    )
    formats = models.JSONField(_("accepted formats"), default=list)
    max_bytes = models.PositiveIntegerField(_("maximum size (bytes)"), default=4 * 1024 * 1024)
    min_short_side = models.PositiveIntegerField(_("minimum short side (px)"), default=600)
    colour_required = models.BooleanField(_("colour required"), default=True)
    sides = models.CharField(_("sides"), max_length=40, blank=True)
    example = models.CharField(_("example picture"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)
    # Set on the requirements of an order (materials.requirements.per_website), not stored: the slot
    # as the matrix names it, and the website it is for (None: the subject's).
    base_slot: str = ""
    website_index: int | None = None

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("material requirement")
        verbose_name_plural = _("material requirements")

    def __str__(self) -> str:
        return f"{self.slot} ({self.holder})"

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_zh

    def help(self, language: str) -> str:
        return self.help_en if language.startswith("en") else self.help_zh


class Material(models.Model):
    class CheckStatus(models.TextChoices):
        PENDING = "pending", _("Checking")
        DONE = "done", _("Checked")
        FAILED = "failed", _("Check could not run")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="materials", verbose_name=_("organisation")
    )
    order = models.ForeignKey(
        "filings.Order", on_delete=models.CASCADE, related_name="materials", verbose_name=_("order")
    )
    slot = models.CharField(_("slot"), max_length=40)
    version = models.PositiveIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("is current"), default=True)
    file = models.FileField(_("file"), max_length=300)
    original_name = EncryptedCharField(_("original name"), max_length=255)  # people name files after themselves: sealed
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    check_status = models.CharField(
        _("check status"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.PENDING
    )
    findings = models.JSONField(_("findings"), default=list, blank=True)
    # OCR lines (the phones and ID numbers read off the documents), face boxes, metrics: sealed
    check_details = EncryptedJSONField(_("check details"), default=dict, blank=True)
    # When the check was last put on the queue: a check pending long after it is lost and queued again
    check_queued_at = models.DateTimeField(_("check queued at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["slot", "-version"]
        constraints = [models.UniqueConstraint(fields=["order", "slot", "version"], name="uniq_material_version")]

    def __str__(self) -> str:
        return f"{self.slot} v{self.version}"
