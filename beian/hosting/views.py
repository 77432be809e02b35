"""Public pages of hosted sites: content with the filing footer, maintenance, or block page — as
the gate decided for the address asked (request.gate_entry, set by the middleware).

A hosted page depends only on what the one query of the middleware read (the entry's decision and
numbers, the site's title, content and custom footer, the footer's links) and the language, so
each process keeps the rendered bytes of recent pages under exactly that key: a changed decision,
number, content, footer or link is a different key, and the next request renders afresh (nothing
to clear by hand). The filing footer is rendered from the entry (the record's numbers) after the
customer's content and footer, both re-serialised from allow-lists (beian.rules.footer) so that
neither can hide it."""

from __future__ import annotations

from collections import OrderedDict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from beian.hosting import gate
from beian.hosting.entries import entry_decision, entry_footer
from beian.hosting.footer import served_page_parts

RENDERED_PAGES_KEPT = 512
_rendered: OrderedDict[tuple, bytes] = OrderedDict()


def public_page(request, path=""):
    site, entry = request.hosted_site, request.gate_entry
    decision = entry_decision(entry)
    footer = {}  # the filing footer's parts, only for a served page
    if decision.access == gate.Access.SERVE:
        footer = entry_footer(entry)
        template = "hosting/site.html"
    elif decision.access == gate.Access.MAINTENANCE:
        template = "hosting/maintenance.html"
    else:
        template = "hosting/blocked.html"
    key = (
        template,
        get_language(),
        decision,
        tuple(footer.items()),
        site.pk,
        site.title,
        site.body_html,
        site.custom_footer_html,
    )
    content = _rendered.get(key)
    if content is None:  # sanitising content and custom footer happens here only, once per key
        context = {"site": site, "decision": decision, **footer}
        if footer:
            context.update(served_page_parts(site, footer))
        content = render_to_string(template, context, request=request).encode()
        _rendered[key] = content
        if len(_rendered) > RENDERED_PAGES_KEPT:
            _rendered.popitem(last=False)
    response = HttpResponse(content, status=decision.status_code)
    if decision.access != gate.Access.SERVE:
        if decision.retry_after_seconds:
            response["Retry-After"] = str(decision.retry_after_seconds)
        response["Cache-Control"] = "no-store"
    return response
