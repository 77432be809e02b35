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
    findings, expected_types = _per_domain(order)
    if not expected_types and not findings:
        expected_types = _judged_by_subject_only(order)
    for expected in sorted(expected_types - {order.filing_type}):
        findings.append(
            FILING_TYPE_WRONG.at(
                "filing_type",
                expected=expected,
                actual=order.filing_type,
                expected_name=ctx.ref.filing_type_name(expected),
                actual_name=ctx.ref.filing_type_name(order.filing_type),
                expected_name_en=ctx.ref.filing_type_name(expected, "en"),
                actual_name_en=ctx.ref.filing_type_name(order.filing_type, "en"),
            )
        )
    return findings + _empty_shell(order, ctx)


def _per_domain(order: OrderInput) -> tuple[list[Finding], set[str]]:
    existing = order.existing
    filed_here = {domain_key(d) for d in existing.filed_domains}
    filed_elsewhere = {domain_key(d) for d in existing.domains_filed_elsewhere}
    findings, expected_types = [], set()
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
            expected_types.add(expected)
    return findings, expected_types


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
