"""Issue 15 §7, the friction, as the browser shows it (desktop 1280 and a 390×844 phone): the checklist
follows the nature and province before anything is saved (HTMX), the service contents sit in groups laid
out in columns (one column on a phone), "Same as the subject's principal" fills the website principal,
after a return "Save and back to confirm" leads to the confirm step, the hand-held photo's example shows a
person holding a card, and the block and maintenance pages name the provider and the way forward.
Screenshots: var/screenshots/fr-*."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.conf import settings

from beian.filings import fields
from beian.filings.models import Order
from tests.builders import OrderBuilder
from tests.e2e.waiting import wait_for_images, wait_until

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
OVERFLOW = f"Math.max(document.documentElement.scrollWidth, window.innerWidth) - {PHONE['width']}"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def login(page, base):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "applicant")
    page.fill("input[name=password]", "pw-applicant")
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def lefts(page, selector: str) -> set[int]:
    return set(page.locator(selector).evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().left))"))


def test_checklist_service_contents_and_the_website_principal(
    live_server, page, phone, shoot, applicant, reviewer, organisation, hosted_site
):
    base = live_server.url
    order = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer).draft()
    saved = (order.subject.nature, order.subject.province)
    login(page, base)

    page.goto(f"{base}/apply/orders/{order.pk}/step/checklist/")
    assert "主体证件（营业执照等）" in page.inner_text("#checklist")
    page.select_option("[name='f-subject__nature']", "5")  # an individual: no business licence
    wait_until(page, "!document.querySelector('#checklist').innerText.includes('营业执照')")
    page.select_option("[name='f-subject__province']", "43")  # Hunan asks for the domain certificate
    wait_until(page, "document.querySelector('#checklist').innerText.includes('域名证书')")
    # two choices in quick succession: the list follows the last (the second change while the first
    # one's list is on its way used to be dropped with the element it was queued on)
    page.select_option("[name='f-subject__nature']", "4")  # an enterprise again: the licence is back
    page.select_option("[name='f-subject__province']", "11")  # Beijing: no domain certificate
    wait_until(
        page,
        "document.querySelector('#checklist').innerText.includes('营业执照')"
        " && !document.querySelector('#checklist').innerText.includes('域名证书')",
    )
    page.select_option("[name='f-subject__nature']", "5")
    page.select_option("[name='f-subject__province']", "43")
    wait_until(
        page,
        "!document.querySelector('#checklist').innerText.includes('营业执照')"
        " && document.querySelector('#checklist').innerText.includes('域名证书')",
    )
    shoot(page, "fr-01-checklist-follows-the-choice")
    fresh = Order.objects.get(pk=order.pk)
    assert (fresh.subject.nature, fresh.subject.province) == saved  # nothing saved

    website = f"{base}/apply/orders/{order.pk}/step/website/"
    page.goto(website)
    assert page.locator(".checkbox-group").count() == 6
    assert len(lefts(page, ".checkbox-group")) >= 2  # columns
    assert page.locator(".checkbox-group").first.locator("legend").inner_text() == "常用"
    shoot(page, "fr-02-website-step-desktop")
    page.click("#same-principal-0")
    page.wait_for_selector("text=已按主体负责人填写网站负责人信息")
    subject = Order.objects.get(pk=order.pk).subject.principal
    assert page.input_value("[name='f-website__principal__mobile']") == subject.mobile
    assert page.input_value("[name='f-website__principal__email']") == subject.email
    assert fields.websites_of(Order.objects.get(pk=order.pk))[0].principal.mobile == subject.mobile

    login(phone, base)
    phone.goto(website)
    assert len(lefts(phone, ".checkbox-group")) == 1  # one column on a phone
    assert phone.evaluate(OVERFLOW) <= 0
    shoot(phone, "fr-03-website-step-phone")
    phone.goto(f"{base}/apply/orders/{order.pk}/step/checklist/")
    assert phone.evaluate(OVERFLOW) <= 0
    shoot(phone, "fr-04-checklist-phone")
    for shooter, name in ((page, "desktop"), (phone, "phone")):
        shooter.goto(f"{base}/apply/orders/{order.pk}/step/materials/")
        wait_for_images(shooter)
        example = shooter.locator("#slot-owner_photo img.thumb")
        assert "materials/examples/owner_photo" in (example.get_attribute("src") or "")
        assert example.evaluate("i => i.naturalWidth") == 480  # the drawn person holding a card
        example.scroll_into_view_if_needed()
        shoot(shooter, f"fr-05-materials-{name}")


def test_after_a_return_save_leads_back_to_confirm(
    live_server, page, phone, shoot, applicant, reviewer, organisation, hosted_site
):
    base = live_server.url
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer)
    order = builder.returned(fields=["websites[0].name"], note="请使用公司简称", acknowledge_warnings=True)
    login(page, base)
    page.goto(f"{base}/apply/orders/{order.pk}/step/website/")
    page.fill("[name='f-website__name']", f"{order.subject.name[:4]}官方网站")
    page.click("button[name=continue]")
    page.wait_for_url(re.compile(r"/step/confirm/$"))
    assert "请使用公司简称" in page.inner_text("#returned-fields")
    shoot(page, "fr-06-back-to-confirm-desktop")
    login(phone, base)
    phone.goto(f"{base}/apply/orders/{order.pk}/step/confirm/")
    assert phone.evaluate(OVERFLOW) <= 0
    shoot(phone, "fr-07-back-to-confirm-phone")


def test_the_block_and_maintenance_pages(
    live_server, page, phone, shoot, applicant, reviewer, organisation, hosted_site
):
    site = f"http://demo-shop.localhost:{urlparse(live_server.url).port}/"
    provider = settings.ACCESS_PROVIDER_NAME
    for shooter, name in ((page, "desktop"), (phone, "phone")):
        response = shooter.goto(site)
        assert response is not None and response.status == 451
        text = shooter.inner_text("body")
        assert provider in text and "登录备案此网站" in text and "Log in to file this site" in text
        assert shooter.get_attribute("#gate-zh-hans a.button", "href").endswith("/apply/")
        if name == "phone":
            assert shooter.evaluate(OVERFLOW) <= 0
        shoot(shooter, f"fr-08-blocked-{name}")
    OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, reviewer=reviewer).regulator_review()
    for shooter, name in ((page, "desktop"), (phone, "phone")):
        response = shooter.goto(site)
        assert response is not None and response.status == 503
        text = shooter.inner_text("body")
        assert provider in text and "登录查看备案进度" in text and "Please come back later" in text
        if name == "phone":
            assert shooter.evaluate(OVERFLOW) <= 0
        shoot(shooter, f"fr-09-maintenance-{name}")
