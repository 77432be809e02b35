"""Fill the reviewer's queue: N valid, submitted first filings from different organisations and
provinces, with materials uploaded through the wizard's service (so the automated checks run and
pass). The last order's website remark carries the sandbox reject trigger."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from beian.accounts.models import Organisation
from beian.core.exceptions import DomainError
from beian.demo import orders as demo
from beian.reference.models import Province, RejectionReason


class Command(BaseCommand):
    help = "Create N submitted, valid orders (several organisations and provinces) for the reviewer to clear."

    def add_arguments(self, parser):
        parser.add_argument("--orders", type=int, default=20)
        parser.add_argument(
            "--reject-reason",
            default="CONTENT_NOT_MATCH_NATURE",
            help="catalogue reason the sandbox gives the last order (its remark carries the trigger)",
        )

    def handle(self, *args, **options):
        count = options["orders"]
        if not 1 <= count <= 500:
            raise CommandError("--orders must be between 1 and 500.")
        if not Province.objects.exists():
            raise CommandError("No reference data: run `manage.py load_reference` first.")
        if not RejectionReason.objects.filter(code=options["reject_reason"]).exists():
            raise CommandError(f"{options['reject_reason']} is not in the rejection-reason catalogue.")
        taken = set(
            Organisation.objects.filter(external_id__startswith="demo-demo").values_list("external_id", flat=True)
        )
        start = next(i for i in range(1, 10_000) if f"demo-{demo.demo_profile(i).key}" not in taken)
        for n in range(count):
            profile = demo.demo_profile(start + n)
            reject = options["reject_reason"] if n == count - 1 else ""
            try:
                order = demo.submitted_order(profile=profile, reject_reason=reject)
            except DomainError as exc:
                details = "; ".join(f"{f.field}: {f.code}" for f in exc.findings)
                raise CommandError(f"{profile.company}: {exc.message} {details}") from exc
            self.stdout.write(
                f"{order.reference}  {order.status}  {profile.province}  {profile.company}  "
                f"{profile.domain}" + (f"  [sandbox rejects: {reject}]" if reject else "")
            )
        self.stdout.write(self.style.SUCCESS(f"{count} orders are waiting in the review queue."))
