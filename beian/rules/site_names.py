"""Website name (网站名称) rules: shape, reserved and sensitive words, personal scope, relation to
the organisation. Word lists come from the snapshot's website_name_rules."""

from __future__ import annotations

from beian.rules.context import Context
from beian.rules.findings import Finding
from beian.rules.registry import (
    SITE_NAME_EXAGGERATION,
    SITE_NAME_FINANCE,
    SITE_NAME_INTERACTIVE,
    SITE_NAME_IS_DOMAIN,
    SITE_NAME_NATIONAL_PREFIX,
    SITE_NAME_NOT_RELATED,
    SITE_NAME_PERSONAL_RESTRICTED,
    SITE_NAME_PUBLIC_INTEREST,
    SITE_NAME_PURE_DIGITS,
    SITE_NAME_PURE_LATIN,
    SITE_NAME_RESERVED_NEEDS_PROOF,
    SITE_NAME_SENSITIVE,
    SITE_NAME_SPECIAL_SYMBOLS,
    SITE_NAME_STATE_FUNCTION,
    SITE_NAME_TOO_FEW_CHINESE,
)
from beian.rules.text import bigrams, han_count, normalise

_WORD_JOINER = "、"


def check_site_name(
    value: str, field: str, ctx: Context, *, domain: str = "", subject_name: str = "", has_pre_approval: bool = False
) -> list[Finding]:
    name = normalise(value)
    findings = _shape(name, field, ctx, domain)
    findings += _reserved_words(name, field, ctx)
    findings += _scope_words(name, field, ctx, has_pre_approval)
    if ctx.is_organisation and subject_name and not bigrams(name) & bigrams(subject_name):
        findings.append(SITE_NAME_NOT_RELATED.at(field, subject_name=normalise(subject_name)))
    return findings


def _shape(name: str, field: str, ctx: Context, domain: str) -> list[Finding]:
    rules = ctx.ref.site_names
    compact = name.replace(" ", "")
    if rules.reject_equal_to_domain and _is_domain(name, domain, ctx):
        return [SITE_NAME_IS_DOMAIN.at(field)]
    if rules.reject_pure_digits and compact.isascii() and compact.isdigit():
        return [SITE_NAME_PURE_DIGITS.at(field)]
    if rules.reject_pure_latin and compact.isascii() and compact.isalpha():
        return [SITE_NAME_PURE_LATIN.at(field)]
    findings = []
    symbols = [c for c in compact if not c.isalnum()]
    if rules.reject_special_symbols and symbols:
        findings.append(SITE_NAME_SPECIAL_SYMBOLS.at(field, symbols=" ".join(dict.fromkeys(symbols))))
    if han_count(name) < rules.min_chinese_chars:
        findings.append(SITE_NAME_TOO_FEW_CHINESE.at(field, min=rules.min_chinese_chars))
    return findings


def _is_domain(name: str, domain: str, ctx: Context) -> bool:
    lowered = name.lower()
    if domain and lowered in (domain.lower(), f"www.{domain.lower()}"):
        return True
    if "." not in lowered or " " in lowered:
        return False
    parts = ctx.ref.tlds.extractor(lowered)
    return bool(parts.suffix and parts.domain)


def _reserved_words(name: str, field: str, ctx: Context) -> list[Finding]:
    """National prefixes, state-function and public-interest words: only for state units."""
    rules = ctx.ref.site_names
    national_unit = ctx.nature is not None and ctx.nature.code in ctx.ref.settings.national_unit_natures
    findings, needs_proof, reported = [], [], set()
    for words, rule in (
        (rules.national_prefixes, SITE_NAME_NATIONAL_PREFIX),
        (rules.state_function_words, SITE_NAME_STATE_FUNCTION),
        (rules.public_interest_words, SITE_NAME_PUBLIC_INTEREST),
    ):
        found = words.found_in(name)
        reported.update(found)
        if found and national_unit:
            needs_proof += found
        elif found:
            findings.append(rule.at(field, words=_WORD_JOINER.join(found)))
    if needs_proof:
        findings.append(SITE_NAME_RESERVED_NEEDS_PROOF.at(field, words=_WORD_JOINER.join(needs_proof)))
    sensitive = [w for w in rules.sensitive_words.found_in(name) if w not in reported]
    if sensitive:
        findings.append(SITE_NAME_SENSITIVE.at(field, words=_WORD_JOINER.join(sensitive)))
    return findings


def _scope_words(name: str, field: str, ctx: Context, has_pre_approval: bool) -> list[Finding]:
    """Warnings: exaggeration, personal scope, interactive services and finance."""
    rules = ctx.ref.site_names
    checks = [(rules.exaggeration_words, SITE_NAME_EXAGGERATION)]
    if ctx.is_individual:
        checks.append((rules.personal_restricted_words, SITE_NAME_PERSONAL_RESTRICTED))
    elif ctx.is_organisation and not has_pre_approval:
        checks.append((rules.interactive_words, SITE_NAME_INTERACTIVE))
    if not has_pre_approval:
        checks.append((rules.finance_keywords, SITE_NAME_FINANCE))
    findings = []
    for words, rule in checks:
        found = words.found_in(name)
        if found:
            findings.append(rule.at(field, words=_WORD_JOINER.join(found)))
    if ctx.is_individual:
        # Interactive services need a pre-approval, which individuals cannot hold: the words the
        # personal list does not name already ("聊天室", "留言板") are worth the same warning.
        personal = set(rules.personal_restricted_words.found_in(name))
        interactive = [w for w in rules.interactive_words.found_in(name) if w not in personal]
        if interactive:
            findings.append(SITE_NAME_INTERACTIVE.at(field, variant="individual", words=_WORD_JOINER.join(interactive)))
    return findings
