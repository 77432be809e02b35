"""The applicant's dashboard shows the monitor's open risks of their filings (what is wrong, what
to do, by when), and never another tenant's."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from beian.core import clock
from beian.integrations.domain_registry import FixtureDomainRegistry
from beian.monitor import services
from beian.monitor.models import Risk

EXPIRES = dt.date(2028, 6, 30)  # demo-shop.cn in the registry fixture


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _run():
    services.monitor_run_report(tools=services.Tools(registry=FixtureDomainRegistry()), everything=True)


def test_an_open_risk_shows_on_the_dashboard_until_it_is_resolved(orders, applicant):
    orders.approved()
    _run()
    assert 'id="monitor-risks"' not in _client(applicant).get("/apply/").content.decode()
    clock.advance(days=(EXPIRES - dt.timedelta(days=20) - clock.today()).days)
    _run()
    page = _client(applicant).get("/apply/").content.decode()
    section = page[page.index('id="monitor-risks"') : page.index('id="filings"')]
    assert "合规风险" in section and "域名到期" in section
    assert "域名 demo-shop.cn 将于 2028-06-30 到期，还剩 20 天。" in section
    assert "请在到期前续费域名。" in section and "2028-06-30" in section and "还剩 20 天" in section
    Risk.objects.update(status="resolved")
    assert 'id="monitor-risks"' not in _client(applicant).get("/apply/").content.decode()


def test_another_tenants_risks_never_show(orders, other_tenant):
    orders.approved()
    clock.advance(days=(EXPIRES - dt.timedelta(days=20) - clock.today()).days)
    _run()
    assert Risk.objects.exists()
    page = _client(other_tenant).get("/apply/").content.decode()
    assert 'id="monitor-risks"' not in page and "demo-shop.cn" not in page
