"""Customer service for the applicant: `/api/v1/support/...` — the conversation about one order
(`/orders/{order_id}/messages`) and the organisation's general one (`/messages`): read the messages,
post one (text; attachments go through the web pages, where they are sanitised as materials are).
Auth as every applicant call (bearer token or session); only the caller's organisation's
conversations. Services: beian.support.services (message_post), selectors: beian.support.selectors.
"""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import get_language
from ninja import Field, Router, Schema

from beian.api.common import BODY_ERRORS, IDEMPOTENCY_KEY, ORDER_ERRORS, idempotent, tenant
from beian.filings import selectors as filings
from beian.support import selectors, services

router = Router(tags=["support"])


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str = Field(description="Opens the file in a signed-in session (every opening is audited).")


class ArticleLinkOut(Schema):
    slug: str
    title: str
    url: str


class MessageOut(Schema):
    id: int
    side: str = Field(description="`applicant` or `staff` (customer service)")
    author: str = Field(description="The applicant's user name; empty for customer service")
    body: str
    created_at: datetime
    attachments: list[AttachmentOut]
    articles: list[ArticleLinkOut] = Field(description="Help articles customer service linked")


class ConversationOut(Schema):
    id: int | None = Field(description="None before the first message")
    order_id: int | None
    status: str = Field(description="`open` (customer service's turn), `waiting` (yours) or `resolved`")
    unread: int = Field(description="Customer service's messages your side has not read on the web pages")
    messages: list[MessageOut]


class MessageIn(Schema):
    body: str = Field(min_length=1, max_length=20000)


def _message_out(message) -> dict:
    language = get_language() or "zh-hans"
    staff = message.side == "staff"
    return {
        "id": message.pk,
        "side": message.side,
        "author": "" if staff or message.author is None else message.author.get_username(),
        "body": message.body or "",
        "created_at": message.created_at,
        "attachments": [
            {
                "id": a.pk,
                "name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "url": reverse("conversations:attachment", args=[a.pk]),
            }
            for a in message.attachments.all()
        ],
        "articles": [
            {"slug": a.slug, "title": a.title(language), "url": reverse("support:article", args=[a.slug])}
            for a in message.articles.all()
        ],
    }


def _conversation_out(conversation, order=None) -> dict:
    return {
        "id": conversation.pk if conversation else None,
        "order_id": order.pk if order is not None else None,
        "status": conversation.status if conversation else "open",
        "unread": selectors.unread_of(conversation, staff=False),
        "messages": [_message_out(m) for m in selectors.messages_of(conversation)],
    }


@router.get(
    "/orders/{order_id}/messages",
    response={200: ConversationOut, **ORDER_ERRORS},
    operation_id="support_order_conversation",
    summary="The conversation with customer service about one order",
)
def order_conversation(request, order_id: int):
    order = filings.order_for_organisation(tenant(request), order_id)
    return _conversation_out(selectors.conversation_of_order(order), order)


@router.post(
    "/orders/{order_id}/messages",
    response={201: MessageOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="support_order_message_post",
    summary="Ask customer service about one order",
    description="Customer service answers within the first-response target in working hours; you are notified. "
    "422 `support.too_long` over the length the operators set.",
)
def order_message_post(request, order_id: int, payload: MessageIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    organisation = tenant(request)
    order = filings.order_for_organisation(organisation, order_id)

    def produce():
        message = services.message_post(organisation=organisation, order=order, author=request.user, body=payload.body)
        return 201, _message_out(message)

    return idempotent(request, f"support.orders.{order_id}.messages", produce, idempotency_key)


@router.get(
    "/messages",
    response={200: ConversationOut, **ORDER_ERRORS},
    operation_id="support_general_conversation",
    summary="The organisation's general conversation with customer service",
)
def general_conversation(request):
    return _conversation_out(selectors.general_conversation(tenant(request)))


@router.post(
    "/messages",
    response={201: MessageOut, **ORDER_ERRORS, **BODY_ERRORS},
    operation_id="support_general_message_post",
    summary="Ask customer service a question not about one order",
)
def general_message_post(request, payload: MessageIn, idempotency_key: str | None = IDEMPOTENCY_KEY):
    organisation = tenant(request)

    def produce():
        message = services.message_post(organisation=organisation, author=request.user, body=payload.body)
        return 201, _message_out(message)

    return idempotent(request, "support.messages", produce, idempotency_key)
