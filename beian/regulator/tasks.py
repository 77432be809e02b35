from celery import shared_task

from beian.regulator.services import submissions_process_due


@shared_task
def process_submissions() -> int:
    return submissions_process_due()
