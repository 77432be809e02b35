"""Build the rules engine's plain input from an order (models -> dataclasses)."""

from __future__ import annotations

from beian.filings.fields import websites_of as order_websites
from beian.filings.models import Order, Person, Subject, Website
from beian.filings.models import Subject as S
from beian.filings.models import Website as W
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
        email=person.email,
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
        office_phone=subject.office_phone,
        investor=subject.investor,
        principal=person_input(subject.principal),
    )


def website_input(website: Website, domain_facts=None) -> WebsiteInput:
    return WebsiteInput(
        name=website.name,
        domain=website.domain,
        service_contents=list(website.service_contents),
        languages=list(website.languages),
        pre_approvals=list(website.pre_approvals),
        remark=website.remark,
        principal=person_input(website.principal),
        domain_facts=domain_facts,
    )


def existing_filings(order: Order) -> ExistingFilings:
    # What was filed before this order: never the order's own result (its website, once filed, and
    # the subject its approved first filing filed), or a filed order would contradict itself.
    filed = (
        W.objects.filter(subject=order.subject, filing_number__isnull=False)
        .exclude(pk=order.website_id)
        .values_list("domain", flat=True)
    )
    elsewhere = (
        (
            W.objects.filter(filing_number__isnull=False)
            .exclude(subject=order.subject)
            .filter(domain=order.website.domain)
            .values_list("domain", flat=True)
        )
        if order.website.domain
        else []
    )
    used = set()
    mobile_index = order.subject.principal.mobile_index
    if (
        mobile_index
        and S.objects.filter(principal__mobile_index=mobile_index, filing_number__isnull=False)
        .exclude(pk=order.subject_id)
        .exists()
    ):
        used.add(order.subject.principal.mobile)
    return ExistingFilings(
        subject_filed=bool(order.subject.filing_number) and not _subject_filed_by(order),
        filed_domains=list(filed),
        domains_filed_elsewhere=list(elsewhere),
        mobiles_used_by_other_subjects=sorted(used),
    )


def _subject_filed_by(order: Order) -> bool:
    """The order is the first filing whose approval filed the subject (each first filing creates
    its own subject; its website is numbered in the same approval)."""
    return order.filing_type == "FIRST_FILING" and bool(order.website.filing_number)


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
