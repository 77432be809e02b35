"""The token endpoint: throttled like the login page (429 `auth.locked_out`), tokens that expire, and a call
that revokes the calling token."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.test import Client

from beian.accounts.models import ApiToken
from beian.core import clock
from beian.core.models import AuditEvent

from .test_api_behaviour import assert_error


def _token(client, password="pw-applicant", username="applicant"):
    return client.post(
        "/api/v1/auth/token", {"username": username, "password": password}, content_type="application/json"
    )


def test_wrong_passwords_lock_the_token_endpoint_out_even_for_the_right_password(applicant):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert_error(_token(client, password="wrong"), 401, "invalid_credentials")
    assert_error(_token(client, password="wrong"), 429, "auth.locked_out")

    locked = _token(client)
    body = assert_error(locked, 429, "auth.locked_out", field="")
    assert "Try again after" in body["message"]
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert not ApiToken.objects.filter(user=applicant).exists()
    assert AuditEvent.objects.filter(action="user.locked_out", target_id="applicant").exists()


def test_the_lockout_message_is_chinese_by_default(applicant):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _token(client, password="wrong")
    assert "请在" in assert_error(_token(client), 429, "auth.locked_out")["message"]


def test_a_lockout_on_the_api_does_not_lock_another_account_out(applicant, reviewer):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _token(client, password="wrong")
    assert _token(client, username="reviewer", password="pw-reviewer").status_code == 200


def test_a_token_expires_after_the_configured_days(applicant, hosted_site):
    issued = _token(Client())
    assert issued.status_code == 200
    expires_at = dt.datetime.fromisoformat(issued.json()["expires_at"])
    assert abs(expires_at - (clock.now() + dt.timedelta(days=settings.API_TOKEN_DAYS))) < dt.timedelta(minutes=1)
    bearer = Client(HTTP_AUTHORIZATION=f"Bearer {issued.json()['token']}")
    assert bearer.get("/api/v1/sites").status_code == 200

    clock.advance(days=settings.API_TOKEN_DAYS + 1)
    assert_error(bearer.get("/api/v1/sites"), 401, "unauthenticated")


def test_delete_revokes_the_calling_token_only(applicant, hosted_site):
    first = Client(HTTP_AUTHORIZATION=f"Bearer {_token(Client()).json()['token']}")
    second = Client(HTTP_AUTHORIZATION=f"Bearer {_token(Client()).json()['token']}")

    revoked_answer = first.delete("/api/v1/auth/token")
    assert revoked_answer.status_code == 200 and revoked_answer.json()["revoked_at"]
    assert_error(first.get("/api/v1/sites"), 401, "unauthenticated")
    assert_error(first.delete("/api/v1/auth/token"), 401, "unauthenticated")
    assert second.get("/api/v1/sites").status_code == 200
    revoked = ApiToken.objects.get(revoked_at__isnull=False)
    assert AuditEvent.objects.filter(action="api_token.revoked", target_id=str(revoked.pk)).exists()


def test_delete_without_a_bearer_token_is_a_401(client, applicant):
    client.force_login(applicant)
    assert_error(client.delete("/api/v1/auth/token"), 401, "unauthenticated")
