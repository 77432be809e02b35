"""The compliance monitor (rules file §8.3: providers verify periodically, notify, give a deadline,
and cancel access if it is not rectified): a periodic job re-checks every website filed with our
access, keeps each problem as a Risk with a deadline, tells the applicant, and proposes a
provider-initiated cancel access (§1.7) to an operator once a risk is past its deadline — never
cancels by itself.

What is checked, per website (the decisions are the pure `beian.rules.monitor`):
- the home page we serve on each filed domain, read in process through the WSGI path with the
  domain's Host header (`fetch.PageReader`: whatever the gate serves, custom footer included)
  shows the website's number linked to https://beian.miit.gov.cn/ (§8.1);
- each filed domain at the registry (the same adapter as the wizard: fixture or RDAP): not expired
  nor about to, still held by the subject, still real-name verified (§6.5, §8.3);
- the subject principal's and the website principal's certificates: not expired nor about to (§8.3);
- a site of ours still answers on each filed domain (§6.5, §1.7).
A registry outage, a page not served or a fact the registry does not give is "could not check"
(kept on the website's WebsiteCheck): it neither opens nor resolves a risk.

Policy: reference setting `monitor` (icp-data.json): re-check interval, expiry horizon, deadline in
working days per kind, websites per run. Time from beian.core.clock, working days from
beian.core.workdays. Every risk state change is audited; notifications go after commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial

import idna
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.core import audit, clock, workdays
from beian.core.exceptions import DomainError
from beian.filings import notices, validation
from beian.filings.models import Order, RecordStatus, SubjectFiling, WebsiteFiling
from beian.hosting.entries import ascii_host
from beian.hosting.footer import DEFAULT_MIIT_LINK
from beian.hosting.models import SiteDomain
from beian.monitor.fetch import PageReader
from beian.monitor.models import Kind, Resolution, Risk, RiskStatus, WebsiteCheck
from beian.monitor.selectors import filing_number_of
from beian.notifications.models import Kind as NotificationKind
from beian.notifications.services import Message, dispatch
from beian.reference import snapshot
from beian.rules import monitor as checks
from beian.rules.findings import Finding
from beian.rules.registry import Bilingual

logger = logging.getLogger(__name__)

SETTING = "monitor"
ACTOR = "monitor"
LOAD_CHUNK = 50  # websites loaded per query batch in a run
# Product defaults when the reference setting lacks a value (icp-data.json `monitor` has them all).
DEFAULTS = {"recheck_hours": 24, "expiry_warning_days": 30, "websites_per_run": 100, "deadline_working_days": 10}


# --- policy ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    recheck_hours: int = DEFAULTS["recheck_hours"]
    expiry_warning_days: int = DEFAULTS["expiry_warning_days"]
    websites_per_run: int = DEFAULTS["websites_per_run"]
    deadline_days: dict[str, int] = field(default_factory=dict)

    def deadline_working_days(self, kind: str) -> int:
        return self.deadline_days.get(kind, self.deadline_days.get("default", DEFAULTS["deadline_working_days"]))

    @property
    def checks(self) -> checks.MonitorPolicy:
        return checks.MonitorPolicy(expiry_warning_days=self.expiry_warning_days)


def _int(value, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def current_policy() -> Policy:
    raw = snapshot.setting(SETTING, {}) or {}
    days = raw.get("deadline_working_days") or {}
    if not isinstance(days, dict):
        days = {"default": days}
    return Policy(
        recheck_hours=_int(raw.get("recheck_hours"), DEFAULTS["recheck_hours"]),
        expiry_warning_days=_int(raw.get("expiry_warning_days"), DEFAULTS["expiry_warning_days"]),
        websites_per_run=_int(raw.get("websites_per_run"), DEFAULTS["websites_per_run"]),
        deadline_days={str(k): _int(v, DEFAULTS["deadline_working_days"]) for k, v in days.items()},
    )


def deadline_for(outcome: checks.Outcome, *, today: dt.date, policy: Policy) -> dt.date:
    """Working days of the kind from today; an expiry still ahead is never due before it happens."""
    due = workdays.current_calendar().add_working_days(today, policy.deadline_working_days(outcome.kind))
    return max(due, outcome.due_by) if outcome.due_by else due


# --- what is in scope -------------------------------------------------------------------------------


def websites_in_scope():
    """Filed websites (and subjects) still active whose access through us is active."""
    return WebsiteFiling.objects.filter(
        status=RecordStatus.ACTIVE,
        subject_filing__status=RecordStatus.ACTIVE,
        accesses__is_ours=True,
        accesses__status=RecordStatus.ACTIVE,
    ).distinct()


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def websites_due(*, now: dt.datetime, policy: Policy, everything: bool = False) -> list[int]:
    """Websites to check now, longest unchecked first: never checked, checked `recheck_hours` ago or
    more, or carrying an open risk past its deadline not confirmed since (checked before proposing
    a cancel access)."""
    scope = websites_in_scope()
    last = dict(WebsiteCheck.objects.filter(website_filing__in=scope).values_list("website_filing_id", "checked_at"))
    stale = now - dt.timedelta(hours=policy.recheck_hours)
    ids = list(scope.values_list("pk", "subject_filing_id"))
    overdue = _overdue_unconfirmed(today=_local_date(now), last=last, ids=ids)
    due = [
        (last.get(pk), pk) for pk, _subject in ids if everything or pk not in last or last[pk] <= stale or pk in overdue
    ]
    due.sort(key=lambda item: (item[0] is not None, item[0] or now, item[1]))
    return [pk for _checked, pk in due]


def _overdue_unconfirmed(*, today: dt.date, last: dict, ids: list[tuple[int, int]]) -> set[int]:
    by_subject: dict[int, list[int]] = {}
    for pk, subject in ids:
        by_subject.setdefault(subject, []).append(pk)
    out: set[int] = set()
    overdue = Risk.objects.filter(status=RiskStatus.OPEN, proposed_cancel_at__isnull=True, deadline__lt=today)
    for website_id, subject_id, deadline in overdue.values_list("website_filing_id", "subject_filing_id", "deadline"):
        candidates = [website_id] if website_id else by_subject.get(subject_id, [])
        for pk in candidates:
            checked = last.get(pk)
            if checked is None or _local_date(checked) <= deadline:
                out.add(pk)
    return out


# --- gathering the facts of one website -------------------------------------------------------------


class Tools:
    """What a run reads with, made once per run: the page reader (on first use), the domain
    registry, the reference snapshot and the MIIT link the footer must carry."""

    def __init__(self, *, reader: PageReader | None = None, registry=None) -> None:
        self._reader = reader
        self.registry = registry if registry is not None else validation.domain_registry()

    @property
    def reader(self) -> PageReader:
        if self._reader is None:
            self._reader = PageReader()
        return self._reader

    @cached_property
    def reference(self):
        return snapshot.current()

    @cached_property
    def miit_link(self) -> str:
        return (snapshot.setting("filing_number_formats", {}) or {}).get("miit_link") or DEFAULT_MIIT_LINK


def answering_host(domain: str, organisation_ids: Iterable[int]) -> str:
    """The address of one of our sites (of these tenants) bound to the filed main domain `domain`
    (an A-label) or to a subdomain of it, as a Host header carries it; "" when none is (§6.3)."""
    forms = {domain}
    with contextlib.suppress(idna.IDNAError, UnicodeError):
        forms.add(idna.decode(domain))
    cond = Q(domain__in=forms)
    for form in forms:
        cond |= Q(domain__endswith=f".{form}")
    hosts = {
        ascii_host(d)
        for d in SiteDomain.objects.filter(cond, site__organisation_id__in=list(organisation_ids)).values_list(
            "domain", flat=True
        )
    }
    for preferred in (domain, f"www.{domain}"):
        if preferred in hosts:
            return preferred
    return min(hosts, key=lambda h: (len(h), h), default="")


def _footer(record: WebsiteFiling, domain: str, host: str, tools: Tools, link: str) -> checks.Outcome:
    number = record.filing_number
    if not host:
        return checks.check_footer(None, filing_number=number, link=link, host=domain, not_checked=checks.NOT_HOSTED)
    try:
        served = tools.reader.read(host)
    except Exception:  # a page that cannot be rendered is "not served", never a crash of the run
        logger.exception("monitor: reading %s failed", host)
        return checks.check_footer(None, filing_number=number, link=link, host=domain, not_checked=checks.NOT_SERVED)
    return checks.check_footer(served.html, filing_number=number, link=link, host=domain, status=served.status)


def _domain(record: WebsiteFiling, domain: str, tools: Tools, *, today: dt.date, policy: Policy, organisation: bool):
    subject = record.subject_filing.subject
    try:
        facts, reason = tools.registry.lookup(domain), ""
    except Exception:  # an outage is "could not check", never a risk (DomainRegistryError and the unexpected)
        logger.warning("monitor: the domain registry could not be asked about %s", domain, exc_info=True)
        facts, reason = None, checks.REGISTRY_UNAVAILABLE
    return checks.check_domain(
        facts,
        domain=domain,
        today=today,
        policy=policy.checks,
        subject_name=record.subject_filing.name,
        principal_name=subject.principal.name if subject.principal_id else "",
        is_organisation=organisation,
        not_checked=reason,
    )


def website_outcomes(
    record: WebsiteFiling, *, tools: Tools, today: dt.date, policy: Policy
) -> list[tuple[checks.Outcome, bool]]:
    """Every check of one website: (outcome, concerns the subject rather than the website)."""
    subject_filing = record.subject_filing
    nature = tools.reference.nature(subject_filing.nature)
    organisation = nature is not None and not nature.is_individual
    link = tools.miit_link
    tenants = {subject_filing.organisation_id} | {
        a.hosted_site.organisation_id
        for a in record.accesses.all()
        if a.is_ours and a.status == RecordStatus.ACTIVE and a.hosted_site is not None
    }
    out: list[tuple[checks.Outcome, bool]] = []
    for domain in [d.domain for d in record.domains.all() if d.removed_at is None]:
        host = answering_host(domain, tenants)
        out.append((checks.check_hosting(bool(host), domain=domain), False))
        out.append((_footer(record, domain, host, tools, link), False))
        for outcome in _domain(record, domain, tools, today=today, policy=policy, organisation=organisation):
            out.append((outcome, False))
    people = (
        (checks.SUBJECT_PRINCIPAL, subject_filing.subject.principal, True),
        (checks.WEBSITE_PRINCIPAL, record.website.principal, False),
    )
    for role, person, of_subject in people:
        outcome = checks.check_certificate(
            person.certificate_valid_until,
            long_term=person.certificate_long_term,
            role=role,
            today=today,
            policy=policy.checks,
        )
        out.append((outcome, of_subject))
    return out


# --- keeping the risks --------------------------------------------------------------------------------


def risk_key(subject_filing_id: int, website_filing_id: int | None, kind: str, target: str) -> str:
    return f"{subject_filing_id}/{website_filing_id or '-'}/{kind}/{target}"


def _evidence(finding: Finding) -> dict:
    """The finding's parameters as JSON (dates as ISO, a bilingual value as its English)."""
    out = {}
    for name, value in finding.params.items():
        if isinstance(value, Bilingual):
            value = value.en
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


def _copy(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message_zh": finding.message_zh,
        "message_en": finding.message_en,
        "fix_zh": finding.fix_zh,
        "fix_en": finding.fix_en,
        "evidence": _evidence(finding),
    }


def _audit(risk: Risk, action: str, **data) -> None:
    audit.record(
        action=f"monitor.risk_{action}",
        target=risk,
        actor_label=ACTOR,
        data={"code": risk.code, "kind": risk.kind, "target": risk.target, **data},
    )


@dataclass
class CheckReport:
    opened: list[int] = field(default_factory=list)
    escalated: list[int] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)
    not_checked: list[dict] = field(default_factory=list)


def load_websites(pks: Iterable[int]) -> dict[int, WebsiteFiling]:
    """Website filings with what a check reads of them (subject, principals, domains, access): a
    constant number of queries for any number of them."""
    return (
        WebsiteFiling.objects.select_related("subject_filing__subject__principal", "website__principal")
        .prefetch_related("domains", "accesses__hosted_site")
        .in_bulk(list(pks))
    )


def website_filing_check(
    *, website_filing: WebsiteFiling, tools: Tools | None = None, policy: Policy | None = None, loaded: bool = False
) -> CheckReport:
    """Check one filed website now and bring its risks (and its subject's) up to date. `loaded`:
    the record comes from `load_websites` (a run loads its websites in chunks)."""
    policy = policy or current_policy()
    tools = tools or Tools()
    started = time.perf_counter()
    record = website_filing if loaded else load_websites([website_filing.pk])[website_filing.pk]
    now = clock.now()
    today = _local_date(now)
    outcomes = website_outcomes(record, tools=tools, today=today, policy=policy)
    duration_ms = int((time.perf_counter() - started) * 1000)
    return _apply(record, outcomes, now=now, today=today, policy=policy, duration_ms=duration_ms)


def _apply(record, outcomes, *, now, today, policy, duration_ms) -> CheckReport:
    report = CheckReport()
    subject_id = record.subject_filing_id
    with transaction.atomic():
        # one check of a subject's websites at a time (the embedded thread, a worker, the command)
        SubjectFiling.objects.select_for_update().filter(pk=subject_id).first()
        keys: dict[str, tuple[checks.Outcome, int | None]] = {}
        for outcome, of_subject in outcomes:
            website_id = None if of_subject else record.pk
            keys[risk_key(subject_id, website_id, outcome.kind, outcome.target)] = (outcome, website_id)
        open_risks = {
            r.key: r
            for r in Risk.objects.select_for_update().filter(
                Q(website_filing=record) | Q(subject_filing_id=subject_id, website_filing__isnull=True),
                status=RiskStatus.OPEN,
            )
        }
        for key, (outcome, website_id) in keys.items():
            risk = open_risks.get(key)
            if outcome.not_checked:
                report.not_checked.append(
                    {"kind": outcome.kind, "target": outcome.target, "reason": outcome.not_checked}
                )
            elif outcome.finding is not None and risk is None:
                risk = _open(record, key, outcome, website_id, now=now, today=today, policy=policy)
                report.opened.append(risk.pk)
            elif outcome.finding is not None and risk is not None:
                if _confirm(risk, outcome.finding, now=now):
                    report.escalated.append(risk.pk)
            elif risk is not None:
                _resolve(risk, Resolution.PASSED, now=now)
                report.resolved.append(risk.pk)
        for key, risk in open_risks.items():  # the website's: a domain removed, a check no longer made
            if key not in keys and risk.website_filing_id == record.pk:
                _resolve(risk, Resolution.NOT_APPLICABLE, now=now)
                report.resolved.append(risk.pk)
        values = {
            "checked_at": now,
            "duration_ms": duration_ms,
            "not_checked": report.not_checked,
            "incomplete": any(item["reason"] in checks.INCOMPLETE for item in report.not_checked),
        }
        # the subject's row is locked: no concurrent check of this website can create it meanwhile
        if not WebsiteCheck.objects.filter(website_filing=record).update(**values):
            WebsiteCheck.objects.create(website_filing=record, **values)
        for pk in report.opened:
            transaction.on_commit(partial(risk_notify, risk_pk=pk, event="opened"))
        for pk in report.escalated:
            transaction.on_commit(partial(risk_notify, risk_pk=pk, event="escalated"))
    return report


def _open(record, key, outcome, website_id, *, now, today, policy) -> Risk:
    risk = Risk.objects.create(
        organisation_id=record.subject_filing.organisation_id,
        subject_filing_id=record.subject_filing_id,
        website_filing_id=website_id,
        key=key,
        kind=outcome.kind,
        target=outcome.target,
        found_at=now,
        checked_at=now,
        deadline=deadline_for(outcome, today=today, policy=policy),
        **_copy(outcome.finding),
    )
    _audit(risk, "opened", deadline=risk.deadline.isoformat(), severity=risk.severity)
    return risk


def _confirm(risk: Risk, finding: Finding, *, now) -> bool:
    """Still there: a changed code (about to expire -> expired) is an escalation (audited, notified);
    the deadline stays. Returns whether the code changed."""
    previous = risk.code
    for name, value in {**_copy(finding), "checked_at": now}.items():
        setattr(risk, name, value)
    risk.save(
        update_fields=["code", "severity", "message_zh", "message_en", "fix_zh", "fix_en", "evidence", "checked_at"]
    )
    if finding.code == previous:
        return False
    _audit(risk, "escalated", previous=previous, severity=risk.severity)
    return True


def _resolve(risk: Risk, resolution: str, *, now) -> None:
    risk.status, risk.resolved_at, risk.resolution = RiskStatus.RESOLVED, now, resolution
    risk.save(update_fields=["status", "resolved_at", "resolution"])
    _audit(risk, "resolved", resolution=resolution)


def risks_resolve_out_of_scope(*, now: dt.datetime | None = None) -> int:
    """Open risks of websites no longer filed with our access (cancelled, access ended), and of
    subjects with no such website left, no longer apply."""
    now = now or clock.now()
    scope = websites_in_scope()
    stale = Risk.objects.filter(status=RiskStatus.OPEN).filter(
        Q(website_filing__isnull=False) & ~Q(website_filing__in=scope)
        | Q(website_filing__isnull=True) & ~Q(subject_filing__in=scope.values("subject_filing_id"))
    )
    count = 0
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            risk = Risk.objects.select_for_update().filter(pk=pk, status=RiskStatus.OPEN).first()
            if risk is not None:
                _resolve(risk, Resolution.NOT_APPLICABLE, now=now)
                count += 1
    return count


def risks_propose_cancel_access(*, now: dt.datetime | None = None) -> list[int]:
    """Open risks past their deadline and confirmed by a check after it: propose a provider-initiated
    cancel access to an operator (rules §1.7, §8.3). Only a proposal: an operator decides."""
    now = now or clock.now()
    today = _local_date(now)
    proposed = []
    candidates = Risk.objects.filter(status=RiskStatus.OPEN, proposed_cancel_at__isnull=True, deadline__lt=today)
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            risk = Risk.objects.select_for_update().filter(pk=pk, status=RiskStatus.OPEN).first()
            if risk is None or risk.proposed_cancel_at or _local_date(risk.checked_at) <= risk.deadline:
                continue
            risk.proposed_cancel_at = now
            risk.save(update_fields=["proposed_cancel_at"])
            _audit(risk, "cancel_access_proposed", deadline=risk.deadline.isoformat())
            if risk.website_filing is not None:
                # the operators' list of provider-initiated cancel access (filings.notices): proposed,
                # never started or confirmed here
                with contextlib.suppress(DomainError):  # our access already ended: nothing to cancel
                    notices.access_notice_propose(
                        website_filing=risk.website_filing,
                        reason_code="VERIFICATION_FAILED",
                        source=f"monitor:risk:{risk.pk}",
                        actor_label="monitor",
                    )
            transaction.on_commit(partial(risk_notify, risk_pk=risk.pk, event="proposed"))
            proposed.append(risk.pk)
    return proposed


# --- the periodic job --------------------------------------------------------------------------------


@dataclass
class RunReport:
    checked: int = 0
    failed: int = 0
    opened: int = 0
    escalated: int = 0
    resolved: int = 0
    proposed: int = 0
    not_checked: int = 0
    seconds: float = 0.0


def monitor_run_report(*, limit: int | None = None, everything: bool = False, tools: Tools | None = None) -> RunReport:
    """One run: resolve what left our scope, check the websites due (at most `limit`, by default the
    policy's `websites_per_run`; `everything`: all of them now), then propose cancel access for
    risks past their deadline."""
    started = time.perf_counter()
    policy = current_policy()
    now = clock.now()
    report = RunReport()
    report.resolved += risks_resolve_out_of_scope(now=now)
    due = websites_due(now=now, policy=policy, everything=everything)
    due = due[: limit if limit is not None else (len(due) if everything else policy.websites_per_run)]
    if due and tools is None:
        tools = Tools()
    for start in range(0, len(due), LOAD_CHUNK):
        records = load_websites(due[start : start + LOAD_CHUNK])
        for pk in due[start : start + LOAD_CHUNK]:
            record = records.get(pk)
            if record is None:
                continue
            try:
                result = website_filing_check(website_filing=record, tools=tools, policy=policy, loaded=True)
            except Exception:  # one website must not stop the others; logged loudly
                logger.exception("monitor: checking website filing %s failed", pk)
                report.failed += 1
                continue
            report.checked += 1
            report.opened += len(result.opened)
            report.escalated += len(result.escalated)
            report.resolved += len(result.resolved)
            report.not_checked += len(result.not_checked)
    report.proposed = len(risks_propose_cancel_access(now=clock.now()))
    report.seconds = time.perf_counter() - started
    return report


def monitor_run() -> int:
    """Periodic job (embedded scheduler, Celery beat, the operator's button): websites checked."""
    return monitor_run_report().checked


# --- telling the applicant ---------------------------------------------------------------------------


def _order_to_notify(risk: Risk) -> Order | None:
    """The tenant's order behind the record (the website's own, else the subject's latest): its
    organisation's members are told, as for every filing event."""
    if risk.website_filing is not None:
        order = risk.website_filing.website.order
        if order is not None and order.organisation_id == risk.organisation_id:
            return order
    subject_filing = risk.subject_filing
    return (
        Order.objects.filter(
            Q(subject_filing=subject_filing) | Q(subject=subject_filing.subject), organisation_id=risk.organisation_id
        )
        .order_by("-pk")
        .first()
    )


def _compose(risk: Risk, event: str) -> Message:
    language = get_language() or ""
    number = filing_number_of(risk)
    deadline = formats.date_format(risk.deadline, "Y-m-d")
    if event == "proposed":
        title = _("Past the deadline: %(number)s may lose our access") % {"number": number}
        line = _(
            "The deadline %(deadline)s has passed. An operator will review cancelling our access to the website "
            "(取消接入); a website without access is deregistered by the regulator."
        ) % {"deadline": deadline}
    else:
        title = _("%(number)s needs attention: %(kind)s") % {"number": number, "kind": Kind(risk.kind).label}
        line = _("Rectify it by %(deadline)s. After that we may cancel our access to the website (取消接入).") % {
            "deadline": deadline
        }
    return Message(
        str(title),
        risk.message(language),
        f"{reverse('applicant:dashboard')}#monitor-risks",
        [risk.fix(language), line],
    )


def risk_notify(*, risk_pk: int, event: str) -> int:
    """After commit: tell the applicant's organisation about a risk opened, escalated or proposed
    for cancel access (once per risk, code and event: a re-run sends nothing new)."""
    try:
        risk = Risk.objects.select_related(
            "website_filing__website__order", "subject_filing__subject", "organisation"
        ).get(pk=risk_pk)
        order = _order_to_notify(risk)
        if order is None:
            return 0
        return dispatch(
            order=order,
            kind=NotificationKind.REMINDER,
            dedupe_key=f"monitor-{risk.pk}-{event}-{risk.code}"[:120],
            compose=partial(_compose, risk, event),
        )
    except Exception:  # runs after the risk committed: a failed notice must not undo it
        logger.exception("monitor: notifying risk %s (%s) failed", risk_pk, event)
        return 0
