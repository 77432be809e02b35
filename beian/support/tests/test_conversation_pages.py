"""The conversation pages: the applicant's support page and order panel, polling, attachments for
their organisation only (audited), staff's inbox, reply with a canned reply, the reviewer's panel."""

import pytest
from django.urls import reverse

from beian.core.audit import events_matching
from beian.support import selectors, services
from beian.support.models import ConversationMessage
from beian.support.tests.conversation_files import disguised_zip, png

pytestmark = pytest.mark.django_db


def test_support_page_answers_and_a_message_posts_and_appears_in_the_poll(client, applicant):
    client.force_login(applicant)
    page = client.get("/support/")
    assert page.status_code == 200 and b'id="conversation-form"' in page.content
    sent = client.post("/support/", {"body": "How long does review take?", "attachments": [png()]})
    assert sent.status_code == 302
    message = ConversationMessage.objects.get()
    assert message.attachments.count() == 1 and message.conversation.order is None
    poll = client.get(reverse("conversations:general_messages"))
    assert b"How long does review take?" in poll.content and b'hx-trigger="every 5s"' in poll.content


def test_a_refused_attachment_keeps_what_the_applicant_typed(client, applicant, orders):
    order = orders.submitted()
    client.force_login(applicant)
    page = client.post(
        reverse("conversations:order", args=[order.pk]), {"body": "我的营业执照照片", "attachments": [disguised_zip()]}
    )
    assert page.status_code == 200
    assert "我的营业执照照片" in page.content.decode() and "photo.png" in page.content.decode()
    assert not ConversationMessage.objects.exists()


def test_the_order_page_shows_staffs_reply_and_the_unread_badge(client, applicant, reviewer, orders):
    order = orders.submitted()
    services.message_post(organisation=order.organisation, order=order, author=applicant, body="问题")
    services.message_post(organisation=order.organisation, order=order, author=reviewer, body="回答在这里")
    client.force_login(applicant)
    support = client.get("/support/").content.decode()
    assert 'id="support-unread">1<' in support and order.reference in support
    page = client.get(reverse("applicant:order", args=[order.pk])).content.decode()
    assert "回答在这里" in page and 'id="conversation"' in page
    assert 'id="support-unread"' not in client.get("/support/").content.decode()  # read on the order page


def test_another_organisation_sees_neither_the_conversation_nor_its_attachment(client, applicant, other_tenant, orders):
    order = orders.submitted()
    message = services.message_post(
        organisation=order.organisation, order=order, author=applicant, body="附件", uploads=[png()]
    )
    attachment = message.attachments.get()
    client.force_login(other_tenant)
    assert client.get(reverse("conversations:order", args=[order.pk])).status_code == 404
    assert client.get(reverse("conversations:order_messages", args=[order.pk])).status_code == 404
    assert client.get(reverse("conversations:attachment", args=[attachment.pk])).status_code == 404
    client.force_login(applicant)
    download = client.get(reverse("conversations:attachment", args=[attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"\x89PNG")
    assert events_matching(action="support.attachment_viewed").count() == 1


def test_staff_inbox_reply_with_a_canned_reply_assign_and_status(
    client, articles, applicant, reviewer, operator, orders
):
    order = orders.submitted()
    conversation = services.message_post(
        organisation=order.organisation, order=order, author=applicant, body="名称为什么被退回"
    ).conversation
    client.force_login(applicant)
    assert client.get(reverse("operator:inbox")).status_code == 403
    client.force_login(reviewer)
    assert client.get(reverse("operator:canned_replies")).status_code == 403  # operators keep them
    client.force_login(operator)
    saved = client.post(
        reverse("operator:canned_reply_new"),
        {
            "title_zh": "网站名称",
            "title_en": "Site name",
            "body_zh": "请参考帮助文章修改网站名称。",
            "body_en": "Please rename the site; see the article.",
            "articles": "reason-site-name-invalid",
            "active": "on",
            "position": "0",
        },
    )
    assert saved.status_code == 302
    client.force_login(reviewer)
    inbox = client.get(reverse("operator:inbox"), {"unread": "1"}).content.decode()
    assert order.reference in inbox and 'data-unread="1"' in inbox
    canned = selectors.canned_replies()[0]
    compose = client.get(reverse("operator:conversation_compose", args=[conversation.pk]), {"canned": canned.pk})
    assert "请参考帮助文章修改网站名称。" in compose.content.decode()  # the applicant reads Chinese
    reply = client.post(
        reverse("operator:conversation", args=[conversation.pk]),
        {"body": "请参考帮助文章修改网站名称。", "canned": canned.pk},
    )
    assert reply.status_code == 302
    staff_message = conversation.messages.get(side="staff")
    assert [a.slug for a in staff_message.articles.all()] == ["reason-site-name-invalid"]
    client.post(reverse("operator:conversation_status", args=[conversation.pk]), {"status": "resolved"})
    client.post(reverse("operator:conversation_assign", args=[conversation.pk]), {"assignee": ""})
    conversation.refresh_from_db()
    assert conversation.status == "resolved" and conversation.assignee is None
    review = client.get(reverse("review:order", args=[order.pk])).content.decode()
    assert 'id="conversation-reply"' in review and "名称为什么被退回" in review


def test_a_reviewer_can_write_first_on_an_order_from_the_review_page(client, reviewer, orders):
    order = orders.submitted()
    client.force_login(reviewer)
    sent = client.post(
        reverse("operator:order_reply", args=[order.pk]),
        {"body": "请补充说明。", "next": reverse("review:order", args=[order.pk]) + "#conversation"},
    )
    assert sent.status_code == 302 and sent["Location"].endswith(f"/review/orders/{order.pk}/#conversation")
    assert order.conversation.messages.get().side == "staff"


def test_on_the_review_page_the_canned_reply_fills_the_box_that_belongs_to_the_reply_form(
    client, articles, applicant, reviewer, orders
):
    services.canned_replies_load()
    order = orders.submitted()
    client.force_login(reviewer)
    canned = selectors.canned_replies()[0]
    before = client.get(reverse("operator:order_compose", args=[order.pk]), {"canned": canned.pk}).content.decode()
    assert 'form="conversation-reply"' in before and canned.body_zh in before
    conversation = services.message_post(
        organisation=order.organisation, order=order, author=applicant, body="?"
    ).conversation
    page = client.get(reverse("review:order", args=[order.pk])).content.decode()
    assert f"/operator/support/{conversation.pk}/compose/?in=review" in page
    after = client.get(
        reverse("operator:conversation_compose", args=[conversation.pk]), {"in": "review", "canned": canned.pk}
    ).content.decode()
    assert 'form="conversation-reply"' in after and canned.body_zh in after
