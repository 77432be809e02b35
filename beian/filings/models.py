"""Subject (the filing entity), Website, the people responsible, and the Order that files them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beian.core.crypto import (
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedJSONField,
    blind_index,
    mask_id_number,
    mask_mobile,
)
from beian.filings import actions as order_actions
from beian.filings import codes, states
from beian.filings import fields as order_fields
from beian.materials.models import MaterialRequirement
from beian.reference.models import FilingType, RejectionReason
from beian.rules import record_orders

STATUS_LABELS = {
    states.DRAFT: _("Draft"),
    states.PENDING_PROVIDER_REVIEW: _("Awaiting provider review"),
    states.PROVIDER_NEEDS_CHANGES: _("Returned for changes"),
    states.PROVIDER_RESUBMITTED: _("Resubmitted, awaiting review"),
    states.PROVIDER_REJECTED: _("Rejected by provider review"),
    states.PENDING_SUBMISSION: _("Queued for the regulator"),
    states.SMS_VERIFICATION: _("MIIT SMS verification"),
    states.REGULATOR_REVIEW: _("Regulator review"),
    states.REGULATOR_REJECTED: _("Rejected by the regulator"),
    states.RETURNED_SMS_TIMEOUT: _("Returned: SMS verification timed out"),
    states.APPROVED: _("Filed"),
    states.ABANDONED: _("Abandoned"),
    states.EXPIRED: _("Expired"),
}
STATUS_CHOICES = [(s, STATUS_LABELS[s]) for s in states.ALL]
SERVICE_CODE_STATES = [
    (codes.UNBOUND, _("Not used yet")),
    (codes.IN_FILING, _("In a filing")),
    (codes.FILED, _("Filed")),
    (codes.VOID, _("Void")),
]
# An approved order against a filed record (rules.record_orders) changed or ended the record: "Filed"
# would say a number was issued.
_UPDATED, _CANCELLED = _("Approved: filing updated"), _("Approved: cancelled")
RECORD_APPROVED_LABELS = {
    **dict.fromkeys(record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS, _UPDATED),
    record_orders.CHANGE_ACCESS: _("Approved: access changed"),
    record_orders.CANCEL_SUBJECT: _CANCELLED,
    record_orders.CANCEL_WEBSITE: _CANCELLED,
    record_orders.CANCEL_ACCESS: _("Approved: access cancelled"),
}


class Person(models.Model):
    """A principal (主体负责人 / 网站负责人). ID number, phones and email are encrypted at rest."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100, blank=True)
    certificate_type = models.PositiveIntegerField(_("certificate type"), null=True, blank=True)
    certificate_number = EncryptedCharField(_("certificate number"), max_length=64, blank=True, null=True, default="")
    certificate_number_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    certificate_valid_until = models.DateField(_("certificate valid until"), null=True, blank=True)
    certificate_long_term = models.BooleanField(_("long-term certificate"), default=False)
    mobile = EncryptedCharField(_("mobile"), max_length=32, blank=True, null=True, default="")
    mobile_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    emergency_phone = EncryptedCharField(_("emergency phone"), max_length=32, blank=True, null=True, default="")
    email = EncryptedEmailField(_("email"), blank=True, null=True, default="")
    is_legal_representative = models.BooleanField(_("is the legal representative"), null=True, blank=True)

    def save(self, *args, **kwargs):
        self.certificate_number_index = blind_index(self.certificate_number, purpose="certificate")
        self.mobile_index = blind_index(self.mobile, purpose="mobile")
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"certificate_number_index", "mobile_index"}
        super().save(*args, **kwargs)

    @property
    def certificate_number_masked(self) -> str:
        return mask_id_number(self.certificate_number)

    @property
    def mobile_masked(self) -> str:
        return mask_mobile(self.mobile)

    @property
    def emergency_phone_masked(self) -> str:
        return mask_mobile(self.emergency_phone)

    def __str__(self) -> str:
        return self.name or f"person #{self.pk}"


class Subject(models.Model):
    """The filing entity (主办单位/主办者). Gets the subject filing number on first approval."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="subjects", verbose_name=_("organisation")
    )
    nature = models.PositiveIntegerField(_("subject nature"), null=True, blank=True)
    province = models.CharField(_("province"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=50, blank=True)
    name = models.CharField(_("subject name"), max_length=200, blank=True)
    certificate_type = models.PositiveIntegerField(_("certificate type"), null=True, blank=True)
    certificate_number = EncryptedCharField(_("certificate number"), max_length=64, blank=True, null=True, default="")
    certificate_number_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    certificate_address = models.CharField(_("certificate address"), max_length=300, blank=True)
    mailing_address = models.CharField(_("mailing address"), max_length=300, blank=True)
    office_phone = EncryptedCharField(_("office phone"), max_length=32, blank=True, null=True, default="")
    investor = models.CharField(_("investor or superior unit"), max_length=200, blank=True)
    principal = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="subject_principal_of", verbose_name=_("principal")
    )
    # The subject's number once filed (copied from its SubjectFiling record for display; the
    # record is the owner). Several orders' subject rows (a first filing, later new websites or
    # changes) carry the same number.
    filing_number = models.CharField(_("subject filing number"), max_length=40, null=True, blank=True, db_index=True)  # noqa: DJ001 (NULL: not filed; queries test isnull)
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def save(self, *args, **kwargs):
        self.certificate_number_index = blind_index(self.certificate_number, purpose="certificate")
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"certificate_number_index"}
        super().save(*args, **kwargs)

    @property
    def certificate_number_masked(self) -> str:
        return mask_id_number(self.certificate_number)

    def __str__(self) -> str:
        return self.name or f"subject #{self.pk}"


class Website(models.Model):
    """A website as an order applies for it (one row per website per order; `Order.websites`). Its
    number is copied from its WebsiteFiling record once the regulator approves."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="websites", verbose_name=_("organisation")
    )
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="websites", verbose_name=_("subject"))
    order = models.ForeignKey(
        "filings.Order",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="websites",
        verbose_name=_("order"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)  # websites[position] in field paths
    # The standing record this website is (new access, later changes) or became (on approval).
    website_filing = models.ForeignKey(
        "filings.WebsiteFiling",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        verbose_name=_("website filing"),
    )
    hosted_site = models.ForeignKey(
        "hosting.HostedSite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="websites",
        verbose_name=_("hosted site"),
    )
    name = models.CharField(_("website name"), max_length=100, blank=True)
    domain = models.CharField(_("domain"), max_length=253, blank=True, db_index=True)
    # A filed website's domains beyond its main one (`domain`), as a change order holds them: adding
    # or removing one is a website change (rules file §1.5); a new filing has one domain per website.
    other_domains = models.JSONField(_("other domains"), default=list, blank=True)
    service_contents = models.JSONField(_("service content"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    pre_approvals = models.JSONField(_("pre-approvals"), default=list, blank=True)
    remark = models.TextField(_("remark"), blank=True)
    principal = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="website_principal_of", verbose_name=_("principal")
    )
    filing_number = models.CharField(_("website filing number"), max_length=48, null=True, blank=True, db_index=True)  # noqa: DJ001 (NULL: not filed)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True, editable=False)
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("website")
        verbose_name_plural = _("websites")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name or self.domain or f"website #{self.pk}"


AWAITING_REVIEW = sorted(states.AWAITING_PROVIDER)  # a stable list for the partial indexes' condition


class Order(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="orders", verbose_name=_("organisation")
    )
    filing_type = models.CharField(_("filing type"), max_length=40, default="FIRST_FILING")
    status = models.CharField(_("status"), max_length=30, choices=STATUS_CHOICES, default=states.DRAFT, db_index=True)
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="orders", verbose_name=_("subject"))
    # The order's first website (websites[0]); all of them: `order.websites` (Website.order).
    website = models.ForeignKey(Website, on_delete=models.PROTECT, related_name="orders", verbose_name=_("website"))
    # The standing subject record the order applies against (new website, new access, changes) or
    # created (a first filing, on approval). Null while a first filing is not yet filed.
    subject_filing = models.ForeignKey(
        "filings.SubjectFiling",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name=_("subject filing"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    last_customer_action_at = models.DateTimeField(_("last customer action at"))
    returned_fields = models.JSONField(
        _("returned fields"), default=list, blank=True
    )  # [{"field", "reason_code", "note"}]
    assigned_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claimed_orders",
        verbose_name=_("assigned reviewer"),
    )
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    acknowledged_warnings = models.JSONField(_("acknowledged warnings"), default=list, blank=True)
    # Review queue, set on every (re)submission: the provider first-review deadline (working days),
    # how many automated findings (rules + material checks, warnings and errors) there were, and
    # the subject's province and name as submitted (the applicant cannot edit while the order is in
    # review), so that the queue filters and searches without joining every subject ever filed.
    review_due_at = models.DateTimeField(_("review deadline"), null=True, blank=True)
    finding_count = models.PositiveIntegerField(_("automated findings"), default=0)
    submitted_province = models.CharField(_("province (as submitted)"), max_length=2, blank=True)
    submitted_subject_name = models.CharField(_("subject name (as submitted)"), max_length=200, blank=True)
    # The domain of the order's first website (`website`, the one the queue lists) as submitted.
    submitted_domain = models.CharField(_("domain (as submitted)"), max_length=253, blank=True)
    # Cancellations (rules file §1.6, §1.7): the reason (reference `cancellation_reasons`), the
    # applicant's words, and what they typed to confirm an irreversible one.
    reason_code = models.CharField(_("reason"), max_length=40, blank=True)
    reason_note = models.TextField(_("reason details"), blank=True)
    confirmation = models.CharField(_("confirmation"), max_length=255, blank=True)
    # A provider-initiated cancel access (AccessCancellationNotice confirmed by an operator): the
    # applicant reads it but neither edits, withdraws nor abandons it (filings.actions).
    initiated_by_provider = models.BooleanField(_("initiated by the provider"), default=False)
    # The assisted filing service was granted (beian.plans: free on a plan that includes it, else
    # paid): the order comes first in the review queue and staff may fill it in for the customer.
    assisted_service = models.BooleanField(_("assisted filing service"), default=False)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            # The reviewer queue reads only orders awaiting provider review, assisted ones (beian.plans)
            # first, then most urgent first (each index leads with that order's keys). A
            # page's pks come from this index alone (PostgreSQL: the filter columns are included),
            # whatever the filters; the narrower indexes below serve a filter that keeps few rows
            # and include the other filters' columns, so that filters combined read no row either.
            models.Index(
                fields=["-assisted_service", "review_due_at", "id"],
                name="order_queue_due",
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "status_changed_at",
                    "submitted_province",
                    "filing_type",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
            models.Index(
                fields=["filing_type", "-assisted_service", "review_due_at", "id"],
                name="order_queue_type",
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "status_changed_at",
                    "submitted_province",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
            models.Index(
                fields=["finding_count", "-assisted_service", "review_due_at", "id"],
                name="order_queue_findings",
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "status_changed_at",
                    "submitted_province",
                    "filing_type",
                    "assigned_reviewer",
                ],
            ),
            models.Index(
                fields=["assigned_reviewer", "-assisted_service", "review_due_at", "id"],
                name="order_queue_reviewer",
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "status_changed_at",
                    "submitted_province",
                    "filing_type",
                    "finding_count",
                ],
            ),
            models.Index(
                fields=["submitted_province", "-assisted_service", "review_due_at", "id"],
                name="order_queue_province",
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "status_changed_at",
                    "filing_type",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
            models.Index(
                fields=["status_changed_at"], name="order_queue_age", condition=models.Q(status__in=AWAITING_REVIEW)
            ),
            # A reviewer's search across all orders lists the most recently changed first; a
            # subject-name search (never an empty name) walks this until it has enough for common
            # words. On PostgreSQL, migration 0005 adds a trigram (GIN) index on the submitted
            # subject name for names of 3+ characters; SQLite has no such index.
            # It carries the name and the queue's filter columns (PostgreSQL), so that a search for
            # two characters (too short for the trigram index) reads this index alone.
            models.Index(
                fields=["-status_changed_at", "-id"],
                name="order_named_recent",
                condition=~models.Q(submitted_subject_name=""),
                include=[
                    "submitted_subject_name",
                    "status",
                    "review_due_at",
                    "submitted_province",
                    "filing_type",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
            # A domain search (a prefix) reads the matching domains of this index and then sorts
            # the few matches: in queue order, or most recently changed first for the reviewer's
            # search across all orders (PostgreSQL: the pattern operator class serves LIKE 'abc%'
            # whatever the database's collation, and the columns those orderings and the queue's
            # filters read are included).
            models.Index(
                fields=["submitted_domain"],
                name="order_queue_domain",
                opclasses=["varchar_pattern_ops"],
                condition=models.Q(status__in=AWAITING_REVIEW),
                include=[
                    "assisted_service",
                    "review_due_at",
                    "id",
                    "status_changed_at",
                    "submitted_province",
                    "filing_type",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
            models.Index(
                fields=["submitted_domain"],
                name="order_domain_recent",
                opclasses=["varchar_pattern_ops"],
                condition=~models.Q(submitted_domain=""),
                include=[
                    "status_changed_at",
                    "id",
                    "status",
                    "review_due_at",
                    "submitted_province",
                    "filing_type",
                    "assigned_reviewer",
                    "finding_count",
                ],
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"BA{self.created_at:%Y%m%d}{self.pk:05d}" if self.pk and self.created_at else "BA-new"

    @property
    def filing_type_label(self) -> str:
        from django.utils.translation import get_language

        # both annotated by the list selectors (no query per row)
        if hasattr(self, "filing_type_name_zh") and hasattr(self, "filing_type_name_en"):
            zh, en = self.filing_type_name_zh, self.filing_type_name_en
        else:
            zh, en = FilingType.objects.filter(code=self.filing_type).values_list("name_zh", "name_en").first() or (
                None,
                None,
            )
        if zh is None:
            return self.filing_type
        return en if (get_language() or "").startswith("en") and en else zh

    @property
    def status_label(self) -> str:
        if self.status == states.APPROVED and self.filing_type in RECORD_APPROVED_LABELS:
            return str(RECORD_APPROVED_LABELS[self.filing_type])  # a change or cancellation files no number
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def returned_field_paths(self) -> set[str]:
        return {r["field"] for r in self.returned_fields}

    def actions_for(self, user, *, slots=(), member: bool | None = None):
        """What `user` may do to this order now (filings.actions.order_actions); other apps ask the
        order instead of importing filings' selectors."""
        from beian.filings.selectors import order_actions_for  # selectors import this module

        return order_actions_for(self, user, slots=slots, member=member)

    def record_changes(self):
        """What this change order changes against the filed record (filings.changes.RecordChanges:
        field paths, domains added and removed); materials asks the order which documents a change
        needs instead of importing filings (it sits below filings)."""
        from beian.filings.changes import record_changes  # changes imports this module

        return record_changes(self)


EVENT_LABELS = {
    "create": _("Draft created"),
    "submit": _("Submitted for provider review"),
    "resubmit": _("Resubmitted"),
    "withdraw": _("Withdrawn to draft"),
    "abandon": _("Abandoned"),
    "expire": _("Expired after being idle"),
    "claim": _("Claimed by a reviewer"),
    "release": _("Claim released"),
    "reassign": _("Reassigned by an operator"),
    "return_fields": _("Returned for changes"),
    "reject": _("Rejected in provider review"),
    "approve": _("Approved by the provider, queued for the regulator"),
    "regulator_accepted": _("Submitted to the regulator; MIIT SMS verification sent"),
    "regulator_accepted_no_sms": _("Submitted to the regulator"),
    "sms_verified": _("SMS verification completed; regulator review started"),
    "sms_failed": _("Returned: SMS verification not completed"),
    "resubmit_to_regulator": _("Pushed to the regulator again"),
    "regulator_approved": _("Approved by the regulator: filing number issued"),
    "regulator_rejected": _("Rejected by the regulator"),
    "service_code": _("Service code entered"),
    "assisted_service": _("Assisted filing service granted: reviewed first, our staff may fill in for you"),
    "assisted_edit": _("Edited by our staff on your behalf (assisted filing service)"),
    "provider_initiated": _("Started by the access provider: the notice's deadline passed without rectification"),
}


class OrderEvent(models.Model):
    """Append-only timeline of an order: every transition with actor and reason, plus notes."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("order"))
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    event = models.CharField(_("event"), max_length=60)
    from_status = models.CharField(_("from status"), max_length=30, blank=True)
    to_status = models.CharField(_("to status"), max_length=30, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    visible_to_applicant = models.BooleanField(_("visible to applicant"), default=True)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order events")
        ordering = ["at", "id"]
        indexes = [
            # Reviewer metrics: the decisions of a period, then each order's first submission and
            # first decision read from this index alone (the event name rides along).
            models.Index(fields=["event", "at"], name="orderevent_event_at"),
            models.Index(fields=["order", "at", "id", "event"], name="orderevent_timeline"),
        ]

    def __str__(self) -> str:
        return f"{self.order} · {self.label}"

    @property
    def label(self) -> str:
        if self.event == "regulator_approved" and (self.data or {}).get("numbers_kept"):
            return str(_("Approved by the regulator: our access added, the filing numbers stay"))
        kind = (self.data or {}).get("record_order") if self.event == "regulator_approved" else ""
        if kind == record_orders.CANCEL_ACCESS:  # the filing itself survives (rules file §1.7)
            return str(_("Approved by the regulator: our access is cancelled"))
        if kind:
            return str(
                _("Approved by the regulator: cancelled")
                if kind.startswith("CANCEL_")
                else _("Approved by the regulator: the filing record is updated")
            )
        return str(EVENT_LABELS.get(self.event, self.event))

    @property
    def reason_text(self) -> str:
        """System reasons are stored as msgids (+ `reason_params`) and translated for the reader;
        people's own words (reviewer notes, regulator opinions) come back unchanged."""
        from django.utils.translation import gettext

        returns = (self.data or {}).get("returns")
        if self.event == "return_fields" and returns:
            return returns_text(returns)
        if not self.reason:
            return ""
        text = gettext(self.reason)
        params = (self.data or {}).get("reason_params")
        try:
            return text % params if params else text
        except (KeyError, TypeError, ValueError):
            return text


class ReviewDecision(models.Model):
    """One provider review decision (approve, return, reject), derived from the order timeline for
    the reviewer metrics: the metrics page reads a period of these rows instead of working out, per
    decision, from each order's timeline, whether it was the order's first and how long it came
    after the first submission. Kept by beian.filings.metrics on every timeline event saved (same
    transaction); rows written around the ORM (bulk loads, imports) are caught up by
    `manage.py rebuild_review_metrics`, which derives every row again from the timeline."""

    event = models.OneToOneField(OrderEvent, on_delete=models.CASCADE, primary_key=True, related_name="+")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()
    returned = models.BooleanField(default=False)  # a return (return_fields)
    first = models.BooleanField(default=False)  # the order's first decision
    # first decisions: seconds since the order's first submission (None: no submission recorded)
    waited_seconds = models.FloatField(null=True, blank=True)
    province = models.CharField(max_length=2, blank=True)  # the subject's
    reviewer = models.CharField(max_length=150, blank=True)  # the event's actor label

    class Meta:
        indexes = [
            # a period's decision counts from the index alone; its first reviews
            models.Index(fields=["at", "returned"], name="review_decision_at"),
            models.Index(
                fields=["at"],
                name="review_decision_first",
                condition=models.Q(first=True),
                include=["waited_seconds", "reviewer", "province"],  # PostgreSQL: index-only
            ),
        ]


class ReviewReturnReason(models.Model):
    """Per return decision and reason code: how many fields were returned with it (metrics)."""

    decision = models.ForeignKey(ReviewDecision, on_delete=models.CASCADE, related_name="reasons")
    at = models.DateTimeField()  # the decision's, so that a period is read from one index
    code = models.CharField(max_length=60, blank=True)
    fields = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["at", "code", "fields"], name="review_reason_at")]


class OrderVersion(models.Model):
    """What the applicant submitted, each time: the reviewer diffs consecutive versions. The snapshot
    holds the principals' ID numbers, phones and emails: sealed whole (read whole, never queried)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField()
    data = EncryptedJSONField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["order", "number"], name="uniq_order_version")]


# --- the standing filing records (rules file §1, §7; ARCHITECTURE "Filing records and orders") ---
#
# What the regulator holds: a subject filing (主体备案号), its website filings (网站备案号 -n, each
# with its domains) and the access records of each website (which providers access it). They
# change only through a regulator outcome (beian.filings.records) and keep their history
# (RecordEvent: which order changed what, when). The data as filed lives in the order-side rows
# the records point at (Subject, Website, Person: encrypted PII, masked on screen); an approved
# change points the record at the new rows and the history keeps the old ones.


class RecordStatus(models.TextChoices):
    ACTIVE = "active", _("Filed")
    CANCELLED = "cancelled", _("Cancelled")


class SubjectFiling(models.Model):
    """A filed subject. Identity: certificate type + number (blind index), across all tenants."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="subject_filings",
        verbose_name=_("organisation"),
    )
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="+")  # the data as filed
    province = models.CharField(_("province"), max_length=2)
    nature = models.PositiveIntegerField(_("subject nature"), null=True, blank=True)
    certificate_type = models.PositiveIntegerField(_("certificate type"), null=True, blank=True)
    certificate_number_index = models.CharField(max_length=64, db_index=True, editable=False)
    name = models.CharField(_("subject name"), max_length=255)
    filing_number = models.CharField(_("subject filing number"), max_length=40, unique=True)
    website_sequence = models.PositiveIntegerField(
        _("last website sequence"), default=0, editable=False
    )  # last "-n" issued; never reused
    status = models.CharField(_("status"), max_length=20, choices=RecordStatus.choices, default=RecordStatus.ACTIVE)
    filed_at = models.DateTimeField(_("filed at"))
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name_plural = _("subject filings")
        verbose_name = _("subject filing")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate_number_index"],
                # one active record per certificate; rows without one (legacy data) never collide
                condition=models.Q(status="active") & ~models.Q(certificate_number_index=""),
                name="uniq_active_subject_certificate",
            )
        ]

    def __str__(self) -> str:
        return self.filing_number

    @property
    def is_active(self) -> bool:
        return self.status == RecordStatus.ACTIVE


class WebsiteFiling(models.Model):
    """A filed website: the subject's number + -n (never reused), its domains and access records."""

    subject_filing = models.ForeignKey(
        SubjectFiling, on_delete=models.PROTECT, related_name="websites", verbose_name=_("subject filing")
    )
    website = models.ForeignKey(Website, on_delete=models.PROTECT, related_name="+")  # the data as filed
    sequence = models.PositiveIntegerField(_("sequence"))
    filing_number = models.CharField(_("website filing number"), max_length=48, unique=True)
    name = models.CharField(_("website name"), max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=RecordStatus.choices, default=RecordStatus.ACTIVE)
    filed_at = models.DateTimeField(_("filed at"))
    updated_at = models.DateTimeField(_("updated at"))
    # The applicant's own entry (not a regulator outcome): the 公网安备 number the public-security
    # platform issued for this website (§8.2), normalised; set by filings.psb.website_filing_set_psb_number.
    psb_number = models.CharField(_("public-security filing number"), max_length=40, blank=True)
    psb_number_set_at = models.DateTimeField(_("public-security number entered at"), null=True, blank=True)

    class Meta:
        verbose_name_plural = _("website filings")
        verbose_name = _("website filing")
        ordering = ["subject_filing", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["subject_filing", "sequence"], name="uniq_website_filing_sequence")
        ]

    def __str__(self) -> str:
        return self.filing_number

    @property
    def is_active(self) -> bool:
        return self.status == RecordStatus.ACTIVE


class FiledDomain(models.Model):
    """A domain of a filed website (the registrable main domain, stored as its A-label). A domain
    is filed for at most one website at a time; a removed one keeps its row with `removed_at`."""

    website_filing = models.ForeignKey(WebsiteFiling, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, db_index=True)
    added_at = models.DateTimeField()
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("filed domains")
        verbose_name = _("filed domain")
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=models.Q(removed_at__isnull=True), name="uniq_active_filed_domain"
            )
        ]

    def __str__(self) -> str:
        return self.domain


class AccessRecord(models.Model):
    """Which access provider accesses a filed website: us (our hosted site serves it) or another
    provider by name. A website may be accessed through several providers at once (§1.4)."""

    website_filing = models.ForeignKey(WebsiteFiling, on_delete=models.CASCADE, related_name="accesses")
    is_ours = models.BooleanField(default=True)
    provider_name = models.CharField(_("access provider"), max_length=100, blank=True)
    hosted_site = models.ForeignKey(
        "hosting.HostedSite", null=True, blank=True, on_delete=models.SET_NULL, related_name="access_records"
    )
    status = models.CharField(max_length=20, choices=RecordStatus.choices, default=RecordStatus.ACTIVE)
    since = models.DateTimeField()
    until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("access records")
        verbose_name = _("access record")
        constraints = [
            models.UniqueConstraint(
                fields=["website_filing"],
                condition=models.Q(status="active", is_ours=True),
                name="uniq_active_own_access",
            )
        ]

    def __str__(self) -> str:
        return self.provider_name or "—"


RECORD_EVENT_LABELS = {
    "subject_filed": _("Subject filed"),
    "subject_recorded": _("Subject filed elsewhere recorded"),
    "website_filed": _("Website filed"),
    "website_recorded": _("Website filed elsewhere recorded"),
    "domain_added": _("Domain added"),
    "access_added": _("Access added"),
    "psb_number_set": _("Public-security filing number entered"),
    "subject_changed": _("Subject information changed"),
    "website_changed": _("Website information changed"),
    "domain_removed": _("Domain removed"),
    "access_changed": _("Access changed"),
    "website_cancelled": _("Website cancelled"),
    "subject_cancelled": _("Subject cancelled"),
    "access_cancelled": _("Access cancelled"),
}


class RecordEvent(models.Model):
    """History of the records: which order changed what, when (append-only). `data` holds numbers,
    domains and row ids, never PII (the rows it names hold that, encrypted)."""

    subject_filing = models.ForeignKey(
        SubjectFiling, on_delete=models.CASCADE, related_name="events", verbose_name=_("subject filing")
    )
    website_filing = models.ForeignKey(
        WebsiteFiling,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("website filing"),
    )
    order = models.ForeignKey(
        "filings.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("order")
    )
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=40)
    actor_label = models.CharField(_("actor"), max_length=150, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("record event")
        verbose_name_plural = _("record events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.subject_filing.filing_number} · {self.label}"

    @property
    def label(self) -> str:
        return str(RECORD_EVENT_LABELS.get(self.action, self.action))


class NoticeStatus(models.TextChoices):
    PROPOSED = order_actions.NOTICE_PROPOSED, _("Proposed")
    OPEN = order_actions.NOTICE_OPEN, _("Customer notified")
    WITHDRAWN = order_actions.NOTICE_WITHDRAWN, _("Withdrawn")
    CONFIRMED = order_actions.NOTICE_CONFIRMED, _("Confirmed: cancel access filed")
    RESOLVED = order_actions.NOTICE_RESOLVED, _("Resolved: our access ended otherwise")


class AccessCancellationNotice(models.Model):
    """A provider-initiated cancel access (取消接入, rules file §1.7, §8.3) before it is filed: the
    reason (reference `cancellation_reasons`, initiated by the provider), the customer notified with
    a deadline to rectify, and the operator's decision after it. Confirming files a CANCEL_ACCESS
    order (`order`); nothing is cancelled before an operator confirms after the deadline.

    Started by an operator (open at once) or proposed by the compliance monitor (`source`; the
    customer is told only when an operator starts it). One pending (proposed or open) notice per
    website. Services: beian.filings.notices."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    website_filing = models.ForeignKey(WebsiteFiling, on_delete=models.CASCADE, related_name="access_notices")
    reason_code = models.CharField(_("reason"), max_length=40)
    note = models.TextField(_("details for the customer"), blank=True)
    source = models.CharField(_("source"), max_length=80, blank=True)  # "operator", "monitor:risk:12", …
    status = models.CharField(_("status"), max_length=12, choices=NoticeStatus.choices, default=NoticeStatus.OPEN)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_at = models.DateTimeField(_("customer notified"), null=True, blank=True)
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The last day to rectify (working days from the notice, reference `provider_cancel_access`);
    # an operator may confirm from the next day on.
    deadline = models.DateField(_("rectify by"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    close_note = models.TextField(_("why it was closed"), blank=True)
    order = models.OneToOneField(
        "filings.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="access_notice"
    )

    class Meta:
        verbose_name = _("cancel-access notice")
        verbose_name_plural = _("cancel-access notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["website_filing"],
                condition=models.Q(status__in=sorted(order_actions.NOTICE_PENDING)),
                name="uniq_pending_access_notice",
            )
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="access_notice_due")]

    def __str__(self) -> str:
        return f"{self.website_filing_id}: {self.reason_code} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in order_actions.NOTICE_PENDING


class FilingNumberCounter(models.Model):
    """Serial of subject filing numbers per province and year, allocated under a row lock."""

    province = models.CharField(max_length=2)
    year = models.PositiveIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="uniq_number_counter")]


def returns_text(returns: list[dict]) -> str:
    """A field-level return as its reader reads it: "<field or material>: <catalogue reason> — <note>",
    in the reader's language (the stored event reason holds paths and codes)."""
    from django.utils.translation import get_language

    english = (get_language() or "").startswith("en")
    codes = {r.get("reason_code") for r in returns}
    reasons = {
        r.code: (r.text_en if english and r.text_en else r.text_zh)
        for r in RejectionReason.objects.filter(code__in=codes)
    }
    slots = {r.get("field", "").removeprefix("materials.") for r in returns}
    materials = {
        m.slot: (m.label_en if english and m.label_en else m.label_zh)
        for m in MaterialRequirement.objects.filter(slot__in=slots)
    }
    parts = []
    for r in returns:
        path = r.get("field", "")
        field = order_fields.BY_PATH.get(path)
        if field is not None:
            label = str(field.full_label)
        elif path in order_fields.REQUEST_LABELS:  # a cancellation's reason, its typed confirmation…
            label = str(order_fields.REQUEST_LABELS[path])
        else:
            label = materials.get(path.removeprefix("materials."), path)
        code = r.get("reason_code") or ""
        text = f"{label}: {reasons.get(code, code)}"
        parts.append(f"{text} — {r['note']}" if r.get("note") else text)
    return "; ".join(parts)


class ServiceCode(models.Model):
    """A service code (备案服务码, rules file §8.6): generated for one hosted site (the provider
    resource), entered by the applicant to start one filing and bound to it (`order`). States and
    the policy (quota per site, single use, refund, grants): beian.filings.codes; services:
    beian.filings.service_codes. `organisation` owns the site; `granted_to` is another account of
    the platform that may file with it. Stored plain: it identifies a filing, it signs nothing in."""

    code = models.CharField(_("service code"), max_length=20, unique=True)
    site = models.ForeignKey(
        "hosting.HostedSite", on_delete=models.CASCADE, related_name="service_codes", verbose_name=_("site")
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="service_codes", verbose_name=_("organisation")
    )
    granted_to = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="granted_service_codes",
        verbose_name=_("granted to"),
    )
    state = models.CharField(_("state"), max_length=12, choices=SERVICE_CODE_STATES, default=codes.UNBOUND)
    # while void: the code keeps its place in the site's quota (codes.counts_against_quota)
    spent = models.BooleanField(_("spent"), default=False)
    order = models.ForeignKey(
        "filings.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_codes",
        verbose_name=_("order"),
    )
    created_at = models.DateTimeField(_("created at"))
    created_by_label = models.CharField(_("created by"), max_length=150, blank=True)  # "platform:<slug>" or an operator
    granted_at = models.DateTimeField(_("granted at"), null=True, blank=True)
    bound_at = models.DateTimeField(_("bound at"), null=True, blank=True)
    filed_at = models.DateTimeField(_("filed at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    void_reason = models.CharField(_("why it is void"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("service code")
        verbose_name_plural = _("service codes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # one code per filing while it is bound to it
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(state__in=[codes.IN_FILING, codes.FILED]),
                name="uniq_service_code_per_order",
            )
        ]
        indexes = [models.Index(fields=["site", "state"], name="service_code_site_state")]

    def __str__(self) -> str:
        return self.code

    @property
    def masked(self) -> str:
        return codes.masked(self.code)

    @property
    def state_label(self) -> str:
        return str(dict(SERVICE_CODE_STATES).get(self.state, self.state))
