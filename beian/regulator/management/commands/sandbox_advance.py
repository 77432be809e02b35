from django.core.management.base import BaseCommand, CommandError

from beian.core import clock
from beian.core.jobs import run_periodic_jobs


class Command(BaseCommand):
    help = "Move the business/sandbox clock forward and run the periodic jobs (SMS timeouts, regulator decisions)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=float, default=0)
        parser.add_argument("--hours", type=float, default=0)

    def handle(self, *args, **options):
        if options["days"] < 0 or options["hours"] < 0:
            raise CommandError("The clock only moves forward.")
        now = clock.advance(days=options["days"], hours=options["hours"])
        report = run_periodic_jobs()
        self.stdout.write(f"business time is now {now:%Y-%m-%d %H:%M %Z}")
        for job, count in report.items():
            self.stdout.write(f"  {job}: {count}")
