"""What an order against a filed record would change (rules file §1.5–§1.7): the field-by-field diff
against the data as filed, the domains added and removed, and the plain input of
`rules.record_orders.check_record_order` (nothing changed, reason, confirmation, empty shell).

The reviewer, the regulator's view, the API and the pre-review read the diff from here; the
records apply it on approval (beian.filings.records).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from beian.filings import fields, states
from beian.filings.models import (
    AccessRecord,
    FiledDomain,
    Order,
    RecordEvent,
    RecordStatus,
    Subject,
    Website,
    WebsiteFiling,
)
from beian.reference.models import FilingType
from beian.reference.snapshot import setting
from beian.rules import record_orders
from beian.rules.domains import display_domain, record_domain
from beian.rules.findings import Finding


@dataclass(frozen=True)
class FieldChange:
    """One field of the record the order would change: the value as filed and as applied for (raw:
    the caller masks PII with fields.display)."""

    path: str
    old: object
    new: object

    @property
    def field(self) -> fields.OrderField:
        return fields.BY_PATH[self.path]

    @property
    def label(self):
        return self.field.full_label

    @property
    def old_display(self) -> str:
        return fields.display(self.field, self.old)

    @property
    def new_display(self) -> str:
        return fields.display(self.field, self.new)


@dataclass(frozen=True)
class DomainChange:
    website_index: int
    added: tuple[str, ...]  # A-labels
    removed: tuple[str, ...]

    @property
    def added_display(self) -> list[str]:
        return [display_domain(d) for d in self.added]

    @property
    def removed_display(self) -> list[str]:
        return [display_domain(d) for d in self.removed]


def filed_domains(website_filing: WebsiteFiling | None) -> list[str]:
    """The website's active domains as filed, the main one (the first added) first."""
    if website_filing is None:
        return []
    return list(
        FiledDomain.objects.filter(website_filing=website_filing, removed_at__isnull=True)
        .order_by("added_at", "pk")
        .values_list("domain", flat=True)
    )


def website_domains(website: Website) -> list[str]:
    """The domains an order's website applies for: its main domain, then the others (A-labels, once)."""
    out: list[str] = []
    for domain in [website.domain, *(website.other_domains or [])]:
        key = record_domain(domain)
        if key and key not in out:
            out.append(key)
    return out


def _applied_events(order: Order) -> list[RecordEvent]:
    """What an approved change did to the records (their history), oldest first; none before approval."""
    if order.status != states.APPROVED or not record_orders.is_record_type(order.filing_type):
        return []
    return list(RecordEvent.objects.filter(order=order).order_by("at", "pk"))


def _filed_view(order: Order):
    """The record's data as filed, shaped like the order for fields.get_value: the subject as the
    subject record holds it and, website by website, the data its website record holds. Once the
    change is approved the records hold the order's own rows: the data as filed before it are the
    rows the records' history names (RecordEvent `before`)."""
    websites = fields.websites_of(order)
    subject_before: int | None = None
    websites_before: dict[int | None, int | None] = {}
    for event in _applied_events(order):
        if event.action == "subject_changed":
            subject_before = event.data.get("before")
        elif event.action == "website_changed":
            websites_before[event.website_filing_id] = event.data.get("before")
    old_websites = {
        w.pk: w
        for w in Website.objects.select_related("principal").filter(pk__in=[p for p in websites_before.values() if p])
    }
    filed = [
        old_websites.get(websites_before.get(w.website_filing_id) or 0)
        or (w.website_filing.website if w.website_filing_id else w)
        for w in websites
    ]
    subject = order.subject_filing.subject if order.subject_filing is not None else order.subject
    if subject_before:
        subject = Subject.objects.select_related("principal").filter(pk=subject_before).first() or subject
    return SimpleNamespace(subject=subject, _websites_cache=filed, website=filed[0] if filed else None)


def record_diff(order: Order) -> list[FieldChange]:
    """The fields a change order would change, against the record as filed (the part it changes)."""
    if order.filing_type not in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS:
        return []
    filed = _filed_view(order)
    rows = []
    for field in fields.order_fields(order):
        template = fields.template_path(field.path)
        if template == record_orders.OTHER_DOMAINS or not record_orders.editable(order.filing_type, template):
            continue
        old, new = fields.get_value(filed, field.path), fields.get_value(order, field.path)
        if old != new:
            rows.append(FieldChange(field.path, old, new))
    return rows


def domain_changes(order: Order) -> list[DomainChange]:
    """The domains each website of a website change adds and removes."""
    if order.filing_type not in record_orders.WEBSITE_PARTS:
        return []
    out = []
    events = _applied_events(order)
    if events:  # approved: the domains the records added and removed for it
        for index, website in enumerate(fields.websites_of(order)):
            mine = [e for e in events if e.website_filing_id and e.website_filing_id == website.website_filing_id]
            added = tuple(d for e in mine if e.action == "domain_added" for d in e.data.get("domains") or [])
            removed = tuple(d for e in mine if e.action == "domain_removed" for d in e.data.get("domains") or [])
            if added or removed:
                out.append(DomainChange(index, added, removed))
        return out
    for index, website in enumerate(fields.websites_of(order)):
        before, after = filed_domains(website.website_filing), website_domains(website)
        added = tuple(d for d in after if d not in before)
        removed = tuple(d for d in before if d not in after)
        if added or removed:
            out.append(DomainChange(index, added, removed))
    return out


@dataclass(frozen=True)
class RecordChanges:
    """What a change order changes against the record: the changed field paths (concrete,
    `websites[0].principal.name`) and the domains each website adds and removes. Materials asks the
    order for it (`Order.record_changes()`) to know which documents the change needs."""

    paths: tuple[str, ...]
    domains: tuple[DomainChange, ...]


def record_changes(order: Order) -> RecordChanges:
    return RecordChanges(tuple(c.path for c in record_diff(order)), tuple(domain_changes(order)))


def cancellation_reasons(filing_type: str, *, provider: bool = False) -> list[dict]:
    """The reasons reference data offers for a cancellation type, to the applicant (or, `provider`,
    to an operator starting a provider-initiated cancel access)."""
    who = {"provider", "both"} if provider else {"customer", "both"}
    return [r for r in _reasons_of_type(filing_type) if r.get("initiated_by") in who]


def _reasons_of_type(filing_type: str) -> list[dict]:
    reasons = (setting("cancellation_reasons", {}) or {}).get("reasons") or []
    return [r for r in reasons if filing_type in (r.get("filing_types") or [])]


def reason_text(code: str, language: str = "zh") -> str:
    return reason_texts(language).get(code, code)


def reason_texts(language: str = "zh") -> dict[str, str]:
    """Every cancellation reason's text in `language`, by code (one read of the reference setting)."""
    key = "text_en" if language.startswith("en") else "text_zh"
    reasons = (setting("cancellation_reasons", {}) or {}).get("reasons") or []
    return {r["code"]: r.get(key) or r["code"] for r in reasons if r.get("code")}


def irreversible(filing_type: str) -> bool:
    row = FilingType.objects.filter(code=filing_type).first()
    return bool(row and (row.extra or {}).get("irreversible"))


def expected_confirmation(order: Order) -> str:
    """What the applicant types to confirm an irreversible cancellation: the website's main domain
    (cancel website) or the subject's name (cancel subject)."""
    if order.filing_type == record_orders.CANCEL_SUBJECT:
        return order.subject_filing.name if order.subject_filing is not None else order.subject.name
    if order.filing_type == record_orders.CANCEL_WEBSITE:
        domains = filed_domains(order.website.website_filing) or [record_domain(order.website.domain)]
        return display_domain(domains[0]) if domains and domains[0] else ""
    return ""


def _accessed(website_filing_ids) -> bool:
    return AccessRecord.objects.filter(website_filing_id__in=website_filing_ids, status=RecordStatus.ACTIVE).exists()


def empty_shell_after(order: Order) -> tuple[bool, bool]:
    """(website left without access, subject left without an accessed website) once this
    cancellation is approved (§1.7, §8.4)."""
    if order.filing_type not in (record_orders.CANCEL_WEBSITE, record_orders.CANCEL_ACCESS):
        return False, False
    target = order.website.website_filing
    if target is None or not order.subject_filing_id:
        return False, False
    others = WebsiteFiling.objects.filter(
        subject_filing_id=order.subject_filing_id, status=RecordStatus.ACTIVE
    ).exclude(pk=target.pk)
    other_accessed = _accessed(list(others.values_list("pk", flat=True)))
    if order.filing_type == record_orders.CANCEL_WEBSITE:
        return False, not other_accessed
    still_accessed = (
        AccessRecord.objects.filter(website_filing=target, status=RecordStatus.ACTIVE).exclude(is_ours=True).exists()
    )
    return not still_accessed, not still_accessed and not other_accessed


def _domains_held_elsewhere(order: Order, change: DomainChange) -> list[str]:
    website = fields.websites_of(order)[change.website_index]
    held = FiledDomain.objects.filter(domain__in=change.added, removed_at__isnull=True)
    if website.website_filing_id:
        held = held.exclude(website_filing_id=website.website_filing_id)
    return sorted(set(held.values_list("domain", flat=True)))


def _duplicates(website: Website) -> list[str]:
    seen, dupes = set(), []
    for domain in [website.domain, *(website.other_domains or [])]:
        key = record_domain(domain)
        if key in seen and key not in dupes:
            dupes.append(key)
        seen.add(key)
    return dupes


def record_order_input(order: Order) -> record_orders.RecordOrderInput:
    kind = order.filing_type
    diff = record_diff(order)
    changes = domain_changes(order)
    websites = fields.websites_of(order)
    left = min((len(website_domains(w)) for w in websites), default=0) if kind in record_orders.WEBSITE_PARTS else 0
    shell_website, shell_subject = empty_shell_after(order)
    target = order.website.website_filing if kind in record_orders.WEBSITE_TARGET_TYPES else None
    label = (target.filing_number if target else "") or (
        order.subject_filing.filing_number if order.subject_filing is not None else ""
    )
    hosted_before = None
    if kind == record_orders.CHANGE_ACCESS and target is not None:
        ours = target.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).first()
        hosted_before = ours.hosted_site_id if ours else None
    return record_orders.RecordOrderInput(
        filing_type=kind,
        changed_paths=[c.path for c in diff],
        domains_added=[d for c in changes for d in c.added],
        domains_removed=[d for c in changes for d in c.removed],
        domains_left=left,
        domains_filed_elsewhere=[d for c in changes for d in _domains_held_elsewhere(order, c)],
        duplicate_domains=[d for w in websites for d in _duplicates(w)] if kind in record_orders.WEBSITE_PARTS else [],
        hosted_site_changed=kind == record_orders.CHANGE_ACCESS and order.website.hosted_site_id != hosted_before,
        reason_code=order.reason_code,
        reason_codes=tuple(r["code"] for r in _reasons_of_type(kind)),  # whoever starts it
        irreversible=irreversible(kind),
        confirmation=order.confirmation,
        expected_confirmation=expected_confirmation(order) if kind in record_orders.CANCEL_TYPES else "",
        leaves_empty_shell_subject=shell_subject,
        leaves_empty_shell_website=shell_website,
        target_label=label,
    )


def record_order_findings(order: Order) -> list[Finding]:
    """The findings of a change or cancellation beyond the field rules (rules.record_orders)."""
    if not record_orders.is_record_type(order.filing_type):
        return []
    return record_orders.check_record_order(record_order_input(order))


def files_data(order: Order) -> bool:
    """Does the order file subject or website data the field rules judge? (Not a cancellation or a
    change of access.)"""
    kind = order.filing_type
    return not record_orders.is_record_type(kind) or kind in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS


def in_scope(order: Order, finding: Finding) -> bool:
    """Is a field rule's finding about what this order applies for (rules.record_orders.in_scope)?"""
    if not record_orders.is_record_type(order.filing_type):
        return True
    return record_orders.in_scope(order.filing_type, fields.template_path(finding.field or ""))


# --- what a reviewer may return, and what goes to the regulator ---------------------------------


def request_paths(filing_type: str) -> tuple[str, ...]:
    """The request fields an order of `filing_type` carries (a reviewer may return them)."""
    if filing_type in record_orders.CANCEL_TYPES:
        return ("reason_code", "confirmation") if irreversible(filing_type) else ("reason_code",)
    if filing_type == record_orders.CHANGE_ACCESS:
        return ("hosted_site",)
    return ()


def request_snapshot(order: Order) -> dict:
    """The request fields of a change of access or cancellation as a version keeps them (the
    reviewer sees what changed since a return): {path: value}, JSON-safe."""
    values: dict[str, object] = {
        "reason_code": order.reason_code,
        "confirmation": order.confirmation,
        "hosted_site": order.website.hosted_site_id,
    }
    return {path: values[path] for path in request_paths(order.filing_type)}


def request_label(path: str):
    return fields.REQUEST_LABELS.get(path, path)


def returnable_paths(order: Order) -> frozenset[str]:
    """The field paths a reviewer may return to the applicant: every field of a new filing; of a
    change or cancellation only what the applicant may change (the changed part, rules.record_orders)
    and its request fields. Material slots come on top (materials.services.order_requirements)."""
    paths = fields.order_paths(order)
    if not record_orders.is_record_type(order.filing_type):
        return frozenset(paths)
    kind = order.filing_type
    open_paths = {p for p in paths if record_orders.editable(kind, fields.template_path(p))}
    return frozenset(open_paths | set(request_paths(kind)))


def target_websites(order: Order) -> list[WebsiteFiling]:
    """The website records an order against a record is about: the one website it targets, or for
    a subject type the subject's websites that are filed (a cancelled subject: the ones it had)."""
    kind = order.filing_type
    if not record_orders.is_record_type(kind):
        return []
    if kind in record_orders.WEBSITE_TARGET_TYPES:
        return [w.website_filing for w in fields.websites_of(order) if w.website_filing_id]
    if order.subject_filing is None:
        return []
    records = WebsiteFiling.objects.filter(subject_filing=order.subject_filing).order_by("sequence")
    ended = {e.website_filing_id for e in _applied_events(order) if e.action == "website_cancelled"}
    if ended:  # an approved subject cancellation: the websites it cancelled
        return [r for r in records if r.pk in ended]
    return [r for r in records if r.status == RecordStatus.ACTIVE]


def record_summary(order: Order) -> dict:
    """What a change or cancellation asks the regulator, as paths, domains and codes only (no PII,
    no values): the regulator's case keeps it. Empty for other orders."""
    kind = order.filing_type
    if not record_orders.is_record_type(kind):
        return {}
    records = target_websites(order)
    summary: dict = {
        "filing_type": kind,
        "subject_number": order.subject_filing.filing_number if order.subject_filing is not None else "",
        "website_numbers": [r.filing_number for r in records],
    }
    if kind in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS:
        moved = domain_changes(order)
        summary["changed"] = [c.path for c in record_diff(order)]
        summary["domains_added"] = [d for c in moved for d in c.added]
        summary["domains_removed"] = [d for c in moved for d in c.removed]
    if kind == record_orders.CHANGE_ACCESS:
        summary["changed"] = ["hosted_site"]
    if kind in record_orders.CANCEL_TYPES:
        summary["reason_code"] = order.reason_code
        summary["domains"] = [d for r in records for d in filed_domains(r)]
    return summary
