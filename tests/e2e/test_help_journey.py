"""The help centre in the browser: an applicant whose website name was returned clicks the "?"
beside the reason on the order page and reads why and how to fix it; the help centre's home,
search (a Chinese question) and the rule catalogue in Chinese."""

from __future__ import annotations

import pytest

from beian.support.services import articles_load

pytestmark = pytest.mark.e2e


def login(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"pw-{username}")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def test_the_return_itself_answers_why_the_site_name_was_returned(live_server, page, shoot, orders, applicant):
    base = live_server.url
    articles_load()
    order = orders.returned(
        fields=("websites[0].name",), reason_code="SITE_NAME_INVALID", note="请使用与单位相关的名称"
    )
    login(page, base, applicant.username)

    page.goto(f"{base}/apply/orders/{order.pk}/")
    question = page.locator("a.help-q[href='/help/for/reason/SITE_NAME_INVALID/']")
    assert question.count() == 1
    shoot(page, "help-returned-order")
    question.click()
    page.wait_for_selector("article#article h1")
    assert "网站名称不规范" in page.inner_text("article#article h1")
    assert "至少 3 个汉字" in page.inner_text("article#article")
    codes = page.locator("article#article details.code code")
    assert codes.count() > 0 and not codes.first.is_visible()  # rule codes only on demand
    shoot(page, "help-article")

    page.goto(f"{base}/help/")
    assert page.locator("#courses a").count() == 3
    shoot(page, "help-home")
    page.fill("input[name=q]", "手持身份证照片要求")
    page.click(".help-search button")
    page.wait_for_selector("#results")
    assert "手持证件照" in page.inner_text("#results li:first-child")
    shoot(page, "help-search")

    page.goto(f"{base}/help/rules/")
    assert "{chars}" not in page.content() and page.locator("h2", has_text="任意字段").count() == 1
    shoot(page, "help-rules")
