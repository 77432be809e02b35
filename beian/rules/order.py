"""Rules across the parts of one order: contacts shared between principals, emergency phones,
numbers used by other subjects, and domains listed twice (§5.3, §12)."""

from __future__ import annotations

from collections.abc import Callable

from beian.rules.contacts import national_number
from beian.rules.domains import domain_key
from beian.rules.findings import Finding
from beian.rules.model import OrderInput, PersonInput
from beian.rules.registry import (
    CONTACTS_SHARED,
    DOMAIN_DUPLICATED_IN_ORDER,
    EMERGENCY_PHONE_SAME_AS_MOBILE,
    PHONE_USED_BY_OTHER_SUBJECT,
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


def check_order_domains(order: OrderInput) -> list[Finding]:
    """One domain, one website: the same domain may not appear twice in an order."""
    first_seen: dict[str, str] = {}
    findings = []
    for index, website in enumerate(order.websites):
        listed = [
            (f"websites[{index}].domain", website.domain),
            *((f"websites[{index}].extra_domains[{j}]", d) for j, d in enumerate(website.extra_domains)),
        ]
        for field, domain in listed:
            key = domain_key(domain) if domain else ""
            if not key:
                continue
            other = first_seen.setdefault(key, field)
            if other != field:
                findings.append(DOMAIN_DUPLICATED_IN_ORDER.at(field, domain=key, other=other))
    return findings
