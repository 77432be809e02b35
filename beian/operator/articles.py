"""Operator console: the help-centre articles. List them, edit one in Markdown with a preview of
both languages, see its revisions (who, when, what) and restore one. Views parse, call one
support service or selector, render."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.permissions import operator_required
from beian.core.views import attempt
from beian.support import search, services, text
from beian.support.models import Article, ArticleRevision


@operator_required
def articles(request):
    kind = request.GET.get("kind", "")
    query = (request.GET.get("q") or "").strip()[:200]
    if query:
        rows = [a for a, _score in search.article_search(query=query, limit=50)]
    else:
        rows = list(Article.objects.filter(**({"kind": kind} if kind in Article.Kind.values else {})))
    return render(
        request,
        "operator/articles.html",
        {"rows": rows, "kinds": Article.Kind.choices, "kind": kind, "query": query},
    )


@operator_required
def article_edit(request, slug):
    article = get_object_or_404(Article, slug=slug)
    values = {f: getattr(article, f) for f in services.TEXT_FIELDS} | {"published": article.published}
    preview = None
    if request.method == "POST":
        values = {f: request.POST.get(f, "") for f in services.TEXT_FIELDS} | {
            "published": request.POST.get("published") == "on"
        }
        if "preview" in request.POST:
            preview = {"zh": text.render(values["body_zh"]), "en": text.render(values["body_en"])}
        elif attempt(
            request,
            lambda: services.article_save(article=article, actor=request.user, **values),
            _("Article saved; the previous text is kept as a revision."),
        ):
            return redirect("operator:article_edit", slug=article.slug)
    return render(
        request,
        "operator/article_edit.html",
        {
            "article": article,
            "values": values,
            "preview": preview,
            "revisions": article.revisions.select_related("saved_by")[:50],
        },
    )


@operator_required
def article_revision(request, slug, number):
    revision = get_object_or_404(ArticleRevision, article__slug=slug, number=number)
    return render(
        request,
        "operator/article_revision.html",
        {
            "revision": revision,
            "article": revision.article,
            "zh": text.render(revision.body_zh),
            "en": text.render(revision.body_en),
        },
    )


@operator_required
@require_POST
def article_restore(request, slug, number):
    revision = get_object_or_404(ArticleRevision, article__slug=slug, number=number)
    attempt(
        request,
        lambda: services.article_restore(article=revision.article, revision=revision, actor=request.user),
        _("Revision %(number)s restored as the current text.") % {"number": number},
    )
    return redirect("operator:article_edit", slug=slug)
