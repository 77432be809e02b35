"""Staff's side of online customer service: the inbox over every organisation (filter by status,
assignee, unread, overdue), one conversation (reply, starting from a canned reply; assign; set
the status), the reply from the reviewer's order page, the message lists the pages poll, and the
canned replies operators keep. Reviewers and operators answer; operators edit canned replies.
Views parse, call one support service or selector, render."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from beian.accounts.permissions import operator_required, reviewer_required
from beian.core import clock
from beian.core.views import attempt
from beian.filings.models import Order
from beian.support import selectors, services
from beian.support.models import Article, CannedReply, Conversation
from beian.support.panel import panel, poll


def _canned(request, source) -> CannedReply | None:
    pk = source.get("canned", "")
    return CannedReply.objects.filter(pk=pk, active=True).first() if pk.isdigit() else None


def _reply(request, conversation_or_order: Conversation | Order) -> bool:
    if isinstance(conversation_or_order, Conversation):
        order, organisation = conversation_or_order.order, conversation_or_order.organisation
    else:
        order, organisation = conversation_or_order, conversation_or_order.organisation
    return attempt(
        request,
        lambda: services.message_post(
            organisation=organisation,
            order=order,
            author=request.user,
            body=request.POST.get("body", ""),
            uploads=request.FILES.getlist("attachments"),
            canned_reply=_canned(request, request.POST),
        ),
        _("Reply sent; the applicant is notified."),
    )


def _next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@reviewer_required
@never_cache
def inbox(request):
    filters = {
        "status": request.GET.get("status", ""),
        "assignee": request.GET.get("assignee", ""),
        "unread": request.GET.get("unread") == "1",
        "overdue": request.GET.get("overdue") == "1",
    }
    now = clock.now()
    rows = list(selectors.inbox(user=request.user, now=now, **filters)[:200])
    return render(
        request,
        "operator/support_inbox.html",
        {
            "rows": rows,
            "filters": filters,
            "statuses": Conversation.Status.choices,
            "staff": selectors.staff_members(),
            "now": now,
            "policy": services.support_policy(),
        },
    )


def conversation_panel(request, conversation, *, order=None, body: str = "", canned=None, inbox_link=False) -> str:
    """A conversation (or, before its first message, an order's) as staff see it, rendered."""
    if conversation is not None:
        poll_url = reverse("operator:conversation_messages", args=[conversation.pk])
        post_url = reverse("operator:conversation", args=[conversation.pk])
        compose_url = reverse("operator:conversation_compose", args=[conversation.pk])
        if inbox_link:  # on the reviewer's page the compose box's inputs belong to the reply form
            compose_url += "?in=review"
    else:
        poll_url = reverse("operator:order_messages", args=[order.pk])
        post_url = reverse("operator:order_reply", args=[order.pk])
        compose_url = reverse("operator:order_compose", args=[order.pk])
    context = panel(
        conversation=conversation,
        viewer=request.user,
        heading=_("Conversation with the applicant"),
        poll_url=poll_url,
        post_url=post_url,
        compose_url=compose_url,
        next_url=request.get_full_path() + "#conversation",
        form_id="conversation-reply" if inbox_link else "",
        body=body,
        canned=canned,
        inbox_link=inbox_link,
    )
    html = render_to_string("support/_conversation.html", context, request=request)
    if conversation is not None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return html


def order_panel(request, order) -> dict:
    """For the reviewer's order page: the panel (its inputs belong to the form `reply_form`
    renders after the review form: forms cannot nest) and that form's action."""
    conversation = selectors.conversation_of_order(order)
    return {
        "conversation_html": conversation_panel(request, conversation, order=order, inbox_link=True),
        "conversation_post_url": reverse("operator:conversation", args=[conversation.pk])
        if conversation
        else reverse("operator:order_reply", args=[order.pk]),
    }


@reviewer_required
@never_cache
def conversation(request, pk):
    conversation = selectors.conversation_for_staff(pk)
    body, canned = "", None
    if request.method == "POST":
        body, canned = request.POST.get("body", ""), _canned(request, request.POST)
        if _reply(request, conversation):
            return redirect(_next(request, reverse("operator:conversation", args=[conversation.pk])))
        conversation.refresh_from_db()
    return render(
        request,
        "operator/support_conversation.html",
        {
            "conversation": conversation,
            "conversation_html": conversation_panel(request, conversation, body=body, canned=canned),
            "statuses": Conversation.Status.choices,
            "staff": selectors.staff_members(),
        },
    )


@reviewer_required
@require_POST
def order_reply(request, pk):
    """The first reply on an order nobody has asked about yet (from the reviewer's order page)."""
    order = get_object_or_404(Order, pk=pk)
    existing = selectors.conversation_of_order(order)
    _reply(request, existing or order)
    return redirect(_next(request, reverse("review:order", args=[order.pk]) + "#conversation"))


@reviewer_required
@never_cache
def conversation_messages(request, pk):
    conversation = selectors.conversation_for_staff(pk)
    return _poll(request, conversation, reverse("operator:conversation_messages", args=[pk]))


@reviewer_required
@never_cache
def order_messages(request, pk):
    order = get_object_or_404(Order, pk=pk)
    return _poll(request, selectors.conversation_of_order(order), reverse("operator:order_messages", args=[pk]))


def _poll(request, conversation, poll_url: str):
    response = render(
        request, "support/_messages.html", poll(conversation=conversation, viewer=request.user, poll_url=poll_url)
    )
    if conversation is not None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return response


def _compose(request, conversation, organisation, form_id: str):
    """The compose box filled with a canned reply in the applicant's language (HTMX)."""
    canned = _canned(request, request.GET)
    language = selectors.applicant_language(organisation, conversation)
    context = panel(
        conversation=conversation,
        viewer=request.user,
        heading="",
        poll_url="",
        compose_url=request.path,
        form_id=form_id,
        body=canned.body(language) if canned else "",
        canned=canned,
    )
    return render(request, "support/_compose.html", context)


@reviewer_required
def conversation_compose(request, pk):
    conversation = selectors.conversation_for_staff(pk)
    form_id = "conversation-reply" if request.GET.get("in") == "review" else ""
    return _compose(request, conversation, conversation.organisation, form_id)


@reviewer_required
def order_compose(request, pk):
    order = get_object_or_404(Order.objects.select_related("organisation"), pk=pk)
    return _compose(request, None, order.organisation, "conversation-reply")


@reviewer_required
@require_POST
def conversation_assign(request, pk):
    conversation = selectors.conversation_for_staff(pk)
    value = request.POST.get("assignee", "")
    if value == "me":
        assignee = request.user
    elif value.isdigit():
        assignee = selectors.staff_members().filter(pk=int(value)).first()
        if assignee is None:
            raise Http404
    else:
        assignee = None
    attempt(
        request,
        lambda: services.conversation_assign(conversation=conversation, assignee=assignee, actor=request.user),
        _("Assignment saved."),
    )
    return redirect("operator:conversation", pk=conversation.pk)


@reviewer_required
@require_POST
def conversation_status(request, pk):
    conversation = selectors.conversation_for_staff(pk)
    attempt(
        request,
        lambda: services.conversation_set_status(
            conversation=conversation, status=request.POST.get("status", ""), actor=request.user
        ),
        _("Status saved."),
    )
    return redirect("operator:conversation", pk=conversation.pk)


# --- canned replies ----------------------------------------------------------------------------------


@operator_required
def canned_replies(request):
    return render(request, "operator/canned_replies.html", {"rows": selectors.canned_replies(active_only=False)})


@operator_required
def canned_reply_edit(request, pk=None):
    reply = get_object_or_404(CannedReply, pk=pk) if pk is not None else None
    fields = ("title_zh", "title_en", "body_zh", "body_en")
    values = {f: getattr(reply, f, "") for f in fields} | {
        "articles": " ".join(a.slug for a in reply.articles.all()) if reply else "",
        "active": reply.active if reply else True,
        "position": reply.position if reply else 0,
    }
    if request.method == "POST":
        values = {f: request.POST.get(f, "") for f in fields} | {
            "articles": request.POST.get("articles", ""),
            "active": request.POST.get("active") == "on",
            "position": request.POST.get("position", "0"),
        }
        position = int(values["position"]) if str(values["position"]).isdigit() else 0
        if attempt(
            request,
            lambda: services.canned_reply_save(
                reply=reply,
                article_slugs=str(values["articles"]).replace(",", " ").split(),
                active=bool(values["active"]),
                position=position,
                actor=request.user,
                **{f: str(values[f]) for f in fields},
            ),
            _("Canned reply saved."),
        ):
            return redirect("operator:canned_replies")
    return render(
        request,
        "operator/canned_reply_edit.html",
        {
            "reply": reply,
            "values": values,
            "articles": Article.objects.filter(published=True).only("slug", "title_zh", "title_en"),
        },
    )
