"""Reference services: the operator-entered working-day calendar as it is stored.

`stored_calendar` builds the calendar (beian.core.workdays, the one calendar module) from the
operator's CalendarDay rows and reference settings; the app config registers it as the source of
`workdays.current_calendar()`, so core reads the operator's days without importing this app.
`calendar_enter_year` enters a year's State Council schedule (its days off and make-up working
days) in one step when the notice is published. Years the library (chinese-calendar) covers are
corrected day by day in the admin (Calendar days); the schedule form is for the years it does not
cover yet.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed
from beian.core.workdays import (
    CONFIRMED_YEARS_SETTING,
    STATUTORY_HOLIDAYS_SETTING,
    Calendar,
    CalendarEntry,
    YearCalendar,
    current_calendar,
    library_knows,
    parse_days,
    parse_statutory,
    parse_years,
    schedule_problems,
    year_calendar,
)
from beian.reference.models import CalendarDay, ReferenceSetting
from beian.reference.snapshot import per_version, setting


def stored_calendar() -> Calendar:
    """The calendar with operator overrides from the database, rebuilt after any edit of a calendar
    day or a setting (each bumps the reference version): edits apply at once."""
    return per_version("calendar", _calendar_from_database)


def _calendar_from_database() -> Calendar:
    off: set[dt.date] = set()
    work: set[dt.date] = set()
    names = []
    for day in CalendarDay.objects.all().only("date", "kind", "name").order_by("date"):
        (work if day.kind == CalendarDay.Kind.WORKDAY else off).add(day.date)
        names.append((day.date, day.name))
    holidays = setting("holidays", {})
    statutory = parse_statutory(
        setting(STATUTORY_HOLIDAYS_SETTING, {}), holidays.get("statutory", {}) if isinstance(holidays, dict) else {}
    )
    return Calendar(
        frozenset(off), frozenset(work), parse_years(setting(CONFIRMED_YEARS_SETTING, [])), statutory, tuple(names)
    )


@transaction.atomic
def calendar_enter_year(*, year: int, days_off_text: str, makeup_text: str, confirm: bool, actor) -> YearCalendar:
    """Replace the operator-entered days of a year the library does not cover, and confirm the year
    (or withdraw its confirmation). Audited; ETAs and review deadlines follow at once."""
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


@transaction.atomic
def reference_setting_set(*, key: str, value, actor) -> ReferenceSetting:
    """An operator changes a setting from the console: as an edit in the admin, audited, kept by
    `load_reference` (edited), and read by the next request."""
    row = ReferenceSetting.objects.select_for_update().filter(key=key).first()
    before = None if row is None else row.value
    if row is None:
        row = ReferenceSetting.objects.create(key=key, value=value, edited_at=clock.now())
    elif row.value != value:
        row.value, row.edited_at = value, clock.now()
        row.save(update_fields=["value", "edited_at"])
    else:
        return row
    audit.record(
        action="reference.edit",
        target=row,
        actor=actor,
        data={"before": {"value": before}, "after": {"value": value}, "object": key},
    )
    return row
