"""The compliance monitor's checks of a filed website (rules file §8.1, §8.3, §6.2, §6.5, §1.7): PURE
Python over plain facts, no Django. `beian.monitor` gathers the facts (the page we serve, read in
process; the domain registry; the principals' certificates; which of our sites answers on the
domain), calls these, and keeps each finding as a risk with a deadline.

Each check answers one `Outcome` per (kind, target): a finding (a risk to open or keep), none (the
check passed: an open risk of that kind and target is resolved), or `not_checked` with the reason
(the facts could not be had: a registry outage, a page not served): neither opened nor resolved.
A kind groups the codes of one problem that may escalate (a domain about to expire, then expired)
so the risk keeps its deadline while its code changes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

from beian.rules.domains import display_domain
from beian.rules.findings import Finding
from beian.rules.model import DomainFacts
from beian.rules.registry import (
    MONITOR_CERTIFICATE_EXPIRED,
    MONITOR_CERTIFICATE_EXPIRES_SOON,
    MONITOR_DOMAIN_EXPIRED,
    MONITOR_DOMAIN_EXPIRES_SOON,
    MONITOR_DOMAIN_NOT_VERIFIED,
    MONITOR_DOMAIN_REGISTRANT_CHANGED,
    MONITOR_FOOTER_LINK,
    MONITOR_FOOTER_MISSING,
    MONITOR_FOOTER_WRONG_NUMBER,
    MONITOR_HOSTING_GONE,
    Bilingual,
)
from beian.rules.text import comparable_name

# Kinds: one risk per (filing, kind, target) at a time.
FOOTER = "footer"
DOMAIN_EXPIRY = "domain_expiry"
DOMAIN_HOLDER = "domain_holder"
DOMAIN_REAL_NAME = "domain_real_name"
CERTIFICATE = "certificate"
HOSTING = "hosting"
KINDS = (FOOTER, DOMAIN_EXPIRY, DOMAIN_HOLDER, DOMAIN_REAL_NAME, CERTIFICATE, HOSTING)
KIND_OF_CODE = {
    "monitor.footer.missing": FOOTER,
    "monitor.footer.link": FOOTER,
    "monitor.footer.wrong_number": FOOTER,
    "monitor.domain.expired": DOMAIN_EXPIRY,
    "monitor.domain.expires_soon": DOMAIN_EXPIRY,
    "monitor.domain.registrant_changed": DOMAIN_HOLDER,
    "monitor.domain.not_verified": DOMAIN_REAL_NAME,
    "monitor.certificate.expired": CERTIFICATE,
    "monitor.certificate.expires_soon": CERTIFICATE,
    "monitor.hosting.not_hosted": HOSTING,
}

# Why a check did not run (stored with the website's last check; the interfaces word them).
REGISTRY_UNAVAILABLE = "registry_unavailable"  # an outage, a timeout, an unusable answer
REGISTRY_UNKNOWN = "registry_unknown"  # the registry has no record of the domain (the fixture's unknowns)
NOT_HOSTED = "not_hosted"  # no site of ours answers on the domain: there is no page of ours to read
NOT_SERVED = "not_served"  # our page did not answer 200 (the gate blocks it, or an error)
NO_DATE = "no_date"  # the registry gives no expiry date / the certificate has no validity date
NO_NAME = "no_name"  # the registry hides the registrant (privacy) or the subject has no name
NOT_REPORTED = "not_reported"  # the registry does not report real-name status (RDAP)
# Reasons that leave a website's check incomplete for want of facts we should have had (an operator
# looks at these); the others are facts a registry or a record simply does not give.
INCOMPLETE = frozenset({REGISTRY_UNAVAILABLE, REGISTRY_UNKNOWN, NOT_SERVED})

SUBJECT_PRINCIPAL = "subject_principal"
WEBSITE_PRINCIPAL = "website_principal"
ROLES = {
    SUBJECT_PRINCIPAL: Bilingual("主体负责人", "subject principal"),
    WEBSITE_PRINCIPAL: Bilingual("网站负责人", "website principal"),
}


@dataclass(frozen=True)
class Outcome:
    kind: str
    target: str  # the domain (A-label) or the principal's role
    finding: Finding | None = None
    due_by: date | None = None  # the date the problem takes effect (an expiry still ahead)
    not_checked: str = ""  # why the facts could not be had ("" when the check ran)


@dataclass(frozen=True)
class MonitorPolicy:
    """Reference setting `monitor` (icp-data.json), as the checks use it."""

    expiry_warning_days: int = 30


# --- the footer of the page we serve (§8.1) -----------------------------------------------------

# An ICP filing number as a page may lay it out: spaces (or tags) anywhere between its parts.
_ICP_NUMBER = re.compile(r"[\u4e00-\u9fff]\s*ICP\s*备\s*\d{6,10}\s*号(?:\s*-\s*\d{1,4}[AXK]?)?")
_SPACE = re.compile(r"\s+")


def _compact(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


class _Page(HTMLParser):
    """The visible text of a page and its links (href, text), scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []  # the <a> elements open, innermost last
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        elif tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._hidden = max(0, self._hidden - 1)
        elif tag == "a" and self._open:
            href, parts = self._open.pop()
            self.links.append((href, "".join(parts)))

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.text.append(data)
        for _href, parts in self._open:
            parts.append(data)


@dataclass(frozen=True)
class Footer:
    """What a served page shows: the ICP numbers in its text, and those linked to each address."""

    numbers: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (href, compact text)


def read_footer(html: str) -> Footer:
    page = _Page()
    page.feed(html)
    page.close()
    for href, parts in page._open:  # an <a> never closed still links its text
        page.links.append((href, "".join(parts)))
    # text nodes apart: "号-1</a> 2024" must not read as the website number -12024
    text = unicodedata.normalize("NFKC", "\n".join(page.text))
    return Footer(
        numbers=tuple(dict.fromkeys(_compact(n) for n in _ICP_NUMBER.findall(text))),
        links=tuple((href.strip(), _compact(label)) for href, label in page.links),
    )


def _links_to(href: str, link: str) -> bool:
    """`href` goes to the MIIT site `link` names (http or https, any path on that host)."""
    want, got = urlsplit(link), urlsplit(href)
    return got.scheme in ("http", "https") and bool(got.hostname) and got.hostname == want.hostname


def check_footer(
    html: str | None, *, filing_number: str, link: str, host: str, status: int = 200, not_checked: str = ""
) -> Outcome:
    """The page we serve on `host` shows `filing_number` linked to `link` and no other subject's or
    website's number (a subject's own number without the suffix is tolerated: some provinces ask for
    it, rules §7/§8.1). `html` None: the page could not be read (`not_checked` says why)."""
    target = host
    if html is None or not_checked:
        return Outcome(FOOTER, target, not_checked=not_checked or NOT_SERVED)
    if status != 200:
        return Outcome(FOOTER, target, not_checked=NOT_SERVED)
    footer = read_footer(html)
    number = _compact(filing_number)
    subject_number = number.rsplit("-", 1)[0] if "-" in number else number
    others = [n for n in footer.numbers if n not in (number, subject_number)]
    where = display_domain(host)
    if number not in footer.numbers:
        if others:
            finding = MONITOR_FOOTER_WRONG_NUMBER.at("footer", host=where, number=filing_number, shown=others[0])
        else:
            finding = MONITOR_FOOTER_MISSING.at("footer", host=where, number=filing_number, link=link)
        return Outcome(FOOTER, target, finding)
    if not any(number in label and _links_to(href, link) for href, label in footer.links):
        return Outcome(FOOTER, target, MONITOR_FOOTER_LINK.at("footer", host=where, number=filing_number, link=link))
    if others:
        finding = MONITOR_FOOTER_WRONG_NUMBER.at("footer", host=where, number=filing_number, shown=others[0])
        return Outcome(FOOTER, target, finding)
    return Outcome(FOOTER, target)


# --- the domain at the registry (§6.5, §8.3) ------------------------------------------------------


def check_domain(
    facts: DomainFacts | None,
    *,
    domain: str,
    today: date,
    policy: MonitorPolicy,
    subject_name: str,
    principal_name: str = "",
    is_organisation: bool = False,
    not_checked: str = "",
) -> list[Outcome]:
    """Expiry, holder and real-name status of a filed domain (A-label). `facts` None: the registry
    could not be asked (`not_checked` says why) or does not know the domain."""
    if facts is None or not_checked:
        reason = not_checked or REGISTRY_UNKNOWN
        return [Outcome(kind, domain, not_checked=reason) for kind in (DOMAIN_EXPIRY, DOMAIN_HOLDER, DOMAIN_REAL_NAME)]
    shown = display_domain(domain)
    return [
        _domain_expiry(facts, domain, shown, today, policy),
        _domain_holder(facts, domain, shown, subject_name, principal_name, is_organisation),
        _domain_real_name(facts, domain, shown),
    ]


def _domain_expiry(facts: DomainFacts, domain: str, shown: str, today: date, policy: MonitorPolicy) -> Outcome:
    expires_on = facts.expires_on
    if expires_on is None:
        return Outcome(DOMAIN_EXPIRY, domain, not_checked=NO_DATE)
    days = (expires_on - today).days
    if days < 0:
        return Outcome(DOMAIN_EXPIRY, domain, MONITOR_DOMAIN_EXPIRED.at("domain", domain=shown, expires_on=expires_on))
    if days <= policy.expiry_warning_days:
        finding = MONITOR_DOMAIN_EXPIRES_SOON.at("domain", domain=shown, expires_on=expires_on, days=days)
        return Outcome(DOMAIN_EXPIRY, domain, finding, due_by=expires_on)
    return Outcome(DOMAIN_EXPIRY, domain)


def _domain_holder(
    facts: DomainFacts, domain: str, shown: str, subject_name: str, principal_name: str, is_organisation: bool
) -> Outcome:
    """The registrant is still the subject. An organisation's domain held by its principal was
    accepted at filing in the provinces that allow it (rules §6.1, a warning then): kept."""
    registrant = comparable_name(facts.registrant.strip())
    if not registrant or not subject_name.strip():
        return Outcome(DOMAIN_HOLDER, domain, not_checked=NO_NAME)
    holders = {comparable_name(subject_name.strip())}
    if is_organisation and principal_name.strip():
        holders.add(comparable_name(principal_name.strip()))
    if registrant in holders:
        return Outcome(DOMAIN_HOLDER, domain)
    return Outcome(DOMAIN_HOLDER, domain, MONITOR_DOMAIN_REGISTRANT_CHANGED.at("domain", domain=shown))


def _domain_real_name(facts: DomainFacts, domain: str, shown: str) -> Outcome:
    if facts.real_name_verified is None:
        return Outcome(DOMAIN_REAL_NAME, domain, not_checked=NOT_REPORTED)
    if facts.real_name_verified:
        return Outcome(DOMAIN_REAL_NAME, domain)
    return Outcome(DOMAIN_REAL_NAME, domain, MONITOR_DOMAIN_NOT_VERIFIED.at("domain", domain=shown))


# --- the principals' certificates (§8.3) ------------------------------------------------------------


def check_certificate(
    valid_until: date | None, *, long_term: bool, role: str, today: date, policy: MonitorPolicy
) -> Outcome:
    """A principal's certificate (`role`: SUBJECT_PRINCIPAL or WEBSITE_PRINCIPAL) is not expired nor
    about to expire. A long-term (长期) certificate never expires."""
    if long_term:
        return Outcome(CERTIFICATE, role)
    if valid_until is None:
        return Outcome(CERTIFICATE, role, not_checked=NO_DATE)
    days = (valid_until - today).days
    field = f"{role}.certificate_valid_until"
    if days < 0:
        return Outcome(
            CERTIFICATE, role, MONITOR_CERTIFICATE_EXPIRED.at(field, role=ROLES[role], valid_until=valid_until)
        )
    if days <= policy.expiry_warning_days:
        finding = MONITOR_CERTIFICATE_EXPIRES_SOON.at(field, role=ROLES[role], valid_until=valid_until, days=days)
        return Outcome(CERTIFICATE, role, finding, due_by=valid_until)
    return Outcome(CERTIFICATE, role)


# --- still hosted here (§6.5, §1.7) -----------------------------------------------------------------


def check_hosting(hosted: bool, *, domain: str) -> Outcome:
    """A site of ours still answers on the filed domain (or a subdomain of it, §6.3)."""
    if hosted:
        return Outcome(HOSTING, domain)
    return Outcome(HOSTING, domain, MONITOR_HOSTING_GONE.at("domain", domain=display_domain(domain)))
