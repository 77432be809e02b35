"""The login page: username and password, and 使用<平台>登录 when sign-in from the platform is on; 忘记密码
(a reset link by email, Django's views in our templates)."""

from __future__ import annotations

from axes.utils import reset as reset_login_failures
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import LoginView
from django.urls import reverse_lazy

from beian.accounts.oidc import oidc_enabled, oidc_platform_name
from beian.core import audit


class LoginPage(LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_platform_name"] = oidc_platform_name() if oidc_enabled() else ""
        return context


class PasswordResetPage(auth_views.PasswordResetView):
    """Asks for the account's email and sends a link to it; the next page says the same whether or not the
    address belongs to an account."""

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
