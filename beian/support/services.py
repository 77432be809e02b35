"""Help-centre state changes: an operator's edit of an article (a revision kept each time, audited),
restoring an earlier revision, and loading the seed articles and courses from data/.

Online customer service: a message posted by the applicant or staff (attachments sanitised and
stored as material uploads are), assigning a conversation, setting its status, marking it read,
and the canned replies operators keep. Every change is audited; the other side hears of a message
through beian.notifications after the commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.accounts.models import User
from beian.core import audit, clock, workdays
from beian.core.exceptions import PermissionDenied, ValidationFailed
from beian.materials.checks.upload import SanitisedUpload, UploadRejected, inspect_upload
from beian.notifications.models import Kind as NotificationKind
from beian.notifications.services import Message, notify_users
from beian.reference import snapshot
from beian.support import search, text
from beian.support.models import (
    Article,
    ArticleRevision,
    CannedReply,
    Conversation,
    ConversationAttachment,
    ConversationMessage,
    Course,
    CourseItem,
)

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
TEXT_FIELDS = ("title_zh", "title_en", "body_zh", "body_en")
LANGUAGE_SPLIT = "<!-- en -->"


def _refresh_search_text(article: Article) -> None:
    article.search_text = text.index_text(
        article.title_zh, article.title_zh, article.title_en, article.title_en, article.body_zh, article.body_en
    )


def _reindex_if_stale(article: Article) -> None:
    """An article whose text did not change is found by the words the current segmentation gives (a
    new release may split words differently): its stored words are refreshed when they differ."""
    stored = article.search_text
    _refresh_search_text(article)
    if article.search_text != stored:
        article.save(update_fields=["search_text"])
        search.index_article(article)


def _add_revision(article: Article, *, actor=None, note: str = "") -> ArticleRevision:
    last = article.revisions.aggregate(n=Max("number"))["n"] or 0
    return ArticleRevision.objects.create(
        article=article,
        number=last + 1,
        saved_at=clock.now(),
        saved_by=actor,
        note=note,
        published=article.published,
        **{f: getattr(article, f) for f in TEXT_FIELDS},
    )


@transaction.atomic
def article_save(
    *,
    article: Article,
    title_zh: str,
    title_en: str,
    body_zh: str,
    body_en: str,
    published: bool,
    actor,
    note: str = "",
) -> Article:
    """An operator's edit: the new text becomes current and a revision; the loader will no longer
    overwrite this article. Nothing changes when a title or text is empty or nothing differs."""
    values = {
        "title_zh": title_zh.strip(),
        "title_en": title_en.strip(),
        "body_zh": body_zh.strip(),
        "body_en": body_en.strip(),
    }
    missing = [f for f, v in values.items() if not v]
    if missing:
        raise ValidationFailed(_("Every title and text is required, in Chinese and in English."), field=missing[0])
    article = Article.objects.select_for_update().get(pk=article.pk)
    if all(getattr(article, f) == v for f, v in values.items()) and article.published == published:
        return article
    for field, value in values.items():
        setattr(article, field, value)
    article.published = published
    article.edited_at = clock.now()
    _refresh_search_text(article)
    article.save(update_fields=[*TEXT_FIELDS, "published", "edited_at", "search_text", "updated_at"])
    revision = _add_revision(article, actor=actor, note=note or "edit")
    search.index_article(article)
    audit.record(
        action="support.article_edited",
        target=article,
        actor=actor,
        data={"slug": article.slug, "revision": revision.number, "published": published},
    )
    return article


def article_restore(*, article: Article, revision: ArticleRevision, actor) -> Article:
    """Make an earlier revision's text current again (as a new revision)."""
    if revision.article_id != article.pk:
        raise ValidationFailed(_("This revision belongs to another article."))
    return article_save(
        article=article,
        actor=actor,
        note=f"restore r{revision.number}",
        published=revision.published,
        **{f: getattr(revision, f) for f in TEXT_FIELDS},
    )


# --- the seed -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedArticle:
    slug: str
    kind: str
    key: str
    rule_codes: tuple[str, ...]
    position: int
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str

    @property
    def digest(self) -> str:
        raw = "\x00".join(
            [
                self.kind,
                self.key,
                " ".join(self.rule_codes),
                str(self.position),
                self.title_zh,
                self.title_en,
                self.body_zh,
                self.body_en,
            ]
        )
        return hashlib.sha256(raw.encode()).hexdigest()


def parse_article(source: str, *, name: str = "") -> SeedArticle:
    """One seed file: YAML front matter between `---` lines, the Chinese text, `<!-- en -->`, the
    English text."""
    if not source.startswith("---\n"):
        raise ValueError(f"{name}: no front matter")
    _, front, body = source.split("---\n", 2)
    meta = yaml.safe_load(front) or {}
    if LANGUAGE_SPLIT not in body:
        raise ValueError(f"{name}: no '{LANGUAGE_SPLIT}' line between the Chinese and English text")
    body_zh, body_en = (part.strip() for part in body.split(LANGUAGE_SPLIT, 1))
    if not (body_zh and body_en and meta.get("title_zh") and meta.get("title_en")):
        raise ValueError(f"{name}: a title or text is empty")
    if meta.get("kind") not in Article.Kind.values:
        raise ValueError(f"{name}: unknown kind {meta.get('kind')!r}")
    return SeedArticle(
        slug=str(meta["slug"]),
        kind=str(meta["kind"]),
        key=str(meta.get("key") or ""),
        rule_codes=tuple(meta.get("rules") or ()),
        position=int(meta.get("position") or 0),
        title_zh=str(meta["title_zh"]),
        title_en=str(meta["title_en"]),
        body_zh=body_zh,
        body_en=body_en,
    )


def read_seed(directory: Path | None = None) -> tuple[list[SeedArticle], list[dict]]:
    directory = directory or DATA_DIR
    articles = [
        parse_article(path.read_text(encoding="utf-8"), name=path.name)
        for path in sorted((directory / "articles").glob("*.md"))
    ]
    courses_path = directory / "courses.yaml"
    courses = yaml.safe_load(courses_path.read_text(encoding="utf-8")) if courses_path.exists() else []
    return articles, courses or []


@transaction.atomic
def articles_load(directory: Path | None = None) -> dict[str, int]:
    """Idempotent: insert missing articles, update those no operator edited since the last load
    (a revision each time), keep operator edits; then the courses (seed-owned, replaced)."""
    seed_articles, seed_courses = read_seed(directory)
    counts = {"created": 0, "updated": 0, "unchanged": 0, "kept operator edit": 0}
    for seed in seed_articles:
        fields = {
            "kind": seed.kind,
            "key": seed.key,
            "rule_codes": list(seed.rule_codes),
            "position": seed.position,
            "title_zh": seed.title_zh,
            "title_en": seed.title_en,
            "body_zh": seed.body_zh,
            "body_en": seed.body_en,
        }
        article = Article.objects.filter(slug=seed.slug).first()
        if article is None:
            article = Article(slug=seed.slug, seed_digest=seed.digest, **fields)
            _refresh_search_text(article)
            article.save()
            _add_revision(article, note="seed")
            counts["created"] += 1
        elif article.seed_digest == seed.digest:
            counts["unchanged"] += 1
            _reindex_if_stale(article)
            continue
        elif article.edited_at is not None:
            counts["kept operator edit"] += 1
            _reindex_if_stale(article)
            continue
        else:
            for field, value in fields.items():
                setattr(article, field, value)
            article.seed_digest = seed.digest
            _refresh_search_text(article)
            article.save()
            _add_revision(article, note="seed update")
            counts["updated"] += 1
        search.index_article(article)
    by_slug = {a.slug: a for a in Article.objects.all()}
    for position, course_seed in enumerate(seed_courses):
        course, _created = Course.objects.update_or_create(
            slug=course_seed["slug"],
            defaults={
                "position": position,
                **{k: course_seed.get(k, "") for k in ("title_zh", "title_en", "intro_zh", "intro_en")},
            },
        )
        course.items.all().delete()
        CourseItem.objects.bulk_create(
            CourseItem(course=course, article=by_slug[slug], position=i)
            for i, slug in enumerate(course_seed["articles"])
            if slug in by_slug
        )
    return counts


# --- online customer service ------------------------------------------------------------------------

SUPPORT_SETTING = "support"
# Product defaults when the reference setting lacks a value (the loader seeds them all).
SUPPORT_DEFAULTS = {
    "first_response_working_hours": 4,
    "opens": "09:00",
    "closes": "18:00",
    "attachment_formats": ["jpg", "png", "pdf"],
    "attachment_max_bytes": 10 * 1024 * 1024,
    "attachments_per_message": 5,
    "message_max_chars": 4000,
}


@dataclass(frozen=True)
class SupportPolicy:
    first_response_working_hours: float
    opens: dt.time
    closes: dt.time
    attachment_formats: tuple[str, ...]
    attachment_max_bytes: int
    attachments_per_message: int
    message_max_chars: int


def support_policy() -> SupportPolicy:
    """The operator's `support` reference setting over the product defaults."""
    stored = snapshot.setting(SUPPORT_SETTING) or {}
    values = {**SUPPORT_DEFAULTS, **(stored if isinstance(stored, dict) else {})}
    return SupportPolicy(
        first_response_working_hours=float(values["first_response_working_hours"]),
        opens=dt.time.fromisoformat(str(values["opens"])),
        closes=dt.time.fromisoformat(str(values["closes"])),
        attachment_formats=tuple(values["attachment_formats"]),
        attachment_max_bytes=int(values["attachment_max_bytes"]),
        attachments_per_message=int(values["attachments_per_message"]),
        message_max_chars=int(values["message_max_chars"]),
    )


def response_due(start: dt.datetime, policy: SupportPolicy | None = None) -> dt.datetime:
    """When staff should answer a message written at `start`: the first-response target counted
    in working hours of the mainland calendar (beian.core.workdays), in the site's time zone."""
    policy = policy or support_policy()
    return workdays.current_calendar().add_working_hours(
        timezone.localtime(start), policy.first_response_working_hours, opens=policy.opens, closes=policy.closes
    )


def is_staff(user) -> bool:
    return bool(getattr(user, "is_reviewer", False))


def _sanitised_attachments(uploads, policy: SupportPolicy) -> list[tuple[str, SanitisedUpload]]:
    """Each upload sniffed and sanitised as a material is (beian.materials.checks.upload), or a
    ValidationFailed naming the file; nothing is stored before every file passed."""
    uploads = [u for u in uploads if u]
    if len(uploads) > policy.attachments_per_message:
        raise ValidationFailed(
            _("Attach at most %(count)s files to one message.") % {"count": policy.attachments_per_message},
            code="support.too_many_attachments",
            field="attachments",
        )
    clean = []
    for upload in uploads:
        name = (getattr(upload, "name", "") or "upload")[:255]
        try:
            sanitised = inspect_upload(
                upload,
                declared_size=getattr(upload, "size", None),
                allowed_formats=list(policy.attachment_formats),
                max_bytes=policy.attachment_max_bytes,
                max_pixels=settings.MAX_IMAGE_PIXELS,
                max_side=settings.MAX_IMAGE_SIDE,
            )
        except UploadRejected as rejected:
            raise ValidationFailed(
                _("%(name)s: %(reason)s") % {"name": name, "reason": rejected.message(get_language() or "zh-hans")},
                code=rejected.code,
                field="attachments",
            ) from None
        clean.append((name, sanitised))
    return clean


def message_post(
    *,
    organisation,
    author,
    body: str,
    order=None,
    uploads=(),
    canned_reply: CannedReply | None = None,
) -> ConversationMessage:
    """Post a message to the conversation about `order` (or the organisation's general one),
    starting it if it is the first. The applicant's side must be a member of the organisation;
    staff are reviewers and operators. An applicant's message reopens the conversation and starts
    the first-response clock; staff's reply stops it and waits for the applicant."""
    staff = is_staff(author)
    if not staff and not author.memberships.filter(organisation=organisation).exists():
        raise PermissionDenied(_("Not found."), code="not_found")
    if order is not None and order.organisation_id != organisation.pk:
        raise PermissionDenied(_("Not found."), code="not_found")
    policy = support_policy()
    body = (body or "").strip()
    if len(body) > policy.message_max_chars:
        raise ValidationFailed(
            _("A message can have at most %(count)s characters; this one has %(length)s.")
            % {"count": policy.message_max_chars, "length": len(body)},
            code="support.too_long",
            field="body",
        )
    attachments = _sanitised_attachments(uploads, policy)
    if not body and not attachments:
        raise ValidationFailed(_("Write a message or attach a file."), code="support.empty", field="body")
    if canned_reply is not None and not staff:
        canned_reply = None
    now = clock.now()
    with transaction.atomic():
        conversation = _conversation_locked(organisation=organisation, order=order, now=now, actor=author)
        side = ConversationMessage.Side.STAFF if staff else ConversationMessage.Side.APPLICANT
        message = ConversationMessage.objects.create(
            conversation=conversation, side=side, author=author, body=body, created_at=now
        )
        if canned_reply is not None:
            message.articles.set(canned_reply.articles.filter(published=True))
        for name, clean in attachments:
            extension = {"jpeg": "jpg"}.get(clean.format, clean.format)
            path = f"support/{organisation.pk}/{conversation.pk}/{uuid.uuid4().hex}.{extension}"
            ConversationAttachment.objects.create(
                message=message,
                organisation=organisation,
                file=default_storage.save(path, ContentFile(clean.data)),
                original_name=name,
                content_type=clean.content_type,
                size=len(clean.data),
                sha256=clean.sha256,
            )
        fields = ["last_message_at"]
        conversation.last_message_at = now
        assigned = False
        if staff:
            conversation.staff_read_upto = message.pk
            fields.append("staff_read_upto")
            if conversation.first_response_at is None:
                conversation.first_response_at = now
                fields.append("first_response_at")
            if conversation.assignee_id is None:  # whoever answers first holds it
                conversation.assignee = author
                fields.append("assignee")
                assigned = True
            conversation.response_due_at = None
            conversation.status = Conversation.Status.WAITING
        else:
            conversation.applicant_read_upto = message.pk
            fields.append("applicant_read_upto")
            if conversation.response_due_at is None:
                conversation.response_due_at = response_due(now, policy)
            conversation.status = Conversation.Status.OPEN
        conversation.save(update_fields=[*fields, "response_due_at", "status"])
        audit.record(
            action="support.message_posted",
            target=conversation,
            actor=author,
            data={
                "message": message.pk,
                "order": conversation.order_id,
                "side": side,
                "attachments": [c.sha256 for _n, c in attachments],
                "canned_reply": canned_reply.pk if canned_reply else None,
                "assigned": assigned,
            },
        )
        transaction.on_commit(partial(message_notify, message_pk=message.pk))
    return message


def _conversation_locked(*, organisation, order, now, actor) -> Conversation:
    rows = Conversation.objects.select_for_update()
    existing = (
        rows.filter(order=order).first()
        if order is not None
        else rows.filter(organisation=organisation, order__isnull=True).first()
    )
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a concurrent first message may create it first
            conversation = Conversation.objects.create(organisation=organisation, order=order, created_at=now)
    except IntegrityError:  # it did (the unique constraint waited for its commit): post into that one
        return rows.get(order=order) if order is not None else rows.get(organisation=organisation, order__isnull=True)
    audit.record(
        action="support.conversation_started",
        target=conversation,
        actor=actor,
        data={"order": order.pk if order is not None else None},
    )
    return conversation


def conversation_link(conversation: Conversation, *, staff: bool) -> str:
    if staff:
        return reverse("operator:conversation", args=[conversation.pk])
    if conversation.order_id:
        return reverse("applicant:order", args=[conversation.order_id]) + "#conversation"
    return reverse("conversations:general")


def _compose_notice(message: ConversationMessage, *, staff_recipient: bool) -> Message:
    conversation = message.conversation
    order = conversation.order
    about = order.reference if order is not None else conversation.organisation.name
    if staff_recipient:
        title = _("New message from %(organisation)s about %(about)s") % {
            "organisation": conversation.organisation.name,
            "about": about,
        }
    else:
        title = _("Customer service replied about %(about)s") % {"about": about}
    # not the message's text: it is sealed at rest, and a notification or an email would keep a plain copy
    body = _("Open the conversation to read it and answer.")
    return Message(title, body, conversation_link(conversation, staff=staff_recipient))


def message_notify(*, message_pk: int) -> int:
    """After commit: tell the other side of a new message (in-app and email, their language).
    Staff's reply goes to the organisation's members; the applicant's message to the staff member
    holding the conversation, or to every reviewer and operator while nobody does."""
    try:
        message = ConversationMessage.objects.select_related(
            "conversation__organisation", "conversation__order", "conversation__assignee"
        ).get(pk=message_pk)
        conversation = message.conversation
        if message.side == ConversationMessage.Side.STAFF:
            users = [m.user for m in conversation.organisation.memberships.select_related("user").order_by("pk")]
        elif conversation.assignee is not None:
            users = [conversation.assignee]
        else:
            users = list(User.objects.filter(role__in=[User.Role.REVIEWER, User.Role.OPERATOR]).order_by("pk"))
        return notify_users(
            users=[u for u in users if u.pk != message.author_id],
            kind=NotificationKind.SUPPORT,
            dedupe_key=f"support-message-{message.pk}",
            compose=partial(
                _compose_notice, message, staff_recipient=message.side == ConversationMessage.Side.APPLICANT
            ),
            order=conversation.order,
        )
    except Exception:  # runs after the message committed: a failed notice must not undo it
        logger.exception("support: notifying message %s failed", message_pk)
        return 0


def attachment_viewed(*, attachment: ConversationAttachment, user) -> None:
    """Audit one opening of an attachment (it may show an ID card or a signed form)."""
    audit.record(
        action="support.attachment_viewed",
        target=attachment.message.conversation,
        actor=user,
        data={"attachment": attachment.pk, "message": attachment.message_id, "sha256": attachment.sha256},
    )


def conversation_assign(*, conversation: Conversation, assignee, actor) -> Conversation:
    """Give the conversation to a staff member (or to nobody: `assignee` None)."""
    if not is_staff(actor):
        raise PermissionDenied(_("Only customer service can assign conversations."))
    if assignee is not None and not is_staff(assignee):
        raise ValidationFailed(_("Conversations can only be assigned to reviewers or operators."), field="assignee")
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        before = conversation.assignee_id
        if before == (assignee.pk if assignee else None):
            return conversation
        conversation.assignee = assignee
        conversation.save(update_fields=["assignee"])
        audit.record(
            action="support.conversation_assigned",
            target=conversation,
            actor=actor,
            data={"from": before, "to": assignee.pk if assignee else None},
        )
    return conversation


def conversation_set_status(*, conversation: Conversation, status: str, actor) -> Conversation:
    """Staff set open, waiting for the applicant, or resolved. Resolved or waiting, nothing is due."""
    if not is_staff(actor):
        raise PermissionDenied(_("Only customer service can change a conversation's status."))
    if status not in Conversation.Status.values:
        raise ValidationFailed(_("Choose a status."), field="status")
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        before = conversation.status
        if before == status:
            return conversation
        conversation.status = status
        if status != Conversation.Status.OPEN:
            conversation.response_due_at = None
        conversation.save(update_fields=["status", "response_due_at"])
        audit.record(
            action="support.conversation_status",
            target=conversation,
            actor=actor,
            data={"from": before, "to": status},
        )
    return conversation


def conversation_mark_read(*, conversation: Conversation, user) -> bool:
    """The reader's side has read every message so far (staff share one marker). Not audited:
    the message list polls every few seconds; only a change is written."""
    last = conversation.messages.aggregate(n=Max("pk"))["n"] or 0
    field = "staff_read_upto" if is_staff(user) else "applicant_read_upto"
    return bool(Conversation.objects.filter(pk=conversation.pk, **{f"{field}__lt": last}).update(**{field: last}))


def canned_replies_load(directory: Path | None = None) -> int:
    """The seed's canned replies (data/canned_replies.yaml), on a database that has none yet: the
    operators' own afterwards, never overwritten. Returns how many were created."""
    if CannedReply.objects.exists():
        return 0
    path = (directory or DATA_DIR) / "canned_replies.yaml"
    seed = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    with transaction.atomic():
        for position, entry in enumerate(seed or []):
            reply = CannedReply.objects.create(
                position=position, **{f: entry[f].strip() for f in ("title_zh", "title_en", "body_zh", "body_en")}
            )
            reply.articles.set(Article.objects.filter(slug__in=entry.get("articles") or []))
    return len(seed or [])


def canned_reply_save(
    *,
    reply: CannedReply | None,
    title_zh: str,
    title_en: str,
    body_zh: str,
    body_en: str,
    article_slugs: list[str],
    active: bool,
    position: int,
    actor,
) -> CannedReply:
    """An operator creates (reply None) or edits a canned reply; both languages are required, and
    every article it links must exist."""
    values = {
        "title_zh": title_zh.strip(),
        "title_en": title_en.strip(),
        "body_zh": body_zh.strip(),
        "body_en": body_en.strip(),
    }
    missing = [f for f, v in values.items() if not v]
    if missing:
        raise ValidationFailed(_("Every title and text is required, in Chinese and in English."), field=missing[0])
    slugs = sorted({s.strip() for s in article_slugs if s.strip()})
    articles = list(Article.objects.filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {a.slug for a in articles})
    if unknown:
        raise ValidationFailed(
            _("No help article has the slug %(slugs)s.") % {"slugs": ", ".join(unknown)}, field="articles"
        )
    with transaction.atomic():
        if reply is None:
            reply = CannedReply.objects.create(**values, active=active, position=position)
            action = "support.canned_reply_created"
        else:
            reply = CannedReply.objects.select_for_update().get(pk=reply.pk)
            for field, value in values.items():
                setattr(reply, field, value)
            reply.active, reply.position = active, position
            reply.save(update_fields=[*values, "active", "position", "updated_at"])
            action = "support.canned_reply_edited"
        reply.articles.set(articles)
        audit.record(
            action=action, target=reply, actor=actor, data={"articles": slugs, "active": active, "position": position}
        )
    return reply
