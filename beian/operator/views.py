"""Operator console: the business clock, the regulator outbox (retry parked pushes, push returned
orders again), the sandbox SMS outbox, the manual regulator bridge, the working-day calendar, the
compliance monitor's risks and provider-initiated cancel access (notices: start, withdraw, confirm
after the deadline), the partner platforms with their service tokens (issue, revoke), and the
webhooks to the partner platforms (endpoints, the delivery log, replay). Views parse, call one
service, render."""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beian.accounts import provisioning, tokens
from beian.accounts.models import Platform, PlatformToken
from beian.accounts.permissions import operator_required
from beian.core import audit, clock
from beian.core import workdays as working_calendar
from beian.core.exceptions import DomainError, NotFound, ValidationFailed
from beian.core.jobs import run_periodic_jobs
from beian.core.views import attempt
from beian.filings import codes, notices, records, service_codes, states
from beian.filings import fields as order_fields
from beian.filings.models import Order
from beian.monitor import selectors as monitor
from beian.monitor import tasks as monitor_tasks
from beian.notifications import services as notification_services
from beian.notifications import sms as sms_outbox
from beian.reference.choices import rejection_reasons
from beian.reference.services import calendar_enter_year
from beian.regulator import services as regulator
from beian.regulator.models import RegulatorCase, Submission
from beian.review.record import record_view
from beian.webhooks import events as webhook_events
from beian.webhooks import selectors as webhook_selectors
from beian.webhooks import services as webhook_services
from beian.webhooks.models import DeliveryStatus, WebhookDelivery


@operator_required
def console(request):
    cases = list(
        RegulatorCase.objects.select_related("order__website", "order__subject", "order__subject_filing").order_by(
            "-received_at", "-pk"
        )[:30]
    )
    for case in cases:
        # a change or cancellation: what the operator files on the regulator's system (the same diff
        # the reviewer approved; PII masked), beside the summary the case keeps (paths, no values)
        case.record = record_view(case.order)
        # the manual bridge asks for a number only where the approval issues one (a first filing, a
        # new website); a change, a cancellation or new access keeps the filed numbers
        case.asks_number = records.issues_numbers(case.order.filing_type)
        case.summary_labels = [
            str(
                order_fields.BY_PATH[p].full_label
                if p in order_fields.BY_PATH
                else order_fields.REQUEST_LABELS.get(p, p)
            )
            for p in (case.summary or {}).get("changed", [])
        ]
    return render(
        request,
        "operator/console.html",
        {
            "now": clock.now(),
            "adapter": regulator.adapter().name,
            "sms": sms_outbox.sms_outbox(limit=30),
            "sms_gateway": sms_outbox.gateway_name(),
            "cases": cases,
            "outbox": Submission.objects.filter(status__in=regulator.OPEN)
            .select_related("order")
            .order_by("status", "next_attempt_at"),
            "returned": Order.objects.filter(status=states.RETURNED_SMS_TIMEOUT)
            .select_related("website")
            .order_by("status_changed_at"),
            "reasons": rejection_reasons(),
            "unconfirmed_years": working_calendar.unconfirmed_upcoming_years(),
        },
    )


@operator_required
def calendar(request):
    """The working-day calendar of this year and the next; the schedule of a year the library does
    not cover is entered here when the State Council publishes it. A refused entry is shown again
    with the operator's text, nothing saved."""
    today = clock.today()
    years = [working_calendar.year_calendar(year) for year in working_calendar.years_to_watch(today)]
    editable = [y.year for y in years if y.editable]
    try:
        chosen = int(request.POST.get("year") or request.GET.get("year") or (editable[0] if editable else 0))
    except ValueError:
        chosen = 0
    form = None
    if request.method == "POST":
        form = {
            "days_off": request.POST.get("days_off", ""),
            "makeup": request.POST.get("makeup", ""),
            "confirm": bool(request.POST.get("confirm")),
        }
        saved = attempt(
            request,
            lambda: calendar_enter_year(
                year=chosen,
                days_off_text=form["days_off"],
                makeup_text=form["makeup"],
                confirm=form["confirm"],
                actor=request.user,
            ),
            _("The %(year)s calendar is saved; ETAs and review deadlines use it now.") % {"year": chosen},
        )
        if saved:
            return redirect(f"{request.path}?year={chosen}")
    current = next((y for y in years if y.year == chosen), None)
    if current is None and chosen:
        current = working_calendar.year_calendar(chosen)
    if form is None and current is not None:
        form = {
            "days_off": current.as_text("off"),
            "makeup": current.as_text("workday"),
            "confirm": current.source == working_calendar.CONFIRMED,
        }
    return render(
        request,
        "operator/calendar.html",
        {"years": years, "editable": editable, "current": current, "form": form, "today": today},
    )


@operator_required
@require_POST
def sms_reveal(request, pk):
    """The full mobile of one SMS in the outbox (shown masked); every reveal is audited."""
    try:
        mobile = notification_services.sms_mobile_reveal(message_id=pk, user=request.user)
    except NotFound:
        raise Http404 from None
    return HttpResponse(f'<span class="pii-revealed">{escape(mobile)}</span>')


@operator_required
@require_POST
def advance(request):
    try:
        days = float(request.POST.get("days", "1"))
        if not 0 <= days <= 60:
            raise ValueError
    except ValueError:
        messages.error(request, _("Enter a number of days between 0 and 60."))
        return redirect("operator:console")
    clock.advance(days=days)
    report = run_periodic_jobs()
    messages.success(
        request,
        _("Business time moved forward %(days)s days; %(n)s regulator updates.")
        % {"days": days, "n": report.get("regulator", 0)},
    )
    return redirect("operator:console")


@operator_required
@require_POST
def submission_retry(request, pk):
    """Push a parked submission again now (audited)."""
    submission = get_object_or_404(Submission, pk=pk)
    attempt(
        request,
        lambda: regulator.submission_retry(submission=submission, actor=request.user),
        _("The submission is queued for another push."),
    )
    return redirect("operator:console")


@operator_required
@require_POST
def sms_resend(request, pk):
    """Send a failed SMS again now, after the template, the balance or the number was fixed (audited)."""
    attempt(
        request,
        lambda: sms_outbox.sms_resend(message_id=pk, user=request.user),
        _("The SMS is queued to be sent again."),
    )
    return redirect(reverse("operator:console") + "#sms-outbox")


@operator_required
@require_POST
def push_again(request, pk):
    """An order MIIT returned for an unfinished SMS verification goes to the regulator again (new SMS)."""
    order = get_object_or_404(Order, pk=pk)
    attempt(
        request,
        lambda: regulator.order_push_again(order=order, actor=request.user),
        _("The order is queued to be pushed to the regulator again."),
    )
    return redirect("operator:console")


@operator_required
@require_POST
def record_decision(request, pk):
    """Manual bridge: record what the real regulator decided (number or catalogue reason + note) with evidence."""
    case = get_object_or_404(RegulatorCase.objects.select_related("order__subject"), pk=pk)
    attempt(
        request,
        lambda: regulator.case_record_manual_decision(
            case=case,
            actor=request.user,
            approve=request.POST.get("decision") == "approve",
            subject_number=request.POST.get("subject_number", ""),
            reason_code=request.POST.get("reason_code", ""),
            note=request.POST.get("note", ""),
            evidence=request.FILES.get("evidence"),
        ),
        _("Decision recorded."),
    )
    return redirect("operator:console")


RISK_FILTERS = {
    monitor.OPEN: gettext_lazy("Unresolved"),
    monitor.OVERDUE: gettext_lazy("Past the deadline"),
    monitor.PROPOSED: gettext_lazy("Proposed for cancel access"),
    monitor.RESOLVED: gettext_lazy("Resolved"),
    monitor.ALL: gettext_lazy("All"),
}


@operator_required
def risks(request):
    """The compliance monitor's risks of every tenant: open, past the deadline, proposed for a
    provider-initiated cancel access (an operator decides; nothing is cancelled automatically),
    resolved; and the websites whose latest check could not check something."""
    show = request.GET.get("show", monitor.OPEN)
    if show not in RISK_FILTERS:
        show = monitor.OPEN
    counts = monitor.operator_counts()
    return render(
        request,
        "operator/risks.html",
        {
            "show": show,
            "tabs": [(key, label, counts.get(key)) for key, label in RISK_FILTERS.items()],
            "risks": monitor.risks_for_operators(show),
            "counts": counts,
            "incomplete": monitor.incomplete_checks(),
        },
    )


@operator_required
@require_POST
def monitor_check_all(request):
    """Check every filed website now, due or not (the periodic job checks those due): a task, run
    here in the embedded default, on a worker when Celery has a broker."""
    result = monitor_tasks.monitor_check_all.delay()
    if not result.ready():
        messages.success(request, _("Every website is being checked; the list fills in as the checks finish."))
        return redirect("operator:risks")
    report = result.get()
    messages.success(
        request,
        _(
            "Websites checked: %(checked)s. Risks opened: %(opened)s, resolved: %(resolved)s, proposed for "
            "cancel access: %(proposed)s."
        )
        % {key: report[key] for key in ("checked", "opened", "resolved", "proposed")},
    )
    return redirect("operator:risks")


# --- provider-initiated cancel access (beian.filings.notices) ----------------------------------------


@operator_required
def notices_list(request):
    """Notices due for a decision, waiting for their deadline, proposed by the monitor, and closed."""
    return render(request, "operator/notices.html", {"overview": notices.access_notices_overview(user=request.user)})


@operator_required
def notice_new(request):
    """Find a filed website by number or domain and start a notice for it (the customer is notified)."""
    query = (request.POST.get("q") if request.method == "POST" else request.GET.get("q")) or ""
    form = {"website": "", "reason_code": "", "note": ""}
    if request.method == "POST":
        form = {k: request.POST.get(k, "").strip() for k in form}
        created = {}

        def create():
            record = notices.access_notice_website(user=request.user, pk=form["website"])
            created["notice"] = notices.access_notice_create(
                website_filing=record, operator=request.user, reason_code=form["reason_code"], note=form["note"]
            )

        if attempt(request, create, _("The customer is notified; the deadline runs from today.")):
            return redirect("operator:notice", created["notice"].pk)
    return render(
        request,
        "operator/notice_new.html",
        {
            "q": query,
            "candidates": notices.access_notice_candidates(user=request.user, query=query),
            "reasons": notices.provider_reasons(),
            "form": form,
            "working_days": notices.notice_working_days(),
            "english": (request.LANGUAGE_CODE or "").startswith("en"),
        },
        status=422 if request.method == "POST" else 200,
    )


@operator_required
def notice_detail(request, pk):
    try:
        detail = notices.access_notice_detail(pk=pk, user=request.user)
    except NotFound:
        raise Http404 from None
    return render(request, "operator/notice.html", {"detail": detail, "row": detail.row})


def _notice_action(request, pk, action, success: str):
    try:
        notice = notices.access_notice_detail(pk=pk, user=request.user).row.notice
    except NotFound:
        raise Http404 from None
    attempt(request, lambda: action(notice), success)
    return redirect("operator:notice", pk)


@operator_required
@require_POST
def notice_start(request, pk):
    return _notice_action(
        request,
        pk,
        lambda notice: notices.access_notice_start(notice=notice, operator=request.user),
        _("The customer is notified; the deadline runs from today."),
    )


@operator_required
@require_POST
def notice_withdraw(request, pk):
    return _notice_action(
        request,
        pk,
        lambda notice: notices.access_notice_withdraw(
            notice=notice, operator=request.user, note=request.POST.get("close_note", "")
        ),
        _("The notice is withdrawn; our access stays."),
    )


@operator_required
@require_POST
def notice_confirm(request, pk):
    """After the deadline: file the cancel access (the order goes to the regulator outbox)."""
    try:
        notice = notices.access_notice_detail(pk=pk, user=request.user).row.notice
        order = notices.access_notice_confirm(notice=notice, operator=request.user)
    except NotFound:
        raise Http404 from None
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("operator:notice", pk)
    messages.success(
        request,
        _("Cancel access %(reference)s is filed and queued for the regulator.") % {"reference": order.reference},
    )
    return redirect(f"{reverse('operator:notice', args=[pk])}#order")


# --- webhooks to the partner platforms (beian.webhooks) -----------------------------------------------


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


LOG_ROWS = 100  # the newest deliveries the page lists; filters narrow them, the API pages through all


@operator_required
def webhooks(request):
    """Every platform's endpoints and the newest deliveries, filtered by status, event type, platform
    and endpoint."""
    status = request.GET.get("status", "")
    event_type = request.GET.get("type", "")
    where = webhook_selectors.LogFilter(
        status=status if status in DeliveryStatus.values else "",
        event_type=event_type if event_type in webhook_events.EVENT_TYPES else "",
        platform_id=_int_or_none(request.GET.get("platform")),
        endpoint_id=_int_or_none(request.GET.get("endpoint")),
    )
    log = webhook_selectors.deliveries(where=where)
    return render(
        request,
        "operator/webhooks.html",
        {
            "endpoints": webhook_selectors.endpoints(),
            "log": log[:LOG_ROWS],
            "more": log[LOG_ROWS : LOG_ROWS + 1].exists(),
            "log_rows": LOG_ROWS,
            "where": where,
            "statuses": DeliveryStatus.choices,
            "event_types": list(webhook_events.EVENT_TYPES.items()),
            "platforms": Platform.objects.order_by("name"),
        },
    )


@operator_required
def webhook_delivery(request, pk):
    """One delivery: its event's payload as sent, the endpoint, every attempt, and what it waits for."""
    try:
        delivery = webhook_selectors.delivery_for(pk)
    except NotFound:
        raise Http404 from None
    return render(
        request,
        "operator/webhook_delivery.html",
        {
            "delivery": delivery,
            "payload": json.dumps(delivery.event.payload, ensure_ascii=False, indent=2),
            "attempts": delivery.attempt_log.all(),
            "waiting_behind": webhook_selectors.waiting_behind(delivery),
            "replayable": delivery.status in webhook_services.REPLAYABLE,
        },
    )


@operator_required
@require_POST
def webhook_replay(request, pk):
    """Send a delivered, failed or dead delivery again now (audited)."""
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    attempt(
        request,
        lambda: webhook_services.delivery_replay(delivery=delivery, actor=request.user),
        _("The delivery is queued to be sent again."),
    )
    return redirect("operator:webhook_delivery", pk)


# --- partner platforms and their service tokens (beian.accounts.tokens) ------------------------------


@operator_required
def platforms(request):
    """The site-building platforms that call the partner API; an operator creates one here, then issues
    it tokens on its page."""
    form = {"name": "", "slug": ""}
    if request.method == "POST":
        form = {key: request.POST.get(key, "").strip() for key in form}
        made: dict = {}

        def create():
            made["platform"] = provisioning.platform_create(name=form["name"], slug=form["slug"], actor=request.user)

        if attempt(request, create, _("The platform is created. Issue it a token below.")):
            return redirect("operator:platform", made["platform"].slug)
    return render(
        request,
        "operator/platforms.html",
        {"platforms": provisioning.platforms_overview(), "form": form},
        status=422 if request.method == "POST" else 200,
    )


TOKEN_FORM = {"name": "", "scopes": [], "expires_on": "", "rate_limit_per_minute": "600"}


def _token_options(form: dict) -> dict:
    """The issue form's fields as platform_token_issue takes them (ValidationFailed for what is no date or
    number). A token expires at the end of the day entered, in the service's time zone."""
    options: dict = {"name": form["name"], "scopes": form["scopes"]}
    if form["expires_on"]:
        try:
            day = dt.date.fromisoformat(form["expires_on"])
        except ValueError:
            raise ValidationFailed(
                _("Enter the expiry as a date (YYYY-MM-DD), or leave it empty for a token that does not expire."),
                field="expires_on",
                code="token.expiry_invalid",
            ) from None
        options["expires_at"] = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
    try:
        options["rate_limit_per_minute"] = int(form["rate_limit_per_minute"] or 0)
    except ValueError:
        raise ValidationFailed(
            _("Enter the rate limit as a whole number of requests per minute."),
            field="rate_limit_per_minute",
            code="token.rate_limit_invalid",
        ) from None
    return options


@operator_required
def platform_detail(request, slug):
    """A platform's tokens (prefix, scopes, expiry, last use, revoked) and the form to issue one. A new
    token's key is shown once, in the answer to the POST that issued it, and never stored."""
    platform = get_object_or_404(Platform, slug=slug)
    form = {**TOKEN_FORM}
    issued = None
    if request.method == "POST":
        form = {
            "name": request.POST.get("name", "").strip(),
            "scopes": request.POST.getlist("scopes"),
            "expires_on": request.POST.get("expires_on", "").strip(),
            "rate_limit_per_minute": request.POST.get("rate_limit_per_minute", "").strip(),
        }
        try:
            token, key = tokens.platform_token_issue(platform=platform, actor=request.user, **_token_options(form))
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            issued = {"token": token, "key": key}
            form = {**TOKEN_FORM}
    now = clock.now()
    rows = []
    for token_row in platform.tokens.select_related("created_by").order_by("-created_at", "-pk"):
        status = tokens.token_status(token_row, now)
        rows.append({"token": token_row, "status": status, "status_label": tokens.STATUS_LABELS[status]})
    response = render(
        request,
        "operator/platform.html",
        {
            "platform": platform,
            "tokens": rows,
            "scopes": list(tokens.SCOPES.items()),
            "form": form,
            "issued": issued,
            "organisation_count": provisioning.platform_organisations(platform).count(),
        },
        status=422 if request.method == "POST" and issued is None else 200,
    )
    if issued:
        response["Cache-Control"] = "no-store"  # the key is in this page only: no copy in any cache
    return response


@operator_required
def platform_token_revoke(request, slug, pk):
    """Ask, then revoke: calls with the token are refused (401) from the next request on."""
    token = get_object_or_404(PlatformToken.objects.select_related("platform"), pk=pk, platform__slug=slug)
    if request.method == "POST":
        tokens.platform_token_revoke(token=token, actor=request.user)
        messages.success(
            request,
            _("The token %(prefix)s… is revoked: calls with it are refused from now on.") % {"prefix": token.prefix},
        )
        return redirect("operator:platform", slug)
    return render(
        request,
        "operator/platform_token_revoke.html",
        {"platform": token.platform, "token": token, "status": tokens.token_status(token)},
    )


# --- service codes (备案服务码, rules file §8.6; beian.filings.service_codes) ------------------------------


@operator_required
def service_codes_list(request):
    """Find a code (by code, site, account) and see what became of it; switch whether a valid code is
    required to start a filing (POST `required`: "1" or "0"), which applies on the next request."""
    if request.method == "POST":
        required = request.POST.get("required") == "1"
        attempt(
            request,
            lambda: service_codes.code_requirement_set(required=required, actor=request.user),
            _("A valid service code is now required to start a filing.")
            if required
            else _("A filing can now be started without a service code."),
        )
        return redirect("operator:service_codes")
    q, state = (request.GET.get("q") or "").strip(), request.GET.get("state", "")
    rows = list(service_codes.codes_search(q=q, state=state)[:100])
    return render(
        request,
        "operator/service_codes.html",
        {
            "rows": rows,
            "q": q,
            "state": state if state in codes.ALL else "",
            "states": service_codes.STATE_CHOICES,
            "required": service_codes.code_required(),
            "policy": service_codes.code_policy(),
        },
    )


@operator_required
@require_POST
def service_code_void(request, pk):
    """Void an unused code (a code given out by mistake, or seen where it should not be)."""
    code = get_object_or_404(service_codes.codes_search(), pk=pk)
    attempt(
        request,
        lambda: service_codes.service_code_void(code=code, actor=request.user, reason=request.POST.get("reason", "")),
        _("Service code %(code)s is void; its place in the quota is free again.") % {"code": code.code},
    )
    return redirect(f"{reverse('operator:service_codes')}?q={code.code}")


# --- the audit log ------------------------------------------------------------------------------

AUDIT_PAGE_ROWS = 200
AUDIT_EXPORT_ROWS = 50_000


def _audit_filters(params) -> tuple[dict, bool]:
    """The page's filters from its query; False when a date or the account id could not be read."""
    valid = True

    def date(name):
        nonlocal valid
        raw = (params.get(name) or "").strip()
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            valid = False
            return None

    raw_organisation = (params.get("organisation") or "").strip()
    if raw_organisation and not raw_organisation.isdigit():
        valid = False
    return {
        "action": (params.get("action") or "").strip()[:80],
        "actor": (params.get("actor") or "").strip()[:150],
        "organisation_id": int(raw_organisation) if raw_organisation.isdigit() else None,
        "start": date("from"),
        "end": date("to"),
    }, valid


@operator_required
def audit_log(request):
    """Every audited event (state changes, PII views and reveals, admin changes), filtered by action,
    actor, account and period; `?format=csv` exports what the filters match."""
    filters, valid = _audit_filters(request.GET)
    if not valid:
        messages.error(request, _("Enter dates as YYYY-MM-DD and the account as its number."))
    events = audit.events_matching(**filters)
    if request.GET.get("format") == "csv":
        return _audit_csv(request, events, filters)
    return render(
        request,
        "operator/audit_log.html",
        {
            "events": events[:AUDIT_PAGE_ROWS],
            "limit": AUDIT_PAGE_ROWS,
            "actions": audit.action_names(),
            "filters": filters,
            "query": request.GET.urlencode(),
        },
    )


def _audit_csv(request, events, filters):
    audit.record(
        action="audit.exported",
        target_type="core.auditevent",
        actor=request.user,
        data={k: str(v) for k, v in filters.items() if v not in (None, "")},
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{clock.today():%Y%m%d}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 (Chinese names) only with the BOM
    writer = csv.writer(response)
    writer.writerow(["at", "actor", "organisation", "action", "target_type", "target_id", "data"])
    for event in events[:AUDIT_EXPORT_ROWS].iterator():
        writer.writerow(
            [
                timezone.localtime(event.at).isoformat(),
                event.actor_label,
                event.organisation_id or "",
                event.action,
                event.target_type,
                event.target_id,
                json.dumps(event.data, ensure_ascii=False, sort_keys=True),
            ]
        )
    return response
