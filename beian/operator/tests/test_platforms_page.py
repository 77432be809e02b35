"""The operator's Platforms page: create a platform, issue a token whose key is shown once, see it listed
(prefix, scopes, expiry, last use), revoke it after a confirmation, and the key answers 401 from then on."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from beian.accounts.models import Platform, PlatformToken
from beian.core.models import AuditEvent


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def issue(client, slug="sitebuilder", **fields):
    data = {"name": "production sync", "scopes": ["provisioning", "orders"], "rate_limit_per_minute": "120"}
    return client.post(reverse("operator:platform", args=[slug]), {**data, **fields})


def test_the_console_links_to_the_platforms_and_an_operator_creates_one(operator_client):
    console = operator_client.get(reverse("operator:console")).content.decode()
    assert reverse("operator:platforms") in console
    created = operator_client.post(reverse("operator:platforms"), {"name": "示例建站平台", "slug": "sitebuilder"})
    assert created.status_code == 302 and created["Location"] == reverse("operator:platform", args=["sitebuilder"])
    listing = operator_client.get(reverse("operator:platforms")).content.decode()
    assert "示例建站平台" in listing and 'id="platform-sitebuilder"' in listing
    refused = operator_client.post(reverse("operator:platforms"), {"name": "again", "slug": "sitebuilder"})
    assert refused.status_code == 422 and "exists already" in refused.content.decode()
    assert 'value="again"' in refused.content.decode()  # what the operator typed is kept
    assert Platform.objects.count() == 1


def test_issue_shows_the_key_once_then_revoke_makes_it_401(operator_client, platform, operator):
    page = operator_client.get(reverse("operator:platform", args=["sitebuilder"])).content.decode()
    for scope in ("provisioning", "orders", "webhooks", "service_codes", "launch"):
        assert f'value="{scope}"' in page
    assert "Provision organisations, users, memberships, hosted sites and domains" in page

    answer = issue(operator_client, expires_on="2099-12-31")
    assert answer.status_code == 200 and answer["Cache-Control"] == "no-store"
    html = answer.content.decode()
    key = re.search(r'id="token-key" class="key" value="(bp_[^"]+)"', html).group(1)
    assert "shown only this once" in html
    token = PlatformToken.objects.get()
    assert token.scopes == ["orders", "provisioning"] and token.rate_limit_per_minute == 120
    assert timezone.localtime(token.expires_at).strftime("%Y-%m-%d %H:%M") == "2099-12-31 23:59"
    assert token.created_by == operator and key not in (token.key_hash, token.prefix)

    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/platform/organisations").status_code == 200
    listed = operator_client.get(reverse("operator:platform", args=["sitebuilder"])).content.decode()
    assert key not in listed  # never again
    row = re.search(rf'<tr id="token-{token.pk}".*?</tr>', listed, re.S).group(0)
    assert token.prefix in row and "provisioning" in row and "2099-12-31 23:59" in row
    assert "Live" in row and "Revoke" in row

    confirm = operator_client.get(reverse("operator:platform_token_revoke", args=["sitebuilder", token.pk]))
    assert confirm.status_code == 200 and "refused (401)" in confirm.content.decode()
    assert PlatformToken.objects.get().revoked_at is None  # asking is not revoking
    revoked = operator_client.post(reverse("operator:platform_token_revoke", args=["sitebuilder", token.pk]))
    assert revoked.status_code == 302
    assert PlatformToken.objects.get().revoked_at is not None
    refused = api.get("/api/v1/platform/organisations")
    assert refused.status_code == 401 and refused.json()["code"] == "unauthenticated"
    after = operator_client.get(reverse("operator:platform", args=["sitebuilder"])).content.decode()
    row = re.search(rf'<tr id="token-{token.pk}".*?</tr>', after, re.S).group(0)
    assert "Revoked" in row and "Revoke…" not in row
    assert AuditEvent.objects.filter(action="platform_token.issued", actor=operator).count() == 1
    assert AuditEvent.objects.filter(action="platform_token.revoked", actor=operator).count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"scopes": []}, "Choose at least one scope."),
        ({"name": ""}, "Give the token a name."),
        ({"expires_on": "someday"}, "Enter the expiry as a date"),
        ({"expires_on": "2020-01-01"}, "The expiry must be in the future."),
        ({"rate_limit_per_minute": "lots"}, "whole number"),
        ({"rate_limit_per_minute": "0"}, "between 1 and"),
    ],
)
def test_a_refused_token_shows_why_keeps_the_form_and_issues_nothing(operator_client, platform, fields, message):
    answer = issue(operator_client, **fields)
    html = answer.content.decode()
    assert answer.status_code == 422 and message in html
    assert 'id="token-key"' not in html
    assert PlatformToken.objects.count() == 0
    if fields.get("name", "x"):
        assert 'value="production sync"' in html


def test_only_operators_see_the_platforms(client, applicant, reviewer, platform):
    for user in (applicant, reviewer):
        client.force_login(user)
        assert client.get(reverse("operator:platforms")).status_code == 403
        assert client.post(reverse("operator:platform", args=["sitebuilder"]), {"name": "x"}).status_code == 403
    assert PlatformToken.objects.count() == 0
