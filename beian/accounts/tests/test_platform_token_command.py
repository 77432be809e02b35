"""`manage.py platform_token_issue`: prints the key once, with the scopes, expiry and limit asked for."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from beian.accounts.models import PlatformToken
from beian.accounts.tokens import key_hash


def test_the_command_prints_a_key_that_is_stored_only_as_its_hash(platform):
    out = StringIO()
    call_command(
        "platform_token_issue",
        "--platform=sitebuilder",
        "--scopes=provisioning,orders",
        "--expires-in-days=30",
        "--rate-limit=60",
        stdout=out,
    )
    text = out.getvalue()
    key = text.split("key (shown only now): ")[1].split()[0]
    token = PlatformToken.objects.get()
    assert token.key_hash == key_hash(key) and token.scopes == ["orders", "provisioning"]
    assert token.rate_limit_per_minute == 60 and token.expires_at is not None
    assert "never" not in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--platform=nobody"], "No platform “nobody” (known: sitebuilder)"),
        (["--platform=sitebuilder", "--scopes=everything"], "token.scope_unknown"),
    ],
)
def test_a_bad_request_issues_nothing(platform, arguments, message):
    with pytest.raises(CommandError) as refused:
        call_command("platform_token_issue", *arguments, stdout=StringIO())
    assert message in str(refused.value)
    assert not PlatformToken.objects.exists()
