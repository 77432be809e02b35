"""Append an audit event. Every state change, PII view and reference edit goes through here."""

from __future__ import annotations

from typing import Any

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
    return AuditEvent.objects.create(
        at=clock.now(),
        actor=actor,
        actor_label=actor_label or (actor.get_username() if actor else "system"),
        organisation_id=organisation_id,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        data=data or {},
    )
