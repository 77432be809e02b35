"""`make run PORT=8101`: every generated link (public URL, hosted-site address) follows the port."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[3]


def settings_with(env: dict) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("BEIAN_")} | {"BEIAN_TESTING": "1", **env}
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'public': s.BEIAN_PUBLIC_URL, 'hosted': s.BEIAN_HOSTED_SITE_URL}))"
    )
    environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_public_and_hosted_urls_follow_the_port():
    assert settings_with({"BEIAN_PORT": "8101"}) == {
        "public": "http://127.0.0.1:8101",
        "hosted": "http://{slug}.localhost:8101/",
    }
    # an explicit public URL (production) still wins
    assert settings_with({"BEIAN_PORT": "8101", "BEIAN_PUBLIC_URL": "https://beian.example.com"})["public"] == (
        "https://beian.example.com"
    )


def test_the_makefile_passes_the_port_to_the_server():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "BEIAN_PORT=$(PORT)" in run and "runserver 127.0.0.1:$(PORT)" in run


@override_settings(BEIAN_PUBLIC_URL="http://127.0.0.1:8101", BEIAN_HOSTED_SITE_URL="http://{slug}.localhost:8101/")
def test_the_dashboard_links_the_hosted_site_on_the_servers_port(applicant, hosted_site):
    client = Client()
    client.force_login(applicant)
    page = client.get("/apply/").content.decode()
    assert 'href="http://demo-shop.localhost:8101/"' in page
    assert ":8000" not in page
