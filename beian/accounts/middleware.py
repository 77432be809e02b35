"""Attach the applicant's tenant to the request; interfaces scope every query with it."""

from beian.accounts.permissions import ORGANISATION_SESSION_KEY, organisation_of


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        request.organisation = (
            organisation_of(user, preferred_id=request.session.get(ORGANISATION_SESSION_KEY))
            if user and user.is_authenticated
            else None
        )
        if user and user.is_authenticated and not request.COOKIES.get("django_language") and user.language:
            from django.utils import translation

            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
