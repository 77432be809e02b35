"""Run the rules engine over an order with the current reference data and domain facts."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from beian import rules
from beian.core import clock
from beian.filings.detection import existing_filings_for
from beian.filings.rules_input import order_input
from beian.integrations import domain_registry as registry
from beian.reference import snapshot
from beian.rules.model import DomainFacts


@lru_cache(maxsize=1)
def domain_registry():
    if settings.DOMAIN_REGISTRY.startswith("http"):
        return registry.RdapDomainRegistry(settings.DOMAIN_REGISTRY, timeout=5)
    return registry.FixtureDomainRegistry()


def domain_facts(domain: str):
    if not domain:
        return None
    try:
        return domain_registry().lookup(domain)
    except Exception:  # registry down: the rules say "could not verify" rather than inventing facts
        return None


def order_findings(order, *, complete: bool = False):

    data = order_input(order, domain_facts=domain_facts)  # asked for every website's domain
    return rules.validate_order(data, snapshot.current(), today=clock.today(), complete=complete)


def payload_findings(data: dict, *, complete: bool = False, organisation=None):
    """Findings for an order sent as JSON (partner API, CLI shape). What is already filed (the same
    lookups as the first step and the wizard: filings.detection) and what the registry says about
    the domains are looked up here, never taken from the caller. `organisation`: the caller's, for
    "filed with us under another account"."""

    order = rules.order_from_dict(data if isinstance(data, dict) else {})
    order.existing = existing_filings_for(
        organisation=organisation,
        certificate_type=order.subject.certificate_type,
        certificate_number=order.subject.certificate_number,
        domains=[w.domain for w in order.websites],
    )
    for website in order.websites:
        facts = domain_facts(website.domain) if website.domain else None
        website.domain_facts = facts if isinstance(facts, DomainFacts) else None
    return list(order.input_findings) + rules.validate_order(
        order, snapshot.current(), today=clock.today(), complete=complete
    )
