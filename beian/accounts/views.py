"""The login page: username and password, and 使用<平台>登录 when sign-in from the platform is on; 忘记密码
(a reset link by email, Django's views in our templates)."""

from __future__ import annotations

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from beian.accounts import services, two_factor
from beian.accounts.forms import EmailPasswordResetForm
from beian.accounts.oidc import oidc_enabled, oidc_platform_name
from beian.core import audit, clock

# A password accepted, waiting for the second factor: {user, backend, next, at} in the session
PENDING_SESSION_KEY = "two_factor_pending"
PENDING_SECONDS = 300


class LoginPage(LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_platform_name"] = oidc_platform_name() if oidc_enabled() else ""
        return context

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.second_factor_required(user):
            return super().form_valid(form)
        # The password was right; the session is not logged in until the authenticator's code is typed
        self.request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": getattr(user, "backend", ""),
            "next": self.get_success_url(),
            "at": clock.now().timestamp(),
        }
        return HttpResponseRedirect(reverse("accounts:login_verify"))


def _pending_user(request):
    pending = request.session.get(PENDING_SESSION_KEY) or {}
    if not pending or clock.now().timestamp() - float(pending.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING_SESSION_KEY, None)
        return None, {}
    return get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first(), pending


@require_http_methods(["GET", "POST"])
def login_verify(request):
    """The login's second step: the code of the authenticator app. For a password just accepted (pending in
    the session), or for a session that got in another way and has not passed the second factor yet."""
    signed_in = request.user.is_authenticated
    if signed_in:
        user, pending = request.user, {}
        if not two_factor.second_factor_required(user) or request.user.is_verified():
            return redirect("home")
    else:
        user, pending = _pending_user(request)
        if user is None:
            messages.info(request, _("Log in again: the time to type the code ran out."))
            return redirect("accounts:login")
    error = ""
    if request.method == "POST":
        try:
            device = two_factor.totp_verify(user=user, code=request.POST.get("code", ""))
        except two_factor.TwoFactorError as exc:
            error = exc.message
        else:
            if not signed_in:
                request.session.pop(PENDING_SESSION_KEY, None)
                login(request, user, backend=pending.get("backend") or None)
            two_factor.session_verified(request, device)
            next_url = pending.get("next") or request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
                next_url = reverse("home")
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/login_verify.html", {"error": error}, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_settings(request):
    """两步验证: set up an authenticator app (QR code, confirm with a code) or turn it off (with a code)."""
    user = request.user
    if not two_factor.is_staff_member(user):
        return render(request, "403.html", status=403)
    device = two_factor.confirmed_device(user)
    if device is not None and not user.is_verified():
        return redirect("accounts:login_verify")
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "disable":
                two_factor.totp_disable(user=user, code=request.POST.get("code", ""))
                messages.success(request, _("Two-step verification is off."))
            else:
                device = two_factor.totp_enrolment_confirm(user=user, code=request.POST.get("code", ""))
                two_factor.session_verified(request, device)
                messages.success(
                    request, _("Two-step verification is on: from now on you type a code after the password.")
                )
            return redirect("accounts:two_factor")
        except two_factor.TwoFactorError as exc:
            error = exc.message  # a refused code changed nothing: `device` still holds
    context = {
        "device": device,
        "required": two_factor.staff_required(),  # the user is staff (checked above)
        "error": error,
        "enrolment": None if device else two_factor.totp_enrolment_start(user=user),
    }
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


class PasswordResetPage(auth_views.PasswordResetView):
    """Asks for the account's email and sends a link to it; the next page says the same whether or not the
    address belongs to an account."""

    form_class = EmailPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetSentPage(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmPage(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password ends a lockout of the account (its wrong passwords no longer matter)
        reset_login_failures(username=form.user.get_username())
        audit.record(action="user.password_reset", target=form.user, actor_label=form.user.get_username())
        return response


class PasswordResetCompletePage(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@require_POST
def language_switch(request):
    """The header's language switch: Django's (the cookie, back to the page), and for a logged-in user the
    language stored on the account, which their notifications, emails and SMS follow."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in services.language_codes():
        services.user_language_set(user=request.user, language=language)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """我的账号: who is logged in, the language they read, links to notification preferences and (staff)
    two-step verification."""
    user = request.user
    if request.method == "POST":
        try:
            services.user_language_set(user=user, language=request.POST.get("language", ""))
        except services.ValidationFailed as exc:
            messages.error(request, exc.message)
            return redirect("accounts:profile")
        response = redirect("accounts:profile")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        translation.activate(user.language)
        messages.success(request, _("Saved: pages, notifications, emails and SMS come in this language."))
        return response
    context = {
        "languages": settings.LANGUAGES,
        "chosen": user.language or translation.get_language(),
        "is_staff_member": two_factor.is_staff_member(user),
        "two_factor_on": two_factor.second_factor_required(user),
    }
    return render(request, "accounts/profile.html", context)
