"""Seed articles: loaded from data/, idempotent, operator edits kept, revisions, sanitising."""

from pathlib import Path

import pytest
from django.urls import reverse

from beian.applicant.flow import STEPS
from beian.core.audit import events_matching
from beian.core.exceptions import ValidationFailed
from beian.materials.models import MaterialRequirement
from beian.reference.models import FilingType, RejectionReason
from beian.support import services, text
from beian.support.models import Article, ArticleRevision, Course
from beian.support.tests.editing import edit

pytestmark = pytest.mark.django_db


def test_every_step_material_filing_type_and_rejection_reason_has_an_article_in_both_languages(articles):

    assert articles["created"] >= 40
    keys = {(a.kind, a.key) for a in Article.objects.all()}
    assert {("rejection_reason", c) for c in RejectionReason.objects.values_list("code", flat=True)} <= keys
    assert {("filing_type", c) for c in FilingType.objects.values_list("code", flat=True)} <= keys
    assert {("material", s) for s in MaterialRequirement.objects.values_list("slot", flat=True)} <= keys
    assert {("step", s.key) for s in STEPS} <= keys
    assert Article.objects.filter(kind="faq").count() >= 5
    for article in Article.objects.all():
        assert article.title_zh and article.title_en and len(article.body_zh) > 40 and len(article.body_en) > 60
        assert article.revisions.count() == 1  # the seed's text is revision 1
    assert Course.objects.count() == 3 and all(c.items.exists() for c in Course.objects.all())


def test_loading_again_changes_nothing_and_keeps_an_operators_edit(articles, operator):
    article = Article.objects.get(slug="reason-site-name-invalid")
    edit(article, operator, body_zh="运营人员改写的说明：网站名称至少三个汉字。")
    again = services.articles_load()
    assert again["created"] == 0 and again["updated"] == 0
    article.refresh_from_db()
    assert article.body_zh == "运营人员改写的说明：网站名称至少三个汉字。"
    assert Article.objects.count() == articles["created"]


def test_a_changed_seed_updates_articles_no_operator_edited(tmp_path, articles, operator):
    source = services.DATA_DIR / "articles"
    (tmp_path / "articles").mkdir()
    for name in ("faq-review-time.md", "faq-sms-verification.md"):
        body = (source / name).read_text(encoding="utf-8").replace("24 小时", "二十四小时")
        (tmp_path / "articles" / name).write_text(body, encoding="utf-8")
    edited = Article.objects.get(slug="faq-sms-verification")
    edit(edited, operator, body_zh="运营版本")
    counts = services.articles_load(tmp_path)
    assert counts == {"created": 0, "updated": 1, "unchanged": 0, "kept operator edit": 1}
    assert "二十四小时" in Article.objects.get(slug="faq-review-time").body_zh
    assert Article.objects.get(slug="faq-sms-verification").body_zh == "运营版本"
    assert Article.objects.get(slug="faq-review-time").revisions.first().note == "seed update"


def test_every_save_keeps_a_revision_and_an_earlier_one_can_be_restored(articles, operator):
    article = Article.objects.get(slug="faq-site-offline")
    original = article.body_en
    edit(article, operator, body_en="Edited text.")
    assert list(article.revisions.values_list("number", "body_en")) == [(2, "Edited text."), (1, original)]
    assert events_matching(action="support.article_edited").count() == 1
    services.article_restore(article=article, revision=article.revisions.get(number=1), actor=operator)
    article.refresh_from_db()
    assert article.body_en == original and article.edited_at is not None
    latest = article.revisions.first()
    assert (latest.number, latest.note, latest.saved_by) == (3, "restore r1", operator)


def test_an_empty_text_is_refused_and_changes_nothing(articles, operator):
    article = Article.objects.get(slug="faq-site-offline")
    with pytest.raises(ValidationFailed):
        edit(article, operator, title_zh="")
    assert ArticleRevision.objects.filter(article=article).count() == 1


def test_markdown_is_rendered_and_scripts_are_stripped():
    html = text.render(
        "## 标题\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> "
        '<a href="javascript:alert(2)">y</a>\n\n| a | b |\n|---|---|\n| 1 | 2 |'
    )
    assert "<h2>标题</h2>" in html and "<table>" in html
    assert "<script" not in html and "alert(1)</script" not in html and "onerror" not in html
    assert 'href="javascript' not in html and "alert(2)" not in html


def test_a_seed_file_without_both_languages_is_refused():
    with pytest.raises(ValueError, match="en"):
        services.parse_article("---\nslug: x\nkind: faq\ntitle_zh: 问\ntitle_en: Q\n---\n只有中文\n", name="x.md")


def test_an_article_page_shows_the_readers_language_and_the_rules_that_catch_it(client, articles):
    url = reverse("support:article", args=["reason-site-name-invalid"])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<h2>网站名称规则</h2>" in page and "The naming rules" not in page
    assert "website.name.too_short" in page or "website.name" in page  # the rules, their codes in a disclosure
    assert '<details class="code">' in page
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The naming rules" in english


def test_an_unpublished_article_is_not_shown(client, articles, operator):
    article = Article.objects.get(slug="faq-site-offline")
    edit(article, operator, published=False)
    assert client.get(reverse("support:article", args=[article.slug])).status_code == 404


def test_seed_files_parse(articles):
    for path in sorted((Path(services.DATA_DIR) / "articles").glob("*.md")):
        assert services.parse_article(path.read_text(encoding="utf-8"), name=path.name).slug == path.stem
