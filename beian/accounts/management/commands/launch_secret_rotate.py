"""`manage.py launch_secret_rotate <platform>`: a new launch-link secret for the platform, printed once.
Give it to the platform; links signed with the previous secret are accepted until the next rotation."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from beian.accounts.launch import launch_secret_rotate
from beian.accounts.models import Platform


class Command(BaseCommand):
    help = "Create a new launch-link secret for a platform (its slug) and print it once."

    def add_arguments(self, parser):
        parser.add_argument("platform", help="the platform's identifier (slug)")

    def handle(self, *args, platform: str, **options):
        found = Platform.objects.filter(slug=platform).first()
        if found is None:
            raise CommandError(f"No platform {platform!r}; create it in the admin first.")
        self.stdout.write(launch_secret_rotate(platform=found))
