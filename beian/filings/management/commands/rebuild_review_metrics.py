"""`manage.py rebuild_review_metrics`: derive the reviewer metrics' rows again from the order
timelines. Saving an event keeps them current; run this after timeline rows were written around
the ORM (a bulk load, an import, a restore of the events table)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from beian.filings.metrics import review_decisions_rebuild


class Command(BaseCommand):
    help = "Rebuild the reviewer metrics' decision rows from the order timelines."

    def handle(self, *args, **options):
        total = review_decisions_rebuild()
        self.stdout.write(f"{total} review decisions")
