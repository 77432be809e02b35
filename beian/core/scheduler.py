"""Embedded default: periodic jobs on a daemon thread inside the web process (no extra service).
At scale Celery beat runs the same `run_periodic_jobs` task instead."""

from __future__ import annotations

import os
import sys
import threading
import time

from beian.core.jobs import run_periodic_jobs

INTERVAL_SECONDS = int(os.environ.get("BEIAN_SCHEDULER_INTERVAL", "30"))
_started = False


def _loop() -> None:
    from django.db import close_old_connections

    while True:
        time.sleep(INTERVAL_SECONDS)
        close_old_connections()
        run_periodic_jobs()


def start_if_serving() -> None:
    """Start once, in the serving process only (not in the autoreloader's parent, not in commands)."""
    global _started
    serving = "runserver" in sys.argv and (os.environ.get("RUN_MAIN") == "true" or "--noreload" in sys.argv)
    if _started or not serving:
        return
    _started = True
    threading.Thread(target=_loop, name="beian-periodic-jobs", daemon=True).start()
