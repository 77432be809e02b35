"""Working days of the mainland calendar: official holidays and make-up working days (调休).

Source: chinese-calendar, plus operator-entered days (reference.CalendarDay) that override it
and cover years the library does not know yet (it stops at 2026; the State Council publishes the
next year's schedule around November).

A year is *confirmed* when the library covers it or when an operator lists it in the reference
setting `calendar_confirmed_years` (admin → Reference settings, key `calendar_confirmed_years`,
value e.g. `[2027]`) after entering that year's days off and make-up working days. Entering days
alone does not confirm a year: a single early correction must not make a half-entered year look
official. Dates in an unconfirmed year use the operator's days where there are any and
Monday–Friday otherwise; callers warn with `is_confirmed_year` / `unconfirmed_years`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import chinese_calendar

CONFIRMED_YEARS_SETTING = "calendar_confirmed_years"


@dataclass(frozen=True)
class Calendar:
    days_off: frozenset = field(default_factory=frozenset)        # operator overrides
    makeup_workdays: frozenset = field(default_factory=frozenset)
    confirmed_years: frozenset = field(default_factory=frozenset)  # operator-confirmed years

    def is_confirmed_year(self, year: int) -> bool:
        return year in self.confirmed_years or _library_knows(year)

    def unconfirmed_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years touched by [start, end] whose official schedule is not confirmed."""
        first, last = sorted((start.year, end.year))
        return [year for year in range(first, last + 1) if not self.is_confirmed_year(year)]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.days_off:
            return False
        if day in self.makeup_workdays:
            return True
        if _library_knows(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date `days` working days after `start` (start itself is not counted)."""
        current = start
        remaining = days
        while remaining > 0:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]."""
        count, current = 0, start
        while current < end:
            current += dt.timedelta(days=1)
            count += self.is_working_day(current)
        return count

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day


def _library_knows(year: int) -> bool:
    return year in _library_years()


_YEARS: frozenset | None = None


def _library_years() -> frozenset:
    global _YEARS
    if _YEARS is None:
        years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
        _YEARS = frozenset(years)
    return _YEARS


def parse_years(value) -> frozenset:
    """The setting's value as years: a list of ints or digit strings; anything else is ignored."""
    if not isinstance(value, (list, tuple)):
        return frozenset()
    years = set()
    for item in value:
        try:
            years.add(int(str(item).strip()))
        except ValueError:
            continue
    return frozenset(years)


def current_calendar() -> Calendar:
    """The calendar with operator overrides from the database (read per call: edits apply at once)."""
    from beian.reference.models import CalendarDay
    from beian.reference.snapshot import setting

    off, work = set(), set()
    for day in CalendarDay.objects.all().only("date", "kind"):
        (work if day.kind == CalendarDay.Kind.WORKDAY else off).add(day.date)
    return Calendar(frozenset(off), frozenset(work), parse_years(setting(CONFIRMED_YEARS_SETTING, [])))
