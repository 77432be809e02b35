"""`manage.py seed_demo`: the accounts and sites the README promises, and running it twice changes nothing."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from beian.accounts.models import Membership, User
from beian.hosting.models import HostedSite, SiteDomain


def test_seed_demo_creates_the_readme_accounts_and_sites_once(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=StringIO())
    assert set(User.objects.values_list("username", flat=True)) >= {"operator", "reviewer", "applicant", "yunfan"}
    assert sorted(SiteDomain.objects.filter(site__slug="demo-shop").values_list("domain", flat=True)) == [
        "demo-shop.cn",
        "demo-shop.com.cn",
    ]
    yunfan = HostedSite.objects.get(slug="yunfan")
    assert list(yunfan.domains.values_list("domain", flat=True)) == ["yunfan-tech.cn"]
    assert Membership.objects.filter(user__username="yunfan", organisation=yunfan.organisation).exists()
    assert HostedSite.objects.count() == 2 and "yunfan.localhost" in out.getvalue()
    # yunfan's own sample materials (its new-access order needs its names on them)
    yunfan_samples = tmp_path / "demo-materials" / "yunfan"
    assert {"owner_id_front.jpg", "owner_photo.jpg"} <= {p.name for p in yunfan_samples.iterdir()}
