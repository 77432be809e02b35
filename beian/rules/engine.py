"""Entry points: validate a whole order, or check one value of a given kind."""

from __future__ import annotations

from datetime import date

from beian.rules.certificates import check_certificate_number, check_resident_id, check_uscc
from beian.rules.contacts import check_email, check_landline, check_principal_mobile
from beian.rules.context import Context, FieldCheck, check_text
from beian.rules.domains import check_domain
from beian.rules.filing_type import check_filing_type
from beian.rules.findings import Finding
from beian.rules.model import OrderInput
from beian.rules.names import check_org_name, check_person_name
from beian.rules.order import check_order_contacts, check_order_domains, check_order_limits
from beian.rules.reference import ReferenceSnapshot
from beian.rules.registry import (
    CERTIFICATE_TYPE_NOT_ALLOWED,
    CERTIFICATE_TYPE_UNKNOWN,
    EMPTY,
    NATURE_UNKNOWN,
    PROVINCE_UNKNOWN,
)
from beian.rules.required import check_required
from beian.rules.site_names import check_site_name
from beian.rules.subject import check_subject
from beian.rules.website import check_website

CERTIFICATE_KIND = "certificate"
KINDS: dict[str, FieldCheck] = {
    "uscc": check_uscc,
    "resident-id": check_resident_id,
    "mobile": check_principal_mobile,
    "email": check_email,
    "domain": check_domain,
    "site-name": check_site_name,
    "person-name": check_person_name,
    "org-name": check_org_name,
    "landline": check_landline,
}
ALL_KINDS = (*KINDS, CERTIFICATE_KIND)


def validate_order(order: OrderInput, ref: ReferenceSnapshot, *, today: date, complete: bool = False) -> list[Finding]:
    """Every finding for a (possibly partial) order; `complete=True` adds the required-field check."""
    ctx = Context(ref, today, ref.nature(order.subject.nature), ref.province(order.subject.province))
    findings = [*order.input_findings, *check_filing_type(order, ctx), *check_subject(order.subject, ctx)]
    for index, website in enumerate(order.websites):
        findings += check_website(
            website, f"websites[{index}]", ctx, filing_type=order.filing_type, subject=order.subject
        )
    findings += check_order_contacts(order)
    findings += check_order_domains(order, ctx)
    findings += check_order_limits(order, ctx)
    if complete:
        findings += check_required(order, ctx)
    return findings


def check_value(
    kind: str,
    value: str,
    *,
    ref: ReferenceSnapshot,
    today: date,
    nature: int | None = None,
    province: str | None = None,
    certificate_type: int | None = None,
) -> list[Finding]:
    """Findings for one value of `kind` (see ALL_KINDS); the field of each finding is the kind.

    `certificate` needs `certificate_type`; `nature` and `province` add the rules that depend
    on them (USCC category and region, personal-site words, minimum age, local mobile).
    """
    check = _certificate_check(certificate_type) if kind == CERTIFICATE_KIND else KINDS.get(kind)
    if check is None:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(ALL_KINDS)}")
    ctx = Context(ref, today, ref.nature(nature), ref.province(province))
    findings = []
    if nature is not None and ctx.nature is None:
        findings.append(NATURE_UNKNOWN.at("nature", nature=nature))
    if province and ctx.province is None:
        findings.append(PROVINCE_UNKNOWN.at("province", province=province))
    if not value.strip():
        return [*findings, EMPTY.at(kind)]
    return findings + check_text(value, kind, ctx, check)


def _certificate_check(certificate_type: int | None) -> FieldCheck:
    if certificate_type is None:
        raise ValueError("kind 'certificate' needs certificate_type")

    def check(value: str, field: str, ctx: Context) -> list[Finding]:
        certificate = ctx.ref.certificate(certificate_type)
        if certificate is None:
            return [CERTIFICATE_TYPE_UNKNOWN.at("certificate_type", certificate_type=certificate_type)]
        findings = []
        if ctx.nature is not None and certificate.code not in ctx.nature.allowed_certificates:
            findings.append(
                CERTIFICATE_TYPE_NOT_ALLOWED.at(
                    "certificate_type", nature_name=ctx.nature.name_zh, certificate_name=certificate.name_zh
                )
            )
        return findings + check_certificate_number(certificate, value, field, ctx)

    return check
