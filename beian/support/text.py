"""Article text: Markdown rendered with markdown-it-py and sanitised with nh3 (operators write the
text; an operator's HTML is allowed only as far as nh3's safe list), and the words search matches:
Chinese segmented with rjieba (the jieba-rs binding), English lower-cased and lightly stemmed."""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
import rjieba
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")
# function words that say nothing about the topic: a question's 为什么/怎么/how must not match
# every article that happens to contain them
_STOPWORDS_TEXT = (
    "的 了 吗 呢 吧 啊 是 我 我的 你 你的 我们 被 把 在 和 与 及 或 要 会 能 可以 需要 什么 为什么 怎么 怎样 如何 "
    "多少 哪些 哪个 有 没有 一个 这个 那个 就 都 也 还 又 对 从 让 给 时 后 前 "
    "a an the is are was were be been do does did how what why when which who whom whose my our your "
    "i we you it its of to in on for with by at from and or not can could should would will me us "
    "this that these those there here have has had about"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")


def render(markdown_text: str) -> SafeString:
    """Safe HTML of an article's Markdown (scripts, event handlers and javascript: links removed)."""
    html = _markdown().render(markdown_text or "")
    return mark_safe(nh3.clean(html, link_rel="noopener noreferrer"))  # sanitised by nh3


def plain(markdown_text: str) -> str:
    """The text without markup (for summaries)."""
    return nh3.clean(_markdown().render(markdown_text or ""), tags=set()).strip()


# English compounds the applicants split (a "site" is the articles' "website"): indexed and asked by
# their parts too, as rjieba's search mode does for Chinese compounds
_COMPOUND_PARTS = {"website": ("site",), "websites": ("site",), "homepage": ("home", "page")}


def _stem(word: str) -> str:
    if word.isascii() and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.isascii() and len(word) > 6 and word.endswith("ing"):
        word = word[:-3]
    return word


def words(text: str) -> list[str]:
    """Every word of `text`, Chinese segmented for search (longer words and their parts)."""
    out = []
    for token in rjieba.cut_for_search(text or ""):
        for word in _WORD.findall(token.lower()):
            if word.isdigit() and len(word) > 6:
                continue
            out.append(_stem(word))
            out += _COMPOUND_PARTS.get(word, ())
    return out


def index_text(*parts: str) -> str:
    """The space-separated words an article is found by."""
    return " ".join(w for part in parts for w in words(part))


def query_words(query: str) -> list[str]:
    """The distinct meaningful words of a question (stop words dropped; if only those, keep them)."""
    all_words = list(dict.fromkeys(words(query)))
    meaningful = [w for w in all_words if w not in STOPWORDS and (len(w) > 1 or _CJK.match(w))]
    return meaningful or all_words
