"""The standing filing records change here, and only on a regulator outcome (sandbox or manual
bridge): `records_apply_approval` is called by `services.order_record_regulator_approval` inside
its transaction. Every change appends a RecordEvent naming the order, and `record_changed` is sent
after commit with the domains whose gate decision may have changed.

What an approval does, by filing type (rules file §1.2–§1.4):
- FIRST_FILING: a new subject filing (a number issued by the regulator: the sandbox's counter, or
  the one an operator recorded from the real decision) and one website filing `-n` per website
  of the order, each with its domain and our access record.
- NEW_WEBSITE: one more website filing per website under the subject's record (`-n` continues
  the subject's sequence; never reused). A subject filed elsewhere (无主体新增网站) is recorded
  here with the number the regulator holds.
- NEW_ACCESS: the subject and website keep their numbers (recorded from the external lookup at
  the order's first step); our access record is added beside the other providers'.

Orders against a record (§1.5–§1.7; filings.changes says what they change):
- CHANGE_SUBJECT / CHANGE_WEBSITE / CHANGE_FILING: the record points at the order's rows (the data
  as now filed); the old rows stay, named in the history with the fields that changed. Domains
  added to a website are filed, removed ones stop being filed (and served).
- CHANGE_ACCESS: our access record names the hosted site that now serves the website.
- CANCEL_WEBSITE: the website record, its domains and its access end; the number is never reused.
- CANCEL_SUBJECT: the subject record and every website under it end.
- CANCEL_ACCESS: our access record ends; the filing stays (an empty shell if no provider is left).
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from beian.core import audit, clock
from beian.core.crypto import blind_index
from beian.filings import changes, fields, numbers
from beian.filings.models import (
    AccessRecord,
    FiledDomain,
    Order,
    RecordEvent,
    RecordStatus,
    Subject,
    SubjectFiling,
    Website,
    WebsiteFiling,
)
from beian.filings.signals import record_changed
from beian.integrations import filing_lookup
from beian.reference.models import Province
from beian.rules import record_orders
from beian.rules.domains import record_domain as wire_domain  # the name the other apps import from here

FIRST_FILING = "FIRST_FILING"
NEW_WEBSITE = "NEW_WEBSITE"
NEW_ACCESS = "NEW_ACCESS"
# The types whose approval issues a number (the subject's, a website's -n); new access keeps the
# numbers the regulator holds, and a change or cancellation keeps (or ends) the record's numbers.
ISSUES_NUMBERS = frozenset({FIRST_FILING, NEW_WEBSITE})


def issues_numbers(filing_type: str) -> bool:
    """Does the regulator's approval of an order of this type issue a filing number?"""
    return filing_type in ISSUES_NUMBERS


def order_websites(order: Order) -> list[Website]:
    """The websites an order applies for, in their order (websites[0], websites[1], …), read afresh."""
    fields.forget_websites(order)
    return fields.websites_of(order)


def _event(*, subject_filing, action, order, actor_label, website_filing=None, **data) -> RecordEvent:
    return RecordEvent.objects.create(
        subject_filing=subject_filing,
        website_filing=website_filing,
        order=order,
        at=clock.now(),
        action=action,
        actor_label=actor_label,
        data=data,
    )


def _subject_filing_for(order: Order, subject: Subject, *, subject_number: str, actor_label: str) -> SubjectFiling:
    """The order's subject record: the one it targets, or a new one (first filing; a subject filed
    elsewhere recorded with its number)."""
    if order.subject_filing_id:
        return SubjectFiling.objects.select_for_update().get(pk=order.subject_filing_id)
    now = clock.now()
    if order.filing_type == FIRST_FILING or not subject.filing_number:
        number = subject_number or numbers.issue_subject_number(
            province=subject.province,
            icp_abbr=Province.objects.get(code=subject.province).icp_abbr,
            # the year of the decision on the mainland (Asia/Shanghai), not in UTC
            year=timezone.localtime(now).year,
        )
        action = "subject_filed"
    else:
        number, action = subject.filing_number, "subject_recorded"
    record = SubjectFiling.objects.create(
        organisation_id=order.organisation_id,
        subject=subject,
        province=subject.province,
        nature=subject.nature,
        certificate_type=subject.certificate_type,
        certificate_number_index=subject.certificate_number_index
        or blind_index(subject.certificate_number or "", purpose="certificate"),
        name=subject.name,
        filing_number=number,
        filed_at=now,
        updated_at=now,
    )
    _event(subject_filing=record, action=action, order=order, actor_label=actor_label, number=number)
    return record


def _add_domain(website_filing: WebsiteFiling, domain: str) -> str:
    domain = wire_domain(domain)
    if domain:
        FiledDomain.objects.create(website_filing=website_filing, domain=domain, added_at=clock.now())
    return domain


def _add_our_access(website_filing: WebsiteFiling, website: Website) -> AccessRecord:
    access, _created = AccessRecord.objects.update_or_create(
        website_filing=website_filing,
        is_ours=True,
        status=RecordStatus.ACTIVE,
        defaults={"hosted_site_id": website.hosted_site_id, "since": clock.now()},
    )
    return access


def _add_other_providers_access(website_filing: WebsiteFiling, domain: str) -> list[str]:
    """A website filed elsewhere keeps its other providers' access beside ours (§1.4): recorded
    from the external-filing lookup. Unavailable lookup: recorded without them (the regulator's
    approval does not wait for our lookup), and the audit trail says so."""
    if not domain:
        return []
    try:
        found = filing_lookup.filing_lookup().website_by_domain(domain)
    except filing_lookup.FilingLookupError as error:
        audit.record(
            action="record.other_providers_unknown",
            target=website_filing,
            data={"domain": domain, "error": str(error)},
        )
        return []
    providers = list(dict.fromkeys(found[1].access_providers)) if found else []
    for name in providers:
        AccessRecord.objects.create(website_filing=website_filing, is_ours=False, provider_name=name, since=clock.now())
    return providers


def _new_website_filing(subject_filing: SubjectFiling, website: Website, *, sequence: int, number: str):
    now = clock.now()
    return WebsiteFiling.objects.create(
        subject_filing=subject_filing,
        website=website,
        sequence=sequence,
        filing_number=number,
        name=website.name,
        filed_at=now,
        updated_at=now,
    )


def _file_website(order: Order, subject_filing: SubjectFiling, website: Website, *, actor_label: str):
    """A new website filing (first filing, new website): the next -n under the subject."""
    sequence = numbers.issue_website_sequence(subject_filing)
    number = numbers.format_website_number(subject_filing.filing_number, sequence)
    record = _new_website_filing(subject_filing, website, sequence=sequence, number=number)
    domain = _add_domain(record, website.domain)
    _add_our_access(record, website)
    _event(
        subject_filing=subject_filing,
        website_filing=record,
        action="website_filed",
        order=order,
        actor_label=actor_label,
        number=number,
        domains=[domain] if domain else [],
    )
    return record, [domain] if domain else []


def _access_website(order: Order, subject_filing: SubjectFiling, website: Website, *, actor_label: str):
    """New access: the website keeps its number; our access record is added."""
    record = website.website_filing
    domains: list[str] = []
    if record is None:  # filed elsewhere: recorded here with the number the regulator holds
        _subject_number, sequence = numbers.split_recorded_number(website.filing_number or "")
        sequence = sequence or subject_filing.website_sequence + 1
        number = website.filing_number or numbers.format_website_number(subject_filing.filing_number, sequence)
        record = _new_website_filing(subject_filing, website, sequence=sequence, number=number)
        if sequence > subject_filing.website_sequence:
            SubjectFiling.objects.filter(pk=subject_filing.pk).update(website_sequence=sequence)
            subject_filing.website_sequence = sequence
        domain = _add_domain(record, website.domain)
        domains = [domain] if domain else []
        _add_other_providers_access(record, domain)
        _event(
            subject_filing=subject_filing,
            website_filing=record,
            action="website_recorded",
            order=order,
            actor_label=actor_label,
            number=number,
            domains=domains,
        )
    else:
        domains = list(record.domains.filter(removed_at__isnull=True).values_list("domain", flat=True))
    _add_our_access(record, website)
    _event(
        subject_filing=subject_filing,
        website_filing=record,
        action="access_added",
        order=order,
        actor_label=actor_label,
        number=record.filing_number,
    )
    return record, domains


def records_apply_approval(
    *, order: Order, actor_label: str, subject_number: str = "", website_sequence: int | None = None
) -> SubjectFiling:
    """Apply the regulator's approval of `order` to the records (inside the caller's transaction)
    and copy the numbers onto the order's subject and websites. `subject_number` and
    `website_sequence`: what an operator recorded from the real regulator's decision."""
    subject = Subject.objects.select_for_update().get(pk=order.subject_id)
    subject_filing = _subject_filing_for(order, subject, subject_number=subject_number, actor_label=actor_label)
    if website_sequence is not None:
        numbers.reserve_website_sequence(subject_filing, website_sequence)
    now = clock.now()
    if subject.filing_number != subject_filing.filing_number or subject.filed_at is None:
        subject.filing_number = subject_filing.filing_number
        subject.filed_at = subject.filed_at or now
        subject.save(update_fields=["filing_number", "filed_at"])
    order.subject = subject
    if order.subject_filing_id != subject_filing.pk:
        order.subject_filing = subject_filing
        Order.objects.filter(pk=order.pk).update(subject_filing=subject_filing)
    domains: list[str] = []
    if record_orders.is_record_type(order.filing_type):
        domains = _apply_record_order(order, subject_filing, actor_label=actor_label)
    file = _access_website if order.filing_type == NEW_ACCESS else _file_website
    for website in order_websites(order) if not record_orders.is_record_type(order.filing_type) else []:
        record, changed = file(order, subject_filing, website, actor_label=actor_label)
        domains += changed
        website.website_filing = record
        website.sequence = record.sequence
        website.filing_number = record.filing_number
        website.filed_at = website.filed_at or now
        website.save(update_fields=["website_filing", "sequence", "filing_number", "filed_at"])
        if website.pk == order.website_id:
            order.website = website
    SubjectFiling.objects.filter(pk=subject_filing.pk).update(updated_at=now)
    audit.record(
        action="record.approval_applied",
        target=subject_filing,
        actor_label=actor_label,
        data={"order": order.pk, "filing_type": order.filing_type, "domains": domains},
    )
    transaction.on_commit(partial(_announce, subject_filing.pk, order.pk, domains))
    return subject_filing


def _active_domains(record: WebsiteFiling) -> list[str]:
    return list(record.domains.filter(removed_at__isnull=True).values_list("domain", flat=True))


def _end_website(record: WebsiteFiling, now) -> list[str]:
    """A website record's end (cancellation): its domains stop being filed, every access ends.
    Saved row by row (not QuerySet.update) so that whoever keeps decisions about these rows (the
    gate) marks them stale inside this transaction."""
    domains = _remove_domains(record, _active_domains(record), now)
    _end_accesses(record, now, ours_only=False)
    record.status, record.updated_at = RecordStatus.CANCELLED, now
    record.save(update_fields=["status", "updated_at"])
    return domains


def _remove_domains(record: WebsiteFiling, domains, now) -> list[str]:
    removed = []
    for row in FiledDomain.objects.select_for_update().filter(
        website_filing=record, domain__in=list(domains), removed_at__isnull=True
    ):
        row.removed_at = now
        row.save(update_fields=["removed_at"])
        removed.append(row.domain)
    return removed


def _end_accesses(record: WebsiteFiling, now, *, ours_only: bool) -> None:
    accesses = AccessRecord.objects.select_for_update().filter(website_filing=record, status=RecordStatus.ACTIVE)
    for access in accesses.filter(is_ours=True) if ours_only else accesses:
        access.status, access.until = RecordStatus.CANCELLED, now
        access.save(update_fields=["status", "until"])


def _record_of(website: Website) -> WebsiteFiling:
    """The website record an order's website (of a change or cancellation) applies against."""
    if website.website_filing is None:
        raise ValueError(f"website {website.pk} of an order against a record names no website record")
    return website.website_filing


def _apply_record_order(order: Order, subject_filing: SubjectFiling, *, actor_label: str) -> list[str]:
    """A change or cancellation approved: the records change as `filings.changes` says; returns
    the domains whose gate decision may change."""
    kind, now = order.filing_type, clock.now()
    event = partial(_event, subject_filing=subject_filing, order=order, actor_label=actor_label)
    reason = {"reason_code": order.reason_code} if order.reason_code else {}
    websites = order_websites(order)
    changed = changes.record_diff(order)  # against the record as filed, before it changes below
    domains: list[str] = []
    if kind in record_orders.SUBJECT_PARTS:
        diff = [c.path for c in changed if c.path.startswith("subject.")]
        before = subject_filing.subject_id
        subject_filing.subject, subject_filing.name, subject_filing.updated_at = order.subject, order.subject.name, now
        subject_filing.save(update_fields=["subject", "name", "updated_at"])
        event(action="subject_changed", before=before, after=order.subject_id, fields=diff)
    if kind in record_orders.WEBSITE_PARTS:
        diff = [c.path for c in changed if not c.path.startswith("subject.")]
        for change in changes.domain_changes(order):
            record = _record_of(websites[change.website_index])
            for domain in change.added:
                _add_domain(record, domain)
            _remove_domains(record, change.removed, now)
            for domain in change.added:
                event(action="domain_added", website_filing=record, number=record.filing_number, domains=[domain])
            for domain in change.removed:
                event(action="domain_removed", website_filing=record, number=record.filing_number, domains=[domain])
            domains += [*change.added, *change.removed]
        for website in websites:
            record = _record_of(website)
            before = record.website_id
            record.website, record.name, record.updated_at = website, website.name, now
            record.save(update_fields=["website", "name", "updated_at"])
            event(
                action="website_changed",
                website_filing=record,
                number=record.filing_number,
                before=before,
                after=website.pk,
                fields=[p for p in diff if fields.website_index(p) == website.position],
            )
    if kind == record_orders.CHANGE_ACCESS:
        record = _record_of(websites[0])
        ours = AccessRecord.objects.select_for_update().get(
            website_filing=record, is_ours=True, status=RecordStatus.ACTIVE
        )
        before_site = ours.hosted_site_id
        ours.hosted_site_id = websites[0].hosted_site_id
        ours.save(update_fields=["hosted_site"])
        event(
            action="access_changed",
            website_filing=record,
            number=record.filing_number,
            before_site=before_site,
            after_site=ours.hosted_site_id,
        )
        domains += _active_domains(record)
    if kind == record_orders.CANCEL_WEBSITE:
        record = _record_of(websites[0])
        ended = _end_website(record, now)
        event(action="website_cancelled", website_filing=record, number=record.filing_number, domains=ended, **reason)
        domains += ended
    if kind == record_orders.CANCEL_SUBJECT:
        for record in WebsiteFiling.objects.filter(subject_filing=subject_filing, status=RecordStatus.ACTIVE):
            ended = _end_website(record, now)
            event(action="website_cancelled", website_filing=record, number=record.filing_number, domains=ended)
            domains += ended
        subject_filing.status, subject_filing.updated_at = RecordStatus.CANCELLED, now
        subject_filing.save(update_fields=["status", "updated_at"])
        event(action="subject_cancelled", number=subject_filing.filing_number, **reason)
    if kind == record_orders.CANCEL_ACCESS:
        record = _record_of(websites[0])
        _end_accesses(record, now, ours_only=True)
        event(action="access_cancelled", website_filing=record, number=record.filing_number, **reason)
        domains += _active_domains(record)
    return domains


def _announce(subject_filing_pk: int, order_pk: int | None, domains: list[str]) -> None:
    record_changed.send(sender=SubjectFiling, subject_filing_pk=subject_filing_pk, order_pk=order_pk, domains=domains)
