"""Orders against a filed record: changes (rules file §1.5), cancellations (§1.6) and cancel access
(§1.7), with the empty-shell consequences of §8.4. PURE: plain data in, findings out.

What may change in a change order, and what may not (§1.5, [firm]): the province, the subject's
certificate number and type, the subject nature and the (main) domain of a website are fixed by the
record; the right path for them is cancel and refile, or website migration where the province
supports it. Everything else of the part being changed (the subject, a website, or both) is open.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from beian.rules.findings import Finding
from beian.rules.registry import (
    CANCEL_CONFIRMATION_MISMATCH,
    CANCEL_LEAVES_EMPTY_SHELL_SUBJECT,
    CANCEL_LEAVES_EMPTY_SHELL_WEBSITE,
    CANCEL_REASON_REQUIRED,
    CANCEL_REASON_UNKNOWN,
    CHANGE_ACCESS_NOTHING_CHANGED,
    CHANGE_DOMAIN_DUPLICATE,
    CHANGE_DOMAIN_FILED_ELSEWHERE,
    CHANGE_DOMAIN_NONE_LEFT,
    CHANGE_NOTHING_CHANGED,
)

CHANGE_SUBJECT = "CHANGE_SUBJECT"
CHANGE_WEBSITE = "CHANGE_WEBSITE"
CHANGE_FILING = "CHANGE_FILING"
CHANGE_ACCESS = "CHANGE_ACCESS"
CANCEL_SUBJECT = "CANCEL_SUBJECT"
CANCEL_WEBSITE = "CANCEL_WEBSITE"
CANCEL_ACCESS = "CANCEL_ACCESS"

CHANGE_TYPES = frozenset({CHANGE_SUBJECT, CHANGE_WEBSITE, CHANGE_FILING, CHANGE_ACCESS})
CANCEL_TYPES = frozenset({CANCEL_SUBJECT, CANCEL_WEBSITE, CANCEL_ACCESS})
RECORD_TYPES = CHANGE_TYPES | CANCEL_TYPES
# the types whose order changes the subject's data, or one website's data
SUBJECT_PARTS = frozenset({CHANGE_SUBJECT, CHANGE_FILING})
WEBSITE_PARTS = frozenset({CHANGE_WEBSITE, CHANGE_FILING})
# the types that target one website of the subject (the others target the subject)
WEBSITE_TARGET_TYPES = frozenset({CHANGE_WEBSITE, CHANGE_FILING, CHANGE_ACCESS, CANCEL_WEBSITE, CANCEL_ACCESS})

# §1.5: fixed by the record (template paths)
IMMUTABLE_PATHS = frozenset(
    {
        "subject.province",
        "subject.nature",
        "subject.certificate_type",
        "subject.certificate_number",
        "websites[].domain",
    }
)
OTHER_DOMAINS = "websites[].other_domains"  # the domains of a filed website beyond its main one


def is_record_type(filing_type: str) -> bool:
    return filing_type in RECORD_TYPES


def change_type_for(*, subject: bool, website: bool) -> str:
    """The change type for what the applicant wants to change (§1.1): both -> 变更备案."""
    if subject and website:
        return CHANGE_FILING
    return CHANGE_SUBJECT if subject else CHANGE_WEBSITE


def editable(filing_type: str, template: str) -> bool:
    """May a change order of `filing_type` change the field at `template` (a template path:
    `subject.name`, `websites[].principal.mobile`)?"""
    if template in IMMUTABLE_PATHS:
        return False
    if template.startswith("subject."):
        return filing_type in SUBJECT_PARTS
    if template.startswith("websites[]."):
        return filing_type in WEBSITE_PARTS
    return False


def in_scope(filing_type: str, template: str) -> bool:
    """Does a finding at `template` concern what this order applies for? A change of the subject is
    not held up by a finding on a website it does not touch (and the other way round); the
    findings of a cancellation are about the cancellation only."""
    if filing_type in CANCEL_TYPES or filing_type == CHANGE_ACCESS:
        return not (template.startswith(("subject.", "websites[].")))
    if template.startswith("subject."):
        return filing_type in SUBJECT_PARTS
    if template.startswith("websites[]."):
        return filing_type in WEBSITE_PARTS
    return True


def normalise_confirmation(text: str) -> str:
    """What the applicant typed to confirm, compared without case, width or surrounding spaces."""
    return unicodedata.normalize("NFKC", text or "").strip().casefold().rstrip(".")


@dataclass
class RecordOrderInput:
    filing_type: str
    changed_paths: list[str] = field(default_factory=list)  # fields that differ from the record
    domains_added: list[str] = field(default_factory=list)  # main domains (keys) added to the website
    domains_removed: list[str] = field(default_factory=list)
    domains_left: int = 0  # the website's domains after the change
    domains_filed_elsewhere: list[str] = field(default_factory=list)  # added ones another website holds
    duplicate_domains: list[str] = field(default_factory=list)
    hosted_site_changed: bool = False  # change access: the site that serves the website
    reason_code: str = ""
    reason_codes: tuple[str, ...] = ()  # the reasons reference data offers for this type
    irreversible: bool = False  # reference data filing_types[].irreversible
    confirmation: str = ""
    expected_confirmation: str = ""  # the domain (cancel website) or subject name (cancel subject)
    leaves_empty_shell_subject: bool = False  # no website of the subject left accessed (§8.4)
    leaves_empty_shell_website: bool = False  # the website has no access provider left (§1.7)
    target_label: str = ""  # the website's number or the subject's, for the copy


def check_record_order(order: RecordOrderInput) -> list[Finding]:
    """What stops (errors) or must be acknowledged (warnings) before a change or cancellation is
    submitted, beyond the field rules over the data it files."""
    kind = order.filing_type
    findings: list[Finding] = []
    if kind in SUBJECT_PARTS | WEBSITE_PARTS:
        if not order.changed_paths and not order.domains_added and not order.domains_removed:
            findings.append(CHANGE_NOTHING_CHANGED.at("filing_type", target=order.target_label))
        prefix = "websites[0].other_domains"
        findings += [CHANGE_DOMAIN_DUPLICATE.at(prefix, domain=d) for d in order.duplicate_domains]
        findings += [CHANGE_DOMAIN_FILED_ELSEWHERE.at(prefix, domain=d) for d in order.domains_filed_elsewhere]
        if kind in WEBSITE_PARTS and order.domains_left == 0:
            findings.append(CHANGE_DOMAIN_NONE_LEFT.at(prefix))
    if kind == CHANGE_ACCESS and not order.hosted_site_changed:
        findings.append(CHANGE_ACCESS_NOTHING_CHANGED.at("hosted_site", target=order.target_label))
    if kind in CANCEL_TYPES:
        if not order.reason_code:
            findings.append(CANCEL_REASON_REQUIRED.at("reason_code"))
        elif order.reason_codes and order.reason_code not in order.reason_codes:
            findings.append(CANCEL_REASON_UNKNOWN.at("reason_code", reason=order.reason_code))
        if order.irreversible and normalise_confirmation(order.confirmation) != normalise_confirmation(
            order.expected_confirmation
        ):
            findings.append(CANCEL_CONFIRMATION_MISMATCH.at("confirmation", expected=order.expected_confirmation))
        if order.leaves_empty_shell_website:
            findings.append(CANCEL_LEAVES_EMPTY_SHELL_WEBSITE.at("filing_type", target=order.target_label))
        if order.leaves_empty_shell_subject:
            findings.append(CANCEL_LEAVES_EMPTY_SHELL_SUBJECT.at("filing_type", target=order.target_label))
    return findings
