"""Payment gateways behind one interface (base.PaymentGateway), chosen by BEIAN_PAYMENT_GATEWAY.
Only `sandbox` (the default) exists: no real gateway is reachable from here; a real one (Alipay,
WeChat Pay) implements the same two calls."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from beian.integrations.payment.base import (
    Outcome,
    PaymentError,
    PaymentGateway,
    PaymentNotification,
    PaymentRequest,
    PaymentSession,
)

GATEWAYS = ("sandbox",)

__all__ = [
    "GATEWAYS",
    "Outcome",
    "PaymentError",
    "PaymentGateway",
    "PaymentNotification",
    "PaymentRequest",
    "PaymentSession",
    "gateway",
]


def gateway_name() -> str:
    return (settings.PAYMENT_GATEWAY or "sandbox").strip().lower()


def gateway() -> PaymentGateway:
    from beian.integrations.payment.sandbox import SandboxPaymentGateway  # like the SMS gateways, loaded when chosen

    return SandboxPaymentGateway()


def check_configuration() -> None:
    """At start-up: an unknown gateway name stops the process rather than every payment failing later."""
    if gateway_name() not in GATEWAYS:
        raise ImproperlyConfigured(
            f"BEIAN_PAYMENT_GATEWAY must be one of {', '.join(GATEWAYS)}, not {gateway_name()!r}"
        )
