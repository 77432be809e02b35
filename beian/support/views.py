"""Help centre pages: the index (courses, articles by kind, search), an article, a course, search
results, the "?" redirect a wizard step, finding or return reason links to, the province
requirement pages, and the rule catalogue; a conversation's attachment (for its organisation's
members and staff, every opening audited). Views parse, call one selector, render."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.rules.registry import RULES
from beian.support import catalogue, search, selectors, services, text
from beian.support.models import Article, Course

SECTION_TITLES = {
    Article.Kind.GUIDE: _("Guides"),
    Article.Kind.STEP: _("The filing steps"),
    Article.Kind.FILING_TYPE: _("Filing types"),
    Article.Kind.MATERIAL: _("Materials"),
    Article.Kind.REJECTION_REASON: _("Why an order is returned"),
    Article.Kind.FAQ: _("Questions"),
}
# what a province's policy values mean, for the province pages
POLICY_WORDS = {
    "legal_rep_required": _("must be the legal representative"),
    "authorization_allowed": _("may be another person with an authorisation letter"),
    "free": _("may be another person"),
    "local_only": _("only residents with a local ID can file as individuals"),
    "residence_proof": _("non-local individuals file with a residence proof"),
    "cross_province_allowed": _("non-local individuals may file"),
    "unknown": _("not known; ask us before filing"),
}


def _language() -> str:
    return get_language() or "zh-hans"


def help_index(request):
    language = _language()
    sections = selectors.index_sections()
    return render(
        request,
        "support/index.html",
        {
            "courses": selectors.courses(),
            "sections": [
                {"kind": kind, "title": title, "articles": [(a, a.title(language)) for a in sections[kind]]}
                for kind, title in SECTION_TITLES.items()
                if sections[kind]
            ],
            "language": language,
        },
    )


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug, published=True)
    language = _language()
    rules = selectors.rules_for_article(article)
    return render(
        request,
        "support/article.html",
        {
            "article": article,
            "title": article.title(language),
            "body": text.render(article.body(language)),
            "courses": selectors.course_neighbours(article),
            "rules": catalogue.rule_entries(language, rules) if rules else [],
            "language": language,
        },
    )


def course_detail(request, slug):
    course = get_object_or_404(Course, slug=slug)
    language = _language()
    items = [
        (item.article, item.article.title(language), selectors.summary(item.article, language))
        for item in course.items.select_related("article").filter(article__published=True)
    ]
    return render(
        request,
        "support/course.html",
        {"course": course, "title": course.title(language), "intro": course.intro(language), "items": items},
    )


def search_view(request):
    query = (request.GET.get("q") or "").strip()[:200]
    language = _language()
    hits = search.article_search(query=query) if query else []
    return render(
        request,
        "support/search.html",
        {
            "query": query,
            "hits": [(a, a.title(language), selectors.summary(a, language)) for a, _score in hits],
        },
    )


def help_for(request, kind, key):
    """The "?" of a wizard step, material, filing type, return reason or rule finding."""
    if kind not in (*selectors.LINK_KINDS, "rule"):
        raise Http404
    return redirect(selectors.help_url(kind, key))


def provinces(request):
    rows = [(p, p.localized_name) for p in selectors.provinces()]
    return render(request, "support/provinces.html", {"rows": rows})


def province_detail(request, code):
    page = selectors.province_page(code, _language())
    if page is None:
        raise Http404
    province = page["province"]
    page["principal_rule"] = POLICY_WORDS.get(province.org_subject_principal_rule, "")
    page["non_local"] = POLICY_WORDS.get(province.personal_non_local_policy, "")
    return render(request, "support/province.html", page)


def rules_catalogue(request):
    areas = catalogue.rule_entries(_language())
    return render(request, "support/rules.html", {"areas": areas, "count": len(RULES)})


@login_required
def attachment_download(request, pk):
    attachment = selectors.attachment_for(request.user, pk)
    services.attachment_viewed(attachment=attachment, user=request.user)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    extension = attachment.content_type.rsplit("/", 1)[-1].replace("jpeg", "jpg")
    response["Content-Disposition"] = f'inline; filename="attachment-{attachment.pk}.{extension}"'
    return response
