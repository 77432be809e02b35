"""Issue 13 items 4 and 5 in a browser: the site builder generates service codes and prefills a filing through
its API; an operator requires a code to start a filing; the applicant sees the site's codes on the dashboard,
is refused with a mistyped code (what was typed kept) and starts with the right one; the prefilled filing of
a second site opens filled in."""

from __future__ import annotations

import re

import pytest

from beian.filings import fields as order_fields
from beian.hosting.models import HostedSite, SiteDomain
from tests.builders import BEIJING, VALID_ENTERPRISE
from tests.e2e.test_footer_journey import login

pytestmark = pytest.mark.e2e


def test_service_codes_from_the_platform_to_the_wizard(
    live_server, browser, page, shoot, platform_client, applicant, operator, hosted_site, organisation
):
    base = live_server.url
    codes_api = platform_client(scopes=["service_codes", "orders"])
    generated = codes_api.post(
        "/api/v1/platform/service-codes", {"site_id": hosted_site.pk, "count": 3}, content_type="application/json"
    ).json()
    code = generated["items"][0]["code"]
    second_site = HostedSite.objects.create(organisation=organisation, slug="shop-two", title="示例科技商城")
    SiteDomain.objects.create(site=second_site, domain="demo-shop-2.cn")
    prefilled = codes_api.post(
        "/api/v1/platform/orders",
        {
            "organisation": "acct-1",
            "site_id": second_site.pk,
            "data": order_fields.nest(
                {"subject.name": BEIJING.company, "websites[0].name": "示例科技商城", "websites[0].remark": "网上商城"}
            ),
        },
        content_type="application/json",
    ).json()

    # the operator requires a code to start a filing
    login(page, base, "operator", "pw-operator")
    page.goto(f"{base}/operator/service-codes/")
    page.click("#code-requirement-on")
    page.wait_for_selector("#code-requirement-off")
    assert page.locator(f"#service-codes tr:has-text('{code}')").count() == 1
    shoot(page, "service-codes-01-operator-list")

    applicant_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = applicant_context.new_page()
    login(page, base, "applicant", "pw-applicant")
    codes_table = page.locator(f"#codes-{hosted_site.slug}")
    assert code in codes_table.inner_text() and "未使用" in codes_table.inner_text()
    shoot(page, "service-codes-02-dashboard")

    page.click(f"#start-{hosted_site.slug}")
    page.wait_for_url(re.compile(r"/sites/\d+/verify/"))
    assert "在建站平台的「备案服务码」页面获取" in page.content()
    page.select_option("[name='province']", "11")
    page.select_option("[name='nature']", "4")
    page.select_option("[name='certificate_type']", "1")
    page.fill("[name='certificate_number']", VALID_ENTERPRISE["subject.certificate_number"])
    mistyped = code[:-1] + ("2" if code[-1] != "2" else "3")
    page.fill("[name='service_code']", mistyped)
    page.click("button[name=check]")
    page.wait_for_selector("#verify-result [data-type='FIRST_FILING']")
    page.click("#verify-confirm")
    page.wait_for_selector("text=这不是有效的备案服务码")
    assert page.input_value("[name='service_code']") == mistyped
    shoot(page, "service-codes-03-wizard-start-refused")

    page.fill("[name='service_code']", code.lower())
    page.click("button[name=check]")
    page.wait_for_selector("#verify-result [data-type='FIRST_FILING']")
    shoot(page, "service-codes-04-wizard-start")
    page.click("#verify-confirm")
    page.wait_for_url(re.compile(r"/step/verify/"))

    page.goto(f"{base}/apply/")
    assert "备案中" in page.locator(f"#codes-{hosted_site.slug}").inner_text()
    assert code not in page.locator(f"#codes-{hosted_site.slug}").inner_text()  # used: masked
    shoot(page, "service-codes-05-dashboard-bound")

    page.goto(f"{base}/apply/orders/{prefilled['id']}/step/subject/")
    assert page.input_value("[name='f-subject__name']") == BEIJING.company
    page.goto(f"{base}/apply/orders/{prefilled['id']}/step/website/")
    assert page.input_value("[name='f-website__name']") == "示例科技商城"
    shoot(page, "service-codes-06-prefilled-website")
    applicant_context.close()
