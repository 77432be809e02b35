from celery import shared_task

from beian.notifications.sms import sms_deliver


@shared_task
def deliver_sms(message_id: int) -> str | None:
    """After the commit that queued it: one attempt at the SMS (retries are the periodic job's)."""
    return sms_deliver(message_id=message_id)
