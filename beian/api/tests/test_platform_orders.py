"""Prefilled orders (/api/v1/platform/orders): the site builder creates a draft filing with what it knows, the
applicant finds it filled in in the wizard; the platform follows its status. Only its own accounts' orders."""

import pytest
from django.test import Client

from beian.accounts.models import Membership, Organisation, Platform, User
from beian.accounts.tokens import platform_token_issue
from beian.core.models import AuditEvent
from beian.demo.orders import BEIJING, enterprise_values
from beian.filings import codes, service_codes
from beian.filings import fields as order_fields
from beian.filings.models import Order, ServiceCode
from beian.hosting.models import HostedSite, SiteDomain
from beian.reference.models import ReferenceSetting

URL = "/api/v1/platform/orders"
KNOWN = {  # what a site builder typically knows of its customer and the site
    "subject.name": BEIJING.company,
    "subject.mailing_address": BEIJING.mailing_address,
    "subject.principal.name": BEIJING.person,
    "subject.principal.email": BEIJING.email,
    "websites[0].name": BEIJING.site_name,
    "websites[0].remark": BEIJING.remark,
}


def prefill(client, values=None, **body):
    payload = {"organisation": "acct-1", "data": order_fields.nest(values if values is not None else KNOWN), **body}
    return client.post(URL, payload, content_type="application/json")


@pytest.fixture
def api(platform_client):
    return platform_client(scopes=["orders"])


def test_a_prefilled_draft_is_what_the_applicant_finds_in_the_wizard(api, hosted_site, applicant, client):
    answer = prefill(api, site_id=hosted_site.pk)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["created"] and body["status"] == "DRAFT" and body["filing_type"] == "FIRST_FILING"
    assert sorted(body["applied_fields"]) == sorted(KNOWN) and body["skipped_fields"] == []
    assert body["launch_url"] is None  # no user named
    order = Order.objects.get(pk=body["id"])
    assert order.reference == body["reference"] and order.website.hosted_site == hosted_site
    assert order.subject.name == BEIJING.company and order.website.name == BEIJING.site_name
    assert order.events.get(event="create").actor_label == "platform:sitebuilder"
    assert AuditEvent.objects.filter(action="order.update", actor_label="platform:sitebuilder").exists()

    client.force_login(applicant)
    subject_page = client.get(f"/apply/orders/{order.pk}/step/subject/").content.decode()
    assert BEIJING.company in subject_page and BEIJING.mailing_address in subject_page
    website_page = client.get(f"/apply/orders/{order.pk}/step/website/").content.decode()
    assert BEIJING.site_name in website_page
    assert order.reference in client.get("/apply/").content.decode()  # on the dashboard, ready to continue


def test_with_the_subjects_identity_the_type_is_detected_and_the_findings_come_back(api, hosted_site):
    values = {**enterprise_values(BEIJING), "subject.principal.mobile": "12345"}
    answer = prefill(api, values, site_id=hosted_site.pk)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["filing_type"] == "FIRST_FILING"
    order = Order.objects.get(pk=body["id"])
    assert order.subject.certificate_number == BEIJING.uscc and order.subject.province == "11"
    assert "subject.principal.mobile" in {f["field"] for f in body["findings"]}


def test_the_member_it_names_is_the_orders_creator(api, hosted_site, organisation, platform):
    member = User.objects.create_user(username="u-7", password="x", role="applicant", platform=platform)
    member.external_id = "user-7"
    member.save(update_fields=["external_id"])
    Membership.objects.create(user=member, organisation=organisation)
    answer = prefill(api, site_id=hosted_site.pk, user="user-7")
    assert Order.objects.get(pk=answer.json()["id"]).created_by == member


def test_the_launch_link_signs_the_user_in_and_opens_the_prefilled_order(api, hosted_site, client, settings):
    settings.BEIAN_PUBLIC_URL = "http://testserver"
    answer = prefill(api, site_id=hosted_site.pk, user="user-8")
    url = answer.json()["launch_url"]
    assert url.startswith("http://testserver/launch/?token=")
    landed = client.get(url.removeprefix("http://testserver"), follow=True)
    assert landed.redirect_chain and str(answer.json()["id"]) in landed.redirect_chain[-1][0]
    assert BEIJING.site_name in landed.content.decode()  # the wizard of the prefilled order, signed in
    assert User.objects.get(external_id="user-8").memberships.get().organisation.external_id == "acct-1"


def test_an_unknown_field_or_key_creates_nothing(api, hosted_site):
    answer = prefill(api, {**KNOWN, "subject.colour": "blue"}, site_id=hosted_site.pk)
    assert answer.status_code == 422
    assert (answer.json()["code"], answer.json()["field"]) == ("field.unknown", "subject.colour")
    wrong_type = prefill(api, {"subject.principal.certificate_valid_until": "next year"}, site_id=hosted_site.pk)
    assert wrong_type.status_code == 422 and wrong_type.json()["code"] == "field.invalid"
    typo = prefill(api, site_id=hosted_site.pk, organisaton="acct-1")
    assert typo.status_code == 422 and typo.json()["field"] == "organisaton"
    assert not Order.objects.exists()


def test_an_open_order_for_the_site_is_answered_and_left_alone(api, hosted_site, orders):
    open_order = orders.draft(values=False)
    answer = prefill(api, site_id=hosted_site.pk)
    assert answer.status_code == 200 and answer.json()["id"] == open_order.pk and not answer.json()["created"]
    assert Order.objects.get(pk=open_order.pk).subject.name == ""


def test_with_codes_required_the_prefill_needs_the_sites_code_and_binds_it(api, hosted_site):
    ReferenceSetting.objects.update_or_create(key="service_code_required", defaults={"value": True})
    refused = prefill(api, site_id=hosted_site.pk)
    assert refused.status_code == 422 and refused.json()["code"] == "service_code.required"
    assert not Order.objects.exists()
    (code,) = service_codes.service_code_generate(site=hosted_site)
    answer = prefill(api, site_id=hosted_site.pk, service_code=code.code)
    assert answer.status_code == 201
    bound = ServiceCode.objects.get(pk=code.pk)
    assert bound.state == codes.IN_FILING and bound.order_id == answer.json()["id"]
    assert api.get(f"{URL}/{answer.json()['id']}").json()["service_code"] == code.code


def test_a_sister_account_files_with_a_granted_code_only(api, hosted_site, platform):
    sister = Organisation.objects.create(name="上海姊妹公司有限公司", platform=platform, external_id="acct-2")
    without = prefill(api, site_id=hosted_site.pk, organisation="acct-2")
    assert without.status_code == 404 and without.json()["field"] == "site_id"
    (code,) = service_codes.service_code_generate(site=hosted_site)
    service_codes.service_code_grant(code=code, to_organisation=sister)
    answer = prefill(api, site_id=hosted_site.pk, organisation="acct-2", service_code=code.code)
    assert answer.status_code == 201, answer.content
    assert Order.objects.get(pk=answer.json()["id"]).organisation == sister


def test_the_platform_follows_the_order_to_its_numbers(api, orders, django_capture_on_commit_callbacks):
    draft = orders.draft(values=False)
    read = api.get(f"{URL}/{draft.pk}").json()
    assert read["status"] == "DRAFT" and read["organisation"] == "acct-1"
    assert read["findings"]["ok"] is False and read["findings"]["errors"] > 0
    assert "order.field.required" in read["findings"]["codes"] and "material.missing" in read["findings"]["codes"]
    with django_capture_on_commit_callbacks(execute=True):
        filed = orders.approved(acknowledge_warnings=True)
    read = api.get(f"{URL}/{filed.pk}").json()
    assert read["status"] == "APPROVED" and read["findings"] is None
    assert read["subject_filing_number"] == filed.subject.filing_number
    assert read["website_filing_numbers"] == [filed.website.filing_number]
    assert "certificate" not in str(read) and BEIJING.mobile not in str(read)  # no personal data


def test_another_platforms_orders_accounts_and_sites_are_not_found(api, orders, operator):
    other = Platform.objects.create(name="别家建站", slug="rival")
    account = Organisation.objects.create(name="别家的客户", platform=other, external_id="acct-9")
    site = HostedSite.objects.create(organisation=account, slug="rival-shop", title="别家网站")
    SiteDomain.objects.create(site=site, domain="rival-shop.cn")
    _token, key = platform_token_issue(platform=other, name="t", scopes=["orders"], actor=operator)
    rival = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    ours = orders.draft(values=False)
    assert rival.get(f"{URL}/{ours.pk}").status_code == 404
    assert prefill(rival, site_id=ours.website.hosted_site_id).status_code == 404  # acct-1 is not theirs
    assert prefill(rival, site_id=ours.website.hosted_site_id, organisation="acct-9").status_code == 404
    assert prefill(api, site_id=site.pk).status_code == 404
    assert prefill(api, site_id=site.pk, organisation="acct-9").status_code == 404
    assert Order.objects.count() == 1


def test_a_token_without_the_orders_scope_is_refused(platform_client, hosted_site, orders):
    client = platform_client(scopes=["service_codes"])
    answer = prefill(client, site_id=hosted_site.pk)
    assert answer.status_code == 403 and answer.json()["code"] == "token.scope_missing"
    assert client.get(f"{URL}/{orders.draft(values=False).pk}").status_code == 403


def test_a_retried_prefill_with_the_same_key_answers_the_same_order(api, hosted_site):
    payload = {"organisation": "acct-1", "site_id": hosted_site.pk, "data": order_fields.nest(KNOWN)}
    first = api.post(URL, payload, content_type="application/json", HTTP_IDEMPOTENCY_KEY="prefill-1")
    again = api.post(URL, payload, content_type="application/json", HTTP_IDEMPOTENCY_KEY="prefill-1")
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert Order.objects.count() == 1
