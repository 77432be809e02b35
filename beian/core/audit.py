"""Append an audit event. Every state change, PII view and reference edit goes through here."""

from __future__ import annotations

import time
from typing import Any

from django.db import OperationalError, connection

from beian.core import clock
from beian.core.models import AuditEvent


def record(
    *,
    action: str,
    target: Any = None,
    target_type: str = "",
    target_id: Any = "",
    actor=None,
    actor_label: str = "",
    organisation_id: int | None = None,
    data: dict | None = None,
):
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or target.pk
        organisation_id = organisation_id or getattr(target, "organisation_id", None)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        # not a signed-in user: an agent acting for a tenant (a platform) names itself
        actor_label = actor_label or getattr(actor, "audit_label", "")
        actor = None
    fields = {
        "at": clock.now(),
        "actor": actor,
        "actor_label": actor_label or (actor.get_username() if actor else "system"),
        "organisation_id": organisation_id,
        "action": action,
        "target_type": target_type,
        "target_id": str(target_id),
        "data": data or {},
    }
    # Outside a transaction (e.g. the audit of each image a page shows, loaded in parallel), SQLite may
    # find the table locked for a moment: the row is written again after a short wait, never lost.
    for attempt in range(6):
        try:
            return AuditEvent.objects.create(**fields)
        except OperationalError:
            if attempt == 5 or connection.in_atomic_block:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def events_matching(*, action: str = "", actor: str = "", organisation_id: int | None = None, start=None, end=None):
    """The audit log for the operators' page, newest first. `action`: an exact action or a prefix
    ending in "." (`pii.`); `actor`: part of the actor's name; `start`/`end`: dates, inclusive, in
    the site's time zone."""
    events = AuditEvent.objects.all()
    if action:
        events = events.filter(action__startswith=action) if action.endswith(".") else events.filter(action=action)
    if actor:
        events = events.filter(actor_label__icontains=actor)
    if organisation_id is not None:
        events = events.filter(organisation_id=organisation_id)
    if start is not None:
        events = events.filter(at__date__gte=start)
    if end is not None:
        events = events.filter(at__date__lte=end)
    return events.order_by("-at", "-id")


def action_names() -> list[str]:
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())
