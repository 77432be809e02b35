"""Login throttling (django-axes): too many wrong passwords for a username from one address lock it out for
a while on the login page, even with the right password afterwards; the lockout is audited."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from beian.core.models import AuditEvent


@pytest.fixture
def english():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _wrong(client, username="applicant", times=None):
    for _ in range(times if times is not None else settings.AXES_FAILURE_LIMIT):
        response = client.post("/accounts/login/", {"username": username, "password": "wrong"})
    return response


def test_wrong_passwords_lock_the_login_out_even_for_the_right_password(english, applicant):
    assert _wrong(english, times=settings.AXES_FAILURE_LIMIT - 1).status_code == 200  # still the form
    locked = _wrong(english, times=1)
    assert locked.status_code == 429
    assert "Login locked for a while" in locked.content.decode()
    assert "Try again after" in locked.content.decode()

    right = english.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"})
    assert right.status_code == 429
    assert "_auth_user_id" not in english.session
    assert english.get("/").status_code == 302  # still signed out: home sends to the login page


def test_the_lockout_page_is_in_chinese_by_default(applicant):
    locked = _wrong(Client())
    assert locked.status_code == 429
    assert "登录已暂停" in locked.content.decode()


def test_a_lockout_is_audited_with_the_username_and_address(english, applicant):
    _wrong(english)
    event = AuditEvent.objects.get(action="user.locked_out")
    assert event.target_id == "applicant"
    assert event.data["ip_address"] == "127.0.0.1"


def test_a_lockout_keeps_other_accounts_and_other_addresses_open(english, applicant, reviewer):
    _wrong(english)
    other_account = Client().post("/accounts/login/", {"username": "reviewer", "password": "pw-reviewer"})
    assert other_account.status_code == 302
    other_address = Client(REMOTE_ADDR="10.0.0.9").post(
        "/accounts/login/", {"username": "applicant", "password": "pw-applicant"}
    )
    assert other_address.status_code == 302


def test_a_successful_login_forgets_earlier_wrong_passwords(english, applicant):
    _wrong(english, times=settings.AXES_FAILURE_LIMIT - 1)
    assert english.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"}).status_code == 302
    english.post("/accounts/logout/")
    assert _wrong(english, times=settings.AXES_FAILURE_LIMIT - 1).status_code == 200  # counting starts anew


def test_the_lockout_ends_after_the_cool_off(english, applicant, settings):
    _wrong(english)
    settings.AXES_COOLOFF_TIME = __import__("datetime").timedelta(seconds=0)
    assert english.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"}).status_code == 302


def test_the_login_page_links_to_the_password_reset(english, db):
    page = english.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password-reset/"' in page and "Forgot your password?" in page


def test_the_admin_login_is_throttled_too(english, operator):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        english.post("/admin/login/", {"username": "operator", "password": "wrong"})
    locked = english.post("/admin/login/", {"username": "operator", "password": "pw-operator"})
    assert locked.status_code == 429 and "Login locked for a while" in locked.content.decode()
