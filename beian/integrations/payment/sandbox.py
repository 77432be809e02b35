"""The default gateway: a sandbox that behaves like a hosted checkout, with nothing leaving the
machine (no real gateway is reachable from here).

- `create` gives a payment id derived from our reference (creating again finds the same payment)
  and a checkout page (beian.integrations.views.sandbox_checkout) that carries the payment signed;
- on that page the customer pays or cancels; the sandbox declines amounts whose fen are 44
  (e.g. ¥0.44, ¥199.44), as card sandboxes decline their test numbers;
- the outcome goes back as a notification signed with the site's secret (django.core.signing,
  salted for payments), valid for a day; an altered or forged one is refused.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.core import signing
from django.urls import reverse

from beian.integrations.payment.base import (
    Outcome,
    PaymentError,
    PaymentNotification,
    PaymentRequest,
    PaymentSession,
)

CHECKOUT_SALT = "beian.integrations.payment.sandbox.checkout"
NOTIFY_SALT = "beian.integrations.payment.sandbox.notify"
DECLINE_FEN = 44  # amounts ending in .44 are declined
MAX_AGE_SECONDS = 24 * 3600


def payment_id_of(reference: str) -> str:
    return "SBX" + hashlib.sha256(f"sandbox-payment:{reference}".encode()).hexdigest()[:20].upper()


def declines(amount: Decimal) -> bool:
    return int((amount * 100) % 100) == DECLINE_FEN


def checkout_payload(token: str) -> dict:
    """The payment a checkout link carries (PaymentError when altered or too old)."""
    try:
        return signing.loads(token, salt=CHECKOUT_SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as exc:
        raise PaymentError("sandbox.bad_checkout", "the checkout link is altered or expired") from exc


def notification_token(payload: dict, outcome: Outcome) -> str:
    """The signed notification for a decision taken on the checkout page (a payment the sandbox
    declines is declined whatever the customer pressed, except a cancel)."""
    if outcome is Outcome.PAID and declines(Decimal(payload["amount"])):
        outcome = Outcome.DECLINED
    return signing.dumps(
        {
            "payment_id": payload["payment_id"],
            "reference": payload["reference"],
            "amount": payload["amount"],
            "outcome": outcome.value,
            "message": "sandbox: card declined" if outcome is Outcome.DECLINED else "",
        },
        salt=NOTIFY_SALT,
    )


class SandboxPaymentGateway:
    name = "sandbox"

    def create(self, request: PaymentRequest) -> PaymentSession:
        if request.amount <= 0:
            raise PaymentError("sandbox.bad_amount", "the amount must be positive")
        payment_id = payment_id_of(request.reference)
        token = signing.dumps(
            {
                "payment_id": payment_id,
                "reference": request.reference,
                "amount": str(request.amount.quantize(Decimal("0.01"))),
                "description": request.description,
                "return_url": request.return_url,
            },
            salt=CHECKOUT_SALT,
        )
        return PaymentSession(
            payment_id=payment_id, checkout_url=reverse("integrations:sandbox_checkout", args=[token])
        )

    def read_notification(self, token: str) -> PaymentNotification:
        try:
            data = signing.loads(token, salt=NOTIFY_SALT, max_age=MAX_AGE_SECONDS)
            return PaymentNotification(
                payment_id=data["payment_id"],
                reference=data["reference"],
                amount=Decimal(data["amount"]),
                outcome=Outcome(data["outcome"]),
                message=data.get("message", ""),
            )
        except (signing.BadSignature, KeyError, ValueError, TypeError, ArithmeticError) as exc:
            raise PaymentError("sandbox.bad_notification", "the notification is not genuine") from exc
