"""The assisted filing service (staff fill in and check the filing on the customer's behalf; the
order is reviewed first): free on a plan that includes it, otherwise paid through the payment
gateway, granted once the gateway's notification says paid. Every change is audited.

Settling is idempotent: a notification that arrives twice (the customer's browser and the
gateway's server both bring it) changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from beian.accounts.models import Organisation
from beian.core import audit, clock
from beian.core.exceptions import NotFound, ValidationFailed
from beian.filings import states
from beian.filings.models import Order
from beian.filings.services import order_grant_assisted_service
from beian.integrations import payment as payments
from beian.plans.models import Payment, PlanAssignment
from beian.plans.selectors import assisted_offer
from beian.reference.models import Plan


@transaction.atomic
def organisation_set_plan(
    *, organisation, plan_code: str, actor=None, actor_label: str = ""
) -> tuple[PlanAssignment, bool]:
    """Put the organisation on the plan `plan_code` (an operator, or the platform's provisioning).
    Returns the assignment and whether it changed."""
    plan = Plan.objects.filter(code=plan_code).first()
    if plan is None:
        raise ValidationFailed(_("There is no plan %(code)s.") % {"code": plan_code}, code="plan.unknown", field="plan")
    assignment = PlanAssignment.objects.select_for_update().filter(organisation=organisation).first()
    before = assignment.plan.code if assignment else ""
    if assignment is None:
        assignment = PlanAssignment.objects.create(organisation=organisation, plan=plan, assigned_at=clock.now())
    elif assignment.plan_id != plan.pk:
        assignment.plan, assignment.assigned_at = plan, clock.now()
        assignment.save(update_fields=["plan", "assigned_at"])
    else:
        return assignment, False
    # the platform's organisation answer carries the plan: a new plan is a change of it (`updated_since`)
    Organisation.objects.filter(pk=organisation.pk).update(updated_at=clock.now())
    audit.record(
        action="plan.assign",
        target=assignment,
        actor=actor,
        actor_label=actor_label,
        organisation_id=organisation.pk,
        data={"from": before, "to": plan.code},
    )
    return assignment, True


@dataclass(frozen=True)
class AssistedRequest:
    granted: bool  # granted now (free on the plan, or already granted)
    payment: Payment | None = None  # to pay at `payment.checkout_url`


def assisted_service_request(*, order: Order, user, return_url: str) -> AssistedRequest:
    """The applicant asks for the assisted filing service on an order: granted at once when the
    plan includes it, otherwise a payment at the gateway (the one still awaiting payment, if any)
    whose checkout page the applicant goes to. `return_url` (with `{number}` for the payment
    number) is where the gateway sends the applicant back."""
    if order.assisted_service:
        return AssistedRequest(granted=True)
    if order.status in states.TERMINAL:
        raise ValidationFailed(
            _("This filing is finished; the assisted filing service is for open filings."),
            code="assisted.order_finished",
        )
    offer = assisted_offer(order.organisation)
    if offer.plan is None or not offer.available:
        raise ValidationFailed(
            _("The assisted filing service is not offered on your plan."), code="assisted.not_offered"
        )
    if offer.free:
        order_grant_assisted_service(
            order=order,
            actor=user,
            reason=gettext_noop("Included in your plan"),
            data={"plan": offer.plan.code, "amount": "0.00"},
        )
        return AssistedRequest(granted=True)
    with transaction.atomic():
        Order.objects.select_for_update().filter(pk=order.pk).first()  # one pending payment per order
        pending = Payment.objects.filter(order=order, status=Payment.Status.PENDING).first()
        if pending is not None and pending.amount == offer.price and pending.checkout_url:
            return AssistedRequest(granted=False, payment=pending)
        if pending is not None:  # the price changed since: that checkout is void
            _settle(pending, Payment.Status.CANCELLED, actor=user, message="price changed")
        now = clock.now()
        payment = Payment.objects.create(
            number=f"tmp-{order.pk}-{now.timestamp()}",
            organisation=order.organisation,
            order=order,
            plan_code=offer.plan.code,
            amount=offer.price,
            gateway=payments.gateway_name(),
            created_by=user if getattr(user, "is_authenticated", False) else None,
            created_at=now,
        )
        payment.number = f"PAY{timezone.localtime(now):%Y%m%d}{payment.pk:06d}"
        gateway = payments.gateway()
        try:
            session = gateway.create(
                payments.PaymentRequest(
                    reference=payment.number,
                    amount=payment.amount,
                    description=f"人工协助备案服务 Assisted filing service — {order.reference}",
                    return_url=return_url.format(number=payment.number),
                )
            )
        except payments.PaymentError as exc:
            raise ValidationFailed(
                _("The payment gateway refused the payment; try again later."), code="payment.gateway"
            ) from exc
        payment.gateway_payment_id, payment.checkout_url = session.payment_id, session.checkout_url
        payment.save(update_fields=["number", "gateway_payment_id", "checkout_url"])
        audit.record(
            action="payment.create",
            target=payment,
            actor=user,
            data={"order": order.reference, "amount": str(payment.amount), "plan": payment.plan_code},
        )
    return AssistedRequest(granted=False, payment=payment)


OUTCOME_STATUS = {
    payments.Outcome.PAID: Payment.Status.PAID,
    payments.Outcome.DECLINED: Payment.Status.DECLINED,
    payments.Outcome.CANCELLED: Payment.Status.CANCELLED,
}


def payment_notification_read(token: str) -> payments.PaymentNotification:
    try:
        return payments.gateway().read_notification(token)
    except payments.PaymentError as exc:
        raise ValidationFailed(
            _("The payment notification could not be verified; nothing was changed."), code="payment.bad_notification"
        ) from exc


def payment_settle(*, notification: payments.PaymentNotification) -> Payment:
    """Apply the gateway's verified notification: paid → a receipt number and the service granted;
    declined or cancelled → recorded (the applicant may try again). A paid payment stays paid; a
    repeated notification changes nothing."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(number=notification.reference).first()
        if payment is None or payment.gateway_payment_id != notification.payment_id:
            raise NotFound(_("The payment notification names no payment of ours."), code="payment.unknown")
        if notification.amount != payment.amount:
            audit.record(
                action="payment.amount_mismatch",
                target=payment,
                actor_label=f"gateway:{payment.gateway}",
                data={"expected": str(payment.amount), "notified": str(notification.amount)},
            )
            raise ValidationFailed(
                _("The paid amount does not match the payment; nothing was changed."), code="payment.amount_mismatch"
            )
        status = OUTCOME_STATUS[notification.outcome]
        if payment.status == Payment.Status.PAID or payment.status == status:
            return payment  # already settled so: a repeated notification
        _settle(payment, status, actor_label=f"gateway:{payment.gateway}", message=notification.message)
        if status == Payment.Status.PAID:
            try:
                order_grant_assisted_service(
                    order=payment.order,
                    actor=None,
                    reason=gettext_noop("Paid through the payment gateway"),
                    data={"plan": payment.plan_code, "amount": str(payment.amount), "receipt": payment.receipt_number},
                )
            except ValidationFailed:  # the order finished meanwhile: the money is kept as paid, to refund
                audit.record(
                    action="payment.paid_order_finished",
                    target=payment,
                    actor_label=f"gateway:{payment.gateway}",
                    data={"order": payment.order.reference, "status": payment.order.status},
                )
    return payment


def _settle(payment: Payment, status: str, *, actor=None, actor_label: str = "", message: str = "") -> None:
    before = payment.status
    now = clock.now()
    payment.status, payment.settled_at, payment.gateway_message = status, now, message[:300]
    fields = ["status", "settled_at", "gateway_message"]
    if status == Payment.Status.PAID:
        payment.receipt_number = f"R{timezone.localtime(now):%Y%m%d}{payment.pk:06d}"
        fields.append("receipt_number")
    payment.save(update_fields=fields)
    audit.record(
        action=f"payment.{status}",
        target=payment,
        actor=actor,
        actor_label=actor_label,
        data={
            "from": before,
            "amount": str(payment.amount),
            "receipt": payment.receipt_number or "",
            "message": message,
        },
    )
