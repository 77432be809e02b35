"""Host header -> hosted site. Platform hosts go to the normal URLconf; `<slug>.localhost`, a
site's own domains and their subdomains go to the hosted-site URLconf, which serves what the gate
decided for that address (beian.hosting.entries), kept in each process while the gate stamp has
not moved (beian.hosting.hostcache: no query per request then).

It is the first middleware and the Host header's only validator (settings.ALLOWED_HOSTS is "*"): a platform
host (settings.PLATFORM_HOSTS, from DJANGO_ALLOWED_HOSTS) reaches the platform (over https when
settings.PLATFORM_SSL_REDIRECT: plain http is redirected); any other name reaches
nothing but a hosted site of that address or the 404 page. Hosted pages are the customers' content:
they carry neither our Content-Security-Policy nor our HSTS (which would pin the customer's domain and its
subdomains to https)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponsePermanentRedirect
from django.http.request import validate_host
from django.template.loader import render_to_string

from beian.hosting import hostcache
from beian.hosting.models import HostedSite


def site_for_host(host: str) -> HostedSite | None:
    entry = hostcache.entry(host)
    return entry.site if entry else None


class HostedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host().split(":")[0].lower()
        if validate_host(host, settings.PLATFORM_HOSTS):
            if (
                settings.PLATFORM_SSL_REDIRECT
                and not request.is_secure()
                and request.path not in settings.PLATFORM_SSL_REDIRECT_EXEMPT
            ):
                return HttpResponsePermanentRedirect(f"https://{request.get_host()}{request.get_full_path()}")
            return self.get_response(request)
        entry = hostcache.entry(host)
        if entry is None:
            return HttpResponseNotFound(render_to_string("hosting/unknown.html", request=request))
        request.hosted_site = entry.site
        request.gate_entry = entry
        request.urlconf = "config.urls_hosted"
        response = self.get_response(request)
        response.headers.pop("Content-Security-Policy", None)
        response.headers.pop("Strict-Transport-Security", None)
        return response
