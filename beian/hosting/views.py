"""Public pages of hosted sites: content with the filing footer, maintenance, or block page — as
the gate decided for the address asked (request.gate_entry, set by the middleware).

A hosted page depends only on what the one query of the middleware read (the entry's decision and
number, the site's title and content, the MIIT link) and the language, so each process keeps the
rendered bytes of recent pages under exactly that key: a changed decision, number, content or link
is a different key, and the next request renders afresh (nothing to clear by hand)."""

from __future__ import annotations

from collections import OrderedDict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from beian.hosting import gate
from beian.hosting.entries import entry_decision, entry_footer

RENDERED_PAGES_KEPT = 512
_rendered: OrderedDict[tuple, bytes] = OrderedDict()


def _render(request, template: str, context: dict, key: tuple) -> bytes:
    content = _rendered.get(key)
    if content is None:
        content = render_to_string(template, context, request=request).encode()
        _rendered[key] = content
        if len(_rendered) > RENDERED_PAGES_KEPT:
            _rendered.popitem(last=False)
    return content


def public_page(request, path=""):
    site, entry = request.hosted_site, request.gate_entry
    decision = entry_decision(entry)
    context = {"site": site, "decision": decision}
    if decision.access == gate.Access.SERVE:
        context.update(entry_footer(entry))
        template = "hosting/site.html"
    elif decision.access == gate.Access.MAINTENANCE:
        template = "hosting/maintenance.html"
    else:
        template = "hosting/blocked.html"
    key = (
        template,
        get_language(),
        decision,
        context.get("miit_link"),
        context.get("psb_number"),
        site.pk,
        site.title,
        site.body_html,
    )
    response = HttpResponse(_render(request, template, context, key), status=decision.status_code)
    if decision.access != gate.Access.SERVE:
        if decision.retry_after_seconds:
            response["Retry-After"] = str(decision.retry_after_seconds)
        response["Cache-Control"] = "no-store"
    return response
