"""The operators' list of compliance risks: every tenant's, filtered open / past the deadline /
proposed for cancel access / resolved, the checks that could not run, and the button that checks
every website now. Operators only."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.test import Client
from django.urls import reverse

from beian.core import clock
from beian.filings.models import WebsiteFiling
from beian.integrations.domain_registry import DomainRegistryError, FixtureDomainRegistry
from beian.monitor import services
from beian.monitor.models import Risk

EXPIRES = dt.date(2028, 6, 30)  # demo-shop.cn in the registry fixture


class Down:
    def lookup(self, domain):
        raise DomainRegistryError("RDAP unreachable")


def _client(user, language="en"):
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _move_to(day):
    clock.advance(days=(day - clock.today()).days)


def _risk_about_to_expire(orders):
    orders.approved()
    _move_to(EXPIRES - dt.timedelta(days=20))
    services.monitor_run_report(tools=services.Tools(registry=FixtureDomainRegistry()))
    return Risk.objects.get()


def test_operators_see_every_open_risk_and_filter_them(orders, operator):
    risk = _risk_about_to_expire(orders)
    client = _client(operator)
    page = client.get(reverse("operator:risks")).content.decode()
    row = page[page.index(f'id="risk-{risk.pk}"') :]
    assert WebsiteFiling.objects.get().filing_number in row and "北京示例科技有限公司" in row
    assert "The domain demo-shop.cn expires on 2028-06-30, in 20 days." in row
    assert "Renew the domain before it expires." in row and "2028-06-30" in row
    assert f'id="risk-{risk.pk}"' not in client.get(reverse("operator:risks") + "?show=overdue").content.decode()
    assert f'id="risk-{risk.pk}"' not in client.get(reverse("operator:risks") + "?show=proposed").content.decode()

    _move_to(EXPIRES + dt.timedelta(days=1))
    services.monitor_run_report(tools=services.Tools(registry=FixtureDomainRegistry()))
    proposed = client.get(reverse("operator:risks") + "?show=proposed").content.decode()
    row = proposed[proposed.index(f'id="risk-{risk.pk}"') :]
    assert "Proposed: provider-initiated cancel access" in row and "expired on 2028-06-30" in row
    assert f'id="risk-{risk.pk}"' in client.get(reverse("operator:risks") + "?show=overdue").content.decode()


def test_the_list_is_in_chinese_by_default(orders, operator):
    _risk_about_to_expire(orders)
    page = _client(operator, "zh-hans").get(reverse("operator:risks")).content.decode()
    assert "合规风险" in page and "域名 demo-shop.cn 将于 2028-06-30 到期，还剩 20 天。" in page
    assert "请在到期前续费域名。" in page


def test_a_registry_outage_shows_as_could_not_check(orders, operator):
    orders.approved()
    services.monitor_run_report(tools=services.Tools(registry=Down()))
    page = _client(operator).get(reverse("operator:risks")).content.decode()
    section = page[page.index('id="incomplete-checks"') :]
    assert WebsiteFiling.objects.get().filing_number in section
    assert "demo-shop.cn: the domain registry could not be asked" in section
    assert not Risk.objects.exists()


def test_the_button_checks_every_website_now(orders, operator):
    orders.approved()
    _move_to(EXPIRES - dt.timedelta(days=20))
    response = _client(operator).post(reverse("operator:monitor_check_all"), follow=True)
    assert "Websites checked: 1. Risks opened: 1," in response.content.decode()
    assert Risk.objects.get().code == "monitor.domain.expires_soon"


def test_applicants_cannot_see_the_list(orders, applicant):
    _risk_about_to_expire(orders)
    client = _client(applicant)
    assert client.get(reverse("operator:risks")).status_code == 403
    assert client.post(reverse("operator:monitor_check_all")).status_code == 403
