"""Working-day arithmetic over the mainland calendar (rules file §10): the 2026 holidays with their
make-up working days, the 2026/2027 year end, and 2027, which the library does not know, with
days an operator entered."""

import datetime as dt

import pytest

from beian.core.workdays import CONFIRMED_YEARS_SETTING, Calendar, current_calendar, parse_years

D = dt.date.fromisoformat


@pytest.fixture(params=["library", "database"])
def calendar(request):
    """The same answers from chinese-calendar alone and from the calendar the app reads
    (library + the seed's CalendarDay rows): the seed and the library agree on 2026."""
    if request.param == "library":
        return Calendar()
    request.getfixturevalue("db")
    return current_calendar()


# --- 2026 National Day and Mid-Autumn (09-25..27 and 10-01..07 off; 09-20 and 10-10 worked) --------


@pytest.mark.parametrize(
    "day, working",
    [
        ("2026-09-20", True),  # Sunday, make-up working day
        ("2026-09-24", True),
        ("2026-09-25", False),  # Friday, Mid-Autumn
        ("2026-09-27", False),
        ("2026-09-28", True),
        ("2026-10-01", False),
        ("2026-10-07", False),  # Wednesday, still National Day
        ("2026-10-08", True),
        ("2026-10-10", True),  # Saturday, make-up working day
        ("2026-10-11", False),  # Sunday
    ],
)
def test_autumn_2026_days(calendar, day, working):
    assert calendar.is_working_day(D(day)) is working


def test_autumn_2026_arithmetic(calendar):
    assert calendar.add_working_days(D("2026-09-24"), 1) == D("2026-09-28")  # over Mid-Autumn
    assert calendar.add_working_days(D("2026-09-30"), 1) == D("2026-10-08")  # over National Day
    assert calendar.add_working_days(D("2026-09-30"), 3) == D("2026-10-10")  # the Saturday counts
    # (2026-09-18, 2026-10-12]: 09-20, 09-21..24, 09-28..30, 10-08, 10-09, 10-10, 10-12
    assert calendar.working_days_between(D("2026-09-18"), D("2026-10-12")) == 12
    # a 20-working-day regulator review started on 2026-09-21 ends a week later than Mon–Fri would say
    assert calendar.add_working_days(D("2026-09-21"), 20) == D("2026-10-26")
    assert calendar.next_working_day(D("2026-10-01")) == D("2026-10-08")


# --- Spring Festival 2026 (02-15..23 off; Saturdays 02-14 and 02-28 worked) ------------------------


@pytest.mark.parametrize(
    "day, working",
    [
        ("2026-02-13", True),
        ("2026-02-14", True),  # Saturday, make-up working day
        ("2026-02-15", False),
        ("2026-02-19", False),  # Thursday in the holiday
        ("2026-02-23", False),  # Monday, last day off
        ("2026-02-24", True),
        ("2026-02-28", True),  # Saturday, make-up working day
        ("2026-03-01", False),  # Sunday
    ],
)
def test_spring_festival_2026_days(calendar, day, working):
    assert calendar.is_working_day(D(day)) is working


def test_spring_festival_2026_arithmetic(calendar):
    assert calendar.add_working_days(D("2026-02-13"), 1) == D("2026-02-14")
    assert calendar.add_working_days(D("2026-02-14"), 1) == D("2026-02-24")
    assert calendar.add_working_days(D("2026-02-27"), 1) == D("2026-02-28")
    assert calendar.add_working_days(D("2026-02-28"), 1) == D("2026-03-02")
    # (02-13, 03-01]: 02-14, 02-24..27, 02-28
    assert calendar.working_days_between(D("2026-02-13"), D("2026-03-01")) == 6


# --- New Year: 2025/2026 known, 2026/2027 crosses into a year the library does not know -----------


def test_new_year_2026(calendar):
    assert calendar.add_working_days(D("2025-12-31"), 1) == D("2026-01-04")  # 01-01..03 off, Sunday 01-04 worked


def test_new_year_2027_without_a_schedule_counts_the_statutory_day_and_is_unconfirmed(db):
    calendar = current_calendar()
    assert calendar.is_working_day(D("2026-12-31"))
    assert not calendar.is_working_day(D("2027-01-01"))  # 元旦, statutory (Friday)
    assert calendar.add_working_days(D("2026-12-31"), 1) == D("2027-01-04")
    assert not calendar.is_confirmed_year(2027) and calendar.is_confirmed_year(2026)
    assert calendar.unconfirmed_years(D("2026-12-01"), D("2027-01-10")) == [2027]
    assert calendar.unconfirmed_years(D("2026-01-01"), D("2026-12-31")) == []


def test_a_calendar_without_statutory_rules_falls_back_to_weekdays():
    calendar = Calendar()
    assert calendar.add_working_days(D("2026-12-31"), 1) == D("2027-01-01")


# --- the statutory holidays of a year without a State Council schedule (provisional) --------------


def statutory_names(calendar, year):
    return {day.isoformat(): holiday.name for day, holiday in calendar.statutory_days_off(year).items()}


def test_statutory_days_of_2027_from_the_solar_and_lunar_calendars(db):
    days = statutory_names(current_calendar(), 2027)
    assert len(days) == 13  # holidays.statutory_days_per_year_from_2025
    assert days["2027-01-01"] == "元旦"
    # 春节: 除夕 + 正月初一至初三; the lunar new year 2027 is Saturday 02-06
    assert [d for d, name in sorted(days.items()) if name == "春节"] == [
        "2027-02-05",
        "2027-02-06",
        "2027-02-07",
        "2027-02-08",
    ]
    assert days["2027-04-05"] == "清明节"  # the solar term
    assert days["2027-06-09"] == "端午节" and days["2027-09-15"] == "中秋节"
    assert {d for d, name in days.items() if name in ("劳动节", "国庆节")} == {
        "2027-05-01",
        "2027-05-02",
        "2027-10-01",
        "2027-10-02",
        "2027-10-03",
    }


@pytest.mark.parametrize("year", [2025, 2026])
def test_derived_statutory_days_are_days_off_in_the_official_schedules(db, year):
    """The derivation checked against the years the State Council has published (the library)."""
    import chinese_calendar

    from beian.core.workdays import statutory_days_off

    calendar = current_calendar()
    days = statutory_days_off(year, calendar.statutory)
    assert len(days) == 13
    assert all(chinese_calendar.is_holiday(day) for day in days)
    assert calendar.statutory_days_off(year) == {}  # the library's schedule is used for these years


def test_spring_festival_2027_provisionally_skips_the_statutory_weekdays(db):
    calendar = current_calendar()
    assert not calendar.is_working_day(D("2027-02-05"))  # Friday, 除夕
    assert not calendar.is_working_day(D("2027-02-08"))  # Monday, 初三
    assert calendar.add_working_days(D("2027-02-04"), 1) == D("2027-02-09")
    # 20 working days from Monday 2027-01-25: Mon–Fri gives 02-22, the two statutory weekdays 02-24
    assert calendar.add_working_days(D("2027-01-25"), 20) == D("2027-02-24")


def test_statutory_rules_are_operator_data(db):
    """Removing a holiday from the reference setting changes the provisional calendar at once."""
    from beian.reference.models import ReferenceSetting

    row = ReferenceSetting.objects.get(key="statutory_holidays")
    row.value = {**row.value, "holidays": [h for h in row.value["holidays"] if h["name"] != "元旦"]}
    row.save()
    calendar = current_calendar()
    assert calendar.is_working_day(D("2027-01-01"))
    assert not calendar.is_working_day(D("2027-02-05"))


def test_malformed_statutory_entries_are_left_out():
    from beian.core.workdays import parse_statutory

    spec = {
        "holidays": [
            {"name": "元旦", "anchor": "solar", "month": 1, "day": 1},
            {"name": "春节", "anchor": "moon", "month": 1, "day": 1},  # unknown anchor
            {"name": "清明节", "anchor": "solar_term", "term": "no such term"},
            {"name": "劳动节", "anchor": "solar", "month": 13, "day": 1},  # no such date
            {"name": "国庆节", "anchor": "solar", "month": 10, "day": 1},  # no day count
            "nonsense",
        ]
    }
    holidays = parse_statutory(spec, {"元旦": 1, "春节": 4, "清明节": 1, "劳动节": 2})
    assert [h.name for h in holidays] == ["元旦"]
    assert parse_statutory(None, None) == ()


def test_new_year_2027_with_an_operator_day_off():
    calendar = Calendar(days_off=frozenset({D("2027-01-01")}))
    assert calendar.add_working_days(D("2026-12-31"), 1) == D("2027-01-04")
    assert not calendar.is_confirmed_year(2027)  # a day entered is not a confirmed year


# --- 2027 Spring Festival entered by an operator (a hypothetical schedule for the test) -----------

SPRING_2027_OFF = [D("2027-02-05")] + [D("2027-02-08") + dt.timedelta(days=i) for i in range(5)]  # + the weekends
SPRING_2027_MAKEUP = [D("2027-02-20")]


def test_spring_festival_2027_entered_by_operator_moves_dates():
    plain = Calendar()
    entered = Calendar(days_off=frozenset(SPRING_2027_OFF), makeup_workdays=frozenset(SPRING_2027_MAKEUP))
    # 20 working days from Monday 2027-01-25: Mon–Fri gives 02-22; the holiday pushes it to 03-01
    assert plain.add_working_days(D("2027-01-25"), 20) == D("2027-02-22")
    assert entered.add_working_days(D("2027-01-25"), 20) == D("2027-03-01")
    assert entered.is_working_day(D("2027-02-20")) and not entered.is_working_day(D("2027-02-10"))


def test_operator_days_and_confirmation_come_from_the_database(db):
    from beian.reference.models import CalendarDay, ReferenceSetting

    assert current_calendar().add_working_days(D("2027-01-25"), 20) == D("2027-02-24")  # statutory only
    for day in SPRING_2027_OFF:
        CalendarDay.objects.create(date=day, kind=CalendarDay.Kind.DAY_OFF, name="Spring Festival")
    for day in SPRING_2027_MAKEUP:
        CalendarDay.objects.create(date=day, kind=CalendarDay.Kind.WORKDAY, name="Spring Festival")
    calendar = current_calendar()
    assert calendar.add_working_days(D("2027-01-25"), 20) == D("2027-03-01")
    assert not calendar.is_confirmed_year(2027)  # entered, not yet confirmed by the operator

    ReferenceSetting.objects.create(key=CONFIRMED_YEARS_SETTING, value=[2027])
    calendar = current_calendar()
    assert calendar.is_confirmed_year(2027) and not calendar.is_confirmed_year(2028)
    assert calendar.unconfirmed_years(D("2026-12-01"), D("2027-03-01")) == []


def test_operator_override_beats_the_library(db):
    from beian.reference.models import CalendarDay

    CalendarDay.objects.filter(date=D("2026-10-10")).delete()
    CalendarDay.objects.create(date=D("2026-10-09"), kind=CalendarDay.Kind.DAY_OFF, name="correction")
    calendar = current_calendar()
    assert not calendar.is_working_day(D("2026-10-09"))
    assert calendar.is_working_day(D("2026-10-10"))  # still the library's make-up day


def test_confirmed_years_setting_is_read_leniently():
    assert parse_years([2027, "2028", " 2029 ", "soon", None]) == {2027, 2028, 2029}
    assert parse_years("2027") == frozenset()
    assert parse_years(None) == frozenset()
