"""Phones (phonenumbers + the seed's mobile regex) and email addresses."""

from __future__ import annotations

import re

import idna
import phonenumbers
from phonenumbers import PhoneNumberType

from beian.rules.context import Context
from beian.rules.findings import Finding
from beian.rules.mobile_regions import mobile_region
from beian.rules.registry import (
    EMAIL_FORMAT,
    LANDLINE_FORMAT,
    MOBILE_FORMAT,
    MOBILE_LOCATION_UNKNOWN,
    MOBILE_NOT_LOCAL,
    MOBILE_UNKNOWN_SEGMENT,
)
from beian.rules.text import compact_number, normalise

_REGION = "CN"
_COUNTRY_PREFIXES = ("+86", "0086")
_COUNTRY_CODE = "86"
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_LANDLINE_TYPES = frozenset({PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LOCAL_MAX, _EMAIL_MAX = 64, 254


def national_number(value: str) -> str:
    """Digits as dialled inside the mainland: no spaces, hyphens or +86 / 0086 prefix."""
    number = compact_number(value)
    for prefix in _COUNTRY_PREFIXES:
        if number.startswith(prefix):
            return number[len(prefix) :]
    if len(number) == 13 and number.startswith(_COUNTRY_CODE):
        return number[len(_COUNTRY_CODE) :]
    return number


def _parse(number: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(number, _REGION)
    except phonenumbers.NumberParseException:
        return None


def _has_type(number: str, types: frozenset[int]) -> bool:
    parsed = _parse(number)
    return (
        parsed is not None
        and parsed.country_code == int(_COUNTRY_CODE)
        and phonenumbers.is_valid_number(parsed)
        and phonenumbers.number_type(parsed) in types
    )


def is_mobile(value: str, ctx: Context) -> bool:
    return ctx.ref.mobile_pattern.fullmatch(national_number(value)) is not None


def is_landline(value: str) -> bool:
    return _has_type(national_number(value), _LANDLINE_TYPES)


def check_mobile(value: str, field: str, ctx: Context) -> list[Finding]:
    number = national_number(value)
    if ctx.ref.mobile_pattern.fullmatch(number) is None:
        return [MOBILE_FORMAT.at(field)]
    if not _has_type(number, _MOBILE_TYPES):
        return [MOBILE_UNKNOWN_SEGMENT.at(field)]
    return []


def check_principal_mobile(value: str, field: str, ctx: Context) -> list[Finding]:
    return check_mobile(value, field, ctx) or check_mobile_is_local(value, field, ctx)


def is_phone(value: str, ctx: Context) -> bool:
    """Mobile or landline (emergency and office phones may be either)."""
    return is_mobile(value, ctx) or is_landline(value)


def check_landline(value: str, field: str, ctx: Context) -> list[Finding]:
    return [] if is_landline(value) else [LANDLINE_FORMAT.at(field)]


def check_mobile_is_local(value: str, field: str, ctx: Context) -> list[Finding]:
    """Where the province wants local principals' mobiles, compare the number-segment location."""
    province = ctx.province
    if province is None or not province.principal_mobile_must_be_local or not is_mobile(value, ctx):
        return []
    parsed = _parse(national_number(value))
    location = mobile_region(str(parsed.national_number)) if parsed else ""
    located_in = next((p for p in ctx.ref.provinces.values() if p.name and location.startswith(p.name)), None)
    if located_in is None:
        return [MOBILE_LOCATION_UNKNOWN.at(field, province_name=province.name)]
    if located_in.code != province.code:
        return [MOBILE_NOT_LOCAL.at(field, location=location, province_name=province.name)]
    return []


def check_email(value: str, field: str, ctx: Context) -> list[Finding]:
    address = normalise(value)
    local, at, domain = address.rpartition("@")
    if not (
        at
        and len(address) <= _EMAIL_MAX
        and len(local) <= _EMAIL_LOCAL_MAX
        and _EMAIL_LOCAL.fullmatch(local)
        and _is_mail_domain(domain)
    ):
        return [EMAIL_FORMAT.at(field)]
    return []


def _is_mail_domain(domain: str) -> bool:
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return False
    labels = ascii_domain.split(".")
    top = labels[-1]
    return len(labels) >= 2 and len(top) >= 2 and (top.isalpha() or top.startswith("xn--"))
