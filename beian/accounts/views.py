"""The login page: username and password, and 使用<平台>登录 when sign-in from the platform is on."""

from __future__ import annotations

from django.contrib.auth.views import LoginView

from beian.accounts.oidc import oidc_enabled, oidc_platform_name


class LoginPage(LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_platform_name"] = oidc_platform_name() if oidc_enabled() else ""
        return context
