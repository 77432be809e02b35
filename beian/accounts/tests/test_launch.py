"""Launch links (accounts.launch): what the platform signs, what we accept, once, and what a
refused link leaves unchanged. Tokens are made here the way docs/partner-sign-in.md tells a
platform to make them (PyJWT, HS256, the platform's launch secret)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import jwt
import pytest
from django.db import connection

from beian.accounts.launch import (
    LaunchRefused,
    launch_link_issue,
    launch_redeem,
    launch_secret_rotate,
    launch_secrets,
    used_launch_tokens_purge,
)
from beian.accounts.models import LaunchSecret, Membership, Organisation, Platform, UsedLaunchToken, User
from beian.core import jobs
from beian.core.exceptions import DomainError
from beian.core.models import AuditEvent

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def secret(platform):
    return launch_secret_rotate(platform=platform)


@pytest.fixture
def now(frozen_clock):
    return frozen_clock(NOW)


def token(secret, *, iss="sitebuilder", sub="u-1", org="acct-1", site="7", lifetime=300, at=NOW, **extra):
    issued = int(at.timestamp())
    claims = {"iss": iss, "sub": sub, "org": org, "site": site, "iat": issued, "exp": issued + lifetime}
    claims["jti"] = uuid.uuid4().hex
    claims.update(extra)
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, secret, algorithm="HS256")


def land(organisation, claims):
    return f"/landed/{claims.site}/{claims.order}"


def refused(code, value, target=land):
    with pytest.raises(LaunchRefused) as caught:
        launch_redeem(token=value, target=target)
    assert caught.value.code == code, caught.value.message
    return caught.value


# --- accepted -----------------------------------------------------------------------------------


def test_a_link_signs_in_a_user_never_seen_and_makes_them_a_member(now, secret, platform, organisation):
    launched = launch_redeem(token=token(secret, name="张伟", email="z@example.com", order="12"), target=land)
    assert launched.url == "/landed/7/12" and launched.organisation == organisation
    user = User.objects.get(platform=platform, external_id="u-1")
    assert launched.user == user and user.first_name == "张伟" and not user.has_usable_password()
    assert Membership.objects.get(user=user, organisation=organisation).role == "member"
    event = AuditEvent.objects.get(action="user.signed_in", target_id=str(user.pk))
    assert event.data["method"] == "launch" and event.data["site"] == "7" and event.data["order"] == "12"


def test_a_link_for_a_known_member_keeps_their_role_unless_it_names_one(now, secret, platform, organisation):
    user = User.objects.create(username="sb.u-1", platform=platform, external_id="u-1")
    Membership.objects.create(user=user, organisation=organisation, role="owner")
    assert launch_redeem(token=token(secret), target=land).user == user
    assert Membership.objects.get(user=user).role == "owner"
    launch_redeem(token=token(secret, role="member"), target=land)
    assert Membership.objects.get(user=user).role == "member"
    assert User.objects.filter(platform=platform).count() == 1


def test_a_link_opens_once(now, secret, organisation):
    value = token(secret)
    launch_redeem(token=value, target=land)
    error = refused("launch.replayed", value)
    assert "already been used" in error.message
    assert AuditEvent.objects.filter(action="user.signed_in").count() == 1
    assert AuditEvent.objects.filter(action="user.sign_in_refused", data__code="launch.replayed").count() == 1


# --- refused, and nothing changes ---------------------------------------------------------------


def test_an_expired_link_is_refused(now, frozen_clock, secret, organisation):
    value = token(secret, lifetime=300)
    frozen_clock(NOW + timedelta(seconds=300))
    refused("launch.expired", value)
    assert not User.objects.filter(external_id="u-1").exists() and not UsedLaunchToken.objects.exists()


def test_a_link_living_longer_than_five_minutes_is_refused(now, secret, organisation):
    error = refused("launch.lifetime", token(secret, lifetime=301))
    assert "5 minutes" in error.message
    refused("launch.lifetime", token(secret, at=NOW + timedelta(minutes=10)))  # issued in the future


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda s: token("another-secret-of-the-same-length-as-a-real-one-xx"), "launch.bad_signature"),
        (lambda s: token(s, iss="unknown-platform"), "launch.unknown_issuer"),
        (lambda s: token(s, jti=None), "launch.invalid"),
        (lambda s: token(s, site=None), "launch.invalid"),
        (lambda s: token(s, sub=""), "launch.invalid"),
        (lambda s: "not-a-jwt", "launch.invalid"),
        (lambda s: "", "launch.invalid"),
        (lambda s: jwt.encode({"iss": "sitebuilder"}, s, algorithm="HS512"), "launch.invalid"),
        (lambda s: jwt.encode({"iss": "sitebuilder", "sub": "u-1"}, "", algorithm="none"), "launch.invalid"),
    ],
)
def test_a_forged_or_malformed_link_is_refused(now, secret, organisation, make, code):
    refused(code, make(secret))
    assert not User.objects.filter(external_id="u-1").exists() and not UsedLaunchToken.objects.exists()


def test_an_account_not_provisioned_is_refused_and_the_link_stays_unused(now, secret, platform):
    value = token(secret, org="acct-unknown")
    refused("launch.unknown_organisation", value)
    assert not User.objects.filter(external_id="u-1").exists() and not UsedLaunchToken.objects.exists()
    Organisation.objects.create(platform=platform, external_id="acct-unknown", name="后开通的公司")
    assert launch_redeem(token=value, target=land).organisation.external_id == "acct-unknown"


def test_a_site_the_target_refuses_changes_nothing(now, secret, organisation):
    def not_ours(organisation, claims):
        raise LaunchRefused("not this account's site", code="launch.site_not_found")

    refused("launch.site_not_found", token(secret), target=not_ours)
    assert not User.objects.filter(external_id="u-1").exists()
    assert not Membership.objects.filter(organisation=organisation).exclude(user__external_id="").exists()
    assert not UsedLaunchToken.objects.exists()


def test_a_disabled_user_is_refused(now, secret, platform, organisation):
    User.objects.create(username="sb.u-1", platform=platform, external_id="u-1", is_active=False)
    refused("launch.user_inactive", token(secret))
    assert not Membership.objects.filter(organisation=organisation, user__external_id="u-1").exists()


def test_another_platforms_user_and_account_cannot_be_reached(now, secret, organisation):
    other = Platform.objects.create(name="另一个平台", slug="other")
    other_secret = launch_secret_rotate(platform=other)
    refused("launch.unknown_organisation", token(other_secret, iss="other", org="acct-1"))
    refused("launch.bad_signature", token(other_secret, iss="sitebuilder"))


# --- the secret ---------------------------------------------------------------------------------


def test_rotation_accepts_the_previous_secret_until_the_next_rotation(now, secret, platform, organisation):
    second = launch_secret_rotate(platform=platform)
    assert launch_secrets(platform) == [second, secret]
    launch_redeem(token=token(secret), target=land)  # signed before the platform switched
    launch_redeem(token=token(second), target=land)
    third = launch_secret_rotate(platform=platform)
    assert launch_secrets(platform) == [third, second]
    refused("launch.bad_signature", token(secret))
    assert AuditEvent.objects.filter(action="launch_secret.rotated").count() == 3


def test_the_secret_is_encrypted_at_rest(secret, platform):
    row = LaunchSecret.objects.get(platform=platform)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT secret FROM {LaunchSecret._meta.db_table} WHERE id = %s", [row.pk])
        stored = cursor.fetchone()[0]
    assert secret not in str(stored) and row.secret == secret


# --- issuing, and forgetting used links -----------------------------------------------------------


def test_an_issued_link_opens_once_into_the_site(now, platform, organisation, hosted_site, settings):
    settings.BEIAN_PUBLIC_URL = "https://beian.example.com"
    url = launch_link_issue(platform=platform, user="u-9", site=hosted_site)
    assert url.startswith("https://beian.example.com/launch/?token=")
    value = parse_qs(urlsplit(url).query)["token"][0]
    claims = jwt.decode(value, launch_secrets(platform)[0], algorithms=["HS256"], options={"verify_exp": False})
    assert claims["exp"] - claims["iat"] == 300 and claims["site"] == str(hosted_site.pk)
    assert (claims["iss"], claims["sub"], claims["org"]) == ("sitebuilder", "u-9", "acct-1")
    assert launch_redeem(token=value, target=land).user.external_id == "u-9"
    refused("launch.replayed", value)


def test_a_link_is_not_issued_into_another_platforms_site(now, platform, other_tenant, hosted_site):
    from beian.hosting.models import HostedSite

    foreign = HostedSite.objects.create(organisation=other_tenant.memberships.get().organisation, slug="x", title="x")
    with pytest.raises(DomainError) as caught:
        launch_link_issue(platform=platform, user="u-9", site=foreign)
    assert caught.value.code == "launch.site_not_found"
    with pytest.raises(DomainError):
        launch_link_issue(platform=platform, user=other_tenant, site=hosted_site)  # not the platform's user


def test_used_links_are_forgotten_once_expired(now, frozen_clock, secret, organisation):
    launch_redeem(token=token(secret), target=land)
    assert used_launch_tokens_purge() == 0
    frozen_clock(NOW + timedelta(minutes=6))
    assert used_launch_tokens_purge() == 1 and not UsedLaunchToken.objects.exists()
    assert "used_launch_tokens" in {job.name for job in jobs.registered()}


def test_operators_rotate_a_secret_from_the_command_line(platform):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("launch_secret_rotate", "sitebuilder", stdout=out)
    assert launch_secrets(platform) == [out.getvalue().strip()]
    with pytest.raises(CommandError):
        call_command("launch_secret_rotate", "nobody")
