"""The language a user reads: chosen with the header's switch or on 我的账号, kept on the account, and followed
by their notifications and emails (not only by the pages of the browser that chose it)."""

from __future__ import annotations

from django.conf import settings
from django.core import mail
from django.test import Client

from beian.accounts.models import Membership, User
from beian.core.models import AuditEvent
from beian.filings import services, states
from beian.filings.models import Order
from beian.notifications.models import Notification
from tests.factories import valid_order


def test_the_header_switch_stores_the_language_on_the_account(client, applicant):
    client.force_login(applicant)
    answer = client.post("/i18n/setlang/", {"language": "en", "next": "/apply/"})
    assert answer.status_code == 302 and answer.url == "/apply/"
    applicant.refresh_from_db()
    assert applicant.language == "en"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert AuditEvent.objects.filter(action="user.language_set", target_id=str(applicant.pk)).exists()
    # another browser, no cookie: the account's language
    other = Client()
    other.force_login(applicant)
    assert "My sites" in other.get("/apply/").content.decode()


def test_an_unknown_language_changes_nothing(client, applicant):
    client.force_login(applicant)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/apply/"})
    applicant.refresh_from_db()
    assert applicant.language == ""
    refused = client.post("/accounts/profile/", {"language": "xx"}, follow=True)
    assert "请选择提供的语言之一" in refused.content.decode()
    applicant.refresh_from_db()
    assert applicant.language == ""


def test_signed_out_the_switch_only_sets_the_cookie(client):
    answer = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert answer.status_code == 302
    assert "Log in" in client.get("/accounts/login/").content.decode()


def test_the_profile_page_sets_the_language(client, applicant):
    client.force_login(applicant)
    page = client.get("/accounts/profile/")
    assert "我的账号" in page.content.decode() and "通知设置" in page.content.decode()
    saved = client.post("/accounts/profile/", {"language": "en"}, follow=True)
    assert "Saved: pages, notifications, emails and SMS come in this language." in saved.content.decode()
    applicant.refresh_from_db()
    assert applicant.language == "en"


def test_the_first_login_keeps_the_login_pages_language(applicant):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"})
    applicant.refresh_from_db()
    assert applicant.language == "en"
    # a language once chosen is not overwritten by a later login in another language
    chinese = Client()
    chinese.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    chinese.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"})
    applicant.refresh_from_db()
    assert applicant.language == "en"


def test_notifications_and_emails_follow_the_language_chosen_with_the_switch(
    client, applicant, reviewer, hosted_site, django_capture_on_commit_callbacks
):
    colleague = User.objects.create_user(username="colleague", password="pw-colleague", email="c@example.com")
    organisation = applicant.memberships.get().organisation
    Membership.objects.create(user=colleague, organisation=organisation)
    client.force_login(colleague)
    client.post("/i18n/setlang/", {"language": "en", "next": "/apply/"})

    order = valid_order(organisation=organisation, user=applicant, site=hosted_site, materials=False)
    Order.objects.filter(pk=order.pk).update(status=states.PENDING_PROVIDER_REVIEW)
    order.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.order_return_fields(
            order=order,
            reviewer=reviewer,
            returns=[
                {"field": "websites[0].name", "reason_code": "SITE_NAME_NOT_RELATED", "note": "use the short name"}
            ],
        )
    english = Notification.objects.get(user=colleague, order=order)
    chinese = Notification.objects.get(user=applicant, order=order)
    assert "Website name unrelated to entity/content" in english.body
    assert "网站名称与主体或内容无关联" in chinese.body
    (to_colleague,) = [m for m in mail.outbox if m.to == ["c@example.com"]]
    assert "Website name unrelated to entity/content" in to_colleague.body
