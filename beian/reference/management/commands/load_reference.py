from django.core.management.base import BaseCommand

from beian.reference.loader import load_seed, read_seed
from beian.reference.signals import reference_loaded


class Command(BaseCommand):
    help = "Load the versioned reference seed into the database (idempotent; reports what changed)."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="seed JSON (default: beian/reference/data/icp-data.json)")
        parser.add_argument("--force", action="store_true", help="overwrite rows an operator edited")

    def handle(self, *args, **options):
        report = load_seed(read_seed(options["file"]), force=options["force"])
        changed = 0
        for table, counts in report.items():
            changed += counts["created"] + counts["updated"]
            summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "empty"
            self.stdout.write(f"{table}: {summary}")
        # apps whose data derives from the reference (materials: the requirement matrix) load theirs
        for _receiver, (label, counts) in reference_loaded.send(sender=self.__class__):
            changed += counts["created"] + counts["updated"]
            self.stdout.write(f"{label}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
        self.stdout.write(self.style.SUCCESS(f"reference data loaded: {changed} rows changed"))
