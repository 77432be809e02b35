from celery import shared_task


@shared_task
def run_periodic_jobs() -> dict:
    from beian.core.jobs import run_periodic_jobs as run

    return run()
