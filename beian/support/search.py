"""Full-text search over the articles' segmented words, one selector for both databases:

- PostgreSQL: the stored `search_vector` = to_tsvector('simple', search_text) with a GIN index
  (migration 0002), ranked by ts_rank;
- SQLite (the embedded default): an FTS5 table kept beside the articles, ranked by bm25;
- SQLite without FTS5: the words matched in Python, scored by how many query words an article has.

The words were segmented before indexing (text.index_text), so the databases only split on spaces."""

from __future__ import annotations

from collections import Counter

from django.db import connection

from beian.support import text
from beian.support.models import Article

FTS_TABLE = "support_article_fts"


def fts5_available() -> bool:
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def index_article(article: Article) -> None:
    """Keep the SQLite FTS5 copy of an article's words current (PostgreSQL indexes the column itself)."""
    if not fts5_available():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, search_text) VALUES (%s, %s)", [article.pk, article.search_text]
        )


def rebuild_index() -> None:
    if not fts5_available():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute(f"INSERT INTO {FTS_TABLE} (rowid, search_text) SELECT id, search_text FROM support_article")


def _postgresql(words: list[str], every: bool, limit: int) -> list[tuple[int, float]]:
    tsquery = (" & " if every else " | ").join("'" + w.replace("'", "''").replace("\\", "") + "'" for w in words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, ts_rank(a.search_vector, q) AS rank "
            "FROM support_article a, to_tsquery('simple'::regconfig, %s) q "
            "WHERE a.published AND a.search_vector @@ q "
            "ORDER BY rank DESC, a.id LIMIT %s",
            [tsquery, limit],
        )
        return [(pk, float(rank)) for pk, rank in cursor.fetchall()]


def _sqlite_fts5(words: list[str], every: bool, limit: int) -> list[tuple[int, float]]:
    match = (" AND " if every else " OR ").join('"' + w.replace('"', "") + '"' for w in words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT f.rowid, bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} f "
            "JOIN support_article a ON a.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND a.published ORDER BY score, f.rowid LIMIT %s",
            [match, limit],
        )
        return [(pk, -float(score)) for pk, score in cursor.fetchall()]


def _python(words: list[str], every: bool, limit: int) -> list[tuple[int, float]]:
    scored = []
    for pk, search_text in Article.objects.filter(published=True).values_list("pk", "search_text"):
        counts = Counter(search_text.split())
        matched = [w for w in words if counts[w]]
        if matched and (not every or len(matched) == len(words)):
            scored.append((pk, len(matched) + sum(min(counts[w], 5) for w in matched) / 10))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


def backend() -> str:
    if connection.vendor == "postgresql":
        return "postgresql"
    return "sqlite-fts5" if fts5_available() else "python"


def article_search(*, query: str, limit: int = 20) -> list[tuple[Article, float]]:
    """Published articles matching the meaningful words of `query`, best first: those with every
    word, then those with some, each group by its score (higher is better within a group)."""
    words = text.query_words(query)
    if not words:
        return []
    run = {"postgresql": _postgresql, "sqlite-fts5": _sqlite_fts5, "python": _python}[backend()]
    # the articles with every word first (selective: the index finds few rows to rank), then, if
    # they are too few, those with any of the words
    ranked = run(words, True, limit)
    if len(ranked) < limit and len(words) > 1:
        found = {pk for pk, _ in ranked}
        ranked += [hit for hit in run(words, False, limit + len(ranked)) if hit[0] not in found][: limit - len(ranked)]
    articles = Article.objects.in_bulk([pk for pk, _ in ranked])
    return [(articles[pk], score) for pk, score in ranked if pk in articles]
