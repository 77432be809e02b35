"""Operators edit reference data here; every edit is audited and applies on the next request."""

from decimal import Decimal

from django.contrib import admin

from beian.core import audit, clock
from beian.reference import models as m


class AuditedReferenceAdmin(admin.ModelAdmin):
    readonly_fields = ("edited_at",)

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            original = type(obj).objects.get(pk=obj.pk)
            before = {f: _plain(getattr(original, f)) for f in form.changed_data}
        obj.edited_at = clock.now()
        super().save_model(request, obj, form, change)
        after = {f: _plain(getattr(obj, f)) for f in form.changed_data}
        audit.record(
            action="reference.edit" if change else "reference.create",
            target=obj,
            actor=request.user,
            data={"before": before, "after": after, "object": str(obj)},
        )

    def delete_model(self, request, obj):
        audit.record(action="reference.delete", target=obj, actor=request.user, data={"object": str(obj)})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


def _plain(value):
    if isinstance(value, Decimal):  # a plan's price: the audit data is JSON
        return str(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


@admin.register(m.Province)
class ProvinceAdmin(AuditedReferenceAdmin):
    list_display = (
        "code",
        "name",
        "icp_abbr",
        "psb_abbr",
        "expected_regulator_review_working_days",
        "min_domain_days_remaining",
        "org_subject_principal_rule",
        "edited_at",
    )
    search_fields = ("name", "name_en", "code")


@admin.register(m.CertificateType)
class CertificateTypeAdmin(AuditedReferenceAdmin):
    list_display = ("code", "name_zh", "name_en", "holder")
    search_fields = ("name_zh", "name_en")


@admin.register(m.SubjectNature)
class SubjectNatureAdmin(AuditedReferenceAdmin):
    list_display = ("code", "name_zh", "name_en", "allowed_certificate_codes", "offer_to_customers")


@admin.register(m.FilingType)
class FilingTypeAdmin(AuditedReferenceAdmin):
    list_display = ("code", "name_zh", "name_en")


@admin.register(m.ServiceContent, m.PreApprovalItem, m.Language, m.AccessMethod)
class NamedItemAdmin(AuditedReferenceAdmin):
    list_display = ("name_zh", "name_en", "allowed_for_individuals")
    search_fields = ("name_zh", "name_en")


@admin.register(m.ApprovedTld)
class ApprovedTldAdmin(AuditedReferenceAdmin):
    list_display = ("suffix", "group", "edited_at")
    list_filter = ("group",)
    search_fields = ("suffix",)


@admin.register(m.NameWord)
class NameWordAdmin(AuditedReferenceAdmin):
    list_display = ("word", "list_key", "edited_at")
    list_filter = ("list_key",)
    search_fields = ("word",)


@admin.register(m.RejectionReason)
class RejectionReasonAdmin(AuditedReferenceAdmin):
    list_display = ("code", "stage", "text_zh", "text_en")
    search_fields = ("code", "text_zh", "text_en")


@admin.register(m.CalendarDay)
class CalendarDayAdmin(AuditedReferenceAdmin):
    list_display = ("date", "kind", "name", "edited_at")
    list_filter = ("kind",)
    date_hierarchy = "date"


@admin.register(m.ReferenceSetting)
class ReferenceSettingAdmin(AuditedReferenceAdmin):
    list_display = ("key", "edited_at")
    search_fields = ("key",)


@admin.register(m.Plan)
class PlanAdmin(AuditedReferenceAdmin):
    list_display = (
        "code",
        "name_zh",
        "name_en",
        "assisted_service_included",
        "assisted_service_price",
        "is_default",
        "edited_at",
    )
    search_fields = ("code", "name_zh", "name_en")
