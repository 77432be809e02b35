"""The working-day calendar as operators see and maintain it: which years are official, which are
provisional, and entering a year's State Council schedule (its days off and make-up working days)
in one step when the notice is published.

Years the library (chinese-calendar) covers are corrected day by day in the admin (Calendar days);
the schedule form is for the years it does not cover yet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed
from beian.core.workdays import CONFIRMED_YEARS_SETTING, Calendar, current_calendar, library_knows, parse_years

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
    from beian.reference.models import CalendarDay

    calendar = calendar or current_calendar()
    rows = CalendarDay.objects.filter(date__year=year).order_by("date")
    off = tuple(CalendarEntry(r.date, r.name) for r in rows if r.kind == CalendarDay.Kind.DAY_OFF)
    work = tuple(CalendarEntry(r.date, r.name) for r in rows if r.kind == CalendarDay.Kind.WORKDAY)
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


@transaction.atomic
def calendar_enter_year(*, year: int, days_off_text: str, makeup_text: str, confirm: bool, actor) -> YearCalendar:
    """Replace the operator-entered days of a year the library does not cover, and confirm the year
    (or withdraw its confirmation). Audited; ETAs and review deadlines follow at once."""
    from beian.reference.models import CalendarDay, ReferenceSetting

    calendar = current_calendar()
    if library_knows(year):
        raise ValidationFailed(
            _(
                "%(year)s is covered by the official calendar library; correct single days under Calendar days in the admin."
            )
            % {"year": year},
            code="calendar.library_year",
        )
    today = clock.today()
    if not today.year - 1 <= year <= today.year + 2:
        raise ValidationFailed(
            _("Enter a year between %(first)s and %(last)s.") % {"first": today.year - 1, "last": today.year + 2},
            code="calendar.bad_year",
        )
    problems: list[str] = []
    try:
        days_off = parse_days(days_off_text, year)
    except ValidationFailed as exc:
        problems.append(exc.message)
        days_off = []
    try:
        makeup = parse_days(makeup_text, year)
    except ValidationFailed as exc:
        problems.append(exc.message)
        makeup = []
    if not problems:
        problems = schedule_problems(year, days_off, makeup, confirm=confirm, calendar=calendar)
    if problems:
        raise ValidationFailed(" ".join(problems), code="calendar.invalid_schedule")

    statutory_names = {day: h.name for day, h in calendar.statutory_days_off(year).items()}
    before = year_calendar(year, calendar)
    now = clock.now()
    CalendarDay.objects.filter(date__year=year).delete()
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(
                date=e.day, kind=CalendarDay.Kind.DAY_OFF, name=e.name or statutory_names.get(e.day, ""), edited_at=now
            )
            for e in _unique(days_off)
        ]
        + [CalendarDay(date=e.day, kind=CalendarDay.Kind.WORKDAY, name=e.name, edited_at=now) for e in _unique(makeup)]
    )
    setting = ReferenceSetting.objects.filter(key=CONFIRMED_YEARS_SETTING).first()
    years = set(parse_years(setting.value if setting else []))
    years = years | {year} if confirm else years - {year}
    if setting is None:
        setting = ReferenceSetting(key=CONFIRMED_YEARS_SETTING)
    setting.value, setting.edited_at = sorted(years), now
    setting.save()  # bumps the reference version: snapshots, ETAs and review deadlines follow
    after = year_calendar(year)
    audit.record(
        action="calendar.year_entered",
        target_type="reference.calendarday",
        target_id=year,
        actor=actor,
        data={
            "year": year,
            "confirmed": confirm,
            "before": {
                "source": before.source,
                "days_off": before.as_text("off"),
                "makeup_workdays": before.as_text("workday"),
            },
            "after": {
                "source": after.source,
                "days_off": after.as_text("off"),
                "makeup_workdays": after.as_text("workday"),
            },
        },
    )
    return after


def _unique(entries: list[CalendarEntry]) -> list[CalendarEntry]:
    seen: dict[dt.date, CalendarEntry] = {}
    for entry in entries:
        if entry.day not in seen or (entry.name and not seen[entry.day].name):
            seen[entry.day] = entry
    return sorted(seen.values(), key=lambda e: e.day)
