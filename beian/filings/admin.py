"""Operators see orders here; the state machine owns status and numbers (read-only)."""

from django.contrib import admin

from beian.filings.models import Order, OrderEvent, Subject, Website


class OrderEventInline(admin.TabularInline):
    model = OrderEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor_label", "event", "from_status", "to_status", "reason")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("reference", "organisation", "filing_type", "status", "submitted_at", "assigned_reviewer")
    list_filter = ("status", "filing_type")
    search_fields = ("website__domain", "subject__name", "website__filing_number")
    readonly_fields = (
        "organisation",
        "filing_type",
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

    def has_add_permission(self, request):
        return False


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
