"""Issue 12 item 6 in a browser: the filing footer of a filed hosted site stays visible and uncovered
whatever its content and custom footer try (CSS, a full-page cover, another number); the applicant
edits the custom footer (a refusal keeps what was typed), previews it, saves it, and copies the
snippet for pages served elsewhere."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from beian.filings import psb
from beian.filings.models import WebsiteFiling
from beian.hosting.models import HostedSite
from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e

HOSTILE_CONTENT = (
    "<style>footer.beian,#icp-number{display:none!important}body{overflow:hidden}</style>"
    '<div style="position:fixed;inset:0;background:#fff;z-index:2147483647">遮挡层</div>'
    "<h1>北京示例科技有限公司</h1><p>欢迎访问示例科技。</p><script>document.querySelector('footer').remove()</script>"
)


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("header .who")


def assert_filing_footer_shown(page, number: str) -> None:
    """The ICP number is on screen and nothing covers it: the element at its centre is the link."""
    link = page.locator("footer.beian a#icp-number")
    assert link.is_visible() and link.inner_text() == number
    link.scroll_into_view_if_needed()
    on_top = page.evaluate(
        """() => { const a = document.querySelector('footer.beian a#icp-number'); const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return hit === a || a.contains(hit); }"""
    )
    assert on_top
    box = page.evaluate(
        "() => { const f = document.querySelector('footer.beian'); const r = f.getBoundingClientRect();"
        " return [r.left + r.width / 2, document.documentElement.clientWidth / 2, f.nextElementSibling === null]; }"
    )
    assert abs(box[0] - box[1]) < 2 and box[2]  # bottom centre: centred, the last thing on the page


def test_the_filing_footer_survives_hostile_content_and_the_custom_footer_is_edited(
    live_server, page, shoot, orders, applicant, hosted_site
):
    base = live_server.url
    port = urlparse(base).port
    site_url = f"http://demo-shop.localhost:{port}/"
    orders.approved()
    record = WebsiteFiling.objects.get()
    number = record.filing_number
    psb.website_filing_set_psb_number(website_filing=record, user=applicant, number="京公网安备11010502030143号")
    # written as rows, as an admin edit or an import would: the page still shows the filing footer,
    # and a custom footer with another number is left out
    HostedSite.objects.filter(pk=hosted_site.pk).update(
        body_html=HOSTILE_CONTENT, custom_footer_html="京ICP备2026999999号-1"
    )
    hosted_site.save(update_fields=["title"])  # the site's receivers: every process re-reads it

    page.goto(site_url)
    assert_filing_footer_shown(page, number)
    assert "2026999999" not in page.content() and page.locator("#custom-footer").count() == 0
    shoot(page, "footer-01-hostile-content")

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    login(page, base, "applicant", "pw-applicant")
    page.click("a.footer-link")
    page.wait_for_selector("#snippet-html")
    field = f"#custom-footer-{hosted_site.pk}"
    hiding = '<span style="display:block;position:fixed;bottom:0;left:0;right:0;height:90px;background:#fff">© 示例科技</span>'
    page.fill(field, hiding)
    page.click(f"#site-{hosted_site.pk} button[value=save]")
    page.wait_for_selector(f"#site-{hosted_site.pk} .finding.error")
    assert page.input_value(field) == hiding  # nothing lost
    findings = f"#site-{hosted_site.pk} .findings"
    assert "自定义页脚含有不允许的标记" in page.inner_text(findings)
    assert "footer.custom.markup" in page.inner_html(findings)  # the rule code only on demand (详情)
    shoot(page, "footer-02-refused")

    good = '© 2026 北京示例科技有限公司 · <a href="https://demo-shop.cn/contact" target="_blank">联系我们</a>'
    page.fill(field, good)
    page.click(f"#site-{hosted_site.pk} button[value=preview]")
    page.wait_for_selector(f"#site-{hosted_site.pk} .footer-preview .site-footer")
    assert "联系我们" in page.inner_text(f"#site-{hosted_site.pk} .footer-preview")
    page.click(f"#site-{hosted_site.pk} button[value=save]")
    page.wait_for_selector(".msg.success")
    assert page.input_value(field) == good

    page.click("[data-copy=snippet-html]")
    wait_until(page, "document.getElementById('snippet-copy-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#snippet-html") and number in copied and "https://beian.miit.gov.cn/" in copied
    assert "京公网安备11010502030143号" in copied and "<svg" in copied
    shoot(page, "footer-03-applicant-page")

    page.goto(site_url)
    assert_filing_footer_shown(page, number)
    assert page.locator("footer.beian a#psb-number svg").is_visible()
    custom = page.locator("#custom-footer")
    assert "联系我们" in custom.inner_text()
    above = page.evaluate(
        "() => document.querySelector('#custom-footer').getBoundingClientRect().bottom"
        " <= document.querySelector('footer.beian').getBoundingClientRect().top + 1"
    )
    assert above
    shoot(page, "footer-04-hosted-page")
