"""Two-step verification of staff (TOTP through django-otp): a reviewer sets up an authenticator app, and from
then on a password alone opens nothing — not the login form, not the admin's login, not the API token; codes are
throttled and every change is audited. Mandatory for staff when BEIAN_STAFF_TOTP_REQUIRED is on."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.core.models import AuditEvent


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def english():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def reviewer_with_app(reviewer):
    return TOTPDevice.objects.create(user=reviewer, name="authenticator", confirmed=True)


def _password(client, username="reviewer"):
    return client.post("/accounts/login/", {"username": username, "password": f"pw-{username}"})


def test_a_reviewer_sets_up_the_authenticator_with_the_qr_code_and_a_code(english, reviewer):
    english.force_login(reviewer)
    page = english.get("/accounts/two-factor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and 'id="totp-key"' in html  # the QR code and the key to type by hand
    device = TOTPDevice.objects.get(user=reviewer)
    assert not device.confirmed
    key = re.search(r'id="totp-key">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    assert len(key) >= 32

    wrong = english.post(
        "/accounts/two-factor/", {"action": "enable", "code": "000000" if code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert AuditEvent.objects.filter(action="user.two_factor_enable.refused", target_id=str(reviewer.pk)).exists()

    device.throttle_reset()  # the wrong code above made the next try wait a second
    done = english.post("/accounts/two-factor/", {"action": "enable", "code": code(device)}, follow=True)
    assert "Two-step verification is on" in done.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="user.two_factor_enabled", target_id=str(reviewer.pk)).exists()
    assert english.get("/review/").status_code == 200  # the session that set it up counts as verified


def test_a_code_in_the_wrong_shape_is_explained_and_changes_nothing(english, reviewer):
    english.force_login(reviewer)
    english.get("/accounts/two-factor/")
    answer = english.post("/accounts/two-factor/", {"action": "enable", "code": "12ab"})
    assert answer.status_code == 400
    assert "Type the 6 digits your authenticator app shows" in answer.content.decode()
    assert not TOTPDevice.objects.get(user=reviewer).confirmed


def test_the_password_alone_no_longer_logs_in_and_the_code_does(english, reviewer_with_app):
    after_password = _password(english)
    assert after_password.status_code == 302 and after_password.url == "/accounts/login/code/"
    assert "_auth_user_id" not in english.session
    assert english.get("/review/").status_code == 302  # still signed out

    wrong = english.post(
        "/accounts/login/code/", {"code": "000000" if code(reviewer_with_app) != "000000" else "111111"}
    )
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    assert "_auth_user_id" not in english.session
    assert AuditEvent.objects.filter(action="user.two_factor.refused").exists()

    # django-otp throttles: right after a wrong code even the right one must wait
    throttled = english.post("/accounts/login/code/", {"code": code(reviewer_with_app)})
    assert "Too many wrong codes" in throttled.content.decode()
    assert "_auth_user_id" not in english.session

    reviewer_with_app.refresh_from_db()
    reviewer_with_app.throttle_reset()
    right = english.post("/accounts/login/code/", {"code": code(reviewer_with_app)})
    assert right.status_code == 302
    assert english.session["_auth_user_id"] == str(reviewer_with_app.user_id)
    assert english.get("/review/").status_code == 200


def test_a_used_code_cannot_be_replayed(english, reviewer_with_app):
    used = code(reviewer_with_app)
    _password(english)
    assert english.post("/accounts/login/code/", {"code": used}).status_code == 302

    other = Client()
    _password(other)
    replay = other.post("/accounts/login/code/", {"code": used})
    assert replay.status_code == 400
    assert "_auth_user_id" not in other.session


def test_the_code_page_times_out_and_asks_for_the_password_again(english, reviewer_with_app, frozen_clock):
    start = timezone.now()
    frozen_clock(start)
    _password(english)
    frozen_clock(start + timedelta(minutes=6))  # longer than the five minutes the code page waits
    expired = english.post("/accounts/login/code/", {"code": code(reviewer_with_app)}, follow=True)
    assert "Log in again" in expired.content.decode()
    assert "_auth_user_id" not in english.session


def test_a_session_that_got_in_another_way_reaches_only_the_code_page(english, reviewer_with_app):
    english.force_login(reviewer_with_app.user)  # as the admin's own login form or the platform's sign-in do
    page = english.get("/review/")
    assert page.status_code == 302 and page.url.startswith("/accounts/login/code/?next=")
    api = english.get("/api/v1/orders")
    assert api.status_code == 401 and api.json()["code"] == "auth.second_factor_required"

    verified = english.post(page.url, {"code": code(reviewer_with_app)})
    assert verified.status_code == 302 and verified.url == "/review/"
    assert english.get("/review/").status_code == 200


def test_the_code_page_never_sends_elsewhere(english, reviewer_with_app):
    english.force_login(reviewer_with_app.user)
    answer = english.post("/accounts/login/code/?next=https://evil.example/", {"code": code(reviewer_with_app)})
    assert answer.status_code == 302 and answer.url == "/"


def test_turning_it_off_needs_a_current_code_and_is_audited(english, reviewer_with_app):
    _password(english)
    english.post("/accounts/login/code/", {"code": code(reviewer_with_app)})
    refused = english.post("/accounts/two-factor/", {"action": "disable", "code": "12"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=reviewer_with_app.user, confirmed=True).exists()

    off = english.post("/accounts/two-factor/", {"action": "disable", "code": code(reviewer_with_app, 1)}, follow=True)
    assert "Two-step verification is off" in off.content.decode()
    assert not TOTPDevice.objects.filter(user=reviewer_with_app.user, confirmed=True).exists()
    assert "Scan this QR code" in off.content.decode()  # and the page offers to set it up again
    assert AuditEvent.objects.filter(action="user.two_factor_disabled").exists()
    assert _password(Client()).url == "/"  # the password alone logs in again


def test_applicants_have_no_second_factor_page(english, applicant):
    english.force_login(applicant)
    assert english.get("/accounts/two-factor/").status_code == 403
    assert not TOTPDevice.objects.exists()


def test_when_required_staff_without_an_authenticator_must_set_one_up(english, reviewer, applicant, settings):
    settings.STAFF_TOTP_REQUIRED = True
    english.force_login(reviewer)
    held = english.get("/review/")
    assert held.status_code == 302 and held.url.startswith("/accounts/two-factor/")
    page = english.get("/accounts/two-factor/")
    assert "Staff must use two-step verification here" in page.content.decode()

    applicant_client = Client()
    applicant_client.force_login(applicant)
    assert applicant_client.get("/apply/").status_code == 200  # applicants are not staff

    device = TOTPDevice.objects.get(user=reviewer)
    english.post("/accounts/two-factor/", {"action": "enable", "code": code(device)})
    assert english.get("/review/").status_code == 200
    refused = english.post("/accounts/two-factor/", {"action": "disable", "code": code(device, 1)})
    assert "cannot be turned off" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=reviewer, confirmed=True).exists()


def test_the_api_token_of_a_staff_account_with_the_second_factor_needs_its_code(reviewer_with_app):
    client = Client()
    body = {"username": "reviewer", "password": "pw-reviewer"}
    missing = client.post("/api/v1/auth/token", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 401
    assert missing.json()["code"] == "auth.otp_required" and missing.json()["field"] == "otp"

    wrong = client.post(
        "/api/v1/auth/token",
        {**body, "otp": "000000" if code(reviewer_with_app) != "000000" else "111111"},
        content_type="application/json",
    )
    assert wrong.status_code == 400 and wrong.json()["code"] == "two_factor.code_wrong"

    reviewer_with_app.refresh_from_db()
    reviewer_with_app.throttle_reset()
    right = client.post("/api/v1/auth/token", {**body, "otp": code(reviewer_with_app)}, content_type="application/json")
    assert right.status_code == 200 and right.json()["token"]


def test_the_code_page_is_in_chinese_by_default(reviewer_with_app):
    client = Client()
    _password(client)
    page = client.get("/accounts/login/code/")
    assert "两步验证" in page.content.decode()
