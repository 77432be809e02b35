from celery import shared_task

from beian.core.jobs import run_periodic_jobs as run


@shared_task
def run_periodic_jobs() -> dict:
    return run()
