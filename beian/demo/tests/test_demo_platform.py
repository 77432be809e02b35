"""The demo's site-building platform: it owns the demo companies, their applicants and sites (its API sees
them by their ids), the demo accounts still log in with their passwords, and no token is printed."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command
from django.test import Client

from beian.accounts.models import Organisation, Platform, PlatformToken, User
from beian.hosting.models import HostedSite


def test_the_demo_platform_owns_the_demo_companies(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("seed_demo", "--no-filed-demo", stdout=out)
    call_command("seed_demo", "--no-filed-demo", stdout=StringIO())
    platform = Platform.objects.get(slug="sitebuilder")
    assert platform.name == "示例建站平台"
    assert sorted(Organisation.objects.filter(platform=platform).values_list("external_id", flat=True)) == [
        "demo-001",
        "demo-002",
        "demo-003",
    ]
    assert User.objects.get(username="applicant").external_id == "applicant"
    assert User.objects.get(username="operator").platform is None
    assert HostedSite.objects.get(slug="demo-shop").external_id == "demo-shop"
    assert not PlatformToken.objects.exists() and "bp_" not in out.getvalue()
    assert "platform_token_issue --platform sitebuilder" in out.getvalue()
    browser = Client()
    assert browser.login(username="applicant", password="beian-demo-2026")

    issued = StringIO()
    call_command(
        "platform_token_issue", "--platform", "sitebuilder", "--scopes", "provisioning", "--key-only", stdout=issued
    )
    key = issued.getvalue().strip()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    site = api.get("/api/v1/platform/organisations/demo-001/sites/demo-shop").json()
    assert [d["domain"] for d in site["domains"]] == ["demo-shop.cn", "demo-shop.com.cn"]
    members = api.get("/api/v1/platform/organisations/demo-001").json()["members"]
    assert members == [{"user": "applicant", "role": "owner"}]
    assert json.loads(api.get("/api/v1/platform/users/yunfan").content)["organisations"] == [
        {"organisation": "demo-002", "role": "owner"}
    ]
