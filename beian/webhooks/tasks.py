from celery import shared_task

from beian.webhooks.services import deliveries_process_due

KICK_LIMIT = 50  # deliveries one kick after a commit sends at most; the periodic job sends the rest


@shared_task
def deliver_due() -> int:
    """After a commit: deliver what is due to endpoints not known to be failing."""
    return deliveries_process_due(KICK_LIMIT, healthy_only=True)
