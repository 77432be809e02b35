"""Platform service tokens: what a partner's call gets with a good, missing, expired, revoked, out-of-scope or
over-the-limit token."""

from datetime import timedelta

import pytest
from django.test import RequestFactory

from beian.accounts.models import PlatformToken
from beian.accounts.tokens import platform_token_issue, platform_token_revoke
from beian.api.platform import PlatformBearer
from beian.core import clock
from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.core.models import AuditEvent

URL = "/api/v1/platform/token"


def test_a_live_token_reads_itself_and_the_key_is_not_stored(platform_client):
    client = platform_client(scopes=["provisioning", "webhooks"])
    answer = client.get(URL)
    assert answer.status_code == 200
    body = answer.json()
    assert body["platform"] == "sitebuilder" and body["scopes"] == ["provisioning", "webhooks"]
    assert body["rate_limit_per_minute"] == 600 and body["prefix"] == client.platform_key[:10]
    row = PlatformToken.objects.get()
    assert client.platform_key not in (row.key_hash, row.prefix) and row.last_used_at is not None


def test_unknown_revoked_and_expired_tokens_are_refused_with_401(client, platform_client, operator):
    assert client.get(URL, HTTP_AUTHORIZATION="Bearer bp_nonsense").json()["code"] == "unauthenticated"
    revoked = platform_client()
    platform_token_revoke(token=revoked.platform_token, actor=operator)
    answer = revoked.get(URL)
    assert answer.status_code == 401 and answer.json()["code"] == "unauthenticated"
    expiring = platform_client(expires_at=clock.now() + timedelta(hours=1))
    assert expiring.get(URL).status_code == 200
    clock.advance(hours=2)
    assert expiring.get(URL).status_code == 401
    assert AuditEvent.objects.filter(action="platform_token.revoked").count() == 1


def test_a_user_token_is_not_a_platform_token(applicant, client):
    from beian.accounts.models import ApiToken

    _row, key = ApiToken.issue(applicant)
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_token_without_the_scope_is_refused_with_403(platform_client):
    # every platform router is built with auth=PlatformBearer(<its scope>)
    client = platform_client(scopes=["provisioning"])
    request = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {client.platform_key}")
    with pytest.raises(PermissionDenied) as refused:
        PlatformBearer("webhooks")(request)
    assert refused.value.code == "token.scope_missing"
    assert PlatformBearer("provisioning")(request) == client.platform_token


def test_over_the_rate_limit_answers_429_with_retry_after(platform_client):
    client = platform_client(rate_limit_per_minute=3)
    statuses = [client.get(URL).status_code for _ in range(5)]
    # the window is the clock minute: a boundary crossed mid-test gives the token a fresh minute
    assert statuses.count(429) >= 1 and statuses[:3].count(200) >= 2
    refused = client.get(URL)
    if refused.status_code == 429:
        assert refused.json()["code"] == "rate_limited" and 1 <= int(refused["Retry-After"]) <= 60


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"name": " "}, "token.name_required"),
        ({"scopes": ["everything"]}, "token.scope_unknown"),
        ({"scopes": []}, "token.scope_required"),
        ({"expires_at": "past"}, "token.expiry_past"),
        ({"rate_limit_per_minute": 0}, "token.rate_limit_invalid"),
    ],
)
def test_a_bad_token_request_is_refused_and_creates_nothing(platform, operator, options, code):
    arguments = {"platform": platform, "name": "ci", "scopes": ["orders"], "actor": operator, **options}
    if arguments.get("expires_at") == "past":
        arguments["expires_at"] = clock.now() - timedelta(minutes=1)
    with pytest.raises(ValidationFailed) as refused:
        platform_token_issue(**arguments)
    assert refused.value.code == code and PlatformToken.objects.count() == 0
