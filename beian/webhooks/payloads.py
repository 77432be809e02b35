"""What each webhook event says (its `data`), built from the row that caused it, inside the
transaction of the change. Ids, statuses, filing numbers, field paths, domains (A-labels) and
dates: never a name, an ID-card number, a mobile or an address (those stay with the filing rows,
encrypted). `account` names the partner's own account (`Organisation.external_id`).

Each builder returns (event type, ordering key, data) tuples; docs/webhooks.md shows examples.
"""

from __future__ import annotations

from beian.filings import states
from beian.filings.models import Order, OrderEvent, RecordEvent, Website
from beian.rules.domains import record_domain
from beian.webhooks import events

Built = tuple[str, str, dict]

CANCELLED_ACTIONS = frozenset({"subject_cancelled", "website_cancelled", "access_cancelled"})


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _domain(value: str) -> str:
    return record_domain(value) or value


def account(organisation) -> dict:
    return {"id": organisation.pk, "external_id": organisation.external_id or ""}


def _order(order: Order) -> dict:
    websites = list(Website.objects.filter(order=order).order_by("position", "pk"))
    if not websites:  # an order against a record names its first website only
        websites = [order.website]
    return {
        "id": order.pk,
        "reference": order.reference,
        "filing_type": order.filing_type,
        "status": order.status,
        "site_ids": sorted({w.hosted_site_id for w in websites if w.hosted_site_id}),
        "domains": [_domain(w.domain) for w in websites if w.domain],
    }


def order_event(event: OrderEvent) -> list[Built]:
    """An order's transition: order.status_changed, and the event of what it means (returned, SMS
    verification waiting, filed), in that order."""
    order = Order.objects.select_related("organisation", "website").get(pk=event.order_id)
    key = f"order:{order.pk}"
    base = {
        "account": account(order.organisation),
        "order": _order(order),
        "event": event.event,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "at": _iso(event.at),
    }
    data = event.data or {}
    built: list[Built] = [(events.ORDER_STATUS_CHANGED, key, base)]
    if event.to_status == states.PROVIDER_NEEDS_CHANGES:
        returns = [
            {"field": r.get("field", ""), "reason_code": r.get("reason_code", ""), "note": r.get("note", "")}
            for r in data.get("returns", [])
        ]
        built.append((events.ORDER_RETURNED, key, {**base, "returned_fields": returns}))
    elif event.to_status == states.SMS_VERIFICATION:
        sms = {"roles": list(data.get("sms_roles", [])), "deadline": data.get("sms_deadline")}
        built.append((events.ORDER_SMS_VERIFICATION_WAITING, key, {**base, "sms_verification": sms}))
    elif event.to_status == states.APPROVED:
        websites = Website.objects.filter(order=order).order_by("position", "pk")
        filed = {
            "subject_number": data.get("subject_number") or "",
            "websites": [
                {"number": w.filing_number or "", "domain": _domain(w.domain)} for w in websites if w.filing_number
            ],
            "numbers_kept": bool(data.get("numbers_kept")),
            "record_order": data.get("record_order") or "",
        }
        built.append((events.ORDER_FILED, key, {**base, "filing": filed}))
    return built


def record_event(event: RecordEvent) -> Built:
    """A change of the standing records (record.changed / record.cancelled), as its history names it."""
    subject_filing, website_filing = event.subject_filing, event.website_filing
    data = event.data or {}
    kind = events.RECORD_CANCELLED if event.action in CANCELLED_ACTIONS else events.RECORD_CHANGED
    body = {
        "account": account(subject_filing.organisation),
        "action": event.action,
        "subject_filing": {"id": subject_filing.pk, "number": subject_filing.filing_number},
        "website_filing": (
            {"id": website_filing.pk, "number": website_filing.filing_number} if website_filing is not None else None
        ),
        "order_id": event.order_id,
        "domains": [_domain(d) for d in data.get("domains", [])],
        "changed_fields": list(data.get("fields", [])),
        "reason_code": data.get("reason_code", ""),
        "at": _iso(event.at),
    }
    return kind, f"record:{subject_filing.pk}", body


def risk(risk_row) -> Built:
    """A risk the compliance monitor opened (beian.monitor.models.Risk: it holds no PII)."""
    website_filing = risk_row.website_filing
    body = {
        "account": account(risk_row.organisation),
        "risk": {
            "id": risk_row.pk,
            "kind": risk_row.kind,
            "code": risk_row.code,
            "severity": risk_row.severity,
            "concerns": risk_row.target,
            "found_at": _iso(risk_row.found_at),
            "rectify_by": risk_row.deadline.isoformat(),
            "message_zh": risk_row.message_zh,
            "message_en": risk_row.message_en,
        },
        "subject_filing": {"id": risk_row.subject_filing_id, "number": risk_row.subject_filing.filing_number},
        "website_filing": (
            {"id": website_filing.pk, "number": website_filing.filing_number} if website_filing is not None else None
        ),
    }
    return events.RISK_FOUND, f"record:{risk_row.subject_filing_id}", body


def gate_decision(*, organisation, domain: str, site_id: int, previous: str, access: str, reason: str, number: str):
    """What a domain serves changed (beian.hosting.signals.gate_decision_changed)."""
    body = {
        "account": account(organisation),
        "domain": domain,
        "site_id": site_id,
        "previous_access": previous or None,
        "access": access,
        "reason": reason,
        "filing_number": number or "",
    }
    return events.GATE_DECISION_CHANGED, f"domain:{domain}", body
