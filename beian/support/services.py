"""Help-centre state changes: an operator's edit of an article (a revision kept each time, audited),
restoring an earlier revision, and loading the seed articles and courses from data/."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from beian.core import audit, clock
from beian.core.exceptions import ValidationFailed
from beian.support import search, text
from beian.support.models import Article, ArticleRevision, Course, CourseItem

DATA_DIR = Path(__file__).parent / "data"
TEXT_FIELDS = ("title_zh", "title_en", "body_zh", "body_en")
LANGUAGE_SPLIT = "<!-- en -->"


def _refresh_search_text(article: Article) -> None:
    article.search_text = text.index_text(
        article.title_zh, article.title_zh, article.title_en, article.title_en, article.body_zh, article.body_en
    )


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
            continue
        elif article.edited_at is not None:
            counts["kept operator edit"] += 1
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
