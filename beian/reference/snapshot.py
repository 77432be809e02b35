"""The current reference snapshot for the rules engine: rebuilt when the version changes.

One small query per call checks the version, so an operator's edit applies on the next request
in every process, with nothing to clear by hand.
"""

from __future__ import annotations

import threading

from beian.reference.loader import seed_from_database
from beian.reference.models import ReferenceSetting, ReferenceVersion
from beian.rules.reference import ReferenceSnapshot

_lock = threading.Lock()
_cached: tuple[int, object] | None = None


def current_version() -> int:
    row = ReferenceVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return row or 0


def current():
    """ReferenceSnapshot for the data in the database now."""
    global _cached
    version = current_version()
    cached = _cached
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        snapshot = ReferenceSnapshot.from_seed(seed_from_database())
        _cached = (version, snapshot)
    return snapshot


def seed() -> dict:
    """The raw seed-shaped data (for settings the engine does not interpret)."""
    return seed_from_database()


def setting(key: str, default=None):
    row = ReferenceSetting.objects.filter(key=key).values_list("value", flat=True).first()
    return default if row is None else row
