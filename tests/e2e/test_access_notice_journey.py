"""Provider-initiated cancel access in the browser: an operator finds a filed website by its domain and
notifies the customer; the customer's dashboard shows what to rectify by when; the confirm button
stays disabled until the deadline has passed; then the operator confirms and the cancel access goes
to the regulator."""

from __future__ import annotations

import pytest

from beian.core import clock
from beian.filings import notices
from beian.filings.models import AccessCancellationNotice, NoticeStatus, Order
from tests.records import add_website_filing

pytestmark = pytest.mark.e2e


def login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"pw-{username}")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def logout(page):
    page.click("text=退出登录")
    page.wait_for_selector("input[name=username]")


def test_notify_wait_for_the_deadline_then_confirm(live_server, page, shoot, orders, operator, applicant):
    base = live_server.url
    subject = orders.filed_record()
    record = subject.websites.get()
    # two more websites of the customer: one the monitor proposed, one already withdrawn
    shop = add_website_filing(subject, domain="demo-shop-products.cn")
    blog = add_website_filing(subject, domain="xn--fiq228c.cn")  # 中文.cn
    notices.access_notice_propose(
        website_filing=shop,
        reason_code="VERIFICATION_FAILED",
        source="monitor:risk:1",
        note="域名持有者与主办单位不一致。",
    )
    withdrawn = notices.access_notice_create(website_filing=blog, operator=operator, reason_code="VIOLATION")
    notices.access_notice_withdraw(notice=withdrawn, operator=operator, note="违规内容已删除。")

    login(page, base, "operator")
    page.goto(f"{base}/operator/")
    page.click("#notices-link a")
    page.fill("#notice-start input[name=q]", "www.demo-shop.cn")
    page.click("#notice-start button")
    page.wait_for_selector(f"#candidate-{record.pk}")
    page.select_option(f"#candidate-{record.pk} select[name=reason_code]", "RESOURCES_EXPIRED")
    page.fill(f"#candidate-{record.pk} textarea[name=note]", "备案关联的云服务器已于 11 月 30 日到期。")
    page.click(f"#candidate-{record.pk} button.primary")
    page.wait_for_selector("#notice-facts")
    notice = AccessCancellationNotice.objects.get(website_filing=record)
    assert notice.status == NoticeStatus.OPEN
    assert page.is_disabled("#confirm-cancel")
    assert notice.deadline.isoformat() in page.inner_text("#confirm-wait")
    shoot(page, "access-notice-before-deadline")

    logout(page)
    login(page, base, "applicant")
    section = page.inner_text("#access-notices")
    assert record.filing_number in section and notice.deadline.isoformat() in section
    assert "续费备案所用的云资源" in section  # how to rectify, from reference data
    shoot(page, "access-notice-customer-dashboard")
    logout(page)

    clock.advance(days=(notice.deadline - clock.today()).days + 1)
    login(page, base, "operator")
    page.goto(f"{base}/operator/notices/")
    assert page.locator(f"#due-notices tr[data-notice='{notice.pk}']").count() == 1
    shoot(page, "access-notices-list")
    page.click(f"#due-notices tr[data-notice='{notice.pk}'] a.button")
    page.wait_for_selector("#notice-confirm")
    assert not page.is_disabled("#confirm-cancel")
    shoot(page, "access-notice-confirm")
    page.click("#confirm-cancel")
    page.wait_for_selector("#order")
    order = Order.objects.get(filing_type="CANCEL_ACCESS")
    assert order.initiated_by_provider and order.reference in page.inner_text(".messages")
    shoot(page, "access-notice-confirmed")
