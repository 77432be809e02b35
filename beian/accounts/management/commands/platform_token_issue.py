"""Issue a platform service token from the command line and print its key, once (e.g. for the reference
site builder or a deployment script). The operator console's Platforms page does the same in a browser."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from beian.accounts.models import Platform
from beian.accounts.tokens import SCOPES, platform_token_issue
from beian.core import clock
from beian.core.exceptions import DomainError


class Command(BaseCommand):
    help = "Issue a service token for a platform and print its key (shown only this once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--platform", required=True, help="the platform's identifier (slug), e.g. sitebuilder")
        parser.add_argument(
            "--scopes",
            default="provisioning",
            help=f"comma-separated scopes among {', '.join(SCOPES)} (default: provisioning)",
        )
        parser.add_argument("--name", default="command line", help="a name to tell the token apart")
        parser.add_argument("--expires-in-days", type=int, default=None, help="days until it expires (default: never)")
        parser.add_argument("--rate-limit", type=int, default=600, help="requests per minute (default: 600)")
        parser.add_argument("--key-only", action="store_true", help="print only the key (for scripts)")

    def handle(self, *args, **options):
        platform = Platform.objects.filter(slug=options["platform"]).first()
        if platform is None:
            known = ", ".join(Platform.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No platform “{options['platform']}” (known: {known}).")
        days = options["expires_in_days"]
        try:
            token, key = platform_token_issue(
                platform=platform,
                name=options["name"],
                scopes=[s.strip() for s in options["scopes"].split(",") if s.strip()],
                expires_at=clock.now() + timedelta(days=days) if days is not None else None,
                rate_limit_per_minute=options["rate_limit"],
                actor=None,
            )
        except DomainError as exc:
            raise CommandError(f"{exc.message} ({exc.code})") from None
        if options["key_only"]:
            self.stdout.write(key)
            return
        self.stdout.write(
            f"Token “{token.name}” of {platform.name} ({platform.slug}): scopes {', '.join(token.scopes)}"
        )
        self.stdout.write(f"  expires: {token.expires_at.isoformat() if token.expires_at else 'never'}")
        self.stdout.write(f"  rate limit: {token.rate_limit_per_minute} requests per minute")
        self.stdout.write(f"  key (shown only now): {key}")
        self.stdout.write(f"  use: Authorization: Bearer {key}")
