"""Operators edit help-centre articles in Markdown: preview (sanitised, nothing saved), save (a
revision, audited), restore an earlier revision; applicants cannot."""

import pytest
from django.urls import reverse

from beian.support.models import Article
from beian.support.services import articles_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    articles_load()
    return Article.objects.get(slug="faq-site-offline")


def _form(article, **changes):
    values = {f: getattr(article, f) for f in ("title_zh", "title_en", "body_zh", "body_en")}
    return values | {"published": "on"} | changes


def test_preview_renders_sanitised_markdown_and_saves_nothing(client, operator, article):
    client.force_login(operator)
    url = reverse("operator:article_edit", args=[article.slug])
    page = client.post(url, _form(article, body_en="## Heading\n\n<script>alert(1)</script>ok", preview="1"))
    html = page.content.decode()
    assert '<section class="card" id="preview">' in html and "<h2>Heading</h2>" in html
    assert "<script>alert(1)</script>" not in html.split('id="preview"')[1]
    article.refresh_from_db()
    assert "Heading" not in article.body_en and article.revisions.count() == 1


def test_save_keeps_the_previous_text_and_restore_brings_it_back(client, operator, article):
    client.force_login(operator)
    url = reverse("operator:article_edit", args=[article.slug])
    original = article.body_zh
    response = client.post(url, _form(article, body_zh="新的说明文字。", save="1"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body_zh == "新的说明文字。" and article.edited_at is not None
    page = client.get(url).content.decode()
    assert "r2" in page and operator.get_username() in page
    old = client.get(reverse("operator:article_revision", args=[article.slug, 1])).content.decode()
    assert original.splitlines()[0][:20] in old
    client.post(reverse("operator:article_restore", args=[article.slug, 1]))
    article.refresh_from_db()
    assert article.body_zh == original and article.revisions.count() == 3


def test_an_empty_title_is_refused_with_a_message(client, operator, article):
    client.force_login(operator)
    page = client.post(
        reverse("operator:article_edit", args=[article.slug]), _form(article, title_en="", save="1"), follow=True
    )
    assert (
        "Every title and text is required" in page.content.decode()
        or "中英文标题和正文都必须填写" in page.content.decode()
    )
    article.refresh_from_db()
    assert article.title_en and article.revisions.count() == 1


def test_applicants_cannot_edit_articles(client, applicant, article):
    client.force_login(applicant)
    assert client.get(reverse("operator:articles")).status_code == 403
    assert client.post(reverse("operator:article_restore", args=[article.slug, 1])).status_code == 403
