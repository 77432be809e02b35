"""Public pages of hosted sites: content with the filing footer, maintenance, or block page — as
the gate decided for the address asked (request.gate_entry, set by the middleware).

A hosted page depends only on what the one query of the middleware read (the entry's decision and
numbers, the site's title, content and custom footer, the footer's links) and the language, so
each process keeps the rendered bytes of recent pages under exactly that key: a changed decision,
number, content, footer or link is a different key, and the next request renders afresh (nothing
to clear by hand). The filing footer is rendered from the entry (the record's numbers) after the
customer's content and footer, both re-serialised from allow-lists (beian.rules.footer) so that
neither can hide it.

The edge endpoints answer nginx in front of any site origin (beian.hosting.edge, docs/edge-nginx.md):
`edge_auth` its auth_request per Host, `edge_page` the maintenance or block page it shows instead.
Both answer only a request with the edge's shared secret (404 otherwise, and while none is set)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt

from beian.hosting import edge, gate, hostcache
from beian.hosting.entries import entry_decision, entry_footer
from beian.hosting.footer import served_page_parts

RENDERED_PAGES_KEPT = 512
_rendered: OrderedDict[tuple, bytes] = OrderedDict()


@dataclass(frozen=True, slots=True)
class PageParts:
    """What a hosted page needs from its gate entry, beside the language."""

    template: str
    decision: gate.GateDecision
    footer: dict  # the filing footer's parts, only for a served page
    key: tuple  # everything the rendered bytes depend on but the language


def page_parts(entry) -> PageParts:
    """Worked out once per entry object: hostcache hands the same object to every request while the
    gate stamp has not moved, and a new one (read afresh) after any change."""
    parts = entry.__dict__.get("_page_parts")
    if parts is not None:
        return parts
    site, decision = entry.site, entry_decision(entry)
    footer = {}
    if decision.access == gate.Access.SERVE:
        footer = entry_footer(entry)
        template = "hosting/site.html"
    elif decision.access == gate.Access.MAINTENANCE:
        template = "hosting/maintenance.html"
    else:
        template = "hosting/blocked.html"
    key = (
        template,
        decision,
        tuple(footer.items()),
        site.pk,
        site.title,
        site.body_html,
        site.custom_footer_html,
    )
    parts = entry.__dict__["_page_parts"] = PageParts(template, decision, footer, key)
    return parts


def public_page(request, path=""):
    site, parts = request.hosted_site, page_parts(request.gate_entry)
    template, decision, footer = parts.template, parts.decision, parts.footer
    # the maintenance and block pages name the provider and link to the platform (templatetags.gate_pages)
    key = (get_language(), settings.ACCESS_PROVIDER_NAME, settings.BEIAN_PUBLIC_URL, parts.key)
    content = _rendered.get(key)
    if content is None:  # sanitising content and custom footer happens here only, once per key
        context = {"site": site, "decision": decision, **footer}
        if footer:
            context.update(served_page_parts(site, footer))
        content = render_to_string(template, context, request=request).encode()
        _rendered[key] = content
        if len(_rendered) > RENDERED_PAGES_KEPT:
            _rendered.popitem(last=False)
    return _with_gate_headers(HttpResponse(content, status=decision.status_code), decision)


def _with_gate_headers(response: HttpResponse, decision: gate.GateDecision) -> HttpResponse:
    if decision.access != gate.Access.SERVE:
        if decision.retry_after_seconds:
            response["Retry-After"] = str(decision.retry_after_seconds)
        response["Cache-Control"] = "no-store"
    return response


def _edge_entry(request):
    """(the gate entry answering the visitor's Host or None) for a request of our edge; 404 else."""
    if not edge.authorised(request.headers.get(edge.SECRET_HEADER)):
        raise Http404
    return hostcache.entry(request.headers.get(edge.HOST_HEADER, ""))


def edge_auth(request):
    """nginx's auth_request: 200 with the footer for a host that serves, 403 otherwise (edge.auth_answer)."""
    answer = edge.auth_answer(_edge_entry(request))
    return HttpResponse(status=answer.status, headers=answer.headers)


@csrf_exempt  # any method a visitor sent to a blocked domain gets its page; nothing here changes anything
def edge_page(request):
    """The page nginx shows a visitor of a host that does not serve: the hosted site's (maintenance 503
    or block 451), or the block page where no site answers on the host. Never the site itself: the
    origin serves it."""
    entry = _edge_entry(request)
    if entry is None:
        decision = edge.host_decision(None)
        content = render_to_string("hosting/blocked.html", {"decision": decision}, request=request)
        return _with_gate_headers(HttpResponse(content, status=decision.status_code), decision)
    if entry.access == gate.Access.SERVE.value:
        # the gate serves now, after nginx's kept answer said no (an approval within the last
        # EDGE_CACHE_SECONDS), or the origin itself refused (a files origin's 403): come back then
        content = render_to_string("hosting/maintenance.html", request=request)
        response = HttpResponse(content, status=503, headers={"Retry-After": str(settings.EDGE_CACHE_SECONDS)})
        response["Cache-Control"] = "no-store"
        return response
    request.hosted_site, request.gate_entry = entry.site, entry
    return public_page(request)
