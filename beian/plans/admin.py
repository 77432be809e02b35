"""Operators put an organisation on a plan (audited, through the one service) and read the payments
(the gateway settles them: nothing here changes a payment). The plans themselves are reference
data: Reference data → Plans."""

from django.contrib import admin

from beian.plans import services
from beian.plans.models import Payment, PlanAssignment


@admin.register(PlanAssignment)
class PlanAssignmentAdmin(admin.ModelAdmin):
    list_display = ("organisation", "plan", "assigned_at")
    list_filter = ("plan",)
    search_fields = ("organisation__name",)
    autocomplete_fields = ("organisation",)
    readonly_fields = ("assigned_at",)

    def save_model(self, request, obj, form, change):
        saved, _changed = services.organisation_set_plan(
            organisation=obj.organisation, plan_code=obj.plan.code, actor=request.user
        )
        obj.pk, obj.assigned_at = saved.pk, saved.assigned_at

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # an organisation without one is on the default plan: set that plan instead


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("number", "organisation", "order", "amount", "status", "receipt_number", "created_at", "settled_at")
    list_filter = ("status", "plan_code")
    search_fields = ("number", "receipt_number", "organisation__name", "gateway_payment_id")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
