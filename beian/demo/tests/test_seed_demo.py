"""`manage.py seed_demo`: the accounts and sites the README promises, and running it twice changes nothing."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from beian.accounts.models import Membership, User
from beian.filings.models import AccessRecord, Order, SubjectFiling, WebsiteFiling
from beian.hosting.entries import site_domain_decisions
from beian.hosting.models import HostedSite, SiteDomain


def test_seed_demo_creates_the_readme_accounts_and_sites_once(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("seed_demo", "--no-filed-demo", stdout=out)
    call_command("seed_demo", "--no-filed-demo", stdout=StringIO())
    assert not SubjectFiling.objects.exists()  # the filed demo company is filed by the next test
    assert set(User.objects.values_list("username", flat=True)) >= {
        "operator",
        "reviewer",
        "applicant",
        "yunfan",
        "filed",
    }
    assert sorted(SiteDomain.objects.filter(site__slug="demo-shop").values_list("domain", flat=True)) == [
        "demo-shop.cn",
        "demo-shop.com.cn",
    ]
    yunfan = HostedSite.objects.get(slug="yunfan")
    assert list(yunfan.domains.values_list("domain", flat=True)) == ["yunfan-tech.cn"]
    assert Membership.objects.filter(user__username="yunfan", organisation=yunfan.organisation).exists()
    assert HostedSite.objects.count() == 4 and "yunfan.localhost" in out.getvalue()
    # yunfan's own sample materials (its new-access order needs its names on them)
    yunfan_samples = tmp_path / "demo-materials" / "yunfan"
    assert {"owner_id_front.jpg", "owner_photo.jpg"} <= {p.name for p in yunfan_samples.iterdir()}


def test_seed_demo_files_a_site_the_newcomer_can_change_and_cancel(db, settings, tmp_path):
    """The `filed` account's company: two websites filed through the real services (provider review,
    the regulator outbox, the sandbox's SMS and decision) — served with their numbers, on the
    dashboard with their actions, printed in the summary; a second run files nothing again."""
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("seed_demo", stdout=out)
    record = SubjectFiling.objects.get(organisation__memberships__user__username="filed")
    websites = list(WebsiteFiling.objects.filter(subject_filing=record).order_by("sequence"))
    assert [w.status for w in websites] == ["active", "active"]
    assert AccessRecord.objects.filter(website_filing__in=websites, is_ours=True, status="active").count() == 2
    [order] = Order.objects.filter(organisation=record.organisation)
    assert order.status == "APPROVED"
    assert list(order.events.values_list("event", flat=True))[-1] == "regulator_approved"
    for slug, website in (("xingchen", websites[0]), ("xingchen-products", websites[1])):
        [(_domain, decision)] = site_domain_decisions(HostedSite.objects.get(slug=slug))
        assert (decision.access, decision.filing_number) == ("serve", website.filing_number)
    summary = out.getvalue()
    assert f"{record.filing_number}-1 and -2" in summary and "filed / beian-demo-2026" in summary
    call_command("seed_demo", stdout=StringIO())
    assert Order.objects.filter(organisation=record.organisation).count() == 1
    assert (tmp_path / "demo-materials" / "filed" / "owner_photo.jpg").exists()
