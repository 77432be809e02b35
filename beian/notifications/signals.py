"""Notifications react to filing events: each committed order transition may tell the applicant, and
so does each provider-initiated cancel-access notice opened, withdrawn or confirmed."""

from django.dispatch import receiver

from beian.filings.signals import access_notice_changed, order_transitioned
from beian.notifications.access_notices import notify_access_notice
from beian.notifications.services import notify_order_event


@receiver(order_transitioned, dispatch_uid="notifications-order-transitioned")
def notify_transition(*, order_pk: int, event: str, **kwargs) -> None:
    notify_order_event(order_pk=order_pk, event=event)


@receiver(access_notice_changed, dispatch_uid="notifications-access-notice-changed")
def notify_access_notice_changed(*, notice_pk: int, event: str, **kwargs) -> None:
    notify_access_notice(notice_pk=notice_pk, event=event)
