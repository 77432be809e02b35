"""Issue 13 item 1 in a browser: “使用示例建站平台登录” on our login page goes to the platform's OpenID
provider (django-oauth-toolkit, a real one in its own process), back with the user signed in on their
account's sites; the 备案 button's launch link lands on the site's filing once, and a second use is
refused with what to do."""

from __future__ import annotations

import pytest

from beian.accounts.launch import launch_link_issue
from beian.accounts.models import Membership, User
from beian.accounts.tests.openid_provider import OpenIDProvider

pytestmark = pytest.mark.e2e


@pytest.fixture
def provider(live_server, tmp_path, settings):
    started = OpenIDProvider(tmp_path, redirect_uris=[f"{live_server.url}/accounts/oidc/callback/"]).start()
    for name, value in started.relying_party_settings().items():
        setattr(settings, name, value)
    settings.BEIAN_PUBLIC_URL = live_server.url
    yield started
    started.stop()


def platform_login(page, provider, username):
    page.get_by_role("link", name="使用示例建站平台登录").click()
    page.wait_for_url(f"{provider.base_url}/login/**")  # the platform's own login page
    page.fill("#provider-username", username)
    page.fill("#provider-password", "pw-platform")
    page.click("#provider-login")


def test_log_in_with_the_platform_then_open_a_launch_link_once(
    live_server, provider, page, browser, shoot, platform, organisation, hosted_site
):
    provider.user("solo", sub="u-0999", name="独行侠")  # in no account on the platform
    provider.user(
        "zhang", sub="u-1001", name="张伟", org_id="acct-1", org_name="北京示例科技有限公司", org_role="owner"
    )
    page.goto(f"{live_server.url}/accounts/login/")
    button = page.get_by_role("link", name="使用示例建站平台登录")
    assert button.is_visible()
    shoot(page, "platform-login")

    platform_login(page, provider, "solo")
    page.wait_for_url(f"{live_server.url}/accounts/login/")  # back, told why, not signed in
    assert "您在示例建站平台的用户不属于任何账户" in page.locator(".msg.error").inner_text()
    assert page.locator("header .who").count() == 0
    shoot(page, "platform-login-no-account")

    page.context.clear_cookies()  # solo leaves the platform's session (single sign-on would let them in again)
    page.goto(f"{live_server.url}/accounts/login/")
    platform_login(page, provider, "zhang")
    page.wait_for_url(f"{live_server.url}/apply/")  # back, signed in, on the account's sites
    assert "示例科技官网" in page.content()
    user = User.objects.get(platform=platform, external_id="u-1001")
    assert page.locator("header .who").inner_text() == "张伟"
    assert Membership.objects.get(user=user, organisation=organisation).role == "owner"

    url = launch_link_issue(platform=platform, user="u-2002", site=hosted_site)  # the 备案 button
    launched = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()
    launched.goto(url)
    launched.wait_for_url(f"{live_server.url}/apply/sites/{hosted_site.pk}/verify/")
    assert launched.locator("input[name=domains], textarea[name=domains]").input_value() == "demo-shop.cn"

    launched.goto(url)  # the same link again
    assert launched.locator("h1").inner_text() == "无法打开该备案链接"
    assert "该备案链接已使用过，每个链接只能打开一次。" in launched.content()
    assert "请返回建站平台，再次点击“备案”" in launched.content()
    shoot(launched, "launch-link-refused")
    launched.context.close()
