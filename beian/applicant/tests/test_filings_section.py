"""The applicant's dashboard lists what is filed ("My filings") and shows IDN domains as people
read them (U-labels), on the dashboard, the order page and the wizard."""

from __future__ import annotations

import re

from django.test import Client
from django.utils import timezone

from beian.filings.models import AccessRecord, SubjectFiling, Website, WebsiteFiling
from tests.records import add_website_filing

IDN = "xn--fsq092h.xn--fiqs8s"  # 示例.中国


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboard_lists_each_subject_with_its_websites_domains_numbers_access_and_history(orders, applicant):
    order = orders.approved()
    add_website_filing(SubjectFiling.objects.get(), domain=IDN, order=order, provider_name="阿里云")
    page = _client(applicant).get("/apply/").content.decode()
    section = page[page.index('id="filings"') :]
    assert "我的备案" in section
    assert order.subject.filing_number in section and f"{order.subject.filing_number}-1" in section
    assert f"{order.subject.filing_number}-2" in section
    assert order.website.domain in section and "示例.中国" in section
    assert f">{IDN}<" not in section  # the A-label only as a tooltip
    assert "阿里云" in section and "已备案" in section
    assert "备案记录" in section and "主体已备案" in section and order.reference in section


def test_nothing_filed_shows_no_filings_section(orders, applicant):
    orders.draft()
    assert 'id="filings"' not in _client(applicant).get("/apply/").content.decode()


def test_another_tenants_records_never_show(orders, other_tenant):
    orders.approved()
    page = _client(other_tenant).get("/apply/").content.decode()
    assert 'id="filings"' not in page and SubjectFiling.objects.get().filing_number not in page


def test_idn_domains_show_as_u_labels_on_the_applicants_pages(orders, applicant):
    order = orders.draft(overrides={"websites[0].domain": IDN, "websites[0].name": ""})
    client = _client(applicant)
    dashboard = client.get("/apply/").content.decode()
    assert "示例.中国" in dashboard
    order_page = client.get(f"/apply/orders/{order.pk}/").content.decode()
    assert "示例.中国" in order_page and IDN not in order_page
    context = client.get(f"/apply/orders/{order.pk}/step/context/").content.decode()
    assert '<p id="context-domain">' in context and "<strong>示例.中国</strong>" in context
    confirm = client.get(f"/apply/orders/{order.pk}/step/confirm/").content.decode()
    assert "示例.中国" in confirm


def test_a_stored_a_label_of_a_filed_site_shows_as_u_label_on_the_order_page(orders, applicant):
    order = orders.submitted()
    Website.objects.filter(pk=order.website_id).update(domain=IDN)
    page = _client(applicant).get(f"/apply/orders/{order.pk}/").content.decode()
    assert "示例.中国" in page


def _accesses(page: str) -> list[str]:
    section = page[page.index('id="filings"') :]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", a).split())
        for a in re.findall(r'<div class="access[^"]*">(.*?)</div>', section, re.S)
    ]


def test_an_access_says_since_when_it_serves_and_when_it_was_cancelled(orders, applicant):
    order = orders.approved()
    since = timezone.localdate(AccessRecord.objects.get().since).isoformat()
    assert _accesses(_client(applicant).get("/apply/").content.decode()) == [f"本接入商: 接入中（自 {since} 起）"]

    orders.against_record("CANCEL_ACCESS").approved(acknowledge_warnings=True)
    ended = AccessRecord.objects.get()
    assert ended.status == "cancelled" and WebsiteFiling.objects.get().is_active  # the filing stays (a shell)
    until = timezone.localdate(ended.until).isoformat()
    assert _accesses(_client(applicant).get("/apply/").content.decode()) == [f"本接入商: 已取消接入（{until}）"]
    assert order.status == "APPROVED"


def test_the_access_of_a_cancelled_website_ended_with_it(orders, applicant):
    orders.against_record("CANCEL_WEBSITE").approved(acknowledge_warnings=True)
    until = timezone.localdate(AccessRecord.objects.get().until).isoformat()
    assert _accesses(_client(applicant).get("/apply/").content.decode()) == [f"本接入商: 随网站注销结束（{until}）"]
