"""The operator's working-day calendar page: which years are official, the 2027 schedule entered
as the notice writes it, refusals that keep what the operator typed, and operators only."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from beian.core.workdays import current_calendar
from beian.reference.models import CalendarDay

SH = ZoneInfo("Asia/Shanghai")
URL = "/operator/calendar/"


@pytest.fixture
def operator_client(operator, frozen_clock):
    frozen_clock(dt.datetime(2026, 11, 29, 10, 0, tzinfo=SH))
    client = Client()
    client.force_login(operator)
    return client


def test_the_console_warns_and_the_page_shows_2027_as_provisional(operator_client):
    console = operator_client.get(reverse("operator:console")).content.decode()
    assert 'id="calendar-alert"' in console and reverse("operator:calendar") in console
    page = operator_client.get(reverse("operator:calendar")).content.decode()
    assert 'id="year-2026" class="calendar-year library"' in page
    assert 'id="year-2027" class="calendar-year provisional"' in page
    assert "暂定" in page  # zh-hans by default
    assert "2027-02-05" in page and "春节" in page  # the statutory days counted meanwhile


def test_a_refused_schedule_keeps_the_operators_text(operator_client):
    operator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    typed = "2027-01-01..2027-01-03 元旦\n2027-02-05..2027-02-11 春节\nsoon"
    response = operator_client.post(
        reverse("operator:calendar"), {"year": "2027", "days_off": typed, "makeup": "2027-02-20", "confirm": "on"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "“soon” is not a date" in page
    assert typed in page and "2027-02-20" in page and "checked" in page
    assert not CalendarDay.objects.filter(date__year=2027).exists()


def test_a_confirmed_schedule_removes_the_warning(operator_client):
    response = operator_client.post(
        reverse("operator:calendar"),
        {
            "year": "2027",
            "confirm": "on",
            "makeup": "2027-02-20",
            "days_off": "2027-01-01\n2027-02-05..2027-02-11\n2027-04-05\n2027-05-01..2027-05-05\n"
            "2027-06-09\n2027-09-15\n2027-10-01..2027-10-07",
        },
        follow=True,
    )
    page = response.content.decode()
    assert 'id="year-2027" class="calendar-year confirmed"' in page
    assert current_calendar().is_confirmed_year(2027)
    assert 'id="calendar-alert"' not in operator_client.get(reverse("operator:console")).content.decode()


@pytest.mark.parametrize("who", ["applicant", "reviewer"])
def test_only_operators_see_the_calendar(request, who):
    client = Client()
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("operator:calendar"))
    assert response.status_code in (302, 403, 404)
    response = client.post(reverse("operator:calendar"), {"year": "2027", "days_off": "2027-01-01"})
    assert response.status_code in (302, 403, 404)
    assert not CalendarDay.objects.filter(date__year=2027).exists()
