from dataclasses import asdict

from celery import shared_task

from beian.monitor.services import monitor_run_report


@shared_task
def monitor_check_all() -> dict:
    """Check every filed website now, due or not (the operator's button): on a Celery worker when a
    broker is configured, in the caller's process in the embedded default."""
    return asdict(monitor_run_report(everything=True))
