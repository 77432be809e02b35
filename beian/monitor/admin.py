from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.core.admin_filters import labelled_filter
from beian.monitor.models import Risk, WebsiteCheck

SEVERITY_LABELS = {"error": _("Error"), "warning": _("Warning"), "info": _("Info")}


SeverityFilter = labelled_filter("severity", _("severity"), SEVERITY_LABELS.items)


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    """Read-only: risks change only through the monitor's checks (audited)."""

    list_display = (
        "message",
        "target",
        "website_filing",
        "subject_filing",
        "severity_name",
        "status",
        "deadline",
        "proposed_cancel_at",
    )
    list_filter = ("status", "kind", SeverityFilter)
    search_fields = ("target", "code", "website_filing__filing_number", "subject_filing__filing_number")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("message"))
    def message(self, obj):
        return obj.message(get_language() or "") or obj.message_zh  # Chinese where no English text was kept

    @admin.display(description=_("severity"), ordering="severity")
    def severity_name(self, obj):
        return SEVERITY_LABELS.get(obj.severity, obj.severity)

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
