"""Periodic jobs, one entry point for every runner: the embedded scheduler thread, Celery beat,
`sandbox_advance` and the operator console's button."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def run_periodic_jobs() -> dict[str, int]:
    from beian.filings import lifecycle
    from beian.filings.services import order_release_idle_claims
    from beian.regulator.services import regulator_progress

    report = {}
    for name, job in (
        ("regulator", regulator_progress),
        ("idle_expiry", lifecycle.order_expire_idle),
        ("idle_reminders", lifecycle.order_remind_idle),
        ("review_claims", order_release_idle_claims),
    ):
        try:
            report[name] = job()
        except Exception:  # one failing job must not stop the others; it is logged loudly
            logger.exception("periodic job %s failed", name)
            report[name] = -1
    return report
