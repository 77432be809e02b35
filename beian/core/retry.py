"""Retry schedules of the outboxes (webhook deliveries, SMS). Pure Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def delay_after(schedule: Sequence[dt.timedelta], failed_attempts: int) -> dt.timedelta | None:
    """How long to wait after the `failed_attempts`-th failed attempt: schedule[n-1]; None once the
    schedule is used up (give up)."""
    if failed_attempts < 1:
        raise ValueError("a delay follows a failed attempt")
    if failed_attempts > len(schedule):
        return None
    return schedule[failed_attempts - 1]
