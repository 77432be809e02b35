"""Formatting for the reviewer console."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration_hours(hours) -> str:
    """A duration given in hours, as people read it: "45 min", "6.0 h", "—" for none."""
    if hours is None or hours == "":
        return "—"
    hours = float(hours)
    if hours < 1:
        return _("%(minutes)s min") % {"minutes": round(hours * 60)}
    return _("%(hours)s h") % {"hours": f"{hours:.1f}"}
