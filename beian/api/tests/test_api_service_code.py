"""POST /api/v1/orders with a service code (备案服务码): bound to the new filing; required while the operator
setting is on, in the request's language; a code granted by a sister account files for that account's site."""

from __future__ import annotations

from beian.accounts.models import Membership, Organisation, User
from beian.api.tests.test_api_behaviour import assert_error, bearer
from beian.filings import codes, service_codes
from beian.filings.models import Order, ServiceCode
from beian.reference.models import ReferenceSetting


def create(user, body: dict, language: str = "en"):
    return bearer(user).post("/api/v1/orders", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


def require_codes(on: bool) -> None:
    ReferenceSetting.objects.update_or_create(key="service_code_required", defaults={"value": on})


def test_without_the_setting_a_filing_starts_without_a_code(applicant, hosted_site):
    require_codes(False)
    assert create(applicant, {"site_id": hosted_site.pk}).status_code == 201


def test_with_the_setting_a_filing_starts_only_with_the_sites_code(applicant, hosted_site):
    require_codes(True)
    body = assert_error(create(applicant, {"site_id": hosted_site.pk}), 422, "service_code.required", "service_code")
    assert "service code" in body["message"]
    chinese = create(applicant, {"site_id": hosted_site.pk}, language="zh-hans").json()
    assert "备案服务码" in chinese["message"]
    assert_error(
        create(applicant, {"site_id": hosted_site.pk, "service_code": "BA-1234"}),
        422,
        "service_code.invalid",
        "service_code",
    )
    assert not Order.objects.exists()
    (code,) = service_codes.service_code_generate(site=hosted_site)
    started = create(applicant, {"site_id": hosted_site.pk, "service_code": code.code.lower()})
    assert started.status_code == 201, started.content
    bound = ServiceCode.objects.get(pk=code.pk)
    assert bound.state == codes.IN_FILING and bound.order_id == started.json()["id"]
    again = create(applicant, {"site_id": hosted_site.pk})
    assert again.status_code == 200 and again.json()["id"] == started.json()["id"]  # the open filing, no code


def test_a_granted_code_files_for_the_owners_site(hosted_site, platform):
    sister = Organisation.objects.create(name="上海姊妹公司有限公司", platform=platform, external_id="acct-2")
    member = User.objects.create_user(username="sister", password="pw", role="applicant")
    Membership.objects.create(user=member, organisation=sister)
    (code,) = service_codes.service_code_generate(site=hosted_site)
    assert_error(create(member, {"service_code": code.code}), 422, "service_code.unknown", "service_code")
    service_codes.service_code_grant(code=code, to_organisation=sister)
    started = create(member, {"service_code": code.code})
    assert started.status_code == 201, started.content
    assert started.json()["site_id"] == hosted_site.pk
    assert Order.objects.get(pk=started.json()["id"]).organisation == sister


def test_a_change_of_a_filed_record_takes_no_code(applicant, hosted_site):
    response = create(
        applicant,
        {"filing_type": "CANCEL_WEBSITE", "target": {"website_number": "京ICP备1号-1"}, "service_code": "BA-X"},
    )
    assert_error(response, 422, "invalid_request", "target")
