"""The filed dashboard's selectors: the tenant's standing records (`selectors.filing_records`) with
what can be done to each subject and website now (the pure `record_actions`, worded here), what
each action does to the live site and how long it takes (working days from submission to the
regulator's decision, `eta.decision_spans`), and each record's history with the filed version
before a change. Always given the tenant; a constant number of queries however many records.

The monitor's risks: `WebsiteRecord.risks` (empty here) is rendered by the dashboard when present.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Prefetch
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from beian.core.exceptions import NotFound
from beian.filings import eta, record_actions, states
from beian.filings import fields as order_fields
from beian.filings.models import Order, Subject, Website
from beian.filings.selectors import (
    HistoryChange,
    HistoryRow,
    OrderRef,
    SubjectRecord,
    WebsiteRecord,
    filing_records,
    with_filing_type_names,
)
from beian.reference import snapshot
from beian.reference.snapshot import setting
from beian.rules import record_orders

A = record_actions

ACTION_LABELS = {
    A.CHANGE_SUBJECT: gettext_lazy("Change subject information"),
    A.CANCEL_SUBJECT: gettext_lazy("Cancel the subject"),
    A.ADD_WEBSITE: gettext_lazy("Add a website"),
    A.CHANGE_WEBSITE: gettext_lazy("Change website information"),
    A.ADD_DOMAIN: gettext_lazy("Add or remove a domain"),
    A.CHANGE_BOTH: gettext_lazy("Change subject and website together"),
    A.CHANGE_ACCESS: gettext_lazy("Serve it from another hosted site"),
    A.CANCEL_WEBSITE: gettext_lazy("Cancel this website"),
    A.CANCEL_ACCESS: gettext_lazy("Cancel access through us"),
}
EFFECTS = {
    A.KEEPS_SERVING: gettext_lazy(
        "The site keeps serving throughout; the filed record changes when the regulator approves."
    ),
    A.KEEPS_SERVING_DOMAINS: gettext_lazy(
        "The site keeps serving; an added domain serves, and a removed one is blocked, once the regulator approves."
    ),
    A.MOVES_SITE: gettext_lazy(
        "The site keeps serving; once the regulator approves, the hosted site you choose serves it."
    ),
    A.BLOCKS_WEBSITE: gettext_lazy(
        "Once the regulator approves, this website's domains are blocked and its number is cancelled for good."
    ),
    A.BLOCKS_SUBJECT: gettext_lazy(
        "Once the regulator approves, every website of this subject is blocked and all its numbers are "
        "cancelled for good."
    ),
    A.BLOCKS_HERE_KEPT: gettext_lazy(
        "Once the regulator approves, the website is blocked here; its filing stays with %(providers)s."
    ),
    A.BLOCKS_HERE_SHELL: gettext_lazy(
        "Once the regulator approves, the website is blocked here. No other provider accesses it, so it becomes "
        "an empty shell and the regulator will cancel its number: file new access at the new provider first."
    ),
    A.NEW_SITE: gettext_lazy("Your filed websites keep serving; the new website serves once it is filed."),
}
NOTES = {
    A.EMPTY_SHELL_NO_NEW_WEBSITE: gettext_lazy(
        "No website of this subject is accessed any more (an empty shell), and %(province)s does not allow "
        "adding a website to an empty-shell subject: cancel the subject at the regulator (an application on "
        "paper or online, about %(days)s working days), then file again as a first filing."
    ),
    A.EMPTY_SHELL: gettext_lazy(
        "No website of this subject is accessed by any provider (an empty shell): the regulator will cancel it. "
        "To cancel it yourself, apply to the provincial regulator on paper or online (about %(days)s working days)."
    ),
    A.ACCESSED_ELSEWHERE: gettext_lazy(
        "Accessed through %(providers)s, not through us: change or cancel it through that provider."
    ),
    A.NOT_ACCESSED: gettext_lazy(
        "No provider accesses this website any more (an empty shell): the regulator will cancel its number."
    ),
    A.HELD: gettext_lazy(
        "Order %(reference)s (%(type)s) is open for this filing: other changes and cancellations wait until it "
        "is finished or abandoned."
    ),
}
DEFAULT_SHELL_CANCEL_DAYS = 5  # only if reference timings lack empty_shell_paper_cancel_working_days


@dataclass(frozen=True)
class ActionView:
    """One action as the dashboard shows it."""

    key: str
    label: str
    filing_type: str
    type_name: str  # the filing type as the regulator names it (变更网站)
    target: str  # the subject's or website's number the button posts to
    effect: str = ""  # what it does to the live site
    eta: tuple[int, int] | None = None  # working days from submission to the regulator's decision
    order: OrderRef | None = None  # `continue`: the open order
    order_status: str = ""
    available: bool = True
    reason: str = ""  # not available: why, and the path instead
    destructive: bool = False

    @property
    def eta_text(self) -> str:
        if self.eta is None:
            return ""
        low, high = self.eta
        if low == high:
            return _("About %(days)s working days from submission to the regulator's decision.") % {"days": low}
        return _("About %(low)s–%(high)s working days from submission to the regulator's decision.") % {
            "low": low,
            "high": high,
        }


@dataclass(frozen=True)
class ActionsView:
    actions: tuple[ActionView, ...] = ()
    notes: tuple[str, ...] = ()

    def get(self, key: str) -> ActionView | None:
        return next((a for a in self.actions if a.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(a.key for a in self.actions)


# --- the facts the pure decision needs ------------------------------------------------------------


def _open_orders(organisation, subject_numbers) -> tuple[dict[str, tuple[record_actions.OpenOrder, ...]], dict]:
    """The tenant's open changes and cancellations per subject number, newest first, and the
    orders by id (their status for the "continue" buttons)."""
    rows = with_filing_type_names(
        Order.objects.filter(
            organisation=organisation,
            subject_filing__filing_number__in=subject_numbers,
            filing_type__in=record_orders.RECORD_TYPES,
        )
        .exclude(status__in=states.TERMINAL)
        .select_related("subject_filing")
        .prefetch_related(Prefetch("websites", queryset=Website.objects.select_related("website_filing")))
        .order_by("-created_at", "-pk")
    )
    by_subject: dict[str, list[record_actions.OpenOrder]] = {}
    by_id: dict[int, Order] = {}
    for order in rows:
        if order.subject_filing is None:  # never: the query follows the subject record
            continue
        by_id[order.pk] = order
        by_subject.setdefault(order.subject_filing.filing_number, []).append(
            record_actions.OpenOrder(
                id=order.pk,
                reference=order.reference,
                filing_type=order.filing_type,
                website_numbers=frozenset(
                    w.website_filing.filing_number for w in order.websites.all() if w.website_filing is not None
                ),
            )
        )
    return {k: tuple(v) for k, v in by_subject.items()}, by_id


@dataclass
class _Context:
    """What wording the answers needs, read once per dashboard."""

    type_names: dict[str, str]
    spans: dict[tuple[str, str], tuple[int, int]]  # (province, filing type) -> working days
    orders: dict[int, Order]
    shell_days: int


def _facts(subject: SubjectRecord, *, hosted_site_ids, open_orders) -> record_actions.SubjectFacts:
    province = snapshot.current().province(subject.province)
    return record_actions.SubjectFacts(
        number=subject.filing_number,
        active=subject.status == "active",
        websites=tuple(_website_facts(w) for w in subject.websites),
        province_allows_shell_website=province.empty_shell_subject_can_add_website if province else None,
        hosted_site_ids=frozenset(hosted_site_ids),
        open_orders=open_orders,
    )


def _website_facts(website: WebsiteRecord) -> record_actions.WebsiteFacts:
    ours = website.our_access
    return record_actions.WebsiteFacts(
        number=website.filing_number,
        active=website.status == "active",
        our_access=ours is not None,
        other_providers=_other_providers(website),
        hosted_site_id=ours.hosted_site_id if ours else None,
    )


def _other_providers(website: WebsiteRecord) -> tuple[str, ...]:
    return tuple(a.provider_name for a in website.accesses if not a.is_ours and a.status == "active")


# --- wording --------------------------------------------------------------------------------------


def _providers_text(names) -> str:
    return _(", ").join(names) or "—"


def _action_view(
    action: record_actions.RecordAction, *, province: str, province_name: str, website, ctx: _Context
) -> ActionView:
    type_name = ctx.type_names.get(action.filing_type, action.filing_type)
    if action.key == A.CONTINUE:
        assert action.order is not None
        order = ctx.orders.get(action.order.id)
        return ActionView(
            key=action.key,
            label=_("Continue order %(reference)s") % {"reference": action.order.reference},
            filing_type=action.filing_type,
            type_name=type_name,
            target=action.target,
            order=OrderRef(id=action.order.id, reference=action.order.reference),
            order_status=order.status_label if order is not None else "",
        )
    effect = str(EFFECTS.get(action.effect, ""))
    if action.effect == A.BLOCKS_HERE_KEPT and website is not None:
        effect = effect % {"providers": _providers_text(_other_providers(website))}
    reason = ""
    if not action.available:
        reason = str(NOTES.get(action.reason, action.reason)) % {"province": province_name, "days": ctx.shell_days}
    return ActionView(
        key=action.key,
        label=str(ACTION_LABELS.get(action.key, action.key)),
        filing_type=action.filing_type,
        type_name=type_name,
        target=action.target,
        effect=effect,
        eta=ctx.spans.get((province, action.filing_type)),
        available=action.available,
        reason=reason,
        destructive=action.destructive,
    )


def _note(code: str, answer: record_actions.RecordActions, *, province_name: str, website, ctx: _Context) -> str:
    text = str(NOTES.get(code, code))
    if code == A.HELD and answer.held_by is not None:
        return text % {
            "reference": answer.held_by.reference,
            "type": ctx.type_names.get(answer.held_by.filing_type, answer.held_by.filing_type),
        }
    if code == A.ACCESSED_ELSEWHERE:
        if website is None:  # the subject: none of its websites is accessed through us
            return _("We access no website of this subject: change or cancel it through the provider that does.")
        return text % {"providers": _providers_text(_other_providers(website))}
    return text % {"province": province_name, "days": ctx.shell_days}


def _worded(answer, *, subject: SubjectRecord, website, ctx: _Context) -> ActionsView:
    actions = tuple(
        _action_view(a, province=subject.province, province_name=subject.province_name, website=website, ctx=ctx)
        for a in answer.actions
    )
    notes = tuple(
        _note(code, answer, province_name=subject.province_name, website=website, ctx=ctx) for code in answer.notes
    )
    return ActionsView(actions=actions, notes=notes)


# --- history: the filed version before a change ----------------------------------------------------


def _with_values(history: tuple[HistoryRow, ...], rows: dict[tuple[str, int], object]) -> tuple[HistoryRow, ...]:
    out = []
    for row in history:
        if not row.paths or row.before_row is None or row.after_row is None:
            out.append(row)
            continue
        kind = "subject" if row.action == "subject_changed" else "website"
        before, after = rows.get((kind, row.before_row)), rows.get((kind, row.after_row))
        if before is None or after is None:
            out.append(row)
            continue
        changes = []
        for path, change in zip(row.paths, row.changes, strict=True):
            concrete = path if kind == "subject" else order_fields.at_index(path, 0)
            field = order_fields.BY_PATH[concrete]
            changes.append(
                HistoryChange(
                    label=change.label,
                    before=_shown(field, _value(before, concrete, kind)),
                    after=_shown(field, _value(after, concrete, kind)),
                )
            )
        out.append(dataclasses.replace(row, changes=tuple(changes)))
    return tuple(out)


def _value(row, path: str, kind: str):
    view = SimpleNamespace(subject=row) if kind == "subject" else SimpleNamespace(_websites_cache=[row], website=row)
    try:
        return order_fields.get_value(view, path)
    except (AttributeError, KeyError):
        return None


def _shown(field, value) -> str:
    if isinstance(value, (list, tuple)) and not field.choices:
        return _(", ").join(str(v.get("item", v)) if isinstance(v, dict) else str(v) for v in value) or "—"
    return order_fields.display(field, value)


def _filed_rows(organisation, records: list[SubjectRecord]) -> dict[tuple[str, int], object]:
    """The Subject and Website rows a change event names (before and after), of this tenant only."""
    ids: dict[str, set[int]] = {"subject": set(), "website": set()}
    for record in records:
        for row in record.history:
            if row.paths and row.before_row is not None and row.after_row is not None:
                kind = "subject" if row.action == "subject_changed" else "website"
                ids[kind] |= {row.before_row, row.after_row}
    out: dict[tuple[str, int], object] = {}
    if ids["subject"]:
        for subject in Subject.objects.filter(organisation=organisation, pk__in=ids["subject"]).select_related(
            "principal"
        ):
            out[("subject", subject.pk)] = subject
    if ids["website"]:
        for website in Website.objects.filter(organisation=organisation, pk__in=ids["website"]).select_related(
            "principal"
        ):
            out[("website", website.pk)] = website
    return out


# --- the selector ---------------------------------------------------------------------------------


def filed_dashboard(organisation) -> list[SubjectRecord]:
    """The tenant's records as the filed dashboard shows them: `filing_records` with `actions`
    (ActionsView) on every subject and website and the filed values before and after each change
    in the history."""
    records = filing_records(organisation)
    if not records:
        return []
    open_orders, orders = _open_orders(organisation, [r.filing_number for r in records])
    hosted_site_ids = list(organisation.hosted_sites.values_list("pk", flat=True))
    ref = snapshot.current()
    english = _english()
    type_names = {code: ref.filing_type_name(code, "en" if english else "zh") for code in ref.filing_types}
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    used_types = sorted(set(record_actions.FILING_TYPES.values()))
    for province in {r.province for r in records if r.status == "active"}:
        for filing_type, span in eta.decision_spans(province=province, filing_types=used_types).items():
            spans[(province, filing_type)] = span
    timings = setting("timings", {}) or {}
    ctx = _Context(
        type_names=type_names,
        spans=spans,
        orders=orders,
        shell_days=int(timings.get("empty_shell_paper_cancel_working_days") or DEFAULT_SHELL_CANCEL_DAYS),
    )
    rows = _filed_rows(organisation, records)
    out = []
    for record in records:
        facts = _facts(record, hosted_site_ids=hosted_site_ids, open_orders=open_orders.get(record.filing_number, ()))
        websites = tuple(
            dataclasses.replace(
                website,
                actions=_worded(
                    record_actions.website_actions(facts, _website_facts(website)),
                    subject=record,
                    website=website,
                    ctx=ctx,
                ),
                history=_with_values(website.history, rows),
            )
            for website in record.websites
        )
        out.append(
            dataclasses.replace(
                record,
                websites=websites,
                history=_with_values(record.history, rows),
                actions=_worded(record_actions.subject_actions(facts), subject=record, website=None, ctx=ctx),
            )
        )
    return out


def _english() -> bool:
    return (get_language() or "").startswith("en")


def record_action(organisation, number: str, key: str) -> ActionView:
    """The dashboard's action `key` on the subject or website `number` of this tenant, as it stands
    now: the action, its "continue" when an order of its type is open, or one that does not apply
    now (available False). NotFound for a number the tenant does not hold (or a subject action
    asked of a website number, and the other way round)."""
    for record in filed_dashboard(organisation):
        if key in record_actions.SUBJECT_ACTIONS and record.filing_number == number:
            return _pick(record.actions, key, number)
        if key in record_actions.WEBSITE_ACTIONS:
            for website in record.websites:
                if website.filing_number == number:
                    return _pick(website.actions, key, number)
    raise NotFound(_("No filed subject or website %(number)s in this account.") % {"number": number or "—"})


def _pick(actions: object, key: str, number: str) -> ActionView:
    """`actions`: a record's ActionsView (filed_dashboard sets one on every record)."""
    actions = actions if isinstance(actions, ActionsView) else None
    found = (actions.get(key) if actions else None) or _continued(actions, key)
    return found or _not_now(key, number, why=actions.notes[0] if actions and actions.notes else "")


def _continued(actions: ActionsView | None, key: str) -> ActionView | None:
    filing_type = record_actions.FILING_TYPES.get(key)
    if actions is None or filing_type is None:
        return None
    return next((a for a in actions.actions if a.key == A.CONTINUE and a.filing_type == filing_type), None)


def _not_now(key: str, number: str, *, why: str = "") -> ActionView:
    """An action that does not apply now (the record is cancelled, an order of another type holds
    it…): `why` is the record's note when it has one."""
    filing_type = record_actions.FILING_TYPES.get(key, "")
    return ActionView(
        key=key,
        label=str(ACTION_LABELS.get(key, key)),
        filing_type=filing_type,
        type_name=filing_type,
        target=number,
        available=False,
        reason=why
        or _("%(action)s does not apply to %(number)s now.")
        % {"action": ACTION_LABELS.get(key, key), "number": number},
    )
