"""The assisted filing service: free on a plan that includes it, paid through the payment sandbox
otherwise (paid, declined, cancelled, a repeated or forged notification), with its receipt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from beian.core.exceptions import NotFound, ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import selectors as filing_selectors
from beian.filings import states
from beian.integrations.payment import Outcome
from beian.integrations.payment.sandbox import checkout_payload, notification_token
from beian.plans import selectors, services
from beian.plans.models import Payment
from beian.plans.receipt import receipt_pdf, receipt_rows
from beian.reference.models import Plan
from beian.review.tests.helpers import queued_order

pytestmark = pytest.mark.django_db
RETURN_URL = "/apply/payments/{number}/return/"


def _pay(payment: Payment, outcome: Outcome = Outcome.PAID) -> Payment:
    """What the sandbox checkout page does: the customer's decision, signed, read back as ours."""
    token = payment.checkout_url.rstrip("/").rsplit("/", 1)[-1]
    return services.payment_settle(
        notification=services.payment_notification_read(notification_token(checkout_payload(token), outcome))
    )


@pytest.fixture
def order(organisation):
    return queued_order(organisation=organisation)


def test_seeded_plans_say_what_is_free_for_whom(organisation):
    basic, advanced = Plan.objects.get(code="basic"), Plan.objects.get(code="advanced")
    assert (
        basic.is_default and not basic.assisted_service_included and basic.assisted_service_price == Decimal("199.00")
    )
    assert advanced.assisted_service_included
    offer = selectors.assisted_offer(organisation)  # none assigned: the default plan
    assert offer.plan == basic and not offer.free and offer.price == Decimal("199.00")
    services.organisation_set_plan(organisation=organisation, plan_code="advanced")
    offer = selectors.assisted_offer(organisation)
    assert offer.plan == advanced and offer.free and offer.price == 0
    assert AuditEvent.objects.filter(action="plan.assign", organisation_id=organisation.pk).exists()


def test_unknown_plan_is_refused(organisation):
    with pytest.raises(ValidationFailed) as exc:
        services.organisation_set_plan(organisation=organisation, plan_code="platinum")
    assert exc.value.code == "plan.unknown"
    assert selectors.plan_of(organisation).code == "basic"


def test_free_on_the_advanced_plan_granted_at_once(organisation, applicant, order):
    services.organisation_set_plan(organisation=organisation, plan_code="advanced")
    result = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL)
    assert result.granted and result.payment is None
    order.refresh_from_db()
    assert order.assisted_service
    assert not Payment.objects.exists()
    assert order.events.filter(event="assisted_service").exists()
    audit = AuditEvent.objects.get(action="order.assisted_service")
    assert audit.data["plan"] == "advanced" and audit.data["amount"] == "0.00"


def test_paid_on_the_basic_plan_grants_with_a_receipt(organisation, applicant, order):
    result = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL)
    payment = result.payment
    assert not result.granted and payment.status == Payment.Status.PENDING
    assert payment.amount == Decimal("199.00") and payment.gateway_payment_id.startswith("SBX")
    order.refresh_from_db()
    assert not order.assisted_service  # not before the gateway says paid
    payment = _pay(payment)
    assert payment.status == Payment.Status.PAID and payment.receipt_number.startswith("R")
    order.refresh_from_db()
    assert order.assisted_service
    rows = {row.key: row for row in receipt_rows(payment)}
    assert rows["receipt_number"].value == payment.receipt_number
    assert rows["amount"].value == "¥199.00 CNY"
    assert rows["organisation"].value == organisation.name
    assert rows["paid_at"].value.startswith(f"{payment.settled_at.astimezone().year}")
    assert (rows["amount"].label_zh, rows["amount"].label_en) == ("金额", "Amount")
    assert receipt_pdf(list(rows.values())).startswith(b"%PDF")
    assert {"payment.create", "payment.paid", "order.assisted_service"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )


def test_a_repeated_notification_changes_nothing(applicant, order):
    payment = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    first = _pay(payment)
    again = _pay(payment)
    assert again.receipt_number == first.receipt_number and again.settled_at == first.settled_at
    assert AuditEvent.objects.filter(action="payment.paid").count() == 1
    assert order.events.filter(event="assisted_service").count() == 1
    # a late "cancelled" from the checkout page does not undo a payment
    assert _pay(payment, Outcome.CANCELLED).status == Payment.Status.PAID


def test_cancelled_then_paid_on_a_new_payment(applicant, order):
    payment = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    assert _pay(payment, Outcome.CANCELLED).status == Payment.Status.CANCELLED
    order.refresh_from_db()
    assert not order.assisted_service
    retry = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    assert retry.pk != payment.pk
    assert _pay(retry).status == Payment.Status.PAID


def test_asking_twice_reuses_the_pending_payment(applicant, order):
    first = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    second = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    assert first.pk == second.pk and Payment.objects.count() == 1


def test_the_sandbox_declines_amounts_ending_in_44(applicant, order):
    Plan.objects.filter(code="basic").update(assisted_service_price=Decimal("199.44"))
    payment = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    payment = _pay(payment)
    assert payment.status == Payment.Status.DECLINED and payment.receipt_number is None
    assert "declined" in payment.gateway_message
    order.refresh_from_db()
    assert not order.assisted_service


def test_forged_or_mismatched_notifications_change_nothing(applicant, order):
    payment = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    token = payment.checkout_url.rstrip("/").rsplit("/", 1)[-1]
    genuine = notification_token(checkout_payload(token), Outcome.PAID)
    with pytest.raises(ValidationFailed) as exc:
        services.payment_notification_read(genuine[:-2] + "xx")
    assert exc.value.code == "payment.bad_notification"
    altered = notification_token({**checkout_payload(token), "amount": "1.00"}, Outcome.PAID)
    with pytest.raises(ValidationFailed) as exc:
        services.payment_settle(notification=services.payment_notification_read(altered))
    assert exc.value.code == "payment.amount_mismatch"
    unknown = notification_token({**checkout_payload(token), "reference": "PAY-NONE"}, Outcome.PAID)
    with pytest.raises(NotFound):
        services.payment_settle(notification=services.payment_notification_read(unknown))
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING


def test_finished_orders_cannot_get_the_service(applicant, order):
    order.status = states.APPROVED
    order.save(update_fields=["status"])
    with pytest.raises(ValidationFailed) as exc:
        services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL)
    assert exc.value.code == "assisted.order_finished"


def test_assisted_orders_come_first_in_the_review_queue(organisation, applicant):
    from beian.review.tests.helpers import at

    urgent = queued_order(organisation=organisation, due=at(2025, 10, 21, 9))
    later = queued_order(organisation=organisation, due=at(2025, 10, 24, 9))
    services.organisation_set_plan(organisation=organisation, plan_code="advanced")
    services.assisted_service_request(order=later, user=applicant, return_url=RETURN_URL)
    queue = list(filing_selectors.review_queue().values_list("pk", flat=True))
    assert queue == [later.pk, urgent.pk]
    page = filing_selectors.queue_page(size=1)
    assert [o.pk for o in page.orders] == [later.pk]
    following = filing_selectors.queue_page(after=page.next_after, size=1)
    assert [o.pk for o in following.orders] == [urgent.pk]
    back = filing_selectors.queue_page(before=following.previous_before, size=1)
    assert [o.pk for o in back.orders] == [later.pk]


def test_paid_after_the_order_finished_is_kept_as_paid_for_a_refund(applicant, order):
    payment = services.assisted_service_request(order=order, user=applicant, return_url=RETURN_URL).payment
    order.status = states.ABANDONED
    order.save(update_fields=["status"])
    payment = _pay(payment)
    assert payment.status == Payment.Status.PAID and payment.receipt_number
    order.refresh_from_db()
    assert not order.assisted_service
    assert AuditEvent.objects.filter(action="payment.paid_order_finished").exists()
