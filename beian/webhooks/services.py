"""Webhook services: the partner's endpoints and secrets, publishing events into the outbox, and
the worker that delivers them.

Publishing. `events_publish` writes the event and one delivery per interested endpoint inside the
caller's transaction (the receivers in beian.webhooks.receivers run inside the transaction of the
change: an order's timeline event, a record event, a risk, a gate entry), so an event exists
exactly when its change committed; a crash after commit loses nothing. The worker is kicked on
commit, and the periodic job `webhooks` picks up whatever the kick did not send.

Delivering. Each delivery starts WAITING; `deliveries_promote` makes the head of each (endpoint,
ordering key) group PENDING (beian.webhooks.schedule: only the earliest not yet succeeded may go
out, so a receiver sees an order's events in the order they happened). A worker claims a due row
with a conditional update (one worker wins), POSTs it signed (beian.webhooks.signing) and records
the outcome on the claimed row: delivered (and the next of its group promoted at once), failed
(retried after the backoff of beian.webhooks.schedule) or dead after the last retry. A worker
that dies mid-send leaves the row SENDING; after STALE_AFTER it is claimed again. Receivers may
thus see a `webhook-id` twice after a crash (at-least-once, as Standard Webhooks has it), and
never after a recorded success (unless someone replays it).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed
from beian.webhooks import events, schedule, signing, transport
from beian.webhooks.models import (
    DeliveryAttempt,
    DeliveryStatus,
    EndpointSecret,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

logger = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(minutes=5)  # a SENDING claim this old belongs to a worker that died
ROTATION_GRACE = dt.timedelta(hours=24)  # an old secret keeps signing this long after a rotation
MAX_ENDPOINTS = 20  # per platform
DUE = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)
REPLAYABLE = (DeliveryStatus.SUCCEEDED, DeliveryStatus.DEAD, DeliveryStatus.FAILED)
ACTOR = "webhooks-worker"
RUN_BUDGET = dt.timedelta(seconds=20)  # wall time one run of the job sends for (the job runs every 30 s)


def timeout() -> float:
    return float(getattr(settings, "WEBHOOK_TIMEOUT", 10))


def allow_private_urls() -> bool:
    return bool(getattr(settings, "WEBHOOK_ALLOW_PRIVATE_URLS", False))


# --- endpoints and secrets ------------------------------------------------------------------------


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or len(url) > 500:
        raise ValidationFailed(_("Enter the full URL of the receiver (https://…)."), code="webhook.url", field="url")
    if parts.scheme != "https" and not allow_private_urls():
        raise ValidationFailed(_("The receiver's URL must use https."), code="webhook.url_https", field="url")
    if parts.username or parts.password:
        raise ValidationFailed(
            _("Put no user name or password into the URL: every delivery is signed."),
            code="webhook.url_credentials",
            field="url",
        )
    try:
        transport.check_address(url, allow_private=allow_private_urls())
    except transport.AddressRefused:
        raise ValidationFailed(
            _("The receiver's address must be reachable on the public internet."),
            code="webhook.url_private",
            field="url",
        ) from None
    return url


def _clean_event_types(values: Iterable[str] | None) -> list[str]:
    chosen = list(dict.fromkeys(values or []))
    unknown = [t for t in chosen if t not in events.SUBSCRIBABLE]
    if unknown:
        raise ValidationFailed(
            _("Unknown event type: %(type)s") % {"type": unknown[0]}, code="webhook.event_type", field="event_types"
        )
    return chosen


def _clean_description(value: str | None) -> str:
    value = (value or "").strip()
    if len(value) > 200:
        raise ValidationFailed(
            _("Keep the description to 200 characters."), code="webhook.description", field="description"
        )
    return value


def _new_secret(endpoint: WebhookEndpoint, now: dt.datetime) -> tuple[EndpointSecret, str]:
    secret = signing.new_secret()
    row = EndpointSecret.objects.create(
        endpoint=endpoint, secret=secret, prefix=signing.secret_prefix(secret), created_at=now
    )
    return row, secret


def endpoint_create(
    *, platform, url: str, description: str = "", event_types: Iterable[str] = (), actor=None, actor_label: str = ""
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint of `platform` and its first secret (returned once; stored encrypted)."""
    values = {
        "url": _clean_url(url),
        "description": _clean_description(description),
        "event_types": _clean_event_types(event_types),
    }
    with transaction.atomic():
        if WebhookEndpoint.objects.filter(platform=platform).count() >= MAX_ENDPOINTS:
            raise ValidationFailed(
                _("A platform has at most %(n)s webhook endpoints.") % {"n": MAX_ENDPOINTS}, code="webhook.too_many"
            )
        now = clock.now()
        endpoint = WebhookEndpoint.objects.create(platform=platform, created_at=now, updated_at=now, **values)
        row, secret = _new_secret(endpoint, now)
        audit.record(
            action="webhooks.endpoint_create",
            target=endpoint,
            actor=actor,
            actor_label=actor_label,
            data={**values, "platform": platform.pk, "secret": row.prefix},
        )
    return endpoint, secret


def endpoint_update(
    *,
    endpoint: WebhookEndpoint,
    actor=None,
    actor_label: str = "",
    url: str | None = None,
    description: str | None = None,
    event_types: Iterable[str] | None = None,
    is_active: bool | None = None,
) -> WebhookEndpoint:
    changes: dict = {}
    if url is not None:
        changes["url"] = _clean_url(url)
    if description is not None:
        changes["description"] = _clean_description(description)
    if event_types is not None:
        changes["event_types"] = _clean_event_types(event_types)
    if is_active is not None:
        changes["is_active"] = bool(is_active)
    with transaction.atomic():
        row = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        before = {name: getattr(row, name) for name in changes}
        changed = {name: value for name, value in changes.items() if before[name] != value}
        if changed:
            for name, value in changed.items():
                setattr(row, name, value)
            if changed.get("is_active"):
                row.failing_since = None  # switched on again: the next kick tries it
            row.updated_at = clock.now()
            row.save(update_fields=[*changed, "failing_since", "updated_at"])
            audit.record(
                action="webhooks.endpoint_update",
                target=row,
                actor=actor,
                actor_label=actor_label,
                data={"before": {k: before[k] for k in changed}, "after": changed},
            )
            if changed.get("is_active"):
                transaction.on_commit(kick)
    return row


def endpoint_delete(*, endpoint: WebhookEndpoint, actor=None, actor_label: str = "") -> None:
    """The endpoint, its secrets and its delivery log go; the events stay for the other endpoints."""
    with transaction.atomic():
        audit.record(
            action="webhooks.endpoint_delete",
            target=endpoint,
            actor=actor,
            actor_label=actor_label,
            data={"url": endpoint.url, "platform": endpoint.platform_id},
        )
        endpoint.delete()


def endpoint_rotate_secret(
    *, endpoint: WebhookEndpoint, actor=None, actor_label: str = "", grace: dt.timedelta = ROTATION_GRACE
) -> tuple[EndpointSecret, str]:
    """A new secret (returned once). The secrets before it keep signing for `grace` (at most; a
    shorter expiry set by an earlier rotation stays), so the receiver can switch without a gap."""
    if grace < dt.timedelta(0) or grace > dt.timedelta(days=7):
        raise ValidationFailed(
            _("The grace period is between 0 and 7 days."), code="webhook.grace", field="grace_hours"
        )
    with transaction.atomic():
        WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        now = clock.now()
        until = now + grace
        EndpointSecret.objects.filter(endpoint=endpoint).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=until)
        ).update(expires_at=until)
        row, secret = _new_secret(endpoint, now)
        audit.record(
            action="webhooks.secret_rotate",
            target=endpoint,
            actor=actor,
            actor_label=actor_label,
            data={"secret": row.prefix, "old_secrets_expire_at": until.isoformat()},
        )
    return row, secret


def live_secrets(endpoint: WebhookEndpoint, now: dt.datetime | None = None) -> list[EndpointSecret]:
    """The secrets that sign now, newest first."""
    now = now or clock.now()
    return list(
        EndpointSecret.objects.filter(endpoint=endpoint)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .order_by("-created_at", "-pk")
    )


# --- publishing -------------------------------------------------------------------------------------


def new_public_id() -> str:
    return "msg_" + base64.b32encode(os.urandom(15)).decode("ascii").lower()


def _envelope(event_type: str, data: dict, now: dt.datetime) -> dict:
    """The body as Standard Webhooks recommends it: {type, timestamp, data}."""
    return {"type": event_type, "timestamp": now.isoformat(), "data": json.loads(json.dumps(data, default=str))}


def events_publish(
    *,
    platform_id: int,
    organisation_id: int | None,
    built: Iterable[tuple[str, str, dict]],
    source: str | None = None,
    endpoints: Iterable[WebhookEndpoint] | None = None,
) -> list[WebhookEvent]:
    """Write each (type, ordering key, data) as an event of `platform_id` with a delivery to every
    active endpoint that wants it (or to `endpoints`), inside the caller's transaction; the worker
    is kicked after commit. With a `source`, an event already written for it is not written again."""
    now = clock.now()
    written = []
    with transaction.atomic():
        targets = list(
            endpoints
            if endpoints is not None
            else WebhookEndpoint.objects.filter(platform_id=platform_id, is_active=True)
        )
        for event_type, key, data in built:
            event_source = f"{source}:{event_type}" if source else None
            if event_source and WebhookEvent.objects.filter(source=event_source).exists():
                continue
            event = WebhookEvent.objects.create(
                public_id=new_public_id(),
                type=event_type,
                platform_id=platform_id,
                organisation_id=organisation_id,
                ordering_key=key,
                source=event_source,
                payload=_envelope(event_type, data, now),
                created_at=now,
            )
            WebhookDelivery.objects.bulk_create(
                [
                    WebhookDelivery(
                        event=event,
                        endpoint=endpoint,
                        ordering_key=key,
                        next_attempt_at=now,
                        created_at=now,
                        updated_at=now,
                    )
                    for endpoint in targets
                    if endpoints is not None or endpoint.wants(event_type)
                ]
            )
            written.append(event)
        if written:
            transaction.on_commit(kick)
    return written


def endpoint_send_test(*, endpoint: WebhookEndpoint, actor=None, actor_label: str = "") -> WebhookEvent:
    """A `webhook.test` event to this endpoint only (whatever types it subscribed to)."""
    if not endpoint.is_active:
        raise ValidationFailed(_("Switch the endpoint on before sending it a test."), code="webhook.inactive")
    with transaction.atomic():
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)  # try it now (see replay)
        data = {"endpoint_id": endpoint.pk, "message": "This is a test event from Beian."}
        event_id = new_public_id()
        (event,) = events_publish(
            platform_id=endpoint.platform_id,
            organisation_id=None,
            built=[(events.WEBHOOK_TEST, f"test:{event_id}", data)],
            endpoints=[endpoint],
        )
        audit.record(
            action="webhooks.test_sent",
            target=endpoint,
            actor=actor,
            actor_label=actor_label,
            data={"event": event.public_id},
        )
    return event


# --- delivering -------------------------------------------------------------------------------------


def kick() -> None:
    """After a commit: deliver what is due now, to endpoints not known to be failing (those wait for
    the periodic job), on a worker when Celery has a broker, else here. Never raises."""
    try:
        from beian.webhooks.tasks import deliver_due  # tasks imports this module

        deliver_due.delay()
    except Exception:  # the periodic job delivers whatever this did not
        logger.exception("webhooks: delivering after commit failed")


def _groups_batches(groups: list[tuple[int, str]], size: int = 200):
    for start in range(0, len(groups), size):
        yield groups[start : start + size]


def deliveries_promote(*, groups: Iterable[tuple[int, str]] | None = None) -> int:
    """Make the head of each (endpoint, ordering key) group with waiting deliveries pending (see
    beian.webhooks.schedule). `groups`: only these; by default every group that has one waiting."""
    if groups is None:
        groups = (
            WebhookDelivery.objects.filter(status=DeliveryStatus.WAITING)
            .values_list("endpoint_id", "ordering_key")
            .distinct()
        )
    wanted = sorted(set(groups))
    promoted = 0
    for batch in _groups_batches(wanted):
        keys = set(batch)
        rows = WebhookDelivery.objects.filter(
            succeeded_at__isnull=True,
            endpoint_id__in={e for e, _k in batch},
            ordering_key__in={k for _e, k in batch},
        ).values_list("pk", "endpoint_id", "ordering_key", "event_id")
        queued = [schedule.Queued(pk, (e, k), seq) for pk, e, k, seq in rows if (e, k) in keys]
        first = list(schedule.heads(queued).values())
        if first:
            now = clock.now()
            promoted += WebhookDelivery.objects.filter(pk__in=first, status=DeliveryStatus.WAITING).update(
                status=DeliveryStatus.PENDING, next_attempt_at=now, updated_at=now
            )
    return promoted


def delivery_claim_next(
    *, healthy_only: bool = False, stale_after: dt.timedelta = STALE_AFTER, skip_endpoints: Iterable[int] = ()
) -> WebhookDelivery | None:
    """Claim one due delivery with a conditional update; a dead worker's claim goes stale and is retaken."""
    now = clock.now()
    due = Q(status__in=DUE, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_at__lt=now - stale_after
    )
    candidates = WebhookDelivery.objects.filter(due, endpoint__is_active=True).exclude(
        endpoint_id__in=list(skip_endpoints)
    )
    if healthy_only:
        candidates = candidates.filter(endpoint__failing_since__isnull=True)
    for row in candidates.order_by("next_attempt_at", "pk")[:10]:
        same_row = WebhookDelivery.objects.filter(
            pk=row.pk, status=row.status, claimed_at=row.claimed_at, attempts=row.attempts
        )
        stale = row.status == DeliveryStatus.SENDING  # its worker died during the attempt it counted
        stopped = _("The worker stopped before the answer was recorded.")
        if stale and row.attempts >= schedule.MAX_ATTEMPTS:
            if same_row.update(status=DeliveryStatus.DEAD, claimed_at=None, last_error=stopped, updated_at=now):
                _log_stopped(row, now, stopped)
                _audit_dead(row.pk)
            continue
        if same_row.update(status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1, updated_at=now):
            if stale:
                _log_stopped(row, now, stopped)
            row.refresh_from_db()
            return row
    return None


def _log_stopped(row: WebhookDelivery, now: dt.datetime, error: str) -> None:
    DeliveryAttempt.objects.create(delivery=row, number=_attempt_number(row), at=now, error=error)


def _attempt_number(delivery: WebhookDelivery) -> int:
    return DeliveryAttempt.objects.filter(delivery=delivery).count() + 1


def _body(event: WebhookEvent) -> str:
    return json.dumps(event.payload, ensure_ascii=False, separators=(",", ":"))


def delivery_send(delivery: WebhookDelivery) -> bool:
    """POST one claimed delivery and record the outcome on it; True when the receiver took it."""
    delivery = WebhookDelivery.objects.select_related("event", "endpoint").get(pk=delivery.pk)
    event, endpoint = delivery.event, delivery.endpoint
    body = _body(event)
    secrets = [s.secret for s in live_secrets(endpoint)]
    # the signature's timestamp is checked against the receiver's own clock (Standard Webhooks
    # allows 5 minutes either way): wall time, not the business clock the sandbox moves
    sent_at = timezone.now()
    headers = signing.headers(secrets, msg_id=event.public_id, timestamp=sent_at, body=body)
    response = transport.post(
        endpoint.url, body.encode("utf-8"), headers, timeout=timeout(), allow_private=allow_private_urls()
    )
    _record(delivery, response)
    return response.ok


def _record(delivery: WebhookDelivery, response: transport.Response) -> None:
    now = clock.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.SENDING, claimed_at=delivery.claimed_at
    )
    outcome = {
        "last_status_code": response.status,
        "last_response": response.body,
        "last_error": response.error,
        "claimed_at": None,
        "updated_at": now,
    }
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=_attempt_number(delivery),
            at=now,
            duration_ms=response.duration_ms,
            status_code=response.status,
            response=response.body,
            error=response.error,
            succeeded=response.ok,
        )
        if response.ok:
            first_success = Coalesce(F("succeeded_at"), Value(now))
            if not claimed.update(status=DeliveryStatus.SUCCEEDED, succeeded_at=first_success, **outcome):
                return  # a worker that retook a stale claim recorded it
            WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).update(failing_since=None)
            deliveries_promote(groups=[(delivery.endpoint_id, delivery.ordering_key)])
            return
        delay = schedule.retry_delay(delivery.attempts)
        if delay is None:
            if claimed.update(status=DeliveryStatus.DEAD, **outcome):
                _audit_dead(delivery.pk)
        else:
            claimed.update(status=DeliveryStatus.FAILED, next_attempt_at=now + delay, **outcome)
        WebhookEndpoint.objects.filter(pk=delivery.endpoint_id, failing_since__isnull=True).update(failing_since=now)


def _audit_dead(delivery_pk: int) -> None:
    row = WebhookDelivery.objects.select_related("event").get(pk=delivery_pk)
    audit.record(
        action="webhooks.delivery_dead",
        target=row,
        organisation_id=row.event.organisation_id,
        actor_label=ACTOR,
        data={"event": row.event.public_id, "attempts": row.attempts, "error": row.last_error},
    )


def deliveries_process_due(limit: int = 200, *, healthy_only: bool = False, budget: dt.timedelta | None = None) -> int:
    """Promote the heads, then deliver due rows until none is left, `limit` attempts were made or the
    run took `budget` (wall time, RUN_BUDGET by default: the next run goes on). An endpoint that fails
    is left alone for the rest of the run, so a receiver that hangs costs one timeout per run, not one
    per delivery. Periodic job (embedded scheduler, Celery beat); the kick after a commit passes
    healthy_only."""
    deliveries_promote()
    attempted, failing = 0, set[int]()
    stop_at = time.monotonic() + (budget or RUN_BUDGET).total_seconds()
    while attempted < limit and time.monotonic() < stop_at:
        delivery = delivery_claim_next(healthy_only=healthy_only, skip_endpoints=failing)
        if delivery is None:
            break
        try:
            if not delivery_send(delivery):
                failing.add(delivery.endpoint_id)
        except Exception:  # a bug: the claim goes stale and the row is tried again; logged loudly
            logger.exception("webhooks: delivery %s failed", delivery.pk)
            failing.add(delivery.endpoint_id)
        attempted += 1
    return attempted


def delivery_replay(*, delivery: WebhookDelivery, actor=None, actor_label: str = "") -> WebhookDelivery:
    """Send a delivered, failed or dead delivery again now, with a fresh retry schedule (audited).
    A dead one keeps the later events of its order waiting until it is delivered."""
    with transaction.atomic():
        row = WebhookDelivery.objects.select_for_update().select_related("event").get(pk=delivery.pk)
        if row.status not in REPLAYABLE:
            raise ValidationFailed(
                _("Only a delivered, failed or dead delivery can be replayed; this one is %(status)s.")
                % {"status": row.get_status_display()},
                code="webhook.not_replayable",
            )
        before = {"status": row.status, "attempts": row.attempts}
        now = clock.now()
        row.status, row.attempts, row.next_attempt_at, row.updated_at = DeliveryStatus.PENDING, 0, now, now
        row.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
        # someone asks to try now: the kick after this commit tries the endpoint even if it was failing
        WebhookEndpoint.objects.filter(pk=row.endpoint_id).update(failing_since=None)
        audit.record(
            action="webhooks.delivery_replay",
            target=row,
            organisation_id=row.event.organisation_id,
            actor=actor,
            actor_label=actor_label,
            data={"event": row.event.public_id, "type": row.event.type, **before},
        )
        transaction.on_commit(kick)
    return row
