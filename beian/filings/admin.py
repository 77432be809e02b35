"""Operators see orders here; the state machine owns status and numbers (read-only). The standing
filing records are read-only too: they change only through regulator outcomes (filings.records)."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beian.core.admin_filters import labelled_filter
from beian.filings.models import (
    RECORD_EVENT_LABELS,
    STATUS_LABELS,
    AccessRecord,
    FiledDomain,
    Order,
    OrderEvent,
    RecordEvent,
    ServiceCode,
    Subject,
    SubjectFiling,
    Website,
    WebsiteFiling,
)
from beian.filings.records import wire_domain
from beian.filings.selectors import with_filing_type_names
from beian.reference.models import FilingType
from beian.rules.domains import display_domain

# Readable labels in the reader's language instead of stored codes (FIRST_FILING, PENDING_PROVIDER_REVIEW,
# subject_filed): the models' label maps and the reference filing types, never `choices=` on the fields.


FilingTypeFilter = labelled_filter(
    "filing_type", _("filing type"), lambda: [(t.code, t.localized_name) for t in FilingType.objects.all()]
)
RecordActionFilter = labelled_filter("action", _("action"), RECORD_EVENT_LABELS.items)


def _status_name(status: str) -> str:
    return str(STATUS_LABELS.get(status, status)) if status else "—"


class OrderEventInline(admin.TabularInline):
    model = OrderEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor_label", "event_name", "from_status_name", "to_status_name", "reason_text")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("event"))
    def event_name(self, obj):
        return obj.label

    @admin.display(description=_("from status"))
    def from_status_name(self, obj):
        return _status_name(obj.from_status)

    @admin.display(description=_("to status"))
    def to_status_name(self, obj):
        return _status_name(obj.to_status)

    @admin.display(description=_("reason"))
    def reason_text(self, obj):
        return obj.reason_text


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("reference", "organisation", "filing_type_name", "status_name", "submitted_at", "assigned_reviewer")
    list_filter = ("status", FilingTypeFilter)
    search_fields = ("website__domain", "subject__name", "website__filing_number")
    exclude = ("filing_type",)  # shown by name (filing_type_name), never edited here
    readonly_fields = (
        "organisation",
        "filing_type_name",
        "status",
        "subject",
        "website",
        "created_by",
        "created_at",
        "status_changed_at",
        "submitted_at",
        "last_customer_action_at",
        "returned_fields",
        "acknowledged_warnings",
    )
    inlines = [OrderEventInline]

    def get_queryset(self, request):
        return with_filing_type_names(super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("order"), ordering="created_at")
    def reference(self, obj):
        return obj.reference

    @admin.display(description=_("filing type"), ordering="filing_type")
    def filing_type_name(self, obj):
        return obj.filing_type_label

    @admin.display(description=_("status"), ordering="status")
    def status_name(self, obj):
        return obj.status_label


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "province", "filing_number")
    search_fields = ("name", "filing_number")
    exclude = ("certificate_number",)
    readonly_fields = ("filing_number", "filed_at", "principal")


@admin.register(Website)
class WebsiteAdmin(admin.ModelAdmin):
    list_display = ("name", "domain", "organisation", "filing_number")
    search_fields = ("name", "domain", "filing_number")
    readonly_fields = ("filing_number", "sequence", "filed_at", "principal", "subject")


# --- the standing filing records: read-only -----------------------------------------------------


class ReadOnlyMixin:
    """Records change only through the regulator's outcomes (filings.records): no add, change or
    delete here, whoever is signed in (the view permission still lets operators read them)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DomainSearchMixin:
    """A search for a domain typed as a U-label (示例.中国), with `www.` or a path, finds its stored
    A-label main domain too."""

    domain_lookup = "domains__domain"

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        domain = wire_domain(search_term.strip()) if "." in search_term else ""
        if domain:
            found = found | queryset.filter(Q(**{self.domain_lookup: domain}))
            may_have_duplicates = True
        return found, may_have_duplicates


class FiledDomainInline(ReadOnlyMixin, admin.TabularInline):
    model = FiledDomain
    extra = 0
    fields = ("domain", "shown_as", "added_at", "removed_at")
    readonly_fields = fields

    @admin.display(description=_("shown as"))
    def shown_as(self, obj):
        return display_domain(obj.domain)


class AccessRecordInline(ReadOnlyMixin, admin.TabularInline):
    model = AccessRecord
    extra = 0
    fields = ("is_ours", "provider_name", "hosted_site", "status", "since", "until")
    readonly_fields = fields


class WebsiteFilingInline(ReadOnlyMixin, admin.TabularInline):
    model = WebsiteFiling
    extra = 0
    fields = ("filing_number", "name", "status", "filed_at")
    readonly_fields = fields
    show_change_link = True


class RecordEventInline(ReadOnlyMixin, admin.TabularInline):
    model = RecordEvent
    fk_name = "subject_filing"
    extra = 0
    fields = ("at", "action_name", "website_filing", "order", "actor_label", "data")
    readonly_fields = fields

    @admin.display(description=_("action"))
    def action_name(self, obj):
        return obj.label


@admin.register(SubjectFiling)
class SubjectFilingAdmin(ReadOnlyMixin, DomainSearchMixin, admin.ModelAdmin):
    list_display = ("filing_number", "name", "organisation", "province", "status", "filed_at")
    list_filter = ("status", "province")
    search_fields = ("filing_number", "name", "websites__filing_number", "websites__domains__domain")
    domain_lookup = "websites__domains__domain"
    readonly_fields = (
        "filing_number",
        "name",
        "organisation",
        "province",
        "nature",
        "certificate_type",
        "website_sequence",
        "status",
        "filed_at",
        "updated_at",
    )
    fields = readonly_fields  # not the subject row (encrypted PII) nor the certificate index
    inlines = [WebsiteFilingInline, RecordEventInline]


@admin.register(WebsiteFiling)
class WebsiteFilingAdmin(ReadOnlyMixin, DomainSearchMixin, admin.ModelAdmin):
    list_display = ("filing_number", "name", "domain_list", "subject_filing", "status", "filed_at")
    list_filter = ("status", "subject_filing__province")
    search_fields = ("filing_number", "name", "domains__domain")
    list_select_related = ("subject_filing",)
    readonly_fields = ("filing_number", "subject_filing", "sequence", "name", "status", "filed_at", "updated_at")
    fields = readonly_fields
    inlines = [FiledDomainInline, AccessRecordInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("domains")

    @admin.display(description=_("domains"))
    def domain_list(self, obj):
        return ", ".join(display_domain(d.domain) for d in obj.domains.all() if d.removed_at is None)


@admin.register(RecordEvent)
class RecordEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("at", "action_name", "subject_filing", "website_filing", "order", "actor_label")
    list_filter = (RecordActionFilter, "subject_filing__province")
    search_fields = ("subject_filing__filing_number", "website_filing__filing_number")
    list_select_related = ("subject_filing", "website_filing", "order")
    readonly_fields = ("at", "action_name", "subject_filing", "website_filing", "order", "actor_label", "data")
    fields = readonly_fields

    @admin.display(description=_("action"), ordering="action")
    def action_name(self, obj):
        return obj.label


@admin.register(ServiceCode)
class ServiceCodeAdmin(admin.ModelAdmin):
    """Read-only: codes change through beian.filings.service_codes (the platform's API, the filing's outcome)."""

    list_display = ("code", "site", "organisation", "granted_to", "state", "spent", "order", "created_at")
    list_filter = ("state", "spent")
    search_fields = ("code", "site__slug", "site__title", "organisation__name")
    list_select_related = ("site", "organisation", "granted_to", "order")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
