"""Embedded default: periodic jobs on a daemon thread inside the web process (no extra service).
At scale Celery beat runs the same `run_periodic_jobs` task instead."""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from pathlib import Path

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


def _locked_loop(lock_path: Path) -> None:
    """Run the jobs while holding the lock; wait for it otherwise (another worker of this server has it)."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                time.sleep(INTERVAL_SECONDS)
                continue
            _loop()  # never returns; the lock goes with the process


def start_in_server_worker() -> None:
    """In a production server's worker (config/gunicorn.conf.py): the one worker that holds a file lock
    under VAR_DIR runs the jobs; the others wait on the lock and one takes over if that worker exits."""
    global _started
    if _started:
        return
    from django.conf import settings

    _started = True
    lock_path = Path(settings.VAR_DIR) / "scheduler.lock"
    threading.Thread(target=_locked_loop, args=(lock_path,), name="beian-periodic-jobs", daemon=True).start()
