"""Build the rules engine's plain input from an order (models -> dataclasses)."""

from __future__ import annotations

from beian.filings.detection import existing_filings_for
from beian.filings.fields import websites_of as order_websites
from beian.filings.models import Order, Person, Subject, Website
from beian.filings.models import Subject as S
from beian.rules.model import ExistingFilings, OrderInput, PersonInput, SubjectInput, WebsiteInput


def person_input(person: Person) -> PersonInput:
    return PersonInput(
        name=person.name,
        certificate_type=person.certificate_type,
        certificate_number=person.certificate_number or "",
        certificate_valid_until=person.certificate_valid_until,
        certificate_long_term=person.certificate_long_term,
        mobile=person.mobile or "",
        emergency_phone=person.emergency_phone or "",
        email=person.email or "",
        is_legal_representative=person.is_legal_representative,
    )


def subject_input(subject: Subject) -> SubjectInput:
    return SubjectInput(
        nature=subject.nature,
        province=subject.province,
        city=subject.city,
        name=subject.name,
        certificate_type=subject.certificate_type,
        certificate_number=subject.certificate_number or "",
        certificate_address=subject.certificate_address,
        mailing_address=subject.mailing_address,
        office_phone=subject.office_phone or "",
        investor=subject.investor,
        principal=person_input(subject.principal),
    )


def website_input(website: Website, domain_facts=None) -> WebsiteInput:
    return WebsiteInput(
        name=website.name,
        domain=website.domain,
        extra_domains=list(website.other_domains or []),  # a filed website's other domains (website change)
        service_contents=list(website.service_contents),
        languages=list(website.languages),
        pre_approvals=list(website.pre_approvals),
        remark=website.remark,
        principal=person_input(website.principal),
        domain_facts=domain_facts,
    )


def existing_filings(order: Order) -> ExistingFilings:
    """What was filed before this order, by certificate (the subject's identity, across all tenants)
    and by domain, from our records and the external lookup (filings.detection: the same lookups
    as the first step). Never the order's own result (the subject its approved first filing filed,
    the websites it filed), or a filed order would contradict itself."""
    subject = order.subject
    websites = order_websites(order)  # the first as the caller holds it (typed, unsaved values)
    existing = existing_filings_for(
        organisation=order.organisation,
        certificate_type=subject.certificate_type,
        certificate_number=subject.certificate_number or "",
        domains=[w.domain for w in websites],
        exclude_order=order,
    )
    existing.mobiles_used_by_other_subjects = _mobiles_used_by_other_subjects(subject)
    return existing


def _mobiles_used_by_other_subjects(subject: Subject) -> list[str]:
    """The subject principal's mobile, when a filed subject with ANOTHER certificate uses it (the same
    company under a second account is the same subject, not another)."""
    mobile_index = subject.principal.mobile_index
    if not mobile_index:
        return []
    others = S.objects.filter(principal__mobile_index=mobile_index, filing_number__isnull=False).exclude(pk=subject.pk)
    if subject.certificate_number_index:
        others = others.exclude(certificate_number_index=subject.certificate_number_index)
    return [subject.principal.mobile] if others.exists() else []


def order_input(order: Order, *, domain_facts=None) -> OrderInput:
    """`domain_facts`: a function domain -> facts (asked for every website's domain), or the facts
    of the first website's domain."""
    websites = order_websites(order)
    if callable(domain_facts):
        facts = [domain_facts(w.domain) if w.domain else None for w in websites]
    else:
        facts = [domain_facts] + [None] * (len(websites) - 1)
    return OrderInput(
        filing_type=order.filing_type,
        subject=subject_input(order.subject),
        websites=[website_input(w, f) for w, f in zip(websites, facts, strict=True)],
        existing=existing_filings(order),
    )
