"""What people read of the monitor's risks: the applicant's open risks (their tenant only) and the
operators' list with its filters. Plain rows in the reader's language; no PII in any of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.core import clock
from beian.monitor.models import Kind, Risk, RiskStatus, WebsiteCheck
from beian.rules import monitor as checks
from beian.rules.domains import display_domain
from beian.rules.monitor import INCOMPLETE, ROLES

# The operators' filters: name -> what it shows.
OPEN, OVERDUE, PROPOSED, RESOLVED, ALL = "open", "overdue", "proposed", "resolved", "all"
FILTERS = (OPEN, OVERDUE, PROPOSED, RESOLVED, ALL)
NOT_CHECKED_LABELS = {
    checks.REGISTRY_UNAVAILABLE: _("the domain registry could not be asked"),
    checks.REGISTRY_UNKNOWN: _("the domain registry has no record of the domain"),
    checks.NOT_SERVED: _("our page was not served"),
    checks.NOT_HOSTED: _("no site of ours answers on the domain"),
    checks.NO_DATE: _("no expiry date is known"),
    checks.NO_NAME: _("the registry does not show the holder"),
    checks.NOT_REPORTED: _("the registry does not report real-name status"),
}


@dataclass(frozen=True)
class RiskRow:
    pk: int
    filing_number: str  # the website's number, or the subject's for a subject principal's certificate
    subject_name: str
    kind: str
    kind_label: str
    concerns: str  # the domain as people read it, or the principal's role
    code: str
    severity: str
    message: str
    fix: str
    found_at: dt.datetime
    checked_at: dt.datetime
    deadline: dt.date
    days_left: int  # negative: past the deadline
    status: str
    status_label: str
    proposed_cancel_at: dt.datetime | None
    resolved_at: dt.datetime | None
    website_number: str = ""  # the website's number; "" for a risk of the subject
    subject_number: str = ""
    domain: str = ""  # the domain as stored (A-label) when the risk is about one; "" for a principal's role
    resolution: str = ""

    @property
    def overdue(self) -> bool:
        return self.status == RiskStatus.OPEN and self.days_left < 0


def filing_number_of(risk: Risk) -> str:
    """The website's number, or the subject's for a risk of the subject (its principal's certificate)."""
    website = risk.website_filing
    return website.filing_number if website is not None else risk.subject_filing.filing_number


def _concerns(risk: Risk, english: bool) -> str:
    role = ROLES.get(risk.target)
    if role is not None:
        return role.en if english else role.zh
    return display_domain(risk.target)


def _rows(risks: QuerySet[Risk]) -> list[RiskRow]:
    language = get_language() or ""
    english = language.startswith("en")
    today = clock.today()
    out = []
    for risk in risks.select_related("website_filing", "subject_filing"):
        out.append(
            RiskRow(
                pk=risk.pk,
                filing_number=filing_number_of(risk),
                subject_name=risk.subject_filing.name,
                kind=risk.kind,
                kind_label=str(Kind(risk.kind).label),
                concerns=_concerns(risk, english),
                code=risk.code,
                severity=risk.severity,
                message=risk.message(language),
                fix=risk.fix(language),
                found_at=risk.found_at,
                checked_at=risk.checked_at,
                deadline=risk.deadline,
                days_left=(risk.deadline - today).days,
                status=risk.status,
                status_label=str(risk.get_status_display()),
                proposed_cancel_at=risk.proposed_cancel_at,
                resolved_at=risk.resolved_at,
                website_number=risk.website_filing.filing_number if risk.website_filing is not None else "",
                subject_number=risk.subject_filing.filing_number,
                domain="" if risk.target in ROLES else risk.target,
                resolution=risk.resolution,
            )
        )
    return out


def risks_for_organisation(organisation) -> list[RiskRow]:
    """The tenant's open risks, soonest deadline first (the filed dashboard)."""
    return _rows(Risk.objects.filter(organisation=organisation, status=RiskStatus.OPEN).order_by("deadline", "pk"))


def risks_of_organisation(
    organisation, *, status: str | None = None, website_number: str = "", limit: int = 500
) -> list[RiskRow]:
    """The tenant's risks for the partner API: open and resolved (or only `status`, a RiskStatus
    value), of every filed website and subject or only of the website `website_number`; open ones
    first, soonest deadline first, then the latest resolved."""
    risks = Risk.objects.filter(organisation=organisation)
    if status:
        risks = risks.filter(status=status)
    if website_number:
        risks = risks.filter(website_filing__filing_number=website_number.strip())
    return _rows(risks.order_by("status", "deadline", "pk")[:limit])


def open_risks_of_website(organisation, website_number: str) -> list[RiskRow]:
    """The open risks of one of the tenant's filed websites (its record's page, the API)."""
    return risks_of_organisation(organisation, status=RiskStatus.OPEN, website_number=website_number)


def risks_for_operators(show: str = OPEN, *, limit: int = 500) -> list[RiskRow]:
    """Every tenant's risks for the operators' list: `show` one of FILTERS (unknown: open)."""
    today = clock.today()
    risks = Risk.objects.all()
    if show == OVERDUE:
        risks = risks.filter(status=RiskStatus.OPEN, deadline__lt=today)
    elif show == PROPOSED:
        risks = risks.filter(status=RiskStatus.OPEN, proposed_cancel_at__isnull=False)
    elif show == RESOLVED:
        risks = risks.filter(status=RiskStatus.RESOLVED)
    elif show != ALL:
        risks = risks.filter(status=RiskStatus.OPEN)
    ordering = ("-resolved_at", "-pk") if show == RESOLVED else ("deadline", "pk")
    return _rows(risks.order_by(*ordering)[:limit])


def operator_counts() -> dict[str, int]:
    """How many risks each filter shows (the list's tabs), and the websites whose last check
    could not check something (a registry outage, a page not served)."""
    today = clock.today()
    open_risks = Risk.objects.filter(status=RiskStatus.OPEN)
    return {
        OPEN: open_risks.count(),
        OVERDUE: open_risks.filter(deadline__lt=today).count(),
        PROPOSED: open_risks.filter(proposed_cancel_at__isnull=False).count(),
        RESOLVED: Risk.objects.filter(status=RiskStatus.RESOLVED).count(),
        "incomplete": WebsiteCheck.objects.filter(incomplete=True).count(),
        "checked": WebsiteCheck.objects.count(),
    }


@dataclass(frozen=True)
class IncompleteCheck:
    filing_number: str
    checked_at: dt.datetime
    reasons: tuple[str, ...]  # "<domain>: <why>", in the reader's language


def incomplete_checks(*, limit: int = 50) -> list[IncompleteCheck]:
    """Websites whose latest check could not check something it should have (a registry outage or
    an unknown domain, a page not served): neither a risk nor a pass, shown so it is looked at."""
    out = []
    rows = WebsiteCheck.objects.filter(incomplete=True).select_related("website_filing").order_by("-checked_at")
    for check in rows[:limit]:
        reasons = tuple(
            f"{display_domain(item['target'])}: {NOT_CHECKED_LABELS.get(item['reason'], item['reason'])}"
            for item in check.not_checked
            if item.get("reason") in INCOMPLETE
        )
        out.append(IncompleteCheck(check.website_filing.filing_number, check.checked_at, tuple(dict.fromkeys(reasons))))
    return out
