"""Queries. Applicant queries always take the tenant; a foreign id is simply not found."""
from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from beian.filings import states
from beian.filings.models import Order

ORDER_RELATED = ("subject", "subject__principal", "website", "website__principal", "website__hosted_site")


def orders_for_organisation(organisation) -> QuerySet[Order]:
    return Order.objects.filter(organisation=organisation).select_related(*ORDER_RELATED)


def order_for_organisation(organisation, pk) -> Order:
    try:
        return orders_for_organisation(organisation).get(pk=pk)
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def review_queue() -> QuerySet[Order]:
    return (Order.objects.filter(status__in=states.AWAITING_PROVIDER)
            .select_related(*ORDER_RELATED, "organisation", "assigned_reviewer").order_by("submitted_at", "pk"))


def order_for_reviewer(pk) -> Order:
    try:
        return Order.objects.select_related(*ORDER_RELATED, "organisation").get(pk=pk)
    except (Order.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def latest_order_for_site(site) -> Order | None:
    return (Order.objects.filter(website__hosted_site=site)
            .select_related("website", "subject").order_by("-created_at", "-pk").first())


def timeline(order):
    return order.events.filter(visible_to_applicant=True).select_related("actor")
