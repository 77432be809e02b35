"""Help centre: articles (per wizard step, material, filing type, rejection reason, FAQ), their
revisions, and short courses (ordered articles). Seeded from data/articles/*.md by the loader;
operators edit them in Markdown, every save keeps a revision.

Online customer service: a conversation per order (and one general conversation per organisation)
between the applicant and staff; its messages (text sealed at rest, attachments sanitised as
material uploads are and stored sealed), and the canned replies operators keep."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beian.core.crypto import EncryptedTextField


class Article(models.Model):
    class Kind(models.TextChoices):
        STEP = "step", _("Wizard step")
        MATERIAL = "material", _("Material")
        FILING_TYPE = "filing_type", _("Filing type")
        REJECTION_REASON = "rejection_reason", _("Rejection reason")
        FAQ = "faq", _("Question")
        GUIDE = "guide", _("Guide")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # what the article explains: a wizard step key, a material slot, a filing type code or a
    # rejection reason code (per kind); blank for questions and guides
    key = models.CharField(_("key"), max_length=60, blank=True, db_index=True)
    rule_codes = models.JSONField(
        _("rule codes"), default=list, blank=True, help_text=_("Rule findings whose “?” opens this article.")
    )
    title_zh = models.CharField(_("title (zh)"), max_length=200)
    title_en = models.CharField(_("title (en)"), max_length=200)
    body_zh = models.TextField(_("text (zh, Markdown)"))
    body_en = models.TextField(_("text (en, Markdown)"))
    published = models.BooleanField(_("published"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # the segmented words of both languages (titles twice), what full-text search matches
    search_text = models.TextField(editable=False, default="")
    seed_digest = models.CharField(max_length=64, blank=True, editable=False)
    edited_at = models.DateTimeField(_("edited by operator at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "position", "slug"]
        verbose_name = _("help article")
        verbose_name_plural = _("help articles")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key"], condition=~models.Q(key=""), name="support_article_one_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.slug

    def title(self, language: str) -> str:
        return self.title_en if language.startswith("en") else self.title_zh

    def body(self, language: str) -> str:
        return self.body_en if language.startswith("en") else self.body_zh


class ArticleRevision(models.Model):
    """One saved version of an article's text (the seed's, each operator save, each restore)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title_zh = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    body_zh = models.TextField()
    body_en = models.TextField()
    published = models.BooleanField(default=True)
    saved_at = models.DateTimeField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="support_revision_number")]

    def __str__(self) -> str:
        return f"{self.article.slug} r{self.number}"


class Course(models.Model):
    """A short course: articles to read in order (e.g. "your first filing, step by step")."""

    slug = models.SlugField(max_length=80, unique=True)
    title_zh = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    intro_zh = models.TextField(blank=True)
    intro_en = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.slug

    def title(self, language: str) -> str:
        return self.title_en if language.startswith("en") else self.title_zh

    def intro(self, language: str) -> str:
        return self.intro_en if language.startswith("en") else self.intro_zh


class CourseItem(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="course_items")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["course", "position"]
        constraints = [models.UniqueConstraint(fields=["course", "article"], name="support_course_article")]


# --- online customer service ------------------------------------------------------------------------


class Conversation(models.Model):
    """The applicant's organisation and staff about one order, or (no order) about anything else."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("conversation status", "Open")  # staff's turn
        WAITING = "waiting", pgettext_lazy("conversation status", "Waiting for the applicant")
        RESOLVED = "resolved", pgettext_lazy("conversation status", "Resolved")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="conversations", verbose_name=_("organisation")
    )
    order = models.OneToOneField(
        "filings.Order",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conversation",
        verbose_name=_("order"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    created_at = models.DateTimeField(_("created at"))
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)
    # when staff should have answered the applicant's oldest unanswered message (working hours)
    response_due_at = models.DateTimeField(_("response due at"), null=True, blank=True, db_index=True)
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)
    # the last message each side has read (message ids grow): what is unread for the other side
    applicant_read_upto = models.PositiveBigIntegerField(default=0)
    staff_read_upto = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(order__isnull=True),
                name="support_one_general_conversation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.order_id or '-'}"


class ConversationMessage(models.Model):
    class Side(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        STAFF = "staff", _("Staff")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=10, choices=Side.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = EncryptedTextField(blank=True, null=True)  # may name people, ID numbers, phones: sealed at rest
    # the help articles the message links (from the canned reply it started from)
    articles = models.ManyToManyField(Article, blank=True, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.conversation_id}#{self.pk}"


class ConversationAttachment(models.Model):
    """A file sent with a message: sniffed and sanitised as a material upload, stored sealed."""

    message = models.ForeignKey(ConversationMessage, on_delete=models.CASCADE, related_name="attachments")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class CannedReply(models.Model):
    """A reply staff start from (operator-editable), in both languages, linking help articles."""

    title_zh = models.CharField(_("title (zh)"), max_length=200)
    title_en = models.CharField(_("title (en)"), max_length=200)
    body_zh = models.TextField(_("text (zh)"))
    body_en = models.TextField(_("text (en)"))
    articles = models.ManyToManyField(Article, blank=True, related_name="canned_replies", verbose_name=_("articles"))
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")

    def __str__(self) -> str:
        return self.title_en

    def title(self, language: str) -> str:
        return self.title_en if language.startswith("en") else self.title_zh

    def body(self, language: str) -> str:
        return self.body_en if language.startswith("en") else self.body_zh
