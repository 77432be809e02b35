"""POST /api/v1/platform/launch-links: the platform asks for a launch link into one of its sites; the link
signs its user in once and lands on the site's filing."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.test import Client

from beian.accounts.models import Organisation, Platform, User
from beian.core.models import AuditEvent
from beian.hosting.models import HostedSite

URL = "/api/v1/platform/launch-links"


def create(client, **body):
    return client.post(URL, body, content_type="application/json")


def test_a_link_for_a_site_signs_the_user_in_once(platform_client, hosted_site, settings):
    settings.BEIAN_PUBLIC_URL = "https://beian.example.com"
    answer = create(platform_client(scopes=["launch"]), user="u-77", site=str(hosted_site.pk))
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["expires_in"] == 300 and body["url"].startswith("https://beian.example.com/launch/?token=")
    path = body["url"].removeprefix("https://beian.example.com")
    browser = Client()
    landed = browser.get(path)
    assert landed.status_code == 302 and landed["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"
    assert User.objects.get(pk=browser.session["_auth_user_id"]).external_id == "u-77"
    assert Client().get(path).status_code == 400  # opens once
    assert AuditEvent.objects.filter(action="launch_link.issued", target_id=str(hosted_site.pk)).exists()


def test_a_link_into_an_order_by_the_sites_address(platform_client, orders):
    draft = orders.draft()
    answer = create(platform_client(scopes=["launch"]), user="u-77", site=orders.site.slug, order=draft.pk)
    assert answer.status_code == 201
    landed = Client().get(urlsplit(answer.json()["url"]).path + "?" + urlsplit(answer.json()["url"]).query)
    assert landed["Location"] == f"/apply/orders/{draft.pk}/"


def test_another_platforms_site_or_another_accounts_order_is_not_found(platform_client, platform, other_tenant, orders):
    client = platform_client(scopes=["launch"])
    theirs = other_tenant.memberships.get().organisation
    foreign_site = HostedSite.objects.create(organisation=theirs, slug="theirs", title="x")
    answer = create(client, user="u-77", site=str(foreign_site.pk))
    assert answer.status_code == 404 and answer.json()["code"] == "launch.site_not_found"
    assert answer.json()["field"] == "site"
    other = Platform.objects.create(name="另一个平台", slug="other")
    Organisation.objects.filter(pk=theirs.pk).update(platform=other, external_id="acct-x")
    assert create(client, user="u-77", site="theirs").status_code == 404
    from tests.builders import OrderBuilder

    foreign_order = OrderBuilder(organisation=theirs, user=other_tenant, site=foreign_site).draft()
    answer = create(client, user="u-77", site=str(orders.site.pk), order=foreign_order.pk)
    assert answer.status_code == 404 and answer.json()["code"] == "launch.order_not_found"
    assert not AuditEvent.objects.filter(action="launch_link.issued").exists()


def test_the_launch_scope_is_needed_and_the_body_checked(platform_client, hosted_site):
    answer = create(platform_client(scopes=["provisioning"]), user="u-77", site=str(hosted_site.pk))
    assert answer.status_code == 403 and answer.json()["code"] == "token.scope_missing"
    answer = create(platform_client(scopes=["launch"]), user="", site=str(hosted_site.pk))
    assert answer.status_code == 422 and answer.json()["field"] == "user"
    assert Client().post(URL, {}, content_type="application/json").status_code == 401


def test_the_platform_rotates_its_secret_and_signs_links_itself(platform_client, platform, hosted_site):
    import jwt

    from beian.core import clock

    client = platform_client(scopes=["launch"])
    first = client.post(URL + "/secret")
    assert first.status_code == 201
    secret = first.json()["secret"]
    second = client.post(URL + "/secret").json()["secret"]
    assert second != secret
    now = int(clock.now().timestamp())
    claims = {"iss": "sitebuilder", "sub": "u-5", "org": "acct-1", "site": str(hosted_site.pk), "iat": now}
    for key, jti in ((secret, "a"), (second, "b")):  # the previous secret still works
        token = jwt.encode({**claims, "exp": now + 120, "jti": jti}, key, algorithm="HS256")
        assert Client().get("/launch/", {"token": token}).status_code == 302
    assert AuditEvent.objects.filter(action="launch_secret.rotated").count() == 2


def test_a_link_for_a_site_named_by_the_platforms_own_site_id(platform_client, hosted_site):
    hosted_site.external_id = "site-9"
    hosted_site.save(update_fields=["external_id"])
    answer = create(platform_client(scopes=["launch"]), user="u-77", site="site-9")
    assert answer.status_code == 201, answer.content
    landed = Client().get(urlsplit(answer.json()["url"]).path + "?" + urlsplit(answer.json()["url"]).query)
    assert landed["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"
