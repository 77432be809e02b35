from django.contrib import admin

from beian.monitor.models import Risk, WebsiteCheck


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    """Read-only: risks change only through the monitor's checks (audited)."""

    list_display = ("code", "target", "website_filing", "subject_filing", "status", "deadline", "proposed_cancel_at")
    list_filter = ("status", "kind", "severity")
    search_fields = ("target", "code", "website_filing__filing_number", "subject_filing__filing_number")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WebsiteCheck)
class WebsiteCheckAdmin(admin.ModelAdmin):
    list_display = ("website_filing", "checked_at", "duration_ms", "incomplete")
    list_filter = ("incomplete",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
