from django.contrib.auth import views as auth_views
from django.urls import path

from beian.accounts import views
from beian.accounts.oidc import SignInCallback, SignInStart

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginPage.as_view(), name="login"),
    path("login/code/", views.login_verify, name="login_verify"),  # the second factor (staff who turned it on)
    path("profile/", views.profile, name="profile"),  # 我的账号: language, links to preferences
    path("two-factor/", views.two_factor_settings, name="two_factor"),  # 两步验证: set up or turn off
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # 忘记密码: a link by email (Django's views; the answer never tells whether the address is known)
    path("password-reset/", views.PasswordResetPage.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetSentPage.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmPage.as_view(), name="password_reset_confirm"),
    path("reset/done/", views.PasswordResetCompletePage.as_view(), name="password_reset_complete"),
    # 使用<平台>登录 (OpenID Connect; 404 while it is not configured)
    path("oidc/authenticate/", SignInStart.as_view(), name="oidc_start"),
    path("oidc/callback/", SignInCallback.as_view(), name="oidc_callback"),
]
