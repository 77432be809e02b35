"""Operators enter a year's State Council schedule when it is published: parsed as the notice
writes it, checked (statutory holidays present, make-up days on weekends), audited, and the
"may move" warning goes once the year is confirmed. The yearly check fails loudly until then."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from beian.core import workdays as cal
from beian.core.exceptions import ValidationFailed
from beian.core.models import AuditEvent
from beian.core.workdays import current_calendar
from beian.reference.models import CalendarDay
from beian.reference.services import calendar_enter_year

D = dt.date.fromisoformat
SH = ZoneInfo("Asia/Shanghai")

# A schedule shaped like the State Council's notices, for the tests (2027's is not published here).
OFF_2027 = """2027-01-01..2027-01-03 元旦
2027-02-05..2027-02-11 春节
2027-04-03～2027-04-05 清明节, 2027-05-01..2027-05-05 劳动节
2027-06-09 端午节
2027-09-15 中秋节
2027-10-01..2027-10-07 国庆节"""
MAKEUP_2027 = "2027-02-20 春节\n2027-04-25，2027-10-09"


@pytest.fixture
def late_2026(frozen_clock):
    return frozen_clock(dt.datetime(2026, 11, 29, 10, 0, tzinfo=SH))


def test_parse_days_reads_ranges_names_and_separators():
    entries = cal.parse_days("2027-02-05..2027-02-07 春节，2027-2-20\n\n2027-04-03～2027-04-04", 2027)
    assert [(e.day.isoformat(), e.name) for e in entries] == [
        ("2027-02-05", "春节"),
        ("2027-02-06", "春节"),
        ("2027-02-07", "春节"),
        ("2027-02-20", ""),
        ("2027-04-03", ""),
        ("2027-04-04", ""),
    ]


def test_parse_days_names_every_bad_item():
    with pytest.raises(ValidationFailed) as error:
        cal.parse_days("2027-02-30\nFebruary 5\n2027-03-05..2027-03-01\n2026-12-31\n2027-01-01..2027-03-01", 2027)
    message = error.value.message
    for item in ("2027-02-30", "February 5", "2027-03-05..2027-03-01", "2026-12-31", "2027-01-01..2027-03-01"):
        assert f"“{item}”" in message


def test_2027_is_provisional_until_an_operator_confirms_it(db, late_2026):
    year = cal.year_calendar(2027)
    assert year.source == cal.PROVISIONAL and year.editable
    assert len(year.statutory) == 13
    assert cal.year_calendar(2026).source == cal.LIBRARY
    assert cal.unconfirmed_upcoming_years() == [2027]


def test_entering_and_confirming_2027_applies_the_schedule(db, late_2026, operator):
    year = calendar_enter_year(year=2027, days_off_text=OFF_2027, makeup_text=MAKEUP_2027, confirm=True, actor=operator)
    assert year.source == cal.CONFIRMED
    calendar = current_calendar()
    assert calendar.is_confirmed_year(2027) and cal.unconfirmed_upcoming_years() == []
    assert not calendar.is_working_day(D("2027-02-10")) and calendar.is_working_day(D("2027-02-20"))
    assert calendar.add_working_days(D("2027-02-04"), 1) == D("2027-02-12")
    assert CalendarDay.objects.get(date=D("2027-06-09")).name == "端午节"
    assert CalendarDay.objects.get(date=D("2027-04-25")).kind == CalendarDay.Kind.WORKDAY
    event = AuditEvent.objects.get(action="calendar.year_entered")
    assert event.actor == operator and event.data["after"]["source"] == cal.CONFIRMED
    assert event.data["before"]["source"] == cal.PROVISIONAL

    # entered again without the tick: the days are replaced and the year is provisional again
    calendar_enter_year(year=2027, days_off_text="2027-01-01", makeup_text="", confirm=False, actor=operator)
    assert CalendarDay.objects.filter(date__year=2027).count() == 1
    assert not current_calendar().is_confirmed_year(2027)


@pytest.mark.parametrize(
    "off, makeup, confirm, says",
    [
        ("2027-01-01", "2027-02-10", False, "is a weekday"),
        ("2027-02-20", "2027-02-20", False, "both a day off and a make-up working day"),
        ("2027-01-01..2027-01-03", "", True, "2027-02-05 (春节)"),  # confirming without the Spring Festival
        ("2027-13-01", "", False, "is not a date"),
    ],
)
def test_impossible_or_incomplete_schedules_change_nothing(db, late_2026, operator, off, makeup, confirm, says):
    before = list(CalendarDay.objects.values_list("date", "kind"))
    with pytest.raises(ValidationFailed) as error:
        calendar_enter_year(year=2027, days_off_text=off, makeup_text=makeup, confirm=confirm, actor=operator)
    assert says in error.value.message
    assert list(CalendarDay.objects.values_list("date", "kind")) == before
    assert not current_calendar().is_confirmed_year(2027)
    assert not AuditEvent.objects.filter(action="calendar.year_entered").exists()


def test_library_years_and_far_years_are_refused(db, late_2026, operator):
    with pytest.raises(ValidationFailed, match="calendar library"):
        calendar_enter_year(year=2026, days_off_text="2026-10-09", makeup_text="", confirm=False, actor=operator)
    with pytest.raises(ValidationFailed, match="between 2025 and 2028"):
        calendar_enter_year(year=2031, days_off_text="", makeup_text="", confirm=False, actor=operator)


def test_the_yearly_check_fails_loudly_until_next_year_is_confirmed(db, late_2026, operator, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("check_calendar")
    assert exit_.value.code == 1
    output = capsys.readouterr()
    assert "2027: provisional" in output.out and "2027-02-05 春节" in output.out
    assert "2027" in output.err

    calendar_enter_year(year=2027, days_off_text=OFF_2027, makeup_text=MAKEUP_2027, confirm=True, actor=operator)
    call_command("check_calendar")  # no exit
    assert "2027: confirmed" in capsys.readouterr().out
