"""Filing type (备案类型, §1): derived from what MIIT already has for the subject and the domain."""

from __future__ import annotations

from beian.rules.context import Context
from beian.rules.domains import domain_key
from beian.rules.findings import Finding
from beian.rules.model import OrderInput
from beian.rules.registry import (
    DOMAIN_FILED_BY_OTHER_SUBJECT,
    EMPTY_SHELL_CANNOT_ADD,
    FILING_TYPE_UNKNOWN,
    FILING_TYPE_WRONG,
    WEBSITE_NEEDS_OTHER_FILING_TYPE,
    Rule,
)

FIRST_FILING = "FIRST_FILING"
NEW_WEBSITE = "NEW_WEBSITE"
NEW_ACCESS = "NEW_ACCESS"
WEBSITE_MIGRATION = "WEBSITE_MIGRATION"
NEW_DOMAIN_TYPES = frozenset({FIRST_FILING, NEW_WEBSITE})  # 633号: one domain per new website
DETECTED_TYPES = frozenset({FIRST_FILING, NEW_WEBSITE, NEW_ACCESS})


def detect_filing_type(subject_filed: bool, domain_filed: bool, domain_filed_under_same_subject: bool) -> str:
    """The type MIIT's "验证备案类型" step lands on.

    Neither filed: FIRST_FILING; subject filed, domain not: NEW_WEBSITE; domain filed under this
    subject: NEW_ACCESS; domain filed under another subject: WEBSITE_MIGRATION (the domain is in
    conflict: only a migration, where the province supports it, or the other subject's
    cancellation frees it).
    """
    if domain_filed:
        return NEW_ACCESS if domain_filed_under_same_subject else WEBSITE_MIGRATION
    return NEW_WEBSITE if subject_filed else FIRST_FILING


def check_filing_type(order: OrderInput, ctx: Context) -> list[Finding]:
    if order.filing_type not in ctx.ref.filing_types:
        return [FILING_TYPE_UNKNOWN.at("filing_type", filing_type=order.filing_type)]
    if order.filing_type not in DETECTED_TYPES:
        return []
    findings, expected_by_website = _per_domain(order)
    expected_types = set(expected_by_website.values())
    if not expected_types and not findings:
        expected_types = _judged_by_subject_only(order)
    if order.filing_type in expected_types and len(expected_types) > 1:
        # Websites of one order that need different types: the order's type fits some of them; the
        # others leave it (changing the order's type would only make the first ones wrong).
        findings += [
            _type_finding(WEBSITE_NEEDS_OTHER_FILING_TYPE, f"{prefix}.domain", ctx, expected, order.filing_type)
            for prefix, expected in expected_by_website.items()
            if expected != order.filing_type
        ]
    else:
        findings += [
            _type_finding(FILING_TYPE_WRONG, "filing_type", ctx, expected, order.filing_type)
            for expected in sorted(expected_types - {order.filing_type})
        ]
    return findings + _empty_shell(order, ctx)


def _type_finding(rule: Rule, field: str, ctx: Context, expected: str, actual: str) -> Finding:
    return rule.at(
        field,
        expected=expected,
        actual=actual,
        expected_name=ctx.ref.filing_type_name(expected),
        actual_name=ctx.ref.filing_type_name(actual),
        expected_name_en=ctx.ref.filing_type_name(expected, "en"),
        actual_name_en=ctx.ref.filing_type_name(actual, "en"),
    )


def _per_domain(order: OrderInput) -> tuple[list[Finding], dict[str, str]]:
    """Conflicting domains, and the type each other website's domain needs (by field prefix)."""
    existing = order.existing
    filed_here = {domain_key(d) for d in existing.filed_domains}
    filed_elsewhere = {domain_key(d) for d in existing.domains_filed_elsewhere}
    findings, expected_by_website = [], {}
    for index, website in enumerate(order.websites):
        key = domain_key(website.domain)
        if not key:
            continue
        expected = detect_filing_type(
            existing.subject_filed, key in filed_here or key in filed_elsewhere, key in filed_here
        )
        if expected == WEBSITE_MIGRATION:
            findings.append(DOMAIN_FILED_BY_OTHER_SUBJECT.at(f"websites[{index}].domain", domain=key))
        else:
            expected_by_website[f"websites[{index}]"] = expected
    return findings, expected_by_website


def _judged_by_subject_only(order: OrderInput) -> set[str]:
    """No domain entered yet: only the subject half of the type can be judged."""
    subject_filed = order.existing.subject_filed
    if order.filing_type == NEW_ACCESS and subject_filed:
        return set()
    return {detect_filing_type(subject_filed, False, False)}


def _empty_shell(order: OrderInput, ctx: Context) -> list[Finding]:
    if (
        order.filing_type == NEW_WEBSITE
        and order.existing.subject_is_empty_shell
        and ctx.province is not None
        and ctx.province.empty_shell_subject_can_add_website is False
    ):
        return [EMPTY_SHELL_CANNOT_ADD.at("filing_type")]
    return []
