"""Notifications on transitions the applicant must act on: in-app, email and SMS, in each member's
language, with a link to the exact field, per-user channel preferences, never sent twice."""

import pytest
from django.core import mail

from beian.accounts.models import Membership, User
from beian.core import clock
from beian.core.crypto import blind_index
from beian.filings import eta, lifecycle, services, states
from beian.filings.models import Order
from beian.notifications import services as notices
from beian.notifications.models import Delivery, Notification, SmsMessage
from tests.factories import VALID_ENTERPRISE, valid_order

REASON = "SITE_NAME_NOT_RELATED"
REASON_ZH = "网站名称与主体或内容无关联"
REASON_EN = "Website name unrelated to entity/content"


@pytest.fixture
def order(applicant, hosted_site):
    return valid_order(
        organisation=applicant.memberships.get().organisation, user=applicant, site=hosted_site, materials=False
    )


@pytest.fixture
def colleague(applicant):
    """A second member of the applicant's organisation who reads English."""

    user = User.objects.create_user(
        username="colleague", password="pw-colleague", email="colleague@example.com", language="en"
    )
    Membership.objects.create(user=user, organisation=applicant.memberships.get().organisation)
    return user


def put(order, status):
    Order.objects.filter(pk=order.pk).update(status=status)
    order.refresh_from_db()
    return order


def return_name(order, reviewer, capture, note="请使用公司简称"):
    put(order, states.PENDING_PROVIDER_REVIEW)
    with capture(execute=True):
        services.order_return_fields(
            order=order, reviewer=reviewer, returns=[{"field": "websites[0].name", "reason_code": REASON, "note": note}]
        )
    order.refresh_from_db()
    return order


def counts(order, kind):
    return (
        Notification.objects.filter(order=order, kind=kind).count(),
        len(mail.outbox),
        SmsMessage.objects.filter(purpose=f"notice:{kind}").count(),
    )


# --- what is sent --------------------------------------------------------------------------------


def test_a_return_notifies_by_every_channel_with_a_link_to_the_field(
    order, applicant, reviewer, django_capture_on_commit_callbacks
):
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    field_url = f"/apply/orders/{order.pk}/step/website/#id_f-website__name"

    note = Notification.objects.get(user=applicant, order=order)
    assert note.kind == "returned" and note.read_at is None
    assert note.link == field_url
    assert REASON_ZH in note.body and "请使用公司简称" in note.body  # applicant reads zh-hans: the catalogue's zh text
    expected = eta.order_eta(order)
    assert expected.hypothetical and expected.filed.p50.isoformat() in note.body  # the dates if they act today

    (email,) = mail.outbox
    assert email.to == ["applicant@example.com"] and order.reference in email.subject
    assert notices.absolute_url(field_url) in email.body

    (sms,) = SmsMessage.objects.filter(purpose="notice:returned")
    assert sms.mobile == VALID_ENTERPRISE["subject.principal.mobile"]  # the subject principal's mobile
    assert sms.mobile_index == blind_index(VALID_ENTERPRISE["subject.principal.mobile"], purpose="mobile")
    assert order.reference in sms.body and notices.absolute_url(field_url) in sms.body
    # it says whom it is for (the subject principal, name masked) and which website
    assert (
        sms.body.startswith("【备案】主体负责人张*，网站示例科技官网（demo-shop.cn）：您的备案已被退回修改")
        and "张三" not in sms.body
    )
    assert sms.params == {
        "role": "主体负责人",
        "name": "张*",
        "website": "demo-shop.cn",
        "website_name": "示例科技官网",
        "reference": order.reference,
        "link": notices.absolute_url(field_url),
    }  # what a real gateway's template is filled with
    assert sms.status == "sent" and sms.gateway == "sandbox"  # sent after the commit, by the default gateway
    assert not order.sms_messages.exists()  # the order's own SMS stay the MIIT verification codes


def test_the_field_link_of_a_returned_reason_or_confirmation_points_at_the_cancellation_step(orders):
    order = orders.against_record("CANCEL_WEBSITE").draft()
    assert notices.field_link(order, "reason_code") == f"/apply/orders/{order.pk}/step/cancellation/#reason_code"
    assert notices.field_link(order, "confirmation") == f"/apply/orders/{order.pk}/step/cancellation/#confirmation"
    access = Order(pk=order.pk, filing_type="CHANGE_ACCESS")
    assert notices.field_link(access, "hosted_site") == f"/apply/orders/{order.pk}/step/access/#hosted_site"


def test_the_field_link_of_an_upload_points_at_its_slot(order):
    assert (
        notices.field_link(order, "materials.business_licence")
        == f"/apply/orders/{order.pk}/step/materials/#slot-business_licence"
    )
    assert (
        notices.field_link(order, "subject.principal.mobile")
        == f"/apply/orders/{order.pk}/step/subject/#id_f-subject__principal__mobile"
    )


def test_every_member_reads_it_in_their_language_and_the_sms_goes_once(
    order, applicant, colleague, reviewer, django_capture_on_commit_callbacks
):
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    assert REASON_ZH in Notification.objects.get(user=applicant).body
    english = Notification.objects.get(user=colleague)
    assert REASON_EN in english.body and REASON_ZH not in english.body
    assert sorted(m.to[0] for m in mail.outbox) == ["applicant@example.com", "colleague@example.com"]
    assert REASON_EN in next(m for m in mail.outbox if m.to == ["colleague@example.com"]).body
    assert SmsMessage.objects.filter(purpose="notice:returned").count() == 1


def test_nothing_is_sent_twice_when_the_callback_is_replayed(
    order, applicant, colleague, reviewer, django_capture_on_commit_callbacks
):
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    before = counts(order, "returned"), Delivery.objects.count()
    assert before[0] == (2, 2, 1)
    assert notices.notify_order_event(order_pk=order.pk, event="return_fields") == 0
    services._after_transition(order.pk, "return_fields")
    assert (counts(order, "returned"), Delivery.objects.count()) == before


def test_a_second_return_is_a_new_event(order, reviewer, django_capture_on_commit_callbacks):
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    put(order, states.PROVIDER_RESUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_return_fields(
            order=order, reviewer=reviewer, returns=[{"field": "subject.city", "reason_code": REASON, "note": ""}]
        )
    assert counts(order, "returned") == (2, 2, 2)
    assert Notification.objects.filter(order=order).first().link.endswith("#id_f-subject__city")


def test_preferences_switch_channels_per_kind(order, applicant, reviewer, django_capture_on_commit_callbacks):
    notices.preferences_update(user=applicant, preferences={"returned": {"in_app"}})
    assert notices.channels_for(applicant, "returned") == {"in_app"}
    assert notices.channels_for(applicant, "reminder") == {"in_app", "email", "sms"}  # other kinds untouched
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    assert counts(order, "returned") == (1, 0, 0)


def test_the_sms_goes_unless_every_member_switched_it_off(
    order, applicant, colleague, reviewer, django_capture_on_commit_callbacks
):
    notices.preferences_update(user=applicant, preferences={"returned": {"in_app", "email"}})
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    assert SmsMessage.objects.filter(purpose="notice:returned").count() == 1

    notices.preferences_update(user=colleague, preferences={"returned": set()})
    put(order, states.PROVIDER_RESUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_return_fields(
            order=order, reviewer=reviewer, returns=[{"field": "subject.city", "reason_code": REASON, "note": ""}]
        )
    assert SmsMessage.objects.filter(purpose="notice:returned").count() == 1
    assert Notification.objects.filter(user=colleague).count() == 1  # only the first return


def test_sms_verification_waiting_links_to_the_form(order, applicant, django_capture_on_commit_callbacks):
    put(order, states.PENDING_SUBMISSION)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_transition(order=order, to=states.SMS_VERIFICATION, actor_label="regulator-sandbox")
    note = Notification.objects.get(user=applicant, kind="sms_verification")
    assert note.link == f"/apply/orders/{order.pk}/#sms-verification"
    assert eta.order_eta(order).filed.p90.isoformat() in note.body
    assert counts(order, "sms_verification") == (1, 1, 1)


def test_a_regulator_rejection_names_the_reason(order, applicant, colleague, django_capture_on_commit_callbacks):
    put(order, states.REGULATOR_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_record_regulator_rejection(
            order=order, actor_label="regulator-sandbox", reason_code="CONTENT_NOT_MATCH_NATURE"
        )
    assert "网站内容与主体性质或经营范围不符" in Notification.objects.get(user=applicant).body
    assert "Site content does not match subject nature" in Notification.objects.get(user=colleague).body
    assert counts(order, "regulator_rejected") == (2, 2, 1)


def test_approval_carries_the_filing_number(order, applicant, django_capture_on_commit_callbacks):
    put(order, states.REGULATOR_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_record_regulator_approval(order=order, actor_label="regulator-sandbox")
    order.refresh_from_db()
    note = Notification.objects.get(user=applicant, kind="approved")
    assert order.website.filing_number and order.website.filing_number in note.body
    assert counts(order, "approved") == (1, 1, 1)


def test_events_the_applicant_need_not_act_on_send_nothing(order):
    for event in ("create", "submit", "claim", "approve", "withdraw", "sms_verified"):
        assert notices.notify_order_event(order_pk=order.pk, event=event) == 0
    assert not Notification.objects.exists() and not mail.outbox


def test_an_idle_reminder_is_sent_once(order, applicant):

    since = lifecycle.idle_since(order)
    assert notices.notify_idle_reminder(order=order, days=7, idle_since=since, expires_on=None) == 3
    assert notices.notify_idle_reminder(order=order, days=7, idle_since=since, expires_on=None) == 0
    assert counts(order, "reminder") == (1, 1, 1)


# --- pages ---------------------------------------------------------------------------------------


def test_the_centre_lists_notifications_with_the_unread_count_in_the_header(
    client, order, applicant, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    page = client.get("/notifications/").content.decode()
    assert 'id="nav-notifications"' in page and 'id="unread-badge"' not in page

    return_name(order, reviewer, django_capture_on_commit_callbacks)
    note = Notification.objects.get(user=applicant)
    page = client.get("/notifications/").content.decode()
    assert note.title in page and 'id="unread-badge">1<' in page

    response = client.post(f"/notifications/{note.pk}/open/")
    assert response.status_code == 302 and response["Location"] == note.link
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'id="unread-badge"' not in client.get(f"/apply/orders/{order.pk}/").content.decode()


def test_mark_all_read(client, order, applicant):

    for i in range(3):
        Notification.objects.create(
            user=applicant, order=order, dedupe_key=f"k{i}", title=f"t{i}", created_at=clock.now()
        )
    client.force_login(applicant)
    assert 'id="unread-badge">3<' in client.get("/notifications/").content.decode()
    client.post("/notifications/read-all/")
    assert notices.unread_count(applicant) == 0


def test_a_notification_of_someone_else_cannot_be_opened(client, order, applicant, other_tenant):

    note = Notification.objects.create(
        user=applicant, order=order, dedupe_key="k", title="t", link="/", created_at=clock.now()
    )
    client.force_login(other_tenant)
    assert client.post(f"/notifications/{note.pk}/open/").status_code == 404
    assert "t" not in [n.title for n in Notification.objects.filter(user=other_tenant)]
    note.refresh_from_db()
    assert note.read_at is None


def test_opening_never_redirects_off_site(client, applicant):

    note = Notification.objects.create(
        user=applicant, dedupe_key="k", title="t", link="https://evil.example/", created_at=clock.now()
    )
    client.force_login(applicant)
    response = client.post(f"/notifications/{note.pk}/open/")
    assert response["Location"] == "/notifications/"


def test_the_preferences_page_stores_channels_per_kind(client, applicant):
    client.force_login(applicant)
    page = client.get("/notifications/preferences/").content.decode()
    # 6 kinds x 3 channels and customer service's messages (in the app and by email, never SMS), all on by default
    assert page.count("checked") == 20
    client.post("/notifications/preferences/", {"returned:in_app": "1", "returned:sms": "1", "approved:email": "1"})
    prefs = notices.preferences_of(applicant)
    assert prefs["returned"] == {"in_app", "sms"} and prefs["approved"] == {"email"} and prefs["expired"] == set()
    assert client.get("/notifications/preferences/").content.decode().count("checked") == 3


def test_pages_need_a_login(client):
    assert client.get("/notifications/").status_code == 302
    assert client.get("/notifications/preferences/").status_code == 302


def test_links_in_every_channel_follow_the_public_url_of_the_servers_port(
    order, reviewer, django_capture_on_commit_callbacks, settings
):
    settings.BEIAN_PUBLIC_URL = "http://127.0.0.1:8101"  # what BEIAN_PORT=8101 (make run PORT=8101) derives
    return_name(order, reviewer, django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    (sms,) = SmsMessage.objects.filter(purpose="notice:returned")
    for body in (email.body, sms.body):
        assert "http://127.0.0.1:8101/apply/orders/" in body and ":8000" not in body


def test_a_range_whose_ends_are_equal_reads_as_one_date(order, applicant, django_capture_on_commit_callbacks):
    put(order, states.PENDING_SUBMISSION)
    with django_capture_on_commit_callbacks(execute=True):
        services.order_transition(order=order, to=states.SMS_VERIFICATION, actor_label="regulator-sandbox")
    expected = eta.order_eta(order).filed
    assert expected.single  # SMS (1 working day) then the regulator's 20: one date
    body = Notification.objects.get(user=applicant, kind="sms_verification").body
    day = expected.p50.isoformat()
    assert f"预计将于 {day} 取得备案号" in body and f"{day} 至 {day}" not in body
