"""The partner API's Python client (clients/python/beian_client), generated from the OpenAPI document by
openapi-python-client: it is what the generator makes of today's API (never stale), and a partner can
provision and page through it against a running Beian."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
CLIENT = ROOT / "clients" / "python"


def _differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in committed: {n}" for n in compared.left_only] + [
        f"only generated: {n}" for n in compared.right_only
    ]
    found += [f"differs: {n}" for n in compared.diff_files]
    for name in compared.common_dirs:
        found += [f"{name}/{d}" for d in _differences(left / name, right / name)]
    return found


def test_the_committed_client_is_what_the_generator_makes_of_the_api(tmp_path):
    schema = tmp_path / "openapi.json"
    call_command("export_openapi_schema", api="beian.api.api.api", sorted=True, indent=1, output=str(schema))
    generator = Path(sys.executable).with_name("openapi-python-client")
    options = {
        "--path": schema,
        "--meta": "none",
        "--config": CLIENT / "config.yaml",
        "--output-path": tmp_path / "out",
    }
    subprocess.run(
        [str(generator), "generate", *(str(part) for pair in options.items() for part in pair)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert _differences(CLIENT / "beian_client", tmp_path / "out") == [], "run `make client`"


@pytest.fixture
def beian_client(live_server, platform_client, monkeypatch):
    monkeypatch.syspath_prepend(str(CLIENT))
    from beian_client import AuthenticatedClient

    key = platform_client(scopes=["provisioning"]).platform_key
    return AuthenticatedClient(base_url=live_server.url, token=key, raise_on_unexpected_status=True)


def test_a_partner_provisions_and_pages_through_the_generated_client(beian_client):
    from beian_client.api.platform import platform_token_read
    from beian_client.api.platform_provisioning import platform_organisation_put, platform_organisations_list
    from beian_client.models import ErrorOut, OrganisationIn

    assert platform_token_read.sync(client=beian_client).scopes == ["provisioning"]
    for number in range(3):
        made = platform_organisation_put.sync(
            f"acct-c{number}", client=beian_client, body=OrganisationIn(name=f"客户公司{number}")
        )
        assert made.created is True
    again = platform_organisation_put.sync("acct-c0", client=beian_client, body=OrganisationIn(name="客户公司0"))
    assert again.created is False and again.status == "unchanged"

    seen, cursor = [], None
    while True:
        page = platform_organisations_list.sync(client=beian_client, limit=2, **({"cursor": cursor} if cursor else {}))
        seen += [item.external_id for item in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(seen) == ["acct-1", "acct-c0", "acct-c1", "acct-c2"]  # the fixture's account and ours, once each

    refused = platform_organisation_put.sync("bad id!", client=beian_client, body=OrganisationIn(name="x"))
    assert isinstance(refused, ErrorOut) and refused.code.startswith("provisioning.")
