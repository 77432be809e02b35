from django import template

from beian.notifications.services import unread_count

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """The header's unread count (0 for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return unread_count(user)
