"""Sites hosted by the site builder, and the domains they answer on."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HostedSite(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="hosted_sites")
    slug = models.SlugField(_("address"), unique=True, help_text=_("answers on http://<address>.localhost:8000"))
    title = models.CharField(_("title"), max_length=200)
    body_html = models.TextField(_("content"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title

    @property
    def address_url(self) -> str:
        """Where the site answers on the platform: http://<slug>.localhost:<port>/ (BEIAN_HOSTED_SITE_URL)."""
        return settings.BEIAN_HOSTED_SITE_URL.format(slug=self.slug)

    @property
    def primary_domain(self) -> str:
        domain = self.domains.order_by("pk").first()
        return domain.domain if domain else ""


class SiteDomain(models.Model):
    site = models.ForeignKey(HostedSite, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, unique=True)

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().rstrip(".")
        super().save(*args, **kwargs)
