"""A reviewer's search beyond the queue: the queue page lists, below the queue, the orders in any
other status that match the search — filed, at the regulator, rejected, drafts — with a link to
each, and never an order the queue above already shows."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beian.filings import selectors, states
from beian.filings.selectors import QueueFilters, other_orders, review_queue
from beian.review.tests.helpers import at, queued_order


def login(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def search(client, q, **params):
    """As the queue's filter form does: POSTed, then redirected to the results."""
    response = client.post("/review/", {"q": q, **params}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.status_code == 200
    return response.content.decode()


def queue_rows(html) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-order="(\d+)"', html)]


def other_rows(html) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-other-order="(\d+)"', html)]


def other_row(html, order) -> str:
    return html.split(f'data-other-order="{order.pk}"', 1)[1].split("</tr>", 1)[0]


@pytest.fixture
def filed(organisation):
    """京ICP备2026000001号: its first website filed (-1), a second website at the regulator, a third
    website's order awaiting provider review."""
    first = queued_order(
        organisation=organisation,
        province="11",
        status=states.APPROVED,
        name="北京云海科技有限公司",
        domain="yunhai.cn",
        uscc="91110108MA01AAAA1X",
        subject_number="京ICP备2026000001号",
        website_number="京ICP备2026000001号-1",
        queued_at=at(2026, 3, 2, 10),
    )
    at_regulator = queued_order(
        organisation=organisation,
        subject=first.subject,
        status=states.REGULATOR_REVIEW,
        domain="yunhai-shop.cn",
        filing_type="NEW_WEBSITE",
        queued_at=at(2026, 5, 6, 10),
    )
    awaiting = queued_order(
        organisation=organisation,
        subject=first.subject,
        domain="yunhai-edu.cn",
        filing_type="NEW_WEBSITE",
        queued_at=at(2026, 5, 20, 10),
    )
    return {"first": first, "at_regulator": at_regulator, "awaiting": awaiting}


def test_a_filed_order_is_found_by_its_website_filing_number(client, reviewer, filed):
    html = search(login(client, reviewer), "京ICP备2026000001号-1")
    assert queue_rows(html) == []
    assert "No order awaiting review matches this search." in html
    assert other_rows(html) == [filed["first"].pk]
    row = other_row(html, filed["first"])
    assert f'href="/review/orders/{filed["first"].pk}/"' in row
    for shown in ("Filed", "Beijing", "yunhai.cn", "北京云海科技有限公司", "京ICP备2026000001号-1"):
        assert shown in row, shown


def test_the_subject_filing_number_finds_every_order_of_the_subject(client, reviewer, filed):
    html = search(login(client, reviewer), "京icp备2026000001号")
    assert queue_rows(html) == [filed["awaiting"].pk]  # the queue is unchanged
    # most recently changed first; the awaiting one is in the queue above, not repeated here
    assert other_rows(html) == [filed["at_regulator"].pk, filed["first"].pk]
    assert "Regulator review" in other_row(html, filed["at_regulator"])
    assert "京ICP备2026000001号" in other_row(html, filed["at_regulator"])  # the subject's number until filed


def test_a_name_search_lists_the_subject_in_every_status_newest_first(client, reviewer, filed, organisation):
    rejected = queued_order(
        organisation=organisation,
        province="31",
        status=states.REGULATOR_REJECTED,
        name="上海云海数据服务有限公司",
        queued_at=at(2026, 4, 1, 9),
    )
    latin = queued_order(organisation=organisation, status=states.APPROVED, name="北京Acme云计算有限公司")
    html = search(login(client, reviewer), "云海")
    assert queue_rows(html) == [filed["awaiting"].pk]
    assert other_rows(html) == [filed["at_regulator"].pk, rejected.pk, filed["first"].pk]
    assert other_rows(search(client, "ACME云")) == [latin.pk]  # letters in any case


@pytest.mark.parametrize(
    "status, label",
    [
        (states.PROVIDER_REJECTED, "Rejected by provider review"),
        (states.REGULATOR_REJECTED, "Rejected by the regulator"),
    ],
)
def test_a_rejected_order_is_found_by_its_domain(client, reviewer, organisation, status, label):
    rejected = queued_order(
        organisation=organisation, province="44", status=status, name="广州华信贸易有限公司", domain="huaxin.com.cn"
    )
    queued_order(organisation=organisation, province="44", status=states.APPROVED, domain="other.com.cn")
    for q in ("huaxin.com.cn", "https://HuaXin.com.cn/about"):
        html = search(login(client, reviewer), q)
        assert queue_rows(html) == [] and other_rows(html) == [rejected.pk], q
        assert label in other_row(html, rejected) and "Guangdong" in other_row(html, rejected)


def test_uscc_search_finds_the_orders_of_the_subject_in_every_status(client, reviewer, filed, organisation):
    draft = queued_order(
        organisation=organisation,
        subject=filed["first"].subject,
        status=states.DRAFT,
        domain="draft.cn",
        filing_type="NEW_WEBSITE",
    )
    stranger = queued_order(organisation=organisation, status=states.APPROVED, uscc="91310000MA1FL0000X")
    html = search(login(client, reviewer), "91110108ma01aaaa1x")
    assert queue_rows(html) == [filed["awaiting"].pk]
    assert set(other_rows(html)) == {filed["first"].pk, filed["at_regulator"].pk, draft.pk}
    assert stranger.pk not in other_rows(html)
    html = search(client, "91110108MA01AAAA1X", search="uscc")
    assert set(other_rows(html)) == {filed["first"].pk, filed["at_regulator"].pk, draft.pk}


def test_other_orders_never_repeat_the_queue_and_hide_nothing_the_filters_leave_out(client, reviewer, organisation):
    beijing = queued_order(organisation=organisation, province="11", name="北京星辰网络有限公司", domain="xc1.cn")
    shanghai = queued_order(organisation=organisation, province="31", name="上海星辰网络有限公司", domain="xc2.cn")
    returned = queued_order(
        organisation=organisation,
        province="31",
        status=states.PROVIDER_NEEDS_CHANGES,
        name="上海星辰网络有限公司",
        domain="xc3.cn",
    )
    login(client, reviewer)
    html = search(client, "星辰网络")
    assert set(queue_rows(html)) == {beijing.pk, shanghai.pk}
    assert other_rows(html) == [returned.pk]
    assert not set(queue_rows(html)) & set(other_rows(html))
    # the queue narrowed to Shanghai: the Beijing order awaiting review is still found, below
    html = search(client, "星辰网络", province="31")
    assert queue_rows(html) == [shanghai.pk]
    assert set(other_rows(html)) == {beijing.pk, returned.pk}
    assert "Awaiting provider review" in other_row(html, beijing)


def test_no_search_no_other_orders(client, reviewer, filed):
    html = login(client, reviewer).get("/review/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="other-orders"' not in html and queue_rows(html) == [filed["awaiting"].pk]
    html = search(client, "不存在的公司")
    assert 'id="other-orders"' in html and other_rows(html) == [] and "No other order matches." in html


def test_the_list_is_capped_most_recent_first_and_says_so(client, reviewer, organisation, monkeypatch):
    base = at(2026, 1, 5, 9)
    orders = [
        queued_order(
            organisation=organisation,
            status=states.APPROVED,
            name="杭州博远教育咨询有限公司",
            queued_at=base + dt.timedelta(days=i),
        )
        for i in range(4)
    ]
    newest_first = [o.pk for o in reversed(orders)]
    rows, more = other_orders(QueueFilters(q="博远教育"), limit=3)
    assert [o.pk for o in rows] == newest_first[:3] and more
    rows, more = other_orders(QueueFilters(q="博远教育"), limit=4)
    assert [o.pk for o in rows] == newest_first and not more
    assert other_orders(QueueFilters(), limit=4) == ([], False)
    monkeypatch.setattr(selectors, "OTHER_ORDERS_LIMIT", 3)
    html = search(login(client, reviewer), "博远教育")
    assert other_rows(html) == newest_first[:3]
    assert "Only the 3 most recent are shown" in html


def test_applicants_cannot_search_all_orders(client, applicant, other_tenant, filed):
    for user in (applicant, other_tenant):
        response = login(client, user).get("/review/", {"q": "京ICP备2026000001号-1"})
        assert response.status_code == 403
        assert b"yunhai" not in response.content
    client.logout()
    response = client.get("/review/", {"q": "yunhai.cn"})
    assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_the_queue_itself_is_unchanged_by_the_search_beyond_it(filed):
    assert list(review_queue(QueueFilters(q="京ICP备2026000001号")).values_list("pk", flat=True)) == [
        filed["awaiting"].pk
    ]
    assert not review_queue(QueueFilters(q="京ICP备2026000001号-1")).exists()


@pytest.mark.parametrize("number", ["91110108MA01AAAA1X", "11010519491231002X"])
def test_a_certificate_number_search_never_puts_the_number_in_a_url(client, reviewer, filed, number):
    from urllib.parse import unquote

    login(client, reviewer)
    response = client.post("/review/", {"q": number.lower(), "search": "auto"}, follow=True)
    assert response.status_code == 200 and response.redirect_chain
    urls = [unquote(url) for url, _status in response.redirect_chain]
    html = response.content.decode()
    links = [unquote(link) for link in re.findall(r'href="([^"]*)"', html)]
    for url in urls + links:
        assert number not in url.upper(), url
    assert "cert=" in urls[-1]
    assert f'value="{number.lower()}"' in html, "the search box shows the number again"

    # an old link with the number in it is redirected to the blind index at once
    response = client.get("/review/", {"q": number})
    assert response.status_code == 302 and number not in unquote(response["Location"]).upper()


def test_the_hashed_search_link_finds_the_same_orders_in_another_session(client, reviewer, filed, organisation):
    queued_order(organisation=organisation, uscc="91110108MA01AAAA1X")
    login(client, reviewer)
    first = client.post("/review/", {"q": "91110108MA01AAAA1X"})
    link = first["Location"]
    client.logout()
    login(client, reviewer)
    html = client.get(link).content.decode()
    assert queue_rows(html), "the queued order of that subject is found by the index alone"
    assert "91110108MA01AAAA1X" not in html
