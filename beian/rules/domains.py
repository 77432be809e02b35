"""Domain rules: syntax and IDN (idna), approved suffix (snapshot) and public suffix (tldextract's
bundled list), main domain vs subdomain, and the registry facts (holder, real name, expiry)."""

from __future__ import annotations

import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

import idna

from beian.rules.context import Context
from beian.rules.findings import Finding
from beian.rules.model import DomainFacts
from beian.rules.registry import (
    DOMAIN_EXPIRED,
    DOMAIN_EXPIRES_SOON,
    DOMAIN_IDN,
    DOMAIN_NOT_VERIFIED,
    DOMAIN_REGISTRANT_IS_PRINCIPAL,
    DOMAIN_REGISTRANT_MISMATCH,
    DOMAIN_SUBDOMAIN,
    DOMAIN_SYNTAX,
    DOMAIN_TLD_NOT_APPROVED,
    DOMAIN_TLD_UNVERIFIED,
    DOMAIN_WWW_NORMALISED,
)
from beian.rules.text import comparable_name

_NOT_IN_DOMAINS = frozenset(" /\\:@?#")
_WWW = "www"
_MAX_DOMAIN_LENGTH = 253
_ACE_PREFIX = "xn--"


@dataclass(frozen=True)
class DomainName:
    """A fileable main domain."""

    name: str  # normalised unicode, e.g. "例子.中国"
    ascii: str  # punycode, e.g. "xn--fsqu00a.xn--fiqs8s"
    suffix: str  # the approved suffix it is filed under, e.g. "com.cn"


def parse_domain(value: str, field: str, ctx: Context) -> tuple[DomainName | None, list[Finding]]:
    """The main domain to file, or None with the findings that say why there is none."""
    text = unicodedata.normalize("NFKC", value).strip().lower().rstrip(".")
    if not text or any(c in _NOT_IN_DOMAINS for c in text):
        return None, [DOMAIN_SYNTAX.at(field, domain=value.strip())]
    try:
        ascii_form = idna.encode(text, uts46=True).decode("ascii")
        unicode_form = idna.decode(ascii_form)
        round_trip = idna.encode(unicode_form).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None, [(DOMAIN_SYNTAX if text.isascii() else DOMAIN_IDN).at(field, domain=text)]
    if round_trip != ascii_form:
        return None, [DOMAIN_IDN.at(field, domain=text)]
    return _main_domain(unicode_form, field, ctx)


def _main_domain(domain: str, field: str, ctx: Context) -> tuple[DomainName | None, list[Finding]]:
    labels = domain.split(".")
    suffix_size = max(_approved_suffix_length(labels, ctx), _public_suffix_length(domain, ctx), 1)
    if len(labels) <= suffix_size or labels[-1].isdigit():
        return None, [DOMAIN_SYNTAX.at(field, domain=domain)]
    suffix = ".".join(labels[-suffix_size:])
    tlds = ctx.ref.tlds
    findings = []
    if suffix in tlds.unverified:
        findings.append(DOMAIN_TLD_UNVERIFIED.at(field, suffix=suffix))
    elif suffix not in tlds.approved:
        return None, [DOMAIN_TLD_NOT_APPROVED.at(field, suffix=suffix)]
    main = ".".join(labels[-suffix_size - 1 :])
    subdomain = labels[: -suffix_size - 1]
    if subdomain == [_WWW]:
        findings.append(DOMAIN_WWW_NORMALISED.at(field, main_domain=main))
    elif subdomain:
        return None, [*findings, DOMAIN_SUBDOMAIN.at(field, domain=domain, main_domain=main)]
    return DomainName(main, idna.encode(main).decode("ascii"), suffix), findings


def _approved_suffix_length(labels: list[str], ctx: Context) -> int:
    approved = ctx.ref.tlds.approved | ctx.ref.tlds.unverified
    for size in range(min(ctx.ref.tlds.max_labels, len(labels) - 1), 0, -1):
        if ".".join(labels[-size:]) in approved:
            return size
    return 0


def _public_suffix_length(domain: str, ctx: Context) -> int:
    suffix = ctx.ref.tlds.extractor(domain).suffix
    return suffix.count(".") + 1 if suffix else 0


def check_domain(value: str, field: str, ctx: Context) -> list[Finding]:
    return parse_domain(value, field, ctx)[1]


def check_domain_facts(
    facts: DomainFacts, field: str, ctx: Context, *, subject_name: str, principal_name: str
) -> list[Finding]:
    """What the registry says: holder = subject, real-name verified, enough validity left."""
    findings = _holder(facts, field, ctx, subject_name, principal_name)
    if facts.real_name_verified is False:
        findings.append(DOMAIN_NOT_VERIFIED.at(field, sync_days=ctx.ref.domain_real_name_sync_working_days))
    if facts.expires_on is not None:
        findings += _expiry(facts.expires_on, field, ctx)
    return findings


def _holder(facts: DomainFacts, field: str, ctx: Context, subject_name: str, principal_name: str) -> list[Finding]:
    registrant = facts.registrant.strip()
    if not registrant or not subject_name or comparable_name(registrant) == comparable_name(subject_name):
        return []
    if ctx.is_organisation and principal_name and comparable_name(registrant) == comparable_name(principal_name):
        return [DOMAIN_REGISTRANT_IS_PRINCIPAL.at(field, registrant=registrant)]
    return [DOMAIN_REGISTRANT_MISMATCH.at(field, registrant=registrant, subject_name=subject_name.strip())]


def _expiry(expires_on: date, field: str, ctx: Context) -> list[Finding]:
    days = (expires_on - ctx.today).days
    if days < 0:
        return [DOMAIN_EXPIRED.at(field, expires_on=expires_on.isoformat())]
    province_days = ctx.province.min_domain_days_remaining if ctx.province else None
    min_days = province_days or ctx.ref.settings.default_min_domain_days_remaining
    if days < min_days:
        return [DOMAIN_EXPIRES_SOON.at(field, days=days, min_days=min_days)]
    return []


def main_domain_key(value: str, ctx: Context) -> str:
    """The main (registrable) domain of any domain typed, in unicode: "shop.例子.中国" and
    "xn--fsqu00a.xn--fiqs8s" both give "例子.中国". "" when the value is no domain (parse_domain says why)."""
    text = unicodedata.normalize("NFKC", value).strip().lower().rstrip(".")
    if not text or len(text) > _MAX_DOMAIN_LENGTH or any(c in _NOT_IN_DOMAINS for c in text):
        return ""
    try:
        unicode_form = idna.decode(idna.encode(text, uts46=True))
    except (idna.IDNAError, UnicodeError):
        return ""
    labels = unicode_form.split(".")
    suffix_size = max(_approved_suffix_length(labels, ctx), _public_suffix_length(unicode_form, ctx), 1)
    return ".".join(labels[-suffix_size - 1 :]) if len(labels) > suffix_size else ""


def display_domain(value: str) -> str:
    """A domain as people read it: U-labels ("xn--fsqu00a.xn--fiqs8s" -> "例子.中国"), lower case, no
    trailing dot; A-labels and U-labels may be mixed. A value that is no valid domain is shown as
    stored (trimmed), so a page never fails on bad data."""
    text = value.strip().rstrip(".")
    if not text or len(text) > _MAX_DOMAIN_LENGTH:
        return text
    try:
        return idna.decode(text, uts46=True)
    except (idna.IDNAError, UnicodeError):
        return text


def wire_domain(value: str) -> str:
    """A domain as sent to registries and the regulator: A-labels ("例子.中国" -> "xn--fsqu00a.xn--fiqs8s"),
    from U-labels, A-labels, a mix or full-width input. Raises ValueError (idna.IDNAError) for a value
    that is no valid domain: nothing invalid goes on the wire."""
    text = unicodedata.normalize("NFKC", value).strip().rstrip(".")
    return idna.encode(text, uts46=True).decode("ascii")


def record_domain(value: str) -> str:
    """A main domain as the filing records store it: the A-label (`wire_domain`) of its `domain_key`
    (no www.); a value that is no domain is kept as compared (the rules say why)."""
    key = domain_key(value or "")
    try:
        return wire_domain(key) if key else ""
    except ValueError:
        return key


def domain_key(value: str) -> str:
    """A domain as compared between websites and existing filings: unicode, lower case, no www."""
    text = unicodedata.normalize("NFKC", value).strip().lower().rstrip(".")
    if len(text) <= _MAX_DOMAIN_LENGTH and (not text.isascii() or _ACE_PREFIX in text):
        with suppress(idna.IDNAError, UnicodeError):  # else compared as typed; parse_domain says why
            text = idna.decode(text)
    return text.removeprefix(f"{_WWW}.")
