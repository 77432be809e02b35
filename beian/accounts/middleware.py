"""Attach the applicant's tenant to the request; interfaces scope every query with it. Hold a staff session
that has not passed its second factor at the code page."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts import two_factor
from beian.accounts.permissions import ORGANISATION_SESSION_KEY, organisation_of

# What a session may reach before its second factor: logging in and out, the code and set-up pages, password
# reset, the language switch and static files
SECOND_FACTOR_EXEMPT = (
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/two-factor/",
    "/accounts/password-reset/",
    "/accounts/reset/",
    "/i18n/",
    "/static/",
)


class SecondFactorMiddleware:
    """A staff member who turned on two-step verification and whose session has not passed it (logged in
    through the admin's form or the platform's sign-in) reaches nothing but the code page; when it is mandatory
    (BEIAN_STAFF_TOTP_REQUIRED), one without an authenticator reaches nothing but the set-up page. After
    django_otp's OTPMiddleware (it tells whether the session passed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and two_factor.is_staff_member(user)
            and not user.is_verified()  # a session that passed has its device already (OTPMiddleware)
            and not request.path_info.startswith(SECOND_FACTOR_EXEMPT)
        ):
            if two_factor.second_factor_required(user):
                return self._refuse(request, "accounts:login_verify", "auth.second_factor_required")
            if two_factor.staff_required():  # staff without an authenticator, where one is mandatory
                return self._refuse(request, "accounts:two_factor", "auth.second_factor_setup_required")
        return self.get_response(request)

    @staticmethod
    def _refuse(request, url_name: str, code: str):
        if request.path_info.startswith("/api/"):
            message = _("Type the code of your authenticator app first (two-step verification).")
            return JsonResponse({"code": code, "field": "", "message": message, "findings": []}, status=401)
        target = reverse(url_name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)


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
