"""Orders that wait on the applicant (states.AWAITING_APPLICANT): reminders after some idle days,
expiry after more (rules file §2.3). The numbers come from the reference data
(`timings.order_expiry.recommended`: remind_days [7, 15, 30], expire_days 45), never from code;
without them neither job does anything (and says so in the log).

Idle time runs from the later of the applicant's last action (Order.last_customer_action_at) and
the moment the order entered its current state: "45 days in one customer step", so an order the
reviewer returns, or the applicant withdraws, starts a fresh idle period. Expiry is the
transition to EXPIRED through `order_transition` (the data stays); its notification goes out
from the transition's callback like every other. Reminders are notifications, once per
threshold and idle period (dedupe key): the job is beian.notifications.services.order_remind_idle.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from beian.core import clock
from beian.filings import states
from beian.filings.models import Order
from beian.filings.services import order_transition
from beian.reference.snapshot import setting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IdlePolicy:
    remind_days: tuple[int, ...]
    expire_days: int


def parse_policy(value) -> IdlePolicy | None:
    """`{"remind_days": [7, 15, 30], "expire_days": 45}` -> IdlePolicy; None when unusable."""
    if not isinstance(value, dict):
        return None
    try:
        expire = int(value["expire_days"])
        remind = tuple(sorted({int(d) for d in value.get("remind_days") or [] if 0 < int(d) < expire}))
    except (KeyError, TypeError, ValueError):
        return None
    return IdlePolicy(remind, expire) if expire > 0 else None


def idle_policy() -> IdlePolicy | None:
    timings = setting("timings", {}) or {}
    policy = parse_policy((timings.get("order_expiry") or {}).get("recommended"))
    if policy is None:
        logger.warning("reference timings.order_expiry.recommended is missing or invalid: no idle reminders or expiry")
    return policy


def due_action(idle: dt.timedelta, policy: IdlePolicy) -> tuple[str, int] | None:
    """("expire", days) once idle reaches expire_days; else ("remind", the highest threshold
    reached) — a job that was down for a while sends only the latest reminder; else None."""
    days = idle.days
    if days >= policy.expire_days:
        return "expire", policy.expire_days
    reached = [d for d in policy.remind_days if days >= d]
    return ("remind", reached[-1]) if reached else None


def idle_since(order) -> dt.datetime:
    return max(order.last_customer_action_at, order.status_changed_at)


def expires_on(order, policy: IdlePolicy | None = None) -> dt.date | None:
    """The local date an order waiting on the applicant expires if nothing changes (None otherwise)."""
    if order.status not in states.AWAITING_APPLICANT or not states.can_transition(order.status, states.EXPIRED):
        return None
    policy = policy or idle_policy()
    if policy is None:
        return None
    return timezone.localdate(idle_since(order) + dt.timedelta(days=policy.expire_days))


def idle_candidates(idle_for: dt.timedelta):
    """Orders waiting on the applicant that may have been idle for `idle_for` (re-check each)."""
    return _candidates(idle_for)


def _candidates(idle_for: dt.timedelta):
    cutoff = clock.now() - idle_for
    return (
        Order.objects.filter(
            status__in=states.AWAITING_APPLICANT, last_customer_action_at__lte=cutoff, status_changed_at__lte=cutoff
        )
        .select_related("organisation", "subject", "subject__principal")
        .order_by("pk")
    )


def order_expire_idle() -> int:
    """Periodic job: expire orders idle for expire_days. Re-checked under the row lock."""
    policy = idle_policy()
    if policy is None:
        return 0
    limit = dt.timedelta(days=policy.expire_days)
    expired = 0
    for candidate in _candidates(limit):
        with transaction.atomic():
            order = Order.objects.select_for_update().get(pk=candidate.pk)
            if order.status not in states.AWAITING_APPLICANT or not states.can_transition(order.status, states.EXPIRED):
                continue
            since = idle_since(order)
            if clock.now() - since < limit:  # the applicant acted meanwhile
                continue
            order_transition(
                order=order,
                to=states.EXPIRED,
                actor_label="system",
                reason=gettext_noop("No activity for %(days)s days"),
                data={
                    "idle_since": since.isoformat(),
                    "expire_days": policy.expire_days,
                    "reason_params": {"days": policy.expire_days},
                },
            )
            expired += 1
    return expired
