from django.contrib import admin

from beian.hosting.models import HostedSite, SiteDomain


class SiteDomainInline(admin.TabularInline):
    model = SiteDomain
    extra = 0


@admin.register(HostedSite)
class HostedSiteAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "organisation", "created_at")
    search_fields = ("title", "slug", "domains__domain")
    inlines = [SiteDomainInline]
