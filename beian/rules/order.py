"""Rules across the parts of one order: contacts shared between principals, emergency phones,
numbers used by other subjects, domains (or main domains) listed twice, and how many websites and
domains one order may hold (§5.3, §5.7, §6.3, §12)."""

from __future__ import annotations

from collections.abc import Callable

from beian.rules.contacts import national_number
from beian.rules.context import Context
from beian.rules.domains import domain_key, main_domain_key
from beian.rules.filing_type import DETECTED_TYPES
from beian.rules.findings import Finding
from beian.rules.model import OrderInput, PersonInput
from beian.rules.reference import OrderCap, SubjectKind
from beian.rules.registry import (
    CONTACTS_SHARED,
    DOMAIN_DUPLICATED_IN_ORDER,
    DOMAIN_SAME_MAIN_DOMAIN_IN_ORDER,
    EMERGENCY_PHONE_SAME_AS_MOBILE,
    ORDER_DOMAINS_PROVINCE_CAP,
    ORDER_FILED_WEBSITES_PROVINCE_CAP,
    ORDER_WEBSITES_PROVINCE_CAP,
    ORDER_WEBSITES_TOO_MANY,
    PHONE_USED_BY_OTHER_SUBJECT,
    Bilingual,
    Rule,
)
from beian.rules.text import compact_number, comparable_name

Principals = list[tuple[str, PersonInput]]  # (field prefix, person)


def principals(order: OrderInput) -> Principals:
    return [
        ("subject.principal", order.subject.principal),
        *((f"websites[{i}].principal", w.principal) for i, w in enumerate(order.websites)),
    ]


def check_order_contacts(order: OrderInput) -> list[Finding]:
    people = principals(order)
    return [
        *_shared_contacts(people, "mobile", national_number),
        *_shared_contacts(people, "email", lambda email: email.strip().casefold()),
        *_emergency_phones(people),
        *_used_by_other_subjects(people, order.existing.mobiles_used_by_other_subjects),
    ]


def _identity(person: PersonInput) -> str:
    """Who a principal is: the certificate number, else the name ('' when neither is known)."""
    return compact_number(person.certificate_number) or comparable_name(person.name)


def _shared_contacts(people: Principals, attribute: str, comparable: Callable[[str], str]) -> list[Finding]:
    """Different persons must not share a mobile or an email; one person may repeat his own."""
    first_seen: dict[str, tuple[str, str]] = {}
    findings = []
    for prefix, person in people:
        value, identity = comparable(getattr(person, attribute)), _identity(person)
        if not value or not identity:
            continue
        owner = first_seen.setdefault(value, (identity, f"{prefix}.{attribute}"))
        if owner[0] != identity:
            findings.append(CONTACTS_SHARED.at(f"{prefix}.{attribute}", other=owner[1]))
    return findings


def _emergency_phones(people: Principals) -> list[Finding]:
    mobiles: dict[str, str] = {}
    for prefix, person in people:
        if person.mobile:
            mobiles.setdefault(national_number(person.mobile), f"{prefix}.mobile")
    return [
        EMERGENCY_PHONE_SAME_AS_MOBILE.at(f"{prefix}.emergency_phone", other=mobiles[number])
        for prefix, person in people
        if person.emergency_phone and (number := national_number(person.emergency_phone)) in mobiles
    ]


def _used_by_other_subjects(people: Principals, used_numbers: list[str]) -> list[Finding]:
    used = {national_number(n) for n in used_numbers if n}
    return [
        PHONE_USED_BY_OTHER_SUBJECT.at(f"{prefix}.{attribute}")
        for prefix, person in people
        for attribute in ("mobile", "emergency_phone")
        if (value := getattr(person, attribute)) and national_number(value) in used
    ]


def listed_domains(order: OrderInput) -> list[tuple[str, str]]:
    """(field, domain) of every domain the order lists, in form order; empty ones left out."""
    return [
        (field, domain)
        for index, website in enumerate(order.websites)
        for field, domain in (
            (f"websites[{index}].domain", website.domain),
            *((f"websites[{index}].extra_domains[{j}]", d) for j, d in enumerate(website.extra_domains)),
        )
        if domain_key(domain)
    ]


def check_order_domains(order: OrderInput, ctx: Context) -> list[Finding]:
    """One domain, one website: neither the same domain nor the same main domain twice in an order."""
    first_seen: dict[str, str] = {}
    main_seen: dict[str, str] = {}
    findings = []
    for field, domain in listed_domains(order):
        key = domain_key(domain)
        other = first_seen.setdefault(key, field)
        if other != field:
            findings.append(DOMAIN_DUPLICATED_IN_ORDER.at(field, domain=key, other=other))
            continue
        main = main_domain_key(domain, ctx)
        other = main_seen.setdefault(main, field) if main else field
        if other != field:
            findings.append(DOMAIN_SAME_MAIN_DOMAIN_IN_ORDER.at(field, domain=key, main_domain=main, other=other))
    return findings


_SUBJECT_KIND_NAMES = {
    SubjectKind.ORGANISATION: Bilingual("单位", "an organisation"),
    SubjectKind.INDIVIDUAL: Bilingual("个人", "an individual"),
}


def check_order_limits(order: OrderInput, ctx: Context) -> list[Finding]:
    """How many websites and domains one order may hold: the provider's cap by subject kind and the
    province's caps (reference `limits`); silent until the nature is known."""
    nature = ctx.nature
    if nature is None or order.filing_type not in DETECTED_TYPES or not order.websites:
        return []
    websites = len(order.websites)
    domains = len({domain_key(domain) for _, domain in listed_domains(order)})
    filed = len({key for d in order.existing.filed_domains if (key := domain_key(d))})  # one domain per website
    caps = [cap for cap in ctx.ref.order_caps_of(ctx.province) if cap.applies(nature, order.filing_type, filed)]
    findings = [f for cap in caps for f in _province_cap(cap, ctx, websites, domains, filed)]
    provider_limit = ctx.ref.websites_per_order_limit(nature)
    stricter_province_cap = any(
        f.code == ORDER_WEBSITES_PROVINCE_CAP.code
        and provider_limit is not None
        and f.params["limit"] <= provider_limit
        for f in findings
    )
    if provider_limit is not None and websites > provider_limit and not stricter_province_cap:
        kind = _SUBJECT_KIND_NAMES[SubjectKind.of(nature)]
        findings.insert(
            0, ORDER_WEBSITES_TOO_MANY.at("websites", subject_kind=kind, limit=provider_limit, count=websites)
        )
    return findings


def _province_cap(cap: OrderCap, ctx: Context, websites: int, domains: int, filed: int) -> list[Finding]:
    threshold = cap.applies_when_filed_websites_over

    def over(rule: Rule, limit: int, count: int) -> Finding:
        if threshold is None:
            return rule.at("websites", province_name=ctx.province_name, limit=limit, count=count)
        return rule.at(
            "websites",
            variant="after_filed",
            province_name=ctx.province_name,
            limit=limit,
            count=count,
            filed=filed,
            threshold=threshold,
        )

    findings = []
    if cap.max_websites_per_order is not None and websites > cap.max_websites_per_order:
        findings.append(over(ORDER_WEBSITES_PROVINCE_CAP, cap.max_websites_per_order, websites))
    if cap.max_domains_per_order is not None and domains > cap.max_domains_per_order:
        findings.append(over(ORDER_DOMAINS_PROVINCE_CAP, cap.max_domains_per_order, domains))
    if cap.max_filed_websites is not None and filed + websites > cap.max_filed_websites:
        findings.append(
            ORDER_FILED_WEBSITES_PROVINCE_CAP.at(
                "websites", province_name=ctx.province_name, limit=cap.max_filed_websites, filed=filed, count=websites
            )
        )
    return findings
