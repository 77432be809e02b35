"""What the help centre shows: the article a wizard step, material, filing type, rejection reason
or rule finding opens; the index; a province's requirement page built from the reference data."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.urls import reverse

from beian.materials.models import MaterialRequirement
from beian.materials.requirements import split_slot
from beian.reference import snapshot
from beian.reference.models import Province
from beian.rules.registry import RULES
from beian.support import text
from beian.support.models import Article, Course

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
