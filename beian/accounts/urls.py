from django.contrib.auth import views as auth_views
from django.urls import path

from beian.accounts import views
from beian.accounts.oidc import SignInCallback, SignInStart

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginPage.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # 使用<平台>登录 (OpenID Connect; 404 while it is not configured)
    path("oidc/authenticate/", SignInStart.as_view(), name="oidc_start"),
    path("oidc/callback/", SignInCallback.as_view(), name="oidc_callback"),
]
