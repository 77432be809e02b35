"""The webhook event types: stable names, a contract with the partner platforms (never rename one;
add a new one). docs/webhooks.md documents each payload."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ORDER_STATUS_CHANGED = "order.status_changed"
ORDER_RETURNED = "order.returned"
ORDER_SMS_VERIFICATION_WAITING = "order.sms_verification_waiting"
ORDER_FILED = "order.filed"
RECORD_CHANGED = "record.changed"
RECORD_CANCELLED = "record.cancelled"
RISK_FOUND = "risk.found"
GATE_DECISION_CHANGED = "gate.decision_changed"
WEBHOOK_TEST = "webhook.test"

EVENT_TYPES = {
    ORDER_STATUS_CHANGED: _("An order changed status"),
    ORDER_RETURNED: _("An order was returned for changes (with the returned fields)"),
    ORDER_SMS_VERIFICATION_WAITING: _("The regulator's SMS verification is waiting for the principals"),
    ORDER_FILED: _("An order was approved by the regulator (with the filing numbers)"),
    RECORD_CHANGED: _("A filing record changed"),
    RECORD_CANCELLED: _("A filing record (subject, website or our access) was cancelled"),
    RISK_FOUND: _("The compliance monitor found a risk"),
    GATE_DECISION_CHANGED: _("What a domain serves changed (serve, maintenance, block)"),
    WEBHOOK_TEST: _("A test event sent on request"),
}
# what an endpoint may subscribe to (the test event is sent to the endpoint it is asked for, always)
SUBSCRIBABLE = tuple(t for t in EVENT_TYPES if t != WEBHOOK_TEST)
