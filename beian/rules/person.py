"""One principal (主体负责人 or 网站负责人): name, certificate, validity, phones, email."""

from __future__ import annotations

from beian.rules.certificates import check_certificate_number, check_validity
from beian.rules.contacts import check_email, check_principal_mobile, is_phone
from beian.rules.context import Context, check_text
from beian.rules.findings import Finding
from beian.rules.model import PersonInput
from beian.rules.names import check_person_name
from beian.rules.registry import EMERGENCY_PHONE_FORMAT, PERSON_CERTIFICATE_TYPE_NOT_ALLOWED


def check_person(person: PersonInput, prefix: str, ctx: Context) -> list[Finding]:
    def certificate_number(value: str, field: str, ctx: Context) -> list[Finding]:
        certificate = ctx.ref.certificate(person.certificate_type)
        if certificate is None or certificate.code not in ctx.ref.principal_certificate_codes:
            return []
        return check_certificate_number(certificate, value, field, ctx)

    return [
        *check_text(person.name, f"{prefix}.name", ctx, check_person_name),
        *_certificate_type(person, prefix, ctx),
        *check_text(person.certificate_number, f"{prefix}.certificate_number", ctx, certificate_number),
        *check_validity(person, prefix, ctx),
        *check_text(person.mobile, f"{prefix}.mobile", ctx, check_principal_mobile),
        *check_text(person.emergency_phone, f"{prefix}.emergency_phone", ctx, check_emergency_phone),
        *check_text(person.email, f"{prefix}.email", ctx, check_email),
    ]


def _certificate_type(person: PersonInput, prefix: str, ctx: Context) -> list[Finding]:
    code = person.certificate_type
    if code is None or code in ctx.ref.principal_certificate_codes:
        return []
    certificate = ctx.ref.certificate(code)
    return [
        PERSON_CERTIFICATE_TYPE_NOT_ALLOWED.at(
            f"{prefix}.certificate_type", certificate_name=certificate.name_zh if certificate else code
        )
    ]


def check_emergency_phone(value: str, field: str, ctx: Context) -> list[Finding]:
    return [] if is_phone(value, ctx) else [EMERGENCY_PHONE_FORMAT.at(field)]
