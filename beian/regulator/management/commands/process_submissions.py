"""The outbox worker: claim due submissions and push them to the regulator, until stopped.

Run as many as you like (claims are conditional updates); kill one at any moment and another
retakes its claim once it is older than --stale-after seconds of business time."""

from __future__ import annotations

import datetime as dt
import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from beian.regulator import services


class Command(BaseCommand):
    help = "Push due regulator submissions (outbox worker). --once: one pass, then exit."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one pass over the due rows, then exit")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds to sleep when nothing is due")
        parser.add_argument("--limit", type=int, default=50, help="rows per pass")
        parser.add_argument(
            "--stale-after",
            type=int,
            default=int(services.STALE_AFTER.total_seconds()),
            help="seconds after which another worker's unfinished claim is retaken",
        )

    def handle(self, *args, **options):
        if options["limit"] < 1 or options["interval"] < 0 or options["stale_after"] < 1:
            raise CommandError("--limit and --stale-after must be positive, --interval not negative.")
        stale_after = dt.timedelta(seconds=options["stale_after"])
        stopping = []
        if not options["once"]:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: stopping.append(True))  # finish the row in hand, then stop
        total = 0
        while True:
            close_old_connections()
            count = services.submissions_process_due(options["limit"], stale_after=stale_after)
            total += count
            if count:
                self.stdout.write(f"pushed {count} submission(s)")
                self.stdout.flush()
            if options["once"] or stopping:
                break
            if not count:
                time.sleep(options["interval"])
                if stopping:
                    break
        self.stdout.write(f"worker done: {total} submission(s) processed")
