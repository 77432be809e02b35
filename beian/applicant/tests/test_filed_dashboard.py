"""The filed dashboard (issue 12 item 7): each subject and website with the actions that apply now,
what each does to the live site and how long it takes; starting one opens its order's wizard; the
history says what each change changed, as filed before and after; cancelled records stay listed."""

from __future__ import annotations

import re
from urllib.parse import quote

from django.test import Client

from beian.filings.models import Order, SubjectFiling, WebsiteFiling
from tests.records import add_website_filing


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _section(response) -> str:
    page = response.content.decode()
    return page[page.index('id="filings"') :]


def _website(section: str, number: str) -> str:
    """The HTML of one website of the dashboard (its <article>)."""
    start = section.index(f'data-number="{number}"')
    end = section.find("</article>", start)
    return section[start:end]


def _actions(html: str) -> list[str]:
    return re.findall(r'data-action="([a-z_]+)"', html)


def _url(number: str) -> str:
    return f"/apply/filings/{quote(number)}/orders/"


def test_each_subject_and_website_lists_what_applies_now_with_its_effect_and_eta(orders, applicant):
    order = orders.approved()
    subject_number, number = order.subject.filing_number, order.website.filing_number
    section = _section(_client(applicant).get("/apply/"))

    subject_part = section[: section.index('class="filed-websites"')]
    assert _actions(subject_part) == ["change_subject", "cancel_subject", "add_website"]
    website = _website(section, number)
    assert _actions(website) == ["change_website", "add_domain", "change_both", "cancel_website", "cancel_access"]
    assert "变更网站" in website and "注销网站" in website and "取消接入" in website  # the regulator's names
    # what each does to the live site
    assert "网站持续访问" in website  # a change: the site keeps serving
    assert "注销后该网站的域名将被拦截" in website  # cancel website: its domains blocked after approval
    assert "成为空壳网站" in website  # cancel access with no other provider
    assert "该主体下所有网站都将被拦截" in subject_part  # cancel subject: all of them
    # how long: submission to decision from the published durations (provider review 1–2, push 1–3,
    # the cancellation's own regulator review 1–5 working days; no MIIT SMS for cancel website)
    cancel = website[website.index('data-action="cancel_website"') :]
    assert 'data-low="3" data-high="10"' in cancel[: cancel.index("</li>")]
    assert "约 3–10 个工作日" in cancel
    assert f'action="{_url(subject_number)}"' in subject_part and f'action="{_url(number)}"' in website


def test_starting_a_change_creates_the_order_and_opens_its_wizard_then_the_dashboard_offers_to_continue(
    orders, applicant
):
    order = orders.approved()
    number = order.website.filing_number
    client = _client(applicant)

    response = client.post(_url(number), {"action": "change_website"})
    change = Order.objects.get(filing_type="CHANGE_WEBSITE")
    assert response.status_code == 302
    assert re.fullmatch(rf"/apply/orders/{change.pk}/step/[a-z-]+/", response["Location"])
    assert change.website.website_filing == WebsiteFiling.objects.get(filing_number=number)

    website = _website(_section(client.get("/apply/")), number)
    assert _actions(website) == ["continue"] and f"继续订单 {change.reference}" in website
    assert "其他变更和注销需等待" in website  # why cancel website and the others are not offered
    # the same action again continues the open order instead of starting another
    again = client.post(_url(number), {"action": "add_domain"})
    assert again["Location"] == f"/apply/orders/{change.pk}/" and Order.objects.count() == 2
    # another type while it is open: refused, said beside the record, nothing started
    refused = client.post(_url(number), {"action": "cancel_website"})
    assert refused.status_code == 422
    error = _section(refused)[_section(refused).index("action-error") :][:400]
    assert change.reference in error
    assert Order.objects.count() == 2


def test_starting_a_cancellation_creates_it_and_add_website_goes_to_the_first_step(orders, applicant):
    order = orders.approved()
    client = _client(applicant)
    response = client.post(_url(order.website.filing_number), {"action": "cancel_website"})
    cancel = Order.objects.get(filing_type="CANCEL_WEBSITE")
    assert response["Location"].startswith(f"/apply/orders/{cancel.pk}/step/")

    add = client.post(_url(order.subject.filing_number), {"action": "add_website"})
    assert add["Location"] == f"/apply/verify/?subject={quote(order.subject.filing_number)}"
    verify = client.get(add["Location"]).content.decode()
    assert 'value="91110000600037341L"' in verify  # the subject's certificate filled in


def test_a_service_refusal_is_shown_beside_the_record(orders, applicant):
    """A change of the website in provider review holds its domain (§1.8): a change of the subject,
    which carries that website, is refused by the service, and the dashboard says why."""
    change = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": "示例科技公司官网"}).submitted(
        acknowledge_warnings=True
    )
    subject_number = change.subject_filing.filing_number
    response = _client(applicant).post(_url(subject_number), {"action": "change_subject"})
    assert response.status_code == 422
    section = _section(response)
    error = section[section.index("action-error") :][:500]
    assert "demo-shop.cn" in error and change.reference in error
    assert not Order.objects.filter(filing_type="CHANGE_SUBJECT").exists()


def test_another_tenants_record_number_is_not_found(orders, other_tenant, applicant):
    order = orders.approved()
    stranger = _client(other_tenant)
    for number, action in (
        (order.website.filing_number, "cancel_website"),
        (order.subject.filing_number, "change_subject"),
    ):
        assert stranger.post(_url(number), {"action": action}).status_code == 404
    assert _client(applicant).post(_url(order.website.filing_number), {"action": "drop_table"}).status_code == 404
    # a subject action asked of a website number (and the other way round) names nothing
    assert _client(applicant).post(_url(order.website.filing_number), {"action": "cancel_subject"}).status_code == 404
    assert Order.objects.count() == 1


def test_history_shows_what_a_change_changed_as_filed_before_and_after(orders, applicant):
    before = orders.approved()
    change = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": "示例科技公司官网"}).approved(
        acknowledge_warnings=True
    )
    number = before.website.filing_number
    website = _website(_section(_client(applicant).get("/apply/")), number)
    history = website[website.index("record-history") :]
    assert "网站信息已变更" in history and change.reference in history
    row = history[history.index("网站名称") :][:300]
    assert before.website.name in row and "示例科技公司官网" in row
    assert re.search(r'<td class="old">示例科技官网</td>\s*<td>示例科技公司官网</td>', history)
    assert "示例科技公司官网" in website[: website.index("record-facts")]  # the record's name now


def test_a_cancelled_website_stays_listed_marked_cancelled_without_actions(orders, applicant):
    order = orders.approved()
    record = SubjectFiling.objects.get()
    second = add_website_filing(record, domain="demo-shop-products.cn", order=order)
    orders.against_record("CANCEL_WEBSITE", website_number=second.filing_number).approved(acknowledge_warnings=True)
    section = _section(_client(applicant).get("/apply/"))
    cancelled = _website(section, second.filing_number)
    assert "已注销" in cancelled and "filed-website cancelled" in section
    assert _actions(cancelled.split("record-history")[0]) == []
    assert '<del class="removed-domain"' in cancelled and "demo-shop-products.cn" in cancelled
    assert "网站已注销" in cancelled  # its history
    # the other website keeps its actions
    assert "cancel_website" in _actions(_website(section, order.website.filing_number))
