"""Working days of the mainland calendar: official holidays and make-up working days (调休).

Source: chinese-calendar, plus operator-entered days (reference.CalendarDay) that override it
and cover years the library does not know yet. A year with neither is "unconfirmed": dates in
it fall back to Monday–Friday and callers can warn with `is_confirmed_year`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import chinese_calendar


@dataclass(frozen=True)
class Calendar:
    days_off: frozenset = field(default_factory=frozenset)        # operator overrides
    makeup_workdays: frozenset = field(default_factory=frozenset)
    confirmed_years: frozenset = field(default_factory=frozenset)

    def is_confirmed_year(self, year: int) -> bool:
        return year in self.confirmed_years or _library_knows(year)

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


def current_calendar() -> Calendar:
    """The calendar with operator overrides from the database (read per call: edits apply at once)."""
    from beian.reference.models import CalendarDay

    off, work, years = set(), set(), set()
    for day in CalendarDay.objects.all().only("date", "kind"):
        (work if day.kind == CalendarDay.Kind.WORKDAY else off).add(day.date)
        years.add(day.date.year)
    return Calendar(frozenset(off), frozenset(work), frozenset(years))
