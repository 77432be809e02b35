"""Working days of the mainland calendar: official holidays and make-up working days (调休).

The one calendar module: the working-day arithmetic, the year view operators maintain, and the
parsing and checks of a schedule they enter (stored by beian.reference.services).

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
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import chinese_calendar
from django.utils.translation import gettext as _

from beian.core import clock
from beian.core.exceptions import ValidationFailed

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
    day_names: tuple = ()  # (date, name) of the operator-entered days, by date

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

    def add_working_hours(self, start: dt.datetime, hours: float, *, opens: dt.time, closes: dt.time) -> dt.datetime:
        """The moment `hours` working hours after `start` (an aware datetime): only the time between
        `opens` and `closes` of working days counts. Returned in `start`'s time zone; a start out of
        hours counts from the next opening."""
        if closes <= opens:
            raise ValueError("working hours must close after they open")
        remaining = dt.timedelta(hours=hours)
        current = start
        while True:
            day = current.date()
            day_opens = dt.datetime.combine(day, opens, tzinfo=start.tzinfo)
            day_closes = dt.datetime.combine(day, closes, tzinfo=start.tzinfo)
            if not self.is_working_day(day) or current >= day_closes:
                following = self.next_working_day(day + dt.timedelta(days=1))
                current = dt.datetime.combine(following, opens, tzinfo=start.tzinfo)
                continue
            current = max(current, day_opens)
            if current + remaining <= day_closes:
                return current + remaining
            remaining -= day_closes - current
            current = day_closes


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


# --- where the operator's days come from ---------------------------------------------------------
# The operator-entered days and settings live in the reference app, which core may not import:
# reference's AppConfig.ready() registers `beian.reference.services.stored_calendar` here.

_calendar_source: Callable[[], Calendar] | None = None


def set_calendar_source(source: Callable[[], Calendar] | None) -> None:
    global _calendar_source
    _calendar_source = source


def current_calendar() -> Calendar:
    """The calendar with operator overrides (read per call from the registered source: edits apply
    at once); the library's calendar alone while no source is registered."""
    return _calendar_source() if _calendar_source is not None else Calendar()


# --- the calendar as operators see and maintain it -------------------------------------------------
# Which years are official, which are provisional, and the schedule an operator enters for a year
# the library does not cover (beian.reference.services.calendar_enter_year stores it).

LIBRARY, CONFIRMED, PROVISIONAL = "library", "confirmed", "provisional"
_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:\.\.|~|～|至|—|to)\s*(\d{4}-\d{1,2}-\d{1,2}))?(?:\s+(.+))?$")


@dataclass(frozen=True)
class CalendarEntry:
    day: dt.date
    name: str


@dataclass(frozen=True)
class YearCalendar:
    year: int
    source: str  # library | confirmed | provisional
    days_off: tuple[CalendarEntry, ...]  # operator-entered
    makeup_workdays: tuple[CalendarEntry, ...]  # operator-entered
    statutory: tuple[CalendarEntry, ...]  # counted while provisional

    @property
    def editable(self) -> bool:
        """The schedule form is for years the library does not cover."""
        return self.source != LIBRARY

    def as_text(self, kind: str) -> str:
        entries = self.days_off if kind == "off" else self.makeup_workdays
        return "\n".join(f"{e.day.isoformat()} {e.name}".strip() for e in entries)


def year_calendar(year: int, calendar: Calendar | None = None) -> YearCalendar:
    calendar = calendar or current_calendar()
    names = dict(calendar.day_names)
    off = tuple(CalendarEntry(day, names.get(day, "")) for day in sorted(calendar.days_off) if day.year == year)
    work = tuple(CalendarEntry(day, names.get(day, "")) for day in sorted(calendar.makeup_workdays) if day.year == year)
    if library_knows(year):
        source = LIBRARY
    elif calendar.is_confirmed_year(year):
        source = CONFIRMED
    else:
        source = PROVISIONAL
    statutory = tuple(
        CalendarEntry(day, holiday.name) for day, holiday in sorted(calendar.statutory_days_off(year).items())
    )
    return YearCalendar(year, source, off, work, statutory)


def years_to_watch(today: dt.date) -> list[int]:
    """This year and the next: the ones ETAs and deadlines reach."""
    return [today.year, today.year + 1]


def unconfirmed_upcoming_years(today: dt.date | None = None, calendar: Calendar | None = None) -> list[int]:
    """Years ETAs reach whose official schedule is not in the calendar (the loud yearly check)."""
    today = today or clock.today()
    calendar = calendar or current_calendar()
    return [year for year in years_to_watch(today) if not calendar.is_confirmed_year(year)]


def parse_days(text: str, year: int) -> list[CalendarEntry]:
    """One date or range per line (or separated by commas), an optional name after it:
    `2027-02-05..2027-02-11 春节`, `2027-02-20`. Raises ValidationFailed naming every bad item."""
    entries: list[CalendarEntry] = []
    problems: list[str] = []
    items = [item.strip() for line in (text or "").splitlines() for item in re.split(r"[,，;；、]", line)]
    for item in filter(None, items):
        match = _RANGE.match(item)
        try:
            if not match:
                raise ValueError
            first = dt.date.fromisoformat(_iso(match.group(1)))
            last = dt.date.fromisoformat(_iso(match.group(2))) if match.group(2) else first
        except ValueError:
            problems.append(
                _("“%(item)s” is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD).") % {"item": item}
            )
            continue
        if last < first or (last - first).days > 31:
            problems.append(_("“%(item)s”: a range runs forwards and covers at most a month.") % {"item": item})
            continue
        if first.year != year or last.year != year:
            problems.append(_("“%(item)s” is not in %(year)s.") % {"item": item, "year": year})
            continue
        name = (match.group(3) or "").strip()[:80]
        entries += [CalendarEntry(first + dt.timedelta(days=i), name) for i in range((last - first).days + 1)]
    if problems:
        raise ValidationFailed(" ".join(problems), code="calendar.bad_dates")
    return entries


def _iso(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def schedule_problems(
    year: int, days_off: list[CalendarEntry], makeup: list[CalendarEntry], *, confirm: bool, calendar: Calendar
) -> list[str]:
    """What makes a schedule impossible (always) or incomplete (when it is to be confirmed)."""
    problems = []
    off_days = {e.day for e in days_off}
    both = sorted(off_days & {e.day for e in makeup})
    if both:
        problems.append(
            _("%(days)s cannot be both a day off and a make-up working day.")
            % {"days": ", ".join(d.isoformat() for d in both)}
        )
    weekdays = sorted(e.day for e in makeup if e.day.weekday() < 5)
    if weekdays:
        problems.append(
            _("Make-up working days are weekend days; %(days)s is a weekday.")
            % {"days": ", ".join(d.isoformat() for d in weekdays)}
        )
    if confirm:
        missing = [
            (day, h.name)
            for day, h in sorted(calendar.statutory_days_off(year).items())
            if day.weekday() < 5 and day not in off_days
        ]
        if missing:
            problems.append(
                _(
                    "The statutory holidays %(days)s are missing from the days off; the official schedule always includes them."
                )
                % {"days": ", ".join(f"{d.isoformat()} ({n})" for d, n in missing)}
            )
    return problems
