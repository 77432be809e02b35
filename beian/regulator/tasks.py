from celery import shared_task


@shared_task
def process_submissions() -> int:
    from beian.regulator.services import submissions_process_due

    return submissions_process_due()
