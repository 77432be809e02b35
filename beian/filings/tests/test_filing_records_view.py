"""What people and partners read of the standing records (selectors.filing_records): websites by
-n with U-label domains, access records, the orders that changed them; no query per website."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from beian.filings import selectors
from beian.filings.models import SubjectFiling
from tests.records import add_website_filing


def _queries(organisation) -> int:
    """Queries to read everything (the rows are plain dataclasses: reading them queries nothing)."""
    with CaptureQueriesContext(connection) as ctx:
        selectors.filing_records(organisation)
    return len(ctx.captured_queries)


def test_an_approved_order_reads_as_its_subject_website_domain_access_and_history(orders, organisation):
    order = orders.approved()
    [subject] = selectors.filing_records(organisation)
    assert subject.filing_number == order.subject.filing_number and subject.province == "11"
    assert subject.province_name == "北京" or subject.province_name == "Beijing"
    [website] = subject.websites
    assert website.filing_number == f"{subject.filing_number}-1"
    assert [d.domain_ascii for d in website.domains] == [order.website.domain]
    assert website.our_access is not None and website.our_access.status == "active"
    assert website.created_by.reference == order.reference == website.last_changed_by.reference
    assert [(h.action, h.order.id) for h in subject.history] == [
        ("subject_filed", order.pk),
        ("website_filed", order.pk),
    ]


def test_idn_domains_read_as_u_labels_beside_their_a_labels(orders, organisation):
    order = orders.approved()
    add_website_filing(SubjectFiling.objects.get(), domain="xn--fsq092h.xn--fiqs8s", order=order)
    [subject] = selectors.filing_records(organisation)
    assert [(d.domain, d.domain_ascii) for d in subject.websites[1].domains] == [
        ("示例.中国", "xn--fsq092h.xn--fiqs8s")
    ]


def test_the_number_of_queries_does_not_grow_with_websites(orders, organisation):
    order = orders.approved()
    one = _queries(organisation)
    record = SubjectFiling.objects.get()
    add_website_filing(record, domain="second-site.cn", order=order)
    add_website_filing(record, domain="third-site.cn", order=order, provider_name="阿里云")
    assert len(selectors.filing_records(organisation)[0].websites) == 3
    assert _queries(organisation) == one


def test_nothing_filed_reads_as_no_records_in_one_query(organisation):
    with CaptureQueriesContext(connection) as ctx:
        assert selectors.filing_records(organisation) == []
    assert len(ctx.captured_queries) == 1
