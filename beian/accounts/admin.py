from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from beian.accounts.models import ApiToken, Membership, Organisation, Platform, PlatformToken, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class BeianUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Beian", {"fields": ("role", "language", "platform", "external_id")}))
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "platform", "external_id", "created_at")
    list_filter = ("platform",)
    search_fields = ("name", "external_id")
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at")
    readonly_fields = ("key_hash", "prefix")


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name", "slug")


@admin.register(PlatformToken)
class PlatformTokenAdmin(admin.ModelAdmin):
    """Read-only here: tokens are issued and revoked in the operator console (the key is shown once)."""

    list_display = ("platform", "name", "prefix", "scopes", "expires_at", "revoked_at", "last_used_at")
    list_filter = ("platform",)
    readonly_fields = [f.name for f in PlatformToken._meta.fields]

    def has_add_permission(self, request):
        return False
