"""What the maintenance and block pages say beyond the decision: who the access provider is (the same
settings.ACCESS_PROVIDER_NAME the verification form prints) and where the site's owner logs in to file
or to follow the filing (the platform's dashboard at settings.BEIAN_PUBLIC_URL: the page is shown on
the visitor's host, by the hosted pages and by the nginx edge alike, so the link is absolute).

A tag rather than view context, so that both renderers (hosting.views.public_page and edge_page) and
anything else that renders the templates produce the same page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

register = template.Library()

LANGUAGES = ("zh-hans", "en")


@register.simple_tag
def gate_page_facts() -> dict:
    """{"provider", "dashboard_url", "languages": the current language first, then the other}."""
    current = "en" if (get_language() or "").startswith("en") else "zh-hans"
    dashboard = reverse("applicant:dashboard", urlconf=settings.ROOT_URLCONF)  # a platform page, not the host's
    return {
        "provider": settings.ACCESS_PROVIDER_NAME,
        "dashboard_url": settings.BEIAN_PUBLIC_URL.rstrip("/") + dashboard,
        "languages": (current, *(code for code in LANGUAGES if code != current)),
    }
