"""Operator console: the business clock, sandbox controls, SMS outbox, manual regulator bridge."""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.permissions import operator_required
from beian.core import clock
from beian.core.exceptions import DomainError
from beian.core.jobs import run_periodic_jobs
from beian.notifications.models import SmsMessage
from beian.reference.choices import rejection_reasons
from beian.regulator.models import RegulatorCase, Submission
from beian.regulator.services import adapter, case_decide


@operator_required
def console(request):
    return render(request, "review/operator.html", {
        "now": clock.now(), "adapter": adapter().name,
        "sms": SmsMessage.objects.select_related("order")[:30],
        "cases": RegulatorCase.objects.select_related("order", "order__website").order_by("-received_at")[:30],
        "parked": Submission.objects.filter(status=Submission.Status.PARKED).select_related("order"),
        "reasons": rejection_reasons(),
    })


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
    messages.success(request, _("Business time moved forward %(days)s days; %(n)s regulator updates.")
                     % {"days": days, "n": report.get("regulator", 0)})
    return redirect("operator:console")


@operator_required
@require_POST
def record_decision(request, pk):
    """Manual bridge: record what the real regulator decided (number or rejection reason)."""
    case = RegulatorCase.objects.select_related("order").filter(pk=pk, stage=RegulatorCase.Stage.REVIEW).first()
    if case is None:
        messages.error(request, _("That case is not waiting for a decision."))
        return redirect("operator:console")
    approve = request.POST.get("decision") == "approve"
    try:
        if approve:
            number = request.POST.get("subject_number", "").strip()
            case_decide(case, approve=True, decided_by=request.user.get_username(), actor=request.user,
                        subject_number=number)
        else:
            code = request.POST.get("reason_code", "")
            if code not in dict(rejection_reasons()):
                raise DomainError(_("Choose a reason from the catalogue."))
            case_decide(case, approve=False, decided_by=request.user.get_username(), actor=request.user,
                        reason_code=code, note=request.POST.get("note", ""))
        if request.FILES.get("evidence"):
            case.evidence.save(f"regulator/{case.reference}-{request.FILES['evidence'].name}", request.FILES["evidence"])
        messages.success(request, _("Decision recorded."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("operator:console")
