"""What the help centre shows: the article a wizard step, material, filing type, rejection reason
or rule finding opens; the index; a province's requirement page built from the reference data.

Online customer service: an organisation's conversations (only its own), staff's inbox (every
organisation's), the messages of one, what each side has not read yet, an attachment for a reader
allowed to see it, and the canned replies."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from beian.accounts.models import User
from beian.materials.models import MaterialRequirement
from beian.materials.requirements import split_slot
from beian.reference import snapshot
from beian.reference.models import Province
from beian.rules.registry import RULES
from beian.support import text
from beian.support.models import (
    Article,
    CannedReply,
    Conversation,
    ConversationAttachment,
    ConversationMessage,
    Course,
)

# the short names the "?" links use for each kind
LINK_KINDS = {
    "step": Article.Kind.STEP,
    "material": Article.Kind.MATERIAL,
    "filing_type": Article.Kind.FILING_TYPE,
    "reason": Article.Kind.REJECTION_REASON,
}


def published() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


def article_for(kind: str, key: str) -> Article | None:
    """The published article a "?" of `kind` (step, material, filing_type, reason, rule) opens."""
    if kind == "rule":
        explicit = next((a for a in published().exclude(rule_codes=[]) if key in a.rule_codes), None)
        if explicit is not None:
            return explicit
        rule = RULES.get(key)
        return article_for("reason", rule.prevents) if rule and rule.prevents else None
    if kind == "material":
        key = split_slot(key)[0]  # owner_id_front__1 -> owner_id_front
    article_kind = LINK_KINDS.get(kind)
    if article_kind is None:
        return None
    return published().filter(kind=article_kind, key=key).first()


def help_url(kind: str, key: str) -> str:
    """Where a "?" goes: the matching article; for a rule without one, its catalogue entry; else
    a search for the key."""
    article = article_for(kind, key)
    if article is not None:
        return reverse("support:article", args=[article.slug])
    if kind == "rule" and key in RULES:
        return reverse("support:rules") + "#" + key
    return reverse("support:search") + "?q=" + key


def index_sections() -> dict[str, list[Article]]:
    sections: dict[str, list[Article]] = {k: [] for k in Article.Kind.values}
    for article in published().only("slug", "kind", "key", "title_zh", "title_en", "position"):
        sections[article.kind].append(article)
    return sections


def courses() -> list[Course]:
    return list(Course.objects.annotate(article_count=Count("items")))


def course_neighbours(article: Article) -> list[dict]:
    """For each course the article is in: the course and the previous and next article."""
    out = []
    for item in article.course_items.select_related("course"):
        items = list(item.course.items.select_related("article").filter(article__published=True))
        index = next(i for i, x in enumerate(items) if x.pk == item.pk)
        out.append(
            {
                "course": item.course,
                "position": index + 1,
                "count": len(items),
                "previous": items[index - 1].article if index > 0 else None,
                "next": items[index + 1].article if index + 1 < len(items) else None,
            }
        )
    return out


def rules_for_article(article: Article) -> list:
    """The rules that catch an article's problem before submission (its reason's or listed ones)."""
    codes = set(article.rule_codes)
    return sorted(
        (
            r
            for r in RULES.values()
            if r.code in codes or (article.kind == "rejection_reason" and r.prevents == article.key)
        ),
        key=lambda r: r.code,
    )


def summary(article: Article, language: str, length: int = 120) -> str:
    lines = text.plain(article.body(language)).splitlines()
    if article.kind == Article.Kind.REJECTION_REASON:
        lines = lines[1:]  # the reason itself, which the title already says
    plain = " ".join(" ".join(lines).split())
    return plain if len(plain) <= length else plain[: length - 1] + "…"


# --- provinces ------------------------------------------------------------------------------------


def provinces() -> list[Province]:
    return list(Province.objects.all())


def province_page(code: str, language: str) -> dict | None:
    """What differs in one province, from the reference data: the principal and phone rules, the
    domain validity and review time, the materials the province adds, its notes."""
    province = Province.objects.filter(code=code).first()
    if province is None:
        return None
    entry = province.to_seed()
    materials_seed = snapshot.setting("materials") or {}
    requirements = [r for r in MaterialRequirement.objects.all() if code in (r.provinces or [])]
    ref = snapshot.current()
    return {
        "province": province,
        "name": province.localized_name,
        "entry": entry,
        "requirements": [{"label": r.label(language), "help": r.help(language), "req": r} for r in requirements],
        "extras": materials_seed.get("province_extras", {}).get(code, []),
        "domain_certificate": (materials_seed.get("domain_certificate_provinces") or {}).get(code, ""),
        "website_authorisation": entry.get("website_principal_authorization_if_not_legal_rep"),
        "personal_notes": entry.get("personal_notes", []),
        "org_notes": entry.get("org_notes", []),
        "empty_shell_can_add": entry.get("empty_shell_subject_can_add_website"),
        "reason_cross_province": ref.rejection_text("CROSS_PROVINCE_PERSON", language)
        or ref.rejection_text("CROSS_PROVINCE_PERSON"),
    }


# --- online customer service ------------------------------------------------------------------------

STAFF = ConversationMessage.Side.STAFF
APPLICANT = ConversationMessage.Side.APPLICANT


def _unread_count(side: str, marker: str) -> Coalesce:
    """Per conversation: messages of `side` after the reader's marker (the other side's field)."""
    return Coalesce(
        Subquery(
            ConversationMessage.objects.filter(conversation=OuterRef("pk"), side=side, pk__gt=OuterRef(marker))
            .order_by()
            .values("conversation")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def conversation_of_order(order) -> Conversation | None:
    return Conversation.objects.filter(order=order).first()


def general_conversation(organisation) -> Conversation | None:
    return Conversation.objects.filter(organisation=organisation, order__isnull=True).first()


def organisation_conversations(organisation) -> list[Conversation]:
    """The organisation's conversations, newest first, each with `unread` (staff's messages the
    applicant's side has not read)."""
    return list(
        Conversation.objects.filter(organisation=organisation)
        .select_related("order__website")
        .annotate(unread=_unread_count(STAFF, "applicant_read_upto"))
    )


def applicant_unread(organisation) -> int:
    """Staff's messages to the organisation that its side has not read (the nav's badge)."""
    if organisation is None:
        return 0
    return ConversationMessage.objects.filter(
        conversation__organisation=organisation, side=STAFF, pk__gt=F("conversation__applicant_read_upto")
    ).count()


def staff_unread() -> int:
    """Applicants' messages no staff member has read yet (the inbox's badge)."""
    return ConversationMessage.objects.filter(side=APPLICANT, pk__gt=F("conversation__staff_read_upto")).count()


def unread_of(conversation: Conversation | None, *, staff: bool) -> int:
    if conversation is None:
        return 0
    if staff:
        return conversation.messages.filter(side=APPLICANT, pk__gt=conversation.staff_read_upto).count()
    return conversation.messages.filter(side=STAFF, pk__gt=conversation.applicant_read_upto).count()


def conversation_for_staff(pk) -> Conversation:
    conversation = (
        Conversation.objects.select_related("organisation", "order__website", "assignee").filter(pk=pk).first()
    )
    if conversation is None:
        raise Http404
    return conversation


def messages_of(conversation: Conversation | None) -> list[ConversationMessage]:
    if conversation is None:
        return []
    return list(conversation.messages.select_related("author").prefetch_related("attachments", "articles"))


INBOX_FILTERS = ("status", "assignee", "unread", "overdue")


def inbox(*, user, now, status: str = "", assignee: str = "", unread: bool = False, overdue: bool = False):
    """Staff's inbox over every organisation: `status` one of Conversation.Status; `assignee`
    "me", "none" or a user's pk; only those with unread applicant messages; only those whose
    first-response target passed. Each row has `unread`; overdue ones first, then the newest."""
    rows = Conversation.objects.select_related("organisation", "order", "assignee").annotate(
        unread=_unread_count(APPLICANT, "staff_read_upto")
    )
    if status in Conversation.Status.values:
        rows = rows.filter(status=status)
    if assignee == "me":
        rows = rows.filter(assignee=user)
    elif assignee == "none":
        rows = rows.filter(assignee__isnull=True)
    elif assignee.isdigit():
        rows = rows.filter(assignee_id=int(assignee))
    if unread:
        rows = rows.filter(unread__gt=0)
    if overdue:
        rows = rows.filter(response_due_at__lt=now)
    return rows.order_by(F("response_due_at").asc(nulls_last=True), "-last_message_at", "-pk")


def attachment_for(user, pk) -> ConversationAttachment:
    """An attachment its reader may open: staff any; an applicant only their organisations'."""
    rows = ConversationAttachment.objects.select_related("message__conversation")
    if not getattr(user, "is_reviewer", False):
        rows = rows.filter(organisation__memberships__user=user)
    attachment = rows.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def applicant_language(organisation, conversation: Conversation | None = None) -> str:
    """The language to answer the applicant in: of whoever last wrote on their side, else of the
    organisation's first member (the site's default when neither chose one)."""
    last = (
        conversation.messages.filter(side=APPLICANT, author__isnull=False).select_related("author").last()
        if conversation is not None
        else None
    )
    user = last.author if last else None
    if user is None or not user.language:
        membership = organisation.memberships.select_related("user").order_by("pk").first()
        user = membership.user if membership else user
    return (user.language if user else "") or settings.LANGUAGE_CODE


def canned_replies(*, active_only: bool = True) -> list[CannedReply]:
    rows = CannedReply.objects.prefetch_related("articles")
    return list(rows.filter(active=True) if active_only else rows)


def staff_members():
    """Who a conversation can be assigned to."""
    return User.objects.filter(Q(role=User.Role.REVIEWER) | Q(role=User.Role.OPERATOR), is_active=True).order_by(
        "username"
    )
