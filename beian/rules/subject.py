"""The subject (主办单位 / 主办者): nature, province, name, certificate, addresses, office phone, its
principal, and the province matrix rules that hang on them (§3, §5, §11)."""

from __future__ import annotations

from beian.rules.certificates import check_certificate_number, issuing_province_code
from beian.rules.contacts import is_phone
from beian.rules.context import Context, check_text
from beian.rules.findings import Finding
from beian.rules.model import SubjectInput
from beian.rules.names import check_org_name, check_person_name
from beian.rules.person import check_person
from beian.rules.reference import Province
from beian.rules.registry import (
    CERTIFICATE_ADDRESS_OTHER_PROVINCE,
    CERTIFICATE_TYPE_NOT_ALLOWED,
    CERTIFICATE_TYPE_UNKNOWN,
    MAILING_ADDRESS_NOT_DETAILED,
    MAILING_ADDRESS_OTHER_PROVINCE,
    MAILING_ADDRESS_REPEATS_PROVINCE,
    NATURE_NOT_OFFERED,
    NATURE_UNKNOWN,
    OFFICE_PHONE_FORMAT,
    PERSON_NON_LOCAL,
    PERSON_NON_LOCAL_POLICY_UNKNOWN,
    PERSON_RESIDENCE_PROOF,
    PRINCIPAL_NEEDS_AUTHORISATION,
    PRINCIPAL_NOT_LEGAL_REP,
    PROVINCE_UNKNOWN,
)
from beian.rules.text import normalise

_DOOR_NUMBER_MARK = "号"
_NON_LOCAL_RULES = {
    "local_only": PERSON_NON_LOCAL,
    "residence_proof": PERSON_RESIDENCE_PROOF,
    "unknown": PERSON_NON_LOCAL_POLICY_UNKNOWN,
}
_PRINCIPAL_RULES = {
    "legal_rep_required": PRINCIPAL_NOT_LEGAL_REP,
    "authorization_allowed": PRINCIPAL_NEEDS_AUTHORISATION,
}


def check_subject(subject: SubjectInput, ctx: Context) -> list[Finding]:
    name_check = check_person_name if ctx.is_individual else check_org_name
    return [
        *_nature_and_province(subject, ctx),
        *(check_text(subject.name, "subject.name", ctx, name_check) if ctx.nature else []),
        *_certificate(subject, ctx),
        *(
            check_text(subject.certificate_address, "subject.certificate_address", ctx, _certificate_address)
            if ctx.is_organisation
            else []
        ),
        *check_text(subject.mailing_address, "subject.mailing_address", ctx, _mailing_address),
        *check_text(subject.office_phone, "subject.office_phone", ctx, _office_phone),
        *check_person(subject.principal, "subject.principal", ctx),
        *_legal_representative(subject, ctx),
        *_non_local_individual(subject, ctx),
    ]


def _nature_and_province(subject: SubjectInput, ctx: Context) -> list[Finding]:
    findings = []
    if subject.nature is not None and ctx.nature is None:
        findings.append(NATURE_UNKNOWN.at("subject.nature", nature=subject.nature))
    elif ctx.nature is not None and not ctx.nature.offered:
        findings.append(NATURE_NOT_OFFERED.at("subject.nature", nature_name=ctx.nature.name_zh))
    if subject.province and ctx.province is None:
        findings.append(PROVINCE_UNKNOWN.at("subject.province", province=subject.province))
    return findings


def _certificate(subject: SubjectInput, ctx: Context) -> list[Finding]:
    if subject.certificate_type is None:
        return []
    certificate = ctx.ref.certificate(subject.certificate_type)
    if certificate is None:
        return [CERTIFICATE_TYPE_UNKNOWN.at("subject.certificate_type", certificate_type=subject.certificate_type)]
    findings = []
    if ctx.nature is not None and certificate.code not in ctx.nature.allowed_certificates:
        findings.append(
            CERTIFICATE_TYPE_NOT_ALLOWED.at(
                "subject.certificate_type", nature_name=ctx.nature.name_zh, certificate_name=certificate.name_zh
            )
        )

    def number(value: str, field: str, ctx: Context) -> list[Finding]:
        # the individual's age is checked once, on the principal
        return check_certificate_number(certificate, value, field, ctx, check_age=False)

    return findings + check_text(subject.certificate_number, "subject.certificate_number", ctx, number)


def _other_province_named(address: str, ctx: Context) -> Province | None:
    """Another province the address names (full name anywhere, short name at the start)."""
    if ctx.province is None:
        return None
    return next(
        (
            p
            for p in ctx.ref.provinces.values()
            if p.code != ctx.province.code and (p.full_name in address or address.startswith(p.name))
        ),
        None,
    )


def _certificate_address(value: str, field: str, ctx: Context) -> list[Finding]:
    elsewhere = _other_province_named(normalise(value), ctx)
    if elsewhere is None:
        return []
    return [
        CERTIFICATE_ADDRESS_OTHER_PROVINCE.at(field, address_province=elsewhere.name, province_name=ctx.province_name)
    ]


def _mailing_address(value: str, field: str, ctx: Context) -> list[Finding]:
    address = normalise(value)
    elsewhere = _other_province_named(address, ctx)
    if elsewhere is not None:
        return [
            MAILING_ADDRESS_OTHER_PROVINCE.at(field, address_province=elsewhere.name, province_name=ctx.province_name)
        ]
    findings = []
    if ctx.province is not None and address.startswith(ctx.province.name):
        findings.append(MAILING_ADDRESS_REPEATS_PROVINCE.at(field, province_name=ctx.province.name))
    if _DOOR_NUMBER_MARK not in address and not any(c.isdigit() for c in address):
        findings.append(MAILING_ADDRESS_NOT_DETAILED.at(field))
    return findings


def _office_phone(value: str, field: str, ctx: Context) -> list[Finding]:
    return [] if is_phone(value, ctx) else [OFFICE_PHONE_FORMAT.at(field)]


def _legal_representative(subject: SubjectInput, ctx: Context) -> list[Finding]:
    if not ctx.is_organisation or ctx.province is None or subject.principal.is_legal_representative is not False:
        return []
    rule = _PRINCIPAL_RULES.get(ctx.province.org_subject_principal_rule)
    return [rule.at("subject.principal.is_legal_representative", province_name=ctx.province.name)] if rule else []


def _non_local_individual(subject: SubjectInput, ctx: Context) -> list[Finding]:
    """An individual's ID from another province, against the province's non-local policy."""
    if not ctx.is_individual or ctx.province is None:
        return []
    certificate = ctx.ref.certificate(subject.certificate_type)
    issued_in = issuing_province_code(certificate, subject.certificate_number)
    if issued_in is None or issued_in == ctx.province.code:
        return []
    policy = ctx.province.personal_non_local_policy
    if policy == "cross_province_allowed":
        return []
    rule = _NON_LOCAL_RULES.get(policy, PERSON_NON_LOCAL_POLICY_UNKNOWN)
    issuing = ctx.ref.provinces.get(issued_in)
    return [
        rule.at(
            "subject.certificate_number",
            id_province=issuing.name if issuing else issued_in,
            province_name=ctx.province.name,
        )
    ]
