"""Every existing site gets its gate entries: one per bound domain (A-label) and one for its
platform address. They are filled STALE (valid_until NULL): the first request to each address
computes its decision with the code of the day (beian.hosting.entries), so this migration keeps
no copy of the decision logic that a later model change could break; `manage.py gate_rebuild`
computes them all at once."""

import idna
from django.conf import settings
from django.db import migrations


def ascii_host(domain):
    text = (domain or "").strip().lower().rstrip(".")
    try:
        return idna.encode(text, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return text


def fill(apps, schema_editor):
    HostedSite = apps.get_model("hosting", "HostedSite")
    SiteDomain = apps.get_model("hosting", "SiteDomain")
    GateEntry = apps.get_model("hosting", "GateEntry")
    rows = {}
    for site in HostedSite.objects.order_by("pk"):
        domains = [ascii_host(d) for d in SiteDomain.objects.filter(site=site).order_by("pk").values_list("domain", flat=True)]
        for host in domains:
            rows[host] = GateEntry(host=host, site=site, domain=host, access="block", reason="")
        slug = f"{site.slug}{settings.HOSTED_SITE_SUFFIX}".lower()
        rows[slug] = GateEntry(host=slug, site=site, domain=domains[0] if domains else "", access="block", reason="")
    GateEntry.objects.bulk_create(list(rows.values()), ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("hosting", "0002_gate_entries"),
        ("filings", "0006_standing_records"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
