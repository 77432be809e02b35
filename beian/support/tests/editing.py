from beian.support import services


def edit(article, actor, **changes):
    """An operator's save of `article` with `changes` (the other texts as they are)."""
    values = {f: getattr(article, f) for f in services.TEXT_FIELDS} | {"published": article.published}
    return services.article_save(article=article, actor=actor, **(values | changes))
