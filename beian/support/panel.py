"""The conversation panel's template context (support/_conversation.html), one way for every page
that shows it: the applicant's order page and support page, the reviewer's order page, staff's
inbox. The page's view passes its URLs; the panel reads the messages, what is unread for the
viewer's side, the upload limits and, for staff, the canned replies."""

from __future__ import annotations

from beian.core import clock
from beian.support import selectors, services
from beian.support.models import CannedReply, Conversation, ConversationMessage


def panel(
    *,
    conversation: Conversation | None,
    viewer,
    heading: str,
    poll_url: str,
    post_url: str = "",
    compose_url: str = "",
    next_url: str = "",
    form_id: str = "",
    body: str = "",
    canned: CannedReply | None = None,
    inbox_link: bool = False,
) -> dict:
    staff = services.is_staff(viewer)
    policy = services.support_policy()
    formats = [f.upper() for f in policy.attachment_formats]
    return {
        "conversation": conversation,
        "messages": selectors.messages_of(conversation),
        "unread": selectors.unread_of(conversation, staff=staff),
        "heading": heading,
        "poll_url": poll_url,
        "post_url": post_url,
        "compose_url": compose_url,
        "next": next_url,
        "form_id": form_id,
        "body": body,
        "canned": canned,
        "canned_replies": selectors.canned_replies() if staff else [],
        "staff_view": staff,
        "viewer_side": ConversationMessage.Side.STAFF if staff else ConversationMessage.Side.APPLICANT,
        "policy": policy,
        "formats": "/".join(formats),
        "accept": ",".join(f".{f.lower()}" for f in formats),
        "overdue": _overdue(conversation),
        "inbox_link": inbox_link,
    }


def _overdue(conversation: Conversation | None) -> bool:
    return bool(conversation and conversation.response_due_at and conversation.response_due_at < clock.now())


def poll(*, conversation: Conversation | None, viewer, poll_url: str) -> dict:
    """The status and the messages, for the page's polling (support/_messages.html)."""
    return {
        "conversation": conversation,
        "overdue": _overdue(conversation),
        "messages": selectors.messages_of(conversation),
        "poll_url": poll_url,
        "staff_view": services.is_staff(viewer),
        "viewer_side": ConversationMessage.Side.STAFF
        if services.is_staff(viewer)
        else ConversationMessage.Side.APPLICANT,
    }
