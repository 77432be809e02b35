"""Periodic jobs, one entry point for every runner: the embedded scheduler thread, Celery beat,
`sandbox_advance` and the operator console's button."""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def run_periodic_jobs() -> dict[str, int]:
    from beian.regulator.services import regulator_progress

    report = {}
    for name, job in (("regulator", regulator_progress),):
        try:
            report[name] = job()
        except Exception:  # one failing job must not stop the others; it is logged loudly
            logger.exception("periodic job %s failed", name)
            report[name] = -1
    return report
