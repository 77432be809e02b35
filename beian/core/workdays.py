"""Working days of the mainland calendar: official holidays and make-up working days (调休).

Source: chinese-calendar, plus operator-entered days (reference.CalendarDay) that override it
and cover years the library does not know yet (it stops at 2026; the State Council publishes the
next year's schedule around November).

A year is *confirmed* when the library covers it or when an operator lists it in the reference
setting `calendar_confirmed_years` (admin → Reference settings, key `calendar_confirmed_years`,
value e.g. `[2027]`) after entering that year's days off and make-up working days. Entering days
alone does not confirm a year: a single early correction must not make a half-entered year look
official.

A year the library does not know is counted *provisionally*: the operator's days where there are
any; otherwise the statutory holidays of 《全国年节及纪念日放假办法》 are days off (their dates found
from the solar calendar, the lunar calendar or the solar terms as the reference setting
`statutory_holidays` says, their lengths from `holidays.statutory`) and the rest is Monday–Friday.
What cannot be derived is the State Council's arrangement around them (bridging days, make-up
working days, a weekday off for a holiday falling on a weekend); callers warn about it with
`is_confirmed_year` / `unconfirmed_years` until an operator confirms the year.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field

import chinese_calendar

CONFIRMED_YEARS_SETTING = "calendar_confirmed_years"
STATUTORY_HOLIDAYS_SETTING = "statutory_holidays"
ANCHORS = ("solar", "lunar", "solar_term")


@dataclass(frozen=True)
class StatutoryHoliday:
    """One statutory holiday: where its first day falls in a year, and how many days it lasts."""

    name: str
    name_en: str
    anchor: str  # solar | lunar | solar_term
    days: int
    month: int = 0
    day: int = 0
    term: str = ""  # the solar term's Chinese name, e.g. 清明
    offset: int = 0  # days from the anchor to the first day off (春节 starts on 除夕: -1)

    def first_day(self, year: int) -> dt.date:
        from lunar_python import Lunar, Solar

        if self.anchor == "solar":
            anchor = dt.date(year, self.month, self.day)
        elif self.anchor == "lunar":
            solar = Lunar.fromYmd(year, self.month, self.day).getSolar()
            anchor = dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
        else:  # solar_term: the lunar year that contains 1 July holds the Gregorian year's terms from 小寒 on
            solar = Solar.fromYmd(year, 7, 1).getLunar().getJieQiTable()[self.term]
            anchor = dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
        return anchor + dt.timedelta(days=self.offset)


def parse_statutory(spec, counts) -> tuple[StatutoryHoliday, ...]:
    """The settings as holidays; an entry without a known anchor or a day count is left out.
    Parsed (and each anchor tried on the lunar calendar) once per distinct setting value, not on
    every `current_calendar()`."""
    return _parse_statutory(
        json.dumps(spec, sort_keys=True, default=str), json.dumps(counts, sort_keys=True, default=str)
    )


@functools.lru_cache(maxsize=16)
def _parse_statutory(spec_json: str, counts_json: str) -> tuple[StatutoryHoliday, ...]:
    spec, counts = json.loads(spec_json), json.loads(counts_json)
    holidays = []
    entries = spec.get("holidays", []) if isinstance(spec, dict) else []
    counts = counts if isinstance(counts, dict) else {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("anchor") not in ANCHORS:
            continue
        try:
            holiday = StatutoryHoliday(
                name=str(entry["name"]),
                name_en=str(entry.get("name_en", entry["name"])),
                anchor=entry["anchor"],
                days=int(counts[entry["name"]]),
                month=int(entry.get("month", 0)),
                day=int(entry.get("day", 0)),
                term=str(entry.get("term", "")),
                offset=int(entry.get("offset", 0)),
            )
            holiday.first_day(2000)
        except (KeyError, TypeError, ValueError, IndexError):
            continue
        if holiday.days > 0:
            holidays.append(holiday)
    return tuple(holidays)


@functools.lru_cache(maxsize=256)
def statutory_days_off(year: int, holidays: tuple[StatutoryHoliday, ...]) -> dict[dt.date, StatutoryHoliday]:
    """The statutory days off of `year` by date (weekends included: a holiday on a Sunday is still
    that holiday, the weekday given in lieu is the State Council's to name)."""
    days = {}
    for holiday in holidays:
        first = holiday.first_day(year)
        for i in range(holiday.days):
            days[first + dt.timedelta(days=i)] = holiday
    return days


@dataclass(frozen=True)
class Calendar:
    days_off: frozenset = field(default_factory=frozenset)  # operator overrides
    makeup_workdays: frozenset = field(default_factory=frozenset)
    confirmed_years: frozenset = field(default_factory=frozenset)  # operator-confirmed years
    statutory: tuple = ()  # StatutoryHoliday, for provisional years

    def is_confirmed_year(self, year: int) -> bool:
        return year in self.confirmed_years or library_knows(year)

    def statutory_days_off(self, year: int) -> dict[dt.date, StatutoryHoliday]:
        """Statutory days off of a year the library does not cover (empty for the years it does)."""
        return {} if library_knows(year) else statutory_days_off(year, self.statutory)

    def unconfirmed_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years touched by [start, end] whose official schedule is not confirmed."""
        first, last = sorted((start.year, end.year))
        return [year for year in range(first, last + 1) if not self.is_confirmed_year(year)]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.days_off:
            return False
        if day in self.makeup_workdays:
            return True
        if library_knows(day.year):
            return chinese_calendar.is_workday(day)
        if day in statutory_days_off(day.year, self.statutory):
            return False
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


def library_knows(year: int) -> bool:
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
    holidays = setting("holidays", {})
    statutory = parse_statutory(
        setting(STATUTORY_HOLIDAYS_SETTING, {}), holidays.get("statutory", {}) if isinstance(holidays, dict) else {}
    )
    return Calendar(frozenset(off), frozenset(work), parse_years(setting(CONFIRMED_YEARS_SETTING, [])), statutory)
