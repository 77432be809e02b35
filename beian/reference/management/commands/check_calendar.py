"""The yearly check of the working-day calendar (rules file §10): exit status 1 while a year that
ETAs and deadlines reach (this year, the next) has no confirmed official schedule. Run it from
monitoring or cron; `--year` checks one year."""

from django.core.management.base import BaseCommand

from beian.core import clock
from beian.core import workdays as calendar


class Command(BaseCommand):
    help = "Fail (exit 1) while this or next year's official holiday schedule is not in the calendar."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="check this year only")

    def handle(self, *args, year=None, **options):
        years = [year] if year else calendar.years_to_watch(clock.today())
        missing = []
        for entry in (calendar.year_calendar(y) for y in years):
            self.stdout.write(
                f"{entry.year}: {entry.source} ({len(entry.days_off)} days off, "
                f"{len(entry.makeup_workdays)} make-up working days entered)"
            )
            if entry.source == calendar.PROVISIONAL:
                missing.append(entry.year)
                days = ", ".join(f"{e.day.isoformat()} {e.name}" for e in entry.statutory)
                self.stdout.write(f"  counting the statutory holidays only: {days}")
        if missing:
            self.stderr.write(
                f"The official holiday schedule for {', '.join(map(str, missing))} is not confirmed: "
                "enter it in the operator console (Working-day calendar)."
            )
            raise SystemExit(1)
