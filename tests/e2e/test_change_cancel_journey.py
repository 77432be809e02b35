"""Issue 12 in the browser: a filed subject with two websites. The applicant changes website -1's
name from the filed dashboard (the site serves throughout; after the sandbox regulator approves, the
record holds the new name and its history both), then cancels website -2 (blocked once approved,
-1 keeps serving), then cancels our access to -1. The provider review and the regulator's decision
happen through the services here (their consoles have journeys of their own)."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.filings import services, states
from beian.filings.models import Order, RecordStatus, WebsiteFiling
from beian.hosting.models import HostedSite, SiteDomain
from tests.records import add_website_filing

pytestmark = pytest.mark.e2e

OTHER = "demo-shop-two.cn"


def status(host: str) -> int:
    return Client().get("/", HTTP_HOST=host).status_code


def login(page, base):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "applicant")
    page.fill("input[name=password]", "pw-applicant")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


@pytest.fixture
def two_websites(orders, organisation):
    from tests.builders import RECORDED

    with RECORDED.installed():
        orders.approved()
    first = WebsiteFiling.objects.get()
    site = HostedSite.objects.create(organisation=organisation, slug="demo-two", title="二号站")
    SiteDomain.objects.create(site=site, domain=OTHER)
    second = add_website_filing(first.subject_filing, domain=OTHER)
    return first, second


def _decide(orders, order):
    """The provider's reviewer approves, the outbox pushes, the SMS are answered, the sandbox approves."""
    order = Order.objects.get(pk=order.pk)
    services.order_review_approve(order=order, reviewer=orders.reviewer)
    order = orders.answer_sms(orders.push(orders._fresh(order)))
    return orders.decide(order, approve=True)


def _action(page, number: str, action: str):
    page.goto(page.url.split("/apply/")[0] + "/apply/")
    page.locator(f".record-actions[data-record='{number}'] li[data-action='{action}'] button").click()


def test_change_a_website_name_then_cancel_a_website_then_cancel_access(live_server, page, shoot, orders, two_websites):
    from tests.builders import RECORDED, upload_materials

    first, second = two_websites
    filed_name = first.name
    base = live_server.url
    login(page, base)
    page.goto(f"{base}/apply/")
    shoot(page, "life-01-filed-dashboard")
    effect = page.locator(f".record-actions[data-record='{first.filing_number}'] li[data-action='change_website']")
    assert effect.locator(".action-eta").count() == 1  # how long it takes, in working days

    # --- change website -1's name: the site keeps serving -----------------------------------------
    _action(page, first.filing_number, "change_website")
    page.wait_for_selector("#change-continue")
    shoot(page, "life-02-what-you-change")
    page.click("#change-continue")
    page.wait_for_selector("#step-form")
    page.fill("input[name='f-website__name']", "示例科技新官网")
    page.click("#step-form button[name=continue]")
    order = Order.objects.get(filing_type="CHANGE_WEBSITE")
    with RECORDED.installed():
        upload_materials(order, orders.user)  # the signed verification form the change asks for
    page.goto(f"{base}/apply/orders/{order.pk}/step/confirm/")
    diff = page.locator("body").inner_text()
    assert filed_name in diff and "示例科技新官网" in diff
    shoot(page, "life-03-confirm-diff")
    page.click("#submit-order")
    page.wait_for_url(f"**/apply/orders/{order.pk}/**")
    assert status("demo-shop.cn") == 200  # serving while the change runs
    _decide(orders, order)
    assert status("demo-shop.cn") == 200
    first.refresh_from_db()
    assert first.name == "示例科技新官网"
    page.goto(f"{base}/apply/")
    article = page.locator(f"article[data-number='{first.filing_number}']")
    article.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    history = article.inner_text()
    assert "示例科技新官网" in history and filed_name in history  # the history keeps both versions
    shoot(page, "life-04-history")

    # --- cancel website -2: blocked once approved, -1 keeps serving --------------------------------
    _action(page, second.filing_number, "cancel_website")
    page.wait_for_selector("#request-form")
    page.select_option("#reason_code", "SITE_CLOSED")
    page.fill("#confirmation", "wrong.cn")
    page.click("#request-continue")
    page.wait_for_selector("#confirmation[aria-invalid=true], #request-error")
    assert page.locator("#confirmation").input_value() == "wrong.cn"  # what was typed is kept
    page.fill("#confirmation", OTHER)
    page.click("#request-continue")
    page.wait_for_selector("#submit-order")
    shoot(page, "life-05-cancel-confirm")
    page.click("#submit-order")
    cancel = Order.objects.get(filing_type="CANCEL_WEBSITE")
    page.wait_for_url(f"**/apply/orders/{cancel.pk}/**")
    assert (status(OTHER), status("demo-shop.cn")) == (200, 200)
    _decide(orders, cancel)
    assert (status(OTHER), status("demo-shop.cn")) == (451, 200)
    second.refresh_from_db()
    assert second.status == RecordStatus.CANCELLED

    # --- cancel our access to -1: the last accessed website; the empty shell is acknowledged --------
    _action(page, first.filing_number, "cancel_access")
    page.wait_for_selector("#request-form")
    assert page.locator("#empty-shell").count() == 1
    page.select_option("#reason_code", "MOVED_TO_OTHER_PROVIDER")
    page.click("#request-continue")
    page.wait_for_selector("#submit-order")
    for box in page.locator("input[name=acknowledge]").all():
        box.check()
    page.click("#submit-order")
    access = Order.objects.get(filing_type="CANCEL_ACCESS")
    page.wait_for_url(f"**/apply/orders/{access.pk}/**")
    assert _decide(orders, access).status == states.APPROVED
    assert status("demo-shop.cn") == 451
    page.goto(f"{base}/apply/")
    shoot(page, "life-06-after")
    text = page.locator(f"article[data-number='{second.filing_number}']").inner_text()
    assert "已注销" in text
