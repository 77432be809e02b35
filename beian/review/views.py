"""Reviewer console: queue, claim, side-by-side order page, approve or return fields."""
from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.permissions import reviewer_required
from beian.applicant.steps import STEPS
from beian.core import audit
from beian.core.exceptions import DomainError
from beian.filings import fields as order_fields
from beian.filings import selectors, services, states
from beian.filings.validation import order_findings
from beian.materials import services as material_services
from beian.reference import choices


@reviewer_required
def queue(request):
    return render(request, "review/queue.html", {"orders": selectors.review_queue()[:200]})


def _diff(order) -> dict[str, tuple]:
    versions = list(order.versions.order_by("-number")[:2])
    if len(versions) < 2:
        return {}
    new, old = versions[0].data, versions[1].data
    return {p: (old.get(p), new.get(p)) for p in new if new.get(p) != old.get(p)}


@reviewer_required
def order_detail(request, pk):
    order = selectors.order_for_reviewer(pk)
    grouped = defaultdict(list)
    for f in order_findings(order):
        grouped[f.field].append(f)
    diff = _diff(order)
    sections = []
    for step in STEPS:
        if not step.paths:
            continue
        rows = []
        for path in step.paths:
            field = order_fields.BY_PATH[path]
            rows.append({"field": field, "value": order_fields.display_value(order, path), "findings": grouped.get(path, []),
                         "changed": path in diff, "pii": field.pii and bool(order_fields.get_value(order, path))})
        sections.append({"step": step, "rows": rows})
    labels = {r.slot: r.label(get_language()) for r in material_services.order_requirements(order)}
    materials = []
    for m in order.materials.all().order_by("slot", "-version"):
        materials.append({"material": m, "link": material_services.signed_link(m, request.user),
                          "label": labels.get(m.slot, m.slot),
                          "findings": material_services.material_findings_of(m)})
    return render(request, "review/order.html", {
        "order": order, "sections": sections, "materials": materials,
        "timeline": order.events.select_related("actor"), "reasons": choices.rejection_reasons(),
        "can_act": order.status in states.AWAITING_PROVIDER, "lang": get_language(),
        "material_slots": [r.slot for r in material_services.order_requirements(order)]})


@reviewer_required
@require_POST
def claim(request, pk):
    order = selectors.order_for_reviewer(pk)
    try:
        services.order_claim(order=order, reviewer=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("review:order", order.pk)


@reviewer_required
@require_POST
def approve(request, pk):
    order = selectors.order_for_reviewer(pk)
    try:
        services.order_review_approve(order=order, reviewer=request.user, note=request.POST.get("note", ""))
        messages.success(request, _("Approved and queued for the regulator."))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("review:order", order.pk)
    return redirect("review:queue")


@reviewer_required
@require_POST
def return_fields(request, pk):
    order = selectors.order_for_reviewer(pk)
    returns = [{"field": path, "reason_code": request.POST.get(f"reason__{path}", ""),
                "note": request.POST.get(f"note__{path}", "")} for path in request.POST.getlist("fields")]
    try:
        services.order_return_fields(order=order, reviewer=request.user, returns=returns)
        messages.success(request, _("Returned to the applicant."))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("review:order", order.pk)
    return redirect("review:queue")


@reviewer_required
@require_POST
def reveal(request, pk):
    """Show one unmasked PII value; every reveal is written to the audit log."""
    order = selectors.order_for_reviewer(pk)
    path = request.POST.get("path", "")
    field = order_fields.BY_PATH.get(path)
    if field is None or not field.pii:
        return HttpResponse(status=400)
    audit.record(action="pii.view", target=order, actor=request.user, data={"field": path})
    return HttpResponse(f'<span class="pii-revealed">{escape(order_fields.get_value(order, path))}</span>')
