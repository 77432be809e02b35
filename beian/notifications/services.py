"""Notifications for transitions the applicant must act on: in-app, email and SMS (adapter outbox)."""
from __future__ import annotations

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from beian.core import clock
from beian.core.crypto import blind_index
from beian.notifications.models import Notification, SmsMessage

# event -> (title, body); only events where the applicant must act or wants to know
ORDER_MESSAGES = {
    "return_fields": (lambda: _("Your filing was returned for changes"),
                      lambda: _("The reviewer opened some fields for you to fix. Open the order to see which and why.")),
    "reject": (lambda: _("Your filing was rejected in provider review"),
               lambda: _("Open the order to read the reason, fix it and resubmit.")),
    "regulator_accepted": (lambda: _("MIIT SMS verification is waiting"),
                           lambda: _("The principals received an SMS code. Enter it within 24 hours.")),
    "regulator_rejected": (lambda: _("The regulator rejected your filing"),
                           lambda: _("Open the order to read the regulator's reason, fix it and resubmit.")),
    "sms_failed": (lambda: _("SMS verification timed out"),
                   lambda: _("The regulator returned the order. We will push it again when you are ready.")),
    "regulator_approved": (lambda: _("Your website is filed"),
                           lambda: _("The filing number now shows in your site's footer.")),
}


def sms_send(*, mobile: str, body: str, purpose: str, order=None) -> SmsMessage:
    return SmsMessage.objects.create(mobile=mobile, mobile_index=blind_index(mobile, purpose="mobile"), body=body,
                                     purpose=purpose, order=order, created_at=clock.now())


def notify_order_event(*, order_pk: int, event: str) -> None:
    from beian.filings.models import Order

    if event not in ORDER_MESSAGES:
        return
    order = Order.objects.select_related("organisation").get(pk=order_pk)
    dedupe = f"order-{order.pk}-{event}-{order.events.filter(event=event).count()}"
    for membership in order.organisation.memberships.select_related("user"):
        user = membership.user
        with translation.override(user.language or "zh-hans"):
            title, body = ORDER_MESSAGES[event][0](), ORDER_MESSAGES[event][1]()
            link = reverse("applicant:order", args=[order.pk])
            try:
                with transaction.atomic():
                    Notification.objects.create(user=user, order=order, dedupe_key=dedupe, title=title,
                                                body=body, link=link, created_at=clock.now())
            except IntegrityError:
                continue  # already notified for this event
            if user.email:
                send_mail(f"[{order.reference}] {title}", f"{body}\n\n{link}", None, [user.email], fail_silently=True)
