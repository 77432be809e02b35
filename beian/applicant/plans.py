"""The organisation's plan, the assisted filing service on an order, the payment gateway's
return and notification, and receipts. Views parse input, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from beian.accounts.permissions import applicant_required
from beian.core.exceptions import DomainError
from beian.filings import selectors as filing_selectors
from beian.plans import selectors, services
from beian.plans.models import Payment
from beian.plans.receipt import receipt_pdf, receipt_rows

SETTLED_MESSAGES = {
    Payment.Status.DECLINED: gettext_noop("The payment was declined; nothing was charged. You can try again."),
    Payment.Status.CANCELLED: gettext_noop("The payment was cancelled; nothing was charged."),
}
NOT_COMPLETE = gettext_noop("The payment is not complete yet.")


@applicant_required
@never_cache
def plan(request):
    payments = list(
        Payment.objects.filter(organisation=request.organisation).select_related("order").order_by("-created_at")[:50]
    )
    return render(
        request,
        "applicant/plan.html",
        {"offer": selectors.assisted_offer(request.organisation), "plans": selectors.plans(), "payments": payments},
    )


@applicant_required
@require_POST
def assisted_request(request, pk):
    order = filing_selectors.order_for_organisation(request.organisation, pk)
    return_url = reverse("applicant:payment_return", args=["NUMBER"]).replace("NUMBER", "{number}")
    try:
        result = services.assisted_service_request(order=order, user=request.user, return_url=return_url)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:order", order.pk)
    if result.payment is not None:
        return redirect(result.payment.checkout_url)
    messages.success(
        request,
        _("The assisted filing service is on: our staff may fill in this filing for you, and it is reviewed first."),
    )
    return redirect("applicant:order", order.pk)


@applicant_required
@never_cache
def payment_return(request, number):
    """Where the gateway's checkout page sends the applicant back, with its signed notification."""
    payment = selectors.payment_for_organisation(request.organisation, number)
    try:
        notification = services.payment_notification_read(request.GET.get("notification", ""))
        if notification.reference != payment.number:
            raise Http404
        payment = services.payment_settle(notification=notification)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applicant:order", payment.order_id)
    if payment.status == Payment.Status.PAID:
        messages.success(request, _("Paid. The assisted filing service is on for this filing; here is your receipt."))
        return redirect("applicant:receipt", payment.number)
    messages.error(request, _(SETTLED_MESSAGES.get(payment.status, NOT_COMPLETE)))
    return redirect("applicant:order", payment.order_id)


@csrf_exempt  # the gateway's server posts here; the notification's own signature is checked instead
@require_POST
def payment_notify(request):
    """The gateway's asynchronous notification (a real gateway posts it; the sandbox's arrives with
    the applicant's browser). Answers `success` once settled, as gateways expect, also on a repeat."""
    try:
        services.payment_settle(notification=services.payment_notification_read(request.POST.get("notification", "")))
    except DomainError as exc:
        return HttpResponse(exc.code, status=exc.status, content_type="text/plain")
    return HttpResponse("success", content_type="text/plain")


def _paid(request, number) -> Payment:
    payment = selectors.payment_for_organisation(request.organisation, number)
    if payment.status != Payment.Status.PAID:
        raise Http404
    return payment


@applicant_required
def receipt(request, number):
    payment = _paid(request, number)
    return render(request, "applicant/receipt.html", {"payment": payment, "rows": receipt_rows(payment)})


@applicant_required
def receipt_download(request, number):
    payment = _paid(request, number)
    response = HttpResponse(receipt_pdf(receipt_rows(payment)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="receipt-{payment.receipt_number}.pdf"'
    return response
