"""An allow-list HTML sanitiser (PURE: the standard library's tokenizer, no Django).

Why here and not a library: no HTML sanitiser (nh3, bleach) is among the project's dependencies,
and the markup customers may use around the filing footer is small. Nothing of the input is passed
through: it is tokenised by `html.parser` and written out again — only allowed tags with allowed
attributes (values re-escaped, URLs limited to a few schemes), text escaped, every element closed
in order. Comments, declarations, processing instructions, and the contents of `script`, `style`
and similar elements are dropped. So the output cannot carry CSS, scripts, event handlers, ids or
classes, and cannot leave an element or comment open that would swallow what the page renders after it.

`sanitise` also reports what it removed (for a rule to refuse it), the visible text (to find
numbers a customer typed, whatever markup splits them) and the links kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from types import MappingProxyType

VOID = frozenset({"br", "hr", "img", "wbr"})
# dropped WITH their content: code, styles, embedded documents, form controls, foreign content
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "textarea",
        "select",
        "title",
        "head",
        "svg",
        "math",
        "xmp",
        "plaintext",
    }
)
URL_ATTRIBUTES = frozenset({"href", "src"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# what browsers ignore inside a URL before reading its scheme (tab, newline) or around it (C0 controls, space)
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Policy:
    """What may stay: tags, attributes per tag ("*": on any allowed tag), URL schemes of href/src."""

    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    schemes: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

    def allows(self, tag: str, attribute: str) -> bool:
        return attribute in self.attributes.get(tag, frozenset()) or attribute in self.attributes.get("*", frozenset())


@dataclass(frozen=True)
class Cleaned:
    html: str  # the safe markup
    text: str  # the visible text, as a reader sees it (markup between characters removed)
    links: tuple[str, ...] = ()  # the href values kept
    removed: tuple[str, ...] = ()  # markup taken out, as people read it: "<style>", "style=", "hidden="
    unsafe_urls: tuple[str, ...] = ()  # href/src values taken out for their scheme ("javascript:…")


def squeezed_url(url: str) -> str:
    """`url` without what browsers ignore in it (tabs, newlines, control characters, spaces)."""
    return _URL_IGNORED.sub("", url or "")


def url_scheme(url: str) -> str:
    """The scheme a browser reads in `url` ("" for a relative URL), lower case."""
    match = _SCHEME.match(squeezed_url(url).lower())
    return match[1] if match else ""


class _Sanitiser(HTMLParser):
    def __init__(self, policy: Policy):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.out: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []
        self.removed: dict[str, None] = {}  # ordered set
        self.unsafe: dict[str, None] = {}
        self.open: list[str] = []
        self.skipping: list[str] = []  # the dropped elements we are inside of

    def _remove(self, what: str) -> None:
        self.removed.setdefault(what, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in DROPPED_WITH_CONTENT and tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            self._remove(f"<{tag}>")
            self.skipping.append(tag)
            return
        if tag not in self.policy.tags:
            self._remove(f"<{tag}>")  # the tag goes, its content stays
            for name, _value in attrs:
                if not self.policy.allows("*", name):
                    self._remove(f"{name}=")
            return
        kept: list[tuple[str, str]] = []
        for name, value in attrs:
            if not self.policy.allows(tag, name):
                self._remove(f"{name}=")
                continue
            value = value or ""
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme and scheme not in self.policy.schemes:
                    self.unsafe.setdefault(value, None)
                    continue
                if name == "href":
                    self.links.append(value)
            kept.append((name, value))
        if tag == "a" and any(name == "target" for name, _ in kept):
            kept = [(n, v) for n, v in kept if n != "rel"] + [("rel", "noopener noreferrer")]
        rendered = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in kept)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<span/>` opens a span in HTML (only void elements have no end): closed at once here, harmless
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in VOID or tag not in self.open:
            if tag not in self.policy.tags:
                self._remove(f"<{tag}>")
            return
        while self.open:  # close what was left open inside it, as the browser would
            closing = self.open.pop()
            self.out.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.out.append(escape(data, quote=False))
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        pass  # dropped (an unclosed comment could otherwise hide what follows)

    def handle_decl(self, decl: str) -> None:
        self._remove("<!…>")

    def handle_pi(self, data: str) -> None:
        self._remove("<?…>")

    def unknown_decl(self, data: str) -> None:
        self._remove("<![…]>")

    def finish(self) -> Cleaned:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return Cleaned(
            html="".join(self.out),
            text="".join(self.text),
            links=tuple(self.links),
            removed=tuple(self.removed),
            unsafe_urls=tuple(self.unsafe),
        )


def sanitise(markup: str, policy: Policy) -> Cleaned:
    parser = _Sanitiser(policy)
    parser.feed(markup or "")
    return parser.finish()


def _attributes(spec: dict[str, tuple[str, ...]]) -> Mapping[str, frozenset[str]]:
    return MappingProxyType({tag: frozenset(names) for tag, names in spec.items()})


# A custom footer: text, links and inline emphasis. No style, class, id or hidden: nothing that
# could reach the filing footer rendered after it.
FOOTER_POLICY = Policy(
    tags=frozenset({"a", "b", "br", "em", "i", "p", "small", "span", "strong", "u"}),
    attributes=_attributes({"a": ("href", "target", "rel"), "*": ("title", "lang")}),
)

# A hosted site's content: document structure, text, lists, tables, links and images — no CSS (no
# <style>, style=, class or id), no scripts, no frames or forms: content cannot move, cover or hide
# the filing footer after it.
CONTENT_POLICY = Policy(
    tags=frozenset(
        {
            *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "section", "article", "header"),
            *("blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"),
            *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
            *("a", "img", "strong", "b", "em", "i", "u", "s", "small", "sub", "sup", "mark", "abbr", "time"),
        }
    ),
    attributes=_attributes(
        {
            "a": ("href", "target", "rel"),
            "img": ("src", "alt"),
            "td": ("colspan", "rowspan"),
            "th": ("colspan", "rowspan", "scope"),
            "time": ("datetime",),
            "*": ("title", "lang"),
        }
    ),
)
