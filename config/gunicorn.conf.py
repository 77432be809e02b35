"""Gunicorn, the production server (`make serve`, the web container): every knob from the environment.

    GUNICORN_BIND        address:port to listen on (default 127.0.0.1:8000; the container sets 0.0.0.0:8000)
    WEB_CONCURRENCY      worker processes (default 2 x cores + 1)
    GUNICORN_THREADS     threads per worker (default 1: sync workers; more switches to gthread workers)
    GUNICORN_TIMEOUT     seconds a request may take before its worker is restarted (default 30)
    GUNICORN_GRACEFUL_TIMEOUT, GUNICORN_KEEPALIVE, GUNICORN_MAX_REQUESTS (+ _JITTER): as named
    BEIAN_EMBEDDED_SCHEDULER=1  the periodic jobs run inside one worker (the embedded default; with Celery,
                         beat runs them instead: leave it off)

Logs: gunicorn's own lines are JSON like the application's (settings.LOGGING); the per-request line comes
from beian.core.observability.RequestLogMiddleware, so gunicorn's access log is off. Prometheus metrics
are collected across the workers in PROMETHEUS_MULTIPROC_DIR (default var/prometheus, emptied at start).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

from config.logformats import FORMATTERS

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or ("/dev/shm" if os.path.isdir("/dev/shm") else None)
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "beian"
control_socket_disable = True  # several servers may run on one machine (benches, tests)

_json = os.environ.get("LOG_FORMAT", "json") == "json"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": FORMATTERS,
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if _json else "text"},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

_var_dir = Path(os.environ.get("BEIAN_VAR_DIR", Path(__file__).resolve().parent.parent / "var"))
_metrics_dir = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_var_dir / "prometheus")))


def on_starting(server) -> None:
    # the workers' metric files of an earlier run would be counted again: start empty
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)


def post_worker_init(worker) -> None:
    # in the worker, after gunicorn loaded the Django application (settings parsed the variable already)
    from django.conf import settings

    from beian.core import scheduler

    if settings.BEIAN_EMBEDDED_SCHEDULER:
        scheduler.start_in_server_worker()


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
