"""/launch/?token=…: the site builder's 备案 button signs its user in and lands them on the right
page for the site: the order the link names, else the site's open order, else its filed record on
the dashboard, else a new filing for the site. A refused link says what to do and changes nothing."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import jwt
import pytest
from django.conf import settings
from django.test import Client

from beian.accounts.launch import launch_secret_rotate
from beian.accounts.models import Membership, Organisation, User
from beian.core import clock
from beian.hosting.models import HostedSite


@pytest.fixture
def secret(platform):
    return launch_secret_rotate(platform=platform)


def link(secret, *, site, sub="u-1", org="acct-1", **extra) -> str:
    now = int(clock.now().timestamp())
    claims = {"iss": "sitebuilder", "sub": sub, "org": org, "site": str(site), "iat": now, "exp": now + 300}
    claims.update(jti=uuid.uuid4().hex, **extra)
    return "/launch/?" + urlencode({"token": jwt.encode(claims, secret, algorithm="HS256")})


def signed_in(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_a_site_with_nothing_filed_starts_its_filing(client, secret, hosted_site, organisation):
    response = client.get(link(secret, site=hosted_site.pk))
    assert response.status_code == 302 and response["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"
    user = signed_in(client)
    assert user is not None and user.external_id == "u-1" and user.platform.slug == "sitebuilder"
    page = client.get(response["Location"])
    assert page.status_code == 200 and page.wsgi_request.organisation == organisation
    assert "demo-shop.cn" in page.content.decode()  # the site's domain, filled in


def test_a_site_named_by_its_address_works_too(client, secret, hosted_site):
    response = client.get(link(secret, site=hosted_site.slug))
    assert response["Location"] == f"/apply/sites/{hosted_site.pk}/verify/"


def test_a_site_with_an_open_order_opens_that_order(client, secret, orders):
    order = orders.submitted()
    response = client.get(link(secret, site=orders.site.pk))
    assert response["Location"] == f"/apply/orders/{order.pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_the_order_the_link_names_is_opened(client, secret, orders):
    draft = orders.draft()
    response = client.get(link(secret, site=orders.site.pk, order=str(draft.pk)))
    assert response["Location"] == f"/apply/orders/{draft.pk}/"


def test_a_filed_site_lands_on_its_record_on_the_dashboard(client, secret, orders):
    number = orders.approved().website.filing_number
    response = client.get(link(secret, site=orders.site.pk))
    assert response["Location"] == f"/apply/#website-{quote(number)}"  # the browser decodes it
    page = client.get("/apply/").content.decode()
    assert f'id="website-{number}"' in page


def test_the_link_chooses_the_account_for_a_user_of_several(client, secret, platform, hosted_site, organisation):
    user = User.objects.create(username="sb.u-1", platform=platform, external_id="u-1")
    first = Organisation.objects.create(name="先加入的公司", platform=platform, external_id="acct-0")
    Membership.objects.create(user=user, organisation=first)
    response = client.get(link(secret, site=hosted_site.pk))
    page = client.get(response["Location"])
    assert page.status_code == 200 and page.wsgi_request.organisation == organisation


def test_someone_else_signed_in_in_the_browser_is_replaced(client, secret, applicant, hosted_site):
    client.force_login(applicant)
    client.get(link(secret, site=hosted_site.pk))
    assert signed_in(client).external_id == "u-1"


# --- refused ------------------------------------------------------------------------------------


def refusal(response) -> str:
    assert response.status_code == 400
    return response.content.decode()


def test_a_used_link_is_refused_with_what_to_do(secret, hosted_site):
    url = link(secret, site=hosted_site.pk)
    assert Client().get(url).status_code == 302
    again = Client()
    page = refusal(again.get(url))
    assert "该备案链接已使用过，每个链接只能打开一次。" in page
    assert "请返回建站平台，再次点击“备案”" in page and "launch.replayed" in page
    assert signed_in(again) is None


def test_another_accounts_site_is_refused_and_nothing_is_made(client, secret, other_tenant):
    foreign = HostedSite.objects.create(organisation=other_tenant.memberships.get().organisation, slug="x", title="x")
    page = refusal(client.get(link(secret, site=foreign.pk)))
    assert "该备案链接所指的网站不属于此账户。" in page
    assert signed_in(client) is None and not User.objects.filter(external_id="u-1").exists()


def test_another_accounts_order_is_refused(client, secret, hosted_site, other_tenant):
    from tests.builders import OrderBuilder

    theirs = OrderBuilder(
        organisation=other_tenant.memberships.get().organisation,
        user=other_tenant,
        site=HostedSite.objects.create(organisation=other_tenant.memberships.get().organisation, slug="y", title="y"),
    ).draft()
    page = refusal(client.get(link(secret, site=hosted_site.pk, order=str(theirs.pk))))
    assert "该备案链接所指的订单不属于此账户。" in page and signed_in(client) is None


def test_an_expired_link_is_refused_in_english_too(client, secret, hosted_site, frozen_clock):
    start = frozen_clock(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    url = link(secret, site=hosted_site.pk)
    frozen_clock(start + timedelta(minutes=6))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = refusal(client.get(url))
    assert "This filing link has expired." in page and "Go back to the site builder and click 备案" in page


def test_a_link_without_a_token_is_refused(client, db):
    page = refusal(client.get("/launch/"))
    assert "该备案链接无效。" in page


def test_the_launch_page_answers_only_get(client, secret, hosted_site):
    assert client.post(link(secret, site=hosted_site.pk)).status_code == 405


def test_neither_the_landing_nor_the_refusal_is_cached(client, secret, hosted_site):
    assert "no-store" in client.get(link(secret, site=hosted_site.pk, exp=0))["Cache-Control"]
    assert "no-store" in client.get(link(secret, site=hosted_site.pk))["Cache-Control"]


def test_a_user_id_the_platform_may_not_use_is_refused_and_creates_nothing(client, secret, hosted_site):
    users = User.objects.count()
    response = client.get(link(secret, site=hosted_site.pk, sub="auth0|with spaces"))
    assert response.status_code == 400 and "provisioning.external_id" in response.content.decode()
    assert signed_in(client) is None and User.objects.count() == users
