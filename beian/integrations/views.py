"""The payment sandbox's hosted checkout page (beian.integrations.payment.sandbox): it stands in
for the gateway's own page, so it asks for no sign-in of ours; the link carries the payment signed."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from beian.integrations.payment import Outcome, PaymentError
from beian.integrations.payment.sandbox import DECLINE_FEN, checkout_payload, declines, notification_token


@never_cache
def sandbox_checkout(request, token: str):
    try:
        payment = checkout_payload(token)
    except PaymentError:
        return HttpResponseBadRequest(_("This checkout link is altered or has expired."))
    if not url_has_allowed_host_and_scheme(payment["return_url"], allowed_hosts={request.get_host()}):
        return HttpResponseBadRequest(_("This checkout link is altered or has expired."))
    if request.method == "POST":
        outcome = Outcome.CANCELLED if request.POST.get("action") == "cancel" else Outcome.PAID
        separator = "&" if "?" in payment["return_url"] else "?"
        query = urlencode({"notification": notification_token(payment, outcome)})
        return redirect(payment["return_url"] + separator + query)
    return render(
        request,
        "integrations/sandbox_checkout.html",
        {
            "payment": payment,
            "amount": Decimal(payment["amount"]),
            "declines": declines(Decimal(payment["amount"])),
            "decline_fen": DECLINE_FEN,
        },
    )
