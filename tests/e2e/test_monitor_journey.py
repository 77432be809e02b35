"""Issue 12's compliance monitor in the browser: a filed website whose domain is about to expire. The
operator moves business time and runs the periodic jobs from the console (as the embedded scheduler
and Celery beat do); the monitor's risk is in the operator's list with its deadline, the applicant
sees it on the dashboard with what to do, and is told in the notification centre."""

from __future__ import annotations

import datetime as dt

import pytest

from beian.core import clock
from beian.filings.models import WebsiteFiling

pytestmark = pytest.mark.e2e

EXPIRES = dt.date(2028, 6, 30)  # demo-shop.cn in beian/integrations/fixtures/domains.json


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def logout(page):
    page.click("text=退出登录")
    page.wait_for_selector("input[name=username]")


@pytest.fixture
def filed_website(orders):
    """demo-shop.cn filed through the sandbox (the filing itself is the other journeys' subject: its
    material checks are replayed here)."""
    from tests.builders import RECORDED

    with RECORDED.installed():
        orders.approved()
    return WebsiteFiling.objects.get()


def test_a_domain_about_to_expire_is_a_risk_for_the_operator_and_the_applicant(
    live_server, page, shoot, applicant, operator, filed_website
):
    base = live_server.url
    number = filed_website.filing_number
    # business time: 21 days before the domain expires; the operator's console moves it one more day
    clock.advance(days=(EXPIRES - dt.timedelta(days=21) - clock.today()).days)

    login(page, base, "operator", "pw-operator")
    page.goto(f"{base}/operator/")
    page.fill("#advance-days", "1")
    page.click("#advance")  # moves business time and runs the periodic jobs, the monitor among them
    page.wait_for_selector(".messages")
    page.click("#risks-link")
    row = page.locator("#risks tr.risk[data-code='monitor.domain.expires_soon']")
    row.wait_for()
    text = row.inner_text()
    assert number in text and "北京示例科技有限公司" in text
    assert "域名 demo-shop.cn 将于 2028-06-30 到期，还剩 20 天。" in text
    assert "请在到期前续费域名。" in text and "2028-06-30" in text
    assert "提议：服务商发起取消接入" not in text  # not past its deadline: nothing proposed yet
    shoot(page, "monitor-01-operator-risks")
    page.click("#risks-overdue")
    page.wait_for_selector("#risks")
    assert page.locator("#risks tr.risk").count() == 0
    logout(page)

    login(page, base, "applicant", "pw-applicant")
    page.goto(f"{base}/apply/")
    risk = page.locator("#monitor-risks tr.risk[data-code='monitor.domain.expires_soon']")
    risk.wait_for()
    text = risk.inner_text()
    assert number in text and "域名到期" in text and "demo-shop.cn" in text
    assert "将于 2028-06-30 到期，还剩 20 天" in text and "请在到期前续费域名。" in text
    assert "还剩 20 天" in page.locator("#monitor-risks .risk-deadline").inner_text()
    shoot(page, "monitor-02-applicant-dashboard")

    page.click("#nav-notifications")
    page.wait_for_selector(f"text={number} 需要整改：域名到期")
    shoot(page, "monitor-03-applicant-notification")
