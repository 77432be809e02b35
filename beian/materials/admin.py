from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.core import audit, clock
from beian.materials.models import Material, MaterialRequirement
from beian.materials.requirements import split_slot


@admin.register(MaterialRequirement)
class MaterialRequirementAdmin(admin.ModelAdmin):
    list_display = ("slot", "label", "holder", "required", "formats", "max_bytes", "min_short_side", "provinces")
    list_filter = ("holder", "required")

    def save_model(self, request, obj, form, change):
        obj.edited_at = clock.now()
        super().save_model(request, obj, form, change)
        audit.record(action="reference.edit", target=obj, actor=request.user, data={"fields": form.changed_data})

    @admin.display(description=_("label"), ordering="slot")
    def label(self, obj):
        return obj.label(get_language() or "")


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ("order", "slot", "version", "is_current", "check_status", "uploaded_at")
    list_select_related = ("order",)
    readonly_fields = [f.name for f in Material._meta.fields]

    def has_add_permission(self, request):
        return False

    def get_list_display(self, request):
        """The slot column names the document in the reader's language (the requirements read once a page)."""
        requirements = {r.slot: r for r in MaterialRequirement.objects.all()}
        language = get_language() or ""

        @admin.display(description=_("document"), ordering="slot")
        def document(obj):
            base, index = split_slot(obj.slot)
            requirement = requirements.get(base)
            if requirement is None:
                return obj.slot
            label = requirement.label(language)
            return _("%(label)s (website %(n)s)") % {"label": label, "n": index + 1} if index else label

        return [document if name == "slot" else name for name in super().get_list_display(request)]
