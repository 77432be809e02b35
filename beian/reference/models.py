"""Operator-editable reference data, loaded from the versioned seed (data/icp-data.json).

Each table keeps the seed entry's typed, editable columns and the rest of the entry in `extra`,
so `to_seed()` gives back the seed's shape and the rules engine reads one format everywhere.
An operator's edit (admin) sets `edited_at`; the loader then keeps that row unless forced.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ReferenceRow(models.Model):
    extra = models.JSONField(_("other attributes"), default=dict, blank=True)
    edited_at = models.DateTimeField(_("edited by operator at"), null=True, blank=True, editable=False)

    # seed key -> model field; subclasses list their typed columns
    SEED_FIELDS: ClassVar[dict[str, str]] = {}
    NATURAL_KEY: ClassVar[str | tuple[str, ...]] = ""  # field name(s) that identify a seed entry

    objects = models.Manager()  # declared here so code over any reference table (the loader) can use it

    class Meta:
        abstract = True

    @property
    def localized_name(self) -> str:
        """The row's name in the reader's language: `name_en` for English when there is one, else the
        Chinese name (`name_zh`, or a province's `name`)."""
        chinese = getattr(self, "name_zh", None) or getattr(self, "name", "") or str(self)
        english = getattr(self, "name_en", "")
        return english if english and (get_language() or "").startswith("en") else chinese

    def to_seed(self) -> dict:
        data = dict(self.extra)
        for seed_key, field_name in self.SEED_FIELDS.items():
            data[seed_key] = getattr(self, field_name)
        return data


class Province(ReferenceRow):
    code = models.CharField(_("GB code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=20)
    name_en = models.CharField(_("English name"), max_length=40)
    icp_abbr = models.CharField(_("ICP abbreviation"), max_length=2)
    psb_abbr = models.CharField(_("public-security abbreviation"), max_length=2)
    expected_regulator_review_working_days = models.PositiveSmallIntegerField(
        _("expected regulator review (working days)"), default=20
    )
    min_domain_days_remaining = models.PositiveSmallIntegerField(_("minimum domain validity (days)"), default=90)
    principal_mobile_must_be_local = models.BooleanField(
        _("principal mobile must be local"), null=True, blank=True, help_text=_("empty = unknown")
    )
    org_subject_principal_rule = models.CharField(_("organisation principal rule"), max_length=40, blank=True)
    personal_non_local_policy = models.CharField(_("non-local individuals"), max_length=40, blank=True)

    NATURAL_KEY = "code"
    SEED_FIELDS = {
        k: k
        for k in (
            "code",
            "name",
            "name_en",
            "icp_abbr",
            "psb_abbr",
            "expected_regulator_review_working_days",
            "min_domain_days_remaining",
            "principal_mobile_must_be_local",
            "org_subject_principal_rule",
            "personal_non_local_policy",
        )
    }

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return f"{self.name} ({self.icp_abbr})"


class CertificateType(ReferenceRow):
    code = models.PositiveIntegerField(_("code"), unique=True)
    name_zh = models.CharField(_("name (zh)"), max_length=100)
    name_en = models.CharField(_("name (en)"), max_length=150, blank=True)
    holder = models.CharField(_("holder"), max_length=20, blank=True)

    NATURAL_KEY = "code"
    SEED_FIELDS = {"code": "code", "name_zh": "name_zh", "name_en": "name_en", "holder": "holder"}

    class Meta:
        ordering = ["code"]
        verbose_name = _("certificate type")
        verbose_name_plural = _("certificate types")

    def __str__(self) -> str:
        return f"{self.code} {self.name_zh}"


class SubjectNature(ReferenceRow):
    code = models.PositiveIntegerField(_("MIIT code"), unique=True)
    name_zh = models.CharField(_("name (zh)"), max_length=50)
    name_en = models.CharField(_("name (en)"), max_length=100, blank=True)
    allowed_certificate_codes = models.JSONField(_("allowed certificate codes"), default=list)
    offer_to_customers = models.BooleanField(_("offered to customers"), default=True)
    can_hold_pre_approvals = models.BooleanField(_("can hold pre-approvals"), default=True)

    NATURAL_KEY = "code"
    SEED_FIELDS = {
        "miit_form_code": "code",
        "name_zh": "name_zh",
        "name_en": "name_en",
        "allowed_certificate_codes": "allowed_certificate_codes",
        "offer_to_customers": "offer_to_customers",
        "can_hold_pre_approvals": "can_hold_pre_approvals",
    }

    class Meta:
        ordering = ["code"]
        verbose_name = _("subject nature")
        verbose_name_plural = _("subject natures")

    def __str__(self) -> str:
        return self.name_zh


class FilingType(ReferenceRow):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (zh)"), max_length=50)
    name_en = models.CharField(_("name (en)"), max_length=100, blank=True)

    NATURAL_KEY = "code"
    SEED_FIELDS = {"code": "code", "name_zh": "name_zh", "name_en": "name_en"}

    class Meta:
        ordering = ["id"]
        verbose_name = _("filing type")
        verbose_name_plural = _("filing types")

    def __str__(self) -> str:
        return self.name_zh


class NamedItem(ReferenceRow):
    """Service contents, pre-approval items, languages, access methods: a zh name and flags."""

    name_zh = models.CharField(_("name (zh)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (en)"), max_length=150, blank=True)
    allowed_for_individuals = models.BooleanField(_("allowed for individuals"), default=True)

    NATURAL_KEY = "name_zh"
    SEED_FIELDS = {"name_zh": "name_zh", "name_en": "name_en", "allowed_for_individuals": "allowed_for_individuals"}

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name_zh


class ServiceContent(NamedItem):
    class Meta(NamedItem.Meta):
        verbose_name = _("service content")
        verbose_name_plural = _("service contents")


class PreApprovalItem(NamedItem):
    class Meta(NamedItem.Meta):
        verbose_name = _("pre-approval item")
        verbose_name_plural = _("pre-approval items")


class Language(NamedItem):
    SEED_FIELDS = {"name_zh": "name_zh", "name_en": "name_en"}

    class Meta(NamedItem.Meta):
        verbose_name = _("website language")
        verbose_name_plural = _("website languages")


class AccessMethod(NamedItem):
    SEED_FIELDS = {"name_zh": "name_zh", "name_en": "name_en"}

    class Meta(NamedItem.Meta):
        verbose_name = _("access method")
        verbose_name_plural = _("access methods")


class ApprovedTld(ReferenceRow):
    suffix = models.CharField(_("suffix"), max_length=40, unique=True, help_text=_("with the leading dot, e.g. .cn"))
    group = models.CharField(_("group"), max_length=20)

    NATURAL_KEY = "suffix"
    SEED_FIELDS = {"suffix": "suffix", "group": "group"}

    class Meta:
        ordering = ["group", "suffix"]
        verbose_name = _("approved TLD")
        verbose_name_plural = _("approved TLDs")

    def __str__(self) -> str:
        return self.suffix


class NameWord(ReferenceRow):
    """A word in one of the website-name word lists (banned prefixes, sensitive words, ...)."""

    list_key = models.CharField(_("list"), max_length=80, db_index=True)
    word = models.CharField(_("word"), max_length=50)

    NATURAL_KEY = ("list_key", "word")
    SEED_FIELDS = {"list_key": "list_key", "word": "word"}

    class Meta:
        ordering = ["list_key", "word"]
        constraints = [models.UniqueConstraint(fields=["list_key", "word"], name="uniq_name_word")]
        verbose_name = _("website-name word")
        verbose_name_plural = _("website-name words")

    def __str__(self) -> str:
        return f"{self.list_key}: {self.word}"


class RejectionReason(ReferenceRow):
    code = models.CharField(_("code"), max_length=60, unique=True)
    stage = models.CharField(_("stage"), max_length=10, blank=True)
    text_zh = models.CharField(_("reason (zh)"), max_length=300)
    text_en = models.CharField(_("reason (en)"), max_length=300, blank=True)
    fix_hint_zh = models.CharField(_("how to fix (zh)"), max_length=300, blank=True)
    fix_hint_en = models.CharField(_("how to fix (en)"), max_length=300, blank=True)

    NATURAL_KEY = "code"
    SEED_FIELDS = {k: k for k in ("code", "stage", "text_zh", "text_en", "fix_hint_zh", "fix_hint_en")}

    class Meta:
        ordering = ["id"]
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")

    def __str__(self) -> str:
        return f"{self.code} {self.text_zh}"


class CalendarDay(ReferenceRow):
    class Kind(models.TextChoices):
        DAY_OFF = "off", _("Day off")
        WORKDAY = "workday", _("Make-up working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=80, blank=True)

    NATURAL_KEY = "date"
    SEED_FIELDS = {"date": "date", "kind": "kind", "name": "name"}

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class ReferenceSetting(ReferenceRow):
    """Structured settings that are not lists of rows: timings, SMS verification, limits, formats..."""

    key = models.CharField(_("key"), max_length=80, unique=True)
    value = models.JSONField(_("value"))

    NATURAL_KEY = "key"
    SEED_FIELDS = {"key": "key", "value": "value"}

    class Meta:
        ordering = ["key"]
        verbose_name = _("reference setting")
        verbose_name_plural = _("reference settings")

    def __str__(self) -> str:
        return self.key


class Plan(ReferenceRow):
    """A plan of the site-building platform an organisation is on (beian.plans assigns it): what it
    includes, and whether the assisted filing service (staff fill in and check on the customer's
    behalf; the order is reviewed first) is included or its price in CNY. Seeded from
    data/plans.json; operators edit names, what it includes and the price here."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (zh)"), max_length=50)
    name_en = models.CharField(_("name (en)"), max_length=100, blank=True)
    includes_zh = models.TextField(_("what it includes (zh)"), blank=True, help_text=_("one item per line"))
    includes_en = models.TextField(_("what it includes (en)"), blank=True, help_text=_("one item per line"))
    assisted_service_included = models.BooleanField(_("assisted filing service included"), default=False)
    assisted_service_price = models.DecimalField(
        _("assisted filing service price (CNY)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text=_("charged when the plan does not include the service"),
    )
    is_default = models.BooleanField(
        _("default plan"), default=False, help_text=_("the plan of organisations that were given none")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    NATURAL_KEY = "code"
    SEED_FIELDS = {
        k: k
        for k in (
            "code",
            "name_zh",
            "name_en",
            "includes_zh",
            "includes_en",
            "assisted_service_included",
            "assisted_service_price",
            "is_default",
            "position",
        )
    }

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.name_zh} ({self.code})"

    @property
    def localized_includes(self) -> list[str]:
        """What the plan includes, one item per line, in the reader's language (Chinese when no
        English text was entered)."""
        english = (get_language() or "").startswith("en") and self.includes_en.strip()
        text = self.includes_en if english else self.includes_zh
        return [line.strip() for line in text.splitlines() if line.strip()]


class ReferenceVersion(models.Model):
    """Bumped on every reference edit: snapshots rebuild on the next request, no cache to clear."""

    value = models.BigIntegerField(default=0)
