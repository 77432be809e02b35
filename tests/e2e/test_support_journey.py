"""Online customer service in the browser (issue 15 §2): an applicant asks a question on an order
with an attachment; a reviewer sees it in the inbox with its unread count and answers from a
canned reply that links a help article; the applicant's open order page shows the answer without
a reload (HTMX polling). Then the pages on a phone (390×844) without horizontal scrolling."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from beian.support import services
from beian.support.services import articles_load
from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
OVERFLOW = f"Math.max(document.documentElement.scrollWidth, window.innerWidth) - {PHONE['width']}"
ARTICLE = "reason-site-name-invalid"


def login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"pw-{username}")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def screenshot_png(tmp_path):
    path = tmp_path / "网站截图.png"
    image = Image.new("RGB", (640, 400), (245, 245, 250))
    for x in range(40, 600):
        for y in range(60, 90):
            image.putpixel((x, y), (30, 90, 200))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_an_applicant_asks_on_the_order_and_sees_the_reply_without_reloading(
    live_server, browser, page, shoot, tmp_path, orders, applicant, reviewer, operator
):
    base = live_server.url
    articles_load()
    services.canned_reply_save(
        reply=None,
        title_zh="网站名称不规范",
        title_en="Website name not accepted",
        body_zh="您好，网站名称需要与主体相关且至少 3 个汉字，具体要求见下方帮助文章。",
        body_en="Hello, the website name must relate to the subject; see the help article below.",
        article_slugs=[ARTICLE],
        active=True,
        position=0,
        actor=operator,
    )
    order = orders.submitted()

    # the applicant asks on the order page, with a screenshot attached
    login(page, base, applicant.username)
    page.goto(f"{base}/apply/orders/{order.pk}/")
    assert page.locator("#conversation #conversation-empty").count() == 1
    page.fill("#message-body", "网站名称“示例站”可以用吗？截图见附件。")
    page.set_input_files("#message-attachments", str(screenshot_png(tmp_path)))
    page.click("#message-send")
    page.wait_for_selector("#conversation .chat-message.applicant")
    assert "网站截图.png" in page.inner_text("#conversation .chat-attachments")
    shoot(page, "support-applicant-asked")
    page.evaluate("window.beianNotReloaded = true")  # gone if the page reloads

    # a reviewer: the header's badge and the inbox say one unread; answers from a canned reply
    staff_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    staff = staff_context.new_page()
    staff.set_default_timeout(60_000)
    login(staff, base, reviewer.username)
    assert staff.inner_text("#support-unread") == "1"
    staff.click("#nav-support")
    row = staff.locator(f"#inbox tr[data-conversation='{order.conversation.pk}']")
    assert row.locator("[data-unread='1']").count() == 1 and order.reference in row.inner_text()
    shoot(staff, "support-inbox")
    row.locator("a").click()
    staff.wait_for_selector("#conversation .chat-message.applicant")
    attachment = staff.locator("#conversation .chat-attachments a")
    assert attachment.inner_text() == "网站截图.png"
    assert staff.request.get(base + attachment.get_attribute("href")).headers["content-type"] == "image/png"
    staff.select_option("#canned-reply", label="网站名称不规范")
    staff.wait_for_selector("#canned-articles")
    assert "至少 3 个汉字" in staff.input_value("#message-body")
    shoot(staff, "support-staff-canned")
    staff.click("#message-send")
    staff.wait_for_selector("#conversation .chat-message.staff")
    assert staff.locator("#conversation-status").inner_text() == "等待申请人"
    shoot(staff, "support-staff-replied")

    # the applicant's page, left open, shows the answer and its article within a poll or two
    wait_until(page, "document.querySelectorAll('#conversation .chat-message.staff').length === 1", timeout=20)
    assert page.evaluate("window.beianNotReloaded === true")
    assert page.inner_text("#conversation-status") == "等待申请人"  # the status comes with the poll too
    link = page.locator(f"#conversation .chat-articles a[href='/help/a/{ARTICLE}/']")
    assert link.count() == 1
    shoot(page, "support-applicant-answered")
    link.click()
    page.wait_for_selector("article#article h1")

    # the reviewer's order page has the conversation beside the order
    staff.goto(f"{base}/review/orders/{order.pk}/")
    assert staff.locator("#conversation .chat-message").count() == 2
    shoot(staff, "support-review-order")
    staff_context.close()

    # on a phone: the order page with its conversation and the support page fit the width
    phone_context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    phone = phone_context.new_page()
    login(phone, base, applicant.username)
    for name, url in (("order", f"/apply/orders/{order.pk}/"), ("support", "/support/")):
        phone.goto(base + url)
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate(OVERFLOW) <= 0, name
        shoot(phone, f"support-phone-{name}")
    phone.context.clear_cookies()
    login(phone, base, reviewer.username)
    for name, url in (("inbox", "/operator/support/"), ("conversation", f"/operator/support/{order.conversation.pk}/")):
        phone.goto(base + url)
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate(OVERFLOW) <= 0, name
        shoot(phone, f"support-phone-staff-{name}")
    phone_context.close()
