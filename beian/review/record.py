"""The reviewer's view of an order against a filed record (rules file §1.5–§1.7): the record it
targets (numbers, domains, access), the field-by-field diff against the data as filed, the domains
added and removed, what a cancellation asks (reason, the applicant's note, the typed
confirmation, the empty shell it leaves) and what the regulator's approval does to the live site.

Presentation only: every answer comes from filings.changes; the operator console shows the same
diff (`diff_rows`, `domain_rows`) for what an operator files on the regulator's system."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.filings import changes, states
from beian.filings import fields as order_fields
from beian.filings.models import Order, RecordEvent, RecordStatus, WebsiteFiling
from beian.hosting.models import HostedSite
from beian.rules import record_orders
from beian.rules.domains import display_domain


@dataclass
class DiffRow:
    path: str
    label: object
    old: str
    new: str
    returnable: bool = False


@dataclass
class DomainRow:
    path: str  # websites[i].other_domains: returned as one field
    website: str  # "" for a one-website order
    before: list[str]  # the domains as filed (U-labels), the main one first
    after: list[str]  # as applied for
    added: list[str]
    removed: list[str]
    returnable: bool = False


@dataclass
class TargetWebsite:
    number: str
    name: str
    status: str
    active: bool
    domains: list[str]
    accesses: list[str]


@dataclass
class RecordView:
    filing_type: str
    subject_number: str
    subject_name: str
    subject_status: str
    websites: list[TargetWebsite]
    diff: list[DiffRow] = field(default_factory=list)
    domains: list[DomainRow] = field(default_factory=list)
    is_change: bool = False
    is_cancel: bool = False
    is_change_access: bool = False
    reason: str = ""
    reason_code: str = ""
    reason_note: str = ""
    confirmation: str = ""
    expected_confirmation: str = ""
    confirmation_typed: bool = False  # what the applicant typed matches what the cancellation asks
    irreversible: bool = False
    hosted_before: str = ""
    hosted_after: str = ""
    effects: list[str] = field(default_factory=list)  # what approval does to the live site
    shell_website: bool = False
    shell_subject: bool = False
    request_paths: tuple[str, ...] = ()  # returnable like fields (reason, confirmation, hosted site)

    @property
    def changed_paths(self) -> set[str]:
        """The paths returned from the diff rather than from the field groups below it."""
        return {r.path for r in self.diff} | {r.path for r in self.domains}


def _site_label(site: HostedSite | None) -> str:
    if site is None:
        return "—"
    domain = site.primary_domain
    return f"{site.title} ({display_domain(domain)})" if domain else site.title


def _access_labels(record: WebsiteFiling) -> list[str]:
    out = []
    for access in record.accesses.filter(status=RecordStatus.ACTIVE).select_related("hosted_site"):
        if access.is_ours:
            out.append(_("Us: hosted site %(site)s") % {"site": _site_label(access.hosted_site)})
        else:
            out.append(_("Another provider: %(name)s") % {"name": access.provider_name or "—"})
    return out


def _target_website(record: WebsiteFiling) -> TargetWebsite:
    return TargetWebsite(
        number=record.filing_number,
        name=record.name,
        status=str(record.get_status_display()),
        active=record.is_active,
        domains=[display_domain(d) for d in changes.filed_domains(record)],
        accesses=_access_labels(record),
    )


def diff_rows(order: Order, returnable: frozenset[str] = frozenset()) -> list[DiffRow]:
    """The fields the order changes: the value as filed and as applied for (PII masked)."""
    return [
        DiffRow(c.path, c.label, c.old_display, c.new_display, c.path in returnable) for c in changes.record_diff(order)
    ]


def domain_rows(order: Order, returnable: frozenset[str] = frozenset()) -> list[DomainRow]:
    websites = order_fields.websites_of(order)
    rows = []
    for change in changes.domain_changes(order):
        path = f"websites[{change.website_index}].other_domains"
        after = changes.website_domains(websites[change.website_index])
        before = [d for d in after if d not in change.added] + [d for d in change.removed if d not in after]
        rows.append(
            DomainRow(
                path=path,
                website=str(order_fields.website_title(change.website_index)) if len(websites) > 1 else "",
                before=[display_domain(d) for d in before],
                after=[display_domain(d) for d in after],
                added=change.added_display,
                removed=change.removed_display,
                returnable=path in returnable,
            )
        )
    return rows


def _effects(view: RecordView, order: Order) -> list[str]:
    kind = order.filing_type
    numbers = _(", ").join(w.number for w in view.websites) or view.subject_number
    domains = _(", ").join(d for w in view.websites for d in w.domains) or "—"
    if kind in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS:
        out = [
            _(
                "The site keeps serving throughout. On approval the filing record shows the new information; "
                "the filing numbers stay the same."
            )
        ]
        added = _(", ").join(d for r in view.domains for d in r.added)
        removed = _(", ").join(d for r in view.domains for d in r.removed)
        if added:
            out.append(
                _("Added domains serve under the website's number once approved: %(domains)s.") % {"domains": added}
            )
        if removed:
            out.append(
                _("Removed domains stop serving when the regulator approves: %(domains)s.") % {"domains": removed}
            )
        return out
    if kind == record_orders.CHANGE_ACCESS:
        return [
            _("The website keeps serving from %(before)s until approval; from then on %(after)s serves it.")
            % {"before": view.hosted_before, "after": view.hosted_after}
        ]
    if kind == record_orders.CANCEL_WEBSITE:
        return [
            _(
                "The site keeps serving until the regulator approves. Then filing number %(number)s is cancelled "
                "for good and its domains are blocked: %(domains)s. The subject's other websites keep serving."
            )
            % {"number": numbers, "domains": domains}
        ]
    if kind == record_orders.CANCEL_SUBJECT:
        return [
            _(
                "The sites keep serving until the regulator approves. Then subject number %(number)s and all its "
                "websites are cancelled for good, and every domain is blocked: %(domains)s."
            )
            % {"number": view.subject_number, "domains": domains}
        ]
    if kind == record_orders.CANCEL_ACCESS:
        return [
            _(
                "The site keeps serving until the regulator approves. Then our access to %(number)s ends and we "
                "stop serving its domains: %(domains)s."
            )
            % {"number": numbers, "domains": domains}
        ]
    return []


def record_view(order: Order, returnable: frozenset[str] = frozenset()) -> RecordView | None:
    """Everything the reviewer reads about a change or cancellation; None for other orders.
    `returnable`: the paths the reviewer may return now (none when they may not act)."""
    kind = order.filing_type
    if not record_orders.is_record_type(kind):
        return None
    subject_filing = order.subject_filing
    view = RecordView(
        filing_type=kind,
        subject_number=subject_filing.filing_number if subject_filing else "",
        subject_name=subject_filing.name if subject_filing else order.subject.name,
        subject_status=str(subject_filing.get_status_display()) if subject_filing else "",
        websites=[_target_website(r) for r in changes.target_websites(order)],
        is_change=kind in record_orders.SUBJECT_PARTS | record_orders.WEBSITE_PARTS,
        is_cancel=kind in record_orders.CANCEL_TYPES,
        is_change_access=kind == record_orders.CHANGE_ACCESS,
        request_paths=tuple(p for p in changes.request_paths(kind) if p in returnable),
    )
    if view.is_change:
        view.diff = diff_rows(order, returnable)
        view.domains = domain_rows(order, returnable)
    if view.is_change_access:
        target = order.website.website_filing
        moved = RecordEvent.objects.filter(order=order, action="access_changed").order_by("-pk").first()
        if moved is not None:  # approved: the site that served it before
            before = HostedSite.objects.filter(pk=moved.data.get("before_site")).first()
        else:
            ours = target.accesses.filter(is_ours=True, status=RecordStatus.ACTIVE).first() if target else None
            before = ours.hosted_site if ours else None
        view.hosted_before = _site_label(before)
        view.hosted_after = _site_label(order.website.hosted_site)
    if view.is_cancel:
        language = get_language() or "zh-hans"
        view.reason_code = order.reason_code
        view.reason = changes.reason_text(order.reason_code, language) if order.reason_code else ""
        view.reason_note = order.reason_note
        view.irreversible = changes.irreversible(kind)
        view.confirmation = order.confirmation
        view.expected_confirmation = changes.expected_confirmation(order)
        view.confirmation_typed = bool(order.confirmation) and record_orders.normalise_confirmation(
            order.confirmation
        ) == record_orders.normalise_confirmation(view.expected_confirmation)
    if kind in (record_orders.CANCEL_WEBSITE, record_orders.CANCEL_ACCESS) and order.status != states.APPROVED:
        view.shell_website, view.shell_subject = changes.empty_shell_after(order)
    view.effects = _effects(view, order)
    return view
