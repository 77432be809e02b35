"""What the compliance monitor keeps: a Risk per problem found on a filed website or subject, and
the last check of each website (when, and what could not be checked).

A risk holds no PII: the copy of its finding (domain, numbers, dates, a principal's role — never a
name, an ID or a mobile) and the finding's parameters as evidence."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.rules import monitor as checks


class Kind(models.TextChoices):
    FOOTER = checks.FOOTER, _("Filing number in the footer")
    DOMAIN_EXPIRY = checks.DOMAIN_EXPIRY, _("Domain expiry")
    DOMAIN_HOLDER = checks.DOMAIN_HOLDER, _("Domain holder")
    DOMAIN_REAL_NAME = checks.DOMAIN_REAL_NAME, _("Domain real-name verification")
    CERTIFICATE = checks.CERTIFICATE, _("Principal's certificate")
    HOSTING = checks.HOSTING, _("Hosted with us")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Unresolved")
    RESOLVED = "resolved", _("Resolved")


class Resolution(models.TextChoices):
    PASSED = "passed", _("A re-check passed")
    NOT_APPLICABLE = "not_applicable", _("No longer applies")


class Risk(models.Model):
    """One problem of a filed website (or of its subject: the subject principal's certificate) at a
    time per (filing, kind, target): `key` is unique among open risks, so re-running a check never
    duplicates one. Opened, escalated (its code changes within its kind, e.g. about to expire ->
    expired: the deadline stays), proposed for a provider-initiated cancel access once past its
    deadline (an operator decides; never automatic) and resolved by a re-check that passes."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    subject_filing = models.ForeignKey(
        "filings.SubjectFiling", on_delete=models.CASCADE, related_name="risks", verbose_name=_("subject filing")
    )
    website_filing = models.ForeignKey(
        "filings.WebsiteFiling",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="risks",
        verbose_name=_("website filing"),
    )
    key = models.CharField(_("key"), max_length=320, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    target = models.CharField(_("concerns"), max_length=253)  # the domain (A-label) or the principal's role
    code = models.CharField(
        _("code"), max_length=60
    )  # the rule code (beian.rules.registry), e.g. monitor.domain.expired
    severity = models.CharField(_("severity"), max_length=10)
    status = models.CharField(_("status"), max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    found_at = models.DateTimeField(_("found"))
    checked_at = models.DateTimeField(_("last confirmed"))  # the latest check that still found it
    deadline = models.DateField(_("rectify by"))
    message_zh = models.TextField(_("message (zh)"))
    message_en = models.TextField(_("message (en)"))
    fix_zh = models.TextField(_("fix (zh)"), blank=True)
    fix_en = models.TextField(_("fix (en)"), blank=True)
    evidence = models.JSONField(
        _("evidence"), default=dict, blank=True
    )  # the finding's params: domains, numbers, dates
    proposed_cancel_at = models.DateTimeField(_("cancel access proposed"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.CharField(_("resolution"), max_length=20, choices=Resolution.choices, blank=True)

    class Meta:
        verbose_name = _("compliance risk")
        verbose_name_plural = _("compliance risks")
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=models.Q(status="open"), name="uniq_open_risk")
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="risk_open_deadline")]

    def __str__(self) -> str:
        return f"{self.code} {self.target}"

    @property
    def is_open(self) -> bool:
        return self.status == RiskStatus.OPEN

    def message(self, language: str) -> str:
        return self.message_en if (language or "").startswith("en") else self.message_zh

    def fix(self, language: str) -> str:
        return self.fix_en if (language or "").startswith("en") else self.fix_zh


class WebsiteCheck(models.Model):
    """The latest monitor check of a filed website: when (the next is due `recheck_hours` later), how
    long it took, and what could not be checked (a registry outage, a page not served) and why."""

    website_filing = models.OneToOneField(
        "filings.WebsiteFiling", on_delete=models.CASCADE, related_name="+", verbose_name=_("website filing")
    )
    checked_at = models.DateTimeField(_("checked at"), db_index=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    not_checked = models.JSONField(_("not checked"), default=list, blank=True)  # [{"kind", "target", "reason"}]
    # something could not be checked for want of facts we should have had (rules.monitor.INCOMPLETE)
    incomplete = models.BooleanField(_("incomplete"), default=False, db_index=True)

    class Meta:
        verbose_name = _("website check")
        verbose_name_plural = _("website checks")

    def __str__(self) -> str:
        return f"{self.website_filing_id} @ {self.checked_at:%Y-%m-%d %H:%M}"
