"""Run the compliance monitor now (the periodic job does the same on its own schedule)."""

from django.core.management.base import BaseCommand

from beian.monitor.services import monitor_run_report


class Command(BaseCommand):
    help = "Re-check the filed websites that are due (footer, domain, certificates, hosting) and update their risks."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="check every filed website now, due or not")
        parser.add_argument("--limit", type=int, default=None, help="check at most this many websites")

    def handle(self, *args, **options):
        report = monitor_run_report(limit=options["limit"], everything=options["all"])
        per_site = f" ({report.seconds / report.checked * 1000:.0f} ms per website)" if report.checked else ""
        self.stdout.write(
            f"Checked {report.checked} websites in {report.seconds:.2f} s{per_site}: "
            f"{report.opened} risks opened, {report.escalated} escalated, {report.resolved} resolved, "
            f"{report.proposed} proposed for cancel access; {report.not_checked} checks could not run"
            + (f"; {report.failed} websites failed (see the log)" if report.failed else "")
            + "."
        )
