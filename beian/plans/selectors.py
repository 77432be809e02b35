"""What an organisation's plan is and includes, and what the assisted filing service costs it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404

from beian.plans.models import Payment, PlanAssignment
from beian.reference.models import Plan


def default_plan() -> Plan | None:
    return Plan.objects.filter(is_default=True).first() or Plan.objects.first()


def plan_of(organisation) -> Plan | None:
    """The organisation's plan; without one assigned, the default plan (None: no plans loaded)."""
    assignment = PlanAssignment.objects.select_related("plan").filter(organisation=organisation).first()
    return assignment.plan if assignment else default_plan()


@dataclass(frozen=True)
class AssistedOffer:
    """The assisted filing service as an organisation's plan offers it."""

    plan: Plan | None
    free: bool  # included in the plan
    price: Decimal  # CNY; 0 when free

    @property
    def available(self) -> bool:
        return self.plan is not None and (self.free or self.price > 0)


def assisted_offer(organisation) -> AssistedOffer:
    plan = plan_of(organisation)
    if plan is None:
        return AssistedOffer(plan=None, free=False, price=Decimal("0.00"))
    free = plan.assisted_service_included
    return AssistedOffer(plan=plan, free=free, price=Decimal("0.00") if free else plan.assisted_service_price)


def payments_of_order(order) -> list[Payment]:
    return list(Payment.objects.filter(order=order).order_by("-created_at", "-pk"))


def payment_for_organisation(organisation, number: str) -> Payment:
    """A payment of the organisation (404 for another tenant's or an unknown number)."""
    payment = (
        Payment.objects.select_related("order", "organisation", "created_by")
        .filter(organisation=organisation, number=number)
        .first()
    )
    if payment is None:
        raise Http404
    return payment


def plans() -> list[Plan]:
    return list(Plan.objects.all())
