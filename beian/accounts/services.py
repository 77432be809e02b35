"""Services of a user's own account: the language they read (pages, notifications, emails, SMS)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from beian.core import audit
from beian.core.exceptions import ValidationFailed

__all__ = ["ValidationFailed", "adopt_login_language", "language_codes", "user_language_set"]


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def user_language_set(*, user, language: str) -> bool:
    """Store the language `user` reads in (the switcher in the header, the profile page, the first login).
    Returns whether it changed; an unknown language is refused with a translated message and changes nothing."""
    if language not in language_codes():
        raise ValidationFailed(
            _("Choose one of the languages offered."), code="user.language_unknown", field="language"
        )
    if user.language == language:
        return False
    before = user.language
    user.language = language
    user.save(update_fields=["language"])
    audit.record(action="user.language_set", target=user, actor=user, data={"from": before, "to": language})
    return True


def adopt_login_language(sender, request, user, **kwargs) -> None:
    """user_logged_in: a user who never chose a language keeps the one they logged in with (the login page's,
    from the switcher's cookie or the browser), so their notifications, emails and SMS come in it too."""
    if request is None or user.language:
        return
    language = getattr(request, "LANGUAGE_CODE", "") or ""
    if language in language_codes():
        user_language_set(user=user, language=language)
