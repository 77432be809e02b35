"""After the number, through the API: the compliance monitor's risks of the caller's filed websites (also on
a website's record) and the provider's notices that it will cancel access, read-only and tenant-scoped."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from django.test import Client

from beian.accounts.models import ApiToken
from beian.api.api import api
from beian.core import clock
from beian.filings import notices
from beian.filings.models import WebsiteFiling
from beian.integrations.domain_registry import FixtureDomainRegistry
from beian.monitor import services as monitor
from beian.monitor.models import Kind, Risk
from beian.rules.model import DomainFacts
from tests.records import add_website_filing

DEMO_SHOP_EXPIRES = dt.date(2028, 6, 30)  # demo-shop.cn in integrations/fixtures/domains.json


def bearer(user, language: str = "zh-hans"):
    _row, key = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_LANGUAGE=language)


class SoldDomain(FixtureDomainRegistry):
    """The fixture registry, except that demo-shop.cn now belongs to somebody else."""

    def lookup(self, domain: str):
        facts = super().lookup(domain)
        if domain != "demo-shop.cn":
            return facts
        return DomainFacts(
            domain=domain, registrant="上海另一家公司有限公司", real_name_verified=True, expires_on=DEMO_SHOP_EXPIRES
        )


@pytest.fixture
def risky(orders) -> WebsiteFiling:
    """A filed website 10 days before its domain expires: the monitor found the domain sold (a risk resolved
    at the next check, which found the domain back with its holder) and about to expire (open)."""
    orders.approved()
    clock.advance(days=(DEMO_SHOP_EXPIRES - dt.timedelta(days=10) - clock.today()).days)
    monitor.monitor_run_report(tools=monitor.Tools(registry=SoldDomain()), everything=True)
    clock.advance(hours=1)
    monitor.monitor_run_report(tools=monitor.Tools(registry=FixtureDomainRegistry()), everything=True)
    return WebsiteFiling.objects.get()


def test_the_risks_of_the_callers_websites_with_their_deadline_and_fix_in_the_request_language(risky, applicant):
    response = bearer(applicant).get("/api/v1/risks")
    assert response.status_code == 200, response.content
    open_risk, resolved = response.json()
    assert open_risk["code"] == "monitor.domain.expires_soon" and open_risk["status"] == "open"
    assert open_risk["message"] == "域名 demo-shop.cn 将于 2028-06-30 到期，还剩 10 天。"
    assert open_risk["fix"] == "请在到期前续费域名。"
    deadline = Risk.objects.get(code="monitor.domain.expires_soon").deadline  # 10 working days to act
    assert open_risk["deadline"] == deadline.isoformat() and open_risk["days_left"] == (deadline - clock.today()).days
    assert open_risk["website_number"] == risky.filing_number
    assert open_risk["subject_number"] == risky.subject_filing.filing_number
    assert (open_risk["domain"], open_risk["domain_ascii"]) == ("demo-shop.cn", "demo-shop.cn")
    assert open_risk["kind"] == "domain_expiry" and open_risk["resolved_at"] is None
    assert resolved["code"] == "monitor.domain.registrant_changed" and resolved["status"] == "resolved"
    assert resolved["resolution"] == "passed" and resolved["resolved_at"]

    [english] = bearer(applicant, "en").get("/api/v1/risks?status=open").json()
    assert english["message"] == "The domain demo-shop.cn expires on 2028-06-30, in 10 days."
    assert english["fix"] and english["fix"] != open_risk["fix"]


def test_risks_filter_by_status_and_website_number(risky, applicant):
    client = bearer(applicant)
    assert [r["status"] for r in client.get("/api/v1/risks?status=resolved").json()] == ["resolved"]
    number = quote(risky.filing_number)
    assert len(client.get(f"/api/v1/risks?website_number={number}").json()) == 2
    assert client.get(f"/api/v1/risks?website_number={quote(risky.filing_number + '0')}").json() == []
    refused = client.get("/api/v1/risks?status=closed")
    assert refused.status_code == 422
    assert refused.json()["code"] == "invalid_request" and refused.json()["field"] == "status"


def test_a_websites_record_carries_its_open_risks(risky, applicant):
    body = bearer(applicant).get(f"/api/v1/filings/websites/{quote(risky.filing_number)}").json()
    deadline = Risk.objects.get(code="monitor.domain.expires_soon").deadline.isoformat()
    assert [(r["code"], r["deadline"]) for r in body["risks"]] == [("monitor.domain.expires_soon", deadline)]


def test_another_tenant_reads_none_of_the_risks(risky, other_tenant):
    assert bearer(other_tenant).get("/api/v1/risks").json() == []
    assert bearer(other_tenant).get(f"/api/v1/risks?website_number={quote(risky.filing_number)}").json() == []


def test_the_kinds_the_document_names_are_the_monitors():
    schema = api.get_openapi_schema()["components"]["schemas"]["RiskOut"]["properties"]["kind"]
    assert set(schema["enum"]) == set(Kind.values)


def test_the_notices_the_caller_was_sent_with_reason_deadline_and_status(orders, applicant, operator, other_tenant):
    record = orders.filed_record().websites.get()
    second = add_website_filing(record.subject_filing, domain="second-site.cn")
    notice = notices.access_notice_create(
        website_filing=record, operator=operator, reason_code="RESOURCES_EXPIRED", note="云服务器已于 11 月到期。"
    )
    # a proposal of the monitor that no operator started: the customer was never told
    notices.access_notice_propose(website_filing=second, reason_code="RESOURCES_EXPIRED", source="monitor:risk:1")
    client = bearer(applicant)

    response = client.get("/api/v1/access-notices")
    assert response.status_code == 200, response.content
    [sent] = response.json()
    assert sent["id"] == notice.pk and sent["status"] == "open" and sent["status_label"]
    assert sent["website_number"] == record.filing_number
    assert sent["domains"] == [{"domain": "demo-shop.cn", "domain_ascii": "demo-shop.cn"}]
    assert sent["reason_code"] == "RESOURCES_EXPIRED" and sent["reason"] and sent["fix"]
    assert sent["note"] == "云服务器已于 11 月到期。"
    assert sent["deadline"] == notice.deadline.isoformat() and sent["working_days_left"] == 10
    assert sent["notified_at"] and sent["closed_at"] is None and sent["order"] is None
    assert bearer(applicant, "en").get("/api/v1/access-notices").json()[0]["reason"] != sent["reason"]

    notices.access_notice_withdraw(notice=notice, operator=operator, note="已续费")
    assert client.get("/api/v1/access-notices?status=open").json() == []
    [withdrawn] = client.get("/api/v1/access-notices?status=withdrawn").json()
    assert withdrawn["id"] == notice.pk and withdrawn["closed_at"] and withdrawn["working_days_left"] is None
    assert bearer(other_tenant).get("/api/v1/access-notices").json() == []
    assert client.get("/api/v1/access-notices?status=proposed").status_code == 422
