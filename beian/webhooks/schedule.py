"""When a webhook delivery is tried again, and which deliveries may go out now. Pure Python.

Retries: a delivery is tried at once; after its n-th failed attempt it waits RETRY_SCHEDULE[n-1]
(5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h) and after the last of them (the 9th attempt,
about 44 hours after the first) it is dead: an operator or the partner replays it.

Order: the deliveries to one endpoint with the same ordering key (`order:<id>`, `record:<id>`,
`domain:<domain>`) go out in the order their events happened. Only the earliest delivery of such a
group that has not yet succeeded may be sent (its *head*); the ones behind it wait, even when the
head is dead, until it succeeds (a replay). A delivery that once succeeded never holds the others
back, also when it is replayed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from beian.core.retry import delay_after

RETRY_SCHEDULE: tuple[dt.timedelta, ...] = (
    dt.timedelta(seconds=5),
    dt.timedelta(seconds=30),
    dt.timedelta(minutes=2),
    dt.timedelta(minutes=10),
    dt.timedelta(hours=1),
    dt.timedelta(hours=6),
    dt.timedelta(hours=12),
    dt.timedelta(hours=24),
)
MAX_ATTEMPTS = len(RETRY_SCHEDULE) + 1


def retry_delay(failed_attempts: int) -> dt.timedelta | None:
    """How long to wait after the `failed_attempts`-th failed attempt; None: give up (dead)."""
    return delay_after(RETRY_SCHEDULE, failed_attempts)


@dataclass(frozen=True)
class Queued:
    """One delivery not yet succeeded, as the ordering sees it: its group (endpoint, ordering
    key) and its place in the group (the event's sequence number, increasing with time)."""

    pk: int
    group: Hashable
    sequence: int


def heads(queued: Iterable[Queued]) -> dict[Hashable, int]:
    """The delivery each group may send now: its earliest not yet succeeded (group -> pk)."""
    first: dict[Hashable, Queued] = {}
    for row in queued:
        current = first.get(row.group)
        if current is None or (row.sequence, row.pk) < (current.sequence, current.pk):
            first[row.group] = row
    return {group: row.pk for group, row in first.items()}


def waiting_behind(queued: Iterable[Queued]) -> dict[int, int]:
    """Every delivery that must wait -> the delivery it waits behind (its group's head)."""
    rows = list(queued)
    first = heads(rows)
    return {row.pk: first[row.group] for row in rows if first[row.group] != row.pk}
