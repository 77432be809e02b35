"""Sites hosted by the site builder, and the domains they answer on."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HostedSite(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="hosted_sites", verbose_name=_("organisation")
    )
    slug = models.SlugField(_("address"), unique=True, help_text=_("answers on http://<address>.localhost:8000"))
    title = models.CharField(_("title"), max_length=200)
    body_html = models.TextField(_("content"), blank=True)
    # The customer's own footer, shown above the filing footer the platform renders from the record
    # (rules file §8.1): set by hosting.services.hosted_site_set_custom_footer, checked by
    # beian.rules.footer, and sanitised again whenever a page shows it.
    custom_footer_html = models.TextField(_("custom footer"), blank=True)
    # The site builder's id of this site (beian.hosting.provisioning): unique among the sites of the
    # organisation's platform (the service checks it under a lock of the platform; the constraint
    # below holds it per organisation). Empty for sites not provisioned by a platform.
    external_id = models.CharField(_("site-builder site id"), max_length=100, blank=True, default="", db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The last change through provisioning, on the business clock (empty: never; the API reads
    # created_at), what the platform's `updated_since` filter reads.
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("hosted site")
        verbose_name_plural = _("hosted sites")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="uniq_hosted_site_external_id_per_organisation",
            )
        ]

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

    class Meta:
        verbose_name = _("site domain")
        verbose_name_plural = _("site domains")

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().rstrip(".")
        super().save(*args, **kwargs)


class GateEntry(models.Model):
    """The gate's published decision for one address a site answers on: each bound domain (as its
    A-label) and the platform address `<slug><HOSTED_SITE_SUFFIX>`. Maintained by
    `beian.hosting.entries` (signal receivers, `manage.py gate_rebuild`); a hosted request reads it
    in one indexed query joined to its site. An nginx edge map can be generated from it.

    `valid_until` NULL marks an entry stale (set inside the transaction of any change that may
    alter it, so a crash after commit cannot leave it serving the old decision); a stale or expired
    entry is recomputed on the next request. `generation` is bumped by every invalidation: a
    recomputation started before it is not written back (optimistic concurrency)."""

    host = models.CharField(max_length=253, unique=True)
    site = models.ForeignKey(HostedSite, on_delete=models.CASCADE, related_name="gate_entries")
    domain = models.CharField(max_length=253, blank=True, db_index=True)  # the main domain decided on
    access = models.CharField(max_length=20)
    reason = models.CharField(max_length=30)
    filing_number = models.CharField(max_length=48, blank=True)
    psb_number = models.CharField(max_length=40, blank=True)  # the website's 公网安备 number (§8.2), when entered
    generation = models.PositiveIntegerField(default=0)
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gate entry")
        verbose_name_plural = _("gate entries")

    def __str__(self) -> str:
        return f"{self.host}: {self.access}"
