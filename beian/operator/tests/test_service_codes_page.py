"""The operator's service codes page: find a code by code, site or account and see its state; switch whether a
valid code is required to start a filing (audited, applies on the next request); operators only."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from beian.core.exceptions import ValidationFailed
from beian.core.models import AuditEvent
from beian.filings import service_codes, services
from beian.filings.models import ServiceCode
from beian.hosting.models import HostedSite
from beian.reference.models import ReferenceSetting

URL = "/operator/service-codes/"


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_codes_are_found_by_code_site_or_state(operator_client, hosted_site, organisation, applicant):
    other = HostedSite.objects.create(organisation=organisation, slug="second-shop", title="第二个网站")
    first, second = service_codes.service_code_generate(site=hosted_site, count=2)
    (elsewhere,) = service_codes.service_code_generate(site=other)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=first.code)
    everything = operator_client.get(URL).content.decode()
    assert all(c.code in everything for c in (first, second, elsewhere))
    by_code = operator_client.get(URL, {"q": second.code.lower().replace("-", "")}).content.decode()
    assert second.code in by_code and first.code not in by_code and elsewhere.code not in by_code
    by_site = operator_client.get(URL, {"q": "second-shop"}).content.decode()
    assert elsewhere.code in by_site and first.code not in by_site
    in_filing = operator_client.get(URL, {"state": "in_filing"}).content.decode()
    assert first.code in in_filing and second.code not in in_filing and "In a filing" in in_filing
    assert 'id="service-codes-link"' in operator_client.get("/operator/").content.decode()


def test_the_operator_switches_the_requirement_and_the_next_start_follows(
    operator_client, operator, hosted_site, organisation, applicant
):
    assert 'id="code-requirement-on"' in operator_client.get(URL).content.decode()
    answer = operator_client.post(URL, {"required": "1"}, follow=True)
    assert "A valid service code is now required" in answer.content.decode()
    assert ReferenceSetting.objects.get(key="service_code_required").value is True
    assert ReferenceSetting.objects.get(key="service_code_required").edited_at is not None  # load_reference keeps it
    event = AuditEvent.objects.get(action="reference.edit", actor=operator)
    assert event.data["after"] == {"value": True} and event.data["object"] == "service_code_required"
    with pytest.raises(ValidationFailed) as refused:
        services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site)
    assert refused.value.code == "service_code.required"
    operator_client.post(URL, {"required": "0"})
    assert service_codes.code_required() is False
    assert services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site).created


def test_only_operators_see_codes_or_change_the_setting(client, applicant, hosted_site):
    service_codes.service_code_generate(site=hosted_site)
    client.force_login(applicant)
    assert client.get(URL).status_code in (302, 403)
    client.post(URL, {"required": "1"})
    assert service_codes.code_required() is False


def test_an_operator_voids_an_unused_code_but_not_one_in_a_filing(
    operator_client, operator, hosted_site, organisation, applicant
):
    unused, used = service_codes.service_code_generate(site=hosted_site, count=2)
    services.order_start(organisation=organisation, user=applicant, hosted_site=hosted_site, service_code=used.code)
    html = operator_client.get(URL).content.decode()
    assert f'id="void-{unused.pk}"' in html and f'id="void-{used.pk}"' not in html
    done = operator_client.post(f"{URL}{unused.pk}/void/", {"reason": "发错了客户"}, follow=True)
    assert "is void" in done.content.decode()
    voided = ServiceCode.objects.get(pk=unused.pk)
    assert voided.state == "void" and voided.void_reason == "发错了客户"
    assert AuditEvent.objects.get(action="service_code.void").actor == operator
    refused = operator_client.post(f"{URL}{used.pk}/void/", follow=True)
    assert "bound to a filing in progress" in refused.content.decode()
    assert ServiceCode.objects.get(pk=used.pk).state == "in_filing"
