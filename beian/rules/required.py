"""The pre-submit check (validate_order(..., complete=True)): every required field is filled in.

Which fields the MIIT form requires is the product's form design (§1.2, §5); the rules of each
field's content live in the other modules and stay silent on empty fields.
"""

from __future__ import annotations

from beian.rules.context import Context
from beian.rules.filing_type import DETECTED_TYPES
from beian.rules.findings import Finding
from beian.rules.model import OrderInput, PersonInput, SubjectInput, WebsiteInput
from beian.rules.registry import REQUIRED

_PERSON_FIELDS = ("name", "certificate_type", "certificate_number", "mobile", "emergency_phone", "email")
_SUBJECT_FIELDS = (
    "nature",
    "province",
    "city",
    "name",
    "certificate_type",
    "certificate_number",
    "certificate_address",
    "mailing_address",
)
_ORGANISATION_FIELDS = ("investor", "office_phone")
_WEBSITE_FIELDS = ("name", "domain", "service_contents", "languages")


def check_required(order: OrderInput, ctx: Context) -> list[Finding]:
    missing = _subject(order.subject, ctx)
    if order.filing_type in DETECTED_TYPES:
        if not order.websites:
            missing.append("websites")
        for index, website in enumerate(order.websites):
            missing += _website(website, f"websites[{index}]", ctx)
    return [REQUIRED.at(field) for field in missing]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _subject(subject: SubjectInput, ctx: Context) -> list[str]:
    names = _SUBJECT_FIELDS + (_ORGANISATION_FIELDS if ctx.is_organisation else ())
    missing = [f"subject.{name}" for name in names if _blank(getattr(subject, name))]
    missing += _person(subject.principal, "subject.principal")
    legal_rep_matters = ctx.province is not None and ctx.province.org_subject_principal_rule != "free"
    if ctx.is_organisation and legal_rep_matters and subject.principal.is_legal_representative is None:
        missing.append("subject.principal.is_legal_representative")
    return missing


def _person(person: PersonInput, prefix: str) -> list[str]:
    missing = [f"{prefix}.{name}" for name in _PERSON_FIELDS if _blank(getattr(person, name))]
    if person.certificate_valid_until is None and not person.certificate_long_term:
        missing.append(f"{prefix}.certificate_valid_until")
    return missing


def _website(website: WebsiteInput, prefix: str, ctx: Context) -> list[str]:
    missing = [f"{prefix}.{name}" for name in _WEBSITE_FIELDS if _blank(getattr(website, name))]
    if ctx.is_individual and _blank(website.remark):
        missing.append(f"{prefix}.remark")
    if ctx.is_organisation and ctx.ref.pre_approval_none_required and not website.pre_approvals:
        missing.append(f"{prefix}.pre_approvals")
    return missing + _person(website.principal, f"{prefix}.principal")
