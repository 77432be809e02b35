"""`{% load domains %}{{ domain|display_domain }}`: a domain as people read it (U-label). Domains
are stored as A-labels (`xn--…`); every page that shows one to a person goes through this filter."""

from __future__ import annotations

from django import template

from beian.rules.domains import display_domain as _display_domain

register = template.Library()


@register.filter
def display_domain(value) -> str:
    return _display_domain(str(value)) if value else ""
