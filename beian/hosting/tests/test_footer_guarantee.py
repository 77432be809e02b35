"""The filing footer of a filed hosted site always renders from the record (rules file §8.1, §8.2):
its content and its custom footer cannot remove, hide, cover or contradict it, however they were
written (the service checks the custom footer; a page re-checks and sanitises both on render)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation

from beian.core.exceptions import NotFound, ValidationFailed
from beian.filings.models import WebsiteFiling
from beian.hosting.models import HostedSite
from beian.hosting.services import hosted_site_set_custom_footer

HIDING_CONTENT = [
    "<style>footer.beian,#icp-number{display:none!important}</style><h1>示例</h1>",
    '<div style="position:fixed;inset:0;background:#fff;z-index:2147483647">遮挡</div>',
    "<script>document.querySelector('footer.beian').remove()</script>",
    "<h1>示例</h1><!-- the rest of the page is a comment",
    "<h1>示例</h1><textarea>",
    '</main><footer class="beian"><a href="https://beian.miit.gov.cn/" id="icp-number">京ICP备2026999999号-1</a></footer><main>',
    '<p class="beian" id="icp-number" hidden>x</p><link rel="stylesheet" href="https://example.cn/hide.css">',
    '<iframe srcdoc="<style>body{}</style>" style="position:fixed;bottom:0;width:100%;height:120px"></iframe>',
]


def page(host: str = "demo-shop.cn") -> str:
    response = Client().get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def write(site: HostedSite, **values) -> None:
    """Rows written past the service (an admin edit, an import), then the site's receivers run."""
    HostedSite.objects.filter(pk=site.pk).update(**values)
    HostedSite.objects.get(pk=site.pk).save(update_fields=["title"])


def filing_footer(html: str) -> str:
    footers = re.findall(r'<footer class="beian">.*?</footer>', html, re.S)
    assert len(footers) == 1, footers
    return footers[0]


@pytest.fixture
def filed(orders):
    return orders.approved().website.filing_number


@pytest.mark.parametrize("content", HIDING_CONTENT)
def test_content_cannot_hide_or_replace_the_filing_footer(
    filed, hosted_site, content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write(hosted_site, body_html=content)
    html = page()
    footer = filing_footer(html)
    assert (
        f'<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" id="icp-number">{filed}</a>'
        in footer
    )
    body = html[html.index("<body>") : html.index('<footer class="beian">')]
    assert "<style" not in body and "style=" not in body and "<script" not in body and "<iframe" not in body
    assert "<link" not in body and 'class="beian"' not in body and "hidden" not in body and "<!--" not in body
    assert html.count("<style>") == 1  # the page's own, in <head>
    assert 'id="icp-number">京ICP备2026999999' not in html  # typed into the content, it is text, not the footer
    assert html.rstrip().endswith("</footer>\n</body></html>") or html.rstrip().endswith("</footer></body></html>")


@pytest.mark.parametrize(
    "custom",
    [
        "京ICP备2026999999号-1",  # another number
        '<a href="http://www.miitbeian.gov.cn/">备案查询</a>',  # the obsolete MIIT address
        '<span style="position:fixed;bottom:0;left:0;right:0;height:80px;background:#fff">©</span>',
        "<style>footer.beian{visibility:hidden}</style>© 示例",
        "京公网安备11010502030143号",  # a public-security number the site has not entered
    ],
)
def test_a_custom_footer_that_does_not_fit_the_record_is_left_out(
    filed, hosted_site, custom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write(hosted_site, custom_footer_html=custom)
    html = page()
    assert 'id="custom-footer"' not in html
    assert f">{filed}</a>" in filing_footer(html)
    assert "2026999999" not in html and "miitbeian" not in html and "11010502030143" not in html


def test_a_custom_footer_shows_above_the_filing_footer_on_every_address(
    filed, hosted_site, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hosted_site_set_custom_footer(
            site=hosted_site,
            user=applicant,
            markup=f'© 2026 示例科技 · <a href="https://beian.miit.gov.cn/">{filed}</a>',
        )
    for host in ("demo-shop.cn", "www.demo-shop.cn", "demo-shop.localhost"):
        html = page(host)
        custom = html.index('<div class="site-footer" id="custom-footer">© 2026 示例科技')
        assert custom < html.index('<footer class="beian">')
        assert f">{filed}</a>" in filing_footer(html)


def test_a_saved_footer_disappears_when_the_site_is_served_with_another_number(
    filed, hosted_site, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hosted_site_set_custom_footer(site=hosted_site, user=applicant, markup=f"备案号 {filed}")
    assert 'id="custom-footer"' in page()
    with django_capture_on_commit_callbacks(execute=True):
        record = WebsiteFiling.objects.get()  # renumbered as rows only (the records' services are not ours)
        record.filing_number = "京ICP备2026000001号-9"
        record.save(update_fields=["filing_number"])
    html = page()
    assert 'id="custom-footer"' not in html and ">京ICP备2026000001号-9</a>" in filing_footer(html)


def test_the_service_refuses_a_number_while_the_site_is_not_filed(hosted_site, applicant):
    for language, words in (("zh-hans", "尚未"), ("en", "not filed")):
        with translation.override(language), pytest.raises(ValidationFailed) as refused:
            hosted_site_set_custom_footer(site=hosted_site, user=applicant, markup="京ICP备2026000001号-1")
        assert refused.value.code == "footer.custom.other_number" and refused.value.field == "custom_footer"
        assert words in refused.value.message
        assert [f.code for f in refused.value.findings] == ["footer.custom.other_number"]
    hosted_site_set_custom_footer(site=hosted_site, user=applicant, markup="  © 2026 示例科技  ")
    hosted_site.refresh_from_db()
    assert hosted_site.custom_footer_html == "© 2026 示例科技"


def test_the_service_refuses_another_tenants_site(hosted_site, other_tenant):
    with pytest.raises(NotFound):
        hosted_site_set_custom_footer(site=hosted_site, user=other_tenant, markup="© 别人")
    hosted_site.refresh_from_db()
    assert hosted_site.custom_footer_html == ""
