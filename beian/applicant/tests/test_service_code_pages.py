"""Service codes on the applicant's side: the first step asks for the site's code (required while the operator
setting is on, with where to find it), refuses a wrong one on the field with what was typed kept, and the
dashboard lists each site's codes and the codes granted to the account."""

from __future__ import annotations

import pytest
from django.conf import settings

from beian.accounts.models import Membership, Organisation, User
from beian.applicant.tests.test_pages import verify_data
from beian.filings import codes, service_codes
from beian.filings.models import Order, ServiceCode
from beian.reference.models import ReferenceSetting


@pytest.fixture
def web(client, applicant):
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def require_codes(on=True):
    ReferenceSetting.objects.update_or_create(key="service_code_required", defaults={"value": on})


def test_without_the_setting_or_codes_the_first_step_asks_for_none(web, hosted_site, organisation):
    html = web.get(f"/apply/sites/{hosted_site.pk}/verify/").content.decode()
    assert 'name="service_code"' not in html
    web.post(f"/apply/sites/{hosted_site.pk}/verify/", verify_data(confirm="1"))
    assert Order.objects.filter(organisation=organisation).count() == 1


def test_with_the_setting_the_first_step_needs_the_sites_code(web, hosted_site, organisation):
    require_codes()
    url = f"/apply/sites/{hosted_site.pk}/verify/"
    html = web.get(url).content.decode()
    assert 'name="service_code"' in html and "Service code (required)" in html
    assert "备案服务码" in html  # where to find it

    refused = web.post(url, verify_data(confirm="1"))
    assert refused.status_code == 200 and "Enter the service code for this site" in refused.content.decode()
    typo = web.post(url, verify_data(confirm="1", service_code="BA-2345-6789-ABCD"))
    page = typo.content.decode()
    assert "This is not a service code" in page and 'value="BA-2345-6789-ABCD"' in page  # what was typed stays
    assert not Order.objects.filter(organisation=organisation).exists()

    (code,) = service_codes.service_code_generate(site=hosted_site)
    started = web.post(url, verify_data(confirm="1", service_code=code.code.lower()))
    order = Order.objects.get(organisation=organisation)
    assert started.status_code == 302 and order.website.hosted_site == hosted_site
    bound = ServiceCode.objects.get(pk=code.pk)
    assert bound.state == codes.IN_FILING and bound.order == order


def test_checking_says_at_once_when_the_code_will_not_do(web, hosted_site):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    service_codes.service_code_void(code=code)
    require_codes()
    html = web.post(
        f"/apply/sites/{hosted_site.pk}/verify/", verify_data(check="1", service_code=code.code)
    ).content.decode()
    assert "This service code is void" in html and 'data-type="FIRST_FILING"' in html


def test_the_help_text_is_chinese_for_chinese_readers(client, applicant, hosted_site):
    require_codes()
    client.force_login(applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    html = client.get(f"/apply/sites/{hosted_site.pk}/verify/").content.decode()
    assert "在建站平台的「备案服务码」页面获取" in html


def test_an_unused_code_offers_the_field_without_the_setting(web, hosted_site, organisation):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    html = web.get(f"/apply/sites/{hosted_site.pk}/verify/").content.decode()
    assert 'name="service_code"' in html
    web.post(f"/apply/sites/{hosted_site.pk}/verify/", verify_data(confirm="1"))  # optional: left empty
    assert Order.objects.filter(organisation=organisation).exists()
    assert ServiceCode.objects.get(pk=code.pk).state == codes.UNBOUND


def test_the_dashboard_lists_the_sites_codes_and_their_states(web, hosted_site, organisation, applicant):
    unused, used = service_codes.service_code_generate(site=hosted_site, count=2)
    from beian.filings import services

    started = services.order_start(
        organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=used.code
    )
    html = web.get("/apply/").content.decode()
    section = html.split(f'id="codes-{hosted_site.slug}"')[1]
    assert unused.code in section  # to type it
    assert used.code not in html and used.masked in section  # used: masked
    assert "In a filing" in section and "Not used yet" in section and started.order.reference in section


def test_a_code_granted_by_a_sister_account_starts_a_filing_from_the_dashboard(client, hosted_site, platform):
    sister = Organisation.objects.create(name="上海姊妹公司有限公司", platform=platform, external_id="acct-2")
    member = User.objects.create_user(username="sister", password="pw", role="applicant")
    Membership.objects.create(user=member, organisation=sister)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    service_codes.service_code_grant(code=code, to_organisation=sister)
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/apply/").content.decode()
    assert 'id="granted-codes"' in html and code.code in html and hosted_site.title in html
    form = client.get(f"/apply/verify/?code={code.code}").content.decode()
    assert f'value="{code.code}"' in form
    started = client.post(f"/apply/verify/?code={code.code}", verify_data(confirm="1", service_code=code.code))
    assert started.status_code == 302
    order = Order.objects.get(organisation=sister)
    assert order.website.hosted_site == hosted_site and ServiceCode.objects.get(pk=code.pk).order == order
