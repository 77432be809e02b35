"""One website: name, domain(s) and registry facts, service content, pre-approvals, languages,
remark and its principal (§5.5-§5.7, §6)."""

from __future__ import annotations

from beian.rules.context import Context, check_text, unreadable
from beian.rules.domains import check_domain, check_domain_facts
from beian.rules.filing_type import NEW_DOMAIN_TYPES
from beian.rules.findings import Finding
from beian.rules.model import PreApproval, SubjectInput, WebsiteInput
from beian.rules.person import check_person
from beian.rules.registry import (
    DOMAIN_EXTRA_ON_NEW_FILING,
    LANGUAGE_UNKNOWN,
    PRE_APPROVAL_NONE_WITH_ITEMS,
    PRE_APPROVAL_NOT_FOR_NATURE,
    PRE_APPROVAL_NUMBER_MISSING,
    PRE_APPROVAL_UNKNOWN,
    REMARK_TOO_LONG,
    REMARK_TOO_SHORT,
    SERVICE_CONTENT_FINANCE,
    SERVICE_CONTENT_NOT_FOR_INDIVIDUALS,
    SERVICE_CONTENT_UNKNOWN,
    WEBSITE_PRINCIPAL_NEEDS_AUTHORISATION,
    Bilingual,
)
from beian.rules.site_names import check_site_name
from beian.rules.text import normalise


def check_website(
    website: WebsiteInput, prefix: str, ctx: Context, *, filing_type: str, subject: SubjectInput
) -> list[Finding]:
    none_option = ctx.ref.pre_approval_none_option
    has_pre_approval = any(_item(entry) not in ("", none_option) for entry in website.pre_approvals)

    def name(value: str, field: str, ctx: Context) -> list[Finding]:
        return check_site_name(
            value, field, ctx, domain=website.domain, subject_name=subject.name, has_pre_approval=has_pre_approval
        )

    return [
        *check_text(website.name, f"{prefix}.name", ctx, name),
        *check_text(website.domain, f"{prefix}.domain", ctx, check_domain),
        *_extra_domains(website, prefix, ctx, filing_type),
        *_domain_facts(website, prefix, ctx, subject),
        *_service_contents(website.service_contents, f"{prefix}.service_contents", ctx, has_pre_approval),
        *_pre_approvals(website.pre_approvals, f"{prefix}.pre_approvals", ctx),
        *_languages(website.languages, f"{prefix}.languages", ctx),
        *_remark(website.remark, f"{prefix}.remark", ctx),
        *check_person(website.principal, f"{prefix}.principal", ctx),
        *_principal_authorisation(website, prefix, ctx),
    ]


def _extra_domains(website: WebsiteInput, prefix: str, ctx: Context, filing_type: str) -> list[Finding]:
    field = f"{prefix}.extra_domains"
    findings = [
        f
        for i, domain in enumerate(website.extra_domains)
        for f in check_text(domain, f"{field}[{i}]", ctx, check_domain)
    ]
    limit = ctx.ref.domains_per_website_new_filing
    listed = int(bool(website.domain)) + sum(1 for d in website.extra_domains if d)
    if filing_type in NEW_DOMAIN_TYPES and limit is not None and listed > limit:
        findings.append(DOMAIN_EXTRA_ON_NEW_FILING.at(field, limit=limit))
    return findings


def _domain_facts(website: WebsiteInput, prefix: str, ctx: Context, subject: SubjectInput) -> list[Finding]:
    if website.domain_facts is None:
        return []
    return check_domain_facts(
        website.domain_facts, f"{prefix}.domain", ctx, subject_name=subject.name, principal_name=subject.principal.name
    )


def _service_contents(contents: list[str], field: str, ctx: Context, has_pre_approval: bool) -> list[Finding]:
    findings = []
    for index, content in enumerate(contents):
        known = ctx.ref.service_contents.get(content)
        if known is None:
            findings.append(SERVICE_CONTENT_UNKNOWN.at(f"{field}[{index}]", content=_shown(content)))
        elif ctx.is_individual and not known.allowed_for_individuals:
            findings.append(
                SERVICE_CONTENT_NOT_FOR_INDIVIDUALS.at(
                    f"{field}[{index}]", params={"content": content}, content=known.name()
                )
            )
        elif not has_pre_approval and (finance := ctx.ref.site_names.finance_keywords.found_in(content)):
            words = "、".join(finance)
            findings.append(
                SERVICE_CONTENT_FINANCE.at(
                    f"{field}[{index}]", params={"content": content, "words": words}, content=known.name(), words=words
                )
            )
    return findings


def _item(entry: PreApproval) -> str:
    return str(entry.get("item") or "") if isinstance(entry, dict) else ""


def _pre_approvals(entries: list[PreApproval], field: str, ctx: Context) -> list[Finding]:
    none_option = ctx.ref.pre_approval_none_option
    items = [_item(entry) for entry in entries]
    findings = []
    if none_option and none_option in items and len([i for i in items if i]) > 1:
        shown = Bilingual(none_option, ctx.ref.pre_approval_none_option_en or none_option)
        findings.append(PRE_APPROVAL_NONE_WITH_ITEMS.at(field, params={"none_option": none_option}, none_option=shown))
    for index, (entry, item) in enumerate(zip(entries, items, strict=False)):
        if item and item != none_option:
            findings += _pre_approval(item, entry, f"{field}[{index}]", ctx)
    return findings


def _pre_approval(item: str, entry: PreApproval, field: str, ctx: Context) -> list[Finding]:
    known = ctx.ref.pre_approval_items.get(item)
    if known is None:
        return [PRE_APPROVAL_UNKNOWN.at(f"{field}.item", item=_shown(item))]
    nature = ctx.nature
    if (
        nature is not None
        and nature.is_individual
        and not (nature.can_hold_pre_approvals and known.allowed_for_individuals)
    ):
        return [PRE_APPROVAL_NOT_FOR_NATURE.at(f"{field}.item", params={"item": item}, item=known.name())]
    if not str(entry.get("number") or "").strip():
        return [PRE_APPROVAL_NUMBER_MISSING.at(f"{field}.number", params={"item": item}, item=known.name())]
    blocker = unreadable(str(entry["number"]), f"{field}.number", ctx)
    return [blocker] if blocker else []


def _languages(languages: list[str], field: str, ctx: Context) -> list[Finding]:
    return [
        LANGUAGE_UNKNOWN.at(f"{field}[{index}]", language=_shown(language))
        for index, language in enumerate(languages)
        if language not in ctx.ref.languages
    ]


def _remark(remark: str, field: str, ctx: Context) -> list[Finding]:
    settings = ctx.ref.settings
    if len(remark) > settings.remark_max_chars:
        return [REMARK_TOO_LONG.at(field, max=settings.remark_max_chars, length=len(remark))]

    def content(value: str, field: str, ctx: Context) -> list[Finding]:
        if ctx.is_individual and len(normalise(value)) < settings.personal_remark_min_chars:
            return [REMARK_TOO_SHORT.at(field, min=settings.personal_remark_min_chars)]
        return []

    return check_text(remark, field, ctx, content)


def _principal_authorisation(website: WebsiteInput, prefix: str, ctx: Context) -> list[Finding]:
    province = ctx.province
    if (
        ctx.is_organisation
        and province is not None
        and province.website_principal_authorization_if_not_legal_rep
        and website.principal.is_legal_representative is False
    ):
        return [
            WEBSITE_PRINCIPAL_NEEDS_AUTHORISATION.at(
                f"{prefix}.principal.is_legal_representative", province_name=province.name
            )
        ]
    return []


def _shown(value: str, limit: int = 40) -> str:
    """An unknown dictionary value quoted back in a message, cut to a sensible length."""
    text = "".join(c for c in normalise(str(value)) if c.isprintable())
    return text if len(text) <= limit else f"{text[:limit]}…"
