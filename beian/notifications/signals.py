"""Notifications react to filing events: each committed order transition may tell the applicant."""

from django.dispatch import receiver

from beian.filings.signals import order_transitioned
from beian.notifications.services import notify_order_event


@receiver(order_transitioned, dispatch_uid="notifications-order-transitioned")
def notify_transition(*, order_pk: int, event: str, **kwargs) -> None:
    notify_order_event(order_pk=order_pk, event=event)
