"""The public-security filing on the dashboard (§8.2): each filed website shows the deadline while
no number is entered, and a form to enter it; a refused number is explained with the typed value kept."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.test import Client
from django.utils import timezone

from beian.core import clock
from beian.filings.models import WebsiteFiling


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _url(number: str) -> str:
    return f"/apply/filings/{quote(number)}/psb-number/"


def _section(response) -> str:
    page = response.content.decode()
    return page[page.index('id="filings"') :]


def test_a_filed_website_shows_the_deadline_and_the_form_until_a_number_is_entered(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    deadline = timezone.localdate(record.filed_at) + dt.timedelta(days=30)
    client = _client(applicant)
    section = _section(client.get("/apply/"))
    assert 'class="psb-due"' in section and deadline.strftime("%Y-%m-%d") in section
    assert "请在备案通过后 30 日内到公安联网备案平台办理" in section  # zh-hans, the days from reference data
    assert 'name="psb_number"' in section

    response = client.post(_url(record.filing_number), {"psb_number": "京公网安备 11010502030143 号"})
    assert response.status_code == 302
    section = _section(client.get(response["Location"]))
    assert '<span class="psb-number">京公网安备11010502030143号</span>' in section
    assert 'class="psb-due"' not in section and 'name="psb_number"' not in section


def test_a_refused_number_is_explained_with_the_typed_value_kept(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    typed = "蜀公网安备11010502030143号"
    response = _client(applicant).post(_url(record.filing_number), {"psb_number": typed})
    assert response.status_code == 422
    section = _section(response)
    assert f'value="{typed}"' in section and 'aria-invalid="true"' in section
    error = section[section.index('class="error psb-error"') :][:300]
    assert "京公网安备" in error  # the expected prefix of a Beijing subject
    record.refresh_from_db()
    assert record.psb_number == ""


def test_another_tenant_cannot_enter_a_number(orders, other_tenant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    response = _client(other_tenant).post(_url(record.filing_number), {"psb_number": "京公网安备11010502030143号"})
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.psb_number == ""


def test_past_the_deadline_the_reminder_says_it_is_overdue_and_since_when(orders, applicant):
    orders.approved()
    record = WebsiteFiling.objects.get()
    deadline = timezone.localdate(record.filed_at) + dt.timedelta(days=30)
    client = _client(applicant)
    clock.advance(days=(deadline - clock.today()).days)  # the deadline day itself: still on time
    section = _section(client.get("/apply/"))
    assert 'class="psb-due"' in section and "psb-overdue" not in section

    clock.advance(days=1)
    section = _section(client.get("/apply/"))
    overdue = section[section.index("psb-overdue") :][:400]
    since = (deadline + dt.timedelta(days=1)).strftime("%Y-%m-%d")
    assert f"自 {since} 起已逾期" in overdue and deadline.strftime("%Y-%m-%d") in overdue
    assert "请在备案通过后 30 日内到公安联网备案平台办理" not in section  # no longer "within 30 days by …"
    assert 'name="psb_number"' in section  # the number can still be entered
