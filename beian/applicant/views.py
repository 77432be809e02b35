"""The applicant's wizard and order pages. Views parse input, call one service, render."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from beian.accounts.permissions import applicant_required
from beian.applicant import record_orders as record_pages
from beian.applicant.conversations import order_panel
from beian.applicant.flow import (
    CHECKLIST,
    CONFIRM,
    FLOW,
    MATERIALS,
    TYPE_EXPLANATIONS,
    order_of,
    record_context,
    returned_rows,
)
from beian.applicant.forms import UploadForm, VerifyForm
from beian.applicant.sites import site_card
from beian.core import audit
from beian.core.exceptions import DomainError, NotFound, ValidationFailed
from beian.core.views import attempt
from beian.filings import dashboard as filed
from beian.filings import detection, psb, record_actions, selectors, service_codes, services, states
from beian.filings import fields as order_fields
from beian.filings.eta import order_eta
from beian.filings.lifecycle import expires_on
from beian.hosting.entries import site_domain_decisions
from beian.hosting.footer import custom_footer_shown, footer_context, footer_snippet
from beian.hosting.gate import Access
from beian.hosting.models import HostedSite
from beian.hosting.selectors import custom_footer_findings, sites_serving_filing
from beian.hosting.services import hosted_site_set_custom_footer
from beian.materials import services as material_services
from beian.monitor.selectors import risks_for_organisation
from beian.notifications.services import record_approval_message
from beian.plans import selectors as plan_selectors
from beian.regulator.models import RegulatorCase
from beian.regulator.services import sms_resend as resend
from beian.regulator.services import sms_verify as verify
from beian.rules import record_orders
from beian.rules.record_orders import CANCEL_TYPES


def _order(request, pk):
    return order_of(request, pk)


def applicant_or_assisting_staff(view):
    """The customer, or an operator filling in an order with the assisted filing service on the
    customer's behalf (a member of the order's organisation is always the customer). Staff's every
    view of the step is audited (it shows the customer's personal data); their edits are audited by
    filings.services.order_update."""

    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        if request.organisation is not None:
            return view(request, pk, *args, **kwargs)
        if not request.user.is_operator:
            raise PermissionDenied
        request.assisting = True
        order = selectors.order_for_assisting(pk)
        audit.record(action="order.assisted_view", target=order, actor=request.user, data={"path": request.path})
        return view(request, pk, *args, **kwargs)

    return wrapper


def _step(order, key):
    step = FLOW.step(key)
    if step is None or not step.is_applicable(order):
        raise Http404
    return step


def _first_step_url(order) -> str:
    return reverse("applicant:step", args=[order.pk, FLOW.first(order).key])


@applicant_required
def dashboard(request):
    return _dashboard(request)


def _dashboard(request, *, psb_entry: dict | None = None, action_error: dict | None = None, status: int = 200):
    """`psb_entry`: the public-security number just typed for one website and why it was refused
    ({"filing_number", "value", "error"}), shown in that website's form with the value kept.
    `action_error`: why an action on a filed record could not start ({"number", "message"}), shown
    beside that record's actions."""
    sites = []
    account_codes = service_codes.codes_for_dashboard(request.organisation)
    for site in HostedSite.objects.filter(organisation=request.organisation).prefetch_related("domains"):
        domains = site_domain_decisions(site)
        under_way = detection.open_order_for_target(
            organisation=request.organisation, domains=[name for name, _decision in domains], hosted_site=site
        )
        sites.append(site_card(site, under_way, domains, account_codes.by_site.get(site.pk, [])))
    orders = selectors.orders_for_organisation(request.organisation)[:50]
    filings = filed.filed_dashboard(request.organisation)  # "Filings" (applicant/_filings.html)
    return render(
        request,
        "applicant/dashboard.html",
        {
            "sites": sites,
            "orders": orders,
            "filings": filings,
            "psb_entry": psb_entry or {},
            "psb_days": psb.psb_deadline_days(),
            "risks": risks_for_organisation(request.organisation),  # the monitor's (applicant/_risks.html)
            "action_error": action_error or {},
            "granted_codes": account_codes.granted,
        },
        status=status,
    )


@applicant_required
@require_POST
def record_order(request, number):
    """A filed dashboard action on the subject or website `number` (POST `action`: a
    filings.record_actions key): start the change or cancellation (or continue the open one of its
    type) and go to its wizard; add website goes to the first step with the subject filled in."""
    key = request.POST.get("action", "")
    if key not in record_actions.FILING_TYPES:
        raise Http404
    try:
        action = filed.record_action(request.organisation, number, key)
    except NotFound:
        raise Http404 from None
    if action.order is not None:  # an order of this type is open: continue it
        messages.info(
            request,
            _("Order %(reference)s is already open for this: here it is.") % {"reference": action.order.reference},
        )
        return redirect("applicant:order", action.order.id)
    if not action.available:
        return _dashboard(request, action_error={"number": number, "message": action.reason}, status=422)
    if key == record_actions.ADD_WEBSITE:
        return redirect(f"{reverse('applicant:verify')}?{urlencode({'subject': number})}")
    filing_type = action.filing_type
    website_target = filing_type in record_orders.WEBSITE_TARGET_TYPES
    try:
        started = services.order_start_from_record(
            organisation=request.organisation,
            user=request.user,
            filing_type=filing_type,
            subject_number="" if website_target else number,
            website_number=number if website_target else "",
        )
    except NotFound:
        raise Http404 from None
    except DomainError as exc:
        return _dashboard(request, action_error={"number": number, "message": exc.message}, status=422)
    order = started.order
    if not started.created:
        messages.info(
            request, _("Order %(reference)s is already open for this: here it is.") % {"reference": order.reference}
        )
        return redirect("applicant:order", order.pk)
    messages.success(
        request,
        _(
            "Order %(reference)s started: %(type)s of %(number)s. Nothing changes on the live site until you submit it and the regulator approves."
        )
        % {"reference": order.reference, "type": action.type_name, "number": number},
    )
    return redirect("applicant:step", order.pk, _first_step(order, key).key)


def _first_step(order, key: str):
    """Where the wizard of a new record order opens: add domain at the step with the domains."""
    if key == record_actions.ADD_DOMAIN:
        step = FLOW.step_of_path("websites[0].other_domains", order)
        if step.is_applicable(order):
            return step
    return FLOW.first(order)


@applicant_required
@require_POST
def psb_number(request, number):
    """Enter the public-security (公网安备) number of a filed website (§8.2)."""
    typed = request.POST.get("psb_number", "")
    try:
        record = psb.website_filing_for_organisation(request.organisation, number)
        psb.website_filing_set_psb_number(website_filing=record, user=request.user, number=typed)
    except NotFound:
        raise Http404 from None
    except DomainError as exc:
        entry = {"filing_number": number, "value": typed, "error": exc.message}
        return _dashboard(request, psb_entry=entry, status=422)
    messages.success(request, _("Public-security filing number saved; the site's footer shows it now."))
    return redirect(f"{reverse('applicant:dashboard')}#filings")


@applicant_required
@never_cache
def footer(request, number):
    """The filing footer of a filed website (§8.1, §8.2): the snippet for pages the customer serves
    themselves, and the custom footer of each hosted site serving the website, with a preview.
    POST `action=preview` checks and shows the typed footer; `action=save` stores it (refused: the
    findings, with what was typed kept)."""
    try:
        record = psb.website_filing_for_organisation(request.organisation, number)
    except NotFound:
        raise Http404 from None
    sites = sites_serving_filing(request.organisation, record.filing_number)
    typed = {}  # site pk -> {"value", "findings"}: what was just typed into its form
    status = 200
    if request.method == "POST":
        site = next((s for s in sites if str(s.pk) == request.POST.get("site", "")), None)
        if site is None:
            raise Http404
        markup = request.POST.get("custom_footer", "")
        if request.POST.get("action") == "save":
            try:
                hosted_site_set_custom_footer(site=site, user=request.user, markup=markup)
            except NotFound:
                raise Http404 from None
            except ValidationFailed as exc:
                typed[site.pk] = {"value": markup, "findings": exc.findings}
                status = 422
            else:
                messages.success(request, _("Custom footer saved: the site shows it above the filing number."))
                return redirect(f"{reverse('applicant:footer', args=[record.filing_number])}#site-{site.pk}")
        else:
            typed[site.pk] = {"value": markup, "findings": custom_footer_findings(site, markup)}
    parts = footer_context(record.filing_number, record.psb_number)
    rows = []
    for site in sites:
        entry = typed.get(site.pk)
        value = entry["value"] if entry else site.custom_footer_html
        rows.append(
            {
                "site": site,
                "value": value,
                "typed": entry is not None,
                "findings": entry["findings"] if entry else [],
                "preview": custom_footer_shown(value, parts),
            }
        )
    return render(
        request,
        "applicant/footer.html",
        {
            "record": record,
            "snippet": footer_snippet(record.filing_number, record.psb_number),
            "parts": parts,
            "rows": rows,
            "lang": get_language(),
        },
        status=status,
    )


@applicant_required
@require_POST
def start(request, site_pk):
    """The dashboard's start button: the site's open filing if there is one (one open order per
    target), else the first step, which verifies the filing type before any order exists."""
    site = get_object_or_404(HostedSite, pk=site_pk, organisation=request.organisation)
    order = detection.open_order_for_target(
        organisation=request.organisation, domains=[d for d in [site.primary_domain] if d], hosted_site=site
    )
    if order is not None:
        return redirect("applicant:order", order.pk)
    return redirect("applicant:verify_site", site.pk)


def _domains_to_file(site) -> str:
    """What the first step offers to file for a site: its primary domain; for a filed site (its card
    says "Add a website") the bound domains that are not filed yet, one a line."""
    decisions = site_domain_decisions(site)
    if not any(d.access == Access.SERVE for _name, d in decisions):
        return site.primary_domain
    return "\n".join(name for name, d in decisions if d.access == Access.BLOCK)


def _verify_initial(request, site) -> dict:
    """The site's domain, and the tenant's filed subject (if any) as the usual answer; `?subject=`
    (the filed dashboard's "add website") names which of its filed subjects."""
    initial: dict[str, object] = {
        "domains": _domains_to_file(site) if site else "",
        "service_code": request.GET.get("code", ""),
    }
    records = selectors.filings_for_organisation(request.organisation).filter(status="active")
    number = request.GET.get("subject", "")
    record = (records.filter(filing_number=number).first() if number else None) or records.first()
    if record is not None:
        subject = record.subject
        initial.update(
            province=subject.province,
            nature=subject.nature,
            certificate_type=subject.certificate_type,
            certificate_number=subject.certificate_number,
        )
    return initial


@applicant_required
@never_cache
def verify_type(request, site_pk=None):
    """The first step (验证备案类型): province, nature, certificate and domains decide the filing type
    (filings.detection). "Check" shows the decision; "Start" creates the order with that type, locked."""
    site = get_object_or_404(HostedSite, pk=site_pk, organisation=request.organisation) if site_pk else None
    form = VerifyForm(
        request.POST or None,
        initial=_verify_initial(request, site),
        service_code=service_codes.code_entry(organisation=request.organisation, site=site),
    )
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        typed_code = data.get("service_code", "")
        verify_input = detection.VerifyInput(
            province=data["province"],
            nature=data["nature"],
            certificate_type=data["certificate_type"],
            certificate_number=data["certificate_number"].strip(),
            domains=tuple(data["domains"]),
        )
        if "confirm" in request.POST:
            try:
                started = services.order_start(
                    organisation=request.organisation,
                    user=request.user,
                    hosted_site=site,
                    verify=verify_input,
                    requested_type=data["filing_type"],
                    service_code=typed_code,
                )
            except DomainError as exc:
                if exc.field == "service_code":
                    form.add_error("service_code", exc.message)
                else:
                    messages.error(request, exc.message)
            else:
                if not started.created:
                    messages.info(request, _("A filing for this domain is already open: here it is."))
                    return redirect("applicant:order", started.order.pk)
                messages.success(
                    request,
                    _("Filing started as a %(type)s. The type is fixed for this order.")
                    % {"type": started.order.filing_type_label},
                )
                return redirect("applicant:step", started.order.pk, FLOW.first(started.order).key)
        elif typed_code:  # "Check": say now whether the code will do, before the applicant starts
            try:
                service_codes.service_code_for_start(organisation=request.organisation, site=site, typed=typed_code)
            except DomainError as exc:
                form.add_error("service_code", exc.message)
        result = detection.filing_type_detect(
            organisation=request.organisation, verify=verify_input, requested=data["filing_type"]
        )
    return render(
        request,
        "applicant/verify.html",
        {
            "form": form,
            "site": site,
            "result": result,
            "lang": get_language(),
            "explain": _explain(result),
            "type_label": _type_label(result),
        },
    )


def _type_label(result) -> str:
    if result is None or result.refused:
        return ""
    name = detection.type_names().get(result.filing_type)
    if name is None:
        return result.filing_type
    return name.en if (get_language() or "").startswith("en") else name.zh


def _explain(result) -> str:
    """What the detected type means for the applicant (shown with the decision)."""
    if result is None or result.refused:
        return ""
    return str(TYPE_EXPLANATIONS.get(result.filing_type, ""))


@applicant_or_assisting_staff
@never_cache  # Cache-Control: no-store: browser back after submit reloads the page (no live submit button)
def step(request, pk, key):
    order = _order(request, pk)
    if request.method == "GET" and FLOW.step(key) is not None and not FLOW.step(key).is_applicable(order):
        return redirect(_first_step_url(order))  # a step of another type's path (a link to "checklist")
    step = _step(order, key)
    if request.method == "POST":
        return step.post(request, order, FLOW)
    return step.get(request, order, FLOW)


@applicant_or_assisting_staff
@require_POST
def check_field(request, pk, key):
    """HTMX: findings for the field the user just left, computed from what is typed (not saved)."""
    order = _order(request, pk)
    return _step(order, key).check_field(request, order)


@applicant_required
@require_POST
def checklist(request, pk):
    """HTMX: the checklist step's materials list for the nature and province just selected (not saved)."""
    order = _order(request, pk)
    step = _step(order, CHECKLIST)
    return step.preview(request, order)


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
            messages.success(
                request, _("Uploaded. The automated checks are running; their results appear below in a moment.")
            )
        except DomainError as exc:
            messages.error(request, exc.message)
    return redirect("applicant:step", order.pk, MATERIALS)


@applicant_required
@require_POST
def submit(request, pk):
    """Submit with the warning codes the applicant ticked; the service refuses while one is missing."""
    order = _order(request, pk)
    if order.status not in states.APPLICANT_EDITABLE:  # e.g. the confirm page again after browser back
        messages.error(
            request,
            _("This order was already submitted (now: %(status)s). Nothing was changed.")
            % {"status": order.status_label},
        )
        return redirect("applicant:order", order.pk)
    try:
        services.order_submit(order=order, user=request.user, acknowledged_warnings=request.POST.getlist("acknowledge"))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:step", order.pk, CONFIRM)
    messages.success(request, record_pages.submitted_message(order))
    return redirect("applicant:order", order.pk)


@applicant_required
@never_cache
def order_detail(request, pk):

    order = _order(request, pk)
    acts = selectors.order_actions_for(order, request.user, member=True)
    eta = order_eta(order)
    case = RegulatorCase.objects.filter(order=order).order_by("-received_at").first()
    returned = returned_rows(order)

    return render(
        request,
        "applicant/order.html",
        {
            "order": order,
            "websites": order_fields.websites_of(order),
            "timeline": selectors.timeline(order),
            "case": case,
            "returned": returned,
            "actions": acts,
            "can_withdraw": acts.may_withdraw,
            "can_abandon": acts.may_abandon,
            "eta": eta,
            "expires_on": expires_on(order),
            "can_edit": acts.may_edit,
            "first_step_url": _first_step_url(order),
            "lang": get_language(),
            "conversation_html": order_panel(request, order),
            "offer": plan_selectors.assisted_offer(order.organisation),
            "assisted_payments": plan_selectors.payments_of_order(order),
            "order_finished": order.status in states.TERMINAL,
            **_record_order_context(order, eta),
        },
    )


def _record_order_context(order, eta) -> dict:
    """An order against a filed record: the record, what it changes or why it cancels, what it does
    to the live site, who gets the SMS, and the ETA's wording."""
    if not record_pages.is_record_order(order):
        return {"record_order": False}
    return {
        "record_order": True,
        **record_context(order, eta=eta),
        # once approved the record holds what the order applied for: nothing to compare any more
        "diff": None if order.status == states.APPROVED else record_pages.diff_rows(order),
        "request": record_pages.request_summary(order),
        "cancels": order.filing_type in CANCEL_TYPES,
        # an approved cancellation: what was cancelled and what it did to the site (as the notification said)
        "outcome": record_approval_message(order)
        if order.status == states.APPROVED and order.filing_type in CANCEL_TYPES
        else None,
        "changes_data": order.filing_type in record_pages.CHANGE_DATA_TYPES,
        # who will get the MIIT SMS, while it is still to come (afterwards the SMS card says who got it)
        "sms_ahead": order.status in states.AWAITING_APPLICANT | states.AWAITING_PROVIDER | {states.PENDING_SUBMISSION},
    }


@applicant_required
@require_POST
def sms_verify(request, pk):

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
    if not request.POST.get("confirm"):  # a confirmation the server checks, with or without JavaScript
        messages.error(request, _("Tick the box to confirm that you want to withdraw the order. Nothing was changed."))
        return redirect("applicant:order", _order(request, pk).pk)
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
    order = _order(request, pk)
    index = request.GET.get("website", "0")
    index = int(index) if index.isdigit() else 0  # websites[index]: each website has its own form
    try:
        pdf = material_services.verification_form_pdf(order, index, viewer=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:step", order.pk, MATERIALS)
    suffix = f"-{index + 1}" if index else ""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verification-form-{order.reference}{suffix}.pdf"'
    return response
