"""What the applicant's pages and the API read about hosted sites: the numbers each site is served
with now (fresh gate decisions from the records), and what its custom footer is checked against."""

from __future__ import annotations

from dataclasses import dataclass

from beian.hosting import gate
from beian.hosting.entries import ascii_host, decide_host, new_access_policy, psb_number_of
from beian.hosting.footer import formats
from beian.hosting.models import HostedSite, SiteDomain
from beian.rules.findings import Finding
from beian.rules.footer import FooterFacts, check_custom_footer, footer_facts


@dataclass(frozen=True)
class ServedNumber:
    domain: str  # the bound domain, as stored
    filing_number: str
    psb_number: str


def served_numbers(site: HostedSite) -> list[ServedNumber]:
    """The numbers each bound domain of the site is served with now (gate decisions computed fresh
    from the records); domains not served are left out."""
    policy = new_access_policy()
    rows = []
    for domain in SiteDomain.objects.filter(site=site).order_by("pk").values_list("domain", flat=True):
        main, decision = decide_host(ascii_host(domain), organisation_id=site.organisation_id, policy=policy)
        if decision.access == gate.Access.SERVE:
            rows.append(ServedNumber(domain, decision.filing_number, psb_number_of(main, decision.filing_number)))
    return rows


def site_footer_facts(site: HostedSite) -> FooterFacts:
    served = served_numbers(site)
    return footer_facts(
        formats(), filing_numbers=[s.filing_number for s in served], psb_numbers=[s.psb_number for s in served]
    )


def custom_footer_findings(site: HostedSite, markup: str) -> list[Finding]:
    """What keeps `markup` from being the site's custom footer now (the preview shows them)."""
    return check_custom_footer(markup, site_footer_facts(site))


def sites_serving_filing(organisation, filing_number: str) -> list[HostedSite]:
    """The tenant's hosted sites that serve a domain with this website filing number now."""
    sites = HostedSite.objects.filter(organisation=organisation).order_by("pk")
    return [s for s in sites if any(n.filing_number == filing_number for n in served_numbers(s))]


def site_for_organisation(organisation, ref: str) -> HostedSite | None:
    """The tenant's hosted site named by a partner: its id, or its address (slug)."""
    ref = (ref or "").strip()
    sites = HostedSite.objects.filter(organisation=organisation)
    if ref.isdigit():
        return sites.filter(pk=int(ref)).first()
    return sites.filter(slug=ref).first() if ref else None


def site_of_platform(platform, ref: str) -> HostedSite | None:
    """A hosted site of one of the organisations `platform` provisioned, named by the platform's own site id
    (what provisioning put), else by our id, else by its address (slug)."""
    ref = (ref or "").strip()
    if not ref:
        return None
    sites = HostedSite.objects.filter(organisation__platform=platform).select_related("organisation")
    by_external_id = list(sites.filter(external_id=ref)[:2])
    if len(by_external_id) == 1:  # unique per platform (provisioning); two would be ambiguous: not by this id
        return by_external_id[0]
    if ref.isdigit():
        return sites.filter(pk=int(ref)).first()
    return sites.filter(slug=ref).first()
