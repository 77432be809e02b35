"""The applicant's plan page, the assisted filing service on the order page, paying in the
sandbox (the checkout page, the return, the notification) and the receipt."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from beian.plans import services
from beian.plans.models import Payment
from beian.review.tests.helpers import queued_order


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # assert on the English msgids
    return client


@pytest.fixture
def order(organisation):
    return queued_order(organisation=organisation)


def _checkout(web, order):
    response = web.post(reverse("applicant:assisted", args=[order.pk]))
    assert response.status_code == 302 and "/payments/sandbox/" in response["Location"]
    return response["Location"]


def test_plan_page_says_what_each_plan_includes(web):
    page = web.get(reverse("applicant:plan")).content.decode()
    assert 'id="plan-name">Basic<' in page
    assert "Assisted filing service: paid per filing" in page
    assert "¥199.00 per filing" in page
    assert 'data-plan="advanced"' in page and "Assisted filing service (free)" in page


def test_dashboard_and_verify_page_show_the_plan_before_starting(web, organisation):
    services.organisation_set_plan(organisation=organisation, plan_code="advanced")
    for url in (reverse("applicant:dashboard"), reverse("applicant:verify")):
        page = web.get(url).content.decode()
        assert 'id="plan-name">Advanced<' in page and "Free on your plan" in page


def test_order_page_offers_the_service_at_the_plan_price(web, order):
    page = web.get(reverse("applicant:order", args=[order.pk])).content.decode()
    assert "Pay ¥199.00 for the assisted filing service" in page


def test_free_on_advanced_turns_on_without_paying(web, organisation, order):
    services.organisation_set_plan(organisation=organisation, plan_code="advanced")
    page = web.get(reverse("applicant:order", args=[order.pk])).content.decode()
    assert "Free on your plan (Advanced)" in page
    response = web.post(reverse("applicant:assisted", args=[order.pk]), follow=True)
    assert 'id="assisted-granted"' in response.content.decode()
    assert not Payment.objects.exists()


def test_paying_in_the_sandbox_gives_a_receipt(web, organisation, order):
    checkout = _checkout(web, order)
    page = web.get(checkout).content.decode()
    assert "¥199.00" in page and "no money moves" in page
    response = web.post(checkout, {"action": "pay"})
    assert response.status_code == 302 and "notification=" in response["Location"]
    back = web.get(response["Location"])
    payment = Payment.objects.get()
    assert back.status_code == 302 and back["Location"] == reverse("applicant:receipt", args=[payment.number])
    receipt = web.get(back["Location"]).content.decode()
    assert payment.receipt_number in receipt and "收据编号" in receipt and "Receipt number" in receipt
    assert organisation.name in receipt and "¥199.00 CNY" in receipt
    pdf = web.get(reverse("applicant:receipt_download", args=[payment.number]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert payment.receipt_number in pdf["Content-Disposition"]
    order.refresh_from_db()
    assert order.assisted_service
    # the browser's return replayed (back button) changes nothing and still shows the receipt
    assert web.get(response["Location"])["Location"] == back["Location"]
    assert Payment.objects.get().receipt_number == payment.receipt_number


def test_cancelling_at_checkout_says_nothing_was_charged(web, order):
    checkout = _checkout(web, order)
    response = web.post(checkout, {"action": "cancel"})
    page = web.get(response["Location"], follow=True).content.decode()
    assert "The payment was cancelled; nothing was charged." in page
    assert Payment.objects.get().status == Payment.Status.CANCELLED
    assert "Pay ¥199.00 for the assisted filing service" in page  # may try again


def test_gateway_notification_is_idempotent_and_checked(client, web, order):
    checkout = _checkout(web, order)
    location = web.post(checkout, {"action": "pay"})["Location"]
    token = re.search(r"notification=([^&]+)", location).group(1)
    from urllib.parse import unquote

    notify = reverse("applicant:payment_notify")
    client.logout()
    assert client.post(notify, {"notification": unquote(token)}).content == b"success"
    assert client.post(notify, {"notification": unquote(token)}).content == b"success"
    assert Payment.objects.get().status == Payment.Status.PAID
    forged = client.post(notify, {"notification": unquote(token)[:-3] + "abc"})
    assert forged.status_code == 422 and forged.content == b"payment.bad_notification"


def test_another_tenant_sees_no_receipt(client, other_tenant, web, order):
    checkout = _checkout(web, order)
    web.get(web.post(checkout, {"action": "pay"})["Location"])
    payment = Payment.objects.get()
    client.force_login(other_tenant)
    assert client.get(reverse("applicant:receipt", args=[payment.number])).status_code == 404
    assert client.get(reverse("applicant:receipt_download", args=[payment.number])).status_code == 404


def test_an_altered_checkout_link_is_refused(web, order):
    checkout = _checkout(web, order)
    assert web.get(checkout[:-3] + "xx/").status_code == 400
