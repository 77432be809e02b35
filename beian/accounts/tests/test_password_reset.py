"""忘记密码: a link by email sets a new password; the answer never tells whether the address has an account."""

from __future__ import annotations

import re

from django.conf import settings
from django.core import mail
from django.test import Client

from beian.core.models import AuditEvent


def _english():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _reset_link(message) -> str:
    found = re.search(r"https?://testserver(/accounts/reset/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_reset_link_by_email_sets_a_new_password_that_logs_in(applicant):
    client = _english()
    assert client.get("/accounts/password-reset/").status_code == 200
    sent = client.post("/accounts/password-reset/", {"email": "applicant@example.com"})
    assert sent.status_code == 302 and sent["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["applicant@example.com"]
    assert "applicant" in mail.outbox[0].body

    form = client.get(_reset_link(mail.outbox[0]), follow=True)
    assert "Set a new password" in form.content.decode() and form.context["validlink"]
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "Ne3w-pass-9z", "new_password2": "Ne3w-pass-9z"})
    assert done.status_code == 302 and done["Location"] == "/accounts/reset/done/"

    assert client.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"}).status_code == 200
    assert client.post("/accounts/login/", {"username": "applicant", "password": "Ne3w-pass-9z"}).status_code == 302
    assert AuditEvent.objects.filter(action="user.password_reset", target_id=str(applicant.pk)).exists()


def test_an_unknown_address_gets_the_same_answer_and_no_email(applicant):
    client = _english()
    known = client.post("/accounts/password-reset/", {"email": "applicant@example.com"}, follow=True)
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    main = lambda response: re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)  # noqa: E731
    assert main(known) == main(unknown)
    assert len(mail.outbox) == 1


def test_a_used_link_does_not_work_again(applicant):
    client = _english()
    client.post("/accounts/password-reset/", {"email": "applicant@example.com"})
    form = client.get(_reset_link(mail.outbox[0]), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": "Ne3w-pass-9z", "new_password2": "Ne3w-pass-9z"})
    again = client.get(_reset_link(mail.outbox[0]), follow=True)
    assert not again.context["validlink"]
    assert "This link is not valid any more" in again.content.decode()


def test_mismatched_new_passwords_change_nothing(applicant):
    client = _english()
    client.post("/accounts/password-reset/", {"email": "applicant@example.com"})
    form = client.get(_reset_link(mail.outbox[0]), follow=True)
    refused = client.post(form.redirect_chain[-1][0], {"new_password1": "Ne3w-pass-9z", "new_password2": "other-9z"})
    assert refused.status_code == 200 and "didn’t match" in refused.content.decode()
    applicant.refresh_from_db()
    assert applicant.check_password("pw-applicant")


def test_a_new_password_ends_a_lockout(applicant):
    client = _english()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "applicant", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"}).status_code == 429
    client.post("/accounts/password-reset/", {"email": "applicant@example.com"})
    form = client.get(_reset_link(mail.outbox[0]), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": "Ne3w-pass-9z", "new_password2": "Ne3w-pass-9z"})
    assert client.post("/accounts/login/", {"username": "applicant", "password": "Ne3w-pass-9z"}).status_code == 302


def test_the_reset_email_is_in_chinese_by_default(applicant):
    Client().post("/accounts/password-reset/", {"email": "applicant@example.com"})
    assert "备案" in mail.outbox[0].subject


def test_a_short_or_common_new_password_is_refused_and_changes_nothing(applicant):
    client = _english()
    client.post("/accounts/password-reset/", {"email": "applicant@example.com"})
    form = client.get(_reset_link(mail.outbox[0]), follow=True)
    refused = client.post(form.redirect_chain[-1][0], {"new_password1": "password1", "new_password2": "password1"})
    page = refused.content.decode()
    assert refused.status_code == 200 and "too short" in page and "too common" in page
    applicant.refresh_from_db()
    assert applicant.check_password("pw-applicant")


def test_the_sealed_address_is_found_in_any_letter_case_and_after_a_change(applicant):
    client = _english()
    client.post("/accounts/password-reset/", {"email": "Applicant@Example.COM"})
    assert [m.to for m in mail.outbox] == [["applicant@example.com"]]  # to the address on the account
    applicant.email = "zhang.new@example.com"
    applicant.save(update_fields=["email"])
    client.post("/accounts/password-reset/", {"email": "applicant@example.com"})  # the old address: nobody
    client.post("/accounts/password-reset/", {"email": "zhang.new@example.com"})
    assert [m.to for m in mail.outbox] == [["applicant@example.com"], ["zhang.new@example.com"]]
