from django import template
from django.utils.translation import get_language

from beian.support import selectors

register = template.Library()


@register.filter
def localized_title(item) -> str:
    """An article's or canned reply's title in the reader's language."""
    return item.title(get_language() or "zh-hans")


@register.simple_tag
def support_unread(user, organisation=None) -> int:
    """The header's customer-service badge: for staff, applicants' messages nobody read yet; for
    an applicant, staff's messages to their organisation they have not read (0 when signed out)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    if user.is_reviewer:
        return selectors.staff_unread()
    return selectors.applicant_unread(organisation)
