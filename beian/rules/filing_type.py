"""Filing type (备案类型, §1): derived from what MIIT already has for the subject and the domain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from beian.rules.context import Context
from beian.rules.domains import domain_key
from beian.rules.findings import Finding
from beian.rules.model import OrderInput, RecordedSubject, RecordedWebsite
from beian.rules.registry import (
    DOMAIN_FILED_BY_OTHER_SUBJECT,
    EMPTY_SHELL_CANNOT_ADD,
    FILING_TYPE_DOMAIN_ALREADY_OURS,
    FILING_TYPE_LOOKUP_UNAVAILABLE,
    FILING_TYPE_MIXED,
    FILING_TYPE_PROVINCE_MISMATCH,
    FILING_TYPE_REQUESTED_WRONG,
    FILING_TYPE_SUBJECT_CHANGE_PENDING,
    FILING_TYPE_SUBJECT_OTHER_ACCOUNT,
    FILING_TYPE_UNKNOWN,
    FILING_TYPE_WRONG,
    RECORDED_MISMATCH,
    WEBSITE_NEEDS_OTHER_FILING_TYPE,
    Bilingual,
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


# --- the "验证备案类型" step: what the lookups found, and the decision ---------------------------


@dataclass(frozen=True)
class SubjectState:
    """What the lookups found for the subject's certificate (ours across all tenants, and MIIT's
    records of other providers' filings)."""

    filed: bool = False
    with_us: bool = False  # a subject record of ours
    other_account: bool = False  # ... of another of our customers' accounts
    number: str = ""
    province: str = ""  # provinces[].code the subject is filed in
    province_name: Bilingual | None = None
    empty_shell: bool | None = None  # filed with no website (or no access) left; None: unknown
    change_pending: str = ""  # the reference of an open subject-change order, if any


@dataclass(frozen=True)
class DomainState:
    """What the lookups found for one (main) domain."""

    domain: str
    filed: bool = False
    same_subject: bool = False  # filed under the same certificate
    with_us: bool = False  # in our records
    accessed_by_us: bool = False  # ... and our access record is active
    number: str = ""  # the website filing number (…-n)


@dataclass(frozen=True)
class TypeDecision:
    """FIRST_FILING / NEW_WEBSITE / NEW_ACCESS, or refused with the findings saying why and what
    to do instead (filing_type is then "")."""

    filing_type: str = ""
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    per_domain: tuple[tuple[str, str], ...] = ()  # (domain, type) for each domain that was judged

    @property
    def refused(self) -> bool:
        return not self.filing_type


def decide_filing_type(
    subject: SubjectState,
    domains: Sequence[DomainState],
    *,
    province: str = "",
    empty_shell_can_add_website: bool | None = None,
    requested: str = "",
    lookup_unavailable: bool = False,
    type_names: dict[str, Bilingual] | None = None,
) -> TypeDecision:
    """The type MIIT's "验证备案类型" step lands on, from what the lookups found (rules §1).

    Refusals, each with the path to take instead: the lookup could not be asked (try again); the
    subject is filed with us under another account (use that account); a domain is filed under
    another subject (website migration or the other subject's cancellation); a domain is filed
    and accessed through us already (nothing to file); the subject is filed in another province;
    domains that need different types; a new website while a subject change is open (§1.3); a new
    website for an empty-shell subject where the province does not allow it (§8.4); a requested
    type the lookups contradict."""
    names = type_names or {}

    def name(code: str) -> Bilingual:
        return names.get(code) or Bilingual(code, code)

    if lookup_unavailable:
        return TypeDecision(findings=(FILING_TYPE_LOOKUP_UNAVAILABLE.at("filing_type"),))
    if subject.other_account:
        return TypeDecision(findings=(FILING_TYPE_SUBJECT_OTHER_ACCOUNT.at("subject.certificate_number"),))
    findings: list[Finding] = []
    if subject.filed and province and subject.province and province != subject.province:
        findings.append(
            FILING_TYPE_PROVINCE_MISMATCH.at(
                "subject.province",
                province=subject.province_name or Bilingual(subject.province, subject.province),
                number=subject.number,
            )
        )
    per_domain: list[tuple[str, str]] = []
    for index, state in enumerate(domains):
        path = f"websites[{index}].domain"
        expected = detect_filing_type(subject.filed, state.filed, state.same_subject)
        if expected == WEBSITE_MIGRATION:
            findings.append(DOMAIN_FILED_BY_OTHER_SUBJECT.at(path, domain=state.domain))
        elif state.with_us and state.accessed_by_us:
            findings.append(FILING_TYPE_DOMAIN_ALREADY_OURS.at(path, domain=state.domain, number=state.number))
        else:
            per_domain.append((state.domain, expected))
    kinds = sorted({t for _d, t in per_domain})
    if len(kinds) > 1:
        detail = Bilingual(
            "；".join(f"{d}：{name(t).zh}" for d, t in per_domain),
            "; ".join(f"{d}: {name(t).en}" for d, t in per_domain),
        )
        findings.append(FILING_TYPE_MIXED.at("websites", detail=detail))
    if findings:
        return TypeDecision(findings=tuple(findings), per_domain=tuple(per_domain))
    detected = kinds[0] if kinds else detect_filing_type(subject.filed, False, False)
    if detected == NEW_WEBSITE and subject.change_pending:
        findings.append(FILING_TYPE_SUBJECT_CHANGE_PENDING.at("filing_type", reference=subject.change_pending))
    if detected == NEW_WEBSITE and subject.with_us and subject.empty_shell and empty_shell_can_add_website is False:
        findings.append(EMPTY_SHELL_CANNOT_ADD.at("filing_type"))
    if requested and requested != detected:
        findings.append(
            FILING_TYPE_REQUESTED_WRONG.at(
                "filing_type",
                params={"expected": detected, "actual": requested},
                expected_name=name(detected),
                actual_name=name(requested),
                why=_why(detected, subject, domains),
            )
        )
    if findings:
        return TypeDecision(findings=tuple(findings), per_domain=tuple(per_domain))
    return TypeDecision(filing_type=detected, per_domain=tuple(per_domain))


def _why(detected: str, subject: SubjectState, domains: Sequence[DomainState]) -> Bilingual:
    """Why the lookups land on `detected`, in words (the right path for a wrong requested type)."""
    if detected == NEW_ACCESS:
        numbers = [d.number for d in domains if d.filed and d.number]
        return Bilingual(
            f"该主体和域名已通过其他接入商备案（{'、'.join(numbers)}），备案号保持不变",
            f"the subject and domain are already filed through another provider ({', '.join(numbers)}); "
            "the numbers stay",
        )
    if detected == NEW_WEBSITE:
        return Bilingual(
            f"该主体已备案（{subject.number}），域名尚未备案",
            f"the subject is already filed ({subject.number}) and the domain is not",
        )
    return Bilingual("该主体和域名均未备案", "neither the subject nor the domain is filed")


# --- the rules over an order (wizard, API, submit) ----------------------------------------------


def check_filing_type(order: OrderInput, ctx: Context) -> list[Finding]:
    if order.filing_type not in ctx.ref.filing_types:
        return [FILING_TYPE_UNKNOWN.at("filing_type", filing_type=order.filing_type)]
    if order.filing_type not in DETECTED_TYPES:
        return []
    if order.existing.lookup_unavailable:
        return [FILING_TYPE_LOOKUP_UNAVAILABLE.at("filing_type")]
    if order.existing.subject_other_account:
        return [FILING_TYPE_SUBJECT_OTHER_ACCOUNT.at("subject.certificate_number")]
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
    return findings + _empty_shell(order, ctx) + check_recorded_match(order)


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


def check_recorded_match(order: OrderInput) -> list[Finding]:
    """New access (§1.4) and new website for a subject filed elsewhere (§1.3): what the applicant
    enters must equal what the regulator holds (the numbers stay). Principal names are compared
    but never shown (the record is not the applicant's to read)."""
    recorded = order.existing.recorded
    if recorded is None or order.filing_type not in (NEW_ACCESS, NEW_WEBSITE):
        return []
    findings = _differs(order.subject.name, recorded.name, "subject.name", _SUBJECT_NAME, shown=True)
    findings += _differs(
        order.subject.principal.name, recorded.principal_name, "subject.principal.name", _SUBJECT_PRINCIPAL
    )
    if order.filing_type != NEW_ACCESS:
        return findings
    for index, website in enumerate(order.websites):
        filed = _recorded_website(recorded, website.domain)
        if filed is None:
            continue
        prefix = f"websites[{index}]"
        findings += _differs(website.name, filed.name, f"{prefix}.name", _WEBSITE_NAME, shown=True)
        findings += _differs(
            website.principal.name, filed.principal_name, f"{prefix}.principal.name", _WEBSITE_PRINCIPAL
        )
    return findings


_SUBJECT_NAME = Bilingual("主办单位名称", "The subject name")
_SUBJECT_PRINCIPAL = Bilingual("主体负责人姓名", "The subject principal's name")
_WEBSITE_NAME = Bilingual("网站名称", "The website name")
_WEBSITE_PRINCIPAL = Bilingual("网站负责人姓名", "The website principal's name")


def _recorded_website(recorded: RecordedSubject, domain: str) -> RecordedWebsite | None:
    key = domain_key(domain)
    if not key:
        return None
    for website in recorded.websites:
        if key in {domain_key(d) for d in website.domains}:
            return website
    return None


def _differs(entered: str, recorded: str, path: str, what: Bilingual, *, shown: bool = False) -> list[Finding]:
    """A finding when an entered value differs from the recorded one (empty entries are the
    required-field rule's to report; an empty record has nothing to compare)."""
    if not entered.strip() or not recorded.strip() or _same(entered, recorded):
        return []
    text = Bilingual(f"（备案为“{recorded}”）", f" ('{recorded}')") if shown else Bilingual("", "")
    return [RECORDED_MISMATCH.at(path, params={"what": path}, what=what, recorded=text)]


def _same(a: str, b: str) -> bool:
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()
