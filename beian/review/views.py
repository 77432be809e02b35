"""Reviewer console: the queue by deadline (a search also lists matching orders in any other
status), claim / release / reassign, the side-by-side order page with the changes since the last
return, approve or return fields; metrics for operators."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.accounts.permissions import operator_required, reviewer_required
from beian.core import audit, clock
from beian.core.views import attempt
from beian.filings import changes as record_changes
from beian.filings import deadlines, selectors, services
from beian.filings import fields as order_fields
from beian.filings.validation import order_findings
from beian.hosting.models import HostedSite
from beian.materials import services as material_services
from beian.operator.support import order_panel
from beian.reference import choices
from beian.reference.models import FilingType, RejectionReason
from beian.review.record import record_view
from beian.rules import record_orders

AGE_CHOICES = [
    ("", gettext_lazy("Any age")),
    ("lt1h", gettext_lazy("Under 1 hour")),
    ("1to24h", gettext_lazy("1 to 24 hours")),
    ("1to3d", gettext_lazy("1 to 3 days")),
    ("gt3d", gettext_lazy("Over 3 days")),
    ("overdue", gettext_lazy("Overdue")),
]
ASSIGNEE_CHOICES = [
    ("anyone", gettext_lazy("Anyone")),
    ("me", gettext_lazy("Mine")),
    ("unassigned", gettext_lazy("Unassigned")),
]
FINDING_CHOICES = [
    ("", gettext_lazy("Any number of findings")),
    ("0", gettext_lazy("No findings")),
    ("1-2", gettext_lazy("1 or 2 findings")),
    ("3+", gettext_lazy("3 or more findings")),
]
SEARCH_CHOICES = [
    ("auto", gettext_lazy("Search: detect")),
    ("domain", gettext_lazy("Domain")),
    ("number", gettext_lazy("Filing number")),
    ("uscc", gettext_lazy("Certificate number (USCC)")),
    ("name", gettext_lazy("Subject name")),
]


def _filing_types():
    return [(t.code, t.localized_name) for t in FilingType.objects.all()]


PAGE_PARAMS = ("page", "after", "before")


def _pk_param(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def _query_without(request, *names) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


# Certificate numbers this session searched for, by blind index: the search box shows the number
# again while the URL carries only the index.
CERTIFICATE_SEARCHES = "review_certificate_searches"


def _queue_redirect(request, params):
    """The queue's filters as a GET URL (post/redirect/get), a certificate number as its blind index."""
    filters = selectors.QueueFilters.from_query(params)
    query = params.copy()
    for name in ("csrfmiddlewaretoken", *PAGE_PARAMS, "cert"):
        query.pop(name, None)
    if filters.is_certificate_search:
        hashed = filters.certificate_hashed()
        remembered = request.session.get(CERTIFICATE_SEARCHES, {})
        remembered = dict(list(remembered.items())[-19:])
        remembered[hashed.certificate_index] = filters.q
        request.session[CERTIFICATE_SEARCHES] = remembered
        query.pop("q", None)
        query["search"], query["cert"] = hashed.search, hashed.certificate_index
    return redirect(reverse("review:queue") + ("?" + query.urlencode() if query else ""))


@reviewer_required
def queue(request):
    """The search form is POSTed and redirected here (a USCC or ID number never in a URL); a link
    with a certificate number in `q` is redirected to its blind index too."""
    if request.method == "POST":
        return _queue_redirect(request, request.POST)
    filters = selectors.QueueFilters.from_query(request.GET)
    if filters.is_certificate_search:
        return _queue_redirect(request, request.GET)
    search_text = filters.q or request.session.get(CERTIFICATE_SEARCHES, {}).get(filters.certificate_index, "")
    now = clock.now()
    page = selectors.queue_page(
        filters,
        reviewer=request.user,
        now=now,
        after=_pk_param(request.GET.get("after")),
        before=_pk_param(request.GET.get("before")),
    )
    provinces, filing_types = choices.provinces(), _filing_types()
    province_labels, type_labels = dict(provinces), dict(filing_types)
    for order in page.orders:
        order.is_overdue = bool(order.review_due_at and order.review_due_at < now)
        order.is_mine = order.assigned_reviewer_id == request.user.pk
        order.province_label = province_labels.get(order.subject.province, order.subject.province)
        order.type_label = type_labels.get(order.filing_type, order.filing_type)
        # a change or cancellation: which kind, and the filed record it targets (copied onto its rows)
        order.record_kind = (
            ("cancel" if order.filing_type in record_orders.CANCEL_TYPES else "change")
            if record_orders.is_record_type(order.filing_type)
            else ""
        )
        order.target_number = (
            (order.website.filing_number or "")
            if order.filing_type in record_orders.WEBSITE_TARGET_TYPES
            else (order.subject.filing_number or "")
        )
    others, more_others = selectors.other_orders(filters, reviewer=request.user, now=now)
    for order in others:
        order.province_label = province_labels.get(order.subject.province, order.subject.province)
        order.number_label = order.website.filing_number or order.subject.filing_number or ""
    return render(
        request,
        "review/queue.html",
        {
            "page": page,
            "orders": page.orders,
            "filters": filters,
            "now": now,
            "other_orders": others,
            "more_other_orders": more_others,
            "other_orders_limit": selectors.OTHER_ORDERS_LIMIT,
            "provinces": provinces,
            "filing_types": filing_types,
            "ages": AGE_CHOICES,
            "assignees": ASSIGNEE_CHOICES,
            "finding_choices": FINDING_CHOICES,
            "search_choices": SEARCH_CHOICES,
            "search_text": search_text,
            "querystring": _query_without(request, *PAGE_PARAMS),
            "sla_days": deadlines.provider_review_sla_working_days(),
            "idle_minutes": services.claim_idle_minutes(),
        },
    )


@reviewer_required
@require_POST
def take_next(request):
    """Claim the most urgent order (own reserved resubmissions first) within the current filters."""
    filters = selectors.QueueFilters.from_query(request.POST)
    order = services.order_claim_next(
        reviewer=request.user, candidates=selectors.review_queue(filters, reviewer=request.user)
    )
    if order is None:
        messages.info(request, _("No unclaimed order matches these filters."))
        return redirect(reverse("review:queue") + "?" + request.POST.get("querystring", ""))
    return redirect("review:order", order.pk)


def _changes(order, slot_labels: dict, reasons: dict) -> list[dict] | None:
    rows = selectors.changes_since_last_return(order)
    if rows is None:
        return None
    out = []
    for row in rows:
        field = order_fields.BY_PATH.get(row.path)
        material = field is None and row.path not in order_fields.REQUEST_LABELS
        if field is not None:
            label, old, new = (
                field.full_label,
                order_fields.display(field, row.old),
                order_fields.display(field, row.new),
            )
        elif row.path in order_fields.REQUEST_LABELS:  # a cancellation's reason, its typed confirmation…
            label, old, new = (
                order_fields.REQUEST_LABELS[row.path],
                _request_display(row.path, row.old),
                _request_display(row.path, row.new),
            )
        else:  # a returned material: the new upload is in the materials column
            label, old, new = slot_labels.get(row.path.removeprefix("materials."), row.path), "", ""
        out.append(
            {
                "path": row.path,
                "label": label,
                "old": old,
                "new": new,
                "changed": row.changed,
                "material": material,
                "returned": row.returned,
                "reason": reasons.get(row.reason_code, ""),
                "note": row.note,
            }
        )
    return out


def _request_display(path: str, value) -> str:
    if value in (None, ""):
        return "—"
    if path == "reason_code":
        return record_changes.reason_text(str(value), get_language() or "zh-hans")
    if path == "hosted_site":
        site = HostedSite.objects.filter(pk=value).first()
        return site.title if site else "—"
    return str(value)


def _order_findings(order):
    """The automated findings the reviewer reads: for a change or cancellation, those about what it
    applies for (the changed part) and its own checks (filings.precheck judges the same way)."""
    if not record_orders.is_record_type(order.filing_type):
        return order_findings(order)
    if not record_changes.files_data(order):
        return record_changes.record_order_findings(order)
    scoped = [f for f in order_findings(order) if record_changes.in_scope(order, f)]
    return record_changes.record_order_findings(order) + scoped


def _field_groups(order) -> list[order_fields.FieldGroup]:
    """The wizard's field groups, the website group once per website (websites[1] on with its domain)."""
    out = []
    count = len(order_fields.websites_of(order))
    for group in order_fields.FIELD_GROUPS:
        if group.key != "website" or count == 1:
            out.append(group)
            continue
        for index in range(count):
            title = format_lazy("{group} · {website}", group=group.title, website=order_fields.website_title(index))
            out.append(order_fields.FieldGroup(group.key, title, order_fields.website_group_paths(index)))
    return out


@reviewer_required
def order_detail(request, pk):
    order = selectors.order_for_reviewer(pk)
    if services.order_claim_touch(order=order, reviewer=request.user):
        order.refresh_from_db(fields=["claimed_at"])
    grouped = order_fields.findings_by_field(_order_findings(order))
    requirements = material_services.order_requirements(order)
    labels = {r.slot: r.label(get_language()) for r in requirements}
    reasons = choices.rejection_reasons()
    returned_changes = _changes(order, labels, dict(reasons))
    changed_paths = {c["path"] for c in returned_changes or [] if c["changed"]}
    holder, now = order.assigned_reviewer, clock.now()
    acts = selectors.order_actions_for(order, request.user, member=False, now=now)
    returnable = record_changes.returnable_paths(order) if acts.may_act else frozenset()
    record = record_view(order, returnable)
    in_diff = record.changed_paths if record else set()
    sections = []
    for group in _field_groups(order):
        rows = []
        for path in group.paths:
            field = order_fields.BY_PATH[path]
            rows.append(
                {
                    "field": field,
                    "value": order_fields.display_value(order, path),
                    "findings": grouped.get(path, []),
                    "changed": path in changed_paths,
                    "pii": field.pii and bool(order_fields.get_value(order, path)),
                    # a change's changed fields are returned from the diff above the groups
                    "returnable": path in returnable and path not in in_diff,
                    "in_diff": path in in_diff,
                }
            )
        sections.append({"step": group, "rows": rows})
    shown = {r["field"].path for sec in sections for r in sec["rows"]}
    record_findings = [
        f
        for path, found in grouped.items()
        if record and path not in shown and not path.startswith("materials.")
        for f in found
        if not f.code.startswith("cancel.empty_shell.")  # the record section says it in full
    ]
    materials = []
    for m in order.materials.all().order_by("slot", "-version"):
        annotated = m.check_status == m.CheckStatus.DONE and m.content_type != "application/pdf"
        materials.append(
            {
                "material": m,
                "link": material_services.signed_link(m, request.user),
                "annotated": material_services.signed_link(m, request.user, annotated=True) if annotated else "",
                "label": labels.get(m.slot, m.slot),
                "findings": material_services.material_findings_of(m),
            }
        )
    in_review = acts.in_review
    timeline = [{"event": e, "label": e.label} for e in order.events.select_related("actor")]
    return render(
        request,
        "review/order.html",
        {
            "order": order,
            "sections": sections,
            "materials": materials,
            "changes": returned_changes,
            "record": record,
            "record_findings": record_findings,
            "timeline": timeline,
            "reasons": reasons,
            "in_review": in_review,
            "actions": acts,
            "can_act": acts.may_act,
            "held_by_other": acts.held_by_other,
            "can_release": acts.may_release,
            "reviewers": (
                User.objects.filter(role__in=[User.Role.REVIEWER, User.Role.OPERATOR], is_active=True)
                .exclude(pk=getattr(holder, "pk", None))
                .order_by("username")
                if request.user.is_operator and in_review
                else []
            ),
            "now": now,
            "lang": get_language(),
            "is_overdue": bool(in_review and order.review_due_at and order.review_due_at < now),
            "material_slots": [r.slot for r in requirements],
            **order_panel(request, order),
        },
    )


def _act(request, pk, action, success: str, *, done_to_queue: bool = False):
    order = selectors.order_for_reviewer(pk)
    if attempt(request, lambda: action(order), success) and done_to_queue:
        return redirect("review:queue")
    return redirect("review:order", order.pk)


@reviewer_required
@require_POST
def claim(request, pk):
    return _act(request, pk, lambda order: services.order_claim(order=order, reviewer=request.user), "")


@reviewer_required
@require_POST
def release(request, pk):
    return _act(
        request,
        pk,
        lambda order: services.order_release_claim(
            order=order, actor=request.user, reason=request.POST.get("reason", "")
        ),
        _("Released: the order is back in the queue."),
        done_to_queue=True,
    )


@operator_required
@require_POST
def reassign(request, pk):
    raw = request.POST.get("reviewer", "")
    target = User.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if target is None:
        messages.error(request, _("Choose a reviewer."))
        return redirect("review:order", pk)
    return _act(
        request,
        pk,
        lambda order: services.order_reassign(
            order=order, operator=request.user, to_reviewer=target, reason=request.POST.get("reason", "")
        ),
        _("Reassigned to %(name)s.") % {"name": target.get_username()},
    )


@reviewer_required
@require_POST
def approve(request, pk):
    return _act(
        request,
        pk,
        lambda order: services.order_review_approve(
            order=order, reviewer=request.user, note=request.POST.get("note", "")
        ),
        _("Approved and queued for the regulator."),
        done_to_queue=True,
    )


@reviewer_required
@require_POST
def return_fields(request, pk):
    returns = [
        {
            "field": path,
            "reason_code": request.POST.get(f"reason__{path}", ""),
            "note": request.POST.get(f"note__{path}", ""),
        }
        for path in request.POST.getlist("fields")
    ]
    return _act(
        request,
        pk,
        lambda order: services.order_return_fields(order=order, reviewer=request.user, returns=returns),
        _("Returned to the applicant."),
        done_to_queue=True,
    )


@reviewer_required
@require_POST
def reveal(request, pk):
    """Show one unmasked PII value of an order submitted for review (a draft is 404); every reveal
    is written to the audit log."""
    order = selectors.order_for_reveal(pk)
    path = request.POST.get("path", "")
    field = order_fields.BY_PATH.get(path)
    if field is None or not field.pii or path not in order_fields.order_paths(order):
        return HttpResponse(status=400)
    audit.record(action="pii.revealed", target=order, actor=request.user, data={"field": path})
    return HttpResponse(f'<span class="pii-revealed">{escape(order_fields.get_value(order, path))}</span>')


# --- metrics (operators) ---------------------------------------------------------------------------


def _period(request) -> tuple[dt.date, dt.date, bool]:
    """(first day, last day) inclusive, from ?from=&to= (ISO dates); the last 30 days by default."""
    today = clock.today()
    default = (today - dt.timedelta(days=29), today)
    try:
        start = dt.date.fromisoformat(request.GET["from"]) if request.GET.get("from") else default[0]
        end = dt.date.fromisoformat(request.GET["to"]) if request.GET.get("to") else default[1]
    except ValueError:
        return (*default, False)
    if end < start or (end - start).days > 366:
        return (*default, False)
    return start, end, True


@operator_required
def metrics(request):
    start, end, valid = _period(request)
    if not valid:
        messages.error(request, _("Choose a period of at most a year, with the first day before the last."))
    tz = timezone.get_current_timezone()
    report = selectors.review_metrics(
        start=dt.datetime.combine(start, dt.time(0), tzinfo=tz),
        end=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=tz),
    )
    provinces = dict(choices.provinces())
    en = (get_language() or "").startswith("en")
    reasons = {r.code: (r.text_en if en and r.text_en else r.text_zh) for r in RejectionReason.objects.all()}
    return render(
        request,
        "review/metrics.html",
        {
            "report": report,
            "start": start,
            "end": end,
            "by_province": [(provinces.get(p.label, p.label or "—"), p) for p in report.by_province],
            "reasons": [(r, reasons.get(r.code, "")) for r in report.reasons],
        },
    )
