"""Filing numbers: real format, unique, website suffixes never reused."""

import re

import pytest

from beian.filings import numbers
from beian.reference.snapshot import setting


def _pattern(kind):
    return setting("filing_number_formats")[f"{kind}_number_regex"]


def test_subject_and_website_numbers_match_the_reference_formats(db):
    subject_number = numbers.format_subject_number("京", 2026, 12345)
    assert subject_number == "京ICP备2026012345号"
    assert re.match(_pattern("subject"), subject_number)
    website_number = numbers.format_website_number(subject_number, 1)
    assert website_number == "京ICP备2026012345号-1"
    assert re.match(_pattern("website"), website_number)


def test_serials_are_unique_per_province_and_year(db):
    serials = [numbers.next_serial("11", 2026) for _ in range(20)]
    assert serials == list(range(1, 21))
    assert numbers.next_serial("31", 2026) == 1
    assert numbers.next_serial("11", 2027) == 1


def test_website_sequence_is_never_reused(db, organisation):
    from beian.core import clock
    from beian.filings.models import Person, Subject, SubjectFiling

    subject = Subject.objects.create(
        organisation=organisation, province="11", principal=Person.objects.create(organisation=organisation)
    )
    record = SubjectFiling.objects.create(
        organisation=organisation,
        subject=subject,
        province="11",
        name="x",
        filing_number="京ICP备2026000777号",
        filed_at=clock.now(),
        updated_at=clock.now(),
    )
    assert [numbers.issue_website_sequence(record) for _ in range(3)] == [1, 2, 3]
    record.refresh_from_db()
    assert record.website_sequence == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_allocation_gives_distinct_serials():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the concurrency proof runs on PostgreSQL")

    def allocate(_):
        from django.db import connection as conn

        try:
            return numbers.next_serial("44", 2026)
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        serials = list(pool.map(allocate, range(50)))
    assert sorted(serials) == list(range(1, 51))


def test_the_number_takes_the_mainland_year_of_the_decision(applicant, hosted_site, reviewer, frozen_clock):
    """Approved at 02:00 on 1 January 2027 in Beijing (still 2026 in UTC): a 2027 number."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from beian.filings import services, states
    from beian.filings.models import Order
    from tests.factories import valid_order

    frozen_clock(dt.datetime(2026, 12, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    order = valid_order(organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site)
    services.order_submit(order=order, user=applicant)
    Order.objects.filter(pk=order.pk).update(status=states.REGULATOR_REVIEW)  # arrange: at the regulator
    frozen_clock(dt.datetime(2027, 1, 1, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    order = services.order_record_regulator_approval(order=Order.objects.get(pk=order.pk), actor_label="test")
    assert order.subject.filing_number.startswith("京ICP备2027")
