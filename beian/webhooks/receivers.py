"""What turns into a webhook event, written inside the transaction of the change itself (so an
event exists exactly when its change committed; a process dying after the commit loses nothing):

- an order's timeline event of a transition (filings.OrderEvent, saved by `order_transition`
  in its transaction): order.status_changed, and order.returned / order.sms_verification_waiting /
  order.filed for what the new status means;
- a record event (filings.RecordEvent, saved where the records change): record.changed or
  record.cancelled;
- a risk the compliance monitor opened (monitor.Risk; referred to by its label: webhooks and the
  monitor are siblings in the layers and import nothing of each other): risk.found;
- a domain's gate decision (beian.hosting.signals.gate_decision_changed, sent where the entry is
  written): gate.decision_changed, once per domain and change (several addresses decide as one).

filings' own `order_transitioned` and `record_changed` are sent after commit, too late for that
guarantee; the outbox is kicked on commit instead (services.events_publish).

Only organisations of a partner platform (Organisation.platform) have events, for that platform's
endpoints. A failure here is logged and never undoes the change (its savepoint is rolled back).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from beian.accounts.models import Organisation
from beian.filings.models import Order, OrderEvent, RecordEvent, SubjectFiling
from beian.hosting.signals import gate_decision_changed
from beian.webhooks import events, payloads
from beian.webhooks.models import WebhookEvent
from beian.webhooks.services import events_publish

logger = logging.getLogger(__name__)


def _publish(platform_id: int | None, organisation_id: int, build, source: str | None) -> None:
    if platform_id is None:
        return
    try:
        with transaction.atomic():
            events_publish(platform_id=platform_id, organisation_id=organisation_id, built=build(), source=source)
    except Exception:  # the change stands; its event is lost, loudly
        logger.exception("webhooks: event for %s not written", source or "a gate decision")


@receiver(post_save, sender=OrderEvent, dispatch_uid="webhooks-order-event")
def order_event_saved(instance: OrderEvent, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw or not (instance.from_status and instance.to_status):
        return  # notes, claims and the creation of a draft are no status change
    row = Order.objects.filter(pk=instance.order_id).values("organisation_id", "organisation__platform_id").first()
    if row:
        _publish(
            row["organisation__platform_id"],
            row["organisation_id"],
            lambda: payloads.order_event(instance),
            f"order_event:{instance.pk}",
        )


@receiver(post_save, sender=RecordEvent, dispatch_uid="webhooks-record-event")
def record_event_saved(instance: RecordEvent, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    row = (
        SubjectFiling.objects.filter(pk=instance.subject_filing_id)
        .values("organisation_id", "organisation__platform_id")
        .first()
    )
    if row:
        _publish(
            row["organisation__platform_id"],
            row["organisation_id"],
            lambda: [payloads.record_event(instance)],
            f"record_event:{instance.pk}",
        )


def risk_saved(instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    platform_id = Organisation.objects.filter(pk=instance.organisation_id).values_list("platform_id", flat=True).first()
    _publish(platform_id, instance.organisation_id, lambda: [payloads.risk(instance)], f"risk:{instance.pk}")


post_save.connect(risk_saved, sender="monitor.Risk", dispatch_uid="webhooks-risk-opened")


@receiver(gate_decision_changed, dispatch_uid="webhooks-gate-decision")
def gate_decision(
    *,
    domain: str,
    site_id: int,
    organisation_id: int,
    previous: str,
    access: str,
    reason: str,
    filing_number: str,
    **kw,
) -> None:
    if not domain:
        return  # a site without a domain: its platform address is blocked, no domain to speak of
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or organisation.platform_id is None:
        return
    last = (
        WebhookEvent.objects.filter(
            platform_id=organisation.platform_id,
            ordering_key=f"domain:{domain}",
            type=events.GATE_DECISION_CHANGED,
            organisation_id=organisation_id,
        )
        .order_by("-pk")
        .values_list("payload", flat=True)
        .first()
    )
    if last is not None:
        announced = last["data"]["access"]
        if announced == access:
            return  # another address of the same domain announced it
        previous = announced
    _publish(
        organisation.platform_id,
        organisation_id,
        lambda: [
            payloads.gate_decision(
                organisation=organisation,
                domain=domain,
                site_id=site_id,
                previous=previous,
                access=access,
                reason=reason,
                number=filing_number,
            )
        ],
        None,
    )
