"""Online customer service: posting messages (the first-response target in working hours, the
status, who holds it), attachments through the materials' upload checks, unread counts per side,
tenant isolation, notifications of the other side, assignment and status, canned replies."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.storage import default_storage

from beian.core import workdays
from beian.core.audit import events_matching
from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.notifications.models import Notification
from beian.reference.models import ReferenceSetting
from beian.support import selectors, services
from beian.support.models import Conversation, ConversationAttachment
from beian.support.tests.conversation_files import disguised_zip, png

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=SHANGHAI)


def test_working_hours_skip_the_evening_the_weekend_and_the_national_day_holiday():
    calendar = workdays.Calendar()
    nine, six = dt.time(9), dt.time(18)
    # Tuesday 2025-09-30 16:00 + 4 h: 2 h that day, then the 国庆 holiday (1–8 Oct), 2 h on Thursday 9 Oct
    assert calendar.add_working_hours(at(2025, 9, 30, 16), 4, opens=nine, closes=six) == at(2025, 10, 9, 11)
    # Friday evening counts from Monday's opening
    assert calendar.add_working_hours(at(2025, 6, 6, 20), 4, opens=nine, closes=six) == at(2025, 6, 9, 13)
    # a make-up working Saturday (2025-09-28) is a working day
    assert calendar.add_working_hours(at(2025, 9, 28, 7), 1, opens=nine, closes=six) == at(2025, 9, 28, 10)


def test_an_applicants_question_starts_the_first_response_clock_and_staffs_reply_stops_it(
    orders, applicant, reviewer, frozen_clock
):
    frozen_clock(at(2025, 6, 6, 17))  # a Friday, one working hour left
    order = orders.submitted()
    message = services.message_post(
        organisation=order.organisation, order=order, author=applicant, body="请问审核需要多久？"
    )
    conversation = message.conversation
    assert conversation.order == order and conversation.status == Conversation.Status.OPEN
    assert conversation.response_due_at == at(2025, 6, 9, 12)  # 1 h on Friday + 3 h on Monday
    assert selectors.staff_unread() == 1 and selectors.applicant_unread(order.organisation) == 0

    frozen_clock(at(2025, 6, 9, 13))
    assert [c.pk for c in selectors.inbox(user=reviewer, now=at(2025, 6, 9, 13), overdue=True)] == [conversation.pk]
    services.message_post(organisation=order.organisation, order=order, author=reviewer, body="一般 1 个工作日。")
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.WAITING and conversation.response_due_at is None
    assert conversation.first_response_at == at(2025, 6, 9, 13) and conversation.assignee == reviewer
    assert selectors.staff_unread() == 0 and selectors.applicant_unread(order.organisation) == 1
    assert list(selectors.inbox(user=reviewer, now=at(2025, 6, 9, 13), overdue=True)) == []

    services.conversation_mark_read(conversation=conversation, user=applicant)
    assert selectors.applicant_unread(order.organisation) == 0
    assert [e.action for e in events_matching(action="support.")][::-1] == [
        "support.conversation_started",
        "support.message_posted",
        "support.message_posted",
    ]


def test_the_target_hours_are_the_operators_setting(orders, applicant, frozen_clock):
    ReferenceSetting.objects.update_or_create(key="support", defaults={"value": {"first_response_working_hours": 8}})
    frozen_clock(at(2025, 6, 10, 9))
    order = orders.submitted()
    message = services.message_post(organisation=order.organisation, order=order, author=applicant, body="?")
    assert message.conversation.response_due_at == at(2025, 6, 10, 17)


def test_an_attachment_is_sanitised_and_stored_sealed_and_a_disguised_file_changes_nothing(organisation, applicant):
    message = services.message_post(organisation=organisation, author=applicant, body="", uploads=[png()])
    attachment = message.attachments.get()
    assert attachment.content_type == "image/png" and attachment.original_name == "screenshot.png"
    with default_storage.open(attachment.file.name, "rb") as fh:
        assert fh.read().startswith(b"\x89PNG")  # read back through the storage that unseals
    raw = default_storage.path(attachment.file.name) if hasattr(default_storage, "path") else None
    if raw:
        with open(raw, "rb") as fh:
            assert not fh.read().startswith(b"\x89PNG")  # sealed at rest

    with pytest.raises(ValidationFailed) as refused:
        services.message_post(organisation=organisation, author=applicant, body="看看这个", uploads=[disguised_zip()])
    assert "photo.png" in refused.value.message
    assert message.conversation.messages.count() == 1 and ConversationAttachment.objects.count() == 1
    with pytest.raises(ValidationFailed):
        services.message_post(organisation=organisation, author=applicant, body="   ")


def test_an_applicant_cannot_write_to_another_organisation_or_its_orders(orders, other_tenant, applicant):
    order = orders.submitted()
    with pytest.raises(PermissionDenied):
        services.message_post(organisation=order.organisation, order=order, author=other_tenant, body="hi")
    other_org = other_tenant.memberships.get().organisation
    with pytest.raises(PermissionDenied):
        services.message_post(organisation=other_org, order=order, author=other_tenant, body="hi")
    services.message_post(organisation=order.organisation, order=order, author=applicant, body="mine")
    assert selectors.organisation_conversations(other_org) == []
    assert selectors.applicant_unread(other_org) == 0


def test_the_other_side_is_notified_in_their_own_language(
    orders, applicant, reviewer, operator, django_capture_on_commit_callbacks
):
    order = orders.submitted()
    applicant.language = "en"
    applicant.save(update_fields=["language"])
    reviewer.language = "zh-hans"
    reviewer.save(update_fields=["language"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_post(
            organisation=order.organisation, order=order, author=applicant, body="Where is my number?"
        )
    # nobody holds it yet: every reviewer and operator hears of it
    assert set(Notification.objects.filter(kind="support").values_list("user__username", flat=True)) == {
        "reviewer",
        "operator",
    }
    assert "新消息" in Notification.objects.get(user=reviewer).title
    with django_capture_on_commit_callbacks(execute=True):
        services.message_post(organisation=order.organisation, order=order, author=reviewer, body="明天。")
    notice = Notification.objects.get(user=applicant)
    assert notice.title == f"Customer service replied about {order.reference}"
    assert notice.link.endswith(f"/apply/orders/{order.pk}/#conversation")
    assert any(m.to == [applicant.email] and order.reference in m.subject for m in mail.outbox)
    # the text stays in the sealed message: no plain copy in the notification centre or an email
    assert "明天" not in notice.body and not any("明天" in m.body for m in mail.outbox)
    # now the reviewer holds it: the applicant's next message goes to them alone
    with django_capture_on_commit_callbacks(execute=True):
        services.message_post(organisation=order.organisation, order=order, author=applicant, body="Thanks")
    assert Notification.objects.filter(user=operator).count() == 1
    assert Notification.objects.filter(user=reviewer).count() == 2


def test_assign_and_status_are_staffs_and_audited(organisation, applicant, reviewer, operator):
    conversation = services.message_post(organisation=organisation, author=applicant, body="hello").conversation
    with pytest.raises(PermissionDenied):
        services.conversation_set_status(conversation=conversation, status="resolved", actor=applicant)
    with pytest.raises(ValidationFailed):
        services.conversation_assign(conversation=conversation, assignee=applicant, actor=operator)
    services.conversation_assign(conversation=conversation, assignee=reviewer, actor=operator)
    services.conversation_set_status(conversation=conversation, status="resolved", actor=reviewer)
    conversation.refresh_from_db()
    assert conversation.assignee == reviewer and conversation.status == "resolved"
    assert conversation.response_due_at is None
    assert [c.pk for c in selectors.inbox(user=reviewer, now=conversation.created_at, assignee="me")] == [
        conversation.pk
    ]
    assert list(selectors.inbox(user=reviewer, now=conversation.created_at, status="open")) == []
    assert {e.action for e in events_matching(action="support.")} >= {
        "support.conversation_assigned",
        "support.conversation_status",
    }
    # the applicant writes again: the conversation is open, and due again
    services.message_post(organisation=organisation, author=applicant, body="one more thing")
    conversation.refresh_from_db()
    assert conversation.status == "open" and conversation.response_due_at is not None


def test_a_canned_reply_links_its_articles_and_needs_both_languages(articles, organisation, applicant, operator):
    with pytest.raises(ValidationFailed):
        services.canned_reply_save(
            reply=None,
            title_zh="名称",
            title_en="",
            body_zh="正文",
            body_en="",
            article_slugs=[],
            active=True,
            position=0,
            actor=operator,
        )
    with pytest.raises(ValidationFailed) as unknown:
        services.canned_reply_save(
            reply=None,
            title_zh="名称",
            title_en="Name",
            body_zh="正文",
            body_en="Text",
            article_slugs=["no-such"],
            active=True,
            position=0,
            actor=operator,
        )
    assert "no-such" in unknown.value.message
    reply = services.canned_reply_save(
        reply=None,
        title_zh="网站名称被退回",
        title_en="Site name returned",
        body_zh="请按说明修改网站名称。",
        body_en="Please rename the site as explained.",
        article_slugs=["reason-site-name-invalid"],
        active=True,
        position=0,
        actor=operator,
    )
    services.message_post(organisation=organisation, author=applicant, body="为什么退回？")
    message = services.message_post(organisation=organisation, author=operator, body=reply.body_zh, canned_reply=reply)
    assert [a.slug for a in message.articles.all()] == ["reason-site-name-invalid"]
    assert selectors.applicant_language(organisation, message.conversation) == "zh-hans"


def test_the_seed_canned_replies_load_once_with_their_articles_and_leave_operators_edits(articles, operator):
    assert services.canned_replies_load() == 3
    name = selectors.canned_replies()[1]
    assert [a.slug for a in name.articles.all()] == ["reason-site-name-invalid"]
    services.canned_reply_save(
        reply=name,
        title_zh="名称",
        title_en="Name",
        body_zh="运营人员的版本",
        body_en="The operator's version",
        article_slugs=[],
        active=True,
        position=1,
        actor=operator,
    )
    assert services.canned_replies_load() == 0
    name.refresh_from_db()
    assert name.body_zh == "运营人员的版本" and not name.articles.exists()
