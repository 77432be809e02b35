"""The platform's webhooks (`/api/v1/platform/webhooks/...`, a platform token with the `webhooks`
scope): its endpoints (create, list, change, delete, rotate the secret, send a test event) and the
delivery log (list with filters and a cursor, read one with its attempts, replay). A platform sees
only its own endpoints and their deliveries. docs/webhooks.md describes the events and how to
check their signatures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from beian.api.common import BODY_ERRORS, IDEMPOTENCY_KEY, PLATFORM_ERRORS, idempotent
from beian.api.pagination import CURSOR, LIMIT, page_out, paginate
from beian.api.platform import PlatformBearer
from beian.api.schemas import ErrorOut
from beian.core.exceptions import ValidationFailed
from beian.webhooks import events, selectors, services
from beian.webhooks.models import EndpointSecret, WebhookDelivery, WebhookEndpoint

router = Router(tags=["platform: webhooks"], auth=PlatformBearer("webhooks"))

ERRORS: dict[int, Any] = {**PLATFORM_ERRORS, **BODY_ERRORS}
FOUND_ERRORS: dict[int, Any] = {**ERRORS, 404: ErrorOut}
EVENT_TYPES_DOC = ", ".join(f"`{t}`" for t in events.SUBSCRIBABLE)
SECRET_REF = "secret_ref"


def _with_secret(request, status: int, body: dict):
    """The answer that shows a secret: what an Idempotency-Key stores (and replays) names the secret's row,
    never the secret, which is kept only encrypted; it is read from its row for the answer."""
    if SECRET_REF in body:
        body = dict(body)
        row = EndpointSecret.objects.get(pk=body.pop(SECRET_REF), endpoint__platform=request.platform)
        body["secret"] = row.secret
    return status, body


def _idempotent(request, endpoint: str, produce, key: str | None):
    return idempotent(request, f"platform.webhooks.{endpoint}", produce, key)


# --- schemas ----------------------------------------------------------------------------------------


class EventTypeOut(Schema):
    type: str
    description: str


class EndpointIn(Schema):
    url: str = Field(..., description="Where the events are POSTed (https).", max_length=500)
    description: str = Field("", max_length=200)
    event_types: list[str] = Field(
        default_factory=list, description=f"The types to receive (empty: all). One of {EVENT_TYPES_DOC}."
    )


class EndpointPatch(Schema):
    url: str | None = Field(None, max_length=500)
    description: str | None = Field(None, max_length=200)
    event_types: list[str] | None = None
    is_active: bool | None = Field(None, description="false: nothing is sent (or queued) until switched on again.")


class SecretOut(Schema):
    prefix: str = Field(..., description="The start of the secret, to tell secrets apart.")
    created_at: dt.datetime
    expires_at: dt.datetime | None = Field(None, description="After a rotation: when it stops signing.")
    signing: bool = Field(..., description="Whether it signs deliveries now.")


class EndpointOut(Schema):
    id: int
    url: str
    description: str
    event_types: list[str]
    is_active: bool
    failing_since: dt.datetime | None = Field(None, description="Since when the deliveries to it fail (or null).")
    created_at: dt.datetime
    updated_at: dt.datetime
    secrets: list[SecretOut]


class EndpointCreatedOut(EndpointOut):
    secret: str = Field(..., description="The signing secret (`whsec_…`). Shown this once: keep it.")


class RotateIn(Schema):
    grace_hours: float = Field(
        services.ROTATION_GRACE.total_seconds() / 3600,
        ge=0,
        le=168,
        description="How long the current secrets keep signing too (hours; default 24).",
    )


class RotatedOut(Schema):
    secret: str = Field(..., description="The new signing secret. Shown this once: keep it.")
    prefix: str
    old_secrets_expire_at: dt.datetime


class AttemptOut(Schema):
    number: int
    at: dt.datetime
    status_code: int | None = Field(None, description="The receiver's HTTP status; null: no answer.")
    duration_ms: int
    response: str = Field("", description="The start of the receiver's answer.")
    error: str = Field("", description="Why there was no answer (refused, timed out, …).")
    succeeded: bool


class DeliveryOut(Schema):
    id: int
    event_id: str = Field(..., description="The `webhook-id` header the receiver got (`msg_…`).")
    event_type: str
    ordering_key: str = Field(..., description="Events of one key (`order:<id>`, …) arrive in order.")
    endpoint_id: int
    status: str = Field(..., description="waiting, pending, sending, failed (retried), succeeded or dead.")
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status_code: int | None
    last_error: str
    created_at: dt.datetime
    succeeded_at: dt.datetime | None


class DeliveryDetailOut(DeliveryOut):
    payload: dict = Field(..., description="The body as sent.")
    attempt_log: list[AttemptOut]
    waiting_behind: int | None = Field(None, description="The delivery this one waits for (or null).")


class DeliveryPageOut(Schema):
    items: list[DeliveryOut]
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next (older) page; null: last.")


class DeliveryFilters(Schema):
    status: str = Field("", description="waiting, pending, sending, failed, succeeded or dead.")
    event_type: str = ""
    endpoint_id: int | None = None
    order_id: int | None = Field(None, description="The deliveries of one order's events.")


class RemovedOut(Schema):
    removed: bool


class TestSentOut(Schema):
    event_id: str
    delivery_id: int


# --- output -----------------------------------------------------------------------------------------


def _actor(request) -> str:
    token = request.platform_token
    return f"platform {request.platform.slug} ({token.name}, {token.prefix})"


def _endpoint_out(endpoint: WebhookEndpoint) -> dict:
    return {
        "id": endpoint.pk,
        "url": endpoint.url,
        "description": endpoint.description,
        "event_types": endpoint.event_types,
        "is_active": endpoint.is_active,
        "failing_since": endpoint.failing_since,
        "created_at": endpoint.created_at,
        "updated_at": endpoint.updated_at,
        "secrets": [
            {"prefix": s.prefix, "created_at": s.created_at, "expires_at": s.expires_at, "signing": s.signing}
            for s in selectors.secrets_of(endpoint)
        ],
    }


def _delivery_out(delivery: WebhookDelivery) -> dict:
    waiting = delivery.status in {"waiting", "pending", "failed"}
    return {
        "id": delivery.pk,
        "event_id": delivery.event.public_id,
        "event_type": delivery.event.type,
        "ordering_key": delivery.ordering_key,
        "endpoint_id": delivery.endpoint_id,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "next_attempt_at": delivery.next_attempt_at if waiting and delivery.status != "waiting" else None,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error,
        "created_at": delivery.created_at,
        "succeeded_at": delivery.succeeded_at,
    }


def _delivery_detail(delivery: WebhookDelivery) -> dict:
    behind = selectors.waiting_behind(delivery)
    return {
        **_delivery_out(delivery),
        "payload": delivery.event.payload,
        "attempt_log": list(delivery.attempt_log.values()),
        "waiting_behind": behind.pk if behind else None,
    }


# --- operations -------------------------------------------------------------------------------------


@router.get("/event-types", response={200: list[EventTypeOut], **ERRORS}, operation_id="webhook_event_types")
def event_types(request):
    """The event types an endpoint may subscribe to (stable names), and what each means."""
    return [{"type": t, "description": str(events.EVENT_TYPES[t])} for t in events.SUBSCRIBABLE]


@router.get("/endpoints", response={200: list[EndpointOut], **ERRORS}, operation_id="webhook_endpoints_list")
def endpoints_list(request):
    return [_endpoint_out(e) for e in selectors.endpoints(platform=request.platform)]


@router.post("/endpoints", response={201: EndpointCreatedOut, **ERRORS}, operation_id="webhook_endpoint_create")
def endpoint_create(request, payload: EndpointIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    """Register a receiver. The answer holds its signing secret, shown this once (and to a repeat with
    the same Idempotency-Key)."""

    def produce():
        endpoint, _secret = services.endpoint_create(
            platform=request.platform,
            url=payload.url,
            description=payload.description,
            event_types=payload.event_types,
            actor_label=_actor(request),
        )
        return 201, {**_endpoint_out(endpoint), SECRET_REF: endpoint.secrets.get().pk}

    return _with_secret(request, *_idempotent(request, "endpoints.create", produce, idempotency_key))


@router.get("/endpoints/{endpoint_id}", response={200: EndpointOut, **FOUND_ERRORS}, operation_id="webhook_endpoint")
def endpoint_read(request, endpoint_id: int):
    return _endpoint_out(selectors.endpoint_for(endpoint_id, platform=request.platform))


@router.patch(
    "/endpoints/{endpoint_id}", response={200: EndpointOut, **FOUND_ERRORS}, operation_id="webhook_endpoint_update"
)
def endpoint_update(request, endpoint_id: int, payload: EndpointPatch, idempotency_key: str | None = IDEMPOTENCY_KEY):
    """Change the URL, the description or the event types, or switch it off and on (only what is sent)."""
    endpoint = selectors.endpoint_for(endpoint_id, platform=request.platform)

    def produce():
        changes = payload.dict(exclude_unset=True)
        return 200, _endpoint_out(services.endpoint_update(endpoint=endpoint, actor_label=_actor(request), **changes))

    return _idempotent(request, f"endpoints.{endpoint_id}.update", produce, idempotency_key)


@router.delete(
    "/endpoints/{endpoint_id}", response={200: RemovedOut, **FOUND_ERRORS}, operation_id="webhook_endpoint_delete"
)
def endpoint_delete(request, endpoint_id: int, idempotency_key: str | None = IDEMPOTENCY_KEY):
    """The endpoint, its secrets and its delivery log are deleted; nothing more is sent to it. A repeat
    answers 404 unless it carries the same Idempotency-Key."""

    def produce():
        endpoint = selectors.endpoint_for(endpoint_id, platform=request.platform)
        services.endpoint_delete(endpoint=endpoint, actor_label=_actor(request))
        return 200, {"removed": True}

    return _idempotent(request, f"endpoints.{endpoint_id}.delete", produce, idempotency_key)


@router.post(
    "/endpoints/{endpoint_id}/rotate-secret",
    response={200: RotatedOut, **FOUND_ERRORS},
    operation_id="webhook_endpoint_rotate_secret",
)
def endpoint_rotate_secret(
    request, endpoint_id: int, payload: RotateIn | None = None, idempotency_key: str | None = IDEMPOTENCY_KEY
):
    """A new signing secret (shown this once). The current secrets keep signing beside it for
    `grace_hours` (default 24): each delivery then carries one signature per secret, so the receiver
    can switch to the new secret at its pace."""
    endpoint = selectors.endpoint_for(endpoint_id, platform=request.platform)
    grace = dt.timedelta(hours=payload.grace_hours) if payload else services.ROTATION_GRACE

    def produce():
        row, _secret = services.endpoint_rotate_secret(endpoint=endpoint, actor_label=_actor(request), grace=grace)
        return 200, {SECRET_REF: row.pk, "prefix": row.prefix, "old_secrets_expire_at": row.created_at + grace}

    key = f"endpoints.{endpoint_id}.rotate-secret"
    return _with_secret(request, *_idempotent(request, key, produce, idempotency_key))


@router.post(
    "/endpoints/{endpoint_id}/test", response={202: TestSentOut, **FOUND_ERRORS}, operation_id="webhook_endpoint_test"
)
def endpoint_test(request, endpoint_id: int, idempotency_key: str | None = IDEMPOTENCY_KEY):
    """Send a `webhook.test` event to this endpoint now (whatever types it subscribed to)."""
    endpoint = selectors.endpoint_for(endpoint_id, platform=request.platform)

    def produce():
        event = services.endpoint_send_test(endpoint=endpoint, actor_label=_actor(request))
        return 202, {"event_id": event.public_id, "delivery_id": event.deliveries.get().pk}

    return _idempotent(request, f"endpoints.{endpoint_id}.test", produce, idempotency_key)


@router.get("/deliveries", response={200: DeliveryPageOut, **ERRORS}, operation_id="webhook_deliveries")
def deliveries(request, filters: Query[DeliveryFilters], cursor: str | None = CURSOR, limit: int | None = LIMIT):
    """The delivery log, newest first, one page at a time (`next_cursor`)."""
    if filters.event_type and filters.event_type not in events.EVENT_TYPES:
        raise ValidationFailed(
            _("Unknown event type: %(type)s") % {"type": filters.event_type}, code="invalid_request", field="event_type"
        )
    where = selectors.LogFilter(
        status=filters.status, event_type=filters.event_type, endpoint_id=filters.endpoint_id, order_id=filters.order_id
    )
    rows = selectors.deliveries(platform=request.platform, where=where)
    return page_out(paginate(rows, cursor, limit, newest_first=True), _delivery_out)


@router.get(
    "/deliveries/{delivery_id}", response={200: DeliveryDetailOut, **FOUND_ERRORS}, operation_id="webhook_delivery"
)
def delivery_read(request, delivery_id: int):
    """One delivery: the body as sent, every attempt, and the delivery it waits for."""
    return _delivery_detail(selectors.delivery_for(delivery_id, platform=request.platform))


@router.post(
    "/deliveries/{delivery_id}/replay",
    response={202: DeliveryOut, **FOUND_ERRORS},
    operation_id="webhook_delivery_replay",
)
def delivery_replay(request, delivery_id: int, idempotency_key: str | None = IDEMPOTENCY_KEY):
    """Send a delivered, failed or dead delivery again now (a dead one lets the later events of its
    order follow once it is delivered). The receiver gets the same `webhook-id` again."""
    delivery = selectors.delivery_for(delivery_id, platform=request.platform)

    def produce():
        services.delivery_replay(delivery=delivery, actor_label=_actor(request))
        return 202, _delivery_out(selectors.delivery_for(delivery_id, platform=request.platform))

    return _idempotent(request, f"deliveries.{delivery_id}.replay", produce, idempotency_key)
