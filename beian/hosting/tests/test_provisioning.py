"""Hosted sites and their domains as a platform provisions them: idempotent by the platform's site id,
domains normalised and bound to one site only, what serves, and the refusals that protect the filing
records (a filed site, a site with an open order, a filed domain)."""

from __future__ import annotations

import pytest
from django.test import Client

from beian.accounts.models import Organisation, Platform
from beian.core.exceptions import Conflict, NotFound, ValidationFailed
from beian.core.models import AuditEvent
from beian.filings.models import AccessRecord, RecordStatus
from beian.hosting import provisioning
from beian.hosting.models import GateEntry, HostedSite, SiteDomain


@pytest.fixture
def upsert(platform, organisation):
    def run(external_id="site-1", slug="new-shop", title="新店", **kwargs):
        kwargs.setdefault("organisation", organisation)
        return provisioning.hosted_site_upsert(external_id=external_id, slug=slug, title=title, **kwargs)

    return run


def test_a_site_put_twice_is_made_once_and_answers_on_its_address(upsert):
    first = upsert(domains=["New-Shop.cn."])
    again = upsert(domains=["new-shop.cn"])
    assert first.created and again.status == "unchanged" and again.row.pk == first.row.pk
    site = first.row
    assert list(site.domains.values_list("domain", flat=True)) == ["new-shop.cn"]
    for host in ("new-shop.localhost", "new-shop.cn"):  # an unfiled site answers with the block page
        assert Client().get("/", HTTP_HOST=host).status_code == 451, host
    assert GateEntry.objects.filter(site=site, host="new-shop.cn").exists()
    assert AuditEvent.objects.filter(action="hosted_site.provisioned").count() == 1


def test_a_unicode_domain_is_bound_as_its_a_label(upsert):
    site = upsert(domains=["例子.中国"]).row
    assert list(site.domains.values_list("domain", flat=True)) == ["xn--fsqu00a.xn--fiqs8s"]
    assert provisioning.site_domain_add(site=site, domain="XN--fsqu00a.xn--fiqs8s").status == "unchanged"


def test_put_with_domains_binds_exactly_those(upsert):
    site = upsert(domains=["a-shop.cn", "b-shop.cn"]).row
    changed = upsert(domains=["b-shop.cn", "c-shop.cn"])
    assert changed.status == "updated"
    assert set(site.domains.values_list("domain", flat=True)) == {"b-shop.cn", "c-shop.cn"}
    assert upsert().status == "unchanged"  # without domains, the domains stay
    assert site.domains.count() == 2


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"slug": "Not A Slug"}, "provisioning.slug_invalid"),
        ({"slug": "-shop"}, "provisioning.slug_invalid"),
        ({"title": ""}, "provisioning.title_required"),
        ({"external_id": "a b"}, "provisioning.external_id_invalid"),
        ({"domains": ["not a domain"]}, "provisioning.domain_invalid"),
        ({"domains": ["192.168.1.1"]}, "provisioning.domain_invalid"),
        ({"domains": ["shop.localhost"]}, "provisioning.domain_platform_address"),
    ],
)
def test_a_bad_site_is_refused_and_nothing_is_made(upsert, kwargs, code):
    with pytest.raises(ValidationFailed) as refused:
        upsert(**kwargs)
    assert refused.value.code == code
    assert not HostedSite.objects.filter(external_id="site-1").exists()


def test_another_sites_address_or_domain_is_a_conflict(upsert, hosted_site):
    with pytest.raises(Conflict) as slug:
        upsert(slug="demo-shop")
    assert slug.value.code == "provisioning.slug_taken" and slug.value.status == 409
    with pytest.raises(Conflict) as domain:
        upsert(domains=["new-shop.cn", "demo-shop.cn"])
    assert domain.value.code == "provisioning.domain_taken"
    assert not HostedSite.objects.filter(external_id="site-1").exists()  # all or nothing
    assert not SiteDomain.objects.filter(domain="new-shop.cn").exists()
    site = upsert().row
    with pytest.raises(Conflict):
        provisioning.site_domain_add(site=site, domain="DEMO-SHOP.cn")
    assert SiteDomain.objects.get(domain="demo-shop.cn").site == hosted_site


def test_a_site_id_of_another_organisation_of_the_platform_is_a_conflict(upsert, platform):
    upsert()
    second = Organisation.objects.create(name="第二家公司", platform=platform, external_id="acct-2")
    with pytest.raises(Conflict) as refused:
        upsert(organisation=second, slug="second-shop")
    assert refused.value.code == "provisioning.site_in_other_organisation"
    # another platform may use the same id
    other = Platform.objects.create(name="另一个平台", slug="other")
    theirs = Organisation.objects.create(name="别家", platform=other, external_id="acct-1")
    assert upsert(organisation=theirs, slug="their-shop").created


def test_removing_a_site_takes_its_domains_and_gate_entries(upsert):
    site = upsert(domains=["new-shop.cn"]).row
    assert Client().get("/", HTTP_HOST="new-shop.cn").status_code == 451
    provisioning.hosted_site_remove(site=site, actor_label="platform:sitebuilder")
    assert not HostedSite.objects.filter(pk=site.pk).exists()
    assert not SiteDomain.objects.filter(domain="new-shop.cn").exists()
    assert not GateEntry.objects.filter(host__in=["new-shop.cn", "new-shop.localhost"]).exists()
    assert Client().get("/", HTTP_HOST="new-shop.cn").status_code == 404
    assert AuditEvent.objects.get(action="hosted_site.removed").data["domains"] == ["new-shop.cn"]


def test_a_site_with_an_open_order_is_not_removed(orders, hosted_site):
    order = orders.submitted()
    with pytest.raises(Conflict) as refused:
        provisioning.hosted_site_remove(site=hosted_site)
    assert refused.value.code == "provisioning.site_has_open_order"
    assert order.reference in refused.value.message
    assert HostedSite.objects.filter(pk=hosted_site.pk).exists()


def test_a_filed_site_and_its_filed_domain_are_not_removed(platform, orders, hosted_site):
    filed = orders.approved()
    number = filed.website.filing_number
    HostedSite.objects.filter(pk=hosted_site.pk).update(external_id="shop")
    assert AccessRecord.objects.filter(hosted_site=hosted_site, is_ours=True, status=RecordStatus.ACTIVE).exists()
    with pytest.raises(Conflict) as site_refused:
        provisioning.hosted_site_remove(site=hosted_site)
    assert site_refused.value.code == "provisioning.site_filed" and number in site_refused.value.message
    with pytest.raises(Conflict) as domain_refused:
        provisioning.site_domain_remove(site=hosted_site, domain="demo-shop.cn")
    assert domain_refused.value.code == "provisioning.domain_filed" and number in domain_refused.value.message
    with pytest.raises(Conflict):
        provisioning.hosted_site_upsert(
            organisation=hosted_site.organisation,
            external_id="shop",
            slug="demo-shop",
            title="示例科技官网",
            domains=[],
        )
    assert SiteDomain.objects.filter(site=hosted_site, domain="demo-shop.cn").exists()
    # an unfiled domain of a filed site comes off
    provisioning.site_domain_add(site=hosted_site, domain="www.demo-shop.cn")
    provisioning.site_domain_remove(site=hosted_site, domain="www.demo-shop.cn")
    assert not SiteDomain.objects.filter(domain="www.demo-shop.cn").exists()
    assert Client().get("/", HTTP_HOST="demo-shop.cn").status_code == 200


def test_removing_a_domain_not_bound_to_the_site_is_not_found(upsert):
    site = upsert().row
    with pytest.raises(NotFound) as missing:
        provisioning.site_domain_remove(site=site, domain="elsewhere.cn")
    assert missing.value.code == "provisioning.domain_not_found"
