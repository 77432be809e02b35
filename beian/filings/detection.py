"""Filing-type detection as the regulator does it ("验证备案类型", rules §1), and the concurrency
rules of §1.8.

The identity of a subject is its certificate, never the account: the subject is looked up by the
certificate's blind index across ALL tenants (`selectors.subject_filing_by_certificate`) and in
MIIT's records of other providers' filings (`beian.integrations.filing_lookup`); each domain (its
main domain, `records.wire_domain`) in our records (`selectors.website_filing_by_domain`) and in
the lookup. The pure `rules.filing_type.decide_filing_type` decides. The same lookups build the
rules engine's `ExistingFilings` for the wizard, `POST /api/v1/validate` and submit, so all three
give the same answer (`existing_filings_for`).

A lookup that cannot be asked (FilingLookupError) is never guessed around: detection refuses with
"try again", and the rules report `order.filing_type.lookup_unavailable`.

Tenant isolation: a record of another tenant is only ever reported as "filed under another
subject" (a domain) or "filed with us under another account" (the subject): no number, name or
order of another tenant is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import idna
from django.db.models import Q
from django.utils.translation import gettext as _

from beian.core.crypto import blind_index
from beian.filings import records, selectors, states
from beian.filings.models import (
    AccessRecord,
    Order,
    RecordStatus,
    SubjectFiling,
    Website,
    WebsiteFiling,
)
from beian.integrations.filing_lookup import (
    ExternalSubjectFiling,
    ExternalWebsiteFiling,
    FilingLookupError,
    filing_lookup,
)
from beian.reference import snapshot
from beian.reference.models import Province
from beian.rules.filing_type import (
    FIRST_FILING,
    NEW_ACCESS,
    NEW_WEBSITE,
    DomainState,
    SubjectState,
    TypeDecision,
    decide_filing_type,
)
from beian.rules.findings import Finding
from beian.rules.model import ExistingFilings, RecordedSubject, RecordedWebsite
from beian.rules.registry import Bilingual

SUBJECT_CHANGE_TYPES = ("CHANGE_SUBJECT", "CHANGE_FILING")  # §1.3: no new website while one is open
# From the provider's approval until the regulator decides: one order per subject in here (§1.8).
REGULATOR_PIPELINE = frozenset(
    {states.PENDING_SUBMISSION, states.SMS_VERIFICATION, states.REGULATOR_REVIEW, states.RETURNED_SMS_TIMEOUT}
)


@dataclass(frozen=True)
class VerifyInput:
    """What the applicant enters at the first step (and a partner sends to POST /api/v1/orders)."""

    province: str = ""
    nature: int | None = None
    certificate_type: int | None = None
    certificate_number: str = ""
    domains: tuple[str, ...] = ()

    @property
    def main_domains(self) -> list[str]:
        """The entered domains as the records store them, each once, in the order entered."""
        return list(dict.fromkeys(d for d in (records.wire_domain(x) for x in self.domains) if d))


@dataclass
class Lookups:
    """What our records and MIIT's records of other providers hold for a certificate and domains."""

    certificate_index: str = ""
    unavailable: bool = False
    subject_filing: SubjectFiling | None = None  # ours, any tenant (not this order's own result)
    external_subject: ExternalSubjectFiling | None = None
    website_filings: dict[str, WebsiteFiling] = field(default_factory=dict)  # main domain -> ours
    external_websites: dict[str, tuple[ExternalSubjectFiling, ExternalWebsiteFiling]] = field(default_factory=dict)
    domains: list[str] = field(default_factory=list)  # the main domains asked about

    @property
    def subject_filed(self) -> bool:
        return self.subject_filing is not None or self.external_subject is not None

    def domain_same_subject(self, domain: str) -> bool | None:
        """None: the domain is not filed; else whether its filing is under this certificate."""
        ours = self.website_filings.get(domain)
        if ours is not None:
            return bool(self.certificate_index) and (
                ours.subject_filing.certificate_number_index == self.certificate_index
            )
        external = self.external_websites.get(domain)
        if external is not None:
            return bool(self.certificate_index) and (
                blind_index(external[0].certificate_number, purpose="certificate") == self.certificate_index
            )
        return None


def lookups(
    *, certificate_type: int | None, certificate_number: str, domains: Iterable[str], exclude_order: Order | None = None
) -> Lookups:
    """Ask our records and the external lookup. `exclude_order`: an order whose own results (the
    subject its first filing filed, the websites it filed) are not "already filed" for it."""
    found = Lookups(certificate_index=blind_index(certificate_number or "", purpose="certificate"))
    found.domains = list(dict.fromkeys(d for d in (records.wire_domain(x) for x in domains) if d))
    own_websites: set[int] = set()
    if exclude_order is not None and exclude_order.pk:
        own_websites = set(Website.objects.filter(order=exclude_order).values_list("pk", flat=True))
        own_websites.add(exclude_order.website_id)
    if found.certificate_index:
        record = selectors.subject_filing_by_certificate(certificate_number)
        if record is not None and not _own_subject_result(record, exclude_order):
            found.subject_filing = record
    for domain in found.domains:
        website = selectors.website_filing_by_domain(domain)
        if website is not None and website.website_id not in own_websites:
            found.website_filings[domain] = website
    try:
        adapter = filing_lookup()
        if found.subject_filing is None and (certificate_number or "").strip():
            found.external_subject = adapter.subject_by_certificate(certificate_type, certificate_number)
        for domain in found.domains:
            if domain not in found.website_filings:
                hit = adapter.website_by_domain(domain)
                if hit is not None:
                    found.external_websites[domain] = hit
    except FilingLookupError:
        found.unavailable = True
    return found


def _own_subject_result(record: SubjectFiling, order: Order | None) -> bool:
    """The subject record this order's own (approved) first filing created."""
    return order is not None and order.filing_type == FIRST_FILING and record.subject_id == order.subject_id


# --- detection (the first step) -----------------------------------------------------------------


@dataclass
class Detection:
    decision: TypeDecision
    verify: VerifyInput
    found: Lookups
    subject: SubjectState
    domain_states: list[DomainState]

    @property
    def filing_type(self) -> str:
        return self.decision.filing_type

    @property
    def refused(self) -> bool:
        return self.decision.refused

    @property
    def findings(self) -> list[Finding]:
        return list(self.decision.findings)

    @property
    def subject_filing(self) -> SubjectFiling | None:
        """Our record of the subject (this tenant's: another tenant's is refused)."""
        return None if self.subject.other_account else self.found.subject_filing

    @property
    def external_subject(self) -> ExternalSubjectFiling | None:
        return self.found.external_subject


def filing_type_detect(*, organisation, verify: VerifyInput, requested: str = "") -> Detection:
    """Which filing the applicant can make for this subject and these domains (rules §1)."""
    found = lookups(
        certificate_type=verify.certificate_type, certificate_number=verify.certificate_number, domains=verify.domains
    )
    subject = subject_state(found, organisation=organisation)
    domains = [domain_state(found, d) for d in found.domains]
    province = snapshot.current().province(verify.province)
    decision = decide_filing_type(
        subject,
        domains,
        province=verify.province,
        empty_shell_can_add_website=province.empty_shell_subject_can_add_website if province else None,
        requested=requested,
        lookup_unavailable=found.unavailable,
        type_names=type_names(),
    )
    return Detection(decision=decision, verify=verify, found=found, subject=subject, domain_states=domains)


def subject_state(found: Lookups, *, organisation) -> SubjectState:
    record, external = found.subject_filing, found.external_subject
    if record is not None:
        if organisation is not None and record.organisation_id != organisation.pk:
            return SubjectState(filed=True, with_us=True, other_account=True)
        return SubjectState(
            filed=True,
            with_us=True,
            number=record.filing_number,
            province=record.province,
            province_name=_province_name(record.province),
            empty_shell=_empty_shell(record),
            change_pending=_subject_change_pending(record),
        )
    if external is not None:
        return SubjectState(
            filed=True,
            number=external.number,
            province=external.province,
            province_name=_province_name(external.province),
        )
    return SubjectState()


def domain_state(found: Lookups, domain: str) -> DomainState:
    same = found.domain_same_subject(domain)
    ours = found.website_filings.get(domain)
    shown = _shown_domain(domain)
    if ours is not None:
        accessed = AccessRecord.objects.filter(website_filing=ours, is_ours=True, status=RecordStatus.ACTIVE).exists()
        # another subject's number is never shown (it may be another tenant's)
        return DomainState(
            shown, filed=True, same_subject=bool(same), with_us=True, accessed_by_us=accessed,
            number=ours.filing_number if same else "",
        )  # fmt: skip
    external = found.external_websites.get(domain)
    if external is not None:
        return DomainState(shown, filed=True, same_subject=bool(same), number=external[1].number if same else "")
    return DomainState(shown)


def _shown_domain(domain: str) -> str:
    try:
        return idna.decode(domain)
    except (idna.IDNAError, UnicodeError):
        return domain


def _empty_shell(record: SubjectFiling) -> bool:
    """No website of the subject is still accessed by any provider (§8.4)."""
    return not WebsiteFiling.objects.filter(
        subject_filing=record, status=RecordStatus.ACTIVE, accesses__status=RecordStatus.ACTIVE
    ).exists()


def _subject_change_pending(record: SubjectFiling) -> str:
    order = (
        Order.objects.filter(subject_filing=record, filing_type__in=SUBJECT_CHANGE_TYPES)
        .exclude(status__in=states.TERMINAL)
        .order_by("pk")
        .first()
    )
    return order.reference if order else ""


def _province_name(code: str) -> Bilingual:
    row = Province.objects.filter(code=code).values_list("name", "name_en").first()
    return Bilingual(row[0], row[1] or row[0]) if row else Bilingual(code, code)


def type_names() -> dict[str, Bilingual]:
    ref = snapshot.current()
    return {code: Bilingual(ref.filing_type_name(code), ref.filing_type_name(code, "en")) for code in ref.filing_types}


# --- the rules' view of the same lookups -------------------------------------------------------


def existing_filings_for(
    *,
    organisation,
    certificate_type: int | None,
    certificate_number: str,
    domains: Sequence[str],
    exclude_order: Order | None = None,
) -> ExistingFilings:
    """What the rules engine checks an order against (wizard, validate, submit): the same lookups as
    the first step. `domains`: the order's websites' domains, in their order."""
    found = lookups(
        certificate_type=certificate_type,
        certificate_number=certificate_number,
        domains=domains,
        exclude_order=exclude_order,
    )
    if found.unavailable:
        return ExistingFilings(lookup_unavailable=True)
    subject = subject_state(found, organisation=organisation)
    same: list[str] = []
    other: list[str] = []
    for domain in found.domains:
        verdict = found.domain_same_subject(domain)
        if verdict is not None:
            (same if verdict else other).append(_shown_domain(domain))
    return ExistingFilings(
        subject_filed=found.subject_filed,
        filed_domains=same,
        domains_filed_elsewhere=other,
        subject_is_empty_shell=subject.empty_shell,
        subject_other_account=subject.other_account,
        recorded=None if subject.other_account else recorded_subject(found),
    )


def recorded_subject(found: Lookups) -> RecordedSubject | None:
    """The subject and its websites as the regulator holds them (what new access must match)."""
    external = found.external_subject
    if external is None:
        external = next(
            (s for s, _w in found.external_websites.values() if found.certificate_index
             and blind_index(s.certificate_number, purpose="certificate") == found.certificate_index),
            None,
        )  # fmt: skip
    if found.subject_filing is not None:
        record = found.subject_filing
        subject = record.subject
        websites = [
            RecordedWebsite(
                number=w.filing_number,
                name=w.name,
                domains=[d.domain for d in w.domains.all() if d.removed_at is None],
                principal_name=w.website.principal.name,
            )
            for w in record.websites.filter(status=RecordStatus.ACTIVE).select_related("website__principal")
        ]
        return RecordedSubject(
            number=record.filing_number,
            name=record.name,
            province=record.province,
            nature=record.nature,
            principal_name=subject.principal.name,
            websites=websites,
        )
    if external is not None:
        return RecordedSubject(
            number=external.number,
            name=external.name,
            province=external.province,
            nature=external.nature,
            principal_name=external.principal_name,
            websites=[
                RecordedWebsite(number=w.number, name=w.name, domains=list(w.domains), principal_name=w.principal_name)
                for w in external.websites
            ],
        )
    return None


# --- concurrency (§1.8) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    code: str
    message: str
    field: str = ""


def _domain_forms(domain: str) -> set[str]:
    """The spellings a stored website domain may have for one main domain."""
    wire = records.wire_domain(domain)
    forms = {wire, _shown_domain(wire)} - {""}
    return forms | {f"www.{f}" for f in forms}


def orders_with_domain(domain: str) -> Q:
    """Orders that list the domain (any of their websites), as a filter on Order."""
    forms = _domain_forms(domain)
    query = Q()
    for form in forms:
        query |= Q(websites__domain__iexact=form) | Q(website__domain__iexact=form)
    return query


def open_order_for_target(*, organisation, domains: Sequence[str], hosted_site=None) -> Order | None:
    """The tenant's open (not finished) order for the same target, if any: an order listing one of
    the same main domains, or, without domains, an order for the same hosted site that lists none
    of its own. One open order per target: starting again returns it instead of a new draft."""
    open_orders = Order.objects.filter(organisation=organisation).exclude(status__in=states.TERMINAL)
    main = [d for d in (records.wire_domain(x) for x in domains) if d]
    if main:
        query = Q()
        for domain in main:
            query |= orders_with_domain(domain)
        return open_orders.filter(query).distinct().order_by("-created_at", "-pk").first()
    if hosted_site is None:
        return None
    return open_orders.filter(website__hosted_site=hosted_site).order_by("-created_at", "-pk").first()


def order_conflicts(
    *, organisation, domains: Sequence[str], certificate_number: str, exclude_order: Order | None = None
) -> list[Conflict]:
    """§1.8: a domain may be in one pipeline only, and a subject in one regulator pipeline only.

    A domain's pipeline: from an order's submission until it is finished (states.IN_PROGRESS:
    provider review, the regulator's queue, SMS, review, a rejection awaiting resubmission); a
    draft is not in it (anyone could type a domain into a draft). A subject's regulator pipeline
    (MIIT's 主办者冲突): from the provider's approval until the regulator decides
    (REGULATOR_PIPELINE); several orders of a subject may wait in provider review, one at a time
    goes on. Orders of every tenant count; one of another tenant is named by nothing but its
    existence."""
    conflicts: list[Conflict] = []
    in_pipeline = Order.objects.filter(status__in=states.IN_PROGRESS)
    if exclude_order is not None and exclude_order.pk:
        in_pipeline = in_pipeline.exclude(pk=exclude_order.pk)
    for index, domain in enumerate(d for d in (records.wire_domain(x) for x in domains) if d):
        other = in_pipeline.filter(orders_with_domain(domain)).distinct().order_by("pk").first()
        if other is not None:
            shown = _shown_domain(domain)
            if other.organisation_id == getattr(organisation, "pk", None):
                message = _(
                    "The domain %(domain)s is already in filing order %(reference)s, which is in progress. "
                    "A domain can be in one filing at a time: wait until that order is finished, or withdraw it."
                ) % {"domain": shown, "reference": other.reference}
            else:
                message = _(
                    "The domain %(domain)s is already in a filing in progress (possibly under another account). "
                    "A domain can be in one filing at a time: wait until that filing is finished."
                ) % {"domain": shown}
            conflicts.append(Conflict("order.domain_in_pipeline", message, f"websites[{index}].domain"))
    certificate_index = blind_index(certificate_number or "", purpose="certificate")
    if certificate_index:
        at_regulator = in_pipeline.filter(status__in=REGULATOR_PIPELINE)
        other = at_regulator.filter(subject__certificate_number_index=certificate_index).order_by("pk").first()
        if other is not None:
            if other.organisation_id == getattr(organisation, "pk", None):
                message = _(
                    "The subject already has filing order %(reference)s with the regulator. The regulator accepts "
                    "one order per subject at a time: wait until it is decided."
                ) % {"reference": other.reference}
            else:
                message = _(
                    "The subject already has a filing with the regulator (possibly under another account). The "
                    "regulator accepts one order per subject at a time: wait until it is decided."
                )
            conflicts.append(Conflict("order.subject_in_pipeline", message, "subject.certificate_number"))
    return conflicts


def order_domains(order: Order) -> list[str]:
    return [w.domain for w in records.order_websites(order) if w.domain]


# NEW_ACCESS and NEW_WEBSITE are imported by the services from here with the rest of detection.
__all__ = [
    "FIRST_FILING",
    "NEW_ACCESS",
    "NEW_WEBSITE",
    "Conflict",
    "Detection",
    "VerifyInput",
    "existing_filings_for",
    "filing_type_detect",
    "open_order_for_target",
    "order_conflicts",
]
