"""The review queue: deadline order across weekends and holidays, every filter and every search."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from beian.filings import services, states
from beian.filings.models import Order
from beian.filings.precheck import order_precheck
from beian.filings.selectors import QueueFilters, queue_page, review_queue, search_kind
from beian.review.tests.helpers import at, queued_order
from tests.factories import VALID_ENTERPRISE, valid_order


def pks(qs) -> list[int]:
    return list(qs.values_list("pk", flat=True))


def test_queue_orders_by_deadline_across_weekend_holiday_and_resubmission(
    applicant, hosted_site, reviewer, frozen_clock
):
    """Submitted through the real services at fixed business times; the deadlines and their order
    follow the calendar, and a resubmission is due from its resubmission, not its first submission."""
    org = applicant.memberships.get().organisation

    def submit_at(when, domain):
        # a domain may be in one filing in progress at a time (rules §1.8): one domain per order
        frozen_clock(when)
        order = valid_order(
            organisation=org, user=applicant, site=hosted_site, overrides={"websites[0].domain": domain}
        )
        services.order_submit(order=order, user=applicant, acknowledged_warnings=order_precheck(order).warning_codes)
        return Order.objects.get(pk=order.pk)

    resubmitted = submit_at(at(2025, 9, 25, 9, 0), "demo-shop.cn")  # Thursday, first submitted earliest
    friday = submit_at(at(2025, 9, 26, 10, 0), "demo-shop-2.cn")  # due Sunday 09-28 (make-up working day)
    before_holiday = submit_at(at(2025, 9, 30, 15, 0), "demo-shop-3.cn")  # due 10-09 15:00 (National Day off)
    in_holiday = submit_at(at(2025, 10, 4, 11, 0), "demo-shop-4.cn")  # due 10-10 00:00 (end of 10-09)
    frozen_clock(at(2025, 9, 25, 10, 0))
    services.order_return_fields(
        order=resubmitted,
        reviewer=reviewer,
        returns=[{"field": "websites[0].name", "reason_code": "SITE_NAME_INVALID", "note": ""}],
    )
    frozen_clock(at(2025, 10, 9, 9, 0))
    services.order_update(order=resubmitted, user=applicant, values={"websites[0].name": "示例科技公司官网"})
    services.order_submit(order=resubmitted, user=applicant)  # resubmitted 10-09 09:00: due 10-10 09:00

    due = dict(Order.objects.values_list("pk", "review_due_at"))
    assert due[friday.pk] == at(2025, 9, 28, 10, 0)
    assert due[before_holiday.pk] == at(2025, 10, 9, 15, 0)
    assert due[in_holiday.pk] == at(2025, 10, 10, 0, 0)
    assert due[resubmitted.pk] == at(2025, 10, 10, 9, 0)
    assert pks(review_queue()) == [friday.pk, before_holiday.pk, in_holiday.pk, resubmitted.pk]
    # by first submission time the resubmitted order would have come first
    assert Order.objects.get(pk=resubmitted.pk).submitted_at < friday.submitted_at


def test_queue_holds_only_orders_awaiting_provider_review(organisation):
    waiting = queued_order(organisation=organisation)
    resubmitted = queued_order(organisation=organisation, status=states.PROVIDER_RESUBMITTED)
    for status in (states.DRAFT, states.PROVIDER_NEEDS_CHANGES, states.PENDING_SUBMISSION, states.APPROVED):
        queued_order(organisation=organisation, status=status)
    assert set(pks(review_queue())) == {waiting.pk, resubmitted.pk}


@pytest.fixture
def spread(organisation, reviewer, second_reviewer):
    """Six queued orders that differ in one dimension each, plus noise outside the queue."""
    now = at(2025, 10, 20, 12, 0)
    rows = {
        "beijing_new": queued_order(
            organisation=organisation,
            province="11",
            queued_at=now - dt.timedelta(minutes=20),
            due=now + dt.timedelta(hours=23),
            name="北京云海科技有限公司",
            domain="yunhai.cn",
            uscc="91110108MA01AAAA1X",
        ),
        "shanghai_mine": queued_order(
            organisation=organisation,
            province="31",
            queued_at=now - dt.timedelta(hours=5),
            due=now + dt.timedelta(hours=19),
            reviewer=reviewer,
            findings=1,
            name="上海星辰网络有限公司",
            domain="xingchen-shop.com",
        ),
        "guangdong_other": queued_order(
            organisation=organisation,
            province="44",
            queued_at=now - dt.timedelta(hours=30),
            due=now - dt.timedelta(hours=6),
            reviewer=second_reviewer,
            findings=2,
            name="广州华信贸易有限公司",
            domain="huaxin.com.cn",
        ),
        "new_website": queued_order(
            organisation=organisation,
            province="11",
            filing_type="NEW_WEBSITE",
            queued_at=now - dt.timedelta(days=4),
            due=now - dt.timedelta(days=3),
            findings=3,
            name="北京恒泰数据有限公司",
            domain="hengtai.net",
            subject_number="京ICP备2023012345号",
        ),
        "change": queued_order(
            organisation=organisation,
            province="33",
            filing_type="CHANGE_WEBSITE",
            queued_at=now - dt.timedelta(hours=50),
            due=now - dt.timedelta(hours=20),
            findings=7,
            name="杭州博远教育咨询有限公司",
            domain="boyuan.top",
            subject_number="浙ICP备2020000777号",
            website_number="浙ICP备2020000777号-2",
        ),
        "resubmitted": queued_order(
            organisation=organisation,
            province="44",
            status=states.PROVIDER_RESUBMITTED,
            queued_at=now - dt.timedelta(hours=2),
            due=now + dt.timedelta(hours=22),
            reviewer=reviewer,
            name="深圳智创软件有限公司",
            domain="zhichuang.cn",
        ),
    }
    queued_order(
        organisation=organisation,
        province="11",
        status=states.APPROVED,
        name="北京云海科技有限公司",
        domain="yunhai-old.cn",
        subject_number="京ICP备2020099999号",
    )
    return now, rows


def names(qs, rows) -> set[str]:
    by_pk = {o.pk: k for k, o in rows.items()}
    return {by_pk[pk] for pk in pks(qs)}


def test_queue_default_order_is_by_deadline(spread):
    now, rows = spread
    order = [
        rows[k].pk for k in ("new_website", "change", "guangdong_other", "shanghai_mine", "resubmitted", "beijing_new")
    ]
    assert pks(review_queue(now=now)) == order


@pytest.mark.parametrize(
    "filters, expected",
    [
        (QueueFilters(province="11"), {"beijing_new", "new_website"}),
        (QueueFilters(province="44"), {"guangdong_other", "resubmitted"}),
        (QueueFilters(province="65"), set()),
        (QueueFilters(filing_type="NEW_WEBSITE"), {"new_website"}),
        (QueueFilters(filing_type="FIRST_FILING"), {"beijing_new", "shanghai_mine", "guangdong_other", "resubmitted"}),
        (QueueFilters(age="lt1h"), {"beijing_new"}),
        (QueueFilters(age="1to24h"), {"shanghai_mine", "resubmitted"}),
        (QueueFilters(age="1to3d"), {"guangdong_other", "change"}),
        (QueueFilters(age="gt3d"), {"new_website"}),
        (QueueFilters(age="overdue"), {"guangdong_other", "new_website", "change"}),
        (QueueFilters(assignee="me"), {"shanghai_mine", "resubmitted"}),
        (QueueFilters(assignee="unassigned"), {"beijing_new", "new_website", "change"}),
        (
            QueueFilters(assignee="anyone"),
            {"beijing_new", "shanghai_mine", "guangdong_other", "new_website", "change", "resubmitted"},
        ),
        (QueueFilters(findings="0"), {"beijing_new", "resubmitted"}),
        (QueueFilters(findings="1-2"), {"shanghai_mine", "guangdong_other"}),
        (QueueFilters(findings="3+"), {"new_website", "change"}),
        (QueueFilters(province="44", assignee="me"), {"resubmitted"}),
        (QueueFilters(province="11", age="overdue", findings="3+"), {"new_website"}),
    ],
)
def test_each_filter(spread, reviewer, filters, expected):
    now, rows = spread
    assert names(review_queue(filters, reviewer=reviewer, now=now), rows) == expected


@pytest.mark.parametrize(
    "q, search, expected",
    [
        ("yunhai.cn", "auto", {"beijing_new"}),  # the approved yunhai-old.cn is not in the queue
        ("YunHai.CN", "auto", {"beijing_new"}),
        ("https://xingchen-shop.com/about", "auto", {"shanghai_mine"}),
        ("huaxin", "domain", {"guangdong_other"}),  # prefix
        ("京ICP备2023012345号", "auto", {"new_website"}),
        ("京ICP备2023012345", "auto", {"new_website"}),  # without the trailing 号
        ("浙icp备2020000777号-2", "auto", {"change"}),  # a website number
        ("浙ICP备2020000777号-3", "auto", set()),
        ("91110108MA01AAAA1X", "auto", {"beijing_new"}),  # USCC through the blind index
        ("91110108ma01aaaa1x", "uscc", {"beijing_new"}),
        ("云海", "auto", {"beijing_new"}),  # part of the subject name
        ("星辰网络", "name", {"shanghai_mine"}),
        (
            "有限公司",
            "name",
            {"beijing_new", "shanghai_mine", "guangdong_other", "new_website", "change", "resubmitted"},
        ),
        ("不存在", "name", set()),
    ],
)
def test_each_search(spread, reviewer, q, search, expected):
    now, rows = spread
    assert names(review_queue(QueueFilters(q=q, search=search), reviewer=reviewer, now=now), rows) == expected


def test_uscc_is_stored_encrypted_and_found_only_by_its_blind_index(spread):
    from django.db import connection

    _, rows = spread
    with connection.cursor() as cursor:
        cursor.execute("SELECT certificate_number FROM filings_subject WHERE id = %s", [rows["beijing_new"].subject_id])
        stored = cursor.fetchone()[0]
    assert "91110108MA01AAAA1X" not in stored
    assert not review_queue(QueueFilters(q="91110108MA01AAAA1Y", search="uscc")).exists()


@pytest.mark.parametrize(
    "text, kind",
    [
        ("demo-shop.cn", "domain"),
        ("http://demo-shop.cn/", "domain"),
        ("京ICP备2026000001号-1", "number"),
        ("91110108MA01AAAA1X", "uscc"),
        ("11010519491231002X", "uscc"),
        ("北京示例科技", "name"),
        ("Acme", "name"),
    ],
)
def test_search_kind_is_detected(text, kind):
    assert search_kind(text) == kind


def test_submitted_order_is_found_by_each_search(applicant, hosted_site):
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    for q in (
        VALID_ENTERPRISE["websites[0].domain"],
        VALID_ENTERPRISE["subject.certificate_number"],
        VALID_ENTERPRISE["subject.name"][2:6],
    ):
        assert pks(review_queue(QueueFilters(q=q))) == [order.pk], q
    assert pks(review_queue(QueueFilters(province="11"))) == [order.pk]
    assert not review_queue(QueueFilters(province="31")).exists()


@pytest.fixture
def ties(organisation, reviewer):
    """23 orders awaiting review: deadlines shared by several orders, and two without a deadline
    (they come last), among orders of another province and orders not awaiting review."""
    base = at(2025, 10, 20, 12, 0)
    for i in range(21):
        queued_order(organisation=organisation, due=base + dt.timedelta(hours=i % 4))
    for _ in range(2):
        order = queued_order(organisation=organisation)
        Order.objects.filter(pk=order.pk).update(review_due_at=None)
    queued_order(organisation=organisation, province="44", due=base)
    queued_order(organisation=organisation, status=states.APPROVED, due=base)
    return pks(review_queue(QueueFilters(province="11")))


def walk(filters, size, *, backwards_from=None):
    """Every page following the Next (or, from `backwards_from`, the Previous) links."""

    pages = []
    page = queue_page(filters, before=backwards_from, size=size) if backwards_from else queue_page(filters, size=size)
    while True:
        pages.append([o.pk for o in page.orders])
        cursor = page.previous_before if backwards_from else page.next_after
        if cursor is None:
            return pages[::-1] if backwards_from else pages
        page = (
            queue_page(filters, before=cursor, size=size)
            if backwards_from
            else queue_page(filters, after=cursor, size=size)
        )


@pytest.mark.parametrize("size", [1, 4, 7, 23, 50])
def test_queue_pages_hold_every_order_once_in_queue_order(ties, size):
    filters = QueueFilters(province="11")
    forward = walk(filters, size)
    assert len(ties) == 23 and [pk for page in forward for pk in page] == ties
    assert all(len(page) == size for page in forward[:-1]) and 0 < len(forward[-1]) <= size
    # and backwards from the last row: the same pages' rows, once each, in queue order
    back = walk(filters, size, backwards_from=ties[-1])
    assert [pk for page in back for pk in page] == ties[:-1]


def test_queue_page_after_an_order_that_left_the_queue(ties, reviewer):

    filters = QueueFilters(province="11")
    first = queue_page(filters, size=10)
    Order.objects.filter(pk=first.next_after).update(status=states.PROVIDER_REJECTED)
    second = queue_page(filters, after=first.next_after, size=10)
    assert [o.pk for o in second.orders] == ties[10:20]  # the departed order still marks its place
    remaining = [pk for pk in ties if pk != first.next_after]
    unknown = queue_page(filters, after=999999, size=10)  # an unknown order: the first page
    assert [o.pk for o in unknown.orders] == remaining[:10] and unknown.previous_before is None
    past_the_end = queue_page(filters, after=ties[-1], size=10)  # nothing after it: the first page
    assert [o.pk for o in past_the_end.orders] == remaining[:10]


def test_assisted_orders_come_first_with_a_badge(client, reviewer, organisation):
    """An order with the assisted filing service (beian.plans) is listed before a more urgent one,
    marked for the reviewer; among assisted orders the deadline still decides."""
    from django.conf import settings
    from django.urls import reverse

    from beian.filings.services import order_grant_assisted_service

    urgent = queued_order(organisation=organisation, due=at(2025, 10, 21, 9))
    assisted_late = queued_order(organisation=organisation, due=at(2025, 10, 24, 9))
    assisted_early = queued_order(organisation=organisation, due=at(2025, 10, 23, 9))
    for order in (assisted_late, assisted_early):
        order_grant_assisted_service(order=order, actor=None, reason="test")
    client.force_login(reviewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("review:queue")).content.decode()
    rows = [int(pk) for pk in re.findall(r'<tr class="[^"]*" data-order="(\d+)"', page)]
    assert rows == [assisted_early.pk, assisted_late.pk, urgent.pk]
    assert page.count("Priority · assisted") == 2
    detail = client.get(reverse("review:order", args=[assisted_early.pk])).content.decode()
    assert 'id="assisted-badge"' in detail
    assert 'id="assisted-badge"' not in client.get(reverse("review:order", args=[urgent.pk])).content.decode()


@pytest.fixture
def week(organisation):
    """Orders that entered the queue over five days across a weekend, every 5 hours: some with
    the assisted filing service, one without a deadline; their deadlines as submission sets them."""
    now = at(2025, 10, 20, 10, 30)  # a Monday
    for i in range(26):
        order = queued_order(organisation=organisation, queued_at=now - dt.timedelta(hours=5 * i, minutes=20))
        if i % 7 == 3:
            Order.objects.filter(pk=order.pk).update(assisted_service=True)
    Order.objects.filter(pk=order.pk).update(review_due_at=None)
    # the newest, within the hour, and one resubmitted a minute ago
    queued_order(organisation=organisation, queued_at=now - dt.timedelta(minutes=50))
    queued_order(organisation=organisation, queued_at=now - dt.timedelta(minutes=1), status=states.PROVIDER_RESUBMITTED)
    return now


@pytest.mark.parametrize("age", ["lt1h", "1to24h", "1to3d", "gt3d", "overdue"])
@pytest.mark.parametrize("size", [1, 3, 50])
def test_age_filter_pages_seek_by_deadline_and_hold_every_order(week, age, size):
    """A page of an age bucket starts at the deadlines its orders can have (the bucket is a range
    of deadlines, beian.filings.deadlines) and still lists every order of the bucket once, in
    queue order, forwards and backwards."""
    filters = QueueFilters(age=age)
    expected = pks(review_queue(filters, now=week))
    assert expected, age

    def walk_at(cursor_kind, start=None):
        rows, page = [], queue_page(filters, now=week, size=size, **({cursor_kind: start} if start else {}))
        for _ in range(len(expected) + 1):  # every page holds a row: no more pages than rows
            rows = [o.pk for o in page.orders] + rows if cursor_kind == "before" else rows + [o.pk for o in page.orders]
            cursor = page.previous_before if cursor_kind == "before" else page.next_after
            if cursor is None:
                return rows
            page = queue_page(filters, now=week, size=size, **{cursor_kind: cursor})
        raise AssertionError(f"the {cursor_kind} links go round: {rows}")

    assert walk_at("after") == expected
    assert walk_at("before", expected[-1]) == expected[:-1]
    assert queue_page(filters, now=week, size=size).count == len(expected)


def test_age_filter_follows_a_changed_sla(week, django_capture_on_commit_callbacks):
    """An operator lengthens the SLA: every waiting order's deadline moves (review_deadlines_refresh,
    on commit) and the age buckets' pages still list exactly their orders; so do they while the
    deadlines are still moving (the first page then reads the queue from its start)."""
    from beian.reference.models import ReferenceSetting

    ages = ("lt1h", "1to24h", "1to3d", "gt3d")
    members = {age: set(pks(review_queue(QueueFilters(age=age), now=week))) for age in ages}

    def first_pages():
        return {age: [o.pk for o in queue_page(QueueFilters(age=age), now=week).orders] for age in ages}

    with django_capture_on_commit_callbacks() as moving:
        ReferenceSetting.objects.update_or_create(key="provider_review_sla_working_days", defaults={"value": 3})
    assert first_pages() == {age: pks(review_queue(QueueFilters(age=age), now=week)) for age in ages}
    for callback in moving:
        callback()
    assert Order.objects.filter(review_due_at__gte=week + dt.timedelta(days=2)).exists()  # they moved
    pages = first_pages()
    assert pages == {age: pks(review_queue(QueueFilters(age=age), now=week)) for age in ages}
    assert {age: set(rows) for age, rows in pages.items()} == members  # the same orders, by their new deadlines


def test_on_postgresql_a_two_character_search_has_the_queues_own_name_pieces(db):
    """The queue's two-character name search reads an index of the pieces of the orders awaiting
    review (migration filings 0020), whose condition is the queue's: were the queue's statuses to
    change without it, the search would AND every order's pieces with the whole queue again."""
    from django.db import connection

    from beian.filings.models import AWAITING_REVIEW

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's name-piece indexes (SQLite searches the queue's few rows)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'order_queue_name_bigrams'")
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT c.relname, a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relname IN ('order_queue_name_bigrams', 'order_subject_name_bigrams') AND a.attnum = 1"
        )
        statistics = dict(cursor.fetchall())
    assert "USING gin (order_name_bigrams((submitted_subject_name)" in definition
    assert sorted(re.findall(r"'([A-Z_]+)'", definition.split("WHERE", 1)[1])) == sorted(AWAITING_REVIEW)
    assert statistics == {"order_queue_name_bigrams": 1000, "order_subject_name_bigrams": 1000}
