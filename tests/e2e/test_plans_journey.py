"""Issue 15 §3, end to end on a phone (390×844): an applicant on the basic plan sees what the plan
includes before starting, pays for the assisted filing service in the payment sandbox, gets the
receipt (page and PDF), and the reviewer's queue lists the order first, marked as assisted, ahead
of a more urgent order. Screenshots: var/screenshots/plans-*."""

from __future__ import annotations

import pytest

from beian.plans.models import Payment
from beian.review.tests.helpers import at, queued_order

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
OVERFLOW = f"() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - {PHONE['width']}"


def login(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def fits(page) -> None:
    assert page.evaluate(OVERFLOW) <= 0, f"{page.url} scrolls sideways"


def test_basic_plan_applicant_pays_for_the_assisted_service_and_is_reviewed_first(
    live_server, phone, shoot, applicant, reviewer, organisation, hosted_site
):
    base = live_server.url
    urgent = queued_order(organisation=organisation, due=at(2025, 10, 21, 9))
    mine = queued_order(organisation=organisation, due=at(2025, 10, 24, 9))
    page = phone

    login(page, base, "applicant", "pw-applicant")
    page.goto(f"{base}/apply/")
    assert page.inner_text("#plan-name") == "基础版"
    assert "人工协助备案服务：按次付费" in page.inner_text("#my-plan")
    assert "¥199.00" in page.inner_text("#assisted-offer")
    page.locator("#my-plan").scroll_into_view_if_needed()
    shoot(page, "plans-dashboard")
    fits(page)

    page.click("#plan-link")
    page.wait_for_selector("#plans")
    assert "人工协助备案服务（免费）" in page.inner_text("#plans [data-plan=advanced]")
    shoot(page, "plans-plan-page")
    fits(page)

    page.goto(f"{base}/apply/orders/{mine.pk}/")
    assert "¥199.00" in page.inner_text("#assisted-price")
    page.locator("#assisted-service").scroll_into_view_if_needed()
    shoot(page, "plans-order-offer")
    page.click("#assisted-request")
    page.wait_for_selector("#sandbox-checkout")
    assert page.inner_text("#sandbox-amount") == "¥199.00"
    shoot(page, "plans-sandbox-checkout")
    fits(page)
    page.click("#sandbox-pay")
    page.wait_for_selector("#receipt")
    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID
    receipt = page.inner_text("#receipt")
    assert payment.receipt_number in receipt and "¥199.00 CNY" in receipt and organisation.name in receipt
    assert "收据编号" in receipt and "Receipt number" in receipt
    shoot(page, "plans-receipt")
    fits(page)
    with page.expect_download() as download:
        page.click("#receipt-download")
    assert download.value.suggested_filename == f"receipt-{payment.receipt_number}.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    page.goto(f"{base}/apply/orders/{mine.pk}/")
    assert page.locator("#assisted-granted").count() == 1
    assert payment.receipt_number in page.inner_text("#assisted-receipt")

    login(page, base, "reviewer", "pw-reviewer")
    page.goto(f"{base}/review/")
    rows = page.locator("#queue tr[data-order]").evaluate_all("rows => rows.map(r => Number(r.dataset.order))")
    assert rows[:2] == [mine.pk, urgent.pk]
    assert "优先 · 协助备案" in page.inner_text(f"#queue tr[data-order='{mine.pk}']")
    assert page.locator(f"#queue tr[data-order='{urgent.pk}'] .badge.assisted").count() == 0
    shoot(page, "plans-review-queue")
