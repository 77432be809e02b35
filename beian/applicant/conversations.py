"""The applicant's side of online customer service: the support page (the organisation's
conversations and its general one), an order's conversation (also shown on the order page), and
the message lists the pages poll. Views parse, call one support service or selector, render."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from beian.accounts.permissions import applicant_required
from beian.core.views import attempt
from beian.filings import selectors as filings
from beian.support import selectors, services
from beian.support.panel import panel, poll


def _next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _post(request, *, order=None) -> bool:
    return attempt(
        request,
        lambda: services.message_post(
            organisation=request.organisation,
            order=order,
            author=request.user,
            body=request.POST.get("body", ""),
            uploads=request.FILES.getlist("attachments"),
        ),
        _("Message sent. We answer in working hours; you will be notified."),
    )


def order_panel(request, order, *, body: str = "") -> str:
    """The order's conversation as the order page shows it (rendered; its side marked read)."""
    conversation = selectors.conversation_of_order(order)
    html = render_to_string(
        "support/_conversation.html",
        panel(
            conversation=conversation,
            viewer=request.user,
            heading=_("Questions about this order"),
            poll_url=reverse("conversations:order_messages", args=[order.pk]),
            post_url=reverse("conversations:order", args=[order.pk]),
            next_url=reverse("applicant:order", args=[order.pk]) + "#conversation",
            body=body,
        ),
        request=request,
    )
    if conversation is not None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return html


@applicant_required
@never_cache
def general(request):
    """The organisation's conversations (the unread ones first) and its general conversation."""
    organisation = request.organisation
    body = ""
    if request.method == "POST":
        body = request.POST.get("body", "")
        if _post(request):
            return redirect(_next(request, reverse("conversations:general")))
    conversation = selectors.general_conversation(organisation)
    html = render_to_string(
        "support/_conversation.html",
        panel(
            conversation=conversation,
            viewer=request.user,
            heading=_("Ask customer service"),
            poll_url=reverse("conversations:general_messages"),
            post_url=reverse("conversations:general"),
            body=body,
        ),
        request=request,
    )
    if conversation is not None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    rows = [c for c in selectors.organisation_conversations(organisation) if c.order_id]
    return render(request, "applicant/support.html", {"conversation_html": html, "rows": rows})


@applicant_required
@never_cache
def order_conversation(request, pk):
    order = filings.order_for_organisation(request.organisation, pk)
    body = ""
    if request.method == "POST":
        body = request.POST.get("body", "")
        if _post(request, order=order):
            return redirect(_next(request, reverse("conversations:order", args=[order.pk])))
    return render(
        request,
        "applicant/conversation.html",
        {"order": order, "conversation_html": order_panel(request, order, body=body)},
    )


@applicant_required
@never_cache
def general_messages(request):
    conversation = selectors.general_conversation(request.organisation)
    return _poll(request, conversation, reverse("conversations:general_messages"))


@applicant_required
@never_cache
def order_messages(request, pk):
    order = filings.order_for_organisation(request.organisation, pk)
    return _poll(request, selectors.conversation_of_order(order), reverse("conversations:order_messages", args=[pk]))


def _poll(request, conversation, poll_url: str):
    response = render(
        request, "support/_messages.html", poll(conversation=conversation, viewer=request.user, poll_url=poll_url)
    )
    if conversation is not None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return response
