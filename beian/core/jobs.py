"""Periodic jobs, one entry point for every runner: the embedded scheduler thread, Celery beat,
`sandbox_advance` and the operator console's button.

core imports no app, so each app that owns a job registers it here from its AppConfig.ready()
(`register("regulator", regulator_progress, position=10)`); `run_periodic_jobs` runs them in
order of position (then name).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], int]
    position: int


_JOBS: dict[str, Job] = {}


def register(name: str, run: Callable[[], int], *, position: int) -> None:
    """Add (or replace: ready() may run twice in tests) the periodic job `name`."""
    _JOBS[name] = Job(name, run, position)


def registered() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda job: (job.position, job.name))


def run_periodic_jobs() -> dict[str, int]:
    report = {}
    for job in registered():
        try:
            report[job.name] = job.run()
        except Exception:  # one failing job must not stop the others; it is logged loudly
            logger.exception("periodic job %s failed", job.name)
            report[job.name] = -1
    return report
