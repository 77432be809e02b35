from django.contrib import admin

from beian.core import audit, clock
from beian.materials.models import Material, MaterialRequirement


@admin.register(MaterialRequirement)
class MaterialRequirementAdmin(admin.ModelAdmin):
    list_display = ("slot", "holder", "required", "formats", "max_bytes", "min_short_side", "provinces")
    list_filter = ("holder", "required")

    def save_model(self, request, obj, form, change):
        obj.edited_at = clock.now()
        super().save_model(request, obj, form, change)
        audit.record(action="reference.edit", target=obj, actor=request.user, data={"fields": form.changed_data})


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ("order", "slot", "version", "is_current", "check_status", "uploaded_at")
    readonly_fields = [f.name for f in Material._meta.fields]

    def has_add_permission(self, request):
        return False
