"""Operator console: the business clock, the regulator outbox (retry parked pushes, push returned
orders again), the sandbox SMS outbox, the manual regulator bridge, the working-day calendar, and
the compliance monitor's risks and provider-initiated cancel access (notices: start, withdraw,
confirm after the deadline). Views parse, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beian.accounts.permissions import operator_required
from beian.core import clock
from beian.core import workdays as working_calendar
from beian.core.exceptions import DomainError, NotFound
from beian.core.jobs import run_periodic_jobs
from beian.core.views import attempt
from beian.filings import fields as order_fields
from beian.filings import notices, records, states
from beian.filings.models import Order
from beian.monitor import selectors as monitor
from beian.monitor import tasks as monitor_tasks
from beian.notifications.models import SmsMessage
from beian.reference.choices import rejection_reasons
from beian.reference.services import calendar_enter_year
from beian.regulator import services as regulator
from beian.regulator.models import RegulatorCase, Submission
from beian.review.record import record_view


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
            "sms": SmsMessage.objects.select_related("order")[:30],
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
