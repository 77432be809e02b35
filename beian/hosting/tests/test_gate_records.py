"""The gate per domain, from the records, through real requests (issue 11's measured defects as
regressions): what each address serves, in at most one query, fresh on the very next request."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from beian.accounts.models import ApiToken
from beian.filings import states
from beian.filings.models import AccessRecord, Order, RecordStatus
from beian.hosting import entries
from beian.hosting.models import GateEntry, SiteDomain
from beian.reference.models import ReferenceSetting


def get(host: str, path: str = "/"):
    return Client().get(path, HTTP_HOST=host)


def serves(response, number: str) -> bool:
    return response.status_code == 200 and number in response.content.decode()


@pytest.fixture
def filed(orders):
    return orders.approved()


def test_a_new_draft_from_the_dashboard_start_button_leaves_a_filed_site_serving(filed, applicant, hosted_site):
    number = filed.website.filing_number
    assert serves(get("demo-shop.cn"), number)
    client = Client()
    client.force_login(applicant)
    response = client.post(reverse("applicant:start", args=[hosted_site.pk]))
    assert response.status_code == 302  # to the first step, which verifies the type
    subject = filed.subject
    verify = {
        "province": subject.province,
        "nature": subject.nature,
        "certificate_type": subject.certificate_type,
        "certificate_number": subject.certificate_number,
        "domains": "demo-shop-blog.cn",  # a new website of the filed subject, on the same site
        "confirm": "1",
    }
    assert client.post(response["Location"], verify).status_code == 302
    assert Order.objects.filter(status=states.DRAFT, filing_type="NEW_WEBSITE").exists()
    for host in ("demo-shop.cn", "www.demo-shop.cn", "demo-shop.localhost"):
        assert serves(get(host), number), host


def test_a_new_draft_through_the_api_leaves_a_filed_site_serving(filed, applicant, hosted_site):
    number = filed.website.filing_number
    _row, key = ApiToken.issue(applicant, name="test")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {key}").post(
        "/api/v1/orders", {"site_id": hosted_site.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert serves(get("demo-shop.cn"), number)
    assert serves(get("demo-shop.localhost"), number)


def test_a_second_never_filed_domain_bound_to_a_filed_site_is_blocked(filed, hosted_site):
    number = filed.website.filing_number
    SiteDomain.objects.create(site=hosted_site, domain="demo-shop-second.cn")
    response = get("demo-shop-second.cn")
    assert response.status_code == 451 and number not in response.content.decode()
    assert get("www.demo-shop-second.cn").status_code == 451
    assert serves(get("demo-shop.cn"), number)  # the filed one still serves


def test_subdomains_of_a_filed_domain_serve_with_its_number(filed, hosted_site, organisation):
    number = filed.website.filing_number
    assert serves(get("blog.demo-shop.cn"), number)  # not bound: the main domain's site answers
    assert serves(get("www.demo-shop.cn"), number)
    from beian.hosting.models import HostedSite

    blog = HostedSite.objects.create(organisation=organisation, slug="demo-blog", title="博客", body_html="<p>博客</p>")
    SiteDomain.objects.create(site=blog, domain="blog.demo-shop.cn")
    response = get("blog.demo-shop.cn")
    assert serves(response, number) and "博客" in response.content.decode()


def test_a_domain_filed_elsewhere_and_not_accessed_through_us_is_blocked(filed, hosted_site):
    # the domain stays filed (recorded here), but our access ends and another provider's remains
    access = AccessRecord.objects.get(website_filing=filed.website.website_filing, is_ours=True)
    AccessRecord.objects.create(
        website_filing=access.website_filing, is_ours=False, provider_name="阿里云", since=access.since
    )
    access.status = RecordStatus.CANCELLED
    access.save()
    response = get("demo-shop.cn")
    assert response.status_code == 451
    assert filed.website.filing_number not in response.content.decode()


def test_a_domain_filed_with_another_provider_only_is_blocked(hosted_site):
    SiteDomain.objects.create(site=hosted_site, domain="yunfan-shop.com")  # 沪ICP备2021012345号-2 elsewhere
    assert get("yunfan-shop.com").status_code == 451


def test_a_hosted_request_makes_at_most_one_query_and_shows_the_number(filed, django_assert_max_num_queries):
    number = filed.website.filing_number
    get("demo-shop.cn")  # the entry is fresh from here on
    for host in ("demo-shop.cn", "blog.demo-shop.cn", "demo-shop.localhost"):
        get(host)
        with django_assert_max_num_queries(1):
            response = get(host)
        assert serves(response, number), host


def test_maintenance_only_while_the_first_filing_runs_then_the_next_request_serves(orders):
    order = orders.regulator_review()
    assert get("demo-shop.cn").status_code == 503
    assert get("demo-shop.localhost").status_code == 503
    order = orders._decide(order, approve=True)  # nothing is cleared by hand
    assert serves(get("demo-shop.cn"), order.website.filing_number)
    assert serves(get("demo-shop.localhost"), order.website.filing_number)


def test_after_commit_the_entries_are_already_recomputed(
    orders, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    order = orders.regulator_review()
    assert get("demo-shop.cn").status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        order = orders._decide(order, approve=True)
    entry = GateEntry.objects.get(host="demo-shop.cn")
    assert entry.valid_until is not None and entry.filing_number == order.website.filing_number
    with django_assert_max_num_queries(1):
        assert serves(get("demo-shop.cn"), order.website.filing_number)


def test_a_withdrawn_or_abandoned_first_filing_blocks_again(orders):
    orders.submitted()
    assert get("demo-shop.cn").status_code == 503
    order = Order.objects.get()
    from beian.filings import services

    services.order_withdraw(order=order, user=orders.user)
    assert get("demo-shop.cn").status_code == 451


def test_the_new_access_setting_is_operator_editable(hosted_site):
    assert entries.new_access_policy().value == "provider_review_passed"
    ReferenceSetting.objects.filter(key="new_access_serve_from").update(value="approved")
    assert entries.new_access_policy().value == "approved"


def test_an_entry_marked_stale_is_recomputed_and_a_lost_domain_stops_answering(filed, hosted_site):
    number = filed.website.filing_number
    assert serves(get("demo-shop.cn"), number)
    GateEntry.objects.filter(host="demo-shop.cn").update(valid_until=None, access="block", filing_number="")
    assert serves(get("demo-shop.cn"), number)  # a stale entry never serves its old decision
    SiteDomain.objects.filter(domain="demo-shop.cn").get().delete()
    assert get("demo-shop.cn").status_code == 404
    assert get("demo-shop.localhost").status_code == 451  # no primary domain left


def test_gate_rebuild_recomputes_every_entry(filed, hosted_site):
    from django.core.management import call_command

    GateEntry.objects.all().delete()
    call_command("gate_rebuild")
    hosts = set(GateEntry.objects.values_list("host", flat=True))
    assert hosts == {"demo-shop.cn", "demo-shop.localhost"}
    assert set(GateEntry.objects.values_list("access", flat=True)) == {"serve"}


def test_an_edited_site_shows_its_new_content_on_the_next_request(filed, hosted_site):
    number = filed.website.filing_number
    assert serves(get("demo-shop.cn"), number)  # rendered once, kept by the process
    hosted_site.body_html = "<h1>新的首页内容</h1>"
    hosted_site.save()
    response = get("demo-shop.cn")
    assert serves(response, number) and "新的首页内容" in response.content.decode()
