from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied

from beian.accounts.models import ApiToken, Membership, Organisation, Platform, PlatformToken, User, users_with_email


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


# What only a real superuser may set: staying out of these is what keeps an operator (staff with the
# operators group's permissions) from making anyone, themselves included, more powerful than that.
PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


@admin.register(User)
class BeianUserAdmin(UserAdmin):
    """Least privilege for operators: the privilege fields are read-only, passwords are neither shown
    nor set (no password form, no adding users with one), and a superuser's account only viewed."""

    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
    # the email is sealed: a whole address is searched through its blind index (get_search_results)
    search_fields = ("username", "first_name", "last_name")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Beian", {"fields": ("role", "language", "platform", "external_id")}))
    inlines = [MembershipInline]

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if "@" in search_term:
            found = found | users_with_email(queryset, search_term)
        return found, may_have_duplicates

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser or obj is None:
            return fieldsets
        return [
            (name, {**options, "fields": tuple(f for f in options["fields"] if f != "password")})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else (*readonly, *PRIVILEGE_FIELDS)

    def has_add_permission(self, request):
        return request.user.is_superuser  # the add form sets a password

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


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
