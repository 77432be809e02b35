"""What each process keeps in memory for hosted requests: host -> its gate entry (the decision, the
number, the site's id, title and content, the footer's MIIT link — everything the one query of
`entries.entry_for_host` reads), or "no site answers on it". A hosted request whose host is kept
makes NO query: it reads the gate stamp (beian.hosting.stamp: an os.stat, or a Redis GET) and
compares it with the stamp it read before it last read the table.

Why this is never stale for more than a request: every change that may alter an entry bumps the
stamp after its commit (and once inside its transaction), in whatever process it happens; the
stamp is read BEFORE the table, so rows read concurrently with a change are kept under the stamp
that change then moves away from. A kept item also expires after GATE_CACHE_MAX_AGE seconds (and
never outlives its entry's `valid_until`): the safety net for a bump that was lost (a writer killed
between its commit and its after-commit bump, an unreachable Redis, a write that bypasses the
signals such as `QuerySet.update`). The GateEntry table stays the source of truth; this only
avoids re-reading it. The rendered bytes are kept by beian.hosting.views under a content key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from time import monotonic

from django.conf import settings
from django.utils import timezone

from beian.hosting import gate, stamp
from beian.hosting.entries import entry_for_host
from beian.hosting.models import GateEntry

HOSTS_KEPT = 4096


@dataclass(frozen=True, slots=True)
class Kept:
    stamp: Hashable
    expires: float  # monotonic()
    entry: GateEntry | None  # None: no site answers on the host


_kept: OrderedDict[str, Kept] = OrderedDict()
_lock = threading.Lock()


def max_age() -> float:
    return float(settings.GATE_CACHE_MAX_AGE)


def entry(host: str) -> GateEntry | None:
    """The entry answering a Host header (as `entries.entry_for_host`), from memory while the gate
    stamp has not moved: no query then; otherwise the table's (one query while the entry is fresh)."""
    key = gate.host_key(host)
    current = stamp.read()  # before the table: see the module's docstring
    now = monotonic()
    kept = _kept.get(key)
    if kept is not None and current is not None and kept.stamp == current and now < kept.expires:
        return kept.entry
    found = entry_for_host(key)
    if current is not None:
        age = max_age()
        if found is not None and found.valid_until is not None:
            age = min(age, (found.valid_until - timezone.now()).total_seconds())
        with _lock:
            _kept[key] = Kept(current, now + age, found)
            _kept.move_to_end(key)
            while len(_kept) > HOSTS_KEPT:
                _kept.popitem(last=False)
    return found


def clear() -> None:
    """Forget everything kept (tests start from an empty memory; nothing else needs it)."""
    with _lock:
        _kept.clear()
