"""Render the edge's nginx config (deploy/nginx/beian.conf.template; docs/edge-nginx.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beian.hosting.edge import BEIAN_ORIGIN, nginx_config

TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "beian.conf.template"


class Command(BaseCommand):
    help = (
        "Render nginx's config for Beian and the gate at the edge in front of the customers' sites "
        "(deploy/nginx/beian.conf.template) to --output or standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--beian", default="web:8000", help="Beian's web service, host:port (default web:8000)")
        parser.add_argument(
            "--origin",
            default=BEIAN_ORIGIN,
            help=f"the customers' sites: host:port of the site builder's renderer (nginx adds the filing "
            f"footer), or '{BEIAN_ORIGIN}' for Beian's hosted pages (default)",
        )
        parser.add_argument("--listen", default="80", help="nginx's listen address (default 80)")
        parser.add_argument(
            "--cache-dir", default="/var/cache/nginx/beian_gate", help="where nginx keeps the gate's answers"
        )
        parser.add_argument(
            "--platform-host",
            action="append",
            dest="platform_hosts",
            help="a host name of Beian itself (repeatable; the first is the Host nginx sends Beian, one of its "
            "PLATFORM_HOSTS; default localhost; a later one may be ${NAME}, filled by the nginx image's envsubst)",
        )
        parser.add_argument(
            "--secret-from-settings",
            action="store_true",
            help="write this deployment's BEIAN_EDGE_SECRET in (default: leave ${BEIAN_EDGE_SECRET} for envsubst)",
        )
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        secret = None
        if options["secret_from_settings"]:
            secret = settings.EDGE_SECRET
            if not secret:
                raise CommandError("BEIAN_EDGE_SECRET is not set: the edge endpoints would refuse nginx")
        try:
            text = nginx_config(
                TEMPLATE.read_text(),
                beian_upstream=options["beian"],
                origin=options["origin"],
                listen=options["listen"],
                cache_dir=options["cache_dir"],
                platform_hosts=options["platform_hosts"] or ["localhost"],
                secret=secret,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["output"]:
            Path(options["output"]).write_text(text)
        else:
            self.stdout.write(text, ending="")
