"""Host header -> hosted site. Platform hosts go to the normal URLconf; `<slug>.localhost` and
a site's own domains go to the hosted-site URLconf, which asks the gate what to serve."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseNotFound
from django.template.loader import render_to_string

from beian.hosting.models import HostedSite, SiteDomain


def site_for_host(host: str) -> HostedSite | None:
    host = host.split(":")[0].lower().rstrip(".")
    suffix = settings.HOSTED_SITE_SUFFIX
    if suffix and host.endswith(suffix) and host != suffix.lstrip("."):
        slug = host[: -len(suffix)]
        return HostedSite.objects.filter(slug=slug).first()
    domain = SiteDomain.objects.select_related("site").filter(domain=host.removeprefix("www.")).first()
    return domain.site if domain else None


class HostedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host().split(":")[0].lower()
        if host in settings.PLATFORM_HOSTS:
            return self.get_response(request)
        site = site_for_host(host)
        if site is None:
            return HttpResponseNotFound(render_to_string("hosting/unknown.html", request=request))
        request.hosted_site = site
        request.urlconf = "config.urls_hosted"
        return self.get_response(request)
