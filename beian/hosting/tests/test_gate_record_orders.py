"""The gate table for every change and cancellation (rules file §1.5–§1.7, §8.5): which domains
serve, pause or block before, during and after each, through real hosted requests."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.filings import states
from beian.hosting.models import HostedSite, SiteDomain
from tests.records import add_website_filing

pytestmark = pytest.mark.django_db

SERVE, BLOCK, MAINTENANCE = 200, 451, 503
MAIN, OTHER = "demo-shop.cn", "demo-shop-two.cn"  # website -1 (the order's target) and website -2


def status(host: str) -> int:
    return Client().get("/", HTTP_HOST=host).status_code


@pytest.fixture
def two_websites(orders, organisation):
    """A filed subject with two websites accessed through us, each on a hosted site of its own."""
    subject = orders.filed_record()
    site = HostedSite.objects.create(organisation=organisation, slug="demo-two", title="二号站")
    SiteDomain.objects.create(site=site, domain=OTHER)
    add_website_filing(subject, domain=OTHER)
    assert (status(MAIN), status(OTHER)) == (SERVE, SERVE)
    return site


# type -> (what the order sets, (MAIN, OTHER) after the regulator approves)
TABLE = {
    "CHANGE_SUBJECT": ({"values": {"subject.mailing_address": "北京市海淀区新地址1号"}}, (SERVE, SERVE)),
    "CHANGE_WEBSITE": ({"values": {"websites[0].name": "示例科技新官网"}}, (SERVE, SERVE)),
    "CHANGE_FILING": (
        {"values": {"subject.mailing_address": "北京市海淀区新地址1号", "websites[0].name": "示例科技新官网"}},
        (SERVE, SERVE),
    ),
    "CHANGE_ACCESS": ({"hosted_site": "two"}, (SERVE, SERVE)),
    "CANCEL_WEBSITE": ({}, (BLOCK, SERVE)),
    "CANCEL_SUBJECT": ({}, (BLOCK, BLOCK)),
    "CANCEL_ACCESS": ({}, (BLOCK, SERVE)),
}


def _builder(orders, filing_type, spec, site_two):
    spec = dict(spec)
    if spec.get("hosted_site") == "two":
        spec["hosted_site"] = site_two
    return orders.against_record(filing_type, **spec)


@pytest.mark.parametrize("filing_type", sorted(TABLE))
def test_before_during_and_after(orders, two_websites, filing_type):
    """Before and throughout the order (draft, provider review, the regulator's queue and SMS,
    its review) both websites serve; after the approval the table says."""
    from beian.filings import services
    from beian.filings.precheck import order_precheck
    from tests.builders import upload_materials

    spec, after = TABLE[filing_type]

    def both() -> tuple[int, int]:
        return status(MAIN), status(OTHER)

    order = _builder(orders, filing_type, spec, two_websites).draft()
    assert both() == (SERVE, SERVE), order.status
    upload_materials(order, orders.user)
    services.order_submit(order=order, user=orders.user, acknowledged_warnings=order_precheck(order).warning_codes)
    assert both() == (SERVE, SERVE), order.status
    services.order_review_approve(order=order, reviewer=orders.reviewer)
    order = orders.push(orders._fresh(order))
    assert order.status in (states.SMS_VERIFICATION, states.REGULATOR_REVIEW)
    assert both() == (SERVE, SERVE), order.status
    order = orders.answer_sms(order)
    assert both() == (SERVE, SERVE), order.status
    order = orders.decide(order, approve=True)
    assert order.status == states.APPROVED
    assert both() == after
    assert status(f"www.{MAIN}") == after[0]  # subdomains follow their main domain


def test_a_domain_added_by_a_change_is_blocked_until_approved_then_serves(orders, hosted_site):
    orders.filed_record()
    SiteDomain.objects.create(site=hosted_site, domain="demo-shop-new.cn")
    assert status("demo-shop-new.cn") == BLOCK  # not filed
    change = orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": ["demo-shop-new.cn"]})
    order = change.regulator_review(acknowledge_warnings=True)
    assert (status("demo-shop-new.cn"), status(MAIN)) == (BLOCK, SERVE)
    orders.decide(order, approve=True)
    assert (status("demo-shop-new.cn"), status(MAIN)) == (SERVE, SERVE)


def test_a_domain_removed_by_a_change_stops_serving_when_approved(orders, hosted_site):
    orders.filed_record()
    SiteDomain.objects.create(site=hosted_site, domain="demo-shop-new.cn")
    orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": ["demo-shop-new.cn"]}).approved(
        acknowledge_warnings=True
    )
    assert status("demo-shop-new.cn") == SERVE
    removal = orders.against_record("CHANGE_WEBSITE", values={"websites[0].other_domains": []})
    order = removal.regulator_review(acknowledge_warnings=True)
    assert status("demo-shop-new.cn") == SERVE  # still filed while the regulator reviews
    orders.decide(order, approve=True)
    assert (status("demo-shop-new.cn"), status(MAIN)) == (BLOCK, SERVE)


def test_a_change_of_access_moves_the_domain_to_the_new_site_once_approved(orders, two_websites, hosted_site):
    two_websites.body_html = "<p>二号站的内容</p>"
    two_websites.save()
    number = orders.filed_record().websites.order_by("sequence").first().filing_number
    order = orders.against_record("CHANGE_ACCESS", hosted_site=two_websites).regulator_review()
    page = Client().get("/", HTTP_HOST=MAIN).content.decode()
    assert "二号站的内容" not in page and number in page  # the old site serves until approval
    orders.decide(order, approve=True)
    assert SiteDomain.objects.get(domain=MAIN).site_id == two_websites.pk
    page = Client().get("/", HTTP_HOST=MAIN).content.decode()
    assert "二号站的内容" in page and number in page
