"""Certificate numbers by scheme (USCC, organisation code, resident ID, residence permit, free
form) and certificate validity. Check characters are computed by python-stdnum."""

from __future__ import annotations

import calendar
from datetime import date

from stdnum.cn import ric, uscc

from beian.rules.context import Context
from beian.rules.findings import Finding
from beian.rules.model import PersonInput
from beian.rules.reference import CertificateType, NumberScheme
from beian.rules.registry import (
    CERTIFICATE_EXPIRED,
    CERTIFICATE_EXPIRES_SOON,
    CERTIFICATE_FORMAT,
    ORG_CODE_FORMAT,
    RESIDENCE_PERMIT_PREFIX,
    RESIDENT_ID_BIRTH_DATE,
    RESIDENT_ID_BIRTH_IN_FUTURE,
    RESIDENT_ID_CHECKSUM,
    RESIDENT_ID_FIRST_GENERATION,
    RESIDENT_ID_FORMAT,
    UNDERAGE,
    USCC_CATEGORY_NATURE_MISMATCH,
    USCC_CATEGORY_UNKNOWN,
    USCC_CHARACTERS,
    USCC_CHECKSUM,
    USCC_LENGTH,
    USCC_REGION_OTHER_PROVINCE,
)
from beian.rules.text import compact_number

_ORG_CODE_LENGTH = 9


def check_uscc(value: str, field: str, ctx: Context) -> list[Finding]:
    """统一社会信用代码: layout, check character, category vs nature, region vs province."""
    code = compact_number(value)
    tables = ctx.ref.uscc
    if len(code) != tables.length:
        return [USCC_LENGTH.at(field, expected=tables.length, length=len(code))]
    if not tables.pattern.fullmatch(code):
        return [USCC_CHARACTERS.at(field, chars=" ".join(_misplaced_uscc_characters(code, tables.alphabet)))]
    if uscc.calc_check_digit(code[:-1]) != code[-1]:
        return [USCC_CHECKSUM.at(field)]
    return _uscc_category(code, field, ctx) + _uscc_region(code, field, ctx)


def _misplaced_uscc_characters(code: str, alphabet: str) -> list[str]:
    region = range(2, 8)
    return list(dict.fromkeys(c for i, c in enumerate(code) if (not c.isdigit() if i in region else c not in alphabet)))


def _uscc_category(code: str, field: str, ctx: Context) -> list[Finding]:
    category = code[:2]
    categories = ctx.ref.uscc.categories
    if category not in categories:
        return [USCC_CATEGORY_UNKNOWN.at(field, category=category)]
    implied_nature = ctx.ref.uscc.nature_for_category.get(category)
    if ctx.nature is not None and implied_nature is not None and implied_nature != ctx.nature.code:
        return [
            USCC_CATEGORY_NATURE_MISMATCH.at(
                field, category=category, category_name=categories[category], nature_name=ctx.nature.name_zh
            )
        ]
    return []


def _uscc_region(code: str, field: str, ctx: Context) -> list[Finding]:
    issued_in = ctx.ref.provinces.get(code[2:4])
    if ctx.province is None or issued_in is None or issued_in.code == ctx.province.code:
        return []
    return [USCC_REGION_OTHER_PROVINCE.at(field, code_province=issued_in.name, province_name=ctx.province.name)]


def check_org_code(value: str, field: str, ctx: Context) -> list[Finding]:
    """组织机构代码 (8 characters + check); a USCC given instead is checked as a USCC."""
    code = compact_number(value)
    if len(code) == ctx.ref.uscc.length:
        return check_uscc(code, field, ctx)
    body, check = code[:-1], code[-1:]
    if len(code) != _ORG_CODE_LENGTH or not (body.isascii() and body.isalnum()) or check not in "0123456789X":
        return [ORG_CODE_FORMAT.at(field)]
    return []


def check_resident_id(
    value: str, field: str, ctx: Context, *, check_age: bool = True, residence_permit: bool = False
) -> list[Finding]:
    """居民身份证 / 港澳台居民居住证: 18 characters, check digit, real birth date, minimum age."""
    number = compact_number(value)
    tables = ctx.ref.resident_id
    if not residence_permit and tables.first_generation_pattern.fullmatch(number):
        return [RESIDENT_ID_FIRST_GENERATION.at(field)]
    if not tables.pattern.fullmatch(number):
        return [RESIDENT_ID_FORMAT.at(field)]
    if ric.calc_check_digit(number) != number[-1]:
        return [RESIDENT_ID_CHECKSUM.at(field)]
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return [RESIDENT_ID_BIRTH_DATE.at(field, birth=number[6:14])]
    if birth > ctx.today:
        return [RESIDENT_ID_BIRTH_IN_FUTURE.at(field, birth=birth.isoformat())]
    findings = []
    prefixes = tables.residence_permit_prefixes
    if residence_permit and prefixes and number[:6] not in prefixes:
        findings.append(RESIDENCE_PERMIT_PREFIX.at(field, prefixes="/".join(prefixes)))
    if check_age:
        findings += _age(birth, field, ctx)
    return findings


def _age(birth: date, field: str, ctx: Context) -> list[Finding]:
    today = ctx.today
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    min_age = ctx.ref.settings.min_age(ctx.province.code if ctx.province else None)
    return [UNDERAGE.at(field, age=age, min_age=min_age)] if age < min_age else []


def check_free_form(value: str, field: str, ctx: Context) -> list[Finding]:
    """Passports, travel permits, permanent-residence cards: letters and digits, length only."""
    number = compact_number(value)
    shortest, longest = ctx.ref.settings.free_form_certificate_length
    if shortest <= len(number) <= longest and number.isascii() and number.isalnum():
        return []
    return [CERTIFICATE_FORMAT.at(field, min=shortest, max=longest)]


def check_certificate_number(
    certificate: CertificateType, value: str, field: str, ctx: Context, *, check_age: bool = True
) -> list[Finding]:
    scheme = certificate.scheme
    if scheme is NumberScheme.USCC:
        return check_uscc(value, field, ctx)
    if scheme is NumberScheme.ORG_CODE:
        return check_org_code(value, field, ctx)
    if scheme in (NumberScheme.RESIDENT_ID, NumberScheme.RESIDENCE_PERMIT):
        return check_resident_id(
            value, field, ctx, check_age=check_age, residence_permit=scheme is NumberScheme.RESIDENCE_PERMIT
        )
    if certificate.holder == "person":
        return check_free_form(value, field, ctx)
    if ctx.ref.uscc.pattern.fullmatch(compact_number(value)):
        return check_uscc(value, field, ctx)  # most organisation certificates now carry the USCC
    return []  # older registration numbers have no common layout


def issuing_province_code(certificate: CertificateType | None, value: str) -> str | None:
    """Province code (first two digits of the address code) of a resident ID, else None."""
    if certificate is None or certificate.scheme is not NumberScheme.RESIDENT_ID:
        return None
    number = compact_number(value)
    return number[:2] if number[:2].isdigit() else None


def check_validity(person: PersonInput, prefix: str, ctx: Context) -> list[Finding]:
    """Certificate must still be valid for the configured number of months (长期 always is)."""
    until = person.certificate_valid_until
    if person.certificate_long_term or until is None:
        return []
    field = f"{prefix}.certificate_valid_until"
    if until < ctx.today:
        return [CERTIFICATE_EXPIRED.at(field, valid_until=until.isoformat())]
    months = ctx.ref.settings.min_certificate_months_remaining
    if until < _add_months(ctx.today, months):
        return [CERTIFICATE_EXPIRES_SOON.at(field, valid_until=until.isoformat(), months=months)]
    return []


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
