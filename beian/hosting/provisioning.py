"""The hosted sites a site-building platform provisions for its organisations, and the domains they answer
on, by the platform's own site ids (HostedSite.external_id, unique among the sites of one platform).

Upserts are idempotent (PUT semantics, see beian.accounts.provisioning). What the filing records depend on
is refused with a 409 that says what to file first: a site with an open filing order or serving a website
filed with our access is not removed, and a filed domain is not taken off its site. A domain answers on
one site only. Gate entries follow every change through the HostedSite/SiteDomain receivers.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http.request import validate_host
from django.utils.translation import gettext as _

from beian.accounts.models import Organisation, Platform
from beian.accounts.provisioning import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Upserted,
    audit_label,
    check_external_id,
    required_text,
)
from beian.core import audit, clock
from beian.core.exceptions import Conflict, NotFound, ValidationFailed
from beian.filings import states
from beian.filings.models import AccessRecord, FiledDomain, Order, RecordStatus
from beian.hosting.entries import ascii_host
from beian.hosting.models import HostedSite, SiteDomain
from beian.rules.domains import display_domain, wire_domain

# A site's address on the platform is <slug><HOSTED_SITE_SUFFIX>: one DNS label.
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
MAX_DOMAINS = 100


def _label(organisation: Organisation, actor_label: str) -> str:
    return audit_label(organisation.platform, actor_label)


# --- selectors -----------------------------------------------------------------------------------------


def platform_sites(platform: Platform) -> QuerySet[HostedSite]:
    """The hosted sites `platform` provisioned (the only ones it may see), their organisation loaded."""
    return (
        HostedSite.objects.filter(organisation__platform=platform)
        .exclude(external_id="")
        .exclude(organisation__external_id="")
        .select_related("organisation")
    )


def platform_site(*, organisation: Organisation, external_id: str, lock: bool = False) -> HostedSite:
    rows = HostedSite.objects.filter(organisation=organisation).exclude(external_id="")
    site = (rows.select_for_update() if lock else rows).filter(external_id=external_id).first()
    if site is None:
        raise NotFound(
            _("This organisation has no site “%(id)s”.") % {"id": external_id[:120]},
            field="site",
            code="provisioning.site_not_found",
        )
    return site


# --- checks --------------------------------------------------------------------------------------------


def check_slug(value: str) -> str:
    slug = (value or "").strip().lower()
    if not SLUG.fullmatch(slug):
        raise ValidationFailed(
            _(
                "“%(slug)s” is not a valid site address: use 1 to 63 lower-case letters, digits and hyphens, "
                "starting and ending with a letter or digit."
            )
            % {"slug": slug[:80]},
            field="slug",
            code="provisioning.slug_invalid",
        )
    return slug


def host_domain(value: str) -> str:
    """A domain a site may answer on, as bound (its A-label, lower case): "例子.中国", "XN--fsqu00a.xn--fiqs8s."
    and the full-width form give one value. ValidationFailed `provisioning.domain_invalid` for what is no
    host name, `provisioning.domain_platform_address` for our own addresses."""
    text = (value or "").strip()
    try:
        ascii_form = wire_domain(text).lower()
    except ValueError:
        ascii_form = ""
    labels = ascii_form.split(".")
    if (
        len(labels) < 2
        or len(ascii_form) > 253
        or labels[-1].isdigit()
        or not all(_LABEL.fullmatch(label) for label in labels)
    ):
        raise ValidationFailed(
            _("“%(domain)s” is not a domain name a site can answer on (e.g. example.cn or shop.example.com.cn).")
            % {"domain": text[:120]},
            field="domain",
            code="provisioning.domain_invalid",
        )
    suffix = settings.HOSTED_SITE_SUFFIX.lower()
    if (
        validate_host(ascii_form, settings.PLATFORM_HOSTS)
        or ascii_form.endswith(suffix)
        or ascii_form == suffix.lstrip(".")
    ):
        raise ValidationFailed(
            _("“%(domain)s” is an address of this service, not a domain of a site.") % {"domain": text[:120]},
            field="domain",
            code="provisioning.domain_platform_address",
        )
    return ascii_form


def _bound(domain: str) -> QuerySet[SiteDomain]:
    """The binding of an A-label, whether it was stored as the A-label or as typed (U-label)."""
    return SiteDomain.objects.filter(domain__in={domain, display_domain(domain)})


def _filed_here(domain: str) -> FiledDomain | None:
    """The active filed domain `domain` of a website we access, if any."""
    return (
        FiledDomain.objects.filter(
            domain=domain,
            removed_at__isnull=True,
            website_filing__status=RecordStatus.ACTIVE,
            website_filing__accesses__is_ours=True,
            website_filing__accesses__status=RecordStatus.ACTIVE,
        )
        .select_related("website_filing")
        .first()
    )


# --- sites ---------------------------------------------------------------------------------------------


def hosted_site_upsert(
    *,
    organisation: Organisation,
    external_id: str,
    slug: str,
    title: str,
    domains: list[str] | None = None,
    actor_label: str = "",
) -> Upserted[HostedSite]:
    """The platform's site `external_id` of `organisation`, answering on `<slug>` and titled `title`;
    with `domains`, bound to exactly those domains (missing ones added, others removed, with the same
    refusals as site_domain_add/remove; all or nothing). Made if new, else updated or unchanged.

    409 `provisioning.slug_taken` for another site's address, `provisioning.site_in_other_organisation`
    when the platform's id names a site of another of its organisations (a site does not move between
    accounts: its filings belong to one subject)."""
    if organisation.platform_id is None:
        raise NotFound(_("No such organisation."), field="organisation", code="provisioning.organisation_not_found")
    external_id = check_external_id(external_id)
    slug = check_slug(slug)
    title = required_text(title, field="title", max_length=200, label=_("title"))
    wanted = None
    if domains is not None:
        if len(domains) > MAX_DOMAINS:
            raise ValidationFailed(
                _("A site can have at most %(max)s domains.") % {"max": MAX_DOMAINS},
                field="domains",
                code="provisioning.too_many_domains",
            )
        wanted = list(dict.fromkeys(host_domain(d) for d in domains))
    label = _label(organisation, actor_label)
    with transaction.atomic():
        # one site change of a platform at a time: its site ids are unique across its organisations
        Platform.objects.select_for_update().filter(pk=organisation.platform_id).first()
        elsewhere = (
            HostedSite.objects.filter(organisation__platform_id=organisation.platform_id, external_id=external_id)
            .exclude(organisation=organisation)
            .select_related("organisation")
            .first()
        )
        if elsewhere is not None:
            raise Conflict(
                _(
                    "The site “%(id)s” belongs to the organisation “%(organisation)s”. A site does not move "
                    "between organisations; remove it there first, or use another id."
                )
                % {"id": external_id, "organisation": elsewhere.organisation.external_id},
                field="external_id",
                code="provisioning.site_in_other_organisation",
            )
        site = HostedSite.objects.select_for_update().filter(organisation=organisation, external_id=external_id).first()
        same_slug = HostedSite.objects.filter(slug=slug)
        if (same_slug.exclude(pk=site.pk) if site else same_slug).exists():
            raise Conflict(
                _("The address “%(slug)s” is taken by another site; choose another.") % {"slug": slug},
                field="slug",
                code="provisioning.slug_taken",
            )
        status = UNCHANGED
        if site is None:
            try:
                with transaction.atomic():
                    site = HostedSite.objects.create(
                        organisation=organisation,
                        external_id=external_id,
                        slug=slug,
                        title=title,
                        updated_at=clock.now(),
                    )
            except IntegrityError:
                raise Conflict(
                    _("The address “%(slug)s” is taken by another site; choose another.") % {"slug": slug},
                    field="slug",
                    code="provisioning.slug_taken",
                ) from None
            audit.record(
                action="hosted_site.provisioned",
                target=site,
                actor_label=label,
                data={"external_id": external_id, "slug": slug, "title": title},
            )
            status = CREATED
        else:
            changed = {f: v for f, v in (("slug", slug), ("title", title)) if getattr(site, f) != v}
            if changed:
                before = {f: getattr(site, f) for f in changed}
                for field, value in changed.items():
                    setattr(site, field, value)
                site.updated_at = clock.now()
                site.save(update_fields=[*changed, "updated_at"])
                audit.record(
                    action="hosted_site.updated", target=site, actor_label=label, data={"before": before, **changed}
                )
                status = UPDATED
        if wanted is not None:
            current = {ascii_host(d) for d in site.domains.values_list("domain", flat=True)}
            for domain in wanted:
                if domain not in current:
                    _bind(site, domain, label)
            for domain in sorted(current - set(wanted)):
                _unbind(site, domain, label)
            if set(wanted) != current:
                _touch(site)
                status = UPDATED if status == UNCHANGED else status
    return Upserted(site, status)


def hosted_site_remove(*, site: HostedSite, actor_label: str = "") -> None:
    """Delete a provisioned site with its domain bindings.

    Refused (409, nothing changed) while the filing records need the site: `provisioning.site_filed` when
    it serves a website filed with our access (cancel the access first, or move the website to another site
    with a change of access), `provisioning.site_has_open_order` while a filing order for it is open
    (withdraw or abandon it, or let it finish, first)."""
    label = _label(site.organisation, actor_label)
    with transaction.atomic():
        locked = HostedSite.objects.select_for_update().get(pk=site.pk)
        access = (
            AccessRecord.objects.filter(hosted_site=locked, is_ours=True, status=RecordStatus.ACTIVE)
            .select_related("website_filing")
            .first()
        )
        if access is not None:
            raise Conflict(
                _(
                    "This site serves the website %(number)s, filed with our access. Cancel the access first "
                    "(an order to cancel access, 取消接入), or move the website to another site with a change of "
                    "access; then remove the site."
                )
                % {"number": access.website_filing.filing_number},
                code="provisioning.site_filed",
            )
        order = (
            Order.objects.filter(Q(website__hosted_site=locked) | Q(websites__hosted_site=locked))
            .exclude(status__in=states.TERMINAL)
            .order_by("pk")
            .first()
        )
        if order is not None:
            raise Conflict(
                _(
                    "This site has an open filing order (%(reference)s). Withdraw or abandon it, or wait until it "
                    "is finished, before removing the site."
                )
                % {"reference": order.reference},
                code="provisioning.site_has_open_order",
            )
        data = {
            "external_id": locked.external_id,
            "slug": locked.slug,
            "domains": list(locked.domains.values_list("domain", flat=True)),
        }
        pk, organisation_id = locked.pk, locked.organisation_id
        locked.delete()
        audit.record(
            action="hosted_site.removed",
            target_type="hosting.hostedsite",
            target_id=pk,
            organisation_id=organisation_id,
            actor_label=label,
            data=data,
        )


# --- domains -------------------------------------------------------------------------------------------


def _touch(site: HostedSite) -> None:
    site.updated_at = clock.now()
    HostedSite.objects.filter(pk=site.pk).update(updated_at=site.updated_at)


def _bind(site: HostedSite, domain: str, label: str) -> SiteDomain:
    other = _bound(domain).exclude(site=site).first()
    if other is not None:
        raise Conflict(
            _("The domain %(domain)s is bound to another site. Remove it there first.")
            % {"domain": display_domain(domain)},
            field="domain",
            code="provisioning.domain_taken",
        )
    try:
        with transaction.atomic():
            binding = SiteDomain.objects.create(site=site, domain=domain)
    except IntegrityError:  # bound by a concurrent call
        raise Conflict(
            _("The domain %(domain)s is bound to another site. Remove it there first.")
            % {"domain": display_domain(domain)},
            field="domain",
            code="provisioning.domain_taken",
        ) from None
    audit.record(
        action="hosting.domain_bound",
        target=binding,
        organisation_id=site.organisation_id,
        actor_label=label,
        data={"domain": domain, "site": site.external_id or site.slug},
    )
    return binding


def _unbind(site: HostedSite, domain: str, label: str) -> None:
    filed = _filed_here(domain)
    if filed is not None:
        raise Conflict(
            _(
                "%(domain)s is filed for the website %(number)s, accessed through us. Taking it off its site needs "
                "a website change that removes the domain from the filing, or a cancellation of the website or of "
                "its access, first."
            )
            % {"domain": display_domain(domain), "number": filed.website_filing.filing_number},
            field="domain",
            code="provisioning.domain_filed",
        )
    for binding in _bound(domain).filter(site=site):
        audit.record(
            action="hosting.domain_unbound",
            target=binding,
            organisation_id=site.organisation_id,
            actor_label=label,
            data={"domain": binding.domain, "site": site.external_id or site.slug},
        )
        binding.delete()


def site_domain_add(*, site: HostedSite, domain: str, actor_label: str = "") -> Upserted[SiteDomain]:
    """Bind `domain` (normalised by host_domain) to `site`; unchanged when it is bound there already.
    409 `provisioning.domain_taken` when another site answers on it."""
    domain = host_domain(domain)
    label = _label(site.organisation, actor_label)
    with transaction.atomic():
        HostedSite.objects.select_for_update().filter(pk=site.pk).first()
        existing = _bound(domain).filter(site=site).first()
        if existing is not None:
            return Upserted(existing, UNCHANGED)
        binding = _bind(site, domain, label)
        _touch(site)
    return Upserted(binding, CREATED)


def site_domain_remove(*, site: HostedSite, domain: str, actor_label: str = "") -> None:
    """Take `domain` off `site`. 404 `provisioning.domain_not_found` when it is not bound there; 409
    `provisioning.domain_filed` for a domain filed with our access (file a website change or a
    cancellation first)."""
    domain = host_domain(domain)
    label = _label(site.organisation, actor_label)
    with transaction.atomic():
        HostedSite.objects.select_for_update().filter(pk=site.pk).first()
        if not _bound(domain).filter(site=site).exists():
            raise NotFound(
                _("The domain %(domain)s is not bound to this site.") % {"domain": display_domain(domain)},
                field="domain",
                code="provisioning.domain_not_found",
            )
        _unbind(site, domain, label)
        _touch(site)
