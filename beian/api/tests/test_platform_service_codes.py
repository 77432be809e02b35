"""The platform's service codes API (/api/v1/platform/service-codes): generate within the quota, list with
filters and a cursor, read, grant, void; a platform sees only its own accounts' codes."""

import pytest

from beian.accounts.models import Organisation, Platform
from beian.accounts.tokens import platform_token_issue
from beian.core.models import AuditEvent
from beian.filings import codes, service_codes, services
from beian.filings.models import ServiceCode
from beian.hosting.models import HostedSite
from beian.reference.models import ReferenceSetting

URL = "/api/v1/platform/service-codes"


def post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


@pytest.fixture
def api(platform_client):
    return platform_client(scopes=["service_codes"])


@pytest.fixture
def sister(platform):
    return Organisation.objects.create(name="上海姊妹公司有限公司", platform=platform, external_id="acct-2")


@pytest.fixture
def rival(operator):
    """Another platform with its own account, site and token."""
    from django.test import Client

    other = Platform.objects.create(name="别家建站", slug="rival")
    account = Organisation.objects.create(name="别家的客户", platform=other, external_id="acct-1")
    site = HostedSite.objects.create(organisation=account, slug="rival-shop", title="别家网站")
    _token, key = platform_token_issue(platform=other, name="t", scopes=["service_codes"], actor=operator)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    client.site, client.account = site, account
    return client


def test_the_platform_generates_codes_for_its_site_and_sees_the_quota(api, hosted_site):
    answer = post(api, URL, {"site_id": hosted_site.pk, "count": 2})
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["quota"] == {"per_site": 5, "in_use": 2, "left": 3}
    first = body["items"][0]
    assert codes.parse(first["code"]) == first["code"] and first["state"] == "unbound"
    assert first["organisation"] == "acct-1" and first["site_id"] == hosted_site.pk and first["order"] is None
    assert AuditEvent.objects.filter(action="service_code.generate", actor_label="platform:sitebuilder").count() == 2
    assert api.get(f"{URL}/quota/{hosted_site.pk}").json()["left"] == 3


def test_over_the_quota_answers_422_and_generates_nothing(api, hosted_site):
    post(api, URL, {"site_id": hosted_site.pk, "count": 4})
    answer = post(api, URL, {"site_id": hosted_site.pk, "count": 2})
    assert answer.status_code == 422
    assert (answer.json()["code"], answer.json()["field"]) == ("service_code.quota_exceeded", "count")
    assert ServiceCode.objects.count() == 4


def test_the_list_filters_by_site_and_state_and_pages_with_a_cursor(api, hosted_site, organisation, applicant):
    made = service_codes.service_code_generate(site=hosted_site, count=5)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=made[0].code)
    seen, cursor = [], None
    while True:
        page = api.get(URL, {"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["code"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(c.code for c in made) and len(seen) == 5
    in_filing = api.get(URL, {"state": "in_filing", "site_id": hosted_site.pk}).json()["items"]
    assert [c["code"] for c in in_filing] == [made[0].code]
    assert in_filing[0]["order"]["status"] == "DRAFT"
    assert api.get(URL, {"site_id": hosted_site.pk + 999}).json()["items"] == []
    bad = api.get(URL, {"cursor": "nonsense"})
    assert bad.status_code == 422 and bad.json()["code"] == "pagination.cursor_invalid"
    assert api.get(URL, {"limit": 0}).json()["code"] == "pagination.limit_invalid"


def test_one_code_reads_as_typed(api, hosted_site):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    answer = api.get(f"{URL}/{code.code.lower().replace('-', '')}")
    assert answer.status_code == 200 and answer.json()["code"] == code.code
    assert api.get(f"{URL}/BA-0000-0000-0000").status_code == 404


def test_a_code_is_granted_to_another_account_and_the_grantee_lists_it(api, hosted_site, sister):
    (code,) = service_codes.service_code_generate(site=hosted_site)
    answer = post(api, f"{URL}/{code.code}/grant", {"organisation": "acct-2"})
    assert answer.status_code == 200 and answer.json()["granted_to"] == "acct-2"
    assert [c["code"] for c in api.get(URL, {"organisation": "acct-2"}).json()["items"]] == [code.code]
    assert post(api, f"{URL}/{code.code}/grant", {"organisation": "nobody"}).status_code == 404
    taken_back = post(api, f"{URL}/{code.code}/grant", {"organisation": "acct-1"})
    assert taken_back.json()["granted_to"] is None


def test_a_grant_is_refused_where_reference_data_says_no(api, hosted_site, sister):
    row = ReferenceSetting.objects.get(key="provider_resources")
    row.value = {**row.value, "cross_account_grant": False}
    row.save()
    (code,) = service_codes.service_code_generate(site=hosted_site)
    answer = post(api, f"{URL}/{code.code}/grant", {"organisation": "acct-2"})
    assert answer.status_code == 403 and answer.json()["code"] == "service_code.grant_not_allowed"


def test_void_frees_an_unused_code_and_refuses_one_in_a_filing(api, hosted_site, organisation, applicant):
    unused, used = service_codes.service_code_generate(site=hosted_site, count=2)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=used.code)
    answer = post(api, f"{URL}/{unused.code}/void", {"reason": "不再需要"})
    assert answer.status_code == 200
    assert answer.json()["state"] == "void" and answer.json()["counts_against_quota"] is False
    refused = post(api, f"{URL}/{used.code}/void")
    assert refused.status_code == 409 and refused.json()["code"] == "service_code.in_use"
    assert post(api, f"{URL}/{used.code}/grant", {"organisation": "acct-1"}).status_code == 409


def test_another_platforms_codes_and_sites_are_not_found(api, rival, hosted_site):
    (theirs,) = service_codes.service_code_generate(site=rival.site)
    (ours,) = service_codes.service_code_generate(site=hosted_site)
    assert api.get(f"{URL}/{theirs.code}").status_code == 404
    assert post(api, f"{URL}/{theirs.code}/void").status_code == 404
    assert post(api, URL, {"site_id": rival.site.pk}).status_code == 404
    assert [c["code"] for c in api.get(URL).json()["items"]] == [ours.code]
    assert [c["code"] for c in rival.get(URL).json()["items"]] == [theirs.code]
    assert post(rival, f"{URL}/{ours.code}/grant", {"organisation": "acct-1"}).status_code == 404
    assert ServiceCode.objects.get(pk=ours.pk).granted_to is None


def test_a_token_without_the_scope_is_refused(platform_client, hosted_site):
    client = platform_client(scopes=["orders"])
    answer = post(client, URL, {"site_id": hosted_site.pk})
    assert answer.status_code == 403 and answer.json()["code"] == "token.scope_missing"
    assert client.get(URL).status_code == 403
    assert not ServiceCode.objects.exists()


def test_a_users_token_is_no_platform_token(applicant, client, hosted_site):
    from beian.accounts.models import ApiToken

    _row, key = ApiToken.issue(applicant)
    answer = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert answer.status_code == 401


def test_a_retried_generate_with_the_same_key_generates_once(api, hosted_site):
    body = {"site_id": hosted_site.pk, "count": 2}
    first = api.post(URL, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="gen-1")
    again = api.post(URL, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="gen-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["items"] == again.json()["items"] and ServiceCode.objects.count() == 2
    other = api.post(URL, {**body, "count": 1}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="gen-1")
    assert other.status_code == 422 and other.json()["code"] == "idempotency.key_reused"
