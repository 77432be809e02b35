"""The regulator's decision on a change or cancellation tells the applicant what happened to the
record and the site in the right words (rules file §1.5–§1.7), not that a number was issued."""

from __future__ import annotations

import pytest

from beian.notifications.models import Notification
from beian.regulator.models import latest_case
from beian.regulator.services import case_decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(applicant):
    """A second member of the applicant's organisation who reads English."""
    from beian.accounts.models import Membership, User

    user = User.objects.create_user(username="colleague", password="pw-colleague", language="en")
    Membership.objects.create(user=user, organisation=applicant.memberships.get().organisation)
    return user


def decide(order, capture, **decision):
    with capture(execute=True):
        case_decide(latest_case(order), decided_by="regulator-sandbox", **decision)


def notices(order, user, kind="approved"):
    note = Notification.objects.get(order=order, user=user, kind=kind)
    return note.title + "\n" + note.body


def test_an_approved_website_change_names_the_changed_fields_and_domains(
    orders, applicant, colleague, django_capture_on_commit_callbacks
):
    record = orders.filed_record().websites.get()
    order = orders.against_record(
        "CHANGE_WEBSITE",
        values={
            "websites[0].name": record.name + "新版",
            "websites[0].principal.mobile": "13912345678",
            "websites[0].other_domains": ["added-domain.cn"],
        },
    ).regulator_review(acknowledge_warnings=True)
    decide(order, django_capture_on_commit_callbacks, approve=True)
    english = notices(order, colleague)
    assert english.startswith("Your change is approved")
    assert "Change approved: Website name, Website principal Mobile, domains." in english
    assert "the filing numbers stay the same" in english
    assert "Domains added: added-domain.cn" in english
    assert "filing number is expected" not in english and "13912345678" not in english
    chinese = notices(order, applicant)
    assert "变更已通过：网站名称、网站负责人 手机号码、域名" in chinese and "备案号不变" in chinese


def test_an_approved_website_cancellation_says_the_site_is_cancelled_and_offline(
    orders, applicant, colleague, django_capture_on_commit_callbacks
):
    record = orders.filed_record().websites.get()
    domain = record.domains.get().domain
    order = orders.against_record("CANCEL_WEBSITE").regulator_review(acknowledge_warnings=True)
    decide(order, django_capture_on_commit_callbacks, approve=True)
    english = notices(order, colleague)
    assert english.startswith("Your website is cancelled")
    assert (
        f"Website {record.name} ({record.filing_number}) is cancelled; its domains no longer serve: {domain}."
        in english
    )
    assert "empty shell" in english  # it was the subject's only website
    assert "filing number issued" not in english.lower()
    chinese = notices(order, applicant)
    assert f"网站 {record.name}（{record.filing_number}）已注销，域名已停止访问：{domain}" in chinese


def test_an_approved_cancel_access_says_access_is_cancelled_and_the_order_page_agrees(
    client, orders, applicant, colleague, django_capture_on_commit_callbacks
):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CANCEL_ACCESS").regulator_review(acknowledge_warnings=True)
    decide(order, django_capture_on_commit_callbacks, approve=True)
    english = notices(order, colleague)
    assert english.startswith("Access cancelled")
    assert f"we no longer serve website {record.name} ({record.filing_number})" in english
    assert "empty-shell website" in english  # no other provider accesses it
    assert "已取消接入" in notices(order, applicant)
    # the link leads to the order, whose status and timeline say the same (no number was issued)
    client.force_login(colleague)
    client.cookies["django_language"] = "en"
    page = client.get(Notification.objects.get(order=order, user=colleague).link).content.decode()
    assert ">Approved: access cancelled<" in page
    timeline = page.split('id="timeline"')[1]
    assert "Approved by the regulator: our access is cancelled" in timeline
    assert "filing number issued" not in timeline


def test_a_rejected_change_is_told_as_today_with_an_eta_of_the_approval(
    orders, colleague, django_capture_on_commit_callbacks
):
    orders.filed_record()
    order = orders.against_record("CANCEL_WEBSITE").regulator_review(acknowledge_warnings=True)
    decide(order, django_capture_on_commit_callbacks, approve=False, reason_code="CONTENT_NOT_MATCH_NATURE")
    english = notices(order, colleague, kind="regulator_rejected")
    assert english.startswith("The regulator rejected your filing")
    assert "Site content does not match subject nature" in english
    assert "the filing number is expected" not in english
