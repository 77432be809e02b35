"""Orders filed before the records existed become standing records (migration 0006)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.migrating import LATEST, migrate_to

BEFORE = [("filings", "0005_reviewer_search_indexes")]
AT = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_approved_orders_become_subject_website_domain_and_access_records():
    old = migrate_to(BEFORE)
    Organisation = old.get_model("accounts", "Organisation")
    Person = old.get_model("filings", "Person")
    Subject = old.get_model("filings", "Subject")
    Website = old.get_model("filings", "Website")
    Order = old.get_model("filings", "Order")
    HostedSite = old.get_model("hosting", "HostedSite")
    org = Organisation.objects.create(name="北京示例科技有限公司")
    site = HostedSite.objects.create(organisation=org, slug="old-shop", title="Old shop")
    subject = Subject.objects.create(
        organisation=org,
        province="11",
        nature=4,
        name="北京示例科技有限公司",
        certificate_type=1,
        certificate_number_index="idx-1",
        filing_number="京ICP备2026000001号",
        filed_at=AT,
        website_sequence=2,
        principal=Person.objects.create(organisation=org),
    )

    def order(domain, status, number=None, sequence=None, filing_type="FIRST_FILING"):
        website = Website.objects.create(
            organisation=org,
            subject=subject,
            hosted_site=site,
            domain=domain,
            name="示例网站",
            filing_number=number,
            sequence=sequence,
            filed_at=AT if number else None,
            principal=Person.objects.create(organisation=org),
        )
        return Order.objects.create(
            organisation=org,
            filing_type=filing_type,
            status=status,
            subject=subject,
            website=website,
            created_at=AT,
            status_changed_at=AT,
            last_customer_action_at=AT,
        )

    first = order("Old-Shop.cn", "APPROVED", "京ICP备2026000001号-1", 1)
    second = order("示例.中国", "APPROVED", "京ICP备2026000001号-2", 2, filing_type="NEW_WEBSITE")
    draft = order("third.cn", "DRAFT", filing_type="NEW_WEBSITE")

    new = migrate_to(LATEST)
    SubjectFiling = new.get_model("filings", "SubjectFiling")
    WebsiteFiling = new.get_model("filings", "WebsiteFiling")
    FiledDomain = new.get_model("filings", "FiledDomain")
    AccessRecord = new.get_model("filings", "AccessRecord")
    NewOrder = new.get_model("filings", "Order")
    NewWebsite = new.get_model("filings", "Website")

    record = SubjectFiling.objects.get()
    assert (record.filing_number, record.website_sequence, record.certificate_number_index) == (
        "京ICP备2026000001号",
        2,
        "idx-1",
    )
    assert list(WebsiteFiling.objects.order_by("sequence").values_list("filing_number", flat=True)) == [
        "京ICP备2026000001号-1",
        "京ICP备2026000001号-2",
    ]
    assert sorted(FiledDomain.objects.values_list("domain", flat=True)) == ["old-shop.cn", "xn--fsq092h.xn--fiqs8s"]
    assert AccessRecord.objects.filter(is_ours=True, hosted_site_id=site.pk).count() == 2
    for each in (first, second, draft):
        assert NewOrder.objects.get(pk=each.pk).subject_filing_id == record.pk  # the draft targets the record
        assert NewWebsite.objects.get(pk=each.website_id).order_id == each.pk
