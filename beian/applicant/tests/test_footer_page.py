"""The filing footer page of a filed website (§8.1, §8.2): the custom footer of the hosted site
serving it (previewed, checked, saved, audited) and the snippet for pages the customer serves
themselves, generated from the record."""

from __future__ import annotations

import html
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client

from beian.core.models import AuditEvent
from beian.filings import psb
from beian.filings.models import WebsiteFiling
from beian.hosting.models import HostedSite

PSB = "京公网安备11010502030143号"


def _client(user, language: str = "zh-hans") -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _url(number: str) -> str:
    return f"/apply/filings/{quote(number)}/footer/"


def _hosted(host: str = "demo-shop.cn") -> str:
    response = Client().get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def _typed(page: str, site) -> str:
    """What the site's custom footer field holds, as the browser reads it."""
    field = page[page.index(f'id="custom-footer-{site.pk}"') :]
    return html.unescape(field[field.index(">") + 1 : field.index("</textarea>")])


@pytest.fixture
def record(orders) -> WebsiteFiling:
    orders.approved()
    return WebsiteFiling.objects.get()


def test_the_dashboard_links_each_filed_website_to_its_footer_page(record, applicant):
    page = _client(applicant).get("/apply/").content.decode()
    assert f'<a class="footer-link" href="{_url(record.filing_number)}">页脚与代码</a>' in page


def test_the_page_shows_the_snippet_from_the_record_and_the_sites_footer_form(record, applicant, hosted_site):
    page = _client(applicant).get(_url(record.filing_number)).content.decode()
    snippet = html.unescape(page[page.index('id="snippet-html"') :].split("</textarea>")[0])
    assert '<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer"' in snippet
    assert f">{record.filing_number}</a>" in snippet and "公网安备" not in snippet
    assert 'data-copy="snippet-html"' in page  # the copy button
    assert f'id="site-{hosted_site.pk}"' in page and 'name="custom_footer"' in page
    assert "填写公安备案号后" in page  # zh-hans: the snippet gains the PSB number once entered


def test_the_snippet_carries_the_public_security_number_with_the_emblem_once_entered(record, applicant):
    psb.website_filing_set_psb_number(website_filing=record, user=applicant, number=PSB)
    page = _client(applicant).get(_url(record.filing_number)).content.decode()
    snippet = html.unescape(page[page.index('id="snippet-html"') :].split("</textarea>")[0])
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"' in snippet
    assert "<svg" in snippet and f"{PSB}</a>" in snippet


def test_a_refused_footer_is_explained_and_what_was_typed_is_kept(record, applicant, hosted_site):
    typed = '<span style="position:fixed;inset:0;background:#fff">© 示例</span> 京ICP备2026999999号-1'
    response = _client(applicant).post(
        _url(record.filing_number), {"site": hosted_site.pk, "custom_footer": typed, "action": "save"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert _typed(page, hosted_site) == typed and 'aria-invalid="true"' in page
    assert "<code>footer.custom.markup</code>" in page and "<code>footer.custom.other_number</code>" in page
    assert f"与本网站的备案号“{record.filing_number}”不符" in page
    hosted_site.refresh_from_db()
    assert hosted_site.custom_footer_html == ""
    assert not AuditEvent.objects.filter(action="hosting.custom_footer_set").exists()


def test_the_refusal_is_in_english_for_an_english_reader(record, applicant, hosted_site):
    response = _client(applicant, "en").post(
        _url(record.filing_number),
        {"site": hosted_site.pk, "custom_footer": '<a href="http://www.miitbeian.gov.cn/">备案</a>', "action": "save"},
    )
    assert response.status_code == 422
    assert "links to the obsolete filing address &#x27;www.miitbeian.gov.cn&#x27;" in response.content.decode()


def test_a_preview_shows_the_footer_above_the_filing_number_without_saving_it(record, applicant, hosted_site):
    typed = '© 2026 示例科技 <a href="https://example.cn/contact">联系我们</a>'
    response = _client(applicant).post(
        _url(record.filing_number), {"site": hosted_site.pk, "custom_footer": typed, "action": "preview"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    preview = page[page.index('class="footer-preview"') :]
    custom, filing = preview.index('<div class="site-footer">© 2026 示例科技'), preview.index('id="icp-number"')
    assert custom < filing
    assert "可以保存" in page
    hosted_site.refresh_from_db()
    assert hosted_site.custom_footer_html == ""


def test_a_saved_footer_shows_on_the_site_above_the_filing_footer_and_is_audited(
    record, applicant, hosted_site, django_capture_on_commit_callbacks
):
    typed = '© 2026 示例科技 · <a href="https://example.cn/contact" target="_blank">联系我们</a>'
    client = _client(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(record.filing_number), {"site": hosted_site.pk, "custom_footer": typed, "action": "save"}
        )
    assert response.status_code == 302
    assert "已保存" in client.get(response["Location"]).content.decode()
    for host in ("demo-shop.cn", "www.demo-shop.cn", "demo-shop.localhost"):
        page = _hosted(host)
        custom = page.index('<div class="site-footer" id="custom-footer">© 2026 示例科技')
        assert 'href="https://example.cn/contact" target="_blank" rel="noopener noreferrer">联系我们</a>' in page
        assert custom < page.index('<footer class="beian">') < page.index(f">{record.filing_number}</a>")
    event = AuditEvent.objects.get(action="hosting.custom_footer_set")
    assert event.actor == applicant and event.data == {"custom_footer": typed, "previous": ""}
    assert event.organisation_id == hosted_site.organisation_id


def test_another_tenant_sees_and_changes_nothing(record, hosted_site, other_tenant):
    client = _client(other_tenant)
    assert client.get(_url(record.filing_number)).status_code == 404
    response = client.post(
        _url(record.filing_number), {"site": hosted_site.pk, "custom_footer": "© 别人", "action": "save"}
    )
    assert response.status_code == 404
    hosted_site.refresh_from_db()
    assert hosted_site.custom_footer_html == ""


def test_a_site_that_does_not_serve_the_website_cannot_be_changed_from_its_page(record, applicant, organisation):
    other = HostedSite.objects.create(organisation=organisation, slug="blog", title="博客")
    response = _client(applicant).post(
        _url(record.filing_number), {"site": other.pk, "custom_footer": "© 博客", "action": "save"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.custom_footer_html == ""
