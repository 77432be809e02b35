"""Issue 13's end-to-end test: the reference site builder (examples/sitebuilder, a separate process
speaking only HTTP to Beian) provisions an account, a user and a site, hands its user over with a launch
link, the user files in the browser, and the site builder receives the signed webhooks up to the filing
number and shows it."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from beian.accounts.models import Platform, User
from beian.accounts.tokens import platform_token_issue
from beian.demo.orders import BEIJING, enterprise_values, material_files
from tests.e2e.test_records_journey import (
    confirm_and_submit,
    continue_to,
    enter_codes,
    fill,
    logout,
    reviewer_approves,
    sandbox_decides,
    sms_to,
    start,
    upload_materials,
    verify,
)

pytestmark = pytest.mark.e2e
SITEBUILDER = Path(settings.BASE_DIR) / "examples" / "sitebuilder" / "sitebuilder.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def events(url: str) -> list[dict]:
    with urllib.request.urlopen(f"{url}/events.json", timeout=10) as answer:
        return json.loads(answer.read())


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


@pytest.fixture
def sitebuilder(live_server, tmp_path, settings):
    """The reference site builder as its own process, with a platform token an operator issued."""
    settings.BEIAN_PUBLIC_URL = live_server.url  # where launch links point
    call_command("seed_demo", "--no-filed-demo", stdout=StringIO())  # reviewer, operator, the platform
    _token, key = platform_token_issue(
        platform=Platform.objects.get(slug="sitebuilder"),
        name="reference site builder",
        scopes=["provisioning", "webhooks", "launch"],
        actor=User.objects.get(username="operator"),  # seed_demo's operator
    )
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, str(SITEBUILDER), "--beian", live_server.url, "--token", key),
            *("--port", str(port), "--state", str(tmp_path / "sitebuilder.json")),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    line = process.stdout.readline()  # printed once provisioned
    assert "reference site builder on" in line, line + process.stdout.read() if process.poll() is not None else line
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def launch(page, sitebuilder):
    page.goto(sitebuilder)
    page.click("#beian-button")


def test_the_site_builder_provisions_hands_over_and_hears_the_filing_number(
    sitebuilder, live_server, page, shoot, tmp_path
):
    base = live_server.url
    values = enterprise_values(BEIJING)

    # the platform's user lands on a new filing for the provisioned site, signed in by the launch link
    launch(page, sitebuilder)
    verify(page, BEIJING, "sb-shop.cn", "FIRST_FILING")
    assert "张三" in page.inner_text("header .who")
    shoot(page, "sb-01-launched-into-verify")
    start(page)
    continue_to(page, "checklist")
    fill(page, values, ["subject.nature", "subject.province"])
    continue_to(page, "context")
    continue_to(page, "subject")
    fill(
        page,
        values,
        [p for p in values if p.startswith("subject.") and p not in ("subject.nature", "subject.province")],
    )
    continue_to(page, "website")
    fill(page, values, [p for p in values if p.startswith("websites[0].") and p != "websites[0].domain"])
    continue_to(page, "materials")
    upload_materials(page, material_files(BEIJING), tmp_path)
    reference = confirm_and_submit(page, shoot, "sb-02-confirm")
    logout(page)

    # the site builder hears the submission, signed
    heard = wait_for(lambda: [e for e in events(sitebuilder) if e["type"] == "order.status_changed"])
    assert heard[-1]["data"]["order"]["reference"] == reference
    assert heard[-1]["data"]["account"]["external_id"] == "acct-sb-1"
    page.goto(sitebuilder)
    assert page.inner_text("#filing-status") == "接入商初审中"

    reviewer_approves(page, base)
    wait_for(lambda: any(e["type"] == "order.sms_verification_waiting" for e in events(sitebuilder)))
    codes = sms_to(page, base, reference)
    launch(page, sitebuilder)  # the 备案 button again: the open order this time
    page.wait_for_url(re.compile(r"/apply/orders/\d+/$"))
    enter_codes(page, codes, BEIJING.mobile, BEIJING.id_number)
    logout(page)
    sandbox_decides(page, base, shoot, "sb-03-sandbox")

    filed = wait_for(lambda: [e for e in events(sitebuilder) if e["type"] == "order.filed"])
    number = filed[0]["data"]["filing"]["websites"][0]["number"]
    assert re.fullmatch(r"京ICP备\d{10}号-1", number)
    received = events(sitebuilder)
    assert len({e["id"] for e in received}) == len(received)  # each event once
    statuses = [e["data"]["to_status"] for e in received if e["type"] == "order.status_changed"]
    assert statuses[0] == "PENDING_PROVIDER_REVIEW" and statuses[-1] == "APPROVED"
    assert statuses.index("SMS_VERIFICATION") < statuses.index("REGULATOR_REVIEW")  # in order
    page.goto(sitebuilder)
    assert page.inner_text("#filing-status") == "已备案" and page.inner_text("#filing-number") == number
    shoot(page, "sb-04-sitebuilder-shows-the-number")
