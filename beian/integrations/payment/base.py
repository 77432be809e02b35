"""The payment gateway interface: what beian.plans hands a gateway and what comes back.

A payment is created at the gateway for our payment number (`reference`) and an amount in CNY; the
customer pays on the gateway's checkout page; the gateway tells us the outcome with a signed
notification (carried back by the customer's browser to `return_url`, and posted to our notify
endpoint by real gateways). A notification may arrive more than once: the caller settles
idempotently. Plain data in and out; no Django models here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Protocol


class Outcome(StrEnum):
    PAID = "paid"
    DECLINED = "declined"  # the payment failed (card declined, balance, risk control)
    CANCELLED = "cancelled"  # the customer cancelled on the checkout page


@dataclass(frozen=True)
class PaymentRequest:
    reference: str  # our payment number, echoed back in the notification
    amount: Decimal  # CNY, two decimals
    description: str
    return_url: str  # where the checkout page sends the customer back, with the notification


@dataclass(frozen=True)
class PaymentSession:
    payment_id: str  # the gateway's id of the payment
    checkout_url: str  # where the customer pays


@dataclass(frozen=True)
class PaymentNotification:
    payment_id: str
    reference: str
    amount: Decimal
    outcome: Outcome
    message: str = ""  # the gateway's words on a declined payment


class PaymentError(Exception):
    """The gateway refused the request, or a notification is forged, altered or unreadable."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message


class PaymentGateway(Protocol):
    name: str

    def create(self, request: PaymentRequest) -> PaymentSession:
        """Create (or, for the same reference, find again) the payment at the gateway."""

    def read_notification(self, token: str) -> PaymentNotification:
        """Verify a notification's signature and read it; raise PaymentError when it is not genuine."""
