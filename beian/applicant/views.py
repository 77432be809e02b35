"""The applicant's wizard and order pages. Views parse input, call one service, render."""

from __future__ import annotations

import contextlib
from collections import defaultdict

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.permissions import applicant_required
from beian.applicant.forms import StepForm, UploadForm
from beian.applicant.steps import BY_KEY, STEPS, next_step, step_of_path
from beian.core.exceptions import DomainError
from beian.core.views import attempt
from beian.filings import fields as order_fields
from beian.filings import selectors, services, states
from beian.filings.validation import order_findings
from beian.hosting import gate
from beian.hosting.models import HostedSite
from beian.materials import services as material_services

SECTION_HEADINGS = {
    "subject.principal": gettext_lazy("Subject principal (normally the legal representative)"),
    "websites[0].principal": gettext_lazy("Website principal (does the face verification, receives the MIIT SMS)"),
}


def _returns(order) -> dict[str, dict]:
    """The reviewer's returns by field path, with the catalogue reason in the user's language."""
    from beian.reference.models import RejectionReason

    english = (get_language() or "").startswith("en")
    texts = {
        r.code: (r.text_en if english and r.text_en else r.text_zh)
        for r in RejectionReason.objects.filter(code__in=[x["reason_code"] for x in order.returned_fields])
    }
    return {r["field"]: {**r, "reason": texts.get(r["reason_code"], r["reason_code"])} for r in order.returned_fields}


def _order(request, pk):
    return selectors.order_for_organisation(request.organisation, pk)


@applicant_required
def dashboard(request):
    sites = []
    for site in HostedSite.objects.filter(organisation=request.organisation).prefetch_related("domains"):
        order = selectors.latest_order_for_site(site)
        decision = gate.decide(
            filing_number=order.website.filing_number if order else None, order_status=order.status if order else None
        )
        sites.append({"site": site, "order": order, "decision": decision})
    orders = selectors.orders_for_organisation(request.organisation)[:50]
    return render(request, "applicant/dashboard.html", {"sites": sites, "orders": orders})


@applicant_required
@require_POST
def start(request, site_pk):
    site = get_object_or_404(HostedSite, pk=site_pk, organisation=request.organisation)
    order = selectors.latest_order_for_site(site)
    if order and order.status not in states.TERMINAL:
        return redirect("applicant:order", order.pk)
    order = services.order_create_draft(organisation=request.organisation, user=request.user, hosted_site=site)
    return redirect("applicant:step", order.pk, STEPS[0].key)


def _step_context(request, order, step, form=None, findings=None):
    editable = services.editable_paths(order)
    if form is None:
        form = StepForm(order=order, paths=step.paths, editable=editable, prefix="f")
    findings = findings if findings is not None else order_findings(order)
    grouped = order_fields.findings_by_field(findings)
    rows, section, returns = [], None, _returns(order)
    for name in form.fields:
        path = form.fields[name].path
        group = path.rsplit(".", 1)[0]
        rows.append(
            {
                "field": form[name],
                "path": path,
                "findings": grouped.get(path, []),
                "heading": SECTION_HEADINGS.get(group) if group != section else None,
                "returned": returns.get(path),
            }
        )
        section = group
    requirements = (
        [
            {"label": r.label(get_language()), "help": r.help(get_language()), "req": r}
            for r in material_services.order_requirements(order)
        ]
        if step.key == "checklist"
        else []
    )
    return {
        "order": order,
        "step": step,
        "steps": STEPS,
        "form": form,
        "rows": rows,
        "requirements": requirements,
        "step_index": [s.key for s in STEPS].index(step.key) + 1,
        "editable": bool(editable),
        "lang": get_language(),
    }


@applicant_required
def step(request, pk, key):
    order = _order(request, pk)
    step = BY_KEY.get(key)
    if step is None:
        raise Http404
    if key == "materials":
        return materials_step(request, order)
    if key == "confirm":
        return confirm_step(request, order)
    editable = services.editable_paths(order)
    if request.method == "POST":
        form = StepForm(request.POST, order=order, paths=step.paths, editable=editable, prefix="f")
        if form.is_valid():
            try:
                services.order_update(order=order, user=request.user, values=form.changed_values())
            except DomainError as exc:
                messages.error(request, exc.message)
                return redirect("applicant:step", order.pk, key)
            order = _order(request, pk)
            findings = order_findings(order)
            if "continue" in request.POST and any(
                f.is_error and order_fields.owner_path(f.field) in step.paths for f in findings
            ):
                messages.warning(request, _("Saved. Fix the errors marked below before continuing."))
                return render(request, "applicant/step.html", _step_context(request, order, step, findings=findings))
            messages.success(request, _("Saved."))
            if "continue" in request.POST:
                return redirect("applicant:step", order.pk, next_step(key))
            return redirect("applicant:step", order.pk, key)
        return render(request, "applicant/step.html", _step_context(request, order, step, form=form))
    return render(request, "applicant/step.html", _step_context(request, order, step))


@applicant_required
@require_POST
def check_field(request, pk, key):
    """HTMX: findings for the field the user just left, computed from what is typed (not saved)."""
    order = _order(request, pk)
    step = BY_KEY[key]
    form = StepForm(request.POST, order=order, paths=step.paths, editable=services.editable_paths(order), prefix="f")
    for path, value in form.raw_values().items():
        with contextlib.suppress(TypeError, ValueError):  # the field's own finding explains it
            order_fields.set_value(order, path, value)
    findings = order_findings(order)
    trigger = request.POST.get("_field") or (request.htmx.trigger_name if request.htmx else "")
    name = (trigger or "").removeprefix("f-")
    field = order_fields.BY_FORM_NAME.get(name)
    path = field.path if field else ""
    return render(
        request,
        "filings/_findings.html",
        {"findings": [f for f in findings if order_fields.owner_path(f.field) == path], "lang": get_language()},
    )


def materials_step(request, order):
    current = material_services.current_materials(order)
    returns = _returns(order)
    slots = []
    for req in material_services.order_requirements(order):
        material = current.get(req.slot)
        slots.append(
            {
                "req": req,
                "label": req.label(get_language()),
                "help": req.help(get_language()),
                "material": material,
                "link": material_services.signed_link(material, request.user) if material else "",
                "findings": material_services.material_findings_of(material) if material else [],
                "editable": order.status in states.APPLICANT_EDITABLE
                and (
                    order.status not in states.FIELD_LEVEL_RETURN
                    or f"materials.{req.slot}" in order.returned_field_paths
                ),
                "returned": returns.get(f"materials.{req.slot}"),
            }
        )
    return render(
        request,
        "applicant/materials.html",
        {
            "order": order,
            "step": BY_KEY["materials"],
            "steps": STEPS,
            "slots": slots,
            "form": UploadForm(),
            "step_index": 5,
            "lang": get_language(),
        },
    )


@applicant_required
@require_POST
def upload(request, pk, slot):
    order = _order(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            material_services.material_upload(
                order=order, slot=slot, upload=form.cleaned_data["file"], user=request.user
            )
            messages.success(request, _("Uploaded. Automated checks have run; see the results below."))
        except DomainError as exc:
            messages.error(request, exc.message)
    return redirect("applicant:step", order.pk, "materials")


def _precheck(order):
    findings = order_findings(order, complete=True)
    findings += material_services.missing_materials(order) + material_services.material_findings(order)
    labels = {f"materials.{r.slot}": r.label(get_language()) for r in material_services.order_requirements(order)}
    groups = defaultdict(list)
    for f in findings:
        field = order_fields.BY_PATH.get(order_fields.owner_path(f.field))
        label = labels.get(f.field) or (field.label if field else "")
        groups[step_of_path(order_fields.owner_path(f.field)).key].append({"finding": f, "label": label})
    return findings, [{"step": s, "items": groups[s.key]} for s in STEPS if groups.get(s.key)]


def confirm_step(request, order):
    findings, groups = _precheck(order)
    summary = [
        {
            "step": s,
            "fields": [
                {"label": order_fields.BY_PATH[p].label, "value": order_fields.display_value(order, p)} for p in s.paths
            ],
        }
        for s in STEPS
        if s.paths
    ]
    return render(
        request,
        "applicant/confirm.html",
        {
            "order": order,
            "step": BY_KEY["confirm"],
            "steps": STEPS,
            "step_index": 6,
            "groups": groups,
            "errors": [f for f in findings if f.is_error],
            "warnings": [f for f in findings if not f.is_error and f.severity.value == "warning"],
            "summary": summary,
            "lang": get_language(),
            "can_submit": order.status in states.APPLICANT_EDITABLE,
        },
    )


@applicant_required
@require_POST
def submit(request, pk):
    order = _order(request, pk)
    _findings, _groups = _precheck(order)
    warnings = [f.code for f in _findings if f.severity.value == "warning"]
    if warnings and not request.POST.get("acknowledge"):
        messages.error(request, _("Please confirm that you have read the warnings."))
        return redirect("applicant:step", order.pk, "confirm")
    try:
        services.order_submit(order=order, user=request.user, acknowledged_warnings=warnings)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:step", order.pk, "confirm")
    messages.success(request, _("Submitted. Your site now shows a maintenance page until the filing is approved."))
    return redirect("applicant:order", order.pk)


@applicant_required
def order_detail(request, pk):
    from beian.regulator.models import RegulatorCase

    order = _order(request, pk)
    case = RegulatorCase.objects.filter(order=order).order_by("-received_at").first()
    returned = [
        {
            **r,
            "label": order_fields.BY_PATH[r["field"]].label if r["field"] in order_fields.BY_PATH else r["field"],
            "step": step_of_path(r["field"]).key,
        }
        for r in _returns(order).values()
    ]
    from beian.filings.eta import order_eta
    from beian.filings.lifecycle import expires_on

    return render(
        request,
        "applicant/order.html",
        {
            "order": order,
            "timeline": selectors.timeline(order),
            "case": case,
            "returned": returned,
            "can_withdraw": states.can_transition(order.status, states.DRAFT) and order.status != states.DRAFT,
            "can_abandon": states.can_transition(order.status, states.ABANDONED),
            "eta": order_eta(order),
            "expires_on": expires_on(order),
            "can_edit": order.status in states.APPLICANT_EDITABLE,
            "lang": get_language(),
        },
    )


@applicant_required
@require_POST
def sms_verify(request, pk):
    from beian.regulator.services import sms_verify as verify

    order = _order(request, pk)
    try:
        result = verify(
            order=order,
            mobile=request.POST.get("mobile", ""),
            code=request.POST.get("code", ""),
            certificate_tail=request.POST.get("certificate_tail", ""),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        text = result.message_en if get_language().startswith("en") else result.message_zh
        (messages.success if result.ok else messages.error)(request, text)
    return redirect("applicant:order", order.pk)


@applicant_required
@require_POST
def sms_resend(request, pk):
    from beian.regulator.services import sms_resend as resend

    order = _order(request, pk)
    try:
        result = resend(order=order, role=request.POST.get("role", ""), actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        text = result.message_en if get_language().startswith("en") else result.message_zh
        (messages.success if result.ok else messages.error)(request, text)
    return redirect("applicant:order", order.pk)


def _order_action(request, pk, service, success: str):
    order = _order(request, pk)
    attempt(request, lambda: service(order=order, user=request.user), success)
    return redirect("applicant:order", order.pk)


@applicant_required
@require_POST
def withdraw(request, pk):
    return _order_action(request, pk, services.order_withdraw, _("Withdrawn to draft. You can edit and submit again."))


@applicant_required
@require_POST
def abandon(request, pk):
    return _order_action(
        request,
        pk,
        services.order_abandon,
        _("The filing is abandoned. Its data is kept; you can start a new filing at any time."),
    )


@applicant_required
def verification_form(request, pk):
    from beian.materials.verification_data import verification_form_data
    from beian.materials.verification_form import render_verification_form

    order = _order(request, pk)
    pdf = render_verification_form(verification_form_data(order))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verification-form-{order.reference}.pdf"'
    return response
