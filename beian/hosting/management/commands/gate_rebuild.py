"""Recompute every gate entry from the records and orders (beian.hosting.entries)."""

from django.core.management.base import BaseCommand

from beian.hosting.entries import rebuild_all


class Command(BaseCommand):
    help = "Recompute the gate's decision for every address of every hosted site."

    def handle(self, *args, **options):
        count = rebuild_all()
        self.stdout.write(f"{count} gate entries published")
