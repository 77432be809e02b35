"""使用<平台>登录: the OpenID Connect sign-in against a real provider (django-oauth-toolkit, in its own
process on a loopback port, RS256 key made here), driven through the whole authorization-code flow:
our login redirects to the provider, the provider logs the user in and sends a code back, our
callback exchanges it (token, userinfo, JWKS over HTTP) and signs the user in."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings

from beian.accounts.models import Membership, Organisation, Platform, User
from beian.accounts.oidc import ClaimNames, organisations_from_claims
from beian.accounts.tests.openid_provider import OpenIDProvider
from beian.core.models import AuditEvent

CALLBACK = "http://testserver/accounts/oidc/callback/"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    started = OpenIDProvider(tmp_path_factory.mktemp("openid-provider"), redirect_uris=[CALLBACK]).start()
    yield started
    started.stop()


@pytest.fixture
def configured(provider, settings, db):
    for name, value in provider.relying_party_settings().items():
        setattr(settings, name, value)
    return provider


@pytest.fixture
def english(client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sign_in(client, provider, username, *, next_url=""):
    """The browser's round trip: our start page → the provider (login, no consent screen for the
    platform's own client) → our callback. Returns our callback's response."""
    start = client.get("/accounts/oidc/authenticate/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302 and start["Location"].startswith(provider.issuer + "/authorize/")
    back = provider.authorize(start["Location"], username=username)
    assert back.startswith(CALLBACK), back
    return client.get(back.removeprefix("http://testserver"))


def platform_user(sub):
    return User.objects.filter(platform__slug="sitebuilder", external_id=sub).first()


# --- the button -----------------------------------------------------------------------------------


def test_the_login_page_has_no_platform_button_and_the_sign_in_pages_are_off_until_configured(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert "oidc-login" not in page and "/accounts/oidc/" not in page
    assert client.get("/accounts/oidc/authenticate/").status_code == 404
    assert client.get("/accounts/oidc/callback/?code=x&state=y").status_code == 404


def test_the_login_page_offers_to_log_in_with_the_platform_by_its_name(client, configured):
    page = client.get("/accounts/login/?next=/apply/").content.decode()
    assert "使用示例建站平台登录" in page
    assert 'href="/accounts/oidc/authenticate/?next=/apply/"' in page


# --- the flow -------------------------------------------------------------------------------------


def test_the_first_sign_in_makes_the_user_their_organisation_and_membership_and_opens_their_sites(client, configured):
    configured.user(
        "zhang",
        sub="u-1001",
        name="张伟",
        email="zhang@sitebuilder.example",
        org_id="acct-9",
        org_name="杭州新店科技有限公司",
        org_role="owner",
    )
    response = sign_in(client, configured, "zhang")
    assert response.status_code == 302 and response["Location"] == "/"
    dashboard = client.get("/", follow=True)
    assert dashboard.redirect_chain[-1][0] == "/apply/" and dashboard.status_code == 200

    user = platform_user("u-1001")
    assert user is not None and user.first_name == "张伟" and user.email == "zhang@sitebuilder.example"
    assert not user.has_usable_password() and user.role == User.Role.APPLICANT
    organisation = Organisation.objects.get(platform__slug="sitebuilder", external_id="acct-9")
    assert organisation.name == "杭州新店科技有限公司"
    assert Membership.objects.get(user=user, organisation=organisation).role == "owner"
    assert dashboard.wsgi_request.organisation == organisation
    signed_in = AuditEvent.objects.get(action="user.signed_in", target_id=str(user.pk))
    assert signed_in.data["method"] == "oidc" and signed_in.data["created"] is True
    assert signed_in.data["organisations"] == ["acct-9"]


def test_next_is_honoured_after_the_round_trip(client, configured):
    configured.user("li", sub="u-2002", org_id="acct-9", org_name="杭州新店科技有限公司")
    response = sign_in(client, configured, "li", next_url="/help/")
    assert response.status_code == 302 and response["Location"] == "/help/"


def test_a_later_sign_in_brings_the_name_role_and_accounts_up_to_date(client, configured):
    own = Organisation.objects.create(name="自己注册的公司")  # not the platform's: left alone
    configured.user("wang", sub="u-3003", name="王芳", org_id="acct-1", org_name="旧名字有限公司", org_role="owner")
    sign_in(client, configured, "wang")
    user = platform_user("u-3003")
    Membership.objects.create(user=user, organisation=own)

    client.logout()
    configured.user("wang", sub="u-3003", name="王芳芳", org_id="acct-1", org_name="新名字有限公司", org_role="member")
    sign_in(client, configured, "wang")
    user.refresh_from_db()
    first = Organisation.objects.get(platform__slug="sitebuilder", external_id="acct-1")
    assert user.first_name == "王芳芳" and first.name == "新名字有限公司"
    assert Membership.objects.get(user=user, organisation=first).role == "member"
    assert User.objects.filter(platform__slug="sitebuilder", external_id="u-3003").count() == 1
    assert AuditEvent.objects.filter(action="organisation.renamed", target_id=str(first.pk)).exists()

    client.logout()  # the platform moved the user to another account (the list form of the claim)
    configured.user("wang", sub="u-3003", org_id=[{"id": "acct-2", "name": "第二家公司", "role": "owner"}])
    sign_in(client, configured, "wang")
    accounts = set(Membership.objects.filter(user=user).values_list("organisation__name", "role"))
    assert accounts == {("第二家公司", "owner"), ("自己注册的公司", "owner")}
    assert AuditEvent.objects.filter(action="membership.removed", organisation_id=first.pk).exists()


def test_the_platforms_provisioned_organisation_is_joined_not_duplicated(client, configured, platform, organisation):
    configured.user("zhao", sub="u-4004", org_id="acct-1", org_name="北京示例科技有限公司")
    sign_in(client, configured, "zhao")
    assert Membership.objects.filter(user=platform_user("u-4004"), organisation=organisation).exists()
    assert Organisation.objects.filter(platform=platform).count() == 1
    assert Platform.objects.count() == 1


def test_our_own_user_with_the_same_email_is_never_taken_over(client, configured, applicant):
    configured.user("dup", sub="u-5005", email=applicant.email, org_id="acct-9", org_name="杭州新店科技有限公司")
    sign_in(client, configured, "dup")
    user = platform_user("u-5005")
    assert user is not None and user != applicant
    assert client.get("/").wsgi_request.user == user
    assert not Membership.objects.filter(user=applicant, organisation__external_id="acct-9").exists()


def test_a_user_disabled_here_loses_the_session_and_cannot_sign_in_again(client, configured):
    configured.user("qian", sub="u-9009", org_id="acct-9", org_name="杭州新店科技有限公司")
    sign_in(client, configured, "qian")
    assert client.get("/apply/").status_code == 200
    User.objects.filter(external_id="u-9009").update(is_active=False)  # an operator disables the user
    assert client.get("/apply/").status_code == 302
    response = sign_in(client, configured, "qian")
    assert response["Location"] == "/accounts/login/"
    assert "已停用" in client.get("/accounts/login/").content.decode()
    assert client.get("/apply/").status_code == 302


# --- refused ------------------------------------------------------------------------------------


def test_a_user_without_an_organisation_is_told_why_and_nothing_is_made(client, configured):
    configured.user("solo", sub="u-6006", name="独行侠")
    response = sign_in(client, configured, "solo")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/").content.decode()
    assert "您在示例建站平台的用户不属于任何账户" in page
    assert platform_user("u-6006") is None and not Organisation.objects.filter(external_id="").exists()
    refused = AuditEvent.objects.get(action="user.sign_in_refused")
    assert refused.data["code"] == "sign_in.no_organisation" and refused.target_id == "u-6006"
    assert "_auth_user_id" not in client.session


def test_the_same_refusal_in_english(english, configured):
    configured.user("solo2", sub="u-6007")
    sign_in(english, configured, "solo2")
    page = english.get("/accounts/login/").content.decode()
    assert "Your 示例建站平台 user belongs to no account (organisation)" in page


def test_an_id_token_from_another_issuer_is_refused(english, configured, settings):
    settings.OIDC_ISSUER = "https://other-platform.example/o"
    configured.user("zhou", sub="u-7007", org_id="acct-9", org_name="杭州新店科技有限公司")
    response = sign_in(english, configured, "zhou")
    assert response["Location"] == "/accounts/login/"
    assert "The sign-in with 示例建站平台 could not be completed" in english.get("/accounts/login/").content.decode()
    assert platform_user("u-7007") is None and "_auth_user_id" not in english.session


def test_a_callback_with_a_stale_state_or_an_error_goes_back_to_the_login_page_with_a_message(english, configured):
    english.get("/accounts/oidc/authenticate/")
    stale = english.get("/accounts/oidc/callback/?code=abc&state=not-ours")
    assert stale.status_code == 302 and stale["Location"] == "/accounts/login/"
    assert "was cancelled or has expired" in english.get("/accounts/login/").content.decode()
    denied = english.get("/accounts/oidc/callback/?error=access_denied&state=whatever")
    assert denied.status_code == 302 and denied["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in english.session


def test_a_provider_that_cannot_be_reached_is_a_message_not_an_error_page(english, configured, settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/o/token/"  # nothing listens on the discard port
    configured.user("wu", sub="u-8008", org_id="acct-9", org_name="杭州新店科技有限公司")
    response = sign_in(english, configured, "wu")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert "could not be completed" in english.get("/accounts/login/").content.decode()


# --- the claims ---------------------------------------------------------------------------------


def test_organisation_claims_as_one_id_or_a_list():
    names = ClaimNames()
    one = organisations_from_claims({"org_id": 42, "org_name": " 甲公司 ", "org_role": "OWNER"}, names)
    assert [(o.external_id, o.name, o.role) for o in one] == [("42", "甲公司", "owner")]
    several = organisations_from_claims(
        {"org_id": [{"id": "a", "name": "甲", "role": "admin"}, {"name": "no id"}, "junk", {"id": "b"}]}, names
    )
    assert [(o.external_id, o.name, o.role) for o in several] == [("a", "甲", "member"), ("b", "", "member")]
    assert organisations_from_claims({"org_id": ""}, names) == []
    custom = ClaimNames(organisation_id="tenant", organisation_name="tenant_name", role="tenant_role")
    assert organisations_from_claims({"tenant": "t-1", "tenant_name": "乙"}, custom)[0].name == "乙"
