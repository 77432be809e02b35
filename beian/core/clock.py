"""The only source of business "now". Wall time plus an offset that the sandbox and tests move."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from beian.core.models import ClockOffset


def _offset():
    row = ClockOffset.objects.order_by("pk").first()
    return dt.timedelta(seconds=row.seconds if row else 0)


def now() -> dt.datetime:
    return timezone.now() + _offset()


def today() -> dt.date:
    return timezone.localdate(now())


def advance(*, days: float = 0, hours: float = 0) -> dt.datetime:
    """Move business time forward (sandbox, demo, tests). Never moves backwards."""
    delta = dt.timedelta(days=days, hours=hours)
    if delta < dt.timedelta(0):
        raise ValueError("The business clock only moves forward")
    row, _ = ClockOffset.objects.get_or_create(pk=1)
    row.seconds += int(delta.total_seconds())
    row.save(update_fields=["seconds", "updated_at"])
    return now()
