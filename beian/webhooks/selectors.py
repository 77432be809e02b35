"""Reading endpoints and the delivery log: for the operator console (every platform) and for a
platform's API (its own only: pass `platform`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from beian.core import clock
from beian.core.exceptions import NotFound, ValidationFailed
from beian.webhooks import schedule
from beian.webhooks.models import (
    DeliveryStatus,
    EndpointSecret,
    WebhookDelivery,
    WebhookEndpoint,
)


def endpoints(*, platform=None) -> QuerySet[WebhookEndpoint]:
    rows = WebhookEndpoint.objects.select_related("platform").annotate(
        undelivered=Count(
            "deliveries",
            filter=Q(deliveries__status__in=[DeliveryStatus.FAILED, DeliveryStatus.DEAD, DeliveryStatus.WAITING]),
        )
    )
    return (rows.filter(platform=platform) if platform is not None else rows).order_by("platform__name", "pk")


def endpoint_for(pk: int, *, platform=None) -> WebhookEndpoint:
    row = endpoints(platform=platform).filter(pk=pk).first()
    if row is None:
        raise NotFound(_("No such webhook endpoint."), code="webhook.endpoint_not_found")
    return row


@dataclass(frozen=True)
class SecretView:
    """A secret as it may be shown: which one (its prefix), since and until when, whether it signs now."""

    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    signing: bool


def secrets_of(endpoint: WebhookEndpoint) -> list[SecretView]:
    """Its secrets, newest first (never the secret itself)."""
    now = clock.now()
    return [
        SecretView(s.prefix, s.created_at, s.expires_at, s.expires_at is None or s.expires_at > now)
        for s in EndpointSecret.objects.filter(endpoint=endpoint).order_by("-created_at", "-pk")
    ]


@dataclass(frozen=True)
class LogFilter:
    status: str = ""
    event_type: str = ""
    platform_id: int | None = None
    endpoint_id: int | None = None
    order_id: int | None = None


def deliveries(*, platform=None, where: LogFilter = LogFilter()) -> QuerySet[WebhookDelivery]:
    """The delivery log, newest first."""
    if where.status and where.status not in DeliveryStatus.values:
        raise ValidationFailed(_("Unknown delivery status: %(s)s") % {"s": where.status}, code="invalid_request")
    rows = WebhookDelivery.objects.select_related("event", "event__organisation", "endpoint", "endpoint__platform")
    if platform is not None:
        rows = rows.filter(endpoint__platform=platform)
    if where.platform_id:
        rows = rows.filter(endpoint__platform_id=where.platform_id)
    if where.status:
        rows = rows.filter(status=where.status)
    if where.event_type:
        rows = rows.filter(event__type=where.event_type)
    if where.endpoint_id:
        rows = rows.filter(endpoint_id=where.endpoint_id)
    if where.order_id:
        rows = rows.filter(ordering_key=f"order:{where.order_id}")
    return rows.order_by("-pk")


def delivery_for(pk: int, *, platform=None) -> WebhookDelivery:
    rows = WebhookDelivery.objects.select_related("event", "event__organisation", "endpoint", "endpoint__platform")
    if platform is not None:
        rows = rows.filter(endpoint__platform=platform)
    row = rows.filter(pk=pk).first()
    if row is None:
        raise NotFound(_("No such delivery."), code="webhook.delivery_not_found")
    return row


def waiting_behind(delivery: WebhookDelivery) -> WebhookDelivery | None:
    """The earlier delivery of the same order (ordering key) and endpoint this one waits for."""
    if delivery.succeeded_at is not None:
        return None
    rows = WebhookDelivery.objects.filter(
        endpoint_id=delivery.endpoint_id, ordering_key=delivery.ordering_key, succeeded_at__isnull=True
    ).values_list("pk", "event_id")
    queued = [schedule.Queued(pk, delivery.ordering_key, seq) for pk, seq in rows]
    head = schedule.waiting_behind(queued).get(delivery.pk)
    return WebhookDelivery.objects.select_related("event").filter(pk=head).first() if head else None
