"""The current reference snapshot for the rules engine: rebuilt when the version changes.

One small query per call checks the version, so an operator's edit applies on the next request
in every process, with nothing to clear by hand.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from beian.reference.loader import seed_from_database
from beian.reference.models import ReferenceSetting, ReferenceVersion
from beian.rules.reference import ReferenceSnapshot

T = TypeVar("T")

_lock = threading.Lock()
_built: dict[str, tuple[int, object]] = {}


def current_version() -> int:
    row = ReferenceVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return row or 0


def per_version(name: str, build: Callable[[], T]) -> T:
    """`build()` once per reference version in this process: what derives from the reference data
    (the snapshot, the working-day calendar) is rebuilt on the first call after any edit."""
    version = current_version()
    built = _built.get(name)
    if built and built[0] == version:
        return built[1]  # type: ignore[return-value]
    with _lock:
        value = build()
        _built[name] = (version, value)
    return value


def current():
    """ReferenceSnapshot for the data in the database now."""
    return per_version("snapshot", lambda: ReferenceSnapshot.from_seed(seed_from_database()))


def seed() -> dict:
    """The raw seed-shaped data (for settings the engine does not interpret)."""
    return seed_from_database()


def setting(key: str, default=None):
    row = ReferenceSetting.objects.filter(key=key).values_list("value", flat=True).first()
    return default if row is None else row
